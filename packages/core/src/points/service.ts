/**
 * The points use cases. Each loads every entity it references (accounts, services, holds,
 * the people who hold accounts) and passes it through the kernel's one scope check
 * (`Access`), in the county of the thing acted on; then runs its command through the kernel's
 * pipeline (`Commands.run`) with one of the ledger's deciders, which saves the state, appends
 * the events and applies the follow-on effects (a hold's transfers, a service's stock) in one
 * unit of work. A command that changes nothing writes nothing.
 *
 * Points move only under the ledger's rules: an earning rule and its caps, applied by an
 * actor allowed to award where the work was done; or the holder's own consent (a donation, an
 * order, a reward held on their own account). Never as the system actor on a caller's
 * behalf.
 *
 * Every command that creates a transfer takes the caller's transfer id: repeating it with
 * the same content returns the original; the same id with other content is a `Conflict`.
 *
 * @since 0.2.0
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import { Access } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import { Commands, type Recorded } from "../kernel/decider.js"
import { Directory, pathOf, type Place } from "../kernel/directory.js"
import {
  conflict,
  type Conflict,
  type DomainError,
  entityNameZh,
  forbidden,
  type Forbidden,
  fromSchemaError,
  invalidField,
  type InvalidInput,
  type InvalidTransition,
  notFound,
  type NotFound,
  type StorageError
} from "../kernel/errors.js"
import { type Idempotent, IdempotencyStore, runIdempotent } from "../kernel/idempotency.js"
import { isCurrentOn } from "../kernel/identity.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { maskName } from "../kernel/masking.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from "../kernel/pagination.js"
import type { Action } from "../kernel/permissions.js"
import { constantTimeEqual, Secrets } from "../kernel/secrets.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { DEFAULT_TIME_ZONE, type Instant, localDate, now } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import {
  accountDecider,
  type AccountState,
  type HoldCommand,
  type HoldContext,
  holdDecider,
  holdEffects,
  type HoldEvent,
  guardDecider,
  pointsConfigDecider,
  serviceDecider,
  type TransferSpec,
  transferDecider
} from "./machine.js"
import type {
  Account,
  AccountId,
  Adjust,
  Award,
  AwardReward,
  CancelHold,
  CommitBatch,
  Donate,
  FulfilHold,
  Hold,
  HoldReward,
  OpenAccount,
  OrderService,
  PayReward,
  PublishService,
  Reverse,
  Service,
  ServiceId,
  StoredTransfer,
  Transfer,
  TransferId,
  UpdateService
} from "./model.js"
import {
  capRoom,
  defaultPointsConfig,
  type EarningRule,
  expiringAmount,
  mayAward,
  merchantLocked,
  monthsBefore,
  PointsConfig,
  windows
} from "./rules.js"
import { PointsStore } from "./store.js"
import { HoldView } from "./views.js"
import type {
  AccountView,
  BalanceView,
  Committed,
  ConfigView,
  ExpiryRun,
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
 * A period `[from, to)`; both default to the current month of the county's calendar.
 *
 * @category models
 * @since 0.2.0
 */
export interface Period {
  readonly from?: Instant | undefined
  readonly to?: Instant | undefined
}

/**
 * The outcome of a pickup code typed at the counter: the hold posted, or the code rejected
 * (counted, and committed) with the attempts left before the hold locks.
 *
 * @category views
 * @since 0.4.0
 */
export const FulfilOutcome = Schema.Union([
  Schema.Struct({ _tag: Schema.Literal("Posted"), hold: HoldView }),
  Schema.Struct({ _tag: Schema.Literal("Rejected"), hold: HoldView, attemptsLeft: Schema.Int, locked: Schema.Boolean })
])
/** @category views @since 0.4.0 */
export type FulfilOutcome = typeof FulfilOutcome.Type

/**
 * What an award under a rule at a node would give each account now: the rule's points per
 * volunteer, and for each account that much or less, as the caps leave room.
 *
 * @category views
 * @since 0.4.0
 */
export interface AwardQuote {
  readonly issuerId: AccountId
  readonly rule: EarningRule
  /** The rule's points times the quantity: what one volunteer earns without caps. */
  readonly perVolunteer: number
  readonly amounts: ReadonlyArray<{ readonly accountId: AccountId; readonly amount: number }>
}

/**
 * The points use cases.
 *
 * @category services
 * @since 0.2.0
 */
export class Points extends Context.Service<Points, {
  /** The county's points configuration, or the defaults: for the county's staff (`county.config.read`). */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<ConfigView>
  /** Replaces the county's configuration (`points.configure` on the county), validated by {@link PointsConfig}. */
  readonly configure: (actor: Actor, countyId: GridNodeId, config: PointsConfig, expectedVersion?: number) => Fx<ConfigView>

  /** Opens an account: a person's, a merchant's (a partner's staff member holds it), a charity fund or an issuer. */
  readonly openAccount: (actor: Actor, command: OpenAccount) => Fx<AccountView>
  /** One account, its holder's name masked unless the actor may see it. */
  readonly getAccount: (actor: Actor, id: AccountId) => Fx<AccountView>
  /** Posted, held and available points of an account. */
  readonly balance: (actor: Actor, id: AccountId) => Fx<BalanceView>
  /** An account's entries, newest first, with the running balance, a page at a time. */
  readonly statement: (actor: Actor, id: AccountId, page?: PageRequest) => Fx<Statement>

  /** Earn by a rule: checks the rule, the caps and who may award, and says which one refused. Never to the awarder's own account. */
  readonly award: (actor: Actor, command: Award) => Fx<Committed>
  /** The holder gives points to the charity fund or a family member's account. */
  readonly donate: (actor: Actor, command: Donate) => Fx<Committed>
  /** Reverses a posted transfer with a new transfer; nothing is edited. */
  readonly reverse: (actor: Actor, command: Reverse) => Fx<Committed>
  /** A correction by a role allowed to adjust, with a mandatory reason. */
  readonly adjust: (actor: Actor, command: Adjust) => Fx<Committed>
  /** Posted transfers between accounts of one county, all or none (`points.adjust` on every account). */
  readonly commitBatch: (actor: Actor, command: CommitBatch) => Fx<Committed>

  /** Orders a low-cost service: places a hold and shows the new pickup code to the holder, once. */
  readonly orderService: (actor: Actor, command: OrderService) => Fx<HoldView>
  /** One hold: for its holder and staff where the account is, and for the merchant's side. Never its code. */
  readonly getHold: (actor: Actor, id: TransferId) => Fx<HoldView>
  /** A new pickup code for the holder (the old one stops working, a locked hold unlocks), shown once. */
  readonly reissueCode: (actor: Actor, id: TransferId) => Fx<HoldView>
  /**
   * The merchant types the pickup code: the hold posts, or the wrong code is counted (and
   * committed) and the outcome says so. Runs in its own unit of work.
   */
  readonly tryFulfil: (actor: Actor, id: TransferId, command: FulfilHold) => Fx<FulfilOutcome>
  /**
   * {@link tryFulfil}, failing with `InvalidInput` on a wrong code after the attempt was
   * committed. MUST NOT be called inside an open unit of work (its rollback would forget the
   * attempt).
   */
  readonly fulfil: (actor: Actor, id: TransferId, command: FulfilHold) => Fx<HoldView>
  /** Cancels an order: the hold is voided, the points and the stock return. */
  readonly cancel: (actor: Actor, id: TransferId, command: CancelHold) => Fx<HoldView>
  /** Voids every pending order past its timeout (a scheduled job; needs store-wide `points.configure`). */
  readonly expireHolds: (actor: Actor) => Fx<{ readonly voided: number }>
  /** Expires points older than the county's `expiryMonths`, oldest first, with `expire` transfers. */
  readonly expirePoints: (actor: Actor, countyId: GridNodeId) => Fx<ExpiryRun>

  /** Holds a need's reward on the actor's own account (its holder only). */
  readonly holdReward: (actor: Actor, command: HoldReward) => Fx<HoldView>
  /** Pays a reward hold out in shares, never more than was held (its holder, or `points.adjust` there). */
  readonly payReward: (actor: Actor, command: PayReward) => Fx<HoldView>
  /** Voids a reward hold: the points stay with the holder (its holder, or `points.adjust` there). */
  readonly releaseReward: (actor: Actor, id: TransferId, transferId: TransferId) => Fx<HoldView>
  /** What an award under a rule, by the actor, at a node, would give each account now (the caps applied). */
  readonly quoteAward: (actor: Actor, query: { readonly nodeId: GridNodeId; readonly category: string; readonly quantity: number; readonly accountIds: ReadonlyArray<AccountId> }) => Fx<AwardQuote>
  /** Awards the volunteers of work done at a node from the issuer above it, each within the rule's points and the caps. */
  readonly awardReward: (actor: Actor, command: AwardReward) => Fx<Committed>

  /** Publishes a low-cost service in the catalog, priced in points. */
  readonly publishService: (actor: Actor, command: PublishService) => Fx<Service>
  /** Changes a catalog service (price, stock, capacity, withdrawal). */
  readonly updateService: (actor: Actor, id: ServiceId, command: UpdateService) => Fx<Service>
  /** Active services a resident registered at the node may order. */
  readonly catalog: (actor: Actor, nodeId: GridNodeId) => Fx<ReadonlyArray<Service>>

  /** Issued, redeemed, donated, expired and outstanding points of a subtree in a period. */
  readonly totals: (actor: Actor, nodeId: GridNodeId, period?: Period) => Fx<PointsTotals>
  /** The accounts of a subtree that earned most in a period: names masked, ids for `points.read` only. */
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
   * The use cases over the ports, with the kernel (`Access`, `Commands`) provided: wiring
   * needs only a store and an id generator. The permission policy is read once, when the
   * layer is built.
   *
   * @category layers
   * @since 0.2.0
   */
  static readonly layer: Layer.Layer<Points, never, PointsStore | GridStore | Directory | UnitOfWork | EventLog | IdempotencyStore | IdGenerator> = Layer.effect(
    Points,
    Effect.gen(function*() {
      return makePoints({
        store: yield* PointsStore,
        grid: yield* GridStore,
        directory: yield* Directory,
        uow: yield* UnitOfWork,
        keys: yield* IdempotencyStore,
        ids: yield* IdGenerator,
        access: yield* Access,
        commands: yield* Commands
      })
    })
  ).pipe(Layer.provide(layerKernel))
}

interface Deps {
  readonly store: PointsStore["Service"]
  readonly grid: GridStore["Service"]
  readonly directory: Directory["Service"]
  readonly uow: UnitOfWork["Service"]
  readonly keys: IdempotencyStore["Service"]
  readonly ids: IdGenerator["Service"]
  readonly access: Access["Service"]
  readonly commands: Commands["Service"]
}

const decodeConfig = Schema.decodeUnknownEffect(PointsConfig)
const encodeConfig = Schema.encodeSync(PointsConfig)
const ACCOUNT = "points account"

const makePoints = ({ access, commands, directory, grid, ids, keys, store, uow }: Deps): Points["Service"] => {
  const policy = access.policy
  const isOwner = (actor: Actor, account: Account) => account.ownerId !== null && account.ownerId === actor.id
  /** Whether any of the actor's grants allows `action` (somewhere). */
  const holdsAction = (actor: Actor, action: Action) => actor.grants.some((g) => policy[g.role].includes(action))
  const limitOf = (page: PageRequest | undefined) => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const target = (a: Account) => ({ entity: ACCOUNT, id: a.id, nodeId: a.nodeId })

  const loadAccount = (id: AccountId): Effect.Effect<Account, NotFound | StorageError> =>
    Effect.flatMap(store.getAccount(id), Option.match({ onNone: () => Effect.fail(notFound(ACCOUNT, id)), onSome: Effect.succeed }))
  const loadHold = (id: TransferId): Effect.Effect<Hold, NotFound | StorageError> =>
    Effect.flatMap(store.getHold(id), Option.match({ onNone: () => Effect.fail(notFound("hold", id)), onSome: Effect.succeed }))

  /** An account the actor may read: its holder, or `points.read` where it is; anyone else finds nothing. */
  const readable = (actor: Actor, id: AccountId) =>
    Effect.gen(function*() {
      const account = yield* loadAccount(id)
      const place = yield* access.check(actor, "points.read", target(account), { read: "points.read", involved: isOwner(actor, account) })
      return { account, place }
    })

  /**
   * The account's holder acting on it (holding `holderAction` somewhere, when given), or
   * staff who read accounts where it is (`points.read`) with `staffAction` there; anyone
   * else finds nothing. A role granted `staffAction` without reading accounts (a partner's
   * `points.fulfil` and `points.catalog.write`) acts on the accounts its holder holds only,
   * never on another shop's.
   */
  const holderOr = (actor: Actor, account: Account, holderAction: Action | undefined, staffAction: Action): Effect.Effect<Place, NotFound | Forbidden | StorageError> =>
    isOwner(actor, account) && (holderAction === undefined || holdsAction(actor, holderAction))
      ? access.check(actor, staffAction, target(account), { involved: true })
      : Effect.flatMap(access.check(actor, "points.read", target(account), { read: "points.read" }), (place) =>
        access.can(actor, staffAction, pathOf(place))
          ? Effect.succeed(place)
          : Effect.fail(forbidden(staffAction, `${ACCOUNT} ${account.id}`, `${entityNameZh(ACCOUNT)} ${account.id}`)))

  const configOf = (countyId: GridNodeId): Effect.Effect<{ readonly config: PointsConfig; readonly version: number }, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => ({ config: defaultPointsConfig, version: 0 })))
  const zoneOf = (countyId: GridNodeId): Effect.Effect<string, StorageError> =>
    Effect.map(grid.getCounty(countyId), Option.match({ onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone }))

  /** The issuer nearest above (or at) the end of `path`. */
  const issuerFor = (path: ReadonlyArray<GridNodeId>, what: string): Effect.Effect<Account, Conflict | StorageError> =>
    Effect.flatMap(store.accountsAt(path, "issuer"), (issuers) => {
      const byNode = new Map(issuers.map((a) => [a.nodeId, a]))
      for (let i = path.length - 1; i >= 0; i--) {
        const found = byNode.get(path[i]!)
        if (found !== undefined) return Effect.succeed(found)
      }
      return Effect.fail(conflict("no_issuer", `no issuing account above ${what}: open one for the county or community`, `${what} 上级没有发行账户：请为区县或社区开设发行账户`))
    })

  const transferPayload = (transfers: ReadonlyArray<Transfer>) =>
    transfers.length <= 20
      ? { transfers: transfers.map((t) => ({ id: t.id, kind: t.kind, code: t.code, amount: t.amount, debitAccountId: t.debitAccountId, creditAccountId: t.creditAccountId })) }
      : { count: transfers.length, amount: transfers.reduce((s, t) => s + t.amount, 0), first: transfers[0]!.id, last: transfers[transfers.length - 1]!.id }

  const spec = (t: Omit<TransferSpec, "category" | "memo" | "cause" | "pendingId" | "reversesId" | "timeoutAt"> & Partial<TransferSpec>): TransferSpec => ({
    id: t.id,
    kind: t.kind,
    debitAccountId: t.debitAccountId,
    creditAccountId: t.creditAccountId,
    amount: t.amount,
    code: t.code,
    category: t.category ?? null,
    memo: t.memo ?? "",
    cause: t.cause ?? null,
    pendingId: t.pendingId ?? null,
    reversesId: t.reversesId ?? null,
    timeoutAt: t.timeoutAt ?? null
  })

  /**
   * Commits posted transfers through the pipeline with the transfer decider: the idempotency
   * matrix (a replay returns the stored originals, another content is a `Conflict`), then the
   * refusal read inside the unit of work (a cap), then the commit and one event.
   *
   * Without a refusal to read, the common case (new ids) is decided first as new, and the
   * store's own refusal of a used id (`duplicate_transfer`, nothing written) sends it back
   * through the decider with the stored transfers: one round of statements for a new batch,
   * as the ledger always did.
   */
  const commit = (actor: Actor, specs: ReadonlyArray<TransferSpec>, scope: ReadonlyArray<GridNodeId>, refusal?: (at: Instant) => Effect.Effect<DomainError | undefined, StorageError>) => {
    const attempt = (optimistic: boolean) =>
      Effect.gen(function*() {
        let loaded: ReadonlyArray<StoredTransfer> = []
        let stored: ReadonlyArray<StoredTransfer> = []
        const result = yield* commands.run({
          actor,
          aggregate: "points transfer",
          id: specs[0]!.id,
          decider: transferDecider,
          command: { _tag: "Commit", transfers: specs },
          load: optimistic
            ? Effect.succeed(undefined)
            : Effect.map(store.getTransfers(specs.length === 1 ? [specs[0]!.id] : specs.map((s) => s.id)), (found) => {
              loaded = found
              return found.length === 0 ? undefined : { transfers: found, version: 1 }
            }),
          authorize: () => Effect.void,
          context: (_, at) =>
            refusal === undefined ? Effect.succeed({ at, actorId: actor.id }) : Effect.map(refusal(at), (r) => ({ at, actorId: actor.id, refusal: r })),
          save: (next) => Effect.map(store.commit(next.transfers), (s) => void (stored = s)),
          record: (e): Recorded => ({ type: "points.transfers.committed", scope, payload: transferPayload(e.transfers) })
        })
        if (result.events.length > 0) return { transfers: stored, replayed: false }
        const byId = new Map(loaded.map((t) => [t.id, t]))
        return { transfers: specs.map((s) => byId.get(s.id)!), replayed: true }
      })
    return refusal !== undefined
      ? attempt(false)
      : attempt(true).pipe(Effect.catchIf((e): e is Conflict => e._tag === "Conflict" && e.reason === "duplicate_transfer", () => attempt(false)))
  }

  const balanceOf = (a: Account): BalanceView => ({ accountId: a.id, posted: a.posted, held: a.held, available: a.posted - a.held, floor: a.floor })

  const accountView = (actor: Actor, a: Account, place: Place): AccountView => {
    const show = a.kind !== "person" || isOwner(actor, a) || access.can(actor, "grid.personal.read", pathOf(place))
    return { id: a.id, countyId: a.countyId, nodeId: a.nodeId, kind: a.kind, ownerId: a.ownerId, name: show ? a.name : maskName(a.name), floor: a.floor, masked: !show, createdAt: a.createdAt }
  }

  const holdView = (hold: Hold, code: string | null = null): HoldView => {
    const { codeHash: _h, codeSalt: _s, ...rest } = hold
    return { ...rest, pickupCode: code }
  }

  // -------------------------------------------------------------------------
  // Holds

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

  // -------------------------------------------------------------------------

  const service: Points["Service"] = {
    getConfig: (actor, countyId) =>
      Effect.gen(function*() {
        yield* access.inCounty(actor, "county.config.read", countyId)
        const { config, version } = yield* configOf(countyId)
        return { countyId, version, config }
      }),

    configure: (actor, countyId, input, expectedVersion) =>
      Effect.gen(function*() {
        const county = yield* access.at(actor, "points.configure", countyId)
        if (county.parentId !== null) return yield* Effect.fail(invalidField("countyId", "must be a county", "必须是区县"))
        // The core schema validates, whoever calls (not only the HTTP layer).
        const config = yield* decodeConfig(encodeConfig(input)).pipe(Effect.mapError((e) => fromSchemaError(e, ["config"])))
        const result = yield* commands.run({
          actor,
          aggregate: "points configuration",
          id: countyId,
          decider: pointsConfigDecider,
          command: { _tag: "Configure", countyId, config, expectedVersion },
          // A county without a configuration of its own has the defaults, at version 0.
          load: Effect.map(configOf(countyId), (c) => ({ countyId, config: c.config, version: c.version })),
          authorize: () => Effect.void,
          context: () => Effect.succeed(undefined),
          save: (next, expected) => store.saveConfig(countyId, next.config, expected),
          record: (e): Recorded => ({ type: "points.config.updated", scope: [countyId], payload: { rules: e.config.rules.map((r) => r.category) } })
        })
        return { countyId, version: result.state.version, config: result.state.config }
      }),

    openAccount: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const place = yield* access.at(actor, command.kind === "issuer" ? "points.configure" : "points.account.open", command.nodeId, { live: true })
        const ownerId = command.ownerId ?? null
        let name = command.name
        if (command.kind === "person" || command.kind === "merchant") {
          if (ownerId === null) return yield* Effect.fail(invalidField("ownerId", `a ${command.kind} account needs its holder, a person of the directory`, "个人和商户账户必须指定持有人（名录中的人员）"))
          const found = yield* directory.personAccess(ownerId)
          if (Option.isNone(found)) return yield* Effect.fail(notFound("person", ownerId))
          const person = found.value
          yield* access.check(actor, "points.account.open", { entity: "person", id: ownerId, nodeId: person.person.nodeId }, { county: place.countyId })
          if (command.kind === "person") name = person.person.name
          else {
            const today = localDate(yield* now, person.timeZone)
            if (!person.posts.some((p) => p.role === "partner" && isCurrentOn(p, today))) {
              return yield* Effect.fail(invalidField("ownerId", "a merchant account is held by a partner's staff member (a person with a current partner post)", "商户账户的持有人必须是睦邻合伙人的工作人员（当前担任合伙人职务）"))
            }
            if (name === undefined) return yield* Effect.fail(invalidField("name", "a merchant account needs the shop's name", "商户账户必须填写店名"))
          }
        } else if (ownerId !== null) {
          return yield* Effect.fail(invalidField("ownerId", `a ${command.kind} account has no holder`, "慈善基金和发行账户没有持有人"))
        } else if (name === undefined) {
          return yield* Effect.fail(invalidField("name", `a ${command.kind} account needs a name`, "必须填写账户名称"))
        }
        const account: Account = {
          id: `acct_${yield* ids.ulid}` as AccountId,
          countyId: place.countyId,
          nodeId: place.id,
          path: pathOf(place),
          kind: command.kind,
          ownerId,
          name: name!,
          floor: command.kind === "issuer" ? null : 0,
          posted: 0,
          held: 0,
          createdAt: yield* now
        }
        const result = yield* commands.run({
          actor,
          aggregate: ACCOUNT,
          id: account.id,
          decider: accountDecider,
          command: { _tag: "Open", account: { ...account } },
          load: Effect.succeed<AccountState | undefined>(undefined),
          authorize: () => Effect.void,
          context: () => Effect.succeed(undefined),
          save: (next) => store.insertAccount({ ...account, createdAt: next.createdAt }),
          record: (e): Recorded => ({ type: "points.account.opened", scope: e.account.path, payload: { kind: e.account.kind, nodeId: e.account.nodeId } })
        })
        return accountView(actor, result.state, place)
      })),

    getAccount: (actor, id) => Effect.map(readable(actor, id), ({ account, place }) => accountView(actor, account, place)),

    balance: (actor, id) => Effect.map(readable(actor, id), ({ account }) => balanceOf(account)),

    statement: (actor, id, page) =>
      Effect.gen(function*() {
        const { account } = yield* readable(actor, id)
        const result = yield* store.statement(id, { after: page?.after, limit: limitOf(page) })
        return { accountId: id, balance: balanceOf(account), items: result.items, next: result.next }
      }),

    award: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const to = yield* loadAccount(command.accountId)
        const place = yield* access.check(actor, "points.award", target(to), { read: "points.read" })
        if (to.kind !== "person") return yield* Effect.fail(invalidField("accountId", "points are awarded to person accounts only", "积分只能奖励给个人账户"))
        if (isOwner(actor, to)) return yield* Effect.fail(forbidden("points.award (to one's own account)", to.id, `积分账户 ${to.id}（本人账户）`))
        const { config } = yield* configOf(to.countyId)
        const rule = yield* ruleOf(config, command.category)
        const path = pathOf(place)
        if (!mayAward(policy, actor, rule, path)) {
          return yield* Effect.fail(forbidden(`points.award (${rule.category}: ${rule.awardRoles.join(", ")} within their subtree)`, to.id))
        }
        const amount = rule.points * (command.quantity ?? 1)
        const issuer = yield* issuerFor(path, to.id)
        const zone = yield* zoneOf(to.countyId)
        const transfer = spec({ id: command.transferId, kind: "posted", debitAccountId: issuer.id, creditAccountId: to.id, amount, code: "earn", category: rule.category, memo: command.memo ?? "", cause: command.cause ?? null })
        const result = yield* commit(actor, [transfer], path, (at) => capRefusal(to, rule, config, zone, at, amount))
        return { transfers: result.transfers }
      })),

    donate: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const from = yield* loadAccount(command.fromAccountId)
        const place = yield* holderOr(actor, from, "points.redeem", "points.adjust")
        const to = yield* loadAccount(command.toAccountId)
        yield* access.check(actor, "grid.tree.read", target(to), { county: from.countyId })
        const { config } = yield* configOf(from.countyId)
        const ok = (to.kind === "charity" && config.donation.toCharity) || (to.kind === "person" && config.donation.toPerson && to.id !== from.id)
        if (!ok) {
          return yield* Effect.fail(invalidField("toAccountId", "must be a charity fund or another person's account, as the county's donation policy allows", "必须是慈善基金或他人（家庭成员）的个人账户，且为本区县捐赠政策所允许"))
        }
        const transfer = spec({ id: command.transferId, kind: "posted", debitAccountId: from.id, creditAccountId: to.id, amount: command.amount, code: "donate", memo: command.memo ?? "" })
        return { transfers: (yield* commit(actor, [transfer], pathOf(place))).transfers }
      })),

    reverse: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const found = yield* store.getTransfers([command.reversesId])
        const original = found[0]
        if (original === undefined) return yield* Effect.fail(notFound("transfer", command.reversesId))
        // Staff may reverse where they may adjust the account that gives the points back.
        const loser = yield* loadAccount(original.creditAccountId)
        const place = yield* access.check(actor, "points.adjust", target(loser), { read: "points.read" }).pipe(
          Effect.catchTag("NotFound", () => Effect.fail(notFound("transfer", command.reversesId)))
        )
        if (original.kind !== "posted" || original.code === "reverse") {
          return yield* Effect.fail(invalidField("reversesId", "must be a posted transfer that is not itself a reversal (a redemption is undone by cancelling its hold)", "必须是已入账且本身不是冲正的转账（兑换请通过取消冻结撤销）"))
        }
        const transfer = spec({
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
        return { transfers: (yield* commit(actor, [transfer], pathOf(place))).transfers }
      })),

    adjust: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const account = yield* loadAccount(command.accountId)
        const place = yield* access.check(actor, "points.adjust", target(account), { read: "points.read" })
        if (account.kind === "issuer") return yield* Effect.fail(invalidField("accountId", "an issuer is not adjusted against itself", "发行账户不能对自身调整"))
        const path = pathOf(place)
        const issuer = yield* issuerFor(path, account.id)
        const transfer = spec({
          id: command.transferId,
          kind: "posted",
          debitAccountId: command.amount > 0 ? issuer.id : account.id,
          creditAccountId: command.amount > 0 ? account.id : issuer.id,
          amount: Math.abs(command.amount),
          code: "adjust",
          memo: command.reason
        })
        return { transfers: (yield* commit(actor, [transfer], path)).transfers }
      })),

    commitBatch: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const wanted = [...new Set(command.transfers.flatMap((t) => [t.debitAccountId, t.creditAccountId]))]
        const accounts = new Map((yield* store.getAccounts(wanted)).map((a) => [a.id, a]))
        for (const id of wanted) if (!accounts.has(id)) return yield* Effect.fail(notFound(ACCOUNT, id))
        const county = accounts.get(command.transfers[0]!.debitAccountId)!.countyId
        for (const [i, t] of command.transfers.entries()) {
          if (t.code === "reverse" || t.code === "expire" || t.code === "reward") {
            return yield* Effect.fail(invalidField(`transfers.${i}.code`, `${t.code} transfers are made by their own command`, `${t.code} 类转账须通过专门的操作完成`))
          }
          if (t.debitAccountId === t.creditAccountId) return yield* Effect.fail(invalidField(`transfers.${i}.creditAccountId`, "must differ from the debit account", "不能与付款账户相同"))
          for (const id of [t.debitAccountId, t.creditAccountId]) {
            if (accounts.get(id)!.countyId !== county) return yield* Effect.fail(invalidField(`transfers.${i}`, "every account of a batch must be in one county", "同一批次的账户必须属于同一区县"))
          }
        }
        // Accounts at one node get one answer: one check per node, naming its first account.
        const perNode = new Map<GridNodeId, Account>()
        for (const a of accounts.values()) if (!perNode.has(a.nodeId)) perNode.set(a.nodeId, a)
        yield* access.checkAll(actor, "points.adjust", Array.from(perNode.values(), target), { read: "points.read", county })
        const specs = command.transfers.map((t) =>
          spec({ id: t.id, kind: "posted", debitAccountId: t.debitAccountId, creditAccountId: t.creditAccountId, amount: t.amount, code: t.code, memo: t.memo ?? "", cause: t.cause ?? null })
        )
        return { transfers: (yield* commit(actor, specs, [county])).transfers }
      })),

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

    expireHolds: (actor) =>
      Effect.gen(function*() {
        if (!access.can(actor, "points.configure", [])) return yield* Effect.fail(forbidden("points.configure", "the whole store", "全库"))
        let voided = 0
        for (;;) {
          const due = yield* store.dueHolds(yield* now, 100)
          if (due.length === 0) return { voided }
          for (const hold of due) {
            const payer = yield* loadAccount(hold.accountId)
            const result = yield* runHold(actor, hold.id, payer, { _tag: "Expire", transferId: `void:${hold.id}`.slice(0, 100) as TransferId }, (_, at) => Effect.succeed({ at }))
            if (result.events.length > 0) voided++
          }
        }
      }),

    expirePoints: (actor, countyId) =>
      Effect.gen(function*() {
        const county = yield* access.at(actor, "points.configure", countyId)
        if (county.parentId !== null) return yield* Effect.fail(invalidField("countyId", "must be a county", "必须是区县"))
        const { config } = yield* configOf(countyId)
        const at = yield* now
        if (config.expiryMonths === null) return { accounts: 0, expired: 0, transfers: [] }
        const zone = yield* zoneOf(countyId)
        const cutoff = monthsBefore(at, config.expiryMonths, zone)
        const today = localDate(at, zone)
        const made: Array<TransferId> = []
        let accounts = 0
        let expired = 0
        let after: string | undefined
        do {
          const page = yield* store.listAccounts(countyId, "person", { after, limit: 500 })
          for (const a of page.items) {
            accounts++
            yield* uow.transaction(Effect.gen(function*() {
              const current = yield* loadAccount(a.id)
              const basis = yield* store.expiryBasis(a.id, cutoff)
              const amount = expiringAmount(basis.creditsBefore, basis.debitsTotal, current.posted - current.held - (current.floor ?? 0))
              if (amount === 0) return
              const issuer = yield* issuerFor(current.path, current.id)
              const transfer = spec({
                id: `expire:${a.id}:${today}` as TransferId,
                kind: "posted",
                debitAccountId: a.id,
                creditAccountId: issuer.id,
                amount,
                code: "expire",
                memo: `points earned before ${localDate(cutoff, zone)}`,
                cause: { type: "expiry", id: localDate(cutoff, zone) }
              })
              const result = yield* commit(actor, [transfer], current.path)
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

    holdReward: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const account = yield* loadAccount(command.accountId)
        if (!isOwner(actor, account)) {
          yield* access.check(actor, "points.read", target(account), { read: "points.read" })
          return yield* Effect.fail(forbidden("points.redeem (a reward is held on the requester's own account, by its holder)", account.id, `积分账户 ${account.id}（奖励只能由持有人从本人账户冻结）`))
        }
        yield* access.check(actor, "points.redeem", target(account), { involved: holdsAction(actor, "points.redeem") })
        if (account.kind !== "person") return yield* Effect.fail(invalidField("accountId", "a reward is held on a person account", "奖励只能从个人账户冻结"))
        const issuer = yield* issuerFor(account.path, account.id)
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
      })),

    quoteAward: (actor, query) => quote(actor, query),

    awardReward: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const q = yield* quote(actor, { nodeId: command.nodeId, category: command.category, quantity: command.quantity, accountIds: command.awards.map((a) => a.accountId) })
        if (command.awards.length === 0) return { transfers: [] }
        const place = yield* access.at(actor, "points.award", command.nodeId)
        const config = (yield* configOf(place.countyId)).config
        const zone = yield* zoneOf(place.countyId)
        const specs = command.awards.map((a) =>
          spec({ id: a.transferId, kind: "posted", debitAccountId: q.issuerId, creditAccountId: a.accountId, amount: a.amount, code: "earn", category: q.rule.category, memo: `reward of ${command.cause.type} ${command.cause.id}`, cause: command.cause })
        )
        const accounts = new Map((yield* store.getAccounts(command.awards.map((a) => a.accountId))).map((a) => [a.id, a]))
        // Each share within the rule's points, and within the caps as they stand in this unit of work.
        const refusal = (at: Instant) =>
          Effect.gen(function*() {
            for (const a of command.awards) {
              if (a.amount > q.perVolunteer) {
                return conflict("reward_above_rule", `${a.amount} points exceed the ${q.perVolunteer} the rule ${q.rule.category} gives`, `${a.amount} 分超过积分规则「${q.rule.nameZh}」给予的 ${q.perVolunteer} 分`)
              }
              const refused = yield* capRefusal(accounts.get(a.accountId)!, q.rule, config, zone, at, a.amount)
              if (refused !== undefined) return refused
            }
            return undefined
          })
        return { transfers: (yield* commit(actor, specs, pathOf(place), refusal)).transfers }
      })),

    publishService: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const merchant = yield* loadAccount(command.merchantAccountId)
        if (merchant.kind !== "merchant") return yield* Effect.fail(invalidField("merchantAccountId", "must be a merchant account", "必须是商户账户"))
        yield* holderOr(actor, merchant, "points.catalog.write", "points.catalog.write")
        const node = yield* access.at(actor, "grid.tree.read", command.nodeId, { county: merchant.countyId, live: true })
        const at = yield* now
        const svc: Service = {
          id: `svc_${yield* ids.ulid}` as ServiceId,
          countyId: node.countyId,
          nodeId: node.id,
          merchantAccountId: merchant.id,
          title: command.title,
          description: command.description ?? "",
          pricePoints: command.pricePoints,
          cashFen: command.cashFen ?? 0,
          stock: command.stock ?? null,
          dailyCapacity: command.dailyCapacity ?? null,
          status: "active",
          version: 0,
          createdAt: at,
          updatedAt: at
        }
        const result = yield* commands.run({
          actor,
          aggregate: "service",
          id: svc.id,
          decider: serviceDecider,
          command: { _tag: "Publish", service: svc },
          load: Effect.succeed<Service | undefined>(undefined),
          authorize: () => Effect.void,
          context: (_, at) => Effect.succeed({ at }),
          save: (next) => store.insertService(next),
          record: (e): Recorded => ({ type: "points.service.published", scope: pathOf(node), payload: { pricePoints: e.service.pricePoints, merchantAccountId: e.service.merchantAccountId } })
        })
        return result.state
      })),

    updateService: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const found = yield* store.getService(id)
        if (Option.isNone(found)) return yield* Effect.fail(notFound("service", id))
        const merchant = yield* loadAccount(found.value.merchantAccountId)
        yield* holderOr(actor, merchant, "points.catalog.write", "points.catalog.write").pipe(Effect.catchTag("NotFound", () => Effect.fail(notFound("service", id))))
        const place = yield* access.check(actor, "grid.tree.read", { entity: "service", id, nodeId: found.value.nodeId }, { county: merchant.countyId, involved: true })
        const result = yield* commands.run({
          actor,
          aggregate: "service",
          id,
          decider: serviceDecider,
          command: { _tag: "Update", changes: command, expectedVersion: command.expectedVersion },
          load: Effect.map(store.getService(id), Option.getOrUndefined),
          authorize: () => Effect.void,
          context: (_, at) => Effect.succeed({ at }),
          save: (next, expected) => store.updateService(next, expected),
          record: (e): Recorded => ({ type: "points.service.updated", scope: pathOf(place), payload: { pricePoints: e.service.pricePoints, stock: e.service.stock, status: e.service.status } })
        })
        return result.state
      })),

    catalog: (actor, nodeId) =>
      Effect.gen(function*() {
        const place = yield* access.at(actor, "grid.tree.read", nodeId)
        return yield* store.servicesAt(pathOf(place))
      }),

    totals: (actor, nodeId, period) =>
      Effect.gen(function*() {
        const place = yield* access.at(actor, "points.read", nodeId)
        const { from, to } = yield* periodOf(place.countyId, period)
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
        const place = yield* access.at(actor, "grid.tree.read", nodeId)
        const ids = access.can(actor, "points.read", pathOf(place))
        const { from, to } = yield* periodOf(place.countyId, options)
        const limit = Math.min(Math.max(1, Math.floor(options?.limit ?? 10)), 100)
        const rows = yield* store.leaderboard(nodeId, from, to, limit)
        return { nodeId, from, to, entries: rows.map((r, i) => ({ rank: i + 1, accountId: ids ? r.account.id : null, name: maskName(r.account.name), earned: r.earned })) }
      }),

    verify: (actor) =>
      Effect.gen(function*() {
        if (!access.can(actor, "points.configure", [])) return yield* Effect.fail(forbidden("points.configure", "the whole store", "全库"))
        const r = yield* store.verify
        return { ok: r.differences.length === 0 && r.sum === 0, accounts: r.accounts, transfers: r.transfers, sum: r.sum, differences: r.differences }
      }),

    idempotent: (actor, request, schema, command) => runIdempotent({ store: keys, uow }, { actorId: actor.id, ...request }, schema, command)
  }

  function ruleOf(config: PointsConfig, category: string): Effect.Effect<EarningRule, InvalidInput> {
    const rule = config.rules.find((r) => r.category === category)
    if (rule !== undefined) return Effect.succeed(rule)
    const known = config.rules.map((r) => r.category).join(", ")
    return Effect.fail(invalidField("category", `refused by the rules: no earning rule for ${category} (known: ${known})`, `积分规则拒绝：没有「${category}」的积分规则（已有：${known}）`))
  }

  /** The cap an award of `amount` to `to` would break now, if any (read inside the unit of work). */
  function capRefusal(to: Account, rule: EarningRule, config: PointsConfig, zone: string, at: Instant, amount: number): Effect.Effect<Conflict | undefined, StorageError> {
    return Effect.gen(function*() {
      const w = windows(at, zone)
      const caps: ReadonlyArray<readonly [number | null, string | null, readonly [Instant, Instant], string, string]> = [
        [rule.dailyCap, rule.category, w.day, `daily cap of ${rule.nameEn}`, `「${rule.nameZh}」每日上限`],
        [rule.monthlyCap, rule.category, w.month, `monthly cap of ${rule.nameEn}`, `「${rule.nameZh}」每月上限`],
        [config.personDailyCap, null, w.day, "daily cap per person", "每人每日上限"],
        [config.personMonthlyCap, null, w.month, "monthly cap per person", "每人每月上限"]
      ]
      for (const [cap, category, [from, until], en, zh] of caps) {
        if (cap === null) continue
        const earned = yield* store.earned(to.id, category, from, until)
        if (earned + amount > cap) {
          return conflict(
            "cap_exceeded",
            `refused by the cap: account ${to.id} has earned ${earned} of the ${en} of ${cap}; ${amount} more would exceed it`,
            `超出上限：账户 ${to.id} 已获得 ${earned} 分，${zh}为 ${cap} 分，再获得 ${amount} 分将超出`
          )
        }
      }
      return undefined
    })
  }

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

  function quote(actor: Actor, query: { readonly nodeId: GridNodeId; readonly category: string; readonly quantity: number; readonly accountIds: ReadonlyArray<AccountId> }): Fx<AwardQuote> {
    return Effect.gen(function*() {
      const place = yield* access.at(actor, "points.award", query.nodeId, { live: true })
      const path = pathOf(place)
      const { config } = yield* configOf(place.countyId)
      const rule = yield* ruleOf(config, query.category)
      if (!mayAward(policy, actor, rule, path)) {
        return yield* Effect.fail(forbidden(`points.award (${rule.category}: ${rule.awardRoles.join(", ")} within their subtree)`, place.id))
      }
      const issuer = yield* issuerFor(path, place.id)
      const perVolunteer = rule.points * query.quantity
      const accounts = new Map((yield* store.getAccounts(query.accountIds)).map((a) => [a.id, a]))
      for (const id of query.accountIds) {
        const a = accounts.get(id)
        if (a === undefined) return yield* Effect.fail(notFound(ACCOUNT, id))
        if (a.kind !== "person") return yield* Effect.fail(invalidField("accountIds", "points are awarded to person accounts only", "积分只能奖励给个人账户"))
        if (isOwner(actor, a)) return yield* Effect.fail(forbidden("points.award (to one's own account)", a.id, `积分账户 ${a.id}（本人账户）`))
      }
      // The volunteers who did the work at the node: involved, and of its county.
      yield* access.checkAll(actor, "points.award", Array.from(accounts.values(), target), { county: place.countyId, involved: true })
      const zone = yield* zoneOf(place.countyId)
      const at = yield* now
      const w = windows(at, zone)
      const amounts: Array<{ accountId: AccountId; amount: number }> = []
      for (const id of query.accountIds) {
        const room = capRoom(rule, config, {
          categoryDay: yield* store.earned(id, rule.category, w.day[0], w.day[1]),
          categoryMonth: yield* store.earned(id, rule.category, w.month[0], w.month[1]),
          day: yield* store.earned(id, null, w.day[0], w.day[1]),
          month: yield* store.earned(id, null, w.month[0], w.month[1])
        })
        amounts.push({ accountId: id, amount: Math.min(perVolunteer, room) })
      }
      return { issuerId: issuer.id, rule, perVolunteer, amounts }
    })
  }

  function periodOf(countyId: GridNodeId, period: Period | undefined) {
    return Effect.gen(function*() {
      const month = windows(yield* now, yield* zoneOf(countyId)).month
      const from = period?.from ?? month[0]
      const to = period?.to ?? month[1]
      if (from >= to) return yield* Effect.fail(invalidField("to", "must be after from", "必须晚于开始时间"))
      return { from, to }
    })
  }

  return Points.of(service)
}
