/**
 * The schemas of holds: two-phase holds with a pickup code (核销码), the merchant's guard
 * against guessed codes, and the commands that place, fulfil, cancel and pay them out.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../../kernel/ids.js"
import { Instant } from "../../kernel/time.js"
import { AccountId, Cause, Count, PointsAmount, ServiceId, TransferId } from "./ledger.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter
const optional = Schema.optionalKey

// ---------------------------------------------------------------------------
// Holds

/**
 * A hold's lifecycle: `pending` until the merchant confirms the pickup code or the reward is
 * paid out (`posted`), the holder cancels or the need is withdrawn (`voided`), or it times
 * out (`expired`).
 *
 * @category models
 * @since 0.2.0
 */
export const HoldStatus = Schema.Literals(["pending", "posted", "voided", "expired"])
/** @category models @since 0.2.0 */
export type HoldStatus = typeof HoldStatus.Type

/**
 * What a hold is for: an `order` of a low-cost service, confirmed by the merchant with the
 * pickup code; or a need's `reward`, held on the requester's own account when the need is
 * posted and paid to its volunteers in shares when it is confirmed.
 *
 * @category models
 * @since 0.4.0
 */
export const HoldPurpose = Schema.Literals(["order", "reward"])
/** @category models @since 0.4.0 */
export type HoldPurpose = typeof HoldPurpose.Type

/**
 * A two-phase hold: its pending transfer moved `amount` of `accountId` from available to
 * held. Its id is the pending transfer's id.
 *
 * An order's pickup code (核销码) is drawn from the secret source, shown to the holder once
 * and kept only as a salted hash; wrong codes are counted, and the hold locks after the
 * county's limit until its holder asks for a new code.
 *
 * @category models
 * @since 0.2.0
 */
export const Hold = Schema.Struct({
  id: TransferId,
  countyId: GridNodeId,
  purpose: HoldPurpose,
  accountId: AccountId,
  /**
   * The pending transfer's credit account: the merchant of an order; for a reward, the
   * issuer above the account, only nominally — a reward hold is never posted to it: the
   * payout voids it and posts the shares from the holder's account.
   */
  creditAccountId: AccountId,
  /** The merchant of an order (`null` for a reward). */
  merchantAccountId: Schema.NullOr(AccountId),
  amount: PointsAmount,
  serviceId: Schema.NullOr(ServiceId),
  quantity: Schema.Int,
  /** The cash part paid at the counter, in fen (分). */
  cashFen: Count,
  /** What the hold is for (`need` of a reward, `order` of an order). */
  cause: Schema.NullOr(Cause),
  /** The salted SHA-256 of the pickup code; `null` for a reward, or when the code must be re-issued. */
  codeHash: Schema.NullOr(Schema.String),
  codeSalt: Schema.NullOr(Schema.String),
  /** Wrong codes entered since the code was issued. */
  failedAttempts: Schema.Int,
  /** Too many wrong codes: no code is accepted until the holder asks for a new one. */
  locked: Schema.Boolean,
  status: HoldStatus,
  placedAt: Instant,
  /** When a pending order times out (`null`: a reward, which lives as long as its need). */
  timeoutAt: Schema.NullOr(Instant),
  /** The `post` or `void` transfer that resolved it. */
  resolutionId: Schema.NullOr(TransferId),
  resolvedAt: Schema.NullOr(Instant),
  version: Schema.Int
})
/** @category models @since 0.2.0 */
export type Hold = typeof Hold.Type

/**
 * Wrong pickup codes a merchant entered lately: after the county's limit within an hour,
 * the merchant may confirm no code until the lock ends.
 *
 * @category models
 * @since 0.4.0
 */
export const MerchantGuard = Schema.Struct({
  merchantAccountId: AccountId,
  /** Wrong codes since `windowStart`. */
  failures: Schema.Int,
  windowStart: Instant,
  lockedUntil: Schema.NullOr(Instant),
  version: Schema.Int
})
/** @category models @since 0.4.0 */
export type MerchantGuard = typeof MerchantGuard.Type

// ---------------------------------------------------------------------------
// Commands

/**
 * Order a service: places a hold of `quantity × pricePoints` on the account.
 *
 * @category commands
 * @since 0.2.0
 */
export const OrderService = Schema.Struct({
  transferId: TransferId,
  accountId: AccountId,
  serviceId: ServiceId,
  quantity: optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100 })))
})
/** @category commands @since 0.2.0 */
export type OrderService = typeof OrderService.Type

/**
 * A pickup code as typed: six ASCII digits.
 *
 * @category schemas
 * @since 0.4.0
 */
export const PickupCode = Schema.String.check(Schema.isPattern(/^[0-9]{6}$/u, rule("must be the six-digit pickup code", "必须是 6 位数字核销码")))

/**
 * The merchant confirms a hold with its pickup code: the held points post to the merchant.
 *
 * @category commands
 * @since 0.2.0
 */
export const FulfilHold = Schema.Struct({ transferId: TransferId, pickupCode: PickupCode })
/** @category commands @since 0.2.0 */
export type FulfilHold = typeof FulfilHold.Type

/**
 * Cancel a pending hold: the points return.
 *
 * @category commands
 * @since 0.2.0
 */
export const CancelHold = Schema.Struct({ transferId: TransferId })
/** @category commands @since 0.2.0 */
export type CancelHold = typeof CancelHold.Type

/**
 * One volunteer's share of a need's reward held on its requester's account.
 *
 * @category commands
 * @since 0.4.0
 */
export const RewardShare = Schema.Struct({ transferId: TransferId, accountId: AccountId, amount: PointsAmount })
/** @category commands @since 0.4.0 */
export type RewardShare = typeof RewardShare.Type

/**
 * Hold a need's reward on the requester's own account (its holder only).
 *
 * @category commands
 * @since 0.4.0
 */
export const HoldReward = Schema.Struct({ holdId: TransferId, accountId: AccountId, amount: PointsAmount, cause: Cause })
/** @category commands @since 0.4.0 */
export type HoldReward = typeof HoldReward.Type

/**
 * Pay a reward hold out in shares: the hold is voided and each share posted from the
 * holder's account to a volunteer's, in one unit of work; the shares never exceed the hold.
 *
 * @category commands
 * @since 0.4.0
 */
export const PayReward = Schema.Struct({ holdId: TransferId, voidId: TransferId, shares: Schema.Array(RewardShare).check(Schema.isMaxLength(50)) })
/** @category commands @since 0.4.0 */
export type PayReward = typeof PayReward.Type
