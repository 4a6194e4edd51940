/**
 * The follow-up's port: the storage of follow-ups and county configurations every adapter
 * implements and `followUpStoreConformance` (`@mulin/core/testing`) checks.
 *
 * @since 0.5.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import type { CalendarDate } from "../kernel/time.js"
import type { FollowUpRecord, FollowUpConfig, FollowUpId, Subject } from "./model.js"
import type { FollowUpFacts } from "./rules.js"

/**
 * Storage of follow-ups and configurations.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `save` with `expectedVersion` 0 MUST fail with `Conflict` (reason `duplicate_id`) when
 *   the id exists; otherwise it MUST fail with `Conflict` (reason `version_mismatch`)
 *   unless the stored version equals `expectedVersion`. A failed save writes nothing; on
 *   success the stored value equals the given one.
 * - `saveConfig` MUST fail with `Conflict` (`version_mismatch`) unless the stored version
 *   equals `expectedVersion` (0 for none).
 * - `forSubject` MUST return every follow-up of the work, newest first.
 * - `due` MUST return the county's follow-ups whose next day to act (`nextDateOf`) is on or
 *   before `today`, earliest first then by id, at most `limit`; never one with nothing left.
 * - `waitingFor` MUST return exactly the follow-ups that wait for the person (`waitingFor`
 *   in the rules), by id.
 * - `statistics` MUST sum, by subject, the facts (`factsOf`) of every follow-up within the
 *   subtree asked on a day in `[from, to]` (county calendar; bounds optional).
 *
 * @category services
 * @since 0.5.0
 */
export class FollowUpStore extends Context.Service<FollowUpStore, {
  /** The county's follow-up configuration, if one was saved. */
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<FollowUpConfig>, StorageError>
  /** Saves a configuration over version `expectedVersion` (0: none yet). */
  readonly saveConfig: (config: FollowUpConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  readonly get: (id: FollowUpId) => Effect.Effect<Option.Option<FollowUpRecord>, StorageError>
  /** Inserts (`expectedVersion` 0) or updates a follow-up. */
  readonly save: (followUp: FollowUpRecord, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The follow-ups of one piece of work, newest first. */
  readonly forSubject: (subject: Subject, subjectId: string) => Effect.Effect<ReadonlyArray<FollowUpRecord>, StorageError>
  /** The county's follow-ups with something to do on or before `today`. */
  readonly due: (countyId: GridNodeId, today: CalendarDate, limit: number) => Effect.Effect<ReadonlyArray<FollowUpRecord>, StorageError>
  /** The follow-ups waiting for a person's rating or answer. */
  readonly waitingFor: (personId: PersonId) => Effect.Effect<ReadonlyArray<FollowUpRecord>, StorageError>
  /** The facts of a subtree's follow-ups asked in a period, summed by subject. */
  readonly statistics: (query: { readonly scope: ReadonlyArray<GridNodeId>; readonly from?: CalendarDate | undefined; readonly to?: CalendarDate | undefined }) => Effect.Effect<ReadonlyArray<FollowUpFacts>, StorageError>
}>()("@mulin/core/followup/FollowUpStore") {}
