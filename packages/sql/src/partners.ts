/** Partners' rows (睦邻合伙人): partner organisations and the services they provide, whole as JSON in `doc`. */
import { Partner, Provision } from "@mulin/core"
import { Schema } from "effect"
import { toPath } from "./paths.js"
import { documentShape } from "./shape.js"

const decodePartner = Schema.decodeUnknownSync(Partner)
const decodeProvision = Schema.decodeUnknownSync(Provision)

/**
 * The table of partner organisations.
 *
 * @category partners
 * @since 0.5.0
 */
export const partnerOrganisations = documentShape({
  table: "partners",
  entity: "partner organisation",
  id: (p: Partner) => p.id,
  row: (p) => ({
    id: p.id, county_id: p.countyId, path: toPath(p.scope), type: p.type, status: p.status, created_at: p.createdAt, withdrawn_at: p.withdrawnAt, version: p.version, doc: JSON.stringify(p)
  }),
  decode: (doc) => decodePartner(JSON.parse(doc))
})

/**
 * The table of the services partners provided (written once: version 1).
 *
 * @category partners
 * @since 0.5.0
 */
export const partnerServices = documentShape({
  table: "partner_services",
  entity: "partner service",
  id: (p: Provision) => p.id,
  row: (p) => ({ id: p.id, county_id: p.countyId, path: toPath(p.scope), partner_id: p.partnerId, provided_at: p.providedAt, version: 1, doc: JSON.stringify(p) }),
  decode: (doc) => decodeProvision(JSON.parse(doc))
})
