/**
 * The reports handlers: each endpoint calls one `Reports` use case as the authenticated actor.
 *
 * @internal
 */
import { Reports } from "@mulin/core"
import { Effect } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor } from "./asActor.js"

/** The reports group's handlers; needs `Reports`. */
export const reportsHandlersLayer = HttpApiBuilder.group(MulinApi, "reports", Effect.fn(function*(handlers) {
  const r = yield* Reports
  return handlers
    .handle("kpis", ({ params, query }) => asActor((actor) => r.kpis(actor, params.id, query)))
    .handle("ledger", ({ params, query }) => asActor((actor) => r.ledger(actor, params.id, query)))
    .handle("headline", ({ params, query }) => asActor((actor) => r.headline(actor, params.id, query)))
    .handle("config", ({ params }) => asActor((actor) => r.getConfig(actor, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => r.configure(actor, params.id, payload)))
}))
