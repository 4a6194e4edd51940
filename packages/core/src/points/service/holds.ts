/**
 * The holds: orders of low-cost services with their pickup codes (placed, fulfilled at the
 * counter, cancelled, expired), and rewards held on a requester's own account (paid out in
 * shares, or released). Every hold command runs through the pipeline with the hold decider;
 * its transfers and a service's stock follow in the same unit of work.
 *
 * @since 0.4.0
 */
import { Effect, Option } from "effect"
import type { Actor } from "../../kernel/actor.js"
import type { Recorded } from "../../kernel/decider.js"
import { pathOf } from "../../kernel/directory.js"
import { conflict, type DomainError, entityNameZh, forbidden, invalidField, notFound } from "../../kernel/errors.js"
import type { GridNodeId } from "../../kernel/ids.js"
import { constantTimeEqual, Secrets } from "../../kernel/secrets.js"
import { type Instant, now } from "../../kernel/time.js"
import { guardDecider, type HoldCommand, type HoldContext, holdDecider, holdEffects, type HoldEvent } from "../machine.js"
import type { Account, AccountId, FulfilHold, Hold, ServiceId, TransferId } from "../model.js"
import { merchantLocked, type PointsConfig, windows } from "../rules.js"
import type { FulfilOutcome, Points, PointsError } from "../service.js"
import type { HoldView } from "../views.js"
import { ACCOUNT, type Fx, type Kit } from "./kit.js"

/** The use cases of holds: orders with pickup codes, and rewards held for a need. */
export const makeHolds = (kit: Kit): Pick<
  Points["Service"],
  "orderService" | "getHold" | "reissueCode" | "tryFulfil" | "fulfil" | "cancel" | "expireHolds" | "holdReward" | "payReward" | "releaseReward"
> => {
  const { access, commands, configOf, holderOr, holdsAction, isOwner, issuerFor, loadAccount, loadHold, store, target, uow, zoneOf } = kit
  const holdView = (hold: Hold, code: string | null = null): HoldView => {
    const { codeHash: _h, codeSalt: _s, ...rest } = hold
    return { ...rest, pickupCode: code }
  }

  const holdRecord = (e: HoldEvent, hold: Hold, scope: ReadonlyArray<GridNodeId>): Recorded => {
    switch (e.type) {
      case "HoldPlaced":
        return { type: "points.hold.placed", scope, payload: { purpose: hold.purpose, serviceId: hold.serviceId, amount: hold.amount, quantity: hold.quantity } }
      case "HoldPosted":
        return { type: "points.hold.posted", scope, payload: { transferId: e.transferId, amount: hold.amount } }
      case "HoldVoided":
        return { type: e.reason === "expired" ? "points.hold.expired" : "points.hold.voided", scope, payload: { transferId: e.transferId, amount: hold.amount } }
      case "RewardPaid":
        return { type: "points.hold.paid", scope, payload: { voidId: e.voidId, shares: e.shares.map((s) => ({ transferId: s.transferId, accountId: s.accountId, amount: s.amount })) } }
      case "CodeRejected":
        return { type: "points.hold.code_rejected", scope, payload: { attempts: e.attempts } }
      case "HoldLocked":
        return { type: "points.hold.locked", scope, payload: {} }
      case "CodeReissued":
        return { type: "points.hold.code_reissued", scope, payload: {} }
    }
  }

  /** Counts a wrong code against the merchant: the guard's own command, in the same unit of work. */
  const countAgainstMerchant = (actor: Actor, merchantAccountId: AccountId, scope: ReadonlyArray<GridNodeId>, limits: PointsConfig["pickupCodes"]) =>
    commands.run({
      actor,
      aggregate: "merchant guard",
      id: merchantAccountId,
      decider: guardDecider,
      command: { _tag: "WrongCode", merchantAccountId, limits },
      load: Effect.map(store.getGuard(merchantAccountId), Option.getOrUndefined),
      authorize: () => Effect.void,
      context: (_, at) => Effect.succeed({ at }),
      save: (next, expected) => store.saveGuard(next, expected),
      record: (e): Recorded =>
        e.type === "WrongCodeCounted"
          ? { type: "points.merchant.code_rejected", scope, payload: { failures: e.guard.failures } }
          : { type: "points.merchant.locked", scope, payload: { until: e.until } }
    })

  /** Runs one hold command through the pipeline; its transfers and stock follow in the same unit of work. */
  const runHold = (
    actor: Actor,
    id: TransferId,
    account: Account,
    command: HoldCommand,
    context: (hold: Hold | undefined, at: Instant) => Effect.Effect<HoldContext, PointsError>,
    limits?: PointsConfig["pickupCodes"]
  ) =>
    commands.run({
        actor,
        aggregate: "hold",
        id,
        decider: holdDecider,
        command,
        load: Effect.map(store.getHold(id), Option.getOrUndefined),
        authorize: (hold) => (hold !== undefined && hold.accountId !== account.id ? Effect.fail(notFound("hold", id)) : Effect.void),
        context,
        save: (next, expected, before) => (before === undefined ? store.insertHold(next) : store.updateHold(next, expected)),
        record: (e, after) => holdRecord(e, after, account.path),
        followOn: (_, after, events, at) =>
          Effect.gen(function*() {
            const { stock, transfers } = holdEffects(after, events, actor.id, at)
            if (transfers.length > 0) yield* store.commit(transfers)
            if (stock !== null) yield* store.moveStock(stock.serviceId, stock.delta)
            if (after.merchantAccountId !== null && limits !== undefined && events.some((e) => e.type === "CodeRejected")) {
              yield* countAgainstMerchant(actor, after.merchantAccountId, account.path, limits)
            }
          })
      })

  /** A new pickup code: six digits from the secret source, and its salted hash. */
  const newCode = Effect.gen(function*() {
    const secrets = yield* Secrets
    const code = yield* secrets.digits(6)
    const salt = yield* secrets.token(16)
    return { code, salt, hash: yield* secrets.hash(code, salt) }
  })

  /** The hold's paying account, and where the actor stands to it (payer's side or the merchant's). */
  const holdSides = (actor: Actor, hold: Hold) =>
    Effect.gen(function*() {
      const payer = yield* loadAccount(hold.accountId)
      const payerSide = yield* Effect.result(access.check(actor, "points.read", target(payer), { read: "points.read", involved: isOwner(actor, payer) }))
      if (payerSide._tag === "Success") return { payer }
      if (hold.merchantAccountId !== null) {
        const merchant = yield* loadAccount(hold.merchantAccountId)
        const merchantSide = yield* Effect.result(holderOr(actor, merchant, "points.fulfil", "points.fulfil"))
        if (merchantSide._tag === "Success") return { payer }
      }
      return yield* Effect.fail(notFound("hold", hold.id))
    })

  const tryFulfil = (actor: Actor, id: TransferId, command: FulfilHold): Fx<FulfilOutcome> =>
    Effect.gen(function*() {
      const hold = yield* loadHold(id)
      if (hold.merchantAccountId === null) return yield* Effect.fail(notFound("hold", id))
      const merchant = yield* loadAccount(hold.merchantAccountId)
      // Not the merchant's side: forbidden to whoever sees the order (its holder), not found by anyone else, as when reading it.
      yield* holderOr(actor, merchant, "points.fulfil", "points.fulfil").pipe(Effect.catchTag("NotFound", () =>
        Effect.andThen(holdSides(actor, hold), Effect.fail(forbidden("points.fulfil", `hold ${id}`, `${entityNameZh("hold")} ${id}`)))))
      const payer = yield* loadAccount(hold.accountId)
      const { config } = yield* configOf(hold.countyId)
      const limits = config.pickupCodes
      const result = yield* runHold(actor, id, payer, { _tag: "Fulfil", transferId: command.transferId }, (h, at) =>
        Effect.gen(function*() {
          const guard = Option.getOrUndefined(yield* store.getGuard(merchant.id))
          const codeMatches = h !== undefined && h.codeHash !== null && h.codeSalt !== null &&
            constantTimeEqual(yield* (yield* Secrets).hash(command.pickupCode, h.codeSalt), h.codeHash)
          return { at, codeMatches, merchantLocked: merchantLocked(guard, at), limits }
        }), limits)
      const rejected = result.events.find((e) => e.type === "CodeRejected")
      if (rejected === undefined) return { _tag: "Posted" as const, hold: holdView(result.state) }
      return { _tag: "Rejected" as const, hold: holdView(result.state), attemptsLeft: Math.max(0, limits.perHold - result.state.failedAttempts), locked: result.state.locked }
    })

  /** Why an order is refused by what the unit of work reads (minimum balance, stock, day capacity), if it is. */
  function orderRefusal(accountId: AccountId, serviceId: ServiceId, quantity: number, config: PointsConfig, zone: string, at: Instant): Effect.Effect<DomainError | undefined, PointsError> {
    return Effect.gen(function*() {
      const account = yield* loadAccount(accountId)
      if (account.posted < config.minBalanceToRedeem) {
        return conflict("below_minimum_balance", `account ${account.id} has ${account.posted} points; at least ${config.minBalanceToRedeem} are needed before redeeming`, `账户 ${account.id} 积分为 ${account.posted}，兑换前至少需要 ${config.minBalanceToRedeem} 分`)
      }
      const svc = Option.getOrUndefined(yield* store.getService(serviceId))
      if (svc === undefined || svc.status !== "active") return notFound("service", serviceId)
      if (svc.stock !== null && svc.stock < quantity) {
        return conflict("out_of_stock", `${svc.title} has ${svc.stock} left; ${quantity} asked`, `「${svc.title}」仅剩 ${svc.stock} 份，需要 ${quantity} 份`)
      }
      if (svc.dailyCapacity !== null) {
        const [from, until] = windows(at, zone).day
        const today = yield* store.countOrders(svc.id, from, until)
        if (today >= svc.dailyCapacity) {
          return conflict("capacity_reached", `${svc.title} takes ${svc.dailyCapacity} orders a day and has ${today} today`, `「${svc.title}」每日限 ${svc.dailyCapacity} 单，今日已有 ${today} 单`)
        }
      }
      return undefined
    })
  }

  return {
    orderService: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const payer = yield* loadAccount(command.accountId)
        const place = yield* holderOr(actor, payer, "points.redeem", "points.adjust")
        const found = yield* store.getService(command.serviceId)
        if (Option.isNone(found) || found.value.status !== "active") return yield* Effect.fail(notFound("service", command.serviceId))
        const svc = found.value
        yield* access.check(actor, "grid.tree.read", { entity: "service", id: svc.id, nodeId: svc.nodeId }, { county: payer.countyId })
        if (!pathOf(place).includes(svc.nodeId)) {
          return yield* Effect.fail(invalidField("serviceId", `${svc.title} is not offered where account ${payer.id} is registered`, `「${svc.title}」不面向账户 ${payer.id} 所在网格提供`))
        }
        if (svc.pricePoints === 0) {
          return yield* Effect.fail(invalidField("serviceId", `${svc.title} is a partner's free service: it is not ordered with points`, `「${svc.title}」是合伙人的免费服务，无需积分兑换`))
        }
        const quantity = command.quantity ?? 1
        const { config } = yield* configOf(payer.countyId)
        const zone = yield* zoneOf(payer.countyId)
        const code = yield* newCode
        const result = yield* runHold(actor, command.transferId, payer, {
          _tag: "Place",
          hold: {
            id: command.transferId,
            countyId: payer.countyId,
            purpose: "order",
            accountId: payer.id,
            creditAccountId: svc.merchantAccountId,
            merchantAccountId: svc.merchantAccountId,
            amount: svc.pricePoints * quantity,
            serviceId: svc.id,
            quantity,
            cashFen: svc.cashFen * quantity,
            cause: { type: "order", id: command.transferId },
            codeHash: code.hash,
            codeSalt: code.salt
          },
          timeoutHours: config.holdTimeoutHours }, (hold, at) =>
          Effect.gen(function*() {
            if (hold !== undefined) return { at }
            return { at, refusal: yield* orderRefusal(payer.id, svc.id, quantity, config, zone, at) }
          }))
        return holdView(result.state, result.events.length > 0 ? code.code : null)
      })),

    getHold: (actor, id) =>
      Effect.gen(function*() {
        const hold = yield* loadHold(id)
        yield* holdSides(actor, hold)
        return holdView(hold)
      }),

    reissueCode: (actor, id) =>
      uow.transaction(Effect.gen(function*() {
        const hold = yield* loadHold(id)
        const payer = yield* loadAccount(hold.accountId)
        if (!isOwner(actor, payer)) {
          yield* holdSides(actor, hold)
          return yield* Effect.fail(forbidden("points.redeem (a new pickup code, for the holder only)", hold.id, `冻结 ${hold.id}（仅持有人可重新获取核销码）`))
        }
        yield* access.check(actor, "points.redeem", target(payer), { involved: true })
        const code = yield* newCode
        const result = yield* runHold(actor, id, payer, { _tag: "Reissue" }, (_, at) => Effect.succeed({ at, code: { hash: code.hash, salt: code.salt } }))
        return holdView(result.state, code.code)
      })),

    tryFulfil,

    fulfil: (actor, id, command) =>
      Effect.flatMap(tryFulfil(actor, id, command), (outcome) =>
        outcome._tag === "Posted"
          ? Effect.succeed(outcome.hold)
          : Effect.fail(invalidField(
            "pickupCode",
            `does not match the pickup code of hold ${id}${outcome.locked ? ": the hold is now locked; its holder must ask for a new code" : ` (${outcome.attemptsLeft} attempts left)`}`,
            `与冻结 ${id} 的核销码不符${outcome.locked ? "：该冻结已锁定，须由持有人重新获取核销码" : `（还可尝试 ${outcome.attemptsLeft} 次）`}`
          ))),

    cancel: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const hold = yield* loadHold(id)
        const payer = yield* loadAccount(hold.accountId)
        yield* holderOr(actor, payer, hold.purpose === "order" ? "points.redeem" : undefined, "points.adjust").pipe(
          Effect.catchTag("NotFound", () => Effect.fail(notFound("hold", id)))
        )
        const result = yield* runHold(actor, id, payer, { _tag: "Cancel", transferId: command.transferId }, (_, at) => Effect.succeed({ at }))
        return holdView(result.state)
      })),

    expireHolds: (actor, countyId) =>
      Effect.gen(function*() {
        if (countyId !== undefined) {
          yield* access.inCounty(actor, "points.configure", countyId)
          if (!access.can(actor, "points.configure", [countyId])) return yield* Effect.fail(forbidden("points.configure", countyId))
        } else if (!access.can(actor, "points.configure", [])) return yield* Effect.fail(forbidden("points.configure", "the whole store", "全库"))
        let voided = 0
        for (;;) {
          const due = yield* store.dueHolds(yield* now, 100, countyId)
          if (due.length === 0) return { voided }
          for (const hold of due) {
            const payer = yield* loadAccount(hold.accountId)
            const result = yield* runHold(actor, hold.id, payer, { _tag: "Expire", transferId: `void:${hold.id}`.slice(0, 100) as TransferId }, (_, at) => Effect.succeed({ at }))
            if (result.events.length > 0) voided++
          }
        }
      }),

    holdReward: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const account = yield* loadAccount(command.accountId)
        if (!isOwner(actor, account)) {
          yield* access.check(actor, "points.read", target(account), { read: "points.read" })
          return yield* Effect.fail(forbidden("points.redeem (a reward is held on the requester's own account, by its holder)", account.id, `积分账户 ${account.id}（奖励只能由持有人从本人账户冻结）`))
        }
        yield* access.check(actor, "points.redeem", target(account), { involved: holdsAction(actor, "points.redeem") })
        if (account.kind !== "person") return yield* Effect.fail(invalidField("accountId", "a reward is held on a person account", "奖励只能从个人账户冻结"))
        const issuer = yield* issuerFor(account.countyId, account.path, account.id)
        const result = yield* runHold(actor, command.holdId, account, {
          _tag: "Place",
          hold: {
            id: command.holdId,
            countyId: account.countyId,
            purpose: "reward",
            accountId: account.id,
            creditAccountId: issuer.id,
            merchantAccountId: null,
            amount: command.amount,
            serviceId: null,
            quantity: 1,
            cashFen: 0,
            cause: command.cause,
            codeHash: null,
            codeSalt: null
          },
          timeoutHours: null
        }, (_, at) => Effect.succeed({ at }))
        return holdView(result.state)
      })),

    payReward: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const hold = yield* loadHold(command.holdId)
        const payer = yield* loadAccount(hold.accountId)
        yield* holderOr(actor, payer, undefined, "points.adjust").pipe(Effect.catchTag("NotFound", () => Effect.fail(notFound("hold", hold.id))))
        const wanted = command.shares.map((s) => s.accountId)
        const accounts = new Map((yield* store.getAccounts(wanted)).map((a) => [a.id, a]))
        for (const [i, s] of command.shares.entries()) {
          const a = accounts.get(s.accountId)
          if (a === undefined) return yield* Effect.fail(notFound(ACCOUNT, s.accountId))
          if (a.kind !== "person") return yield* Effect.fail(invalidField(`shares.${i}.accountId`, "a reward is paid to person accounts", "奖励只能发放到个人账户"))
        }
        // The need's volunteers, involved by their work: they must be of the same county.
        yield* access.checkAll(actor, "grid.tree.read", Array.from(accounts.values(), target), { county: payer.countyId, involved: true })
        const result = yield* runHold(actor, hold.id, payer, { _tag: "Pay", voidId: command.voidId, shares: command.shares }, (_, at) => Effect.succeed({ at }))
        return holdView(result.state)
      })),

    releaseReward: (actor, id, transferId) =>
      uow.transaction(Effect.gen(function*() {
        const hold = yield* loadHold(id)
        const payer = yield* loadAccount(hold.accountId)
        yield* holderOr(actor, payer, undefined, "points.adjust").pipe(Effect.catchTag("NotFound", () => Effect.fail(notFound("hold", id))))
        const result = yield* runHold(actor, id, payer, { _tag: "Cancel", transferId }, (_, at) => Effect.succeed({ at }))
        return holdView(result.state)
      }))
  }
}
