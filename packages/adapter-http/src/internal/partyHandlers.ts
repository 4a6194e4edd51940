/**
 * The partners and party handlers: each endpoint calls one `Partners` or `PartyMembers`
 * use case as the authenticated actor.
 *
 * @internal
 */
import { Partners, PartyMembers } from "@mulin/core"
import { Effect, Layer } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor } from "./asActor.js"

const PartnersLive = HttpApiBuilder.group(MulinApi, "partners", Effect.fn(function*(handlers) {
  const p = yield* Partners
  return handlers
    .handle("register", ({ payload }) => asActor((actor) => p.register(actor, payload)))
    .handle("execute", ({ params, payload }) => asActor((actor) => p.execute(actor, params.id, payload)))
    .handle("recordService", ({ params, payload }) => asActor((actor) => p.recordService(actor, params.id, payload)))
    .handle("get", ({ params }) => asActor((actor) => p.get(actor, params.id)))
    .handle("list", ({ params, query }) => asActor((actor) => p.list(actor, params.id, query)))
    .handle("report", ({ params, query }) => asActor((actor) => p.report(actor, params.id, query)))
}))

const PartyLive = HttpApiBuilder.group(MulinApi, "party", Effect.fn(function*(handlers) {
  const m = yield* PartyMembers
  return handlers
    .handle("register", ({ payload }) => asActor((actor) => m.register(actor, payload)))
    .handle("execute", ({ params, payload }) => asActor((actor) => m.execute(actor, params.id, payload)))
    .handle("get", ({ params }) => asActor((actor) => m.get(actor, params.id)))
    .handle("list", ({ params, query }) => asActor((actor) => m.list(actor, params.id, query)))
    .handle("report", ({ params, query }) => asActor((actor) => m.report(actor, params.id, query)))
    .handle("config", ({ params }) => asActor((actor) => m.getConfig(actor, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => m.configure(actor, params.id, payload)))
}))

/** The partners and party groups' handlers; needs `Partners` and `PartyMembers`. */
export const partyHandlersLayer = Layer.mergeAll(PartnersLive, PartyLive)
