/**
 * The activities context's port: the storage of activities and teams every adapter
 * implements and `activitiesStoreConformance` (`@mulin/core/testing`) checks.
 *
 * @since 0.5.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { Instant } from "../kernel/time.js"
import type { ActivityId, ActivityTeam, ServiceActivity, ActivityTeamId } from "./model.js"

/**
 * Which activities a listing or a report reads: those of the subtree whose path (root last)
 * is `scope`, starting in `[from, to)` when given.
 *
 * @category models
 * @since 0.5.0
 */
export interface ActivityQuery {
  readonly scope: ReadonlyArray<GridNodeId>
  readonly from?: Instant | undefined
  readonly to?: Instant | undefined
}

/**
 * Storage of activities and teams.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `insertActivity` and `insertTeam` MUST fail with `Conflict` (reason `duplicate_id`) when
 *   the id exists, writing nothing.
 * - `updateActivity` and `updateTeam` MUST fail with `Conflict` (reason `version_mismatch`)
 *   unless the stored version equals `expectedVersion`: of two registrations read at one
 *   version, exactly one commits, so an activity never holds more registered than its capacity.
 * - `listActivities` and `listTeams` MUST return only the subtree's, in id order; `next` is the
 *   last id when more follow.
 * - `activitiesIn` MUST return every activity of the subtree starting in the period;
 *   `activitiesOfTeam` every activity the team runs.
 *
 * @category services
 * @since 0.5.0
 */
export class ActivitiesStore extends Context.Service<ActivitiesStore, {
  readonly getActivity: (id: ActivityId) => Effect.Effect<Option.Option<ServiceActivity>, StorageError>
  readonly insertActivity: (activity: ServiceActivity) => Effect.Effect<void, Conflict | StorageError>
  readonly updateActivity: (activity: ServiceActivity, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The subtree's activities starting in the period, by id, a page at a time. */
  readonly listActivities: (query: ActivityQuery & { readonly after?: string | undefined; readonly limit: number }) => Effect.Effect<Page<ServiceActivity>, StorageError>
  /** Every activity of the subtree starting in the period (reports). */
  readonly activitiesIn: (query: ActivityQuery) => Effect.Effect<ReadonlyArray<ServiceActivity>, StorageError>
  /** Every activity a team runs. */
  readonly activitiesOfTeam: (teamId: ActivityTeamId) => Effect.Effect<ReadonlyArray<ServiceActivity>, StorageError>
  readonly getTeam: (id: ActivityTeamId) => Effect.Effect<Option.Option<ActivityTeam>, StorageError>
  readonly insertTeam: (team: ActivityTeam) => Effect.Effect<void, Conflict | StorageError>
  readonly updateTeam: (team: ActivityTeam, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The subtree's teams, by id, a page at a time. */
  readonly listTeams: (query: { readonly scope: ReadonlyArray<GridNodeId>; readonly after?: string | undefined; readonly limit: number }) => Effect.Effect<Page<ActivityTeam>, StorageError>
}>()("@mulin/core/activities/ActivitiesStore") {}
