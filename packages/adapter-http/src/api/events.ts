/**
 * `/events`: the event feed integrators poll.
 *
 * @since 0.4.0
 */
import {
  DeliberationFeedEvents,
  FollowUpFeedEvents,
  PlacesFeedEvents,
  ActivitiesFeedEvents,
  GridFeedEvents,
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
 * The event feed integrators poll.
 *
 * @category api
 * @since 0.1.0
 */
export class EventsGroup extends HttpApiGroup.make("events")
  .add(
    HttpApiEndpoint.get("list", "/", { query: pageQuery, success: Page(FeedEvent), error: GridErrors })
      .annotateMerge(doc(
        "listEvents",
        "Read the event feed",
        "Events the actor may see (`events.read`), in log order. Pass the page's `next` as `after` to read on; `next` is null on the last page."
      ))
  )
  .prefix("/events")
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Events", description: "事件流" })) {}
