/**
 * `/deliberation`, with the sessions and statistics of a subtree
 * (`/nodes/{id}/deliberation/…`), a county's configuration
 * (`/counties/{id}/deliberation/config`) and the public progress board (`/public/…`).
 *
 * @since 0.4.0
 */
import {
  BoardRow,
  BoardSort,
  CalendarDate,
  ConfigKey,
  ConfigureDeliberation,
  ConveneSession,
  DeliberationConfig,
  DeliberationStatistics,
  DeliberationItem,
  ItemCommand,
  ItemId,
  ItemState,
  ItemStatus,
  Page,
  RaiseItem,
  RateItem,
  RecordMinutes,
  Session,
  SessionId
} from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, LifecycleErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every deliberation use case may fail with (core's `DeliberationError`).
 *
 * @category schemas
 * @since 0.3.0
 */
export const DeliberationErrors = LifecycleErrors

const itemParams = { id: ItemId }
const sessionParams = { id: SessionId }

/**
 * The board's query: filters (category and unit by their ASCII keys), order and page.
 *
 * @category schemas
 * @since 0.3.0
 */
export const BoardQueryParams = {
  ...pageQuery,
  category: Schema.optional(ConfigKey),
  unit: Schema.optional(ConfigKey),
  status: Schema.optional(ItemStatus),
  state: Schema.optional(ItemState),
  overdue: Schema.optional(Schema.Literals(["true", "false"])),
  sort: Schema.optional(BoardSort)
}

/**
 * Deliberation (议事): sessions, items raised at them or on their own, the lifecycle
 * commands, people's ratings (现场评), statistics and the county configuration. Every id a
 * body names (a session, a parent item, a merge target, a person) must lie in the caller's
 * scope and county: otherwise the answer is 404.
 *
 * @category api
 * @since 0.3.0
 */
export class DeliberationGroup extends HttpApiGroup.make("deliberation")
  // Under /deliberation: the writes (guarded bodies), then the reads.
  .add(
    HttpApiEndpoint.post("convene", "/sessions", { payload: ConveneSession, success: created(Session), error: DeliberationErrors })
      .annotateMerge(doc("conveneSession", "Convene a session", "A round table, residents' council, small-stool talk, talk point or reception day. Needs `deliberation.manage`; `convener` (default: the caller) is a person in the caller's scope.")),
    HttpApiEndpoint.post("minutes", "/sessions/:id/minutes", { params: sessionParams, payload: RecordMinutes, success: Session, error: DeliberationErrors })
      .annotateMerge(doc("recordMinutes", "Record a session's minutes", "Needs `deliberation.manage`. The same minutes again change nothing.")),
    HttpApiEndpoint.post("raise", "/items", { payload: RaiseItem, success: created(DeliberationItem), error: DeliberationErrors })
      .annotateMerge(doc(
        "raiseItem",
        "Raise an item (议题 / 意见建议 / 微点子)",
        "Needs `deliberation.raise` at the node, above or below it. The caller raises it as themself; staff who read deliberation where a person is registered may name that person (`raisedBy: { _tag: \"Person\", personId }`), and staff at the node may record an outsider (`{ _tag: \"Outside\", name, phone? }`)."
      )),
    HttpApiEndpoint.post("execute", "/items/:id/commands", { params: itemParams, payload: ItemCommand, success: DeliberationItem, error: DeliberationErrors })
      .annotateMerge(doc(
        "runItemCommand",
        "Run a command on an item",
        "`_tag` names the command (Answer, Accept, Vote, RecordMilestone, Resolve, ReportBack, Close, Merge, Decline, Reopen). `Accept` takes `promisedBy`, a date in the county's calendar. A command the item's state does not allow answers 409 `invalid_transition`; one that changes nothing answers the item as it is."
      )),
    HttpApiEndpoint.post("rate", "/items/:id/ratings", { params: itemParams, payload: RateItem, success: DeliberationItem, error: DeliberationErrors })
      .annotateMerge(doc(
        "rateItem",
        "Rate an item (现场评)",
        "1–5 with a comment, once per person and round of handling; a second rating answers 409 `already_rated`. Staff with `deliberation.manage` may record the rating of a person in their scope (`personId`) who may rate the item."
      ))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("getSession", "/sessions/:id", { params: sessionParams, success: Session, error: DeliberationErrors })
      .annotateMerge(doc("getSession", "Get a session", "Needs `deliberation.read`. Participants' organisation names are shown to staff only, never on the public board.")),
    HttpApiEndpoint.get("get", "/items/:id", { params: itemParams, success: DeliberationItem, error: DeliberationErrors })
      .annotateMerge(doc("getItem", "Get an item with who raised it", "Needs `deliberation.read`, or being the person who raised it.")),
    HttpApiEndpoint.get("children", "/items/:id/children", { params: itemParams, success: Schema.Array(DeliberationItem), error: DeliberationErrors })
      .annotateMerge(doc("listItemChildren", "The items an item was split into", "Needs `deliberation.read`."))
  )
  .prefix("/deliberation")
  // Under a subtree and a county: a write there carries the body guard itself.
  .add(
    HttpApiEndpoint.get("sessions", "/nodes/:id/deliberation/sessions", { params: nodeParams, query: pageQuery, success: Page(Session), error: DeliberationErrors })
      .annotateMerge(doc("listSessions", "List the sessions below a node, newest first", "Needs `deliberation.read`.")),
    HttpApiEndpoint.get("statistics", "/nodes/:id/deliberation/statistics", {
      params: nodeParams,
      query: { from: Schema.optional(CalendarDate), to: Schema.optional(CalendarDate) },
      success: DeliberationStatistics,
      error: DeliberationErrors
    }).annotateMerge(doc(
      "getDeliberationStatistics",
      "Statistics of a subtree and period",
      "The days `from` to `to` (both included) in the county's calendar. Raised, answered on the spot, taken up, resolved, overdue; on-time rate and satisfaction per unit; the change against the same days a year earlier per category. Needs `deliberation.read`."
    )),
    HttpApiEndpoint.get("config", "/counties/:id/deliberation/config", { params: nodeParams, success: DeliberationConfig, error: DeliberationErrors })
      .annotateMerge(doc("getDeliberationConfig", "A county's deliberation configuration", "Session types, categories, responsible units, quorum and majority. For the county's staff (`county.config.read`).")),
    HttpApiEndpoint.patch("configure", "/counties/:id/deliberation/config", { params: nodeParams, payload: ConfigureDeliberation, success: DeliberationConfig, error: DeliberationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureDeliberation", "Change a county's deliberation configuration", "Needs `deliberation.manage` on the county. Every value is checked; the same values again change nothing."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Deliberation", description: "议事会 · 圆桌会 · 接待日 · 现场评" })) {}

/**
 * The public progress board (晾晒), without authentication: items with their status,
 * responsible unit, promised date, progress, milestones, overdue flag and rating. Its free
 * text was redacted when written: no phone or ID-card number in any spacing, no name of the
 * people involved or of the residents around.
 *
 * @category api
 * @since 0.3.0
 */
export class PublicDeliberationGroup extends HttpApiGroup.make("publicDeliberation")
  .add(
    HttpApiEndpoint.get("board", "/nodes/:id/deliberation", { params: nodeParams, query: BoardQueryParams, success: Page(BoardRow), error: DeliberationErrors })
      .annotateMerge(doc("getProgressBoard", "The public progress board of a subtree", "Filter by category, unit, status, state, overdue (the promised day over in the county's calendar); sort by raised, promised, progress or rating."))
  )
  .prefix("/public")
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Public progress board", description: "晾晒" })) {}
