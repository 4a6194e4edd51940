/**
 * The ledger's port: the storage every adapter implements and the conformance suite
 * (`pointsStoreConformance` in `@mulin/core/testing`) checks.
 *
 * @since 0.2.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Conflict, StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { Instant } from "../kernel/time.js"
import type { Account, AccountId, AccountKind, CatalogService, Hold, MerchantGuard, ServiceId, StoredTransfer, Transfer, TransferCode, TransferId } from "./model.js"
import type { Balances, PointsConfig } from "./rules.js"

/**
 * One line of a statement: a transfer with a posted effect on the account, the signed
 * amount, and the account's posted balance right after it.
 *
 * @category models
 * @since 0.2.0
 */
export interface Entry {
  readonly transfer: StoredTransfer
  readonly amount: number
  readonly balance: number
}

/**
 * Sums of posted movements of the non-issuer accounts of a subtree in a period, per code:
 * `credits` into them, `debits` out of them.
 *
 * @category models
 * @since 0.2.0
 */
export interface Movements {
  readonly byCode: ReadonlyArray<{ readonly code: TransferCode; readonly credits: number; readonly debits: number }>
  /** The posted balance of those accounts now. */
  readonly outstanding: number
}

/**
 * A stored balance that differs from the replay of the transfers.
 *
 * @category models
 * @since 0.2.0
 */
export interface BalanceDifference {
  readonly accountId: AccountId
  readonly stored: Balances
  readonly computed: Balances
}

/**
 * Storage of the ledger: configuration, accounts, transfers, holds and the catalog.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `commit` MUST apply its transfers in order, all or none: it MUST fail with `Conflict`
 *   and write nothing when a transfer id already exists (`duplicate_transfer`), when a
 *   `post`/`void` names a pending transfer that is already resolved (`pending_resolved`),
 *   when a `reverse` names a transfer already reversed (`already_reversed`), or when a
 *   debit would take a floored account's available balance (`posted - held`) below its
 *   floor (`insufficient_points`) — checked transfer by transfer, so no floored account is
 *   ever below its floor, not even between two transfers of one batch.
 * - `commit` MUST update both accounts' balances in the same unit of work (`effectOf`), and
 *   a reader outside it MUST never see a transfer without its balances or the reverse.
 * - Transfers MUST NOT change or disappear once committed; `seq` MUST strictly increase in
 *   commit order. Replaying every transfer in `seq` order (`replay`) MUST give every
 *   stored balance exactly; `verify` recomputes them from the transfers and reports each
 *   difference.
 * - `insertAccount` MUST fail with `Conflict` (`duplicate_account`) when the county already
 *   has an account of that kind for that owner, or (owner `null`) of that kind at that node.
 * - `update*` and `saveGuard` MUST fail with `Conflict` (`version_mismatch`) unless the
 *   stored version equals `expectedVersion`; `saveConfig` and `saveGuard` with
 *   `expectedVersion` 0 create the first one.
 * - `moveStock` MUST change a limited service's stock by `delta` in the unit of work
 *   without touching its version, and fail with `Conflict` (`out_of_stock`) when the stock
 *   would go below 0; an unlimited service's stock stays `null`.
 * - `dueHolds` MUST return only pending holds with a timeout (orders), never rewards, and
 *   only the holds of `countyId` when one is given.
 * - Holds MUST keep the code's hash and salt as given; the code itself is never stored.
 * - Statements are newest first; `next` is the cursor of the last entry when more follow.
 * - Subtree reads (`movements`, `leaderboard`) take the accounts whose registration path
 *   contains `rootId`.
 *
 * @category services
 * @since 0.2.0
 */
export class PointsStore extends Context.Service<PointsStore, {
  /** The county's points configuration and its version, if one was saved. */
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<{ readonly config: PointsConfig; readonly version: number }>, StorageError>
  /** Saves the county's configuration if the stored version is `expectedVersion` (0: none yet). */
  readonly saveConfig: (countyId: GridNodeId, config: PointsConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>

  /** Opens an account. */
  readonly insertAccount: (account: Account) => Effect.Effect<void, Conflict | StorageError>
  /** The account with this id, with its current balances. */
  readonly getAccount: (id: AccountId) => Effect.Effect<Option.Option<Account>, StorageError>
  /** The accounts with these ids that exist, in any order. */
  readonly getAccounts: (ids: ReadonlyArray<AccountId>) => Effect.Effect<ReadonlyArray<Account>, StorageError>
  /** The county's account of this kind for this owner. */
  readonly findAccount: (countyId: GridNodeId, kind: AccountKind, ownerId: string) => Effect.Effect<Option.Option<Account>, StorageError>
  /**
   * The county's accounts without a holder (issuers, charity funds) of this kind registered
   * at exactly these nodes. A store MUST answer from an index on the accounts without a
   * holder, not by reading every account: it is read on every adjustment, and a county has
   * hundreds of thousands of person accounts.
   */
  readonly accountsAt: (countyId: GridNodeId, nodeIds: ReadonlyArray<GridNodeId>, kind: "issuer" | "charity") => Effect.Effect<ReadonlyArray<Account>, StorageError>
  /** Accounts of a county of one kind, by id. */
  readonly listAccounts: (countyId: GridNodeId, kind: AccountKind, cursor: { readonly after: string | undefined; readonly limit: number }) => Effect.Effect<Page<Account>, StorageError>

  /** The stored transfers with these ids that exist, in any order. */
  readonly getTransfers: (ids: ReadonlyArray<TransferId>) => Effect.Effect<ReadonlyArray<StoredTransfer>, StorageError>
  /** Commits transfers all or none, updating balances and refusing any that would cross a floor or reuse an id. */
  readonly commit: (transfers: ReadonlyArray<Transfer>) => Effect.Effect<ReadonlyArray<StoredTransfer>, Conflict | StorageError>
  /** Transfers with `seq > after`, in `seq` order. */
  readonly transfers: (after: number, limit: number) => Effect.Effect<ReadonlyArray<StoredTransfer>, StorageError>
  /** Points credited by `earn` transfers (of `category`, or any when `null`) to the account in `[from, to)`. */
  readonly earned: (accountId: AccountId, category: string | null, from: Instant, to: Instant) => Effect.Effect<number, StorageError>
  /** Posted credits to the account before `cutoff`, and all its posted debits. */
  readonly expiryBasis: (accountId: AccountId, cutoff: Instant) => Effect.Effect<{ readonly creditsBefore: number; readonly debitsTotal: number }, StorageError>
  /** An account's entries, newest first, with the running balance after each. */
  readonly statement: (accountId: AccountId, cursor: { readonly after: string | undefined; readonly limit: number }) => Effect.Effect<Page<Entry>, StorageError>
  /** Credits and debits per transfer code in a subtree and period, and the points outstanding there. */
  readonly movements: (rootId: GridNodeId, from: Instant, to: Instant) => Effect.Effect<Movements, StorageError>
  /** Person accounts of the subtree by points earned in `[from, to)` less awards reversed then, most first (ties by id); none with nothing earned. */
  readonly leaderboard: (rootId: GridNodeId, from: Instant, to: Instant, limit: number) => Effect.Effect<ReadonlyArray<{ readonly account: Account; readonly earned: number }>, StorageError>
  /** Recomputes every balance from the transfers; `sum` is the sum of every stored posted balance. */
  readonly verify: Effect.Effect<{ readonly accounts: number; readonly transfers: number; readonly sum: number; readonly differences: ReadonlyArray<BalanceDifference> }, StorageError>

  /** Stores a new hold (a pending redemption). */
  readonly insertHold: (hold: Hold) => Effect.Effect<void, Conflict | StorageError>
  /** The hold whose pending transfer has this id. */
  readonly getHold: (id: TransferId) => Effect.Effect<Option.Option<Hold>, StorageError>
  /** Stores a hold's new state if its stored version is `expectedVersion`. */
  readonly updateHold: (hold: Hold, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** Pending holds with a `timeoutAt` at or before `now`, oldest first; a county's only when `countyId` is given. */
  readonly dueHolds: (now: Instant, limit: number, countyId?: GridNodeId | undefined) => Effect.Effect<ReadonlyArray<Hold>, StorageError>
  /** Holds of a service placed in `[from, to)` that were not voided or expired. */
  readonly countOrders: (serviceId: ServiceId, from: Instant, to: Instant) => Effect.Effect<number, StorageError>

  /** Publishes a service in the catalog. */
  readonly insertService: (service: CatalogService) => Effect.Effect<void, Conflict | StorageError>
  /** The catalog service with this id. */
  readonly getService: (id: ServiceId) => Effect.Effect<Option.Option<CatalogService>, StorageError>
  /** Stores a service's new state if its stored version is `expectedVersion`. */
  readonly updateService: (service: CatalogService, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** Moves a service's stock by `delta` (orders take, voided orders give back). */
  readonly moveStock: (serviceId: ServiceId, delta: number) => Effect.Effect<void, Conflict | StorageError>

  /** A merchant's guard against guessed pickup codes, if any code was ever wrong there. */
  readonly getGuard: (merchantAccountId: AccountId) => Effect.Effect<Option.Option<MerchantGuard>, StorageError>
  /** Stores a merchant's guard if its stored version is `expectedVersion` (0: none yet). */
  readonly saveGuard: (guard: MerchantGuard, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** Active services serving any of these nodes (published at one of them), by id. */
  readonly servicesAt: (nodeIds: ReadonlyArray<GridNodeId>) => Effect.Effect<ReadonlyArray<CatalogService>, StorageError>
}>()("@mulin/core/points/PointsStore") {}
