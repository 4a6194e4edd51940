/** Party members' rows (在职党员报到): registrations and services, whole as JSON in `doc`. */
import { PartyConfig, PartyService, Registration } from "@mulin/core"
import { Schema } from "effect"
import { toPath } from "./paths.js"
import { configShape, documentShape } from "./shape.js"

const decodeRegistration = Schema.decodeUnknownSync(Registration)
const decodeService = Schema.decodeUnknownSync(PartyService)

/**
 * The row of a registration.
 *
 * @category party
 * @since 0.5.0
 */
export const registrationRow = (r: Registration) => ({
  id: r.id, county_id: r.countyId, person_id: r.personId, path: toPath(r.scope), employer_id: r.employerId, status: r.status,
  registered_at: r.registeredAt, withdrawn_at: r.withdrawnAt, version: r.version, doc: JSON.stringify(r)
})

/**
 * The table of party members' registrations with a community.
 *
 * @category party
 * @since 0.5.0
 */
export const partyRegistrations = documentShape({
  table: "party_registrations",
  entity: "party member's registration",
  id: (r: Registration) => r.id,
  row: registrationRow,
  decode: (doc) => decodeRegistration(JSON.parse(doc))
})

/**
 * The table of party members' services (written once: version 1).
 *
 * @category party
 * @since 0.5.0
 */
export const partyServices = documentShape({
  table: "party_services",
  entity: "party member's service",
  id: (x: PartyService) => x.id,
  row: (x) => ({ id: x.id, county_id: x.countyId, path: toPath(x.scope), employer_id: x.employerId, served_at: x.servedAt, version: 1, doc: JSON.stringify(x) }),
  decode: (doc) => decodeService(JSON.parse(doc))
})

/**
 * The table of the counties' party configurations.
 *
 * @category party
 * @since 0.5.0
 */
export const partyConfigs = configShape("party_configs", "party configuration", PartyConfig)
