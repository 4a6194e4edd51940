/**
 * `/followup` (回访): the ratings and questionnaires waiting for the caller
 * (`/me/followups`), a person's answer to a questionnaire, a county's configuration
 * (`/counties/{id}/followup/config`) and a subtree's statistics
 * (`/nodes/{id}/followup/statistics`).
 *
 * @since 0.5.0
 */
import { AnswerQuestionnaire, CalendarDate, ConfigureFollowUp, FollowUpConfig, FollowUpStatistics, MyFollowUp, QuestionnaireAnswered, QuestionnaireId } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { doc, LifecycleErrors, nodeParams } from "./shared.js"

/**
 * The errors every follow-up use case may fail with (core's `FollowUpError`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const FollowUpErrors = LifecycleErrors

/**
 * Closing the loop (回访): a rating asked (现场评) when a need is done, a case resolved or
 * an item reported back; counted as not rated when not given in time (never as
 * satisfied); weeks later a questionnaire, "was it solved?", whose "not solved" reopens the
 * work. Only the person asked answers; someone else's questionnaire answers 404, or 403 to
 * staff who see the work.
 *
 * @category api
 * @since 0.5.0
 */
export class FollowUpGroup extends HttpApiGroup.make("followup")
  .add(
    HttpApiEndpoint.post("answer", "/followup/questionnaires/:id/answers", { params: { id: QuestionnaireId }, payload: AnswerQuestionnaire, success: QuestionnaireAnswered, error: FollowUpErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc(
        "answerQuestionnaire",
        "Answer a questionnaire: was it solved?",
        "Only the person asked, once (409 `already_answered` after). `solved: false` reopens the need, case or item through its own context where that context's rules allow (a deliberation item only when rated below the county's threshold); `reopened` says whether it did. The comment stays with the follow-up and never reaches the feed."
      )),
    HttpApiEndpoint.get("mine", "/me/followups", { success: Schema.Array(MyFollowUp), error: FollowUpErrors })
      .annotateMerge(doc("listMyFollowUps", "The ratings and questionnaires waiting for me", "The caller's open rating requests (with their last day, county calendar) and questionnaires not yet answered.")),
    HttpApiEndpoint.get("statistics", "/nodes/:id/followup/statistics", {
      params: nodeParams,
      query: { from: Schema.optional(CalendarDate), to: Schema.optional(CalendarDate) },
      success: FollowUpStatistics,
      error: FollowUpErrors
    }).annotateMerge(doc(
      "getFollowUpStatistics",
      "Follow-up statistics of a subtree and period",
      "Work finished on the days `from` to `to` (both included, county calendar): people asked, rated, satisfied, lapsed (not rated), questionnaires sent, answered, solved, not solved, reopened. The satisfaction rate divides by everyone whose time to rate is over, so a lapsed rating is never satisfied. Needs `followup.read`."
    )),
    HttpApiEndpoint.get("config", "/counties/:id/followup/config", { params: nodeParams, success: FollowUpConfig, error: FollowUpErrors })
      .annotateMerge(doc("getFollowUpConfig", "A county's follow-up configuration", "Days to rate, what a rating not given counts as, weeks to the questionnaire. For the county's staff (`county.config.read`).")),
    HttpApiEndpoint.patch("configure", "/counties/:id/followup/config", { params: nodeParams, payload: ConfigureFollowUp, success: FollowUpConfig, error: FollowUpErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureFollowUp", "Change a county's follow-up configuration", "Needs `followup.configure` on the county: `ratingDays` 1–60, `questionnaireWeeks` 1–26, `lapseRule` `not_rated` or `remind_once`."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Follow-up", description: "回访 · 现场评 · 满意度" })) {}
