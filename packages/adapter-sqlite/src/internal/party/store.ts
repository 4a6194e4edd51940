/**
 * The party port on SQLite: each registration and each service whole as JSON in `doc`,
 * with the materialised path of the community (subtree ranges), the person, the employer,
 * the status and the instants beside it; the counties' kinds of service as a versioned
 * configuration. A partial unique index keeps one active registration per person and county.
 */
import { type Conflict, conflict, PartyStore, Registration, type StorageError } from "@mulin/core"
import { partyConfigs, partyRegistrations, partyServices } from "@mulin/sql"
import { Effect, Option, Schema } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { documentTable, Filter } from "../kernel/documents.js"
import { conflictsOnly } from "../kernel/errors.js"
import { allRows, getRow, raw } from "../kernel/statements.js"

const decodeRegistration = Schema.decodeUnknownSync(Registration)
const configs = countyConfigTable(partyConfigs)
const registrations = documentTable(partyRegistrations)
const services = documentTable(partyServices)
const active = raw<{ readonly doc: string }>("SELECT doc FROM party_registrations WHERE county_id = ? AND person_id = ? AND status = 'active'")

/** Makes the party store over an open database. */
export const makePartyStore = (db: SqliteDatabase["Service"]): PartyStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)
  const activeFor = (s: StatementSource, countyId: string, personId: string) => {
    const row = getRow(s, active, countyId, personId)
    return row === undefined ? Option.none() : Option.some(decodeRegistration(JSON.parse(row.doc)))
  }
  return PartyStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),
    saveConfig: (config, expectedVersion) => write((s) => configs.save(s, config, expectedVersion)),
    get: (id) => db.read((s) => registrations.get(s, id)),
    activeFor: (countyId, personId) => db.read((s) => activeFor(s, countyId, personId)),
    insert: (r) =>
      write((s) => {
        if (Option.isSome(registrations.get(s, r.id))) return registrations.insert(s, r)
        if (Option.isSome(activeFor(s, r.countyId, r.personId))) {
          throw conflict("already_registered", "this person is already registered with a community of the county", "该党员已在本区县的社区报到")
        }
        registrations.insert(s, r)
      }),
    update: (r, expectedVersion) => write((s) => registrations.update(s, r, expectedVersion)),
    list: ({ after, employerId, limit, scope, status }) => db.read((s) => registrations.page(s, new Filter(scope).eq("employer_id", employerId).eq("status", status), after, limit)),
    registrationsIn: (scope, from, to, employerId) =>
      db.read((s) => {
        const filter = new Filter(scope).eq("employer_id", employerId).add("registered_at < ? AND (withdrawn_at IS NULL OR withdrawn_at >= ?)", to, from)
        return registrations.decodeAll(allRows(s, raw<{ readonly doc: string }>(`SELECT doc FROM party_registrations WHERE ${filter.sql} ORDER BY id`), ...filter.args))
      }),
    insertService: (x) => write((s) => services.insert(s, x)),
    servicesIn: (scope, from, to, employerId) =>
      db.read((s) => {
        const filter = new Filter(scope).eq("employer_id", employerId).add("served_at >= ? AND served_at < ?", from, to)
        return services.decodeAll(allRows(s, raw<{ readonly doc: string }>(`SELECT doc FROM party_services WHERE ${filter.sql} ORDER BY id`), ...filter.args))
      })
  })
}
