/**
 * The row types of the intake tables (migration `0020_intake`), part of {@link Tables}.
 *
 * @since 0.5.0
 */
import type { GridNodeId, IntakeChannel, IntakeRequestId, IntakeStatus } from "@mulin/core"
import type { CountyConfigTable } from "./Tables.js"

/**
 * An intake request, whole in `doc` (its follow code's hash included), with what listings
 * and the county's figures filter, group and sort on beside the path.
 *
 * @category models
 * @since 0.5.0
 */
export interface IntakeRequestTable {
  readonly id: IntakeRequestId
  readonly county_id: GridNodeId
  readonly path: string
  /** Unique in the county, e.g. `SZ-20261206-0042`. */
  readonly reference: string
  readonly status: IntakeStatus
  readonly channel: IntakeChannel
  readonly category: string
  /** The need, case or item it was routed to. */
  readonly target_id: string | null
  readonly received_at: string
  readonly version: number
  readonly doc: string
}

/**
 * The day's serial number of a county's references (`day`: the local date).
 *
 * @category models
 * @since 0.5.0
 */
export interface IntakeSerialTable {
  readonly county_id: GridNodeId
  readonly day: string
  readonly serial: number
}

/**
 * The wrong follow codes counted against a request.
 *
 * @category models
 * @since 0.5.0
 */
export interface IntakeFollowGuardTable {
  readonly request_id: IntakeRequestId
  readonly failures: number
  readonly window_start: string
  readonly locked_until: string | null
}

/**
 * The tables of the intake context, as part of kysely's database type ({@link Tables}).
 *
 * @category models
 * @since 0.5.0
 */
export interface IntakeTables {
  readonly intake_configs: CountyConfigTable
  readonly intake_requests: IntakeRequestTable
  readonly intake_serials: IntakeSerialTable
  readonly intake_follow_guards: IntakeFollowGuardTable
}
