/**
 * The follow-up handlers: each endpoint calls one `FollowUp` use case as the authenticated
 * actor. The service is resolved once, when the group layer is built.
 *
 * @internal
 */
import { FollowUp } from "@mulin/core"
import { Effect } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor } from "./asActor.js"

/** The follow-up group's handlers; needs `FollowUp`. */
export const followUpHandlersLayer = HttpApiBuilder.group(MulinApi, "followup", Effect.fn(function*(handlers) {
  const f = yield* FollowUp
  return handlers
    .handle("answer", ({ params, payload }) => asActor((actor) => f.answer(actor, params.id, payload)))
    .handle("mine", () => asActor((actor) => f.mine(actor)))
    .handle("statistics", ({ params, query }) => asActor((actor) => f.statistics(actor, params.id, query)))
    .handle("config", ({ params }) => asActor((actor) => f.getConfig(actor, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => f.configure(actor, params.id, payload)))
}))
