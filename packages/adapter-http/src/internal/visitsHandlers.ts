/**
 * The visits handlers: each endpoint calls one `Visits` use case as the authenticated actor.
 *
 * @internal
 */
import { type RecordVisit, Visits } from "@mulin/core"
import { Effect } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor } from "./asActor.js"

/** The visits group's handlers; needs `Visits`. */
export const visitsHandlersLayer = HttpApiBuilder.group(MulinApi, "visits", Effect.fn(function*(handlers) {
  const v = yield* Visits
  return handlers
    // The follow-ups' commands are decoded by the use case with their contexts' schemas.
    .handle("record", ({ payload }) => asActor((actor) => v.record(actor, payload as unknown as RecordVisit)))
    .handle("get", ({ params }) => asActor((actor) => v.get(actor, params.id)))
    .handle("list", ({ params, query }) => asActor((actor) => v.list(actor, params.id, query)))
    .handle("overdue", ({ params, query }) => asActor((actor) => v.overdue(actor, params.id, query)))
    .handle("care", ({ params }) => asActor((actor) => v.getCare(actor, params.id)))
    .handle("mark", ({ params, payload }) => asActor((actor) => v.mark(actor, params.id, payload)))
    .handle("config", ({ params }) => asActor((actor) => v.getConfig(actor, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => v.configure(actor, params.id, payload)))
}))
