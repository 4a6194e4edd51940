/** Household visits' rows: special-care households and visits, whole as JSON in `doc`. */
import { CareHousehold, HouseholdVisit, VisitsConfig } from "@mulin/core"
import { Schema } from "effect"
import { toPath } from "./paths.js"
import { configShape, documentShape } from "./shape.js"

const decodeCare = Schema.decodeUnknownSync(CareHousehold)
const decodeVisit = Schema.decodeUnknownSync(HouseholdVisit)

/**
 * The table of special-care households, keyed by the household.
 *
 * @category visits
 * @since 0.5.0
 */
export const careHouseholds = documentShape({
  table: "care_households",
  key: "household_id",
  entity: "special-care household",
  id: (c: CareHousehold) => c.householdId,
  row: (c) => ({ household_id: c.householdId, county_id: c.countyId, path: toPath(c.scope), categories: c.categories.length, version: c.version, doc: JSON.stringify(c) }),
  decode: (doc) => decodeCare(JSON.parse(doc))
})

/**
 * The table of household visits.
 *
 * @category visits
 * @since 0.5.0
 */
export const householdVisits = documentShape({
  table: "household_visits",
  entity: "household visit",
  id: (v: HouseholdVisit) => v.id,
  row: (v) => ({ id: v.id, county_id: v.countyId, path: toPath(v.scope), household_id: v.householdId, visited_at: v.visitedAt, version: v.version, doc: JSON.stringify(v) }),
  decode: (doc) => decodeVisit(JSON.parse(doc))
})

/**
 * The table of the counties' visits configurations.
 *
 * @category visits
 * @since 0.5.0
 */
export const visitsConfigs = configShape("visits_configs", "visits configuration", VisitsConfig)
