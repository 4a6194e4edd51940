/**
 * The matching context's port: the storage of needs, volunteer profiles, teams and county
 * configurations every adapter implements and `matchingStoreConformance`
 * (`@mulin/core/testing`) checks.
 *
 * @since 0.3.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { Instant } from "../kernel/time.js"
import type { MatchingConfig, Need, NeedId, NeedState, NeedStatus, PersonRef, Team, TeamId, Volunteer } from "./model.js"
import type { WorkUpdate } from "./rules.js"

/**
 * Which needs to list: those whose scope starts with `scope` (a subtree), narrowed by the
 * optional filters, ordered by id, a page at a time.
 *
 * @category models
 * @since 0.3.0
 */
export interface NeedQuery {
  /** The subtree root's path, root first, the root itself last. */
  readonly scope: ReadonlyArray<GridNodeId>
  readonly states?: ReadonlyArray<NeedState> | undefined
  readonly status?: NeedStatus | undefined
  readonly category?: string | undefined
  /** Only needs due before this instant (`dueAt < dueBefore`), as the scheduled rules scan them. */
  readonly dueBefore?: Instant | undefined
  readonly after?: string | undefined
  readonly limit: number
}

/**
 * Which volunteer profiles to list: those whose home lies in the subtree, ordered by
 * person id, a page at a time.
 *
 * @category models
 * @since 0.3.0
 */
export interface VolunteerQuery {
  readonly scope: ReadonlyArray<GridNodeId>
  readonly after?: string | undefined
  readonly limit: number
}

/**
 * Storage of needs, volunteer profiles, teams and configurations.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `insertNeed` and `saveTeam` with `expectedVersion` 0 MUST fail with `Conflict` (reason
 *   `duplicate_id`) when the id exists, and then write nothing.
 * - `updateNeed`, `saveVolunteer`, `saveTeam` and `saveConfig` MUST fail with `Conflict`
 *   (reason `version_mismatch`) unless the stored version equals `expectedVersion` (0 for
 *   one never saved); on success the stored value equals the given one.
 * - `listNeeds` and `listVolunteers` MUST return only rows within the query's subtree,
 *   ordered by id; `next` is the last id of the page when more follow.
 * - `recordWork` MUST apply each update to the profile as stored in the unit of work (load
 *   never below 0; the latest 50 assignment times; completions, ratings and points added)
 *   without changing its version, and skip people without a profile.
 *
 * @category services
 * @since 0.3.0
 */
export class MatchingStore extends Context.Service<MatchingStore, {
  /** The county's matching configuration, if one was saved. */
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<MatchingConfig>, StorageError>
  /** Saves a county's configuration if its stored version is `expectedVersion`. */
  readonly saveConfig: (config: MatchingConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The need with this id. */
  readonly getNeed: (id: NeedId) => Effect.Effect<Option.Option<Need>, StorageError>
  /** Stores a newly posted need. */
  readonly insertNeed: (need: Need) => Effect.Effect<void, Conflict | StorageError>
  /** Stores a need's new state if its stored version is `expectedVersion`. */
  readonly updateNeed: (need: Need, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** Needs matching the query, a page at a time. */
  readonly listNeeds: (query: NeedQuery) => Effect.Effect<Page<Need>, StorageError>
  /** The profiles of these people that exist, in any order. */
  readonly getVolunteers: (ids: ReadonlyArray<PersonRef>) => Effect.Effect<ReadonlyArray<Volunteer>, StorageError>
  /** Creates (`expectedVersion` 0) or replaces a profile. */
  readonly saveVolunteer: (volunteer: Volunteer, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** Applies the work a decision changed to the volunteers' profiles (loads and histories: derived, not versioned). */
  readonly recordWork: (updates: ReadonlyArray<WorkUpdate>, at: Instant) => Effect.Effect<void, StorageError>
  /** Profiles whose home lies in the subtree, a page at a time. */
  readonly listVolunteers: (query: VolunteerQuery) => Effect.Effect<Page<Volunteer>, StorageError>
  /** The team with this id. */
  readonly getTeam: (id: TeamId) => Effect.Effect<Option.Option<Team>, StorageError>
  /** Creates (`expectedVersion` 0) or replaces a team. */
  readonly saveTeam: (team: Team, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The teams of a county, by id. */
  readonly listTeams: (countyId: GridNodeId) => Effect.Effect<ReadonlyArray<Team>, StorageError>
}>()("@mulin/core/matching/MatchingStore") {}
