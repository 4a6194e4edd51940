/**
 * The row types of the tables of service places and activities (migrations `0012_places`
 * and `0013_activities`), part of {@link Tables}.
 *
 * @since 0.5.0
 */
import type { ActivityId, ActivityKind, ActivityStatus, ActivityTeamId, GridNodeId, PlaceStatus, ServicePlaceId } from "@mulin/core"
import type { CountyConfigTable } from "./Tables.js"

/**
 * Service places (阵地), whole in `doc`, with the node, path, kind and status the queries use.
 *
 * @category models
 * @since 0.5.0
 */
export interface PlaceTable {
  readonly id: ServicePlaceId
  readonly county_id: GridNodeId
  readonly node_id: GridNodeId
  readonly path: string
  readonly kind: string
  readonly status: PlaceStatus
  readonly version: number
  readonly doc: string
}

/**
 * Activities (睦邻节, 夜校, 宣讲, …), whole in `doc` with their lists, beside the columns of
 * subtree, period and team queries.
 *
 * @category models
 * @since 0.5.0
 */
export interface ActivityTable {
  readonly id: ActivityId
  readonly county_id: GridNodeId
  readonly path: string
  readonly kind: ActivityKind
  readonly team_id: ActivityTeamId | null
  readonly starts_at: string
  readonly status: ActivityStatus
  readonly version: number
  readonly doc: string
}

/**
 * Volunteer and lecture teams, whole in `doc`.
 *
 * @category models
 * @since 0.5.0
 */
export interface ActivityTeamTable {
  readonly id: ActivityTeamId
  readonly county_id: GridNodeId
  readonly path: string
  readonly version: number
  readonly doc: string
}

/**
 * The tables of places and activities, as part of kysely's database type ({@link Tables}).
 *
 * @category models
 * @since 0.5.0
 */
export interface ServiceTables {
  readonly places_configs: CountyConfigTable
  readonly places: PlaceTable
  readonly activities: ActivityTable
  readonly activity_teams: ActivityTeamTable
}
