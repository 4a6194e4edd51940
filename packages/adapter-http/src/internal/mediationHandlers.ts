/**
 * The mediation handlers: each endpoint calls one `Mediation` use case, as the
 * authenticated actor or (the public board) without one. The service is resolved once,
 * when the group layers are built.
 *
 * @internal
 */
import { Mediation } from "@mulin/core"
import { Effect, Layer } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor, logStorage } from "./asActor.js"



const MediationLive = HttpApiBuilder.group(MulinApi, "mediation", Effect.fn(function*(handlers) {
  const mediation = yield* Mediation
  return handlers
    .handle("report", ({ payload }) => asActor((actor) => mediation.report(actor, payload)))
    .handle("get", ({ params }) => asActor((actor) => mediation.get(actor, params.id)))
    .handle("execute", ({ params, payload }) => asActor((actor) => mediation.execute(actor, params.id, payload)))
    .handle("list", ({ params, query }) => asActor((actor) => mediation.list(actor, params.id, query)))
    .handle("overdue", ({ params, query }) => asActor((actor) => mediation.overdue(actor, params.id, query)))
    .handle("statistics", ({ params, query }) => asActor((actor) => mediation.statistics(actor, params.id, query)))
    .handle("supervise", ({ payload }) => asActor((actor) => mediation.runSupervision(actor, payload)))
    .handle("config", ({ params }) => asActor((actor) => mediation.getConfig(actor, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => mediation.configure(actor, params.id, payload)))
}))

const PublicMediationLive = HttpApiBuilder.group(MulinApi, "publicMediation", Effect.fn(function*(handlers) {
  const mediation = yield* Mediation
  return handlers
    .handle("disclosure", ({ params }) => mediation.disclosure(params.id).pipe(Effect.tapError(logStorage)))
    .handle("board", ({ params, query }) => mediation.publicList(params.id, query).pipe(Effect.tapError(logStorage)))
}))

/** The mediation groups' handlers; needs `Mediation`. */
export const mediationHandlersLayer = Layer.mergeAll(MediationLive, PublicMediationLive)
