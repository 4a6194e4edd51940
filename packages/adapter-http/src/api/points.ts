/**
 * `/points`, with the catalog, totals and leaderboard of a subtree
 * (`/nodes/{id}/points/…`) and a county's configuration and expiry run
 * (`/counties/{id}/points/…`).
 *
 * @since 0.4.0
 */
import {
  AccountId,
  AccountView,
  Adjust,
  Award,
  BalanceView,
  CancelHold,
  CatalogService,
  CommitBatch,
  Committed,
  ConfigurePoints,
  ConfigView,
  Donate,
  ExpiryRun,
  FulfilHold,
  HoldView,
  Instant,
  Leaderboard,
  OpenAccount,
  OrderService,
  PointsTotals,
  PublishService,
  Reverse,
  ServiceId,
  Statement,
  TransferId,
  UpdateService,
  VerifyReport
} from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, LifecycleErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every points use case may fail with (core's `PointsError`). Insufficient
 * points, caps and floors are `conflict` problems whose `reason` says which
 * (`insufficient_points`, `cap_exceeded`, …) and whose `detail`/`detailZh` name the account
 * and the amounts.
 *
 * @category schemas
 * @since 0.2.0
 */
export const PointsErrors = LifecycleErrors

/**
 * The optional `Idempotency-Key` header of points writes: a retry with the same key and
 * body answers the first result with `Idempotency-Replayed: true`; the same key with
 * another body answers 409 `idempotency_key_reused`.
 *
 * @category schemas
 * @since 0.2.0
 */
export const IdempotencyHeaders = Schema.Struct({
  "idempotency-key": Schema.optional(Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(200)))
})

const accountParams = { id: AccountId }
const holdParams = { id: TransferId }
const periodQuery = { from: Schema.optional(Instant), to: Schema.optional(Instant) }

/**
 * The credit-points ledger: accounts, transfers (awards, donations, reversals,
 * adjustments, batches), service orders held with a pickup code, the catalog, reports.
 *
 * @category api
 * @since 0.2.0
 */
export class PointsGroup extends HttpApiGroup.make("points")
  // Under /points: the writes (guarded bodies), then the reads.
  .add(
    HttpApiEndpoint.post("openAccount", "/accounts", { payload: OpenAccount, headers: IdempotencyHeaders, success: created(AccountView), error: PointsErrors })
      .annotateMerge(doc("openPointsAccount", "Open a points account", "Needs `points.account.open` on the node (`points.configure` for an issuer).")),
    HttpApiEndpoint.post("award", "/awards", { payload: Award, headers: IdempotencyHeaders, success: created(Committed), error: PointsErrors })
      .annotateMerge(doc("awardPoints", "Award points by an earning rule", "Checks the rule, the caps and who may award; the problem says which one refused.")),
    HttpApiEndpoint.post("donate", "/donations", { payload: Donate, headers: IdempotencyHeaders, success: created(Committed), error: PointsErrors })
      .annotateMerge(doc("donatePoints", "Donate points to the charity fund or a family member")),
    HttpApiEndpoint.post("reverse", "/reversals", { payload: Reverse, headers: IdempotencyHeaders, success: created(Committed), error: PointsErrors })
      .annotateMerge(doc("reversePointsTransfer", "Reverse a posted transfer", "Needs `points.adjust`.")),
    HttpApiEndpoint.post("adjust", "/adjustments", { payload: Adjust, headers: IdempotencyHeaders, success: created(Committed), error: PointsErrors })
      .annotateMerge(doc("adjustPoints", "Adjust an account against its issuer, with a reason", "Needs `points.adjust`.")),
    HttpApiEndpoint.post("batch", "/batches", { payload: CommitBatch, headers: IdempotencyHeaders, success: created(Committed), error: PointsErrors })
      .annotateMerge(doc("commitPointsBatch", "Commit posted transfers all or none", "Needs `points.adjust` on every account.")),
    HttpApiEndpoint.post("order", "/orders", { payload: OrderService, headers: IdempotencyHeaders, success: created(HoldView), error: PointsErrors })
      .annotateMerge(doc("orderService", "Order a low-cost service", "Places a hold; the answer carries the pickup code (核销码) for the holder, once: it is stored only as a salted hash and never shown again.")),
    HttpApiEndpoint.post("fulfil", "/holds/:id/fulfil", { params: holdParams, payload: FulfilHold, headers: IdempotencyHeaders, success: HoldView, error: PointsErrors })
      .annotateMerge(doc("fulfilHold", "Confirm a hold with its pickup code", "The merchant; the held points post to it. A wrong code is counted (422, and recorded even though the request fails); after the county's limit the hold locks (409 `hold_locked`) until its holder asks for a new code, and a merchant who types too many wrong codes within an hour is locked out for a while (409 `merchant_locked`).")),
    HttpApiEndpoint.post("reissueCode", "/holds/:id/code", { params: holdParams, payload: Schema.Struct({}), success: HoldView, error: PointsErrors })
      .annotateMerge(doc("reissuePickupCode", "A new pickup code for an order", "The holder only. The old code stops working and a locked hold unlocks; the answer carries the new code, once.")),
    HttpApiEndpoint.post("cancel", "/holds/:id/cancel", { params: holdParams, payload: CancelHold, headers: IdempotencyHeaders, success: HoldView, error: PointsErrors })
      .annotateMerge(doc("cancelHold", "Cancel a pending hold", "The holder, or staff with `points.adjust`; the points return.")),
    HttpApiEndpoint.post("publishService", "/services", { payload: PublishService, headers: IdempotencyHeaders, success: created(CatalogService), error: PointsErrors })
      .annotateMerge(doc("publishService", "Publish a low-cost service", "The merchant, or staff with `points.catalog.write`.")),
    HttpApiEndpoint.patch("updateService", "/services/:id", { params: { id: ServiceId }, payload: UpdateService, success: CatalogService, error: PointsErrors })
      .annotateMerge(doc("updateService", "Change a service's price, stock, capacity or status")),
    HttpApiEndpoint.post("expireHolds", "/jobs/expire-holds", { payload: Schema.Struct({}), success: Schema.Struct({ voided: Schema.Int }), error: PointsErrors })
      .annotateMerge(doc("expireHolds", "Void the holds past their timeout", "A scheduled job; store-wide `points.configure`."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("getAccount", "/accounts/:id", { params: accountParams, success: AccountView, error: PointsErrors })
      .annotateMerge(doc("getPointsAccount", "Get a points account", "The holder, or `points.read` where it is registered.")),
    HttpApiEndpoint.get("balance", "/accounts/:id/balance", { params: accountParams, success: BalanceView, error: PointsErrors })
      .annotateMerge(doc("getPointsBalance", "Posted, held and available points")),
    HttpApiEndpoint.get("statement", "/accounts/:id/statement", { params: accountParams, query: pageQuery, success: Statement, error: PointsErrors })
      .annotateMerge(doc("getPointsStatement", "An account's statement, newest first, with the running balance")),
    HttpApiEndpoint.get("getHold", "/holds/:id", { params: holdParams, success: HoldView, error: PointsErrors })
      .annotateMerge(doc("getHold", "Get a hold (an order)", "Never its pickup code.")),
    HttpApiEndpoint.get("verify", "/verify", { success: VerifyReport, error: PointsErrors })
      .annotateMerge(doc("verifyLedger", "Recompute every balance from the transfers", "Store-wide `points.configure`."))
  )
  .prefix("/points")
  // Under a subtree and a county: their writes carry the body guard themselves.
  .add(
    HttpApiEndpoint.put("configure", "/counties/:id/points/config", { params: nodeParams, payload: ConfigurePoints, success: ConfigView, error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("setPointsConfig", "Replace a county's earning rules and point policies", "Needs `points.configure`.")),
    HttpApiEndpoint.post("expirePoints", "/counties/:id/points/expire", { params: nodeParams, payload: Schema.Struct({}), success: ExpiryRun, error: PointsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("expirePoints", "Expire points older than the county's expiry, oldest first")),
    HttpApiEndpoint.get("catalog", "/nodes/:id/points/services", { params: nodeParams, success: Schema.Array(CatalogService), error: PointsErrors })
      .annotateMerge(doc("listServices", "The services offered to residents of a node")),
    HttpApiEndpoint.get("totals", "/nodes/:id/points/totals", { params: nodeParams, query: periodQuery, success: PointsTotals, error: PointsErrors })
      .annotateMerge(doc("getPointsTotals", "Issued, redeemed, donated, expired and outstanding points of a subtree", "Period `[from, to)`, default the current month. Needs `points.read`.")),
    HttpApiEndpoint.get("leaderboard", "/nodes/:id/points/leaderboard", { params: nodeParams, query: { ...periodQuery, limit: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 100 }))) }, success: Leaderboard, error: PointsErrors })
      .annotateMerge(doc("getPointsLeaderboard", "Who earned most in a subtree", "Names masked; account ids only for those with `points.read` there.")),
    HttpApiEndpoint.get("getConfig", "/counties/:id/points/config", { params: nodeParams, success: ConfigView, error: PointsErrors })
      .annotateMerge(doc("getPointsConfig", "A county's earning rules and point policies", "For the county's staff (`county.config.read`)."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Points", description: "积分 · 低偿服务" })) {}
