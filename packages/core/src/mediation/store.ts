/**
 * The mediation context's port: the storage of cases and county configurations every
 * adapter implements and `mediationStoreConformance` (`@mulin/core/testing`) checks.
 *
 * @since 0.2.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { Instant } from "../kernel/time.js"
import type {
  CaseId,
  CaseState,
  CaseStatus,
  DeadlineKind,
  HandlingLevel,
  MediationCase,
  MediationConfig
} from "./model.js"

/**
 * Which cases to list: those whose scope starts with `scope` (a subtree), narrowed by the
 * optional filters, ordered by id, a page at a time.
 *
 * @category models
 * @since 0.2.0
 */
export interface CaseQuery {
  /** The subtree root's path, root first, the root itself last. */
  readonly scope: ReadonlyArray<GridNodeId>
  readonly state?: CaseState | undefined
  readonly status?: CaseStatus | undefined
  readonly level?: HandlingLevel | undefined
  readonly category?: string | undefined
  /** Only cases currently with this department. */
  readonly department?: string | undefined
  /** Only cases that were disclosed (三公开) and not reopened since. */
  readonly disclosed?: boolean | undefined
  readonly after?: string | undefined
  readonly limit: number
}

/**
 * A case running late, as the overdue scan returns it: enough to report it and to
 * escalate it without reading the whole case first.
 *
 * @category models
 * @since 0.2.0
 */
export interface OverdueRow {
  readonly id: CaseId
  readonly version: number
  readonly countyId: GridNodeId
  readonly nodeId: GridNodeId
  readonly category: string
  readonly state: CaseState
  readonly level: HandlingLevel
  readonly kind: DeadlineKind
  readonly dueAt: Instant
}

/**
 * Bit of each handling level in {@link StatsGroup} masks.
 *
 * @category models
 * @since 0.2.0
 */
export const levelBit: Readonly<Record<HandlingLevel, number>> = { community: 1, street: 2, department: 4 }

/**
 * The cases of one combination of category, state, level and level masks, counted.
 *
 * @category models
 * @since 0.2.0
 */
export interface StatsGroup {
  readonly category: string
  readonly state: CaseState
  readonly level: HandlingLevel
  /** The levels reached ({@link levelBit} bits). */
  readonly reached: number
  /** The levels where a deadline was missed. */
  readonly missed: number
  readonly cases: number
  /** Cases accepted or declined. */
  readonly responded: number
  /** Party ratings given, and those satisfied or basically satisfied. */
  readonly ratings: number
  readonly satisfied: number
}

/**
 * What the statistics are computed from.
 *
 * @category models
 * @since 0.2.0
 */
export interface StatsFacts {
  readonly groups: ReadonlyArray<StatsGroup>
  /** Hours from report to resolution of every resolved case, in any order. */
  readonly resolveHours: ReadonlyArray<number>
}

/**
 * Storage of mediation cases and county configurations.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `insert` MUST fail with `Conflict` (reason `duplicate_id`) when the id exists, and then
 *   write nothing.
 * - `update` and `saveConfig` MUST fail with `Conflict` (reason `version_mismatch`) unless
 *   the stored version equals `expectedVersion` (0 for a configuration never saved); on
 *   success the stored value equals the given one.
 * - `update` with a `deadlineKey` MUST record that key for the case in the same write, and
 *   MUST fail with `Conflict` (reason `already_escalated`), writing nothing, when the key
 *   was recorded before: a missed deadline escalates a case at most once, whatever runs
 *   overlap and in whatever processes.
 * - `getMany` MUST return the stored cases among `ids`, each once, in one read; ids not
 *   stored are left out.
 * - `list` MUST return only cases whose scope starts with the query's scope, ordered by id;
 *   `next` is the last id of the page when more follow.
 * - `overdue` MUST return exactly the cases whose current deadline is before `now` (within
 *   the subtree when a scope is given), ordered by due time then id; it SHOULD be an index
 *   range scan, not a scan of every case.
 * - `statistics` MUST count each case reported in `[from, to)` within the subtree once.
 *
 * @category services
 * @since 0.2.0
 */
export class MediationStore extends Context.Service<MediationStore, {
  /** The county's mediation configuration, if one was saved. */
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<MediationConfig>, StorageError>
  /** Saves a county's configuration if its stored version is `expectedVersion`. */
  readonly saveConfig: (config: MediationConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The case with this id. */
  readonly get: (id: CaseId) => Effect.Effect<Option.Option<MediationCase>, StorageError>
  /** The stored cases among these ids, in one read (a batch of scheduled work). @since 0.5.0 */
  readonly getMany: (ids: ReadonlyArray<CaseId>) => Effect.Effect<ReadonlyArray<MediationCase>, StorageError>
  /** Stores a newly reported case. */
  readonly insert: (c: MediationCase) => Effect.Effect<void, Conflict | StorageError>
  /** Stores a case's new state if its stored version is `expectedVersion`. */
  readonly update: (c: MediationCase, expectedVersion: number, deadlineKey?: string) => Effect.Effect<void, Conflict | StorageError>
  /** Cases matching the query, a page at a time. */
  readonly list: (query: CaseQuery) => Effect.Effect<Page<MediationCase>, StorageError>
  /** Open cases whose current deadline has passed. */
  readonly overdue: (query: {
    readonly now: Instant
    readonly scope?: ReadonlyArray<GridNodeId> | undefined
    readonly limit: number
  }) => Effect.Effect<ReadonlyArray<OverdueRow>, StorageError>
  /** The facts the statistics are computed from, for a subtree and period. */
  readonly statistics: (query: {
    readonly scope: ReadonlyArray<GridNodeId>
    readonly from?: Instant | undefined
    readonly to?: Instant | undefined
  }) => Effect.Effect<StatsFacts, StorageError>
}>()("@mulin/core/mediation/MediationStore") {}
