/**
 * What the activities context shows: an activity with its counts and the caller's own place
 * on its lists (the check-in code and the lists for staff only), the report of a subtree and
 * period, and a team's service hours.
 *
 * @since 0.5.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../kernel/ids.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { ServicePlaceId } from "../places/model.js"
import { ActivityId, ActivityKind, ActivityStatus, NamedMember, ActivityTeamId } from "./model.js"

/**
 * An activity as anyone in scope sees it: counts, not people; the caller's own registration
 * and attendance; the check-in code only once, in the answer to the staff who issued it.
 *
 * @category views
 * @since 0.5.0
 */
export const ActivityView = Schema.Struct({
  id: ActivityId,
  nodeId: GridNodeId,
  placeId: Schema.NullOr(ServicePlaceId),
  kind: ActivityKind,
  title: Schema.String,
  topic: Schema.NullOr(Schema.String),
  teamId: Schema.NullOr(ActivityTeamId),
  startsAt: Instant,
  endsAt: Instant,
  capacity: Schema.NullOr(Schema.Int),
  status: ActivityStatus,
  registered: Schema.Int,
  waiting: Schema.Int,
  attended: Schema.Int,
  /** The caller's place: registered, waiting (with their position, 1 first), or none. */
  mine: Schema.NullOr(Schema.Struct({ list: Schema.Literals(["registered", "waiting"]), position: Schema.Int })),
  attendedByMe: Schema.Boolean,
  /** Whether the caller entered too many wrong check-in codes: only staff can check them in. */
  checkInLocked: Schema.Boolean,
  /** The check-in code: only in the answer to planning or re-issuing it, to the staff who did. */
  checkInCode: Schema.NullOr(Schema.String),
  version: Schema.Int
})
/** @category views @since 0.5.0 */
export type ActivityView = typeof ActivityView.Type

const Counted = { activities: Schema.Int, personTimes: Schema.Int }

/**
 * Activities and person-times (人次) of a subtree and period, by kind, by month of the
 * county's calendar and by the nodes right below the root, with the distinct residents
 * reached and the team members' service hours. Cancelled activities are not counted.
 *
 * @category views
 * @since 0.5.0
 */
export const ActivityReport = Schema.Struct({
  rootId: GridNodeId,
  from: Schema.NullOr(CalendarDate),
  to: Schema.NullOr(CalendarDate),
  activities: Schema.Int,
  personTimes: Schema.Int,
  distinctResidents: Schema.Int,
  registrations: Schema.Int,
  serviceHours: Schema.Number,
  byKind: Schema.Array(Schema.Struct({ kind: ActivityKind, ...Counted })),
  byMonth: Schema.Array(Schema.Struct({ month: Schema.String, ...Counted })),
  byChild: Schema.Array(Schema.Struct({ nodeId: GridNodeId, ...Counted }))
})
/** @category views @since 0.5.0 */
export type ActivityReport = typeof ActivityReport.Type

/**
 * A team's members with the hours each gave and at how many of its activities.
 *
 * @category views
 * @since 0.5.0
 */
export const TeamHours = Schema.Struct({
  teamId: ActivityTeamId,
  members: Schema.Array(Schema.Struct({ ...NamedMember.fields, hours: Schema.Number, activities: Schema.Int })),
  totalHours: Schema.Number,
  activities: Schema.Int
})
/** @category views @since 0.5.0 */
export type TeamHours = typeof TeamHours.Type

