/**
 * The places handlers: each endpoint calls one `Places` use case, as the authenticated
 * actor or (the public list) without one.
 *
 * @internal
 */
import { Places } from "@mulin/core"
import { Effect, Layer } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor, logStorage } from "./asActor.js"

const PlacesLive = HttpApiBuilder.group(MulinApi, "places", Effect.fn(function*(handlers) {
  const p = yield* Places
  return handlers
    .handle("register", ({ payload }) => asActor((actor) => p.register(actor, payload)))
    .handle("execute", ({ params, payload }) => asActor((actor) => p.execute(actor, params.id, payload)))
    .handle("get", ({ params }) => asActor((actor) => p.get(actor, params.id)))
    .handle("list", ({ params, query }) => asActor((actor) => p.list(actor, params.id, query)))
    .handle("coverage", ({ params }) => asActor((actor) => p.coverage(actor, params.id)))
    .handle("forHousehold", ({ params }) => asActor((actor) => p.forHousehold(actor, params.id)))
    .handle("config", ({ params }) => asActor((actor) => p.getConfig(actor, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => p.configure(actor, params.id, payload)))
}))

const PublicPlacesLive = HttpApiBuilder.group(MulinApi, "publicPlaces", Effect.fn(function*(handlers) {
  const p = yield* Places
  return handlers.handle("list", ({ params, query }) => p.publicList(params.id, query).pipe(Effect.tapError(logStorage)))
}))

/** The places groups' handlers; needs `Places`. */
export const placesHandlersLayer = Layer.mergeAll(PlacesLive, PublicPlacesLive)
