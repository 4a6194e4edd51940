/**
 * The HTTP API of Mulin, declared once: the server, the OpenAPI 3.1 document and the typed
 * client are all derived from {@link MulinApi}. Payloads are core's command schemas,
 * responses core's models and views, errors core's error classes encoded as problems (see
 * `problemTable`).
 *
 * **The route table is the OpenAPI document**: every path, method, `operationId`, schema
 * and problem status, served at `GET /openapi.json` (the `openapiPath` option of
 * `makeHandler`, `serve` and `layer`) and built in code with `OpenApi.fromApi(MulinApi)`.
 * A group's endpoints are the typed client's methods under the group's name
 * (`client.nodes.move`); the system group's are top level (`client.health()`).
 *
 * One module per group under `api/`: each declares its endpoints relative to the group's
 * `.prefix()` (`/nodes`, `/mediation`, …), with a context's subtree and county routes
 * (`/nodes/{id}/mediation/…`, `/counties/{id}/mediation/config`) after the prefix, and
 * applies its middleware once for the group: `BodyGuard` to the writes, added first,
 * `Authentication` to all but the public and health routes, and `RequestValidation` last to
 * all but the health routes, so the API's type names each group rather than spelling it out. The shared error sets and the
 * middleware declarations are in `api/shared.ts` and `api/middleware.ts`.
 *
 * Everything but `/healthz`, `/openapi.json` and `/public/…` needs `Authorization: Bearer <token>`.
 *
 * @since 0.1.0
 */
import type { Activities, Deliberation, Feed, FollowUp, Grid, Identity, Intake, Jobs, Matching, Mediation, Partners, PartyMembers, Places, Points, Reports, Visits } from "@mulin/core"
import { HttpApi, OpenApi } from "effect/http-api"
import { ActivitiesGroup } from "./api/activities.js"
import { AssignmentsGroup } from "./api/assignments.js"
import { CountiesGroup } from "./api/counties.js"
import { DeliberationGroup, PublicDeliberationGroup } from "./api/deliberation.js"
import { EventsGroup } from "./api/events.js"
import { ExportsGroup } from "./api/exports.js"
import { FollowUpGroup } from "./api/followup.js"
import { HouseholdsGroup } from "./api/households.js"
import { JobsGroup } from "./api/jobs.js"
import { MatchingGroup, PublicMatchingGroup } from "./api/matching.js"
import { MediationGroup, PublicMediationGroup } from "./api/mediation.js"
import { NodesGroup } from "./api/nodes.js"
import { NotificationsGroup } from "./api/notifications.js"
import { PeopleGroup } from "./api/people.js"
import { PlacesGroup, PublicPlacesGroup } from "./api/places.js"
import { PartnersGroup } from "./api/partners.js"
import { PartyGroup } from "./api/party.js"
import { VisitsGroup } from "./api/visits.js"
import { IntakeGroup, PublicIntakeGroup } from "./api/intake.js"
import { ReportsGroup } from "./api/reports.js"
import { PointsGroup } from "./api/points.js"
import { SystemGroup } from "./api/system.js"
import {
  InvalidTransitionProblem,
  RequestHeaderFieldsTooLargeProblem,
  RouteNotFoundProblem,
  UriTooLongProblem
} from "./problems.js"

export * from "./api/activities.js"
export * from "./api/assignments.js"
export * from "./api/counties.js"
export * from "./api/deliberation.js"
export * from "./api/events.js"
export * from "./api/exports.js"
export * from "./api/followup.js"
export * from "./api/households.js"
export * from "./api/jobs.js"
export * from "./api/matching.js"
export * from "./api/mediation.js"
export * from "./api/middleware.js"
export * from "./api/nodes.js"
export * from "./api/notifications.js"
export * from "./api/people.js"
export * from "./api/places.js"
export * from "./api/partners.js"
export * from "./api/party.js"
export * from "./api/visits.js"
export * from "./api/intake.js"
export * from "./api/reports.js"
export * from "./api/points.js"
export { GridErrors, LifecycleErrors } from "./api/shared.js"
export * from "./api/system.js"

/**
 * The use-case services the API's handlers call: provide them (over a store) to
 * `makeHandler`, `serve` or `layer`. Provide `Notifications` beside them to serve the
 * notifications endpoints (without it they answer 404), `SheetExports` to serve the exports
 * (without it they answer 404) and `SheetWorkbook` to serve them as `.xlsx` too.
 *
 * @category models
 * @since 0.1.0
 */
export type MulinServices =  Grid | Feed | Mediation | Points | Deliberation | Matching | Identity | FollowUp | Jobs | Places | Activities | Visits | Partners | PartyMembers | Intake | Reports

/**
 * The whole API. Serve it with `makeHandler` / `serve` / `layer`, call it with
 * `makeClient`, document it with `OpenApi.fromApi(MulinApi)`.
 *
 * @category api
 * @since 0.1.0
 */
export class MulinApi extends HttpApi.make("mulin")
  .add(CountiesGroup, NodesGroup, HouseholdsGroup, PeopleGroup, AssignmentsGroup, EventsGroup)
  .add(MediationGroup, PublicMediationGroup)
  .add(DeliberationGroup, PublicDeliberationGroup)
  .add(MatchingGroup, PublicMatchingGroup)
  .add(PointsGroup)
  .add(FollowUpGroup)
  .add(NotificationsGroup)
  .add(JobsGroup)
  .add(PlacesGroup, PublicPlacesGroup)
  .add(ActivitiesGroup)
  .add(VisitsGroup)
  .add(ExportsGroup)
  .add(PartnersGroup, PartyGroup)
  .add(IntakeGroup, PublicIntakeGroup)
  .add(ReportsGroup)
  .add(SystemGroup)
  .annotate(HttpApi.PayloadParseOptions, { errors: "all" })
  .annotate(HttpApi.QueryParseOptions, { errors: "all" })
  .annotate(HttpApi.ParamsParseOptions, { errors: "all" })
  // Problems no grid operation declares, listed so integrators see every problem type.
  .annotate(HttpApi.AdditionalSchemas, [InvalidTransitionProblem, RouteNotFoundProblem, UriTooLongProblem, RequestHeaderFieldsTooLargeProblem])
  .annotateMerge(OpenApi.annotations({
    title: "Mulin API (睦邻)",
    version: "0.1.0",
    description: "The grid context of Mulin: counties, grid nodes, households, people, role assignments and the event feed. " +
      "Every error is an RFC 9457 problem (application/problem+json) with a stable `type` and `code`, and `detail`/`detailZh`."
  })) {}
