/** The visits port on PostgreSQL: markings and visits whole as JSON in `doc`; the counties' categories and reasons as a versioned configuration. */
import { CareHousehold, type HouseholdId, HouseholdVisit, type Instant, VisitsConfig, VisitsStore } from "@mulin/core"
import { Effect, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"
import { toPath } from "../kernel/paths.js"

const decodeCare = Schema.decodeUnknownSync(CareHousehold)
const decodeVisit = Schema.decodeUnknownSync(HouseholdVisit)

/** Makes the visits store over an open database. */
export const makeVisitsStore = (db: PostgresDatabase["Service"]): VisitsStore["Service"] => {
  const configs = configTable(db, { table: "visits_configs", entity: "visits configuration", encode: Schema.encodeSync(VisitsConfig), decode: Schema.decodeUnknownSync(VisitsConfig) })
  const cares = documentTable(db, {
    table: "care_households",
    key: "household_id",
    entity: "special-care household",
    id: (c: CareHousehold) => c.householdId,
    row: (c) => ({ county_id: c.countyId, household_id: c.householdId, path: toPath(c.scope), categories: c.categories.length, version: c.version, doc: JSON.stringify(c) }),
    decode: (doc) => decodeCare(JSON.parse(doc))
  })
  const visits = documentTable(db, {
    table: "household_visits",
    entity: "household visit",
    id: (v: HouseholdVisit) => v.id,
    row: (v) => ({ county_id: v.countyId, id: v.id, path: toPath(v.scope), household_id: v.householdId, visited_at: v.visitedAt, version: v.version, doc: JSON.stringify(v) }),
    decode: (doc) => decodeVisit(JSON.parse(doc))
  })
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
