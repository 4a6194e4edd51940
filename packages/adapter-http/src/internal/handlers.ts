/**
 * The handlers: each endpoint calls one `Grid` use case with the authenticated actor. The
 * `Grid` service is resolved once, when the group layer is built.
 *
 * @internal
 */
import { Feed, Grid, GridNode, HouseholdView, Page } from "@mulin/core"
import { Effect, Layer } from "effect"
import { HttpApiBuilder } from "effect/http-api"
import { CurrentActor, MulinApi } from "../api.js"
import { deliberationHandlersLayer } from "./deliberationHandlers.js"
import { exportsHandlersLayer } from "./exportsHandlers.js"
import { followUpHandlersLayer } from "./followupHandlers.js"
import { jobsHandlersLayer } from "./jobsHandlers.js"
import { placesHandlersLayer } from "./placesHandlers.js"
import { visitsHandlersLayer } from "./visitsHandlers.js"
import { partyHandlersLayer } from "./partyHandlers.js"
import { intakeHandlersLayer } from "./intakeHandlers.js"
import { reportsHandlersLayer } from "./reportsHandlers.js"
import { activitiesHandlersLayer } from "./activitiesHandlers.js"
import { matchingHandlersLayer } from "./matchingHandlers.js"
import { mediationHandlersLayer } from "./mediationHandlers.js"
import { notificationsHandlersLayer } from "./notificationsHandlers.js"
import { pointsHandlersLayer } from "./pointsHandlers.js"
import { asActor } from "./asActor.js"
import { jsonBody } from "./jsonBody.js"


const CountiesLive = HttpApiBuilder.group(MulinApi, "counties", Effect.fn(function*(handlers) {
  const grid = yield* Grid
  return handlers
    .handle("create", ({ payload }) => asActor((actor) => grid.createCounty(actor, payload)))
    .handle("list", () => asActor((actor) => grid.listCounties(actor)))
    .handle("get", ({ params }) => asActor((actor) => grid.getCounty(actor, params.id)))
}))

// The hottest reads answer without a pass of the schema encoder (same bytes).
const nodeBody = jsonBody(GridNode)
const householdPageBody = jsonBody(Page(HouseholdView))

const NodesLive = HttpApiBuilder.group(MulinApi, "nodes", Effect.fn(function*(handlers) {
  const grid = yield* Grid
  return handlers
    .handle("create", ({ payload }) => asActor((actor) => grid.createNode(actor, payload)))
    .handle("get", ({ params }) => asActor((actor) => Effect.map(grid.getNode(actor, params.id), nodeBody)))
    .handle("find", ({ query }) => asActor((actor) => grid.findNode(actor, query.path)))
    .handle("update", ({ params, payload }) => asActor((actor) => grid.updateNode(actor, params.id, payload)))
    .handle("move", ({ params, payload }) => asActor((actor) => grid.moveNode(actor, params.id, payload)))
    .handle("archive", ({ params, payload }) => asActor((actor) => grid.archiveNode(actor, params.id, payload)))
    .handle("ancestors", ({ params }) => asActor((actor) => grid.ancestors(actor, params.id)))
    .handle("children", ({ params, query }) => asActor((actor) => grid.children(actor, params.id, query)))
    .handle("summary", ({ params }) => asActor((actor) => grid.summary(actor, params.id)))
    .handle("coverage", ({ params, query }) => asActor((actor) => grid.coverage(actor, params.id, query)))
    .handle("households", ({ params, query }) => asActor((actor) => Effect.map(grid.listHouseholds(actor, params.id, query), householdPageBody)))
    .handle("people", ({ params, query }) => asActor((actor) => grid.listPeople(actor, params.id, query)))
    .handle("assignments", ({ params, query }) => asActor((actor) => grid.listAssignments(actor, params.id, query)))
}))

const HouseholdsLive = HttpApiBuilder.group(MulinApi, "households", Effect.fn(function*(handlers) {
  const grid = yield* Grid
  return handlers
    .handle("create", ({ payload }) => asActor((actor) => grid.createHousehold(actor, payload)))
    .handle("get", ({ params }) => asActor((actor) => grid.getHousehold(actor, params.id)))
    .handle("update", ({ params, payload }) => asActor((actor) => grid.updateHousehold(actor, params.id, payload)))
    .handle("servers", ({ params, query }) => asActor((actor) => grid.whoServes(actor, params.id, { date: query.date })))
}))

const PeopleLive = HttpApiBuilder.group(MulinApi, "people", Effect.fn(function*(handlers) {
  const grid = yield* Grid
  return handlers
    .handle("create", ({ payload }) => asActor((actor) => grid.createPerson(actor, payload)))
    .handle("get", ({ params }) => asActor((actor) => grid.getPerson(actor, params.id)))
    .handle("update", ({ params, payload }) => asActor((actor) => grid.updatePerson(actor, params.id, payload)))
    .handle("subjects", ({ params }) => asActor((actor) => grid.subjects(actor, params.id)))
    .handle("link", ({ params, payload }) => asActor((actor) => grid.linkSubject(actor, params.id, payload)))
    .handle("unlink", ({ params, payload }) => asActor((actor) => grid.unlinkSubject(actor, params.id, payload)))
}))

const AssignmentsLive = HttpApiBuilder.group(MulinApi, "assignments", Effect.fn(function*(handlers) {
  const grid = yield* Grid
  return handlers
    .handle("create", ({ payload }) => asActor((actor) => grid.assignRole(actor, payload)))
    .handle("end", ({ params, payload }) => asActor((actor) => grid.endAssignment(actor, params.id, payload)))
}))

const EventsLive = HttpApiBuilder.group(MulinApi, "events", Effect.fn(function*(handlers) {
  const feed = yield* Feed
  return handlers.handle("list", ({ query }) => asActor((actor) => feed.events(actor, query)))
}))

const SystemLive = HttpApiBuilder.group(MulinApi, "system", (handlers) =>
  handlers
    .handle("health", () => Effect.succeed({ ok: true }))
    .handle("me", () => Effect.map(CurrentActor, (actor) => actor)))

/** Every group's handlers; needs `Grid`, `Feed`, `Mediation`, `Points`, `Deliberation`, `Matching`, `Places`, `Activities`, `Visits`, `Partners`, `PartyMembers`, `Intake`, `FollowUp` and `Jobs` (and `Notifications` when it is provided). */
export const handlersLayer = Layer.mergeAll(
  CountiesLive,
  NodesLive,
  HouseholdsLive,
  PeopleLive,
  AssignmentsLive,
  EventsLive,
  SystemLive,
  mediationHandlersLayer,
  matchingHandlersLayer,
  pointsHandlersLayer,
  deliberationHandlersLayer,
  followUpHandlersLayer,
  notificationsHandlersLayer,
  jobsHandlersLayer,
  placesHandlersLayer,
  activitiesHandlersLayer,
  visitsHandlersLayer,
  exportsHandlersLayer,
  partyHandlersLayer,
  intakeHandlersLayer,
  reportsHandlersLayer
)
