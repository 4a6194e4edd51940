/**
 * The visits port on SQLite: markings and visits each whole as JSON in `doc`, with the
 * materialised path (subtree ranges) and the columns the overdue list reads beside it; the
 * counties' categories and reasons as a versioned configuration.
 */
import { CareHousehold, type Conflict, type HouseholdId, HouseholdVisit, type Instant, type StorageError, VisitsConfig, VisitsStore } from "@mulin/core"
import { Effect, Schema } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { documentTable, Filter } from "../kernel/documents.js"
import { conflictsOnly } from "../kernel/errors.js"
import { toPath } from "../kernel/paths.js"
import { allRows, raw } from "../kernel/statements.js"

const decodeCare = Schema.decodeUnknownSync(CareHousehold)
const decodeVisit = Schema.decodeUnknownSync(HouseholdVisit)
const configs = countyConfigTable({
  table: "visits_configs",
  entity: "visits configuration",
  encode: Schema.encodeSync(VisitsConfig),
  decode: Schema.decodeUnknownSync(VisitsConfig)
})
const cares = documentTable({
  table: "care_households",
  key: "household_id",
  entity: "special-care household",
  id: (c: CareHousehold) => c.householdId,
  row: (c) => ({ household_id: c.householdId, county_id: c.countyId, path: toPath(c.scope), categories: c.categories.length, version: c.version, doc: JSON.stringify(c) }),
  decode: (doc) => decodeCare(JSON.parse(doc))
})
const visits = documentTable({
  table: "household_visits",
  entity: "household visit",
  id: (v: HouseholdVisit) => v.id,
  row: (v) => ({ id: v.id, county_id: v.countyId, path: toPath(v.scope), household_id: v.householdId, visited_at: v.visitedAt, version: v.version, doc: JSON.stringify(v) }),
  decode: (doc) => decodeVisit(JSON.parse(doc))
})

/** Makes the visits store over an open database. */
export const makeVisitsStore = (db: SqliteDatabase["Service"]): VisitsStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)
  return VisitsStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),
    saveConfig: (config, expectedVersion) => write((s) => configs.save(s, config, expectedVersion)),
    getCare: (id) => db.read((s) => cares.get(s, id)),
    insertCare: (care) => write((s) => cares.insert(s, care)),
    updateCare: (care, expectedVersion) => write((s) => cares.update(s, care, expectedVersion)),
    markedInSubtree: (scope) =>
      db.read((s) => {
        const filter = new Filter(scope).add("categories > 0")
        return cares.decodeAll(allRows(s, raw<{ readonly doc: string }>(`SELECT doc FROM care_households WHERE ${filter.sql} ORDER BY household_id`), ...filter.args))
      }),
    getVisit: (id) => db.read((s) => visits.get(s, id)),
    insertVisit: (visit) => write((s) => visits.insert(s, visit)),
    listVisits: ({ after, householdId, limit, scope }) => db.read((s) => visits.page(s, new Filter(scope).eq("household_id", householdId), after, limit)),
    lastVisits: (scope) =>
      db.read((s) => {
        const filter = new Filter(scope)
        const rows = allRows(s, raw<{ readonly household_id: HouseholdId; readonly last: Instant }>(`SELECT household_id, MAX(visited_at) AS last FROM household_visits WHERE ${filter.sql} GROUP BY household_id`), ...filter.args)
        return new Map(rows.map((r) => [r.household_id, r.last]))
      })
  })
}
