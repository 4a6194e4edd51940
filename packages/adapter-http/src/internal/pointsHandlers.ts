/**
 * The points handlers: each endpoint calls one `Points` use case as the authenticated
 * actor. Writes honour `Idempotency-Key`: the use case runs through `Points.idempotent`,
 * in one unit of work with the key's record, and a replay is marked with the response
 * header `Idempotency-Replayed: true`. A wrong pickup code is answered 422 after its
 * attempt was committed (with a key, the rejection itself is what the key records).
 *
 * @internal
 */
import {
  type Actor,
  type Conflict,
  type FulfilOutcome,
  type StorageError,
  AccountView,
  Committed,
  FulfilOutcome as FulfilOutcomeSchema,
  HoldView,
  invalidField,
  Points,
  CatalogService
} from "@mulin/core"
import { Effect, type Schema } from "effect"
import { HttpEffect, type HttpServerRequest, HttpServerResponse } from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import { CurrentActor, MulinApi } from "../api.js"
import { asActor, logStorage } from "./asActor.js"
import { jsonBody } from "./jsonBody.js"

/** The response header that marks a replayed write. */
export const REPLAYED_HEADER = "idempotency-replayed"



const markReplayed = HttpEffect.appendPreResponseHandler((_, response) =>
  Effect.succeed(HttpServerResponse.setHeader(response, REPLAYED_HEADER, "true")))

// The hottest write answers without a pass of the schema encoder (same bytes).
const committedBody = jsonBody(Committed, 201)

const PointsLive = HttpApiBuilder.group(MulinApi, "points", Effect.fn(function*(handlers) {
  const points = yield* Points

  /** A write, once per idempotency key when the request carries one. */
  const write = <A, I, E>(
    operation: string,
    request: { readonly headers: { readonly "idempotency-key"?: string | undefined }; readonly payload?: unknown; readonly params?: unknown },
    schema: Schema.Codec<A, I>,
    f: (actor: Actor) => Effect.Effect<A, E>
  ): Effect.Effect<A, E | Conflict | StorageError, CurrentActor | HttpServerRequest.HttpServerRequest> =>
    // A chain, not a generator made per request (see `decideAndSave` in the core's decider).
    Effect.flatMap(CurrentActor, (actor): Effect.Effect<A, E | Conflict | StorageError, HttpServerRequest.HttpServerRequest> => {
      const key = request.headers["idempotency-key"]
      if (key === undefined) return f(actor)
      const fingerprint = JSON.stringify([operation, request.params ?? null, request.payload ?? null])
      return Effect.flatMap(points.idempotent(actor, { key, fingerprint }, schema, f(actor)), (result) => result.replayed ? Effect.as(markReplayed, result.value) : Effect.succeed(result.value))
    }).pipe(Effect.tapError(logStorage))

  return handlers
    .handle("openAccount", (r) => write("openAccount", r, AccountView, (actor) => points.openAccount(actor, r.payload)))
    .handle("getAccount", ({ params }) => asActor((actor) => points.getAccount(actor, params.id)))
    .handle("balance", ({ params }) => asActor((actor) => points.balance(actor, params.id)))
    .handle("statement", ({ params, query }) => asActor((actor) => points.statement(actor, params.id, query)))
    .handle("award", (r) => write("award", r, Committed, (actor) => points.award(actor, r.payload)))
    .handle("donate", (r) => write("donate", r, Committed, (actor) => points.donate(actor, r.payload)))
    .handle("reverse", (r) => write("reverse", r, Committed, (actor) => points.reverse(actor, r.payload)))
    .handle("adjust", (r) => Effect.map(write("adjust", r, Committed, (actor) => points.adjust(actor, r.payload)), committedBody))
    .handle("batch", (r) => write("batch", r, Committed, (actor) => points.commitBatch(actor, r.payload)))
    .handle("order", (r) => write("order", r, HoldView, (actor) => points.orderService(actor, r.payload)))
    .handle("getHold", ({ params }) => asActor((actor) => points.getHold(actor, params.id)))
    .handle("fulfil", (r) =>
      Effect.flatMap(
        Effect.gen(function*() {
          const actor = yield* CurrentActor
          const key = r.headers["idempotency-key"]
          // Without a key the attempt runs in its own unit of work; with one, with the key's record.
          if (key === undefined) return yield* points.tryFulfil(actor, r.params.id, r.payload)
          return yield* write("fulfil", r, FulfilOutcomeSchema, (a) => points.tryFulfil(a, r.params.id, r.payload))
        }).pipe(Effect.tapError(logStorage)),
        (outcome: FulfilOutcome) =>
          outcome._tag === "Posted"
            ? Effect.succeed(outcome.hold)
            : Effect.fail(invalidField(
              "pickupCode",
              `does not match the pickup code of hold ${r.params.id}${outcome.locked ? ": the hold is now locked; its holder must ask for a new code" : ` (${outcome.attemptsLeft} attempts left)`}`,
              `与冻结 ${r.params.id} 的核销码不符${outcome.locked ? "：该冻结已锁定，须由持有人重新获取核销码" : `（还可尝试 ${outcome.attemptsLeft} 次）`}`
            ))
      ))
    .handle("reissueCode", ({ params }) => asActor((actor) => points.reissueCode(actor, params.id)))
    .handle("cancel", (r) => write("cancel", r, HoldView, (actor) => points.cancel(actor, r.params.id, r.payload)))
    .handle("publishService", (r) => write("publishService", r, CatalogService, (actor) => points.publishService(actor, r.payload)))
    .handle("updateService", ({ params, payload }) => asActor((actor) => points.updateService(actor, params.id, payload)))
    .handle("catalog", ({ params }) => asActor((actor) => points.catalog(actor, params.id)))
    .handle("totals", ({ params, query }) => asActor((actor) => points.totals(actor, params.id, query)))
    .handle("leaderboard", ({ params, query }) => asActor((actor) => points.leaderboard(actor, params.id, query)))
    .handle("getConfig", ({ params }) => asActor((actor) => points.getConfig(actor, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => points.configure(actor, params.id, payload.config, payload.expectedVersion)))
    .handle("expireHolds", () => asActor((actor) => points.expireHolds(actor)))
    .handle("expirePoints", ({ params }) => asActor((actor) => points.expirePoints(actor, params.id)))
    .handle("verify", () => asActor((actor) => points.verify(actor)))
}))

/** The points group's handlers; needs `Points`. */
export const pointsHandlersLayer = PointsLive
