/**
 * The deliberation context's port: the storage of sessions, items, ratings and county
 * configurations every adapter implements and `deliberationStoreConformance`
 * (`@mulin/core/testing`) checks.
 *
 * @since 0.3.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { Instant } from "../kernel/time.js"
import type { DeliberationConfig, DeliberationItem, ItemId, ItemRating, ItemState, ItemStatus, Session, SessionId } from "./model.js"
import type { BoardSort } from "./views.js"

/**
 * Which items the board shows: those whose scope starts with `scope`, narrowed by the
 * filters, in `sort` order (ties by id), `limit` from `offset`.
 *
 * @category models
 * @since 0.3.0
 */
export interface BoardQuery {
  readonly scope: ReadonlyArray<GridNodeId>
  /** What "overdue" is measured against: an item is overdue from its `dueAt` on. */
  readonly now: Instant
  readonly category?: string | undefined
  readonly unit?: string | undefined
  readonly status?: ItemStatus | undefined
  readonly state?: ItemState | undefined
  /** Only items taken up, unresolved and past their promised date (true), or only the others (false). */
  readonly overdue?: boolean | undefined
  readonly sort: BoardSort
  readonly offset: number
  readonly limit: number
}

/**
 * The items of one combination of facts, counted.
 *
 * @category models
 * @since 0.3.0
 */
export interface ItemStatsGroup {
  readonly category: string
  /** The responsible unit's code, or `""`. */
  readonly unit: string
  readonly state: ItemState
  /** The grid node directly below the statistics' root on the item's path, or `""` at the root. */
  readonly child: string
  /** 1 when taken up (accepted at some point). */
  readonly takenUp: number
  /** 1 when resolved by the end of the promised day, 0 when late, -1 when not resolved or without one. */
  readonly onTime: number
  /** 1 when overdue at `now`. */
  readonly overdue: number
  readonly items: number
  readonly ratings: number
  readonly ratingSum: number
  /** Ratings of 4 or 5. */
  readonly satisfied: number
}

/**
 * Storage of deliberation sessions, items, ratings and county configurations.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `insertItem`/`insertSession` MUST fail with `Conflict` (reason `duplicate_id`) when the
 *   id exists, writing nothing.
 * - `updateItem`, `updateSession` and `saveConfig` MUST fail with `Conflict` (reason
 *   `version_mismatch`) unless the stored version equals `expectedVersion`.
 * - `addRating` MUST fail with `Conflict` (reason `already_rated`), writing nothing, when
 *   the person rated the item in that round before, whatever process attempts it.
 * - `findRating` MUST return the person's rating of the item in that round, as committed
 *   (or written earlier in the same unit of work).
 * - `board` MUST return only items in the subtree matching every filter, in the sort order;
 *   `next` is the offset of the next page when more follow.
 * - `board` and `statistics` MUST count an item as overdue at `now` when it is accepted or
 *   in progress and its `dueAt` is at or before `now`.
 * - `statistics` MUST count each item raised in `[from, to)` within the subtree once.
 *
 * @category services
 * @since 0.3.0
 */
export class DeliberationStore extends Context.Service<DeliberationStore, {
  /** The county's deliberation configuration, if one was saved. */
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<DeliberationConfig>, StorageError>
  /** Saves a county's configuration if its stored version is `expectedVersion`. */
  readonly saveConfig: (config: DeliberationConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The session with this id. */
  readonly getSession: (id: SessionId) => Effect.Effect<Option.Option<Session>, StorageError>
  /** Stores a new session. */
  readonly insertSession: (session: Session) => Effect.Effect<void, Conflict | StorageError>
  /** Stores a session's new state if its stored version is `expectedVersion`. */
  readonly updateSession: (session: Session, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** Sessions in a subtree, newest first, a page at a time (`after`: an offset). */
  readonly listSessions: (query: { readonly scope: ReadonlyArray<GridNodeId>; readonly offset: number; readonly limit: number }) => Effect.Effect<Page<Session>, StorageError>
  /** The item with this id. */
  readonly getItem: (id: ItemId) => Effect.Effect<Option.Option<DeliberationItem>, StorageError>
  /** Stores a newly raised item. */
  readonly insertItem: (item: DeliberationItem) => Effect.Effect<void, Conflict | StorageError>
  /** Stores an item's new state if its stored version is `expectedVersion`. */
  readonly updateItem: (item: DeliberationItem, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The items split from `parentId`, ordered by id. */
  readonly children: (parentId: ItemId) => Effect.Effect<ReadonlyArray<DeliberationItem>, StorageError>
  /** Records a person's rating; once per person, item and round. */
  readonly addRating: (rating: ItemRating) => Effect.Effect<void, Conflict | StorageError>
  /** The person's rating of the item in that round, if any. */
  readonly findRating: (itemId: ItemId, round: number, personId: PersonId) => Effect.Effect<Option.Option<ItemRating>, StorageError>
  /** The ratings of an item, oldest first. */
  readonly ratings: (itemId: ItemId) => Effect.Effect<ReadonlyArray<ItemRating>, StorageError>
  /** The board's items, filtered and sorted, a page at a time. */
  readonly board: (query: BoardQuery) => Effect.Effect<Page<DeliberationItem>, StorageError>
  /** The facts the statistics are computed from, for a subtree and period. */
  readonly statistics: (query: {
    readonly scope: ReadonlyArray<GridNodeId>
    readonly now: Instant
    readonly from?: Instant | undefined
    readonly to?: Instant | undefined
  }) => Effect.Effect<ReadonlyArray<ItemStatsGroup>, StorageError>
}>()("@mulin/core/deliberation/DeliberationStore") {}
