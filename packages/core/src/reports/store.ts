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
 * One group of the KPI aggregates: the work of one child of the root (`child`, `null` for
 * work at the root itself), category, channel and kind, with its counts and summed seconds.
 *
 * @category models
 * @since 0.5.0
 */
export interface KpiFact {
  readonly child: GridNodeId | null
  readonly category: string
  readonly channel: string
  readonly kind: WorkKind
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
 * Storage of the ledger of work and of the counties' reporting settings.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `put` MUST store the row whole under its kind and id, replacing the one stored.
 * - `routedTo` MUST return the request whose `routedTo` names exactly this kind and id, if any.
 * - `page` MUST return the query's rows (never merged work) in the order opened, kind, id,
 *   strictly after `after`, at most `limit`; `next` is set when more follow.
 * - `facts` MUST count each of the query's rows once, in the group of the child of the
 *   root on its path (`null` at the root), its category, channel and kind; a row counts as
 *   responded in time when its `responseSeconds` is at most `responseSeconds`.
 * - `categoryCounts` MUST count the query's rows by category, as `facts` would.
 * - `saveConfig` MUST fail with `Conflict` (reason `version_mismatch`) unless the stored
 *   version equals `expectedVersion` (0: none yet).
 *
 * @category services
 * @since 0.5.0
 */
export class ReportsStore extends Context.Service<ReportsStore, {
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<ReportsConfig>, StorageError>
  readonly saveConfig: (config: ReportsConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The row of one piece of work. */
  readonly get: (kind: WorkKind, id: string) => Effect.Effect<Option.Option<LedgerEntry>, StorageError>
  /** Stores a row, replacing the one of the same kind and id. */
  readonly put: (entry: LedgerEntry) => Effect.Effect<void, StorageError>
  /** The request routed to this piece of work, if any. */
  readonly routedTo: (kind: WorkKind, id: string) => Effect.Effect<Option.Option<LedgerEntry>, StorageError>
  /** A page of the ledger of a subtree and period. */
  readonly page: (query: LedgerQuery & { readonly after?: LedgerCursor | undefined; readonly limit: number }) => Effect.Effect<{ readonly items: ReadonlyArray<LedgerEntry>; readonly more: boolean }, StorageError>
  /** How much work of each category a subtree and period holds (year on year, complaints). */
  readonly categoryCounts: (query: LedgerQuery) => Effect.Effect<ReadonlyArray<{ readonly category: string; readonly work: number }>, StorageError>
  /** The KPI aggregates of a subtree and period. */
  readonly facts: (query: LedgerQuery & { readonly responseSeconds: number }) => Effect.Effect<ReadonlyArray<KpiFact>, StorageError>
}>()("@mulin/core/reports/ReportsStore") {}
