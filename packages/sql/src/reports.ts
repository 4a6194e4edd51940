/**
 * The ledger of work's rows: one row per piece of work, with the seconds to respond and to
 * resolve beside the instants so that the KPI aggregates are plain sums.
 */
import { type GridNodeId, type LedgerEntry, ReportsConfig, secondsFrom, type WorkKind, type WorkOutcome } from "@mulin/core"
import { fromPath, toPath } from "./paths.js"
import { configShape } from "./shape.js"

/**
 * One row of `work_ledger`.
 *
 * @category reports
 * @since 0.5.0
 */
export interface WorkLedgerRow {
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
  /** The month (`YYYY-MM`) of `opened_at` in the county's calendar, where the row counts in the roll-up. */
  readonly opened_month: string
}

/**
 * The row of an entry, counted in the roll-up at `month`.
 *
 * @category reports
 * @since 0.5.0
 */
export const ledgerRow = (e: LedgerEntry, month: string): WorkLedgerRow => ({
  kind: e.kind,
  id: e.id,
  county_id: e.countyId,
  node_id: e.nodeId,
  path: toPath(e.path),
  category: e.category,
  channel: e.channel,
  opened_at: e.openedAt,
  responded_at: e.respondedAt,
  resolved_at: e.resolvedAt,
  due_at: e.dueAt,
  outcome: e.outcome,
  ratings: e.ratings,
  satisfied: e.satisfied,
  response_seconds: secondsFrom(e.openedAt, e.respondedAt),
  resolution_seconds: secondsFrom(e.openedAt, e.resolvedAt),
  routed_kind: e.routedTo?.kind ?? null,
  routed_id: e.routedTo?.id ?? null,
  updated_at: e.updatedAt,
  opened_month: month
})

/**
 * The entry of a row (the seconds are not read: they follow from the instants).
 *
 * @category reports
 * @since 0.5.0
 */
export const ledgerEntryOf = (r: Omit<WorkLedgerRow, "response_seconds" | "resolution_seconds">): LedgerEntry => ({
  kind: r.kind,
  id: r.id,
  countyId: r.county_id,
  nodeId: r.node_id,
  path: fromPath<GridNodeId>(r.path),
  category: r.category,
  channel: r.channel,
  openedAt: r.opened_at,
  respondedAt: r.responded_at,
  resolvedAt: r.resolved_at,
  dueAt: r.due_at,
  outcome: r.outcome,
  ratings: r.ratings,
  satisfied: r.satisfied,
  routedTo: r.routed_kind === null ? null : { kind: r.routed_kind, id: r.routed_id },
  updatedAt: r.updated_at
} as LedgerEntry)

/**
 * The columns of `work_ledger`, in the order the upserts bind them.
 *
 * @category reports
 * @since 0.5.0
 */
export const WORK_LEDGER_COLUMNS: ReadonlyArray<keyof WorkLedgerRow> = [
  "kind", "id", "county_id", "node_id", "path", "category", "channel", "opened_at", "responded_at", "resolved_at", "due_at",
  "outcome", "ratings", "satisfied", "response_seconds", "resolution_seconds", "routed_kind", "routed_id", "updated_at", "opened_month"
]

/**
 * The table of the counties' reports configurations.
 *
 * @category reports
 * @since 0.5.0
 */
export const reportsConfigs = configShape("reports_configs", "reports configuration", ReportsConfig)
