/**
 * The points use cases. Each authorises the actor against the grid scope of the accounts
 * it touches (the path of the node an account's holder is registered at), checks the
 * county's rules, then commits its transfers, holds and one event in one unit of work.
 *
 * Every command that creates a transfer takes the caller's transfer id: repeating it with
 * the same content returns the original; the same id with other content is a `Conflict`.
 *
 * @since 0.2.0
 */
import { Context, Effect, Layer, Option, type Schema } from "effect"
import type { Actor } from "../kernel/actor.js"
import {
  conflict,
  type Conflict,
  forbidden,
  type Forbidden,
  invalidField,
  type InvalidInput,
  type InvalidTransition,
  notFound,
  type NotFound,
  staleVersion,
  type StorageError
} from "../kernel/errors.js"
import { makeEvent, type NewEvent } from "../kernel/events.js"
import { type Idempotent, IdempotencyStore, runIdempotent } from "../kernel/idempotency.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { maskName } from "../kernel/masking.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from "../kernel/pagination.js"
import { type Action, isAllowed, PermissionPolicy, type Policy } from "../kernel/permissions.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { type Instant, now } from "../kernel/time.js"
import type { GridNode } from "../grid/model.js"
import { GridStore } from "../grid/store.js"
import { decide, evolve, type HoldCommand } from "./machine.js"
import type {
  Account,
  AccountId,
  Adjust,
  Award,
  CancelHold,
  CommitBatch,
  Donate,
  FulfilHold,
  Hold,
  OpenAccount,
  OrderService,
  PublishService,
  Reverse,
  Service,
  ServiceId,
  Transfer,
  TransferId,
  UpdateService
} from "./model.js"
import {
  defaultPointsConfig,
  expiringAmount,
  mayAward,
  monthsBefore,
  pickupCodeFrom,
  type PointsConfig,
  sameTransfer,
  windows
} from "./rules.js"
import { PointsStore } from "./store.js"
import type {
  AccountView,
  BalanceView,
  Committed,
  ConfigView,
  ExpiryRun,
  HoldView,
  Leaderboard,
  PointsTotals,
  Statement,
  VerifyReport
} from "./views.js"

/**
 * Every error a points use case can fail with.
 *
 * @category errors
 * @since 0.2.0
 */
export type PointsError = NotFound | Forbidden | Conflict | InvalidInput | InvalidTransition | StorageError

type Fx<A> = Effect.Effect<A, PointsError>

/**
 * A period `[from, to)`; both default to the current local month.
 *
 * @category models
 * @since 0.2.0
 */
export interface Period {
  readonly from?: Instant | undefined
  readonly to?: Instant | undefined
}

/**
 * The points use cases.
 *
 * @category services
 * @since 0.2.0
 */
export class Points extends Context.Service<Points, {
  /** The county's points configuration (rules, caps, policies), or the defaults when none was saved. */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<ConfigView>
  /** Replaces the county's configuration (`points.configure` on the county). */
  readonly configure: (actor: Actor, countyId: GridNodeId, config: PointsConfig, expectedVersion?: number) => Fx<ConfigView>

  /** Opens an account for a person, a merchant, the charity fund or an issuer at a grid node. */
  readonly openAccount: (actor: Actor, command: OpenAccount) => Fx<AccountView>
  /** One account, its holder's name masked unless the actor may see it. */
  readonly getAccount: (actor: Actor, id: AccountId) => Fx<AccountView>
  /** Posted, held and available points of an account. */
  readonly balance: (actor: Actor, id: AccountId) => Fx<BalanceView>
  /** An account's entries, newest first, with the running balance, a page at a time. */
  readonly statement: (actor: Actor, id: AccountId, page?: PageRequest) => Fx<Statement>

  /** Earn by a rule: checks the rule, the caps and who may award, and says which one refused. */
  readonly award: (actor: Actor, command: Award) => Fx<Committed>
  /** Gives points to the charity fund or a family member's account. */
  readonly donate: (actor: Actor, command: Donate) => Fx<Committed>
  /** Reverses a posted transfer with a new transfer; nothing is edited. */
  readonly reverse: (actor: Actor, command: Reverse) => Fx<Committed>
  /** A correction by a role allowed to adjust, with a mandatory reason. */
  readonly adjust: (actor: Actor, command: Adjust) => Fx<Committed>
  /** Posted transfers between any accounts, all or none (`points.adjust` on every account). */
  readonly commitBatch: (actor: Actor, command: CommitBatch) => Fx<Committed>

  /** Orders a low-cost service: places a hold on the points and returns the pickup code to the holder. */
  readonly orderService: (actor: Actor, command: OrderService) => Fx<HoldView>
  /** One order's hold; the pickup code is shown to its holder only. */
  readonly getHold: (actor: Actor, id: TransferId) => Fx<HoldView>
  /** The merchant confirms the pickup code: the hold posts to the merchant. */
  readonly fulfil: (actor: Actor, id: TransferId, command: FulfilHold) => Fx<HoldView>
  /** Cancels an order: the hold is voided and the points return. */
  readonly cancel: (actor: Actor, id: TransferId, command: CancelHold) => Fx<HoldView>
  /** Voids every pending hold past its timeout (a scheduled job; needs store-wide `points.configure`). */
  readonly expireHolds: (actor: Actor) => Fx<{ readonly voided: number }>
  /** Expires points older than the county's `expiryMonths`, oldest first, with `expire` transfers. */
  readonly expirePoints: (actor: Actor, countyId: GridNodeId) => Fx<ExpiryRun>

  /** Publishes a low-cost service in the catalog, priced in points. */
  readonly publishService: (actor: Actor, command: PublishService) => Fx<Service>
  /** Changes a catalog service (price, stock, capacity, serving subtree, withdrawal). */
  readonly updateService: (actor: Actor, id: ServiceId, command: UpdateService) => Fx<Service>
  /** Active services a resident registered at the node may order. */
  readonly catalog: (actor: Actor, nodeId: GridNodeId) => Fx<ReadonlyArray<Service>>

  /** Issued, redeemed, donated, expired and outstanding points of a subtree in a period. */
  readonly totals: (actor: Actor, nodeId: GridNodeId, period?: Period) => Fx<PointsTotals>
  /** The accounts of a subtree that earned most in a period, names masked. */
  readonly leaderboard: (actor: Actor, nodeId: GridNodeId, options?: Period & { readonly limit?: number | undefined }) => Fx<Leaderboard>
  /** Recomputes every balance from the transfers (store-wide `points.configure`). */
  readonly verify: (actor: Actor) => Fx<VerifyReport>

  /**
   * Runs `command` once per (actor, idempotency key): a replay returns the recorded result,
   * another request under the same key is a `Conflict` (`idempotency_key_reused`).
   */
  readonly idempotent: <A, I, E>(
    actor: Actor,
    request: { readonly key: string; readonly fingerprint: string },
    schema: Schema.Codec<A, I>,
    command: Effect.Effect<A, E>
  ) => Effect.Effect<Idempotent<A>, E | Conflict | StorageError>
}>()("@mulin/core/points/Points") {
  /**
   * The use cases over the ports. The permission policy is read once, when the layer is built.
   *
   * @category layers
   * @since 0.2.0
   */
  static readonly layer: Layer.Layer<Points, never, PointsStore | GridStore | EventLog | UnitOfWork | IdempotencyStore | IdGenerator> = Layer.effect(
    Points,
    Effect.gen(function*() {
      return makePoints({
        store: yield* PointsStore,
        grid: yield* GridStore,
        log: yield* EventLog,
        uow: yield* UnitOfWork,
        keys: yield* IdempotencyStore,
        ids: yield* IdGenerator,
        policy: yield* PermissionPolicy
      })
    })
  )
}

interface Deps {
  readonly store: PointsStore["Service"]
  readonly grid: GridStore["Service"]
  readonly log: EventLog["Service"]
  readonly uow: UnitOfWork["Service"]
  readonly keys: IdempotencyStore["Service"]
  readonly ids: IdGenerator["Service"]
  readonly policy: Policy
}

const pathOf = (node: GridNode): ReadonlyArray<GridNodeId> => [...node.path, node.id]

/** An account with the live path of the node its holder is registered at. */
interface Located {
  readonly account: Account
  readonly path: ReadonlyArray<GridNodeId>
}

const makePoints = ({ grid, ids, keys, log, policy, store, uow }: Deps): Points["Service"] => {
  const fresh = <A>(make: Effect.Effect<A, never, IdGenerator>) => Effect.provideService(make, IdGenerator, ids)
  const allowed = (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>) => isAllowed(policy, actor, action, path)
  const allow = (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>): Effect.Effect<void, Forbidden> =>
    allowed(actor, action, path) ? Effect.void : Effect.fail(forbidden(action, path.length === 0 ? "the whole store" : path[path.length - 1]!))
  const isOwner = (actor: Actor, account: Account) => account.ownerId !== null && account.ownerId === actor.id
  const limitOf = (page: PageRequest | undefined) => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)

  const loadNode = (id: GridNodeId): Effect.Effect<GridNode, NotFound | StorageError> =>
    Effect.flatMap(grid.getNode(id), Option.match({ onNone: () => Effect.fail(notFound("grid node", id)), onSome: Effect.succeed }))

  /** A node the actor may act on with `action`; nodes it may not even read are not found. */
  const loadScopedNode = (actor: Actor, id: GridNodeId, action: Action) =>
    Effect.gen(function*() {
      const node = yield* loadNode(id)
      const path = pathOf(node)
      if (!allowed(actor, "grid.tree.read", path) && !allowed(actor, action, path)) return yield* Effect.fail(notFound("grid node", id))
      yield* allow(actor, action, path)
      return node
    })

  /** An account and its live path; not found unless the actor holds it or may read points there. */
  const locate = (actor: Actor, id: AccountId): Effect.Effect<Located, NotFound | StorageError> =>
    Effect.gen(function*() {
      const found = yield* store.getAccount(id)
      if (Option.isNone(found)) return yield* Effect.fail(notFound("points account", id))
      const node = yield* loadNode(found.value.nodeId)
      const located = { account: found.value, path: pathOf(node) }
      const staff = allowed(actor, "points.read", located.path) || allowed(actor, "points.award", located.path) || allowed(actor, "points.adjust", located.path)
      if (!isOwner(actor, located.account) && !staff) {
        return yield* Effect.fail(notFound("points account", id))
      }
      return located
    })

  /** The holder acting on their own account (who may redeem at all), or staff with `staffAction` there. */
  const requireHolderOr = (actor: Actor, at: Located, holderAction: Action, staffAction: Action): Effect.Effect<void, Forbidden> =>
    (isOwner(actor, at.account) && actor.grants.some((g) => policy[g.role].includes(holderAction))) || allowed(actor, staffAction, at.path)
      ? Effect.void
      : Effect.fail(forbidden(staffAction, at.account.id))

  const configOf = (countyId: GridNodeId): Effect.Effect<{ readonly config: PointsConfig; readonly version: number }, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => ({ config: defaultPointsConfig, version: 0 })))

  /** The issuer nearest above (or at) the account's node. */
  const issuerFor = (at: Located): Effect.Effect<Account, Conflict | StorageError> =>
    Effect.flatMap(store.accountsAt(at.path, "issuer"), (issuers) => {
      const byNode = new Map(issuers.map((a) => [a.nodeId, a]))
      for (let i = at.path.length - 1; i >= 0; i--) {
        const found = byNode.get(at.path[i]!)
        if (found !== undefined) return Effect.succeed(found)
      }
      return Effect.fail(conflict("no_issuer", `no issuing account above ${at.account.id}: open one for the county or community`, `账户 ${at.account.id} 上级没有发行账户：请为区县或社区开设发行账户`))
    })

  const event = (actor: Actor, at: Instant, type: string, aggregate: { readonly type: string; readonly id: string; readonly version: number }, scope: ReadonlyArray<GridNodeId>, payload: Record<string, unknown>): Effect.Effect<NewEvent> =>
    fresh(makeEvent({ type, aggregate, actor, at, scope, payload }))

  const transferPayload = (transfers: ReadonlyArray<Transfer>) =>
    transfers.length <= 20
      ? { transfers: transfers.map((t) => ({ id: t.id, kind: t.kind, code: t.code, amount: t.amount, debitAccountId: t.debitAccountId, creditAccountId: t.creditAccountId })) }
      : { count: transfers.length, amount: transfers.reduce((s, t) => s + t.amount, 0), first: transfers[0]!.id, last: transfers[transfers.length - 1]!.id }

  /**
   * The commit, then the idempotency matrix: inside the current unit of work, the store
   * refuses a used id (`duplicate_transfer`, nothing written); then transfers whose ids all
   * exist with the same content are returned as they are, and an id that exists with other
   * content, or a batch only partly committed before, is a `Conflict`. Trying the commit
   * first keeps the common case (a new id) at one round of statements.
   */
  const commitOnce = (actor: Actor, at: Instant, transfers: ReadonlyArray<Transfer>, scope: ReadonlyArray<GridNodeId>) =>
    store.commit(transfers).pipe(
      Effect.flatMap((committed) =>
        Effect.gen(function*() {
          const head = committed[0]!
          yield* log.append([yield* event(actor, at, "points.transfers.committed", { type: "points transfer", id: head.id, version: 1 }, scope, transferPayload(committed))])
          return { transfers: committed, replayed: false }
        })
      ),
      Effect.catchIf((e): e is Conflict => e._tag === "Conflict" && e.reason === "duplicate_transfer", () => replayOf(transfers))
    )

  /** The stored originals of a retried command, or the `Conflict` of an id reused for other content. */
  const replayOf = (transfers: ReadonlyArray<Transfer>) =>
    Effect.gen(function*() {
      const existing = yield* store.getTransfers(transfers.map((t) => t.id))
      const byId = new Map(existing.map((t) => [t.id, t]))
      for (const t of transfers) {
        const old = byId.get(t.id)
        if (old !== undefined && !sameTransfer(old, t)) {
          return yield* Effect.fail(conflict("transfer_exists", `transfer ${t.id} already exists with different content`, `转账 ${t.id} 已存在且内容不同`))
        }
      }
      if (existing.length !== transfers.length) {
        return yield* Effect.fail(conflict("transfer_exists", `some of these transfers already exist (${existing[0]!.id}): a batch is committed all or none`, `部分转账已存在（${existing[0]!.id}）：批量转账只能整体提交`))
      }
      return { transfers: transfers.map((t) => byId.get(t.id)!), replayed: true }
    })

  const makeTransfer = (actor: Actor, at: Instant, t: Omit<Transfer, "actorId" | "at" | "category" | "memo" | "cause" | "pendingId" | "reversesId" | "timeoutAt"> & Partial<Transfer>): Transfer => ({
    category: null,
    memo: "",
    cause: null,
    pendingId: null,
    reversesId: null,
    timeoutAt: null,
    ...t,
    actorId: actor.id,
    at
  })

  const sameCounty = (a: Account, b: Account, field: string): Effect.Effect<void, InvalidInput> =>
    a.countyId === b.countyId ? Effect.void : Effect.fail(invalidField(field, `must be an account of the same county as ${a.id}`, `必须是与 ${a.id} 同一区县的账户`))

  const balanceOf = (a: Account): BalanceView => ({ accountId: a.id, posted: a.posted, held: a.held, available: a.posted - a.held, floor: a.floor })

  const accountView = (actor: Actor, at: Located): AccountView => {
    const a = at.account
    const show = a.kind !== "person" || isOwner(actor, a) || allowed(actor, "grid.personal.read", at.path)
    return { id: a.id, countyId: a.countyId, nodeId: a.nodeId, kind: a.kind, ownerId: a.ownerId, name: show ? a.name : maskName(a.name), floor: a.floor, masked: !show, createdAt: a.createdAt }
  }

  const holdView = (actor: Actor, hold: Hold, account: Account): HoldView => ({
    ...hold,
    pickupCode: isOwner(actor, account) || actor.kind === "system" ? hold.pickupCode : null
  })

  // -------------------------------------------------------------------------
  // Holds

  const loadHold = (actor: Actor, id: TransferId) =>
    Effect.gen(function*() {
      const found = yield* store.getHold(id)
      if (Option.isNone(found)) return yield* Effect.fail(notFound("hold", id))
      const payer = yield* locate(actor, found.value.accountId).pipe(
        Effect.map(Option.some),
        Effect.catchTag("NotFound", () => Effect.succeed(Option.none<Located>()))
      )
      const merchantAccount = yield* store.getAccount(found.value.merchantAccountId)
      if (Option.isNone(merchantAccount)) return yield* Effect.fail(notFound("hold", id))
      const merchantNode = yield* loadNode(merchantAccount.value.nodeId)
      const merchant: Located = { account: merchantAccount.value, path: pathOf(merchantNode) }
      const merchantSide = isOwner(actor, merchant.account) || allowed(actor, "points.fulfil", merchant.path)
      if (Option.isNone(payer) && !merchantSide) return yield* Effect.fail(notFound("hold", id))
      const payerAccount = Option.isSome(payer) ? payer.value.account : (yield* store.getAccount(found.value.accountId)).pipe(Option.getOrThrow)
      return { hold: found.value, payer, merchant, payerAccount }
    })

  /** Resolves a hold by `command` (fulfil, cancel or expire): one transfer, the hold, the stock, one event. */
  const resolveHold = (actor: Actor, hold: Hold, command: Exclude<HoldCommand, { readonly _tag: "Place" }>, scope: ReadonlyArray<GridNodeId>) =>
    Effect.gen(function*() {
      // A retry of the command that resolved it returns the hold as it is.
      if (hold.resolutionId === command.transferId && ((command._tag === "Fulfil") === (hold.status === "posted"))) return hold
      const events = yield* Effect.fromResult(decide(hold, command))
      const next = events.reduce<Hold | undefined>(evolve, hold)!
      const transfer = makeTransfer(actor, command.at, {
        id: command.transferId,
        kind: command._tag === "Fulfil" ? "post" : "void",
        debitAccountId: hold.accountId,
        creditAccountId: hold.merchantAccountId,
        amount: hold.amount,
        code: "redeem",
        pendingId: hold.id,
        cause: hold.serviceId === null ? null : { type: "order", id: hold.id }
      })
      yield* commitOnce(actor, command.at, [transfer], scope)
      yield* store.updateHold(next, hold.version)
      if (next.status !== "posted" && hold.serviceId !== null) {
        const service = yield* store.getService(hold.serviceId)
        if (Option.isSome(service) && service.value.stock !== null) {
          const s = service.value
          yield* store.updateService({ ...s, stock: s.stock! + hold.quantity, version: s.version + 1, updatedAt: command.at }, s.version)
        }
      }
      const type = next.status === "posted" ? "points.hold.posted" : next.status === "expired" ? "points.hold.expired" : "points.hold.voided"
      yield* log.append([yield* event(actor, command.at, type, { type: "hold", id: hold.id, version: next.version }, scope, { transferId: transfer.id, amount: hold.amount })])
      return next
    })

  const pathOfAccount = (account: Account) => Effect.map(loadNode(account.nodeId), pathOf)

  // -------------------------------------------------------------------------

  const service: Points["Service"] = {
    getConfig: (actor, countyId) =>
      Effect.gen(function*() {
        yield* loadScopedNode(actor, countyId, "points.read")
        const { config, version } = yield* configOf(countyId)
        return { countyId, version, config }
      }),

    configure: (actor, countyId, config, expectedVersion) =>
      uow.transaction(Effect.gen(function*() {
        const county = yield* loadScopedNode(actor, countyId, "points.configure")
        if (county.parentId !== null) return yield* Effect.fail(invalidField("countyId", "must be a county", "必须是区县"))
        const current = yield* configOf(countyId)
        if (expectedVersion !== undefined && expectedVersion !== current.version) return yield* Effect.fail(staleVersion("points configuration", countyId, expectedVersion, current.version))
        yield* store.saveConfig(countyId, config, current.version)
        const at = yield* now
        yield* log.append([yield* event(actor, at, "points.config.updated", { type: "points configuration", id: countyId, version: current.version + 1 }, [countyId], { rules: config.rules.map((r) => r.category) })])
        return { countyId, version: current.version + 1, config }
      })),

    openAccount: (actor, command) =>
      Effect.gen(function*() {
        const node = yield* loadScopedNode(actor, command.nodeId, command.kind === "issuer" ? "points.configure" : "points.account.open")
        const ownerId = command.ownerId ?? null
        if ((command.kind === "person" || command.kind === "merchant") && ownerId === null) {
          return yield* Effect.fail(invalidField("ownerId", `a ${command.kind} account needs its holder's id`, "个人和商户账户必须填写持有人编号"))
        }
        const at = yield* now
        const account: Account = {
          id: `acct_${yield* ids.ulid}` as AccountId,
          countyId: node.countyId,
          nodeId: node.id,
          path: pathOf(node),
          kind: command.kind,
          ownerId,
          name: command.name,
          floor: command.kind === "issuer" ? null : 0,
          posted: 0,
          held: 0,
          createdAt: at
        }
        yield* uow.transaction(Effect.gen(function*() {
          yield* store.insertAccount(account)
          yield* log.append([yield* event(actor, at, "points.account.opened", { type: "points account", id: account.id, version: 1 }, pathOf(node), { kind: account.kind, nodeId: node.id })])
        }))
        return accountView(actor, { account, path: pathOf(node) })
      }),

    getAccount: (actor, id) => Effect.map(locate(actor, id), (at) => accountView(actor, at)),

    balance: (actor, id) => Effect.map(locate(actor, id), (at) => balanceOf(at.account)),

    statement: (actor, id, page) =>
      Effect.gen(function*() {
        const at = yield* locate(actor, id)
        const result = yield* store.statement(id, { after: page?.after, limit: limitOf(page) })
        return { accountId: id, balance: balanceOf(at.account), items: result.items, next: result.next }
      }),

    award: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const to = yield* locate(actor, command.accountId)
        if (to.account.kind !== "person") return yield* Effect.fail(invalidField("accountId", "points are awarded to person accounts only", "积分只能奖励给个人账户"))
        const { config } = yield* configOf(to.account.countyId)
        const rule = config.rules.find((r) => r.category === command.category)
        if (rule === undefined) {
          const known = config.rules.map((r) => r.category).join(", ")
          return yield* Effect.fail(invalidField("category", `refused by the rules: no earning rule for ${command.category} (known: ${known})`, `积分规则拒绝：没有「${command.category}」的积分规则（已有：${known}）`))
        }
        if (!mayAward(policy, actor, rule, to.path)) {
          return yield* Effect.fail(forbidden(`points.award (${rule.category}: ${rule.awardRoles.join(", ")} within their subtree)`, to.account.id))
        }
        const amount = rule.points * (command.quantity ?? 1)
        const at = yield* now
        const w = windows(at, config.utcOffsetMinutes)
        const caps: Array<readonly [number | null, string | null, readonly [Instant, Instant], string, string]> = [
          [rule.dailyCap, rule.category, w.day, `daily cap of ${rule.nameEn}`, `「${rule.nameZh}」每日上限`],
          [rule.monthlyCap, rule.category, w.month, `monthly cap of ${rule.nameEn}`, `「${rule.nameZh}」每月上限`],
          [config.personDailyCap, null, w.day, "daily cap per person", "每人每日上限"],
          [config.personMonthlyCap, null, w.month, "monthly cap per person", "每人每月上限"]
        ]
        for (const [cap, category, [from, until], en, zh] of caps) {
          if (cap === null) continue
          const earned = yield* store.earned(to.account.id, category, from, until)
          if (earned + amount > cap) {
            // A retry of an award that was committed is not refused by its own cap.
            const done = yield* store.getTransfers([command.transferId])
            if (done.length > 0) break
            return yield* Effect.fail(conflict(
              "cap_exceeded",
              `refused by the cap: account ${to.account.id} has earned ${earned} of the ${en} of ${cap}; ${amount} more would exceed it`,
              `超出上限：账户 ${to.account.id} 已获得 ${earned} 分，${zh}为 ${cap} 分，再获得 ${amount} 分将超出`
            ))
          }
        }
        const issuer = yield* issuerFor(to)
        const transfer = makeTransfer(actor, at, {
          id: command.transferId,
          kind: "posted",
          debitAccountId: issuer.id,
          creditAccountId: to.account.id,
          amount,
          code: "earn",
          category: rule.category,
          memo: command.memo ?? "",
          cause: command.cause ?? null
        })
        return { transfers: (yield* commitOnce(actor, at, [transfer], to.path)).transfers }
      })),

    donate: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const from = yield* locate(actor, command.fromAccountId)
        yield* requireHolderOr(actor, from, "points.redeem", "points.adjust")
        const target = yield* store.getAccount(command.toAccountId)
        if (Option.isNone(target)) return yield* Effect.fail(notFound("points account", command.toAccountId))
        const to = target.value
        yield* sameCounty(from.account, to, "toAccountId")
        const { config } = yield* configOf(from.account.countyId)
        const ok = (to.kind === "charity" && config.donation.toCharity) || (to.kind === "person" && config.donation.toPerson && to.id !== from.account.id)
        if (!ok) {
          return yield* Effect.fail(invalidField("toAccountId", "must be a charity fund or another person's account, as the county's donation policy allows", "必须是慈善基金或他人（家庭成员）的个人账户，且为本区县捐赠政策所允许"))
        }
        const at = yield* now
        const transfer = makeTransfer(actor, at, {
          id: command.transferId,
          kind: "posted",
          debitAccountId: from.account.id,
          creditAccountId: to.id,
          amount: command.amount,
          code: "donate",
          memo: command.memo ?? ""
        })
        return { transfers: (yield* commitOnce(actor, at, [transfer], from.path)).transfers }
      })),

    reverse: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const found = yield* store.getTransfers([command.reversesId])
        const original = found[0]
        if (original === undefined) return yield* Effect.fail(notFound("transfer", command.reversesId))
        if (original.kind !== "posted" || original.code === "reverse") {
          return yield* Effect.fail(invalidField("reversesId", "must be a posted transfer that is not itself a reversal (a redemption is undone by cancelling its hold)", "必须是已入账且本身不是冲正的转账（兑换请通过取消冻结撤销）"))
        }
        // Staff may reverse where they may adjust the account that gave the points back.
        const loser = yield* locate(actor, original.creditAccountId)
        yield* allow(actor, "points.adjust", loser.path)
        const at = yield* now
        const transfer = makeTransfer(actor, at, {
          id: command.transferId,
          kind: "posted",
          debitAccountId: original.creditAccountId,
          creditAccountId: original.debitAccountId,
          amount: original.amount,
          code: "reverse",
          memo: command.reason,
          cause: { type: "transfer", id: original.id },
          reversesId: original.id
        })
        return { transfers: (yield* commitOnce(actor, at, [transfer], loser.path)).transfers }
      })),

    adjust: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const target = yield* locate(actor, command.accountId)
        yield* allow(actor, "points.adjust", target.path)
        if (target.account.kind === "issuer") return yield* Effect.fail(invalidField("accountId", "an issuer is not adjusted against itself", "发行账户不能对自身调整"))
        const issuer = yield* issuerFor(target)
        const at = yield* now
        const transfer = makeTransfer(actor, at, {
          id: command.transferId,
          kind: "posted",
          debitAccountId: command.amount > 0 ? issuer.id : target.account.id,
          creditAccountId: command.amount > 0 ? target.account.id : issuer.id,
          amount: Math.abs(command.amount),
          code: "adjust",
          memo: command.reason
        })
        return { transfers: (yield* commitOnce(actor, at, [transfer], target.path)).transfers }
      })),

    commitBatch: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const ids = [...new Set(command.transfers.flatMap((t) => [t.debitAccountId, t.creditAccountId]))]
        const accounts = new Map((yield* store.getAccounts(ids)).map((a) => [a.id, a]))
        // The live paths of the accounts' nodes, read in one call; whether the actor may
        // adjust there, decided once per node.
        const nodes = new Map((yield* grid.getNodes([...new Set(Array.from(accounts.values(), (a) => a.nodeId))])).map((n) => [n.id, n]))
        const mayAdjust = new Map<GridNodeId, boolean>()
        let county: GridNodeId | undefined
        for (const [i, t] of command.transfers.entries()) {
          if (t.code === "reverse" || t.code === "expire") {
            return yield* Effect.fail(invalidField(`transfers.${i}.code`, `${t.code} transfers are made by their own command`, `${t.code} 类转账须通过专门的操作完成`))
          }
          if (t.debitAccountId === t.creditAccountId) return yield* Effect.fail(invalidField(`transfers.${i}.creditAccountId`, "must differ from the debit account", "不能与付款账户相同"))
          for (const id of [t.debitAccountId, t.creditAccountId]) {
            const a = accounts.get(id)
            if (a === undefined) return yield* Effect.fail(notFound("points account", id))
            county ??= a.countyId
            if (a.countyId !== county) return yield* Effect.fail(invalidField(`transfers.${i}`, "every account of a batch must be in one county", "同一批次的账户必须属于同一区县"))
            let may = mayAdjust.get(a.nodeId)
            if (may === undefined) {
              const node = nodes.get(a.nodeId)
              if (node === undefined) return yield* Effect.fail(notFound("grid node", a.nodeId))
              may = allowed(actor, "points.adjust", pathOf(node))
              mayAdjust.set(a.nodeId, may)
            }
            if (!may) return yield* Effect.fail(forbidden("points.adjust", id))
          }
        }
        const at = yield* now
        const transfers = command.transfers.map((t) =>
          makeTransfer(actor, at, { id: t.id, kind: "posted", debitAccountId: t.debitAccountId, creditAccountId: t.creditAccountId, amount: t.amount, code: t.code, memo: t.memo ?? "", cause: t.cause ?? null })
        )
        return { transfers: (yield* commitOnce(actor, at, transfers, [county!])).transfers }
      })),

    orderService: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const payer = yield* locate(actor, command.accountId)
        yield* requireHolderOr(actor, payer, "points.redeem", "points.adjust")
        const existing = yield* store.getHold(command.transferId)
        const quantity = command.quantity ?? 1
        if (Option.isSome(existing)) {
          const h = existing.value
          if (h.accountId === command.accountId && h.serviceId === command.serviceId && h.quantity === quantity) return holdView(actor, h, payer.account)
          return yield* Effect.fail(conflict("transfer_exists", `transfer ${command.transferId} already exists with different content`, `转账 ${command.transferId} 已存在且内容不同`))
        }
        const found = yield* store.getService(command.serviceId)
        if (Option.isNone(found) || found.value.status !== "active") return yield* Effect.fail(notFound("service", command.serviceId))
        const svc = found.value
        if (!payer.path.includes(svc.nodeId)) {
          return yield* Effect.fail(invalidField("serviceId", `${svc.title} is not offered where account ${payer.account.id} is registered`, `「${svc.title}」不面向账户 ${payer.account.id} 所在网格提供`))
        }
        const { config } = yield* configOf(payer.account.countyId)
        if (payer.account.posted < config.minBalanceToRedeem) {
          return yield* Effect.fail(conflict("below_minimum_balance", `account ${payer.account.id} has ${payer.account.posted} points; at least ${config.minBalanceToRedeem} are needed before redeeming`, `账户 ${payer.account.id} 积分为 ${payer.account.posted}，兑换前至少需要 ${config.minBalanceToRedeem} 分`))
        }
        if (svc.stock !== null && svc.stock < quantity) {
          return yield* Effect.fail(conflict("out_of_stock", `${svc.title} has ${svc.stock} left; ${quantity} asked`, `「${svc.title}」仅剩 ${svc.stock} 份，需要 ${quantity} 份`))
        }
        const at = yield* now
        if (svc.dailyCapacity !== null) {
          const [from, until] = windows(at, config.utcOffsetMinutes).day
          const today = yield* store.countOrders(svc.id, from, until)
          if (today >= svc.dailyCapacity) {
            return yield* Effect.fail(conflict("capacity_reached", `${svc.title} takes ${svc.dailyCapacity} orders a day and has ${today} today`, `「${svc.title}」每日限 ${svc.dailyCapacity} 单，今日已有 ${today} 单`))
          }
        }
        const timeoutAt = new Date(Date.parse(at) + config.holdTimeoutHours * 3_600_000).toISOString()
        const placed = { id: command.transferId, countyId: payer.account.countyId, accountId: payer.account.id, merchantAccountId: svc.merchantAccountId, amount: svc.pricePoints * quantity, serviceId: svc.id, quantity, cashFen: svc.cashFen * quantity, pickupCode: pickupCodeFrom(yield* ids.ulid), placedAt: at, timeoutAt }
        const events = yield* Effect.fromResult(decide(undefined, { _tag: "Place", hold: placed }))
        const hold = events.reduce<Hold | undefined>(evolve, undefined)!
        const transfer = makeTransfer(actor, at, {
          id: hold.id,
          kind: "pending",
          debitAccountId: hold.accountId,
          creditAccountId: hold.merchantAccountId,
          amount: hold.amount,
          code: "redeem",
          cause: { type: "order", id: hold.id },
          timeoutAt
        })
        yield* commitOnce(actor, at, [transfer], payer.path)
        yield* store.insertHold(hold)
        if (svc.stock !== null) yield* store.updateService({ ...svc, stock: svc.stock - quantity, version: svc.version + 1, updatedAt: at }, svc.version)
        yield* log.append([yield* event(actor, at, "points.hold.placed", { type: "hold", id: hold.id, version: 1 }, payer.path, { serviceId: svc.id, amount: hold.amount, quantity })])
        return holdView(actor, hold, payer.account)
      })),

    getHold: (actor, id) => Effect.map(loadHold(actor, id), ({ hold, payerAccount }) => holdView(actor, hold, payerAccount)),

    fulfil: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const { hold, merchant, payerAccount } = yield* loadHold(actor, id)
        yield* requireHolderOr(actor, merchant, "points.fulfil", "points.fulfil")
        const next = yield* resolveHold(actor, hold, { _tag: "Fulfil", pickupCode: command.pickupCode, transferId: command.transferId, at: yield* now }, merchant.path)
        return holdView(actor, next, payerAccount)
      })),

    cancel: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const { hold, payer, payerAccount } = yield* loadHold(actor, id)
        if (Option.isNone(payer)) return yield* Effect.fail(forbidden("points.redeem", hold.accountId))
        yield* requireHolderOr(actor, payer.value, "points.redeem", "points.adjust")
        const next = yield* resolveHold(actor, hold, { _tag: "Cancel", transferId: command.transferId, at: yield* now }, payer.value.path)
        return holdView(actor, next, payerAccount)
      })),

    expireHolds: (actor) =>
      Effect.gen(function*() {
        yield* allow(actor, "points.configure", [])
        let voided = 0
        for (;;) {
          const at = yield* now
          const due = yield* store.dueHolds(at, 100)
          if (due.length === 0) return { voided }
          for (const hold of due) {
            yield* uow.transaction(Effect.gen(function*() {
              const current = Option.getOrThrow(yield* store.getHold(hold.id))
              if (current.status !== "pending") return
              const path = yield* Effect.flatMap(store.getAccount(current.accountId), (a) => pathOfAccount(Option.getOrThrow(a)))
              yield* resolveHold(actor, current, { _tag: "Expire", transferId: `void:${hold.id}`.slice(0, 100) as TransferId, at }, path)
              voided++
            }))
          }
        }
      }),

    expirePoints: (actor, countyId) =>
      Effect.gen(function*() {
        yield* loadScopedNode(actor, countyId, "points.configure")
        const { config } = yield* configOf(countyId)
        const at = yield* now
        if (config.expiryMonths === null) return { accounts: 0, expired: 0, transfers: [] }
        const cutoff = monthsBefore(at, config.expiryMonths)
        const made: Array<TransferId> = []
        let accounts = 0
        let expired = 0
        let after: string | undefined
        do {
          const page = yield* store.listAccounts(countyId, "person", { after, limit: 500 })
          for (const a of page.items) {
            accounts++
            yield* uow.transaction(Effect.gen(function*() {
              const current = Option.getOrThrow(yield* store.getAccount(a.id))
              const basis = yield* store.expiryBasis(a.id, cutoff)
              const amount = expiringAmount(basis.creditsBefore, basis.debitsTotal, current.posted - current.held - (current.floor ?? 0))
              if (amount === 0) return
              const path = yield* pathOfAccount(current)
              const issuer = yield* issuerFor({ account: current, path })
              const transfer = makeTransfer(actor, at, {
                id: `expire:${a.id}:${at.slice(0, 10)}` as TransferId,
                kind: "posted",
                debitAccountId: a.id,
                creditAccountId: issuer.id,
                amount,
                code: "expire",
                memo: `points earned before ${cutoff.slice(0, 10)}`,
                cause: { type: "expiry", id: cutoff.slice(0, 10) }
              })
              const result = yield* commitOnce(actor, at, [transfer], path)
              if (!result.replayed) {
                made.push(transfer.id)
                expired += amount
              }
            }))
          }
          after = page.next ?? undefined
        } while (after !== undefined)
        return { accounts, expired, transfers: made }
      }),

    publishService: (actor, command) =>
      Effect.gen(function*() {
        const node = yield* loadScopedNode(actor, command.nodeId, "grid.tree.read")
        const merchant = yield* locate(actor, command.merchantAccountId)
        if (merchant.account.kind !== "merchant") return yield* Effect.fail(invalidField("merchantAccountId", "must be a merchant account", "必须是商户账户"))
        if (merchant.account.countyId !== node.countyId) return yield* Effect.fail(invalidField("nodeId", "must be in the merchant's county", "必须属于商户所在区县"))
        yield* requireHolderOr(actor, merchant, "points.catalog.write", "points.catalog.write")
        const at = yield* now
        const svc: Service = {
          id: `svc_${yield* ids.ulid}` as ServiceId,
          countyId: node.countyId,
          nodeId: node.id,
          merchantAccountId: merchant.account.id,
          title: command.title,
          description: command.description ?? "",
          pricePoints: command.pricePoints,
          cashFen: command.cashFen ?? 0,
          stock: command.stock ?? null,
          dailyCapacity: command.dailyCapacity ?? null,
          status: "active",
          version: 1,
          createdAt: at,
          updatedAt: at
        }
        yield* uow.transaction(Effect.gen(function*() {
          yield* store.insertService(svc)
          yield* log.append([yield* event(actor, at, "points.service.published", { type: "service", id: svc.id, version: 1 }, pathOf(node), { title: svc.title, pricePoints: svc.pricePoints, merchantAccountId: svc.merchantAccountId })])
        }))
        return svc
      }),

    updateService: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const found = yield* store.getService(id)
        if (Option.isNone(found)) return yield* Effect.fail(notFound("service", id))
        const svc = found.value
        const merchant = yield* locate(actor, svc.merchantAccountId).pipe(Effect.catchTag("NotFound", () => Effect.fail(notFound("service", id))))
        yield* requireHolderOr(actor, merchant, "points.catalog.write", "points.catalog.write")
        if (command.expectedVersion !== undefined && command.expectedVersion !== svc.version) return yield* Effect.fail(staleVersion("service", id, command.expectedVersion, svc.version))
        const at = yield* now
        const next: Service = {
          ...svc,
          title: command.title ?? svc.title,
          pricePoints: command.pricePoints ?? svc.pricePoints,
          cashFen: command.cashFen ?? svc.cashFen,
          stock: command.stock === undefined ? svc.stock : command.stock,
          dailyCapacity: command.dailyCapacity === undefined ? svc.dailyCapacity : command.dailyCapacity,
          status: command.status ?? svc.status,
          version: svc.version + 1,
          updatedAt: at
        }
        yield* store.updateService(next, svc.version)
        const node = yield* loadNode(svc.nodeId)
        yield* log.append([yield* event(actor, at, "points.service.updated", { type: "service", id, version: next.version }, pathOf(node), { pricePoints: next.pricePoints, stock: next.stock, status: next.status })])
        return next
      })),

    catalog: (actor, nodeId) =>
      Effect.gen(function*() {
        const node = yield* loadScopedNode(actor, nodeId, "grid.tree.read")
        return yield* store.servicesAt(pathOf(node))
      }),

    totals: (actor, nodeId, period) =>
      Effect.gen(function*() {
        const node = yield* loadScopedNode(actor, nodeId, "points.read")
        const { from, to } = yield* periodOf(node.countyId, period)
        const m = yield* store.movements(nodeId, from, to)
        const sum = (code: string, side: "credits" | "debits") => m.byCode.filter((c) => c.code === code).reduce((s, c) => s + c[side], 0)
        const adjustIn = sum("adjust", "credits")
        const adjustOut = sum("adjust", "debits")
        return {
          nodeId,
          from,
          to,
          issued: sum("earn", "credits") + adjustIn,
          // Merchants of the subtree are credited what residents redeem: only the debits count.
          redeemed: sum("redeem", "debits"),
          donated: sum("donate", "debits"),
          expired: sum("expire", "debits"),
          reversed: sum("reverse", "debits") - sum("reverse", "credits"),
          adjusted: adjustIn - adjustOut,
          outstanding: m.outstanding
        }
      }),

    leaderboard: (actor, nodeId, options) =>
      Effect.gen(function*() {
        const node = yield* loadScopedNode(actor, nodeId, "grid.tree.read")
        const { from, to } = yield* periodOf(node.countyId, options)
        const limit = Math.min(Math.max(1, Math.floor(options?.limit ?? 10)), 100)
        const rows = yield* store.leaderboard(nodeId, from, to, limit)
        return { nodeId, from, to, entries: rows.map((r, i) => ({ rank: i + 1, accountId: r.account.id, name: maskName(r.account.name), earned: r.earned })) }
      }),

    verify: (actor) =>
      Effect.gen(function*() {
        yield* allow(actor, "points.configure", [])
        const r = yield* store.verify
        return { ok: r.differences.length === 0 && r.sum === 0, accounts: r.accounts, transfers: r.transfers, sum: r.sum, differences: r.differences }
      }),

    idempotent: (actor, request, schema, command) => runIdempotent({ store: keys, uow }, { actorId: actor.id, ...request }, schema, command)
  }

  const periodOf = (countyId: GridNodeId, period: Period | undefined) =>
    Effect.gen(function*() {
      const { config } = yield* configOf(countyId)
      const month = windows(yield* now, config.utcOffsetMinutes).month
      const from = period?.from ?? month[0]
      const to = period?.to ?? month[1]
      if (from >= to) return yield* Effect.fail(invalidField("to", "must be after from", "必须晚于开始时间"))
      return { from, to }
    })

  return Points.of(service)
}
