/**
 * What points queries return, and the feed's points events. Names of person accounts are
 * masked unless the actor may see personal data where the account is registered;
 * leaderboards always mask names and show account ids only to those who may read points
 * there.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId, PersonId } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import { AccountId, AccountKind, Hold, ServiceId, StoredTransfer, TransferCode, TransferId, TransferKind } from "./model.js"
import { PointsConfig } from "./rules.js"

/**
 * An account as an actor may see it.
 *
 * @category views
 * @since 0.2.0
 */
export const AccountView = Schema.Struct({
  id: AccountId,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  kind: AccountKind,
  ownerId: Schema.NullOr(PersonId),
  name: Schema.String,
  floor: Schema.NullOr(Schema.Int),
  masked: Schema.Boolean,
  createdAt: Instant
})
/** @category views @since 0.2.0 */
export type AccountView = typeof AccountView.Type

/**
 * An account's balances: `posted` (settled), `held` (pending holds), `available = posted - held`.
 *
 * @category views
 * @since 0.2.0
 */
export const BalanceView = Schema.Struct({
  accountId: AccountId,
  posted: Schema.Int,
  held: Schema.Int,
  available: Schema.Int,
  floor: Schema.NullOr(Schema.Int)
})
/** @category views @since 0.2.0 */
export type BalanceView = typeof BalanceView.Type

/**
 * One statement line: the transfer, its signed amount on this account and the posted
 * balance right after it (running balance).
 *
 * @category views
 * @since 0.2.0
 */
export const StatementLine = Schema.Struct({ transfer: StoredTransfer, amount: Schema.Int, balance: Schema.Int })
/** @category views @since 0.2.0 */
export type StatementLine = typeof StatementLine.Type

/**
 * A page of an account's statement, newest first.
 *
 * @category views
 * @since 0.2.0
 */
export const Statement = Schema.Struct({
  accountId: AccountId,
  balance: BalanceView,
  items: Schema.Array(StatementLine),
  next: Schema.NullOr(Schema.String)
})
/** @category views @since 0.2.0 */
export type Statement = typeof Statement.Type

/**
 * A subtree's points over a period (积分统计): what was issued (earned and positive
 * adjustments), redeemed, donated, expired and reversed, and what the subtree's accounts
 * hold now (`outstanding`).
 *
 * @category views
 * @since 0.2.0
 */
export const PointsTotals = Schema.Struct({
  nodeId: GridNodeId,
  from: Instant,
  to: Instant,
  issued: Schema.Int,
  redeemed: Schema.Int,
  donated: Schema.Int,
  expired: Schema.Int,
  reversed: Schema.Int,
  adjusted: Schema.Int,
  outstanding: Schema.Int
})
/** @category views @since 0.2.0 */
export type PointsTotals = typeof PointsTotals.Type

/**
 * One place on a leaderboard, with the holder's name masked (张*); the account id only for
 * those who may read points where the board is (`null` for everyone else).
 *
 * @category views
 * @since 0.2.0
 */
export const LeaderboardEntry = Schema.Struct({ rank: Schema.Int, accountId: Schema.NullOr(AccountId), name: Schema.String, earned: Schema.Int })
/** @category views @since 0.2.0 */
export type LeaderboardEntry = typeof LeaderboardEntry.Type

/**
 * A leaderboard of a subtree over a period.
 *
 * @category views
 * @since 0.2.0
 */
export const Leaderboard = Schema.Struct({ nodeId: GridNodeId, from: Instant, to: Instant, entries: Schema.Array(LeaderboardEntry) })
/** @category views @since 0.2.0 */
export type Leaderboard = typeof Leaderboard.Type

/**
 * A hold as an actor may see it: never the code's hash; the pickup code itself only in the
 * answer that issued it to the holder (placing the order, or a new code on the holder's
 * request), `null` everywhere else.
 *
 * @category views
 * @since 0.2.0
 */
export const HoldView = Hold.mapFields(({ codeHash: _h, codeSalt: _s, ...fields }) => ({ ...fields, pickupCode: Schema.NullOr(Schema.String) }))
/** @category views @since 0.2.0 */
export type HoldView = typeof HoldView.Type

/**
 * The result of a command that committed transfers.
 *
 * @category views
 * @since 0.2.0
 */
export const Committed = Schema.Struct({ transfers: Schema.Array(StoredTransfer) })
/** @category views @since 0.2.0 */
export type Committed = typeof Committed.Type

/**
 * The result of an expiry run.
 *
 * @category views
 * @since 0.2.0
 */
export const ExpiryRun = Schema.Struct({ accounts: Schema.Int, expired: Schema.Int, transfers: Schema.Array(TransferId) })
/** @category views @since 0.2.0 */
export type ExpiryRun = typeof ExpiryRun.Type

/**
 * The result of `verify`: every balance recomputed from the transfers.
 *
 * @category views
 * @since 0.2.0
 */
export const VerifyReport = Schema.Struct({
  ok: Schema.Boolean,
  accounts: Schema.Int,
  transfers: Schema.Int,
  /** The sum of every posted balance, issuers included: 0 when points are conserved. */
  sum: Schema.Int,
  differences: Schema.Array(Schema.Struct({
    accountId: AccountId,
    stored: Schema.Struct({ posted: Schema.Int, held: Schema.Int }),
    computed: Schema.Struct({ posted: Schema.Int, held: Schema.Int })
  }))
})
/** @category views @since 0.2.0 */
export type VerifyReport = typeof VerifyReport.Type

/**
 * A county's configuration and its version (0: the defaults, never saved).
 *
 * @category views
 * @since 0.2.0
 */
export const ConfigView = Schema.Struct({ countyId: GridNodeId, version: Schema.Int, config: PointsConfig })
/** @category views @since 0.2.0 */
export type ConfigView = typeof ConfigView.Type

// ---------------------------------------------------------------------------
// The feed

const transferLine = Schema.Struct({ id: TransferId, kind: TransferKind, code: TransferCode, amount: Schema.Int, debitAccountId: AccountId, creditAccountId: AccountId })

/**
 * The points events of the feed (`GET /events`), one schema per type. Payloads carry ids,
 * kinds and amounts only: no names, no memos, no codes.
 *
 * @category schemas
 * @since 0.4.0
 */
export const PointsFeedEvents = [
  feedEvent("points.config.updated", { rules: Schema.Array(Schema.String) }),
  feedEvent("points.account.opened", { kind: AccountKind, nodeId: GridNodeId }),
  feedEvent("points.transfers.committed", {
    transfers: Schema.optionalKey(Schema.Array(transferLine)),
    count: Schema.optionalKey(Schema.Int),
    amount: Schema.optionalKey(Schema.Int),
    first: Schema.optionalKey(TransferId),
    last: Schema.optionalKey(TransferId)
  }),
  feedEvent("points.hold.placed", { purpose: Schema.Literals(["order", "reward"]), serviceId: Schema.NullOr(ServiceId), amount: Schema.Int, quantity: Schema.Int }),
  feedEvent("points.hold.posted", { transferId: TransferId, amount: Schema.Int }),
  feedEvent("points.hold.voided", { transferId: TransferId, amount: Schema.Int }),
  feedEvent("points.hold.expired", { transferId: TransferId, amount: Schema.Int }),
  feedEvent("points.hold.paid", { voidId: TransferId, shares: Schema.Array(Schema.Struct({ transferId: TransferId, accountId: AccountId, amount: Schema.Int })) }),
  feedEvent("points.hold.code_rejected", { attempts: Schema.Int }),
  feedEvent("points.hold.locked", {}),
  feedEvent("points.hold.code_reissued", {}),
  feedEvent("points.merchant.code_rejected", { failures: Schema.Int }),
  feedEvent("points.merchant.locked", { until: Instant }),
  feedEvent("points.service.published", { pricePoints: Schema.Int, merchantAccountId: AccountId }),
  feedEvent("points.service.updated", { pricePoints: Schema.Int, stock: Schema.NullOr(Schema.Int), status: Schema.Literals(["active", "withdrawn"]) })
] as const
