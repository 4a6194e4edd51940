/**
 * The ledger's deciders. Every points command runs through the kernel's pipeline
 * (`Commands.run`) with one of them: pure `decide` and `evolve`, the time, new codes and
 * what was read coming in through the context. The follow-on effects of a hold (its
 * transfers, a service's stock) are pure functions of the events, applied by the pipeline.
 *
 * The hold lifecycle ({@link holdTransitions} is the table as data, for docs and tests):
 *
 * ```
 *   (none) ──place──▶ pending ──fulfil (right code)──▶ posted        (an order)
 *                       │ │ └──pay (shares ≤ held)──▶ posted          (a reward)
 *                       │ ├──fulfil (wrong code) / reissue──▶ pending (counted; locks after the limit)
 *                       │ ├──cancel / release──▶ voided
 *                       │ └──expire (after timeoutAt)──▶ expired
 * ```
 *
 * @since 0.2.0
 */
import { Result, Schema } from "effect"
import type { Decider } from "../kernel/decider.js"
import {
  conflict,
  type Conflict,
  type DomainError,
  type StorageError,
  invalidField,
  invalidTransition,
  staleVersion
} from "../kernel/errors.js"
import { GridNodeId } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import {
  Account,
  type AccountId,
  Hold,
  type HoldStatus,
  MerchantGuard,
  RewardShare,
  Service,
  type ServiceId,
  Transfer,
  type TransferCode,
  TransferId,
  type TransferKind,
  type UpdateService
} from "./model.js"
import { guardAfterFailure, type PickupCodeLimits, PointsConfig, sameTransfer } from "./rules.js"

/**
 * The errors of the ledger's deciders and of the ports the pipeline runs them with: a
 * decision itself never fails with `StorageError`.
 *
 * @category errors
 * @since 0.4.0
 */
export type LedgerError = DomainError | StorageError

// ---------------------------------------------------------------------------
// Holds

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

const sameHold = (a: Omit<NewHold, "placedAt" | "timeoutAt">, b: Omit<NewHold, "placedAt" | "timeoutAt">) =>
  a.accountId === b.accountId && a.purpose === b.purpose && a.serviceId === b.serviceId && a.quantity === b.quantity &&
  (a.purpose === "order" || (a.amount === b.amount && a.cause?.id === b.cause?.id))

const exists = (id: string): Conflict => conflict("transfer_exists", `transfer ${id} already exists with different content`, `转账 ${id} 已存在且内容不同`)

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
 * Decides a command against the hold's state, with only the time as context.
 *
 * @category rules
 * @since 0.2.0
 */
export const decide = (state: Hold | undefined, command: HoldCommand, ctx: HoldContext = { at: "1970-01-01T00:00:00.000Z" }) => decideHold(state, command, ctx)

/**
 * Applies an event to a hold.
 *
 * @category rules
 * @since 0.2.0
 */
export const evolve = evolveHold

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

// ---------------------------------------------------------------------------
// Transfers

/**
 * A transfer as a command gives it: everything but who made it and when.
 *
 * @category models
 * @since 0.4.0
 */
export type TransferSpec = Omit<Transfer, "actorId" | "at">

/**
 * A transfer from its spec, by whom and when. Built field by field: batches make thousands,
 * and one object shape keeps them cheap.
 *
 * @category constructors
 * @since 0.4.0
 */
export const transferOf = (t: TransferSpec, actorId: string, at: Instant): Transfer => ({
  id: t.id,
  kind: t.kind,
  debitAccountId: t.debitAccountId,
  creditAccountId: t.creditAccountId,
  amount: t.amount,
  code: t.code,
  category: t.category,
  memo: t.memo,
  cause: t.cause,
  pendingId: t.pendingId,
  reversesId: t.reversesId,
  timeoutAt: t.timeoutAt,
  actorId,
  at
})

/**
 * Transfers as the ledger's aggregate: a committed batch (one or more transfers, the first
 * one's id naming it).
 *
 * @category models
 * @since 0.4.0
 */
export interface Entries {
  readonly transfers: ReadonlyArray<Transfer>
  readonly version: number
}

/**
 * Committing transfers.
 *
 * @category models
 * @since 0.4.0
 */
export interface CommitTransfers {
  readonly _tag: "Commit"
  readonly transfers: ReadonlyArray<TransferSpec>
}

/**
 * What a commit decision needs: the time, the actor's id and any refusal found by reading
 * (a cap reached).
 *
 * @category models
 * @since 0.4.0
 */
export interface TransferContext {
  readonly at: Instant
  readonly actorId: string
  readonly refusal?: LedgerError | undefined
}

/**
 * Transfers committed together.
 *
 * @category models
 * @since 0.4.0
 */
export const TransfersCommitted = Schema.Struct({ type: Schema.Literal("TransfersCommitted"), transfers: Schema.Array(Transfer) })
/** @category models @since 0.4.0 */
export type TransfersCommitted = typeof TransfersCommitted.Type

/**
 * The idempotency matrix as a decider: a batch whose ids are all stored with the same content
 * is a replay (no event); an id stored with other content, or a batch only partly stored, is
 * a `Conflict`; otherwise the refusal found by reading, if any, or the commit.
 *
 * @category rules
 * @since 0.4.0
 */
export const transferDecider: Decider<Entries, CommitTransfers, TransfersCommitted, TransferContext, LedgerError> = {
  decide: (state, command, ctx) => {
    if (state !== undefined && state.transfers.length > 0) {
      const byId = new Map(state.transfers.map((t) => [t.id, t]))
      for (const spec of command.transfers) {
        const old = byId.get(spec.id)
        if (old !== undefined && !sameTransfer(old, transferOf(spec, ctx.actorId, ctx.at))) return Result.fail(exists(spec.id))
      }
      if (byId.size !== command.transfers.length) {
        const first = state.transfers[0]!.id
        return Result.fail(conflict("transfer_exists", `some of these transfers already exist (${first}): a batch is committed all or none`, `部分转账已存在（${first}）：批量转账只能整体提交`))
      }
      return Result.succeed([])
    }
    if (ctx.refusal !== undefined) return Result.fail(ctx.refusal)
    const transfers = new Array<Transfer>(command.transfers.length)
    for (let i = 0; i < transfers.length; i++) transfers[i] = transferOf(command.transfers[i]!, ctx.actorId, ctx.at)
    return Result.succeed([{ type: "TransfersCommitted", transfers }])
  },
  evolve: (_, e) => ({ transfers: e.transfers, version: 0 })
}

// ---------------------------------------------------------------------------
// Accounts, configuration, catalog, merchants

/**
 * An account as the pipeline keeps it.
 *
 * @category models
 * @since 0.4.0
 */
export type AccountState = Account & { readonly version: number }

/**
 * An account was opened.
 *
 * @category models
 * @since 0.4.0
 */
export const AccountOpened = Schema.Struct({ type: Schema.Literal("AccountOpened"), account: Account })
/** @category models @since 0.4.0 */
export type AccountOpened = typeof AccountOpened.Type

/**
 * Opening an account: once.
 *
 * @category rules
 * @since 0.4.0
 */
export const accountDecider: Decider<AccountState, { readonly _tag: "Open"; readonly account: Account }, AccountOpened, unknown, LedgerError> = {
  decide: (state, command) =>
    state === undefined
      ? Result.succeed([{ type: "AccountOpened", account: command.account }])
      : Result.fail(conflict("duplicate_account", `account ${state.id} already exists`, `积分账户 ${state.id} 已存在`)),
  evolve: (_, e) => ({ ...e.account, version: 0 })
}

/**
 * A county's points configuration as the pipeline keeps it.
 *
 * @category models
 * @since 0.4.0
 */
export interface ConfigState {
  readonly countyId: GridNodeId
  readonly config: PointsConfig
  readonly version: number
}

/**
 * A county's configuration was replaced.
 *
 * @category models
 * @since 0.4.0
 */
export const PointsConfigured = Schema.Struct({ type: Schema.Literal("PointsConfigured"), countyId: GridNodeId, config: PointsConfig })
/** @category models @since 0.4.0 */
export type PointsConfigured = typeof PointsConfigured.Type

const encodeConfig = Schema.encodeSync(PointsConfig)
const sameConfig = (a: PointsConfig, b: PointsConfig) => JSON.stringify(encodeConfig(a)) === JSON.stringify(encodeConfig(b))

/**
 * Replacing a county's configuration (a county without its own has the defaults, at
 * version 0); the same configuration again changes nothing. A stale `expectedVersion` is a
 * `Conflict`.
 *
 * @category rules
 * @since 0.4.0
 */
export const pointsConfigDecider: Decider<ConfigState, { readonly _tag: "Configure"; readonly countyId: GridNodeId; readonly config: PointsConfig; readonly expectedVersion?: number | undefined }, PointsConfigured, unknown, LedgerError> = {
  decide: (state, command) => {
    const version = state?.version ?? 0
    if (command.expectedVersion !== undefined && command.expectedVersion !== version) return Result.fail(staleVersion("points configuration", command.countyId, command.expectedVersion, version))
    if (state !== undefined && sameConfig(state.config, command.config)) return Result.succeed([])
    return Result.succeed([{ type: "PointsConfigured", countyId: command.countyId, config: command.config }])
  },
  evolve: (_, e) => ({ countyId: e.countyId, config: e.config, version: 0 })
}

/**
 * What happened to a catalog service.
 *
 * @category models
 * @since 0.4.0
 */
export const ServiceEvent = Schema.Union([
  Schema.Struct({ type: Schema.Literal("ServicePublished"), service: Service }),
  Schema.Struct({ type: Schema.Literal("ServiceUpdated"), service: Service })
])
/** @category models @since 0.4.0 */
export type ServiceEvent = typeof ServiceEvent.Type

/**
 * Changes to a catalog service (its stock is a counter the holds move, not changed here).
 *
 * @category models
 * @since 0.4.0
 */
export type ServiceCommand =
  | { readonly _tag: "Publish"; readonly service: Service }
  | { readonly _tag: "Update"; readonly changes: Omit<UpdateService, "expectedVersion">; readonly expectedVersion?: number | undefined }

const sameService = (a: Service, b: Service) =>
  a.title === b.title && a.description === b.description && a.pricePoints === b.pricePoints && a.cashFen === b.cashFen && a.stock === b.stock &&
  a.dailyCapacity === b.dailyCapacity && a.status === b.status

/**
 * Publishing and changing a service; a change that changes nothing writes nothing.
 *
 * @category rules
 * @since 0.4.0
 */
export const serviceDecider: Decider<Service, ServiceCommand, ServiceEvent, { readonly at: Instant }, LedgerError> = {
  decide: (state, command, ctx) => {
    if (command._tag === "Publish") {
      return state === undefined ? Result.succeed([{ type: "ServicePublished", service: command.service }]) : Result.fail(conflict("duplicate_id", `service ${state.id} already exists`, `服务 ${state.id} 已存在`))
    }
    if (state === undefined) return Result.fail(invalidTransition("service", "none", "update"))
    if (command.expectedVersion !== undefined && command.expectedVersion !== state.version) return Result.fail(staleVersion("service", state.id, command.expectedVersion, state.version))
    const c = command.changes
    const next: Service = {
      ...state,
      title: c.title ?? state.title,
      description: c.description ?? state.description,
      pricePoints: c.pricePoints ?? state.pricePoints,
      cashFen: c.cashFen ?? state.cashFen,
      stock: c.stock === undefined ? state.stock : c.stock,
      dailyCapacity: c.dailyCapacity === undefined ? state.dailyCapacity : c.dailyCapacity,
      status: c.status ?? state.status,
      updatedAt: ctx.at
    }
    return sameService(state, next) ? Result.succeed([]) : Result.succeed([{ type: "ServiceUpdated", service: next }])
  },
  evolve: (_, e) => e.service
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

