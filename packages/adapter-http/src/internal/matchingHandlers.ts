/**
 * The matching handlers: each endpoint calls one `Matching` use case, as the
 * authenticated actor or (the public wish board) without one. The service is resolved
 * once, when the group layers are built.
 *
 * @internal
 */
import { Matching } from "@mulin/core"
import { Effect, Layer } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi } from "../api.js"
import { asActor, logStorage } from "./asActor.js"



const MatchingLive = HttpApiBuilder.group(MulinApi, "matching", Effect.fn(function*(handlers) {
  const matching = yield* Matching
  return handlers
    .handle("post", ({ payload }) => asActor((actor) => matching.post(actor, payload)))
    .handle("get", ({ params }) => asActor((actor) => matching.get(actor, params.id)))
    .handle("execute", ({ params, payload }) => asActor((actor) => matching.execute(actor, params.id, payload)))
    .handle("claim", ({ params }) => asActor((actor) => matching.execute(actor, params.id, { _tag: "Claim" })))
    .handle("rank", ({ params, query }) => asActor((actor) => matching.rank(actor, params.id, query)))
    .handle("list", ({ params, query }) => asActor((actor) => matching.list(actor, params.id, query)))
    .handle("dispatch", ({ params, payload }) => asActor((actor) => matching.dispatch(actor, params.id, payload)))
    .handle("expire", ({ params }) => asActor((actor) => matching.expireOverdue(actor, params.id)))
    .handle("saveVolunteer", ({ payload }) => asActor((actor) => matching.saveVolunteer(actor, payload)))
    .handle("getVolunteer", ({ params }) => asActor((actor) => matching.getVolunteer(actor, params.id)))
    .handle("volunteers", ({ params, query }) => asActor((actor) => matching.listVolunteers(actor, params.id, query)))
    .handle("createTeam", ({ payload }) => asActor((actor) => matching.createTeam(actor, payload)))
    .handle("teams", ({ params }) => asActor((actor) => matching.listTeams(actor, params.id)))
    .handle("claimBoard", ({ query }) => asActor((actor) => matching.claimBoard(actor, query)))
    .handle("config", ({ params }) => asActor((actor) => matching.getConfig(actor, params.id)))
    .handle("configure", ({ params, payload }) => asActor((actor) => matching.configure(actor, params.id, payload)))
}))

const PublicMatchingLive = HttpApiBuilder.group(MulinApi, "publicMatching", Effect.fn(function*(handlers) {
  const matching = yield* Matching
  return handlers.handle("wishes", ({ params, query }) => matching.wishBoard(params.id, query).pipe(Effect.tapError(logStorage)))
}))

/** The matching groups' handlers; needs `Matching`. */
export const matchingHandlersLayer = Layer.mergeAll(MatchingLive, PublicMatchingLive)
