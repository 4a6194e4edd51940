/**
 * `/activities` (睦邻节 · 夜校 · 宣讲 · 志愿服务) and their teams (`/activities/teams`), with a
 * subtree's activities, report and teams (`/nodes/{id}/activities…`).
 *
 * @since 0.5.0
 */
import {
  ActivityCommand,
  ActivityId,
  ActivityReport,
  ActivityTeam,
  ActivityTeamId,
  ActivityView,
  CalendarDate,
  FormTeam,
  Page,
  PlanActivity,
  ActivityRoster,
  TeamCommand,
  TeamHours
} from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, LifecycleErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every activities use case may fail with (core's `ActivitiesError`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const ActivitiesErrors = LifecycleErrors

/**
 * A period of local days in the county's calendar, both included.
 *
 * @category schemas
 * @since 0.5.0
 */
export const ActivityPeriodParams = { from: Schema.optional(CalendarDate), to: Schema.optional(CalendarDate) }

const activityParams = { id: ActivityId }
const teamParams = { id: ActivityTeamId }

/**
 * Activities, teams and lectures: plan and run activities (`activities.manage`), register,
 * withdraw and check in with the code (`activities.join`, for oneself), form and change
 * teams, and read activities, teams and the report of a subtree. Every id a body names (the
 * node, the place, the team, the organiser, a person) must lie in the caller's scope and
 * county: otherwise the answer is 404.
 *
 * @category api
 * @since 0.5.0
 */
export class ActivitiesGroup extends HttpApiGroup.make("activities")
  .add(
    HttpApiEndpoint.post("plan", "/", { payload: PlanActivity, success: created(ActivityView), error: ActivitiesErrors })
      .annotateMerge(doc("planActivity", "Plan an activity", "Needs `activities.manage` at the node. `placeId` is a place at the node or below it; `teamId` the team running it (a lecture team for a lecture, which needs a `topic`); `organiserId` (default: the caller) awards the attendance points. The answer carries the check-in code.")),
    HttpApiEndpoint.post("execute", "/:id/commands", { params: activityParams, payload: ActivityCommand, success: ActivityView, error: ActivitiesErrors })
      .annotateMerge(doc(
        "runActivityCommand",
        "Run a command on an activity",
        "`Register`, `Withdraw` and `CheckIn` (with the 6-digit `code`) for oneself need `activities.join` at the node, above or below it; naming another `personId`, or checking in without the code, needs `activities.manage`. A check-in pays the `event_attendance` points once, within the caps. `RecordHours`, `Cancel` and `Complete` need `activities.manage`."
      )),
    HttpApiEndpoint.post("formTeam", "/teams", { payload: FormTeam, success: created(ActivityTeam), error: ActivitiesErrors })
      .annotateMerge(doc("formActivityTeam", "Form a volunteer or lecture team", "Needs `activities.manage` at the node; the leader and members are people in the caller's scope.")),
    HttpApiEndpoint.post("executeTeam", "/teams/:id/commands", { params: teamParams, payload: TeamCommand, success: ActivityTeam, error: ActivitiesErrors })
      .annotateMerge(doc("runActivityTeamCommand", "Change or disband a team", "`Update` (name, leader, topics, members joining or leaving) or `Disband`. Needs `activities.manage`."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("get", "/:id", { params: activityParams, success: ActivityView, error: ActivitiesErrors })
      .annotateMerge(doc("getActivity", "Get an activity", "Counts and the caller's own registration; the check-in code only for those who manage it.")),
    HttpApiEndpoint.get("roster", "/:id/roster", { params: activityParams, success: ActivityRoster, error: ActivitiesErrors })
      .annotateMerge(doc("getActivityRoster", "An activity's registered, waiting and attended people", "Needs `activities.manage`.")),
    HttpApiEndpoint.get("getTeam", "/teams/:id", { params: teamParams, success: ActivityTeam, error: ActivitiesErrors })
      .annotateMerge(doc("getActivityTeam", "Get a volunteer or lecture team", "For anyone whose grants cover the team's node.")),
    HttpApiEndpoint.get("teamHours", "/teams/:id/hours", { params: teamParams, success: TeamHours, error: ActivitiesErrors })
      .annotateMerge(doc("getActivityTeamHours", "A team's service hours per member", "Needs `activities.manage`."))
  )
  .prefix("/activities")
  .add(
    HttpApiEndpoint.get("list", "/nodes/:id/activities", { params: nodeParams, query: { ...pageQuery, ...ActivityPeriodParams }, success: Page(ActivityView), error: ActivitiesErrors })
      .annotateMerge(doc("listActivities", "List the activities of a subtree", "Those starting in the period of local days (both included), by id.")),
    HttpApiEndpoint.get("report", "/nodes/:id/activities/report", { params: nodeParams, query: ActivityPeriodParams, success: ActivityReport, error: ActivitiesErrors })
      .annotateMerge(doc("getActivityReport", "Activities and person-times of a subtree and period", "By kind, by month of the county's calendar and by the nodes right below; distinct residents reached; cancelled activities not counted.")),
    HttpApiEndpoint.get("teams", "/nodes/:id/activities/teams", { params: nodeParams, query: pageQuery, success: Page(ActivityTeam), error: ActivitiesErrors })
      .annotateMerge(doc("listActivityTeams", "List the volunteer and lecture teams of a subtree", "By id."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Activities", description: "睦邻节 · 睦邻大集 · 公益市集 · 夜校 · 宣讲团 · 志愿服务队" })) {}
