/** The visits port on PostgreSQL: markings and visits whole as JSON in `doc`; the counties' categories and reasons as a versioned configuration. */
import { type HouseholdId, type Instant, VisitsStore } from "@mulin/core"
import { careHouseholds, householdVisits, visitsConfigs } from "@mulin/sql"
import { Effect } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"

/** Makes the visits store over an open database. */
export const makeVisitsStore = (db: PostgresDatabase["Service"]): VisitsStore["Service"] => {
  const configs = configTable(db, visitsConfigs)
  const cares = documentTable(db, careHouseholds)
  const visits = documentTable(db, householdVisits)
  return VisitsStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    getCare: cares.get,
    insertCare: cares.insert,
    updateCare: cares.update,
    markedInSubtree: (scope) => cares.where(new Filter(scope).add("categories > 0")),
    getVisit: visits.get,
    insertVisit: visits.insert,
    listVisits: ({ after, householdId, limit, scope }) => visits.page(new Filter(scope).eq("household_id", householdId), after, limit),
    lastVisits: (scope) => {
      const filter = new Filter(scope)
      return Effect.map(
        db.query<{ household_id: HouseholdId; last: Instant }>(`SELECT household_id, max(visited_at) AS last FROM household_visits WHERE ${filter.sql} GROUP BY household_id`, filter.args),
        (rows) => new Map(rows.map((r) => [r.household_id, r.last]))
      )
    }
  })
}
