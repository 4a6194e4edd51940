/**
 * `/nodes/{id}/reports/…`: the KPI report (考核指标), the ledger of work (工作台账) a page
 * at a time, and the headline report (主要指标) of a subtree and period; a county's
 * reporting settings (`/counties/{id}/reports/config`).
 *
 * @since 0.5.0
 */
import { CalendarDate, ConfigureReports, HeadlineReport, KpiReport, LedgerEntry, Page, ReportMonth, ReportsConfig } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { doc, LifecycleErrors, nodeParams, pageQuery } from "./shared.js"

/**
 * The errors every reports use case may fail with (core's `ReportsError`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const ReportsErrors = LifecycleErrors

/**
 * A report's period: a `month`, or the days `from` to `to` (inclusive); none: this month in
 * the county's calendar.
 *
 * @category schemas
 * @since 0.5.0
 */
export const ReportPeriodParams = { month: Schema.optional(ReportMonth), from: Schema.optional(CalendarDate), to: Schema.optional(CalendarDate) }

/**
 * The county's KPIs, ledger of work and headline figures, for staff with `reports.read` at
 * the subtree's root (another subtree or county answers 404); the settings are changed by
 * the county's administrator (`reports.configure`).
 *
 * @category api
 * @since 0.5.0
 */
export class ReportsGroup extends HttpApiGroup.make("reports")
  .add(
    HttpApiEndpoint.get("kpis", "/nodes/:id/reports/kpis", { params: nodeParams, query: ReportPeriodParams, success: KpiReport, error: ReportsErrors })
      .annotateMerge(doc("getKpiReport", "The KPI report of a subtree (考核指标)", "响应率 (responded within the county's response time), 解决率, 满意率 and mean hours to respond and resolve, in total, per child of the root, category, channel and kind, and year on year by category. Needs `reports.read` at the node.")),
    HttpApiEndpoint.get("ledger", "/nodes/:id/reports/ledger", { params: nodeParams, query: { ...ReportPeriodParams, ...pageQuery }, success: Page(LedgerEntry), error: ReportsErrors })
      .annotateMerge(doc("listWorkLedger", "The ledger of work of a subtree (工作台账)", "One row per need, mediation case, deliberation item and intake request opened in the period, in the order opened, a page at a time. Needs `reports.read` at the node.")),
    HttpApiEndpoint.get("headline", "/nodes/:id/reports/headline", { params: nodeParams, query: ReportPeriodParams, success: HeadlineReport, error: ReportsErrors })
      .annotateMerge(doc("getHeadlineReport", "The headline report of a subtree (主要指标)", "Every headline counter's figure (red grids, building leaders, places by kind, teams, activities, person-times, complaints …) and the complaints year on year. Needs `reports.read` at the node.")),
    HttpApiEndpoint.get("config", "/counties/:id/reports/config", { params: nodeParams, success: ReportsConfig, error: ReportsErrors })
      .annotateMerge(doc("getReportsConfig", "A county's reporting settings", "The response time and the complaint categories; the defaults (24 hours; property matters) until the county saves its own. Needs `reports.read` in the county.")),
    HttpApiEndpoint.patch("configure", "/counties/:id/reports/config", { params: nodeParams, payload: ConfigureReports, success: ReportsConfig, error: ReportsErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureReports", "Change a county's reporting settings", "Needs `reports.configure` on the county. The same settings again change nothing."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Reports", description: "工作台账 · 考核指标 · 主要指标" })) {}
