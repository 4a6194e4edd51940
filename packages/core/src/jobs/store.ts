/**
 * The port of the scheduled rules: the runner's lease, the record of runs under their run
 * keys, the reminders given, and each county's settings.
 *
 * @since 0.5.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import type { JobLease, JobRun, JobsConfig } from "./model.js"

/**
 * Which runs to list: a county's, optionally of one job, newest first.
 *
 * @category models
 * @since 0.5.0
 */
export interface RunQuery {
  readonly countyId: GridNodeId
  readonly job?: string | undefined
  readonly limit: number
}

/**
 * Storage of the scheduled rules.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - `acquireLease` MUST take the lease `name` for `holder` until `lease.expiresAt` when no
 *   one holds it, when its expiry is at or before `now`, or when `holder` already holds it
 *   (a renewal), and MUST answer `true` then; otherwise it MUST change nothing and answer
 *   `false`. It MUST be atomic across processes sharing the store: of two holders asking at
 *   once, at most one gets a lease that has not expired.
 * - `releaseLease` MUST end the lease only when `holder` holds it.
 * - `claimRun` MUST record `run` under its key `(job, countyId, periodKey)` and answer
 *   its `attempts` when no run has that key. When one has, it MUST answer `0` and change
 *   nothing — unless that run is still `running` and started before `staleBefore` (its
 *   runner died): then it MUST take the run over (its `startedAt` becomes `run.startedAt`,
 *   `attempts` grows by one) and answer the stored `attempts`. Of two claims of one key at
 *   once, exactly one answers more than `0`.
 * - `finishRun` MUST store the run's outcome (status, counts, note, message, finish time)
 *   under its key.
 * - `lastScheduledEnd` MUST answer the latest `periodEnd` of the runs with trigger
 *   `schedule` of a job and county, whatever their status.
 * - `listRuns` MUST answer a county's runs (of one job when given), newest `startedAt`
 *   first, at most `limit`.
 * - `addReminder` MUST record `key` and answer `true` when it is new, and answer `false`
 *   otherwise; it MUST join the open unit of work, so a reminder whose event rolls back is
 *   not recorded either.
 * - `addReminders` MUST record each new key of `keys` and answer those, in order, each
 *   once; in one unit of work, as `addReminder` does.
 * - `saveConfig` MUST fail with a `Conflict` when the stored version is not
 *   `expectedVersion` (0: none stored yet).
 *
 * @category services
 * @since 0.5.0
 */
export class JobsStore extends Context.Service<JobsStore, {
  /** Takes or renews the lease; `true` when `lease.holder` holds it now. */
  readonly acquireLease: (lease: JobLease, now: Instant) => Effect.Effect<boolean, StorageError>
  /** Gives the lease up, if `holder` holds it. */
  readonly releaseLease: (name: string, holder: string) => Effect.Effect<void, StorageError>
  /** Records a run under its key; its stored attempts when this caller runs it, `0` when not. */
  readonly claimRun: (run: JobRun, staleBefore: Instant) => Effect.Effect<number, StorageError>
  /** Stores a claimed run's outcome. */
  readonly finishRun: (run: JobRun) => Effect.Effect<void, StorageError>
  /** The end of the latest period run by the schedule. */
  readonly lastScheduledEnd: (job: string, countyId: GridNodeId) => Effect.Effect<Option.Option<Instant>, StorageError>
  /** A county's runs, newest first. */
  readonly listRuns: (query: RunQuery) => Effect.Effect<ReadonlyArray<JobRun>, StorageError>
  /** Records a reminder key; `true` when it is new. */
  readonly addReminder: (key: string, at: Instant) => Effect.Effect<boolean, StorageError>
  /** Records reminder keys at once; the ones that are new, in order. */
  readonly addReminders: (keys: ReadonlyArray<string>, at: Instant) => Effect.Effect<ReadonlyArray<string>, StorageError>
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<JobsConfig>, StorageError>
  readonly saveConfig: (config: JobsConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
}>()("@mulin/core/jobs/JobsStore") {}
