/**
 * `/matching`, with the needs, volunteers and dispatch of a subtree
 * (`/nodes/{id}/matching/…`), a county's teams and configuration
 * (`/counties/{id}/matching/…`) and the public wish board (`/public/…`).
 *
 * @since 0.4.0
 */
import {
  ClaimBoardItem,
  ConfigureMatching,
  CreateTeam,
  DispatchReport,
  ExpiryReport,
  MatchingConfig,
  Need,
  NeedCommand,
  NeedId,
  NeedState,
  NeedStatus,
  Page,
  PageLimit,
  PersonId,
  PostNeed,
  RankingView,
  SaveVolunteer,
  Team,
  Volunteer,
  WishCard
} from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, LifecycleErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every matching use case may fail with (core's `MatchingError`). A claim that
 * lost the race for the last slot is a 409 `conflict` with reason `slots_full`.
 *
 * @category schemas
 * @since 0.3.0
 */
export const MatchingErrors = LifecycleErrors

const needParams = { id: NeedId }

/**
 * The body of `PATCH /counties/{id}/matching/config`: the parts to change.
 *
 * @category schemas
 * @since 0.3.0
 */
export const ConfigureMatchingBody = ConfigureMatching

/**
 * Needs and volunteers (微心愿): post, claim (认领), dispatch (派单), visit, confirm with a
 * rating (the reward paid once through the ledger), profiles and teams.
 *
 * @category api
 * @since 0.3.0
 */
export class MatchingGroup extends HttpApiGroup.make("matching")
  // Under /matching: the writes (guarded bodies), then the reads.
  .add(
    HttpApiEndpoint.post("post", "/needs", { payload: PostNeed, success: created(Need), error: MatchingErrors })
      .annotateMerge(doc("postNeed", "Post a need", "Needs `matching.post` at the node it concerns.")),
    HttpApiEndpoint.post("execute", "/needs/:id/commands", { params: needParams, payload: NeedCommand, success: Need, error: MatchingErrors })
      .annotateMerge(doc("runNeedCommand", "Run a command on a need", "`_tag`: Claim, Assign, Release, Reassign, LogVisit, ReportDone, Confirm, Reopen, Close, Cancel, AttachReward. A command the state does not allow answers 409 `invalid_transition`. A requester never works on their own need (409 `requester_cannot_work`); whoever did the work does not confirm it (403).")),
    HttpApiEndpoint.post("claim", "/needs/:id/claim", { params: needParams, payload: Schema.Struct({}), success: Need, error: MatchingErrors })
      .annotateMerge(doc("claimNeed", "Claim a need (认领)", "The actor takes a slot. When every slot is taken the answer is 409 `conflict` with reason `slots_full`: the claim lost.")),
    HttpApiEndpoint.post("saveVolunteer", "/volunteers", { payload: SaveVolunteer, success: Volunteer, error: MatchingErrors })
      .annotateMerge(doc("saveVolunteer", "Create or replace a person's volunteer profile", "`matching.manage` over the person, at the profile's current home and at its new one; or the volunteer themself. The name shown is the person's.")),
    HttpApiEndpoint.post("createTeam", "/teams", { payload: CreateTeam, success: created(Team), error: MatchingErrors })
      .annotateMerge(doc("createTeam", "Create a volunteer team (志愿服务队)", "Needs `matching.manage` at its home."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("get", "/needs/:id", { params: needParams, success: Need, error: MatchingErrors })
      .annotateMerge(doc("getNeed", "Get a need", "Staff, its requester, its volunteers, and volunteers who may claim in its subtree.")),
    HttpApiEndpoint.get("rank", "/needs/:id/ranking", { params: needParams, query: { limit: Schema.optional(PageLimit) }, success: RankingView, error: MatchingErrors })
      .annotateMerge(doc("rankVolunteers", "Rank the volunteers for a need", "Hard filters, then a weighted score with its breakdown. Needs `matching.dispatch`.")),
    HttpApiEndpoint.get("getVolunteer", "/volunteers/:id", { params: { id: PersonId }, success: Volunteer, error: MatchingErrors })
      .annotateMerge(doc("getVolunteer", "Get a volunteer profile")),
    HttpApiEndpoint.get("claimBoard", "/claim-board", { query: { limit: Schema.optional(PageLimit) }, success: Schema.Array(ClaimBoardItem), error: MatchingErrors })
      .annotateMerge(doc("getClaimBoard", "The actor's claim board", "Open needs of their community, nearest first."))
  )
  .prefix("/matching")
  // Under a subtree and a county: their writes carry the body guard themselves.
  .add(
    HttpApiEndpoint.post("dispatch", "/nodes/:id/matching/dispatch", { params: nodeParams, payload: Schema.Struct({ dryRun: Schema.optional(Schema.Boolean) }), success: DispatchReport, error: MatchingErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("dispatchNeeds", "Batch dispatch (派单) of a subtree's open needs", "Maximises the total score under capacities and slots, most urgent first; each assignment explained. Needs `matching.dispatch`.")),
    HttpApiEndpoint.post("expire", "/nodes/:id/matching/expire", { params: nodeParams, payload: Schema.Struct({}), success: ExpiryReport, error: MatchingErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("expireNeeds", "Expire the needs past due", "As the system actor. Needs `matching.manage`.")),
    HttpApiEndpoint.patch("configure", "/counties/:id/matching/config", { params: nodeParams, payload: ConfigureMatchingBody, success: MatchingConfig, error: MatchingErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureMatching", "Change a county's matching configuration", "Needs `matching.manage` on the county.")),
    HttpApiEndpoint.get("list", "/nodes/:id/matching/needs", {
      params: nodeParams,
      query: { ...pageQuery, state: Schema.optional(NeedState), status: Schema.optional(NeedStatus), category: Schema.optional(Schema.String) },
      success: Page(Need),
      error: MatchingErrors
    }).annotateMerge(doc("listNeeds", "List the needs below a node", "Needs `matching.read`.")),
    HttpApiEndpoint.get("volunteers", "/nodes/:id/matching/volunteers", { params: nodeParams, query: pageQuery, success: Page(Volunteer), error: MatchingErrors })
      .annotateMerge(doc("listVolunteers", "List the volunteer profiles below a node", "Needs `matching.read`.")),
    HttpApiEndpoint.get("teams", "/counties/:id/matching/teams", { params: nodeParams, success: Schema.Array(Team), error: MatchingErrors })
      .annotateMerge(doc("listTeams", "List a county's volunteer teams")),
    HttpApiEndpoint.get("config", "/counties/:id/matching/config", { params: nodeParams, success: MatchingConfig, error: MatchingErrors })
      .annotateMerge(doc("getMatchingConfig", "A county's matching configuration", "Categories, weights, radius. The defaults until the county sets its own. For the county's staff (`county.config.read`)."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Matching", description: "微心愿 · 认领 · 派单" })) {}

/**
 * The public wish board (心愿墙), without authentication: open and fulfilled needs of a
 * subtree, requesters masked.
 *
 * @category api
 * @since 0.3.0
 */
export class PublicMatchingGroup extends HttpApiGroup.make("publicMatching")
  .add(
    HttpApiEndpoint.get("wishes", "/nodes/:id/wishes", { params: nodeParams, query: pageQuery, success: Page(WishCard), error: MatchingErrors })
      .annotateMerge(doc("getWishBoard", "The public wish board of a subtree", "Titles redacted when the need was posted (names of the people involved and around, phone and ID-card numbers masked); requesters masked."))
  )
  .prefix("/public")
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Public wish board", description: "心愿墙" })) {}
