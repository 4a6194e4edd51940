/**
 * `/events`: the event feed integrators poll, one county at a time.
 *
 * @since 0.4.0
 */
import {
  DeliberationFeedEvents,
  FollowUpFeedEvents,
  PlacesFeedEvents,
  ActivitiesFeedEvents,
  GridFeedEvents,
  GridNodeId,
  JobsFeedEvents,
  MatchingFeedEvents,
  MediationFeedEvents,
  OtherFeedEvent,
  Page,
  PartnersFeedEvents,
  PartyFeedEvents,
  PointsFeedEvents,
  VisitsFeedEvents,
  IntakeFeedEvents
} from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, RequestValidation } from "./middleware.js"
import { doc, GridErrors, pageQuery } from "./shared.js"

/**
 * One event of the feed as the OpenAPI document describes it: each grid event with its
 * payload, or any other event as it is.
 *
 * @category schemas
 * @since 0.4.0
 */
export const FeedEvent = Schema.Union([
  ...GridFeedEvents,
  ...PointsFeedEvents,
  ...MatchingFeedEvents,
  ...MediationFeedEvents,
  ...DeliberationFeedEvents,
  ...FollowUpFeedEvents,
  ...JobsFeedEvents,
  ...PlacesFeedEvents,
  ...ActivitiesFeedEvents,
  ...VisitsFeedEvents,
  ...PartnersFeedEvents,
  ...PartyFeedEvents,
  ...IntakeFeedEvents,
  OtherFeedEvent
])

/**
 * The query of `GET /events`: a page (`after`, `limit`) of one county's feed (`county`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const EventsQuery = {
  ...pageQuery,
  /** The county whose events to read; required when the actor may read the events of more than one county. */
  county: Schema.optional(GridNodeId)
}

/**
 * The event feed integrators poll.
 *
 * @category api
 * @since 0.1.0
 */
export class EventsGroup extends HttpApiGroup.make("events")
  .add(
    HttpApiEndpoint.get("list", "/", { query: EventsQuery, success: Page(FeedEvent), error: GridErrors })
      .annotateMerge(doc(
        "listEvents",
        "Read one county's event feed",
        "One county's events the actor may see (`events.read`), in the county's commit order. Pass the page's `next` as `after`, with the same `county`, to read on; `next` is null on the last page. `county` is implied when the actor may read the events of one county, and required (422, field `county`) when it may read several; a county the actor may not read answers 404 or 403. Positions are unique across counties but ordered per county: poll each county with its own cursor."
      ))
  )
  .prefix("/events")
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Events", description: "事件流" })) {}
