/**
 * `/mediation`, with the cases and statistics of a subtree (`/nodes/{id}/mediation/…`), a
 * county's configuration (`/counties/{id}/mediation/config`) and the public board
 * (`/public/…`).
 *
 * @since 0.4.0
 */
import {
  CaseCommand,
  CaseId,
  CaseState,
  CaseStatus,
  CaseSummary,
  ConfigureMediation,
  Disclosure,
  HandlingLevel,
  Instant,
  MediationCase,
  MediationConfig,
  ConfigKey as MediationConfigKey,
  MediationStatistics,
  MediationStatisticsPeriod,
  OverdueCase,
  Page,
  PageLimit,
  ReportCase,
  RunSupervision,
  SupervisionReport
} from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, LifecycleErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every mediation use case may fail with (core's `MediationError`).
 *
 * @category schemas
 * @since 0.2.0
 */
export const MediationErrors = LifecycleErrors

const caseParams = { id: CaseId }

/**
 * The body of `POST /mediation/supervision`: the county to supervise (absent: every county,
 * for the system actor) and how many overdue cases one run handles at most.
 *
 * @category schemas
 * @since 0.2.0
 */
export const SupervisionRequest = RunSupervision

/**
 * Mediation cases (矛盾调解): report, the 一听三议三公开 commands, escalation (督办),
 * statistics, the overdue list and the supervision run.
 *
 * @category api
 * @since 0.2.0
 */
export class MediationGroup extends HttpApiGroup.make("mediation")
  // Under /mediation: the writes (guarded bodies), then the reads.
  .add(
    HttpApiEndpoint.post("report", "/cases", { payload: ReportCase, success: created(MediationCase), error: MediationErrors })
      .annotateMerge(doc("reportCase", "Report a dispute", "Needs `mediation.report` at the node where it happened.")),
    HttpApiEndpoint.post("execute", "/cases/:id/commands", { params: caseParams, payload: CaseCommand, success: MediationCase, error: MediationErrors })
      .annotateMerge(doc("runCaseCommand", "Run a command on a case", "`_tag` names the command (Accept, RecordStatement, RecordRound, RecordAgreement, Escalate, Resolve, Disclose, Rate, Close, Withdraw, Reopen, …). A command the case's state does not allow answers 409 `invalid_transition`.")),
    HttpApiEndpoint.post("supervise", "/supervision", { payload: SupervisionRequest, success: SupervisionReport, error: MediationErrors })
      .annotateMerge(doc("runSupervision", "Escalate overdue cases", "Escalates each overdue case once per missed deadline, as the system actor. Needs `mediation.supervise` on the county (or everywhere without `countyId`)."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("get", "/cases/:id", { params: caseParams, success: MediationCase, error: MediationErrors })
      .annotateMerge(doc("getCase", "Get a case with its parties", "Community staff with `mediation.read`, the case's mediators, and whoever it was escalated to."))
  )
  .prefix("/mediation")
  // Under a subtree and a county: a write there carries the body guard itself.
  .add(
    HttpApiEndpoint.get("list", "/nodes/:id/mediation/cases", {
      params: nodeParams,
      query: {
        ...pageQuery,
        state: Schema.optional(CaseState),
        status: Schema.optional(CaseStatus),
        level: Schema.optional(HandlingLevel),
        category: Schema.optional(MediationConfigKey),
        department: Schema.optional(MediationConfigKey)
      },
      success: Page(CaseSummary),
      error: MediationErrors
    }).annotateMerge(doc("listCases", "List the cases below a node", "Needs `mediation.read`; a department's staff list their department's cases with `department` from the county root.")),
    HttpApiEndpoint.get("overdue", "/nodes/:id/mediation/overdue", { params: nodeParams, query: { limit: Schema.optional(PageLimit) }, success: Schema.Array(OverdueCase), error: MediationErrors })
      .annotateMerge(doc("listOverdueCases", "List the cases past their deadline below a node", "Needs `mediation.read`.")),
    HttpApiEndpoint.get("statistics", "/nodes/:id/mediation/statistics", {
      params: nodeParams,
      query: {
        from: Schema.optional(Instant),
        to: Schema.optional(Instant),
        month: Schema.optional(MediationStatisticsPeriod.fields.month.schema),
        date: Schema.optional(MediationStatisticsPeriod.fields.date.schema)
      },
      success: MediationStatistics,
      error: MediationErrors
    }).annotateMerge(doc(
      "getMediationStatistics",
      "Statistics of a subtree and period",
      "By category, state and level; 响应率, 解决率, 满意率; median hours to resolve; on-time rate per level; for a closed period the same period a year earlier (同比). " +
        "The period is `month` (`YYYY-MM` or `current`), `date` (`YYYY-MM-DD` or `today`) in the county's calendar, or `from`/`to` instants. Needs `mediation.read`."
    )),
    HttpApiEndpoint.get("config", "/counties/:id/mediation/config", { params: nodeParams, success: MediationConfig, error: MediationErrors })
      .annotateMerge(doc("getMediationConfig", "A county's mediation configuration", "Categories, deadlines, the department registry. The defaults until the county sets its own. For the county's staff only (`county.config.read` in the county).")),
    HttpApiEndpoint.patch("configure", "/counties/:id/mediation/config", { params: nodeParams, payload: ConfigureMediation, success: MediationConfig, error: MediationErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureMediation", "Change a county's mediation configuration", "Needs `mediation.supervise` on the county."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Mediation", description: "矛盾调解 · 一听三议三公开" })) {}

/**
 * The public board (三公开), without authentication: disclosed cases without personal data.
 *
 * @category api
 * @since 0.2.0
 */
export class PublicMediationGroup extends HttpApiGroup.make("publicMediation")
  .add(
    HttpApiEndpoint.get("disclosure", "/mediation/cases/:id", { params: caseParams, success: Disclosure, error: MediationErrors })
      .annotateMerge(doc("getDisclosure", "The public disclosure of a case", "Topic, process and result of a disclosed case, without personal data: text masked when it was disclosed (phones and ID-card numbers in any spelling, names of the people involved and of the residents around), parties by side, participants counted by role.")),
    HttpApiEndpoint.get("board", "/nodes/:id/mediation", { params: nodeParams, query: pageQuery, success: Page(Disclosure), error: MediationErrors })
      .annotateMerge(doc("listDisclosures", "The public board of a subtree", "The disclosures of the disclosed cases below a node."))
  )
  .prefix("/public")
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Public mediation board", description: "三公开（公示）" })) {}
