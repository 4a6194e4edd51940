/**
 * The ledger's schemas: ids, amounts, accounts with floors, double-entry transfers with
 * caller-chosen ids, and the commands that post transfers.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { GridNodeId, idCheck, PersonId } from "../../kernel/ids.js"
import { Instant } from "../../kernel/time.js"
import { Prose, Text } from "../../kernel/text.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter
const optional = Schema.optionalKey

// ---------------------------------------------------------------------------
// Ids

/**
 * A ledger account.
 *
 * @category ids
 * @since 0.2.0
 */
export const AccountId = Schema.String.check(idCheck("acct", { en: "an account", zh: "积分账户" })).pipe(Schema.brand("AccountId"))
/** @category ids @since 0.2.0 */
export type AccountId = typeof AccountId.Type

/**
 * A service in the low-cost service catalog.
 *
 * @category ids
 * @since 0.2.0
 */
export const ServiceId = Schema.String.check(idCheck("svc", { en: "a service", zh: "服务" })).pipe(Schema.brand("ServiceId"))
/** @category ids @since 0.2.0 */
export type ServiceId = typeof ServiceId.Type

/**
 * A transfer id, chosen by the caller (an integrator's own key, a need id with a suffix, a
 * ULID): 1 to 100 letters, digits, `_`, `.`, `:` or `-`. At most one transfer ever has a
 * given id; retrying with the same id is safe.
 *
 * @category ids
 * @since 0.2.0
 */
export const TransferId = Schema.String.check(
  Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/u, rule(
    "must be 1 to 100 letters, digits, _, ., : or -, starting with a letter or digit",
    "必须是 1 到 100 个字母、数字、_、.、: 或 -，且以字母或数字开头"
  ))
).pipe(Schema.brand("TransferId"))
/** @category ids @since 0.2.0 */
export type TransferId = typeof TransferId.Type

// ---------------------------------------------------------------------------
// Amounts

/**
 * A positive whole number of points (at most 10^12).
 *
 * @category schemas
 * @since 0.2.0
 */
export const PointsAmount = Schema.Int.check(
  Schema.isBetween({ minimum: 1, maximum: 1_000_000_000_000 }, rule("must be a whole number of points from 1 to 10^12", "必须是 1 到 10^12 之间的整数积分"))
)

/**
 * A non-negative whole number (stock, cash in fen, a floor).
 *
 * @category schemas
 * @since 0.2.0
 */
export const Count = Schema.Int.check(
  Schema.isBetween({ minimum: 0, maximum: 1_000_000_000_000 }, rule("must be a whole number from 0 to 10^12", "必须是 0 到 10^12 之间的整数"))
)

// ---------------------------------------------------------------------------
// Accounts

/**
 * What an account is for: a resident or volunteer (`person`), a partner merchant
 * (`merchant`), a community charity fund (`charity`, 慈善基金), or the issuer of a county or
 * community (`issuer`), where points are minted.
 *
 * @category models
 * @since 0.2.0
 */
export const AccountKind = Schema.Literals(["person", "merchant", "charity", "issuer"])
/** @category models @since 0.2.0 */
export type AccountKind = typeof AccountKind.Type

/**
 * A ledger account. `posted` is the balance of posted transfers (credits minus debits);
 * `held` the sum of pending holds on it; `available = posted - held`. A floored account
 * never has `available < floor`; an issuer has no floor (`null`) and goes negative by
 * what it issued.
 *
 * @category models
 * @since 0.2.0
 */
export const Account = Schema.Struct({
  id: AccountId,
  countyId: GridNodeId,
  /** The grid node the holder is registered at: who may act on the account is decided by it. */
  nodeId: GridNodeId,
  /** `nodeId`'s path when the account was opened, root first, the node last (for subtree reports). */
  path: Schema.Array(GridNodeId),
  kind: AccountKind,
  /**
   * The holder: the person a person account belongs to, or the partner's staff member who
   * runs a merchant account; `null` for issuers and funds. Holder rights follow it.
   */
  ownerId: Schema.NullOr(PersonId),
  /** The holder's name: personal data for a person, masked in published views. */
  name: Text(60),
  floor: Schema.NullOr(Schema.Int),
  posted: Schema.Int,
  held: Schema.Int,
  createdAt: Instant
})
/** @category models @since 0.2.0 */
export type Account = typeof Account.Type

// ---------------------------------------------------------------------------
// Transfers

/**
 * Why points moved. `reward`: a share of a need's reward its requester held on their own
 * account, paid to a volunteer.
 *
 * @category models
 * @since 0.2.0
 */
export const TransferCode = Schema.Literals(["earn", "redeem", "donate", "reverse", "adjust", "expire", "transfer", "reward"])
/** @category models @since 0.2.0 */
export type TransferCode = typeof TransferCode.Type

/**
 * How a transfer moves points, as in TigerBeetle: `posted` moves them at once; `pending`
 * holds them on the debit account; `post` completes a pending transfer (the held points
 * move); `void` releases it (they stay).
 *
 * @category models
 * @since 0.2.0
 */
export const TransferKind = Schema.Literals(["posted", "pending", "post", "void"])
/** @category models @since 0.2.0 */
export type TransferKind = typeof TransferKind.Type

/**
 * What caused a transfer: a need (微心愿), an activity, an order, another transfer, ….
 *
 * @category models
 * @since 0.2.0
 */
export const Cause = Schema.Struct({
  type: Schema.Literals(["need", "activity", "order", "transfer", "rule", "expiry", "other"]),
  /** The cause's id: 1 to 100 ASCII letters, digits, `_`, `.`, `:` or `-`. */
  id: Schema.String.check(
    Schema.isPattern(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/u, rule(
      "must be 1 to 100 ASCII letters, digits, _, ., : or -, starting with a letter or digit",
      "必须是 1 到 100 个 ASCII 字母、数字、_、.、: 或 -，且以字母或数字开头"
    ))
  )
})
/** @category models @since 0.2.0 */
export type Cause = typeof Cause.Type

/**
 * An immutable double-entry transfer.
 *
 * @category models
 * @since 0.2.0
 */
export const Transfer = Schema.Struct({
  id: TransferId,
  kind: TransferKind,
  debitAccountId: AccountId,
  creditAccountId: AccountId,
  amount: PointsAmount,
  code: TransferCode,
  /** The earning rule's category of an `earn` transfer (e.g. `volunteer_hour`). */
  category: Schema.NullOr(Schema.String),
  memo: Schema.String,
  cause: Schema.NullOr(Cause),
  /** The pending transfer a `post` or `void` resolves. */
  pendingId: Schema.NullOr(TransferId),
  /** The posted transfer a `reverse` undoes. */
  reversesId: Schema.NullOr(TransferId),
  /** When a `pending` transfer times out (it is then voided). */
  timeoutAt: Schema.NullOr(Instant),
  actorId: Schema.String,
  at: Instant
})
/** @category models @since 0.2.0 */
export type Transfer = typeof Transfer.Type

/**
 * A transfer as stored, with its position in the ledger (strictly increasing in commit order).
 *
 * @category models
 * @since 0.2.0
 */
export const StoredTransfer = Schema.Struct({ ...Transfer.fields, seq: Schema.Int })
/** @category models @since 0.2.0 */
export type StoredTransfer = typeof StoredTransfer.Type

// ---------------------------------------------------------------------------
// Commands

/**
 * Open an account at `nodeId`. The floor is 0 for persons, merchants and funds, and none for
 * issuers.
 *
 * - `person`: `ownerId` is the person (one person account per person per county); its name
 *   is the person's, from the directory.
 * - `merchant`: `ownerId` is a partner's staff member (a person with a current `partner`
 *   post); `name` is the shop's.
 * - `charity`, `issuer`: no owner; `name` is the fund's or the issuer's.
 *
 * @category commands
 * @since 0.2.0
 */
export const OpenAccount = Schema.Struct({
  nodeId: GridNodeId,
  kind: AccountKind,
  ownerId: optional(Schema.NullOr(PersonId)),
  name: optional(Text(60))
})
/** @category commands @since 0.2.0 */
export type OpenAccount = typeof OpenAccount.Type

const Memo = Prose(200)
const Reason = Text(200).check(
  Schema.makeFilter((s: string) => Array.from(s).length >= 2, rule("must give a reason of 2 to 200 characters", "必须填写 2 到 200 个字符的原因"))
)

/**
 * An earning rule's category: a key of lower-case ASCII letters, digits and `_`.
 *
 * @category schemas
 * @since 0.4.0
 */
export const EarningCategory = Schema.String.check(
  Schema.isPattern(/^[a-z][a-z0-9_]{0,39}$/u, rule("must be a key of lower-case ASCII letters, digits and _", "必须是由小写 ASCII 字母、数字和下划线组成的代码"))
)

/**
 * Award points by an earning rule: `quantity` units of `category` (hours, visits, …).
 *
 * @category commands
 * @since 0.2.0
 */
export const Award = Schema.Struct({
  transferId: TransferId,
  accountId: AccountId,
  category: EarningCategory,
  quantity: optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 }))),
  memo: optional(Memo),
  cause: optional(Schema.NullOr(Cause))
})
/** @category commands @since 0.2.0 */
export type Award = typeof Award.Type

/**
 * Donate points to the charity fund or to another person (a family member).
 *
 * @category commands
 * @since 0.2.0
 */
export const Donate = Schema.Struct({
  transferId: TransferId,
  fromAccountId: AccountId,
  toAccountId: AccountId,
  amount: PointsAmount,
  memo: optional(Memo)
})
/** @category commands @since 0.2.0 */
export type Donate = typeof Donate.Type

/**
 * Reverse a posted transfer (a wrong award, a refund): a new transfer in the other direction.
 *
 * @category commands
 * @since 0.2.0
 */
export const Reverse = Schema.Struct({ transferId: TransferId, reversesId: TransferId, reason: Reason })
/** @category commands @since 0.2.0 */
export type Reverse = typeof Reverse.Type

/**
 * Adjust an account against its issuer (positive: credit; negative: debit), with a reason.
 *
 * @category commands
 * @since 0.2.0
 */
export const Adjust = Schema.Struct({
  transferId: TransferId,
  accountId: AccountId,
  amount: Schema.Int.check(Schema.makeFilter((n: number) => n !== 0 && Math.abs(n) <= 1_000_000_000_000, rule("must be a non-zero whole number of points", "必须是非零的整数积分"))),
  reason: Reason
})
/** @category commands @since 0.2.0 */
export type Adjust = typeof Adjust.Type

/**
 * One transfer of a linked batch, as a caller gives it.
 *
 * @category commands
 * @since 0.2.0
 */
export const TransferInput = Schema.Struct({
  id: TransferId,
  debitAccountId: AccountId,
  creditAccountId: AccountId,
  amount: PointsAmount,
  code: TransferCode,
  memo: optional(Memo),
  cause: optional(Schema.NullOr(Cause))
})
/** @category commands @since 0.2.0 */
export type TransferInput = typeof TransferInput.Type

/**
 * Several posted transfers committed all or none, in order.
 *
 * @category commands
 * @since 0.2.0
 */
export const CommitBatch = Schema.Struct({ transfers: Schema.Array(TransferInput).check(Schema.isMinLength(1), Schema.isMaxLength(10_000)) })
/** @category commands @since 0.2.0 */
export type CommitBatch = typeof CommitBatch.Type

/**
 * Award the volunteers of a need from the issuer above it under an earning rule: one
 * transfer per volunteer, each within the rule's points and the caps.
 *
 * @category commands
 * @since 0.4.0
 */
export const AwardReward = Schema.Struct({
  /** The node the work was done at (the need's): the award is authorised there. */
  nodeId: GridNodeId,
  category: EarningCategory,
  quantity: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100 })),
  awards: Schema.Array(Schema.Struct({ transferId: TransferId, accountId: AccountId, amount: PointsAmount })).check(Schema.isMaxLength(50)),
  cause: Cause
})
/** @category commands @since 0.4.0 */
export type AwardReward = typeof AwardReward.Type
