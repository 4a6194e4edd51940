/**
 * What points queries return. Names of person accounts are masked unless the actor may
 * see personal data where the account is registered; leaderboards are always masked.
 *
 * @since 0.2.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import { AccountId, AccountKind, Hold, StoredTransfer, TransferId } from "./model.js"
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
  ownerId: Schema.NullOr(Schema.String),
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
 * One place on a leaderboard, with the holder's name masked (张*).
 *
 * @category views
 * @since 0.2.0
 */
export const LeaderboardEntry = Schema.Struct({ rank: Schema.Int, accountId: AccountId, name: Schema.String, earned: Schema.Int })
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
 * A hold as an actor may see it: the pickup code only for the account holder (and the
 * system), `null` for anyone else.
 *
 * @category views
 * @since 0.2.0
 */
export const HoldView = Schema.Struct({ ...Hold.fields, pickupCode: Schema.NullOr(Schema.String) })
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
