/**
 * The row types of the reports tables (migrations `0021_reports`, `0022_reports_rollup`), part of `Tables`.
 *
 * @since 0.5.0
 */
import type { GridNodeId, WorkKind } from "@mulin/core"
import type { WorkLedgerRow } from "@mulin/sql"
import type { CountyConfigTable } from "../../Tables.js"

/**
 * One row of the ledger of work, with the seconds to respond and to resolve beside the
 * instants so that the KPI aggregates are plain sums.
 *
 * @category models
 * @since 0.5.0
 */
export interface WorkLedgerTable extends WorkLedgerRow {}

/**
 * One group of the ledger's monthly roll-up (migration `0022_reports_rollup`): the subtree of
 * `node_id` (its parent `parent_id`, `''` for a county), a month, category, channel and kind.
 *
 * @category models
 * @since 0.5.0
 */
export interface ReportsRollupTable {
  readonly node_id: GridNodeId
  readonly month: string
  readonly category: string
  readonly channel: string
  readonly kind: WorkKind
  readonly county_id: GridNodeId
  readonly parent_id: string
  readonly work: number
  readonly responded: number
  readonly responded_in_time: number
  readonly respond_seconds: number
  readonly resolved: number
  readonly resolve_seconds: number
  readonly ratings: number
  readonly satisfied: number
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
  readonly reports_rollup: ReportsRollupTable
}
