/**
 * The hold lifecycle as a decider ({@link holdTransitions} is its table as data), what a
 * hold's events do to the ledger and the catalog, and the merchant's guard against guessed
 * pickup codes.
 *
 * @since 0.4.0
 */
import { Result, Schema } from "effect"
import type { Decider } from "../../kernel/decider.js"
import { conflict, invalidField, invalidTransition } from "../../kernel/errors.js"
import { Instant } from "../../kernel/time.js"
import {
  type AccountId,
  Hold,
  type HoldStatus,
  MerchantGuard,
  RewardShare,
  type ServiceId,
  type Transfer,
  type TransferCode,
  TransferId,
  type TransferKind
} from "../model.js"
import { guardAfterFailure, type PickupCodeLimits } from "../rules.js"
import type { LedgerError } from "./ledger.js"

/**
 * A hold as it is placed: everything but its lifecycle fields.
 *
 * @category models
 * @since 0.4.0
 */
export const NewHold = Hold.mapFields(({ failedAttempts: _a, locked: _l, resolutionId: _r, resolvedAt: _t, status: _s, version: _v, ...fields }) => fields)
/** @category models @since 0.4.0 */
export type NewHold = typeof NewHold.Type

/**
 * What can be asked of a hold.
 *
 * @category models
 * @since 0.2.0
 */
export type HoldCommand =
  | { readonly _tag: "Place"; readonly hold: Omit<NewHold, "placedAt" | "timeoutAt">; readonly timeoutHours: number | null }
  | { readonly _tag: "Fulfil"; readonly transferId: TransferId }
  | { readonly _tag: "Cancel"; readonly transferId: TransferId }
  | { readonly _tag: "Expire"; readonly transferId: TransferId }
  | { readonly _tag: "Reissue" }
  | { readonly _tag: "Pay"; readonly voidId: TransferId; readonly shares: ReadonlyArray<RewardShare> }

/**
 * What a hold decision needs besides the hold and the command: the time, and what the use
 * case read or made for it.
 *
 * @category models
 * @since 0.4.0
 */
export interface HoldContext {
  readonly at: Instant
  /** Place: why the order is refused (minimum balance, stock, capacity), if it is. */
  readonly refusal?: LedgerError | undefined
  /** Fulfil: whether the code typed matches the hold's hash. */
  readonly codeMatches?: boolean | undefined
  /** Fulfil: whether the merchant is locked out for too many wrong codes. */
  readonly merchantLocked?: boolean | undefined
  /** Fulfil: the county's limits on wrong codes. */
  readonly limits?: PickupCodeLimits | undefined
  /** Reissue: the new code's hash and salt. */
  readonly code?: { readonly hash: string; readonly salt: string } | undefined
}

/**
 * What happened to a hold.
 *
 * @category models
 * @since 0.4.0
 */
export const HoldEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("HoldPlaced"), at: Instant, hold: NewHold }),
  Schema.Struct({ type: Schema.Literal("HoldPosted"), at: Instant, transferId: TransferId }),
  Schema.Struct({ type: Schema.Literal("HoldVoided"), at: Instant, transferId: TransferId, reason: Schema.Literals(["cancelled", "expired"]) }),
  Schema.Struct({ type: Schema.Literal("CodeRejected"), at: Instant, attempts: Schema.Int }),
  Schema.Struct({ type: Schema.Literal("HoldLocked"), at: Instant }),
  Schema.Struct({ type: Schema.Literal("CodeReissued"), at: Instant, codeHash: Schema.String, codeSalt: Schema.String }),
  Schema.Struct({ type: Schema.Literal("RewardPaid"), at: Instant, voidId: TransferId, shares: Schema.Array(RewardShare) })
])
/** @category models @since 0.2.0 */
export type HoldEvent = typeof HoldEvent.Type

/**
 * One row of the transition table.
 *
 * @category models
 * @since 0.2.0
 */
export interface HoldTransition {
  readonly from: HoldStatus | "none"
  readonly command: HoldCommand["_tag"]
  readonly to: HoldStatus
}

/**
 * Every allowed transition; any other (state, command) pair is an `InvalidTransition`. A
 * pair may still fail with a `Conflict` or `InvalidInput` when the command breaks a rule
 * (a timed-out or locked hold, shares above the hold, …).
 *
 * @category models
 * @since 0.2.0
 */
export const holdTransitions: ReadonlyArray<HoldTransition> = [
  { from: "none", command: "Place", to: "pending" },
  { from: "pending", command: "Fulfil", to: "posted" },
  { from: "pending", command: "Fulfil", to: "pending" },
  { from: "pending", command: "Reissue", to: "pending" },
  { from: "pending", command: "Pay", to: "posted" },
  { from: "pending", command: "Cancel", to: "voided" },
  { from: "pending", command: "Expire", to: "expired" }
]

const verb: Record<HoldCommand["_tag"], string> = { Place: "place", Fulfil: "fulfil", Cancel: "cancel", Expire: "expire", Reissue: "reissue the code of", Pay: "pay out" }

const exists = (id: string) => conflict("transfer_exists", `transfer ${id} already exists with different content`, `转账 ${id} 已存在且内容不同`)

const sameHold = (a: Omit<NewHold, "placedAt" | "timeoutAt">, b: Omit<NewHold, "placedAt" | "timeoutAt">) =>
  a.accountId === b.accountId && a.purpose === b.purpose && a.serviceId === b.serviceId && a.quantity === b.quantity &&
  (a.purpose === "order" || (a.amount === b.amount && a.cause?.id === b.cause?.id))

/**
 * Decides a command against the hold's state (`undefined`: no hold yet).
 *
 * @category rules
 * @since 0.4.0
 */
export const decideHold = (state: Hold | undefined, command: HoldCommand, ctx: HoldContext): Result.Result<ReadonlyArray<HoldEvent>, LedgerError> => {
  const at = ctx.at
  if (command._tag === "Place") {
    if (state !== undefined) return sameHold(state, command.hold) ? Result.succeed([]) : Result.fail(exists(command.hold.id))
    if (ctx.refusal !== undefined) return Result.fail(ctx.refusal)
    const timeoutAt = command.timeoutHours === null ? null : new Date(Date.parse(at) + command.timeoutHours * 3_600_000).toISOString()
    return Result.succeed([{ type: "HoldPlaced", at, hold: { ...command.hold, placedAt: at, timeoutAt } }])
  }
  if (state === undefined) return Result.fail(invalidTransition("hold", "none", verb[command._tag]))
  // A retry of the command that resolved the hold changes nothing.
  if (command._tag === "Fulfil" && state.status === "posted" && state.resolutionId === command.transferId) return Result.succeed([])
  if (command._tag === "Pay" && state.status === "posted" && state.resolutionId === command.voidId) return Result.succeed([])
  if ((command._tag === "Cancel" || command._tag === "Expire") && state.status !== "pending" && state.resolutionId === command.transferId) return Result.succeed([])
  if (state.status !== "pending") return Result.fail(invalidTransition("hold", state.status, verb[command._tag]))
  switch (command._tag) {
    case "Fulfil": {
      if (state.purpose !== "order") return Result.fail(invalidField("", `hold ${state.id} is a need's reward: it is paid out, not fulfilled`, `冻结 ${state.id} 是需求的奖励：应发放而非核销`))
      if (state.timeoutAt !== null && at >= state.timeoutAt) {
        return Result.fail(conflict("hold_timed_out", `hold ${state.id} timed out at ${state.timeoutAt}`, `冻结 ${state.id} 已于 ${state.timeoutAt} 超时`))
      }
      if (ctx.merchantLocked === true) {
        return Result.fail(conflict("merchant_locked", "too many wrong pickup codes were entered here lately: try again later", "近期输入错误核销码次数过多，请稍后再试"))
      }
      if (state.locked) {
        return Result.fail(conflict("hold_locked", `hold ${state.id} is locked after too many wrong pickup codes: its holder must ask for a new code`, `冻结 ${state.id} 因核销码错误次数过多已锁定：须由持有人重新获取核销码`))
      }
      if (state.codeHash === null) {
        return Result.fail(conflict("code_not_issued", `hold ${state.id} has no valid pickup code: its holder must ask for a new one`, `冻结 ${state.id} 没有有效的核销码：须由持有人重新获取`))
      }
      if (ctx.codeMatches === true) return Result.succeed([{ type: "HoldPosted", at, transferId: command.transferId }])
      const attempts = state.failedAttempts + 1
      const limit = ctx.limits?.perHold ?? 5
      return Result.succeed(attempts >= limit
        ? [{ type: "CodeRejected", at, attempts }, { type: "HoldLocked", at }]
        : [{ type: "CodeRejected", at, attempts }])
    }
    case "Reissue":
      if (state.purpose !== "order") return Result.fail(invalidField("", `hold ${state.id} is a need's reward: it has no pickup code`, `冻结 ${state.id} 是需求的奖励，没有核销码`))
      if (ctx.code === undefined) return Result.fail(invalidField("", "a new code is needed", "需要新的核销码"))
      return Result.succeed([{ type: "CodeReissued", at, codeHash: ctx.code.hash, codeSalt: ctx.code.salt }])
    case "Pay": {
      if (state.purpose !== "reward") return Result.fail(invalidField("", `hold ${state.id} is an order: it is fulfilled with its pickup code`, `冻结 ${state.id} 是订单：须凭核销码核销`))
      const total = command.shares.reduce((s, x) => s + x.amount, 0)
      if (total > state.amount) {
        return Result.fail(conflict("reward_exceeds_hold", `the shares (${total}) exceed the ${state.amount} points held by ${state.id}`, `发放总额 ${total} 超过冻结 ${state.id} 的 ${state.amount} 分`))
      }
      const self = command.shares.findIndex((x) => x.accountId === state.accountId)
      if (self !== -1) return Result.fail(invalidField(`shares.${self}.accountId`, "a reward is not paid back to the account it was held on", "奖励不能发放回被冻结的账户"))
      return Result.succeed([{ type: "RewardPaid", at, voidId: command.voidId, shares: command.shares }])
    }
    case "Cancel":
      return Result.succeed([{ type: "HoldVoided", at, transferId: command.transferId, reason: "cancelled" }])
    case "Expire":
      if (state.timeoutAt === null || at < state.timeoutAt) {
        return Result.fail(conflict("hold_not_due", `hold ${state.id} is not past its timeout${state.timeoutAt === null ? "" : ` (${state.timeoutAt})`}`, `冻结 ${state.id} 尚未超时`))
      }
      return Result.succeed([{ type: "HoldVoided", at, transferId: command.transferId, reason: "expired" }])
  }
}

/**
 * Applies an event to the hold's state (the pipeline keeps the version).
 *
 * @category rules
 * @since 0.4.0
 */
export const evolveHold = (state: Hold | undefined, event: HoldEvent): Hold => {
  switch (event.type) {
    case "HoldPlaced":
      return { ...event.hold, failedAttempts: 0, locked: false, status: "pending", resolutionId: null, resolvedAt: null, version: 0 }
    case "HoldPosted":
      return { ...state!, status: "posted", resolutionId: event.transferId, resolvedAt: event.at }
    case "RewardPaid":
      return { ...state!, status: "posted", resolutionId: event.voidId, resolvedAt: event.at }
    case "HoldVoided":
      return { ...state!, status: event.reason === "cancelled" ? "voided" : "expired", resolutionId: event.transferId, resolvedAt: event.at }
    case "CodeRejected":
      return { ...state!, failedAttempts: event.attempts }
    case "HoldLocked":
      return { ...state!, locked: true }
    case "CodeReissued":
      return { ...state!, codeHash: event.codeHash, codeSalt: event.codeSalt, failedAttempts: 0, locked: false }
  }
}

/**
 * The hold lifecycle as a kernel decider.
 *
 * @category rules
 * @since 0.4.0
 */
export const holdDecider: Decider<Hold, HoldCommand, HoldEvent, HoldContext, LedgerError> = { decide: decideHold, evolve: evolveHold }
/**
 * What a hold's events do to the ledger and the catalog: the transfers to commit, in order,
 * and the change of a service's stock.
 *
 * @category rules
 * @since 0.4.0
 */
export const holdEffects = (
  hold: Hold,
  events: ReadonlyArray<HoldEvent>,
  actorId: string,
  at: Instant
): { readonly transfers: ReadonlyArray<Transfer>; readonly stock: { readonly serviceId: ServiceId; readonly delta: number } | null } => {
  const transfers: Array<Transfer> = []
  let stock: { serviceId: ServiceId; delta: number } | null = null
  const code: TransferCode = hold.purpose === "order" ? "redeem" : "reward"
  const cause = hold.cause
  const base = (id: TransferId, kind: TransferKind, pendingId: TransferId | null): Transfer => ({
    id, kind, debitAccountId: hold.accountId, creditAccountId: hold.creditAccountId, amount: hold.amount, code, category: null, memo: "",
    cause, pendingId, reversesId: null, timeoutAt: null, actorId, at
  })
  const restock = () => {
    if (hold.purpose === "order" && hold.serviceId !== null) stock = { serviceId: hold.serviceId, delta: hold.quantity }
  }
  for (const e of events) {
    switch (e.type) {
      case "HoldPlaced":
        transfers.push({ ...base(hold.id, "pending", null), timeoutAt: hold.timeoutAt })
        if (hold.purpose === "order" && hold.serviceId !== null) stock = { serviceId: hold.serviceId, delta: -hold.quantity }
        break
      case "HoldPosted":
        transfers.push(base(e.transferId, "post", hold.id))
        break
      case "HoldVoided":
        transfers.push(base(e.transferId, "void", hold.id))
        restock()
        break
      case "RewardPaid":
        transfers.push(base(e.voidId, "void", hold.id))
        for (const s of e.shares) {
          transfers.push({ ...base(s.transferId, "posted", null), creditAccountId: s.accountId, amount: s.amount, memo: cause === null ? "reward" : `reward of ${cause.type} ${cause.id}` })
        }
        break
      default:
        break
    }
  }
  return { transfers, stock }
}

/**
 * What happened to a merchant's guard against guessed codes.
 *
 * @category models
 * @since 0.4.0
 */
export const GuardEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("WrongCodeCounted"), guard: MerchantGuard.mapFields(({ version: _, ...f }) => f) }),
  Schema.Struct({ type: Schema.Literal("MerchantLocked"), until: Instant })
])
/** @category models @since 0.4.0 */
export type GuardEvent = typeof GuardEvent.Type

/**
 * A wrong code counted against a merchant: the failures of the hour, and a lock when they
 * reach the limit.
 *
 * @category rules
 * @since 0.4.0
 */
export const guardDecider: Decider<MerchantGuard, { readonly _tag: "WrongCode"; readonly merchantAccountId: AccountId; readonly limits: PickupCodeLimits }, GuardEvent, { readonly at: Instant }, LedgerError> = {
  decide: (state, command, ctx) => {
    const next = guardAfterFailure(state, command.merchantAccountId, ctx.at, command.limits)
    const locked = next.lockedUntil !== null && next.lockedUntil !== (state?.lockedUntil ?? null)
    return Result.succeed(locked ? [{ type: "WrongCodeCounted", guard: next }, { type: "MerchantLocked", until: next.lockedUntil! }] : [{ type: "WrongCodeCounted", guard: next }])
  },
  evolve: (state, e) => (e.type === "WrongCodeCounted" ? { ...e.guard, version: state?.version ?? 0 } : { ...state!, lockedUntil: e.until })
}
