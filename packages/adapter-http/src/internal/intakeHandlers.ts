/**
 * The intake handlers: each endpoint calls one `Intake` use case, as the authenticated actor
 * or (following and rating a request) without one.
 *
 * @internal
 */
import { Intake, type RouteRequest } from "@mulin/core"
import { Effect, Layer } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor, logStorage } from "./asActor.js"

const IntakeLive = HttpApiBuilder.group(MulinApi, "intake", Effect.fn(function*(handlers) {
  const i = yield* Intake
  return handlers
    .handle("receive", ({ payload }) => asActor((actor) => i.receive(actor, payload)))
    .handle("get", ({ params }) => asActor((actor) => i.get(actor, params.id)))
    .handle("accept", ({ params }) => asActor((actor) => i.accept(actor, params.id)))
    // The target's command is decoded by the use case with its context's schema.
    .handle("route", ({ params, payload }) => asActor((actor) => i.route(actor, params.id, payload as unknown as RouteRequest)))
    .handle("resolve", ({ params, payload }) => asActor((actor) => i.resolve(actor, params.id, payload)))
    .handle("reject", ({ params, payload }) => asActor((actor) => i.reject(actor, params.id, payload)))
    .handle("merge", ({ params, payload }) => asActor((actor) => i.merge(actor, params.id, payload)))
    .handle("list", ({ params, query }) => asActor((actor) => i.list(actor, params.id, query)))
    .handle("config", ({ params }) => asActor((actor) => i.getConfig(actor, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => i.configure(actor, params.id, payload)))
}))

const PublicIntakeLive = HttpApiBuilder.group(MulinApi, "publicIntake", Effect.fn(function*(handlers) {
  const i = yield* Intake
  return handlers
    .handle("follow", ({ params, payload }) => i.follow(params.id, payload).pipe(Effect.tapError(logStorage)))
    .handle("rate", ({ params, payload }) => i.rate(params.id, payload).pipe(Effect.tapError(logStorage)))
}))

/** The intake groups' handlers; needs `Intake`. */
export const intakeHandlersLayer = Layer.mergeAll(IntakeLive, PublicIntakeLive)
