/**
 * The reports context's port: the ledger of work as a projection every adapter keeps,
 * the aggregates the KPI report is computed from, and the counties' reporting settings.
 * `reportsStoreConformance` (`@mulin/core/testing`) checks every adapter.
 *
 * @since 0.5.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import type { LedgerEntry, ReportsConfig, WorkKind } from "./model.js"

/**
 * Which rows of the ledger a query reads: those whose path lies in the subtree whose root's
 * path (county first, root last) is `scope`, opened in `[from, to)`, except merged work.
 *
 * @category models
 * @since 0.5.0
 */
export interface LedgerQuery {
  readonly scope: ReadonlyArray<GridNodeId>
  readonly from: Instant
  readonly to: Instant
}

/**
 * The position of a row in the ledger's order (opened, then kind, then id), a page's cursor.
 *
 * @category models
 * @since 0.5.0
 */
export interface LedgerCursor {
  readonly openedAt: Instant
  readonly kind: WorkKind
  readonly id: string
}

/**
 * The additive sums of a group of the ledger's rows: what {@link KpiFact} and
 * {@link RollupFact} count.
 *
 * @category models
 * @since 0.5.0
 */
export interface KpiSums {
  readonly work: number
  readonly responded: number
  readonly respondedInTime: number
  readonly respondSeconds: number
  readonly resolved: number
  readonly resolveSeconds: number
  readonly ratings: number
  readonly satisfied: number
}

/**
 * One group of the KPI aggregates: the work of one child of the root (`child`, `null` for
 * work at the root itself), category, channel and kind, with its counts and summed seconds.
 *
 * @category models
 * @since 0.5.0
 */
export interface KpiFact extends KpiSums {
  readonly child: GridNodeId | null
  readonly category: string
  readonly channel: string
  readonly kind: WorkKind
}

/**
 * Where a stored row counts in the monthly roll-up, decided by the core: the calendar month
 * (`YYYY-MM`) of its opening in the county's time zone, and the county's current response
 * time in seconds (its `responseHours` setting, or the default when it has none).
 *
 * @category models
 * @since 0.5.0
 */
export interface LedgerPlacement {
  readonly month: string
  readonly responseSeconds: number
}

/**
 * Which whole months of the roll-up a query reads: the subtree whose root's path (county
 * first, root last) is `scope`, the months `from` to `to` (`YYYY-MM`, both inclusive) of
 * the county's calendar.
 *
 * @category models
 * @since 0.5.0
 */
export interface MonthQuery {
  readonly scope: ReadonlyArray<GridNodeId>
  readonly from: string
  readonly to: string
}

/**
 * One group of the monthly roll-up read back: the whole subtree of `nodeId` (the root of
 * the query, or one of its children), one category, channel and kind, summed over the
 * query's months.
 *
 * @category models
 * @since 0.5.0
 */
export interface RollupFact extends KpiSums {
  readonly nodeId: GridNodeId
  readonly category: string
  readonly channel: string
  readonly kind: WorkKind
}

/**
 * Storage of the ledger of work, its monthly roll-up and the counties' reporting settings.
 *
 * The roll-up holds, for every node on a row's path down to `ROLLUP_DEPTH` (the county, its
 * streets, their communities), the row's month, category, channel and kind, the
 * {@link KpiSums} of the rows counted there (merged work counts nowhere). A county's or a
 * street's report over whole months reads the groups of its root and of its children only,
 * never the ledger; the work at the root itself is the root's sums less its children's.
 * Deeper subtrees are small and are scanned. "Responded in time" is counted
 * against the county's response time passed to `put`; when the setting changes,
 * `saveConfig` recounts the county's roll-up from its ledger in the same transaction (one
 * scan of that county's ledger, paid when the setting changes instead of on every report).
  *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `put` MUST store the row whole under its kind and id, replacing the one stored, and in
 *   the same transaction MUST take the replaced row's contribution out of the roll-up (its
 *   stored month) and add the new row's at `placement.month`, for each of the first
 *   `ROLLUP_DEPTH` nodes of the path (as `rollupDeltas` gives them), counting it as responded in
 *   time when its seconds to respond are at most `placement.responseSeconds`. Merged work
 *   MUST count nowhere; a group left with no work MUST be dropped.
 * - `routedTo` MUST return the request whose `routedTo` names exactly this kind and id, if any.
 * - `page` MUST return the query's rows (never merged work) in the order opened, kind, id,
 *   strictly after `after`, at most `limit`; `next` is set when more follow.
 * - `facts` MUST count each of the query's rows once, in the group of the child of the
 *   root on its path (`null` at the root), its category, channel and kind; a row counts as
 *   responded in time when its `responseSeconds` is at most `responseSeconds`.
 * - `categoryCounts` MUST count the query's rows by category, as `facts` would.
 * - `monthFacts` (called for a `scope` shorter than `ROLLUP_DEPTH` only) MUST return, for
 *   the root of `scope` and each of its children, the sums of
 *   the subtree's rows opened in the months `from` to `to` (their placement's month) by
 *   category, channel and kind, read from the roll-up alone; groups with no work MUST be
 *   left out. Over whole months it MUST agree exactly with `facts` over the same rows.
 * - `monthCategoryCounts` MUST count the rows `monthFacts` counts at the root, by category.
 * - `saveConfig` MUST fail with `Conflict` (reason `version_mismatch`) unless the stored
 *   version equals `expectedVersion` (0: none yet). When its `responseHours` differs from
 *   the stored one (the default, `defaultReportsConfig`, when none is stored), it MUST
 *   recount the county's roll-up at the new response time in the same transaction.
 * - Whatever clears the ledger MUST clear the roll-up with it.
 *
 * @category services
 * @since 0.5.0
 */
export class ReportsStore extends Context.Service<ReportsStore, {
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<ReportsConfig>, StorageError>
  readonly saveConfig: (config: ReportsConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The row of one piece of work. */
  readonly get: (kind: WorkKind, id: string) => Effect.Effect<Option.Option<LedgerEntry>, StorageError>
  /** Stores a row, replacing the one of the same kind and id, and moves the roll-up with it. */
  readonly put: (entry: LedgerEntry, placement: LedgerPlacement) => Effect.Effect<void, StorageError>
  /** The request routed to this piece of work, if any. */
  readonly routedTo: (kind: WorkKind, id: string) => Effect.Effect<Option.Option<LedgerEntry>, StorageError>
  /** A page of the ledger of a subtree and period. */
  readonly page: (query: LedgerQuery & { readonly after?: LedgerCursor | undefined; readonly limit: number }) => Effect.Effect<{ readonly items: ReadonlyArray<LedgerEntry>; readonly more: boolean }, StorageError>
  /** How much work of each category a subtree and period holds (year on year, complaints). */
  readonly categoryCounts: (query: LedgerQuery) => Effect.Effect<ReadonlyArray<{ readonly category: string; readonly work: number }>, StorageError>
  /** The KPI aggregates of a subtree and period. */
  readonly facts: (query: LedgerQuery & { readonly responseSeconds: number }) => Effect.Effect<ReadonlyArray<KpiFact>, StorageError>
  /** The roll-up's sums of a subtree's root and children over whole months. */
  readonly monthFacts: (query: MonthQuery) => Effect.Effect<ReadonlyArray<RollupFact>, StorageError>
  /** How much work of each category a subtree holds over whole months, from the roll-up. */
  readonly monthCategoryCounts: (query: MonthQuery) => Effect.Effect<ReadonlyArray<{ readonly category: string; readonly work: number }>, StorageError>
}>()("@mulin/core/reports/ReportsStore") {}
