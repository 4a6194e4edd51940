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
import { Context, Effect, Layer, Schema } from "effect"
import { Access } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import { Commands } from "../kernel/decider.js"
import { Directory } from "../kernel/directory.js"
import type { Conflict, Forbidden, InvalidInput, InvalidTransition, NotFound, StorageError } from "../kernel/errors.js"
import { type Idempotent, IdempotencyStore, runIdempotent } from "../kernel/idempotency.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import type { PageRequest } from "../kernel/pagination.js"
import { UnitOfWork, EventLog } from "../kernel/store.js"
import type { Instant } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import type {
  AccountId,
  Adjust,
  Award,
  AwardReward,
  CancelHold,
  CatalogService,
  CommitBatch,
  Donate,
  FulfilHold,
  HoldReward,
  OpenAccount,
  OrderService,
  PayReward,
  PublishService,
  Reverse,
  ServiceId,
  TransferId,
  UpdateService
} from "./model.js"
import { FreeServiceProviders } from "./model.js"
import type { EarningRule, PointsConfig } from "./rules.js"
import { makeCatalog } from "./service/catalog.js"
import { makeConfiguration } from "./service/configuration.js"
import { makeHolds } from "./service/holds.js"
import { type Deps, makeKit } from "./service/kit.js"
import { makeLedger } from "./service/ledger.js"
import { makeReports } from "./service/reports.js"
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
  /**
   * Voids every pending order past its timeout: a county's (a scheduled job; needs
   * `points.configure` on the county), or every county's when none is named (needs
   * store-wide `points.configure`).
   */
  readonly expireHolds: (actor: Actor, countyId?: GridNodeId | undefined) => Fx<{ readonly voided: number }>
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
  readonly publishService: (actor: Actor, command: PublishService) => Fx<CatalogService>
  /** Changes a catalog service (price, stock, capacity, withdrawal). */
  readonly updateService: (actor: Actor, id: ServiceId, command: UpdateService) => Fx<CatalogService>
  /** Active services a resident registered at the node may order. */
  readonly catalog: (actor: Actor, nodeId: GridNodeId) => Fx<ReadonlyArray<CatalogService>>

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
        commands: yield* Commands,
        freeServices: yield* FreeServiceProviders
      })
    })
  ).pipe(Layer.provide(layerKernel))
}

/** The use cases, each part built once over the shared loads and checks. */
const makePoints = (deps: Deps): Points["Service"] => {
  const kit = makeKit(deps)
  return Points.of({
    ...makeConfiguration(kit),
    ...makeLedger(kit),
    ...makeHolds(kit),
    ...makeCatalog(kit),
    ...makeReports(kit),
    idempotent: (actor, request, schema, command) => runIdempotent({ store: deps.keys, uow: deps.uow }, { actorId: actor.id, ...request }, schema, command)
  })
}
