/**
 * The handlers of the scheduled rules: each endpoint calls one `Jobs` use case as the
 * authenticated actor.
 *
 * @internal
 */
import { Jobs } from "@mulin/core"
import { Effect } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor } from "./asActor.js"

/** The jobs group's handlers; needs `Jobs`. */
export const jobsHandlersLayer = HttpApiBuilder.group(MulinApi, "jobs", Effect.fn(function*(handlers) {
  const jobs = yield* Jobs
  return handlers
    .handle("list", ({ params }) => asActor((actor) => jobs.list(actor, params.id)))
    .handle("runs", ({ params, query }) => asActor((actor) => jobs.runs(actor, params.id, query)))
    .handle("config", ({ params }) => asActor((actor) => jobs.getConfig(actor, params.id)))
    .handle("run", ({ params }) => asActor((actor) => jobs.runNow(actor, params.name, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => jobs.configure(actor, params.id, payload)))
}))
