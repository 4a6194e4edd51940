/**
 * The party context's port: the storage of party members' registrations, the services
 * they gave and the counties' kinds of service, which every adapter implements and
 * `partyStoreConformance` (`@mulin/core/testing`) checks.
 *
 * @since 0.5.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { Instant } from "../kernel/time.js"
import type { PartnerId } from "../partners/model.js"
import type { PartyConfig, PartyService, Registration, RegistrationId, RegistrationStatus } from "./model.js"

/**
 * Which registrations a listing shows: of communities in the subtree `scope`, narrowed by
 * employer and status, in id order after `after`.
 *
 * @category models
 * @since 0.5.0
 */
export interface RegistrationQuery {
  readonly scope: ReadonlyArray<GridNodeId>
  readonly employerId?: PartnerId | undefined
  readonly status?: RegistrationStatus | undefined
  readonly after?: string | undefined
  readonly limit: number
}

/**
 * Storage of registrations, services and configurations.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `insert` and `insertService` MUST fail with `Conflict` (reason `duplicate_id`) when the id exists, writing nothing.
 * - `insert` MUST fail with `Conflict` (reason `already_registered`) when the person
 *   already has an active registration in the county.
 * - `update` and `saveConfig` MUST fail with `Conflict` (reason `version_mismatch`) unless
 *   the stored version equals `expectedVersion`; of two writers at one version exactly one wins.
 * - `list` MUST return only registrations of the subtree matching every filter, in id
 *   order; `next` is the last id when more follow.
 * - `registrationsIn` MUST return every registration of the subtree (of the employer when
 *   given) registered before `to` and not withdrawn before `from`.
 * - `servicesIn` MUST return the services of the subtree (of the employer when given)
 *   with `servedAt` in `[from, to)`, and nothing else.
 *
 * @category services
 * @since 0.5.0
 */
export class PartyStore extends Context.Service<PartyStore, {
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<PartyConfig>, StorageError>
  readonly saveConfig: (config: PartyConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  readonly get: (id: RegistrationId) => Effect.Effect<Option.Option<Registration>, StorageError>
  readonly activeFor: (countyId: GridNodeId, personId: PersonId) => Effect.Effect<Option.Option<Registration>, StorageError>
  readonly insert: (registration: Registration) => Effect.Effect<void, Conflict | StorageError>
  readonly update: (registration: Registration, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  readonly list: (query: RegistrationQuery) => Effect.Effect<Page<Registration>, StorageError>
  readonly registrationsIn: (scope: ReadonlyArray<GridNodeId>, from: Instant, to: Instant, employerId?: PartnerId | undefined) => Effect.Effect<ReadonlyArray<Registration>, StorageError>
  readonly insertService: (service: PartyService) => Effect.Effect<void, Conflict | StorageError>
  readonly servicesIn: (scope: ReadonlyArray<GridNodeId>, from: Instant, to: Instant, employerId?: PartnerId | undefined) => Effect.Effect<ReadonlyArray<PartyService>, StorageError>
}>()("@mulin/core/party/PartyStore") {}
