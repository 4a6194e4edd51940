/**
 * The row types of the tables of special-care households and household visits (migration
 * `0017_visits`), part of {@link Tables}.
 *
 * @since 0.5.0
 */
import type { GridNodeId, HouseholdId, VisitId } from "@mulin/core"
import type { CountyConfigTable } from "./Tables.js"

/**
 * A household's special-care marking, whole in `doc`, with how many categories it has
 * beside the path the overdue list reads by.
 *
 * @category models
 * @since 0.5.0
 */
export interface CareHouseholdTable {
  readonly household_id: HouseholdId
  readonly county_id: GridNodeId
  readonly path: string
  readonly categories: number
  readonly version: number
  readonly doc: string
}

/**
 * A household visit, whole in `doc` (the findings included), with the household and the
 * time of the visit beside the path for the latest visit of each household.
 *
 * @category models
 * @since 0.5.0
 */
export interface HouseholdVisitTable {
  readonly id: VisitId
  readonly county_id: GridNodeId
  readonly path: string
  readonly household_id: HouseholdId
  readonly visited_at: string
  readonly version: number
  readonly doc: string
}

/**
 * The tables of the visits context, as part of kysely's database type ({@link Tables}).
 *
 * @category models
 * @since 0.5.0
 */
export interface VisitTables {
  readonly visits_configs: CountyConfigTable
  readonly care_households: CareHouseholdTable
  readonly household_visits: HouseholdVisitTable
}
