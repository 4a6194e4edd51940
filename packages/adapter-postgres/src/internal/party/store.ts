/**
 * The party port on PostgreSQL: each registration and each service whole as JSON in `doc`,
 * with the materialised path of the community (subtree ranges), the person, the employer,
 * the status and the instants beside it; the counties' kinds of service as a versioned
 * configuration. A partial unique index keeps one active registration per person and county,
 * so of two registrations of one person committing together one fails.
 */
import { conflict, duplicateId, PartyStore, Registration } from "@mulin/core"
import { partyConfigs, partyRegistrations, partyServices } from "@mulin/sql"
import { Effect, Option, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"
import { toPath } from "../kernel/paths.js"
import { classify, isUniqueViolation } from "../kernel/sql.js"

const decodeRegistration = Schema.decodeUnknownSync(Registration)
const alreadyRegistered = () => conflict("already_registered", "this person is already registered with a community of the county", "该党员已在本区县的社区报到")

/** Makes the party store over an open database. */
export const makePartyStore = (db: PostgresDatabase["Service"]): PartyStore["Service"] => {
  const configs = configTable(db, partyConfigs)
  const rowOf = (r: Registration) => ({
    county_id: r.countyId, id: r.id, person_id: r.personId, path: toPath(r.scope), employer_id: r.employerId, status: r.status,
    registered_at: r.registeredAt, withdrawn_at: r.withdrawnAt, version: r.version, doc: JSON.stringify(r)
  })
  const registrations = documentTable(db, partyRegistrations)
  const services = documentTable(db, partyServices)
  const activeFor = (countyId: string, personId: string) =>
    Effect.map(
      db.query<{ doc: string }>("SELECT doc FROM party_registrations WHERE county_id = $1 AND person_id = $2 AND status = 'active'", [countyId, personId]),
      (rows) => (rows.length === 0 ? Option.none<Registration>() : Option.some(decodeRegistration(JSON.parse(rows[0]!.doc))))
    )
  /** A taken id first, then a person active already (the partial unique index, when two commit together). */
  const insert = (r: Registration) => {
    const row = rowOf(r)
    const columns = Object.keys(row) as Array<keyof typeof row>
    return db.write(Effect.mapError(
      db.run(
        `INSERT INTO party_registrations (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) ON CONFLICT (county_id, id) DO NOTHING`,
        columns.map((c) => row[c])
      ),
      (error) => classify(isUniqueViolation(error) ? alreadyRegistered() : error)
    )).pipe(Effect.flatMap((result) => (result.rowCount > 0 ? Effect.void : Effect.fail(duplicateId("party member's registration", r.id)))))
  }
  return PartyStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    get: registrations.get,
    activeFor,
    insert: (r) =>
      Effect.flatMap(registrations.get(r.id), (found) => (Option.isSome(found) ? Effect.fail(duplicateId("party member's registration", r.id)) : insert(r))),
    update: registrations.update,
    list: ({ after, employerId, limit, scope, status }) => registrations.page(new Filter(scope).eq("employer_id", employerId).eq("status", status), after, limit),
    registrationsIn: (scope, from, to, employerId) =>
      registrations.where(new Filter(scope).eq("employer_id", employerId).add("registered_at < ? AND (withdrawn_at IS NULL OR withdrawn_at >= ?)", to, from)),
    insertService: services.insert,
    servicesIn: (scope, from, to, employerId) => services.where(new Filter(scope).eq("employer_id", employerId).add("served_at >= ? AND served_at < ?", from, to))
  })
}
