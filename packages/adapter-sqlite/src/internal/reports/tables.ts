/**
 * The row types of the reports tables (migration `0021_reports`), part of `Tables`.
 *
 * @since 0.5.0
 */
import type { GridNodeId, WorkKind, WorkOutcome } from "@mulin/core"
import type { CountyConfigTable } from "../../Tables.js"

/**
 * One row of the ledger of work, with the seconds to respond and to resolve beside the
 * instants so that the KPI aggregates are plain sums.
 *
 * @category models
 * @since 0.5.0
 */
export interface WorkLedgerTable {
  readonly kind: WorkKind
  readonly id: string
  readonly county_id: GridNodeId
  readonly node_id: GridNodeId
  readonly path: string
  readonly category: string
  readonly channel: string
  readonly opened_at: string
  readonly responded_at: string | null
  readonly resolved_at: string | null
  readonly due_at: string | null
  readonly outcome: WorkOutcome
  readonly ratings: number
  readonly satisfied: number
  readonly response_seconds: number | null
  readonly resolution_seconds: number | null
  readonly routed_kind: "need" | "case" | "item" | "referral" | null
  readonly routed_id: string | null
  readonly updated_at: string
}

/**
 * The reports tables.
 *
 * @category models
 * @since 0.5.0
 */
export interface ReportsTables {
  readonly reports_configs: CountyConfigTable
  readonly work_ledger: WorkLedgerTable
}
