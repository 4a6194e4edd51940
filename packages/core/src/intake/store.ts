/**
 * The intake context's port: the storage of requests, of the counties' intake
 * configurations, of the day's reference serial numbers and of the guards on wrong follow
 * codes, which every adapter implements and `intakeStoreConformance`
 * (`@mulin/core/testing`) checks.
 *
 * @since 0.5.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { FollowGuard, IntakeChannel, IntakeConfig, IntakeRequestId, IntakeStatus, StoredIntakeRequest } from "./model.js"

/**
 * Which requests a listing shows: those whose scope starts with `scope`, of one status,
 * channel or category when named, by id (the order received), after the id `after`.
 *
 * @category models
 * @since 0.5.0
 */
export interface IntakeQuery {
  readonly scope: ReadonlyArray<GridNodeId>
  readonly status?: IntakeStatus | undefined
  readonly channel?: IntakeChannel | undefined
  readonly category?: string | undefined
  readonly after?: string | undefined
  readonly limit: number
}

/**
 * Storage of requests, configurations, serial numbers and follow guards.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `insert` MUST fail with `Conflict` (reason `duplicate_id`) when the id, or the reference
 *   in the same county, exists, writing nothing.
 * - `update` and `saveConfig` MUST fail with `Conflict` (reason `version_mismatch`) unless
 *   the stored version equals `expectedVersion`; of two writers exactly one wins.
 * - `nextSerial` MUST return 1 for a county's first call on a day and one more on every
 *   later call that day, never the same number twice (also under concurrent units of
 *   work); a rolled-back call's number MAY be given again.
 * - `getByReference` MUST find a request by its county and reference only.
 * - `routedTo` MUST return the request routed to the need, case or item with that id.
 * - `list` MUST return only requests in the subtree passing the filters, in id order;
 *   `next` is the last id when more follow.
 * - `saveGuard` MUST replace the request's guard; `getGuard` returns the last saved.
 *
 * @category services
 * @since 0.5.0
 */
export class IntakeStore extends Context.Service<IntakeStore, {
  /** The county's intake configuration, if one was saved. */
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<IntakeConfig>, StorageError>
  /** Saves a county's configuration if its stored version is `expectedVersion` (0: none yet). */
  readonly saveConfig: (config: IntakeConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The next serial number of a county's references on a local day (`YYYY-MM-DD`). */
  readonly nextSerial: (countyId: GridNodeId, date: string) => Effect.Effect<number, StorageError>
  /** The request with this id. */
  readonly get: (id: IntakeRequestId) => Effect.Effect<Option.Option<StoredIntakeRequest>, StorageError>
  /** The request of a county with this reference. */
  readonly getByReference: (countyId: GridNodeId, reference: string) => Effect.Effect<Option.Option<StoredIntakeRequest>, StorageError>
  /** The request routed to the need, case or item `targetId`. */
  readonly routedTo: (targetId: string) => Effect.Effect<Option.Option<StoredIntakeRequest>, StorageError>
  /** Stores a new request. */
  readonly insert: (request: StoredIntakeRequest) => Effect.Effect<void, Conflict | StorageError>
  /** Stores a request's new state if its stored version is `expectedVersion`. */
  readonly update: (request: StoredIntakeRequest, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** Requests of a subtree, a page at a time. */
  readonly list: (query: IntakeQuery) => Effect.Effect<Page<StoredIntakeRequest>, StorageError>
  /** The wrong follow codes counted against a request. */
  readonly getGuard: (id: IntakeRequestId) => Effect.Effect<Option.Option<FollowGuard>, StorageError>
  /** Replaces a request's guard. */
  readonly saveGuard: (guard: FollowGuard) => Effect.Effect<void, StorageError>
}>()("@mulin/core/intake/IntakeStore") {}
