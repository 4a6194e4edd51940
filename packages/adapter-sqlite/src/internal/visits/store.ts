/**
 * The visits port on SQLite: markings and visits each whole as JSON in `doc`, with the
 * materialised path (subtree ranges) and the columns the overdue list reads beside it; the
 * counties' categories and reasons as a versioned configuration.
 */
import { type Conflict, type HouseholdId, type Instant, type StorageError, VisitsStore } from "@mulin/core"
import { careHouseholds, householdVisits, visitsConfigs } from "@mulin/sql"
import { Effect } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { documentTable, Filter } from "../kernel/documents.js"
import { conflictsOnly } from "../kernel/errors.js"
import { allRows, raw } from "../kernel/statements.js"

const configs = countyConfigTable(visitsConfigs)
const cares = documentTable(careHouseholds)
const visits = documentTable(householdVisits)

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
