/**
 * The row types of the follow-up tables (see `schema.ts`), part of `Tables`.
 *
 * @since 0.5.0
 */
import type { FollowUpId, FollowUpRecord, GridNodeId, PersonId } from "@mulin/core"
import type { CountyConfigTable } from "../../Tables.js"

/**
 * A follow-up (回访): the whole record as JSON in `doc`, with the sweep's next day, the
 * statistics path, day and facts beside it.
 *
 * @category models
 * @since 0.5.0
 */
export interface FollowUpTable {
  readonly id: FollowUpId
  readonly county_id: GridNodeId
  readonly path: string
  readonly subject: FollowUpRecord["subject"]
  readonly subject_id: string
  /** The day the work was finished (county calendar). */
  readonly requested_on: string
  /** The first day the sweep has something to do; `null` once nothing is left. */
  readonly next_date: string | null
  readonly asked: number
  readonly rated: number
  readonly satisfied: number
  readonly lapsed: number
  readonly questionnaires_sent: number
  readonly answered: number
  readonly solved: number
  readonly not_solved: number
  readonly reopened: number
  readonly version: number
  readonly doc: string
}

/**
 * Who a follow-up waits for: a rating to give or a questionnaire to answer.
 *
 * @category models
 * @since 0.5.0
 */
export interface FollowUpWaitingTable {
  readonly followup_id: FollowUpId
  readonly person_id: PersonId
}

/** @category models @since 0.5.0 */
export interface FollowUpTables {
  readonly followup_configs: CountyConfigTable
  readonly followups: FollowUpTable
  readonly followup_waiting: FollowUpWaitingTable
}
