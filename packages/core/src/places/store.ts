/**
 * The places context's port: the storage of service places and the counties' kinds of
 * places every adapter implements and `placesStoreConformance` (`@mulin/core/testing`)
 * checks.
 *
 * @since 0.5.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { PlacesConfig, PlaceStatus, ServicePlace, ServicePlaceId } from "./model.js"

/**
 * Which places a listing shows: those whose scope starts with `scope`, narrowed by kind and
 * status (archived ones only when asked for by status), ordered by id, after the id `after`.
 *
 * @category models
 * @since 0.5.0
 */
export interface PlaceQuery {
  readonly scope: ReadonlyArray<GridNodeId>
  readonly kind?: string | undefined
  readonly status?: PlaceStatus | undefined
  readonly after?: string | undefined
  readonly limit: number
}

/**
 * Storage of service places and the counties' places configurations.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `insert` MUST fail with `Conflict` (reason `duplicate_id`) when the id exists, writing nothing.
 * - `update` and `saveConfig` MUST fail with `Conflict` (reason `version_mismatch`) unless
 *   the stored version equals `expectedVersion`; of two writers at one version exactly one wins.
 * - `list` MUST return only places in the subtree matching every filter, never an archived
 *   place unless `status` is `archived`, in id order; `next` is the last id when more follow.
 * - `atNodes` MUST return the places that are not archived at exactly those nodes (not below).
 * - `inSubtree` MUST return every place that is not archived in the subtree.
 *
 * @category services
 * @since 0.5.0
 */
export class PlacesStore extends Context.Service<PlacesStore, {
  /** The county's places configuration, if one was saved. */
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<PlacesConfig>, StorageError>
  /** Saves a county's configuration if its stored version is `expectedVersion` (0: none yet). */
  readonly saveConfig: (config: PlacesConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The place with this id. */
  readonly get: (id: ServicePlaceId) => Effect.Effect<Option.Option<ServicePlace>, StorageError>
  /** Stores a new place. */
  readonly insert: (place: ServicePlace) => Effect.Effect<void, Conflict | StorageError>
  /** Stores a place's new state if its stored version is `expectedVersion`. */
  readonly update: (place: ServicePlace, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** Places of a subtree, filtered, a page at a time. */
  readonly list: (query: PlaceQuery) => Effect.Effect<Page<ServicePlace>, StorageError>
  /** The live places at exactly these nodes. */
  readonly atNodes: (nodeIds: ReadonlyArray<GridNodeId>) => Effect.Effect<ReadonlyArray<ServicePlace>, StorageError>
  /** Every live place of a subtree. */
  readonly inSubtree: (scope: ReadonlyArray<GridNodeId>) => Effect.Effect<ReadonlyArray<ServicePlace>, StorageError>
}>()("@mulin/core/places/PlacesStore") {}
