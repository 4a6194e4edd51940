/**
 * `/intake`: one-window intake (一口式受理) — taking a request in on any channel, reading
 * it, accepting, routing, resolving, rejecting and merging it (`/intake/requests…`), a
 * subtree's requests (`/nodes/{id}/intake`) and a county's categories and reference prefix
 * (`/counties/{id}/intake/config`); and the resident's follow view and rating without
 * signing in (`/public/counties/{id}/intake/…`).
 *
 * @since 0.5.0
 */
import {
  ConfigKey,
  ConfigureIntake,
  FollowRequest,
  IntakeChannel,
  IntakeConfig,
  IntakeRequest,
  IntakeRequestId,
  IntakeStatus,
  MergeRequest,
  Page,
  PublicIntakeRequest,
  RateRequest,
  ReceivedRequest,
  ReceiveRequest,
  RejectRequest,
  ResolveRequest
} from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, LifecycleErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every intake use case may fail with (core's `IntakeError`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const IntakeErrors = LifecycleErrors

/**
 * A list of requests' filters: status, channel, category, page.
 *
 * @category schemas
 * @since 0.5.0
 */
export const IntakeQueryParams = { ...pageQuery, status: Schema.optional(IntakeStatus), channel: Schema.optional(IntakeChannel), category: Schema.optional(ConfigKey) }

const requestParams = { id: IntakeRequestId }

/**
 * The body of a routing: `need` (a need as `POST /matching/needs` takes it), `case` (a case
 * as `POST /mediation/cases`), `item` (an item as `POST /deliberation/items`), each checked
 * by its own context's rules with issues named by path (e.g. `need.title`); or `referral`
 * with the department and the date it is due.
 *
 * @category schemas
 * @since 0.5.0
 */
export const RouteIntakeBody = Schema.Struct({
  kind: Schema.Literals(["need", "case", "item", "referral"]),
  need: Schema.optionalKey(Schema.Unknown),
  case: Schema.optionalKey(Schema.Unknown),
  item: Schema.optionalKey(Schema.Unknown),
  department: Schema.optionalKey(Schema.Unknown),
  dueDate: Schema.optionalKey(Schema.Unknown)
})

/**
 * The body of an acceptance: an empty object.
 *
 * @category schemas
 * @since 0.5.0
 */
export const AcceptIntakeBody = Schema.Struct({})

/**
 * One-window intake for staff. Taking a request in needs `intake.receive` at its node (grid
 * workers and staff); reading needs `intake.read`; accepting, routing, resolving, rejecting
 * and merging need `intake.handle` (community, street and county staff). A routing raises
 * its need, case or item with the caller's own rights in the same unit of work: one refused,
 * nothing is written. Every id outside the caller's scope answers 404.
 *
 * @category api
 * @since 0.5.0
 */
export class IntakeGroup extends HttpApiGroup.make("intake")
  .add(
    HttpApiEndpoint.post("receive", "/requests", { payload: ReceiveRequest, success: created(ReceivedRequest), error: IntakeErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("receiveIntakeRequest", "Take a request in (一口式受理)", "At a household (`householdId`) or a node (`nodeId`), on one channel, in one of the county's categories; the resident is a person of the grid or a contact. Answers the reference number and the follow code, shown this once.")),
    HttpApiEndpoint.get("get", "/requests/:id", { params: requestParams, success: IntakeRequest, error: IntakeErrors })
      .annotateMerge(doc("getIntakeRequest", "Get a request", "A contact's name and phone are masked unless the caller reads personal data at the request's node.")),
    HttpApiEndpoint.post("accept", "/requests/:id/accept", { params: requestParams, payload: AcceptIntakeBody, success: IntakeRequest, error: IntakeErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("acceptIntakeRequest", "Accept a request", "Staff confirm it: the response. The body is an empty object.")),
    HttpApiEndpoint.post("route", "/requests/:id/route", { params: requestParams, payload: RouteIntakeBody, success: IntakeRequest, error: IntakeErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("routeIntakeRequest", "Route a request", "To a need, a mediation case or a deliberation item, raised in the same unit of work with the caller's rights, or to a department with a due date (not before today). The request is resolved when its need, case or item is.")),
    HttpApiEndpoint.post("resolve", "/requests/:id/resolve", { params: requestParams, payload: ResolveRequest, success: IntakeRequest, error: IntakeErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("resolveIntakeRequest", "Resolve a request", "With the outcome the resident reads, redacted (numbers and the names around) when it is stored.")),
    HttpApiEndpoint.post("reject", "/requests/:id/reject", { params: requestParams, payload: RejectRequest, success: IntakeRequest, error: IntakeErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("rejectIntakeRequest", "Reject a request", "With a reason code, and optionally an outcome the resident reads.")),
    HttpApiEndpoint.post("merge", "/requests/:id/merge", { params: requestParams, payload: MergeRequest, success: IntakeRequest, error: IntakeErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("mergeIntakeRequest", "Merge a duplicate into an open request", "Both in the caller's scope and in one county; the one merged into is received, accepted or routed."))
  )
  .prefix("/intake")
  .add(
    HttpApiEndpoint.get("list", "/nodes/:id/intake", { params: nodeParams, query: IntakeQueryParams, success: Page(IntakeRequest), error: IntakeErrors })
      .annotateMerge(doc("listIntakeRequests", "List the requests of a subtree", "In the order received; by status, channel or category.")),
    HttpApiEndpoint.get("config", "/counties/:id/intake/config", { params: nodeParams, success: IntakeConfig, error: IntakeErrors })
      .annotateMerge(doc("getIntakeConfig", "A county's intake categories and reference prefix", "The seed's until the county saves its own. For the county's staff.")),
    HttpApiEndpoint.patch("configure", "/counties/:id/intake/config", { params: nodeParams, payload: ConfigureIntake, success: IntakeConfig, error: IntakeErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureIntake", "Change a county's intake categories and reference prefix", "Needs `grid.node.write` on the county."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Intake", description: "一口式受理" })) {}

/**
 * The resident's side, without signing in: a request's status, dates and redacted outcome by
 * its reference number and follow code, and a rating of the outcome once it is closed. A
 * wrong code answers as an unknown reference does (404); after five wrong codes within an
 * hour, following the request is locked for an hour (409 `follow_locked`).
 *
 * @category api
 * @since 0.5.0
 */
export class PublicIntakeGroup extends HttpApiGroup.make("publicIntake")
  .add(
    HttpApiEndpoint.post("follow", "/counties/:id/intake/follow", { params: nodeParams, payload: FollowRequest, success: PublicIntakeRequest, error: IntakeErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("followIntakeRequest", "Follow a request (诉求进度查询)", "By reference number and follow code: status, dates, where it went and the public outcome; nothing personal.")),
    HttpApiEndpoint.post("rate", "/counties/:id/intake/rate", { params: nodeParams, payload: RateRequest, success: PublicIntakeRequest, error: IntakeErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("rateIntakeRequest", "Rate a request's outcome", "1 to 5, once, after the request is resolved or rejected."))
  )
  .prefix("/public")
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Follow a request", description: "诉求查询" })) {}
