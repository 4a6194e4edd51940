/**
 * The partners context's port: the storage of partner organisations and of the services
 * they provided, which every adapter implements and `partnersStoreConformance`
 * (`@mulin/core/testing`) checks.
 *
 * @since 0.5.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { Instant } from "../kernel/time.js"
import type { AccountId } from "../points/model/ledger.js"
import type { Partner, PartnerId, PartnerStatus, PartnerType, Provision } from "./model.js"

/**
 * Which partners a listing shows: registered in the subtree `scope`, narrowed by type and
 * status, in id order after `after`.
 *
 * @category models
 * @since 0.5.0
 */
export interface PartnerQuery {
  readonly scope: ReadonlyArray<GridNodeId>
  readonly type?: PartnerType | undefined
  readonly status?: PartnerStatus | undefined
  readonly after?: string | undefined
  readonly limit: number
}

/**
 * Storage of partner organisations and their provided services.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `insert` and `insertProvision` MUST fail with `Conflict` (reason `duplicate_id`) when the id exists, writing nothing.
 * - `update` MUST fail with `Conflict` (reason `version_mismatch`) unless the stored version
 *   equals `expectedVersion`; of two writers at one version exactly one wins.
 * - `list` MUST return only partners registered in the subtree matching every filter, in id
 *   order; `next` is the last id when more follow.
 * - `byMerchantAccount` MUST return the partner that linked the account, whatever its status.
 * - `provisions` MUST return the services provided in the subtree with `providedAt` in
 *   `[from, to)`, and nothing else.
 * - `countActive` MUST count the partners registered in the subtree created before `to`
 *   and not withdrawn before `from`.
 *
 * @category services
 * @since 0.5.0
 */
export class PartnersStore extends Context.Service<PartnersStore, {
  readonly get: (id: PartnerId) => Effect.Effect<Option.Option<Partner>, StorageError>
  readonly getMany: (ids: ReadonlyArray<PartnerId>) => Effect.Effect<ReadonlyArray<Partner>, StorageError>
  readonly insert: (partner: Partner) => Effect.Effect<void, Conflict | StorageError>
  readonly update: (partner: Partner, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  readonly list: (query: PartnerQuery) => Effect.Effect<Page<Partner>, StorageError>
  readonly byMerchantAccount: (accountId: AccountId) => Effect.Effect<Option.Option<Partner>, StorageError>
  readonly countActive: (scope: ReadonlyArray<GridNodeId>, from: Instant, to: Instant) => Effect.Effect<number, StorageError>
  readonly insertProvision: (provision: Provision) => Effect.Effect<void, Conflict | StorageError>
  readonly provisions: (scope: ReadonlyArray<GridNodeId>, from: Instant, to: Instant) => Effect.Effect<ReadonlyArray<Provision>, StorageError>
}>()("@mulin/core/partners/PartnersStore") {}
