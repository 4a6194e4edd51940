/**
 * The deliberation handlers: each endpoint calls one `Deliberation` use case, as the
 * authenticated actor or (the public progress board) without one. The service is resolved
 * once, when the group layers are built.
 *
 * @internal
 */
import { Deliberation } from "@mulin/core"
import { Effect, Layer } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor, logStorage } from "./asActor.js"



const DeliberationLive = HttpApiBuilder.group(MulinApi, "deliberation", Effect.fn(function*(handlers) {
  const d = yield* Deliberation
  return handlers
    .handle("convene", ({ payload }) => asActor((actor) => d.convene(actor, payload)))
    .handle("getSession", ({ params }) => asActor((actor) => d.getSession(actor, params.id)))
    .handle("minutes", ({ params, payload }) => asActor((actor) => d.recordMinutes(actor, params.id, payload)))
    .handle("sessions", ({ params, query }) => asActor((actor) => d.listSessions(actor, params.id, query)))
    .handle("raise", ({ payload }) => asActor((actor) => d.raise(actor, payload)))
    .handle("get", ({ params }) => asActor((actor) => d.get(actor, params.id)))
    .handle("children", ({ params }) => asActor((actor) => d.children(actor, params.id)))
    .handle("execute", ({ params, payload }) => asActor((actor) => d.execute(actor, params.id, payload)))
    .handle("rate", ({ params, payload }) => asActor((actor) => d.rate(actor, params.id, payload)))
    .handle("statistics", ({ params, query }) => asActor((actor) => d.statistics(actor, params.id, query)))
    .handle("config", ({ params }) => asActor((actor) => d.getConfig(actor, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => d.configure(actor, params.id, payload)))
}))

const PublicDeliberationLive = HttpApiBuilder.group(MulinApi, "publicDeliberation", Effect.fn(function*(handlers) {
  const d = yield* Deliberation
  return handlers.handle("board", ({ params, query }) => {
    const { overdue, ...rest } = query
    return d.board(params.id, { ...rest, overdue: overdue === undefined ? undefined : overdue === "true" }).pipe(Effect.tapError(logStorage))
  })
}))

/** The deliberation groups' handlers; needs `Deliberation`. */
export const deliberationHandlersLayer = Layer.mergeAll(DeliberationLive, PublicDeliberationLive)
