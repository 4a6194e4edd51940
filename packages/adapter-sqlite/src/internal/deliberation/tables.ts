/**
 * The row types of the deliberation tables (see `schema.ts`), part of `Tables`.
 *
 * @since 0.5.0
 */
import type { DeliberationItem, GridNodeId, ItemId, PersonId, SessionId } from "@mulin/core"

/**
 * Deliberation sessions (议事会议), whole in `doc`.
 *
 * @category models
 * @since 0.4.0
 */
export interface DeliberationSessionTable {
  readonly id: SessionId
  readonly county_id: GridNodeId
  readonly path: string
  readonly held_at: string
  readonly version: number
  readonly doc: string
}

/**
 * Deliberation items (议事事项), whole in `doc`, with the board's sort keys and the
 * statistics facts beside it.
 *
 * @category models
 * @since 0.4.0
 */
export interface DeliberationItemTable {
  readonly id: ItemId
  readonly county_id: GridNodeId
  readonly path: string
  readonly parent_id: ItemId | null
  readonly category: string
  /** The responsible unit's code, `''` for none. */
  readonly unit: string
  readonly state: DeliberationItem["state"]
  readonly status: DeliberationItem["status"]
  readonly raised_at: string
  /** The promised date, `'~'` for none (sorts last). */
  readonly promised_key: string
  readonly due_at: string | null
  readonly progress: number
  readonly rating_key: number
  readonly taken_up: number
  readonly on_time: number
  readonly ratings: number
  readonly rating_sum: number
  readonly rating_high: number
  readonly version: number
  readonly doc: string
}

/**
 * One rating per person, item and round (现场评).
 *
 * @category models
 * @since 0.4.0
 */
export interface DeliberationRatingTable {
  readonly item_id: ItemId
  readonly round: number
  readonly person_id: PersonId
  readonly score: number
  readonly comment: string | null
  readonly at: string
}

/**
 * Ratings recorded before 0.4 by ids that are not registered people.
 *
 * @category models
 * @since 0.4.0
 */
export interface DeliberationLegacyRatingTable {
  readonly item_id: ItemId
  readonly round: number
  readonly rater_id: string
  readonly score: number
  readonly comment: string | null
  readonly at: string
}

/** @category models @since 0.5.0 */
export interface DeliberationTables {
  readonly deliberation_sessions: DeliberationSessionTable
  readonly deliberation_items: DeliberationItemTable
  readonly deliberation_ratings: DeliberationRatingTable
  readonly deliberation_ratings_legacy: DeliberationLegacyRatingTable
}
