/**
 * The activities handlers: each endpoint calls one `Activities` use case as the
 * authenticated actor.
 *
 * @internal
 */
import { Activities } from "@mulin/core"
import { Effect } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor } from "./asActor.js"

/** The activities group's handlers; needs `Activities`. */
export const activitiesHandlersLayer = HttpApiBuilder.group(MulinApi, "activities", Effect.fn(function*(handlers) {
  const a = yield* Activities
  return handlers
    .handle("plan", ({ payload }) => asActor((actor) => a.plan(actor, payload)))
    .handle("execute", ({ params, payload }) => asActor((actor) => a.execute(actor, params.id, payload)))
    .handle("formTeam", ({ payload }) => asActor((actor) => a.formTeam(actor, payload)))
    .handle("executeTeam", ({ params, payload }) => asActor((actor) => a.executeTeam(actor, params.id, payload)))
    .handle("get", ({ params }) => asActor((actor) => a.get(actor, params.id)))
    .handle("roster", ({ params }) => asActor((actor) => a.roster(actor, params.id)))
    .handle("getTeam", ({ params }) => asActor((actor) => a.getTeam(actor, params.id)))
    .handle("teamHours", ({ params }) => asActor((actor) => a.teamHours(actor, params.id)))
    .handle("list", ({ params, query }) => asActor((actor) => a.list(actor, params.id, query)))
    .handle("report", ({ params, query }) => asActor((actor) => a.report(actor, params.id, query)))
    .handle("teams", ({ params, query }) => asActor((actor) => a.listTeams(actor, params.id, query)))
}))
