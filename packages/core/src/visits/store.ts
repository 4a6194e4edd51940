/**
 * The visits context's port: the storage of households' special-care markings, of visits
 * and of the counties' visits configurations, which every adapter implements and
 * `visitsStoreConformance` (`@mulin/core/testing`) checks.
 *
 * @since 0.5.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId, HouseholdId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { Instant } from "../kernel/time.js"
import type { CareHousehold, HouseholdVisit, VisitId, VisitsConfig } from "./model.js"

/**
 * Which visits a listing shows: those whose scope starts with `scope`, of one household when
 * named, by id (the order they were recorded in), after the id `after`.
 *
 * @category models
 * @since 0.5.0
 */
export interface VisitQuery {
  readonly scope: ReadonlyArray<GridNodeId>
  readonly householdId?: HouseholdId | undefined
  readonly after?: string | undefined
  readonly limit: number
}

/**
 * Storage of markings, visits and configurations.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `insertVisit` and `insertCare` MUST fail with `Conflict` (reason `duplicate_id`) when
 *   the id exists, writing nothing.
 * - `updateCare` and `saveConfig` MUST fail with `Conflict` (reason `version_mismatch`)
 *   unless the stored version equals `expectedVersion`; of two writers exactly one wins.
 * - `listVisits` MUST return only visits in the subtree (of the household when named), in
 *   id order; `next` is the last id when more follow.
 * - `markedInSubtree` MUST return every marking in the subtree with at least one category.
 * - `lastVisits` MUST return, for each household of the subtree with a visit, the latest
 *   `visitedAt` (not the latest recorded).
 *
 * @category services
 * @since 0.5.0
 */
export class VisitsStore extends Context.Service<VisitsStore, {
  /** The county's visits configuration, if one was saved. */
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<VisitsConfig>, StorageError>
  /** Saves a county's configuration if its stored version is `expectedVersion` (0: none yet). */
  readonly saveConfig: (config: VisitsConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** A household's marking. */
  readonly getCare: (householdId: HouseholdId) => Effect.Effect<Option.Option<CareHousehold>, StorageError>
  /** Stores a household's first marking. */
  readonly insertCare: (care: CareHousehold) => Effect.Effect<void, Conflict | StorageError>
  /** Stores a marking's new state if its stored version is `expectedVersion`. */
  readonly updateCare: (care: CareHousehold, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** Every marking of a subtree with at least one category. */
  readonly markedInSubtree: (scope: ReadonlyArray<GridNodeId>) => Effect.Effect<ReadonlyArray<CareHousehold>, StorageError>
  /** The visit with this id. */
  readonly getVisit: (id: VisitId) => Effect.Effect<Option.Option<HouseholdVisit>, StorageError>
  /** Stores a new visit. */
  readonly insertVisit: (visit: HouseholdVisit) => Effect.Effect<void, Conflict | StorageError>
  /** Visits of a subtree (or of one household), a page at a time. */
  readonly listVisits: (query: VisitQuery) => Effect.Effect<Page<HouseholdVisit>, StorageError>
  /** The latest visit of each visited household of a subtree. */
  readonly lastVisits: (scope: ReadonlyArray<GridNodeId>) => Effect.Effect<ReadonlyMap<HouseholdId, Instant>, StorageError>
}>()("@mulin/core/visits/VisitsStore") {}
