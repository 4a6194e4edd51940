/**
 * The reports context's schemas: the ledger of work (工作台账), one row per need, mediation
 * case, deliberation item and one-window intake request; the county's reporting settings
 * (its response time, the categories that count as complaints); the periods reports cover;
 * and the KPI and headline reports.
 *
 * @since 0.5.0
 */
import { Schema } from "effect"
import { ActorRef } from "../kernel/actor.js"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId } from "../kernel/ids.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { ConfigKey } from "../kernel/vocabulary.js"

const optional = Schema.optionalKey
const optionalOrUndefined = Schema.optional

/**
 * What a row of the ledger is: a need (微心愿/微清单), a mediation case, a deliberation item
 * or a one-window intake request (诉求).
 *
 * @category models
 * @since 0.5.0
 */
export const WorkKind = Schema.Literals(["need", "case", "item", "request"])
/** @category models @since 0.5.0 */
export type WorkKind = typeof WorkKind.Type

/**
 * How a piece of work stands: `open` (not finished yet), `resolved`, or how it ended
 * otherwise. `merged` work is counted in the work it was merged into, not on its own.
 *
 * @category models
 * @since 0.5.0
 */
export const WorkOutcome = Schema.Literals(["open", "resolved", "declined", "rejected", "cancelled", "expired", "withdrawn", "merged"])
/** @category models @since 0.5.0 */
export type WorkOutcome = typeof WorkOutcome.Type

/**
 * One row of the ledger of work, projected from the events of its context. Times are
 * instants; `responseSeconds` and `resolutionSeconds` are the times from `openedAt`.
 * `ratings` counts the satisfaction ratings given (a mediation case has one per party who
 * rated), `satisfied` those that were satisfied (满意 or 基本满意; a score of 4 or 5).
 * A request routed to other work names it in `routedTo`.
 *
 * @category models
 * @since 0.5.0
 */
export const LedgerEntry = Schema.Struct({
  kind: WorkKind,
  id: Schema.String,
  countyId: GridNodeId,
  nodeId: GridNodeId,
  /** The node's path, county first and the node last. */
  path: Schema.Array(GridNodeId),
  category: Schema.String,
  channel: Schema.String,
  openedAt: Instant,
  respondedAt: Schema.NullOr(Instant),
  resolvedAt: Schema.NullOr(Instant),
  dueAt: Schema.NullOr(Instant),
  outcome: WorkOutcome,
  ratings: Schema.Int,
  satisfied: Schema.Int,
  routedTo: Schema.NullOr(Schema.Struct({ kind: Schema.Literals(["need", "case", "item", "referral"]), id: Schema.NullOr(Schema.String) })),
  updatedAt: Instant
})
/** @category models @since 0.5.0 */
export interface LedgerEntry extends Schema.Schema.Type<typeof LedgerEntry> {}

/**
 * The seconds from opening to an instant, or `null`.
 *
 * @category rules
 * @since 0.5.0
 */
export const secondsFrom = (openedAt: Instant, at: Instant | null): number | null =>
  at === null ? null : Math.max(0, Math.round((Date.parse(at) - Date.parse(openedAt)) / 1000))

/**
 * A county's reporting settings: the response time within which work counts as responded
 * (响应时限, hours), and the categories that count as complaints in the headline report's
 * year-on-year figure.
 *
 * @category models
 * @since 0.5.0
 */
export const ReportsConfig = Schema.Struct({
  countyId: GridNodeId,
  responseHours: Schema.Int,
  complaintCategories: Schema.Array(ConfigKey),
  version: Schema.Int,
  updatedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.5.0 */
export interface ReportsConfig extends Schema.Schema.Type<typeof ReportsConfig> {}

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

/**
 * Change a county's reporting settings (`reports.configure`): the response time in whole
 * hours (1 to 720) and the complaint categories (at most 50).
 *
 * @category commands
 * @since 0.5.0
 */
export const ConfigureReports = Schema.Struct({
  responseHours: optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 720 }, rule("must be from 1 to 720 hours", "必须在 1 到 720 小时之间")))),
  complaintCategories: optional(Schema.Array(ConfigKey).check(Schema.isMaxLength(50, rule("must have at most 50 categories", "最多 50 个类别"))))
})
/** @category commands @since 0.5.0 */
export type ConfigureReports = typeof ConfigureReports.Type

/**
 * What a change to the settings decided.
 *
 * @category events
 * @since 0.5.0
 */
export interface ReportsConfigEvent {
  readonly type: "configured"
  readonly at: Instant
  readonly actor: ActorRef
  readonly config: ReportsConfig
  readonly changed: ReadonlyArray<string>
}

/**
 * A calendar month, e.g. `2026-07`.
 *
 * @category schemas
 * @since 0.5.0
 */
export const ReportMonth = Schema.String.check(
  Schema.isPattern(/^\d{4}-(0[1-9]|1[0-2])$/u, rule("must be a month like 2026-07", "必须是月份，例如 2026-07"))
)

/**
 * The period a report covers, in the county's calendar: a `month`, or the days `from` to
 * `to` (both inclusive, at most 366 days); none: the current month where the county is.
 *
 * @category schemas
 * @since 0.5.0
 */
export const ReportPeriod = Schema.Struct({
  month: optionalOrUndefined(ReportMonth),
  from: optionalOrUndefined(CalendarDate),
  to: optionalOrUndefined(CalendarDate)
})
/** @category schemas @since 0.5.0 */
export type ReportPeriod = typeof ReportPeriod.Type

/**
 * A share: how many of how many, and the percent with two decimals (0 of 0 is 0%).
 *
 * @category models
 * @since 0.5.0
 */
export const Rate = Schema.Struct({ count: Schema.Int, of: Schema.Int, percent: Schema.Finite })
/** @category models @since 0.5.0 */
export type Rate = typeof Rate.Type

/**
 * The KPI figures of some work: 响应率 (responded within the county's response time),
 * 解决率, 满意率 (satisfied ratings of ratings given) and the mean hours to respond and to
 * resolve (of the work responded, resolved; `null` when none).
 *
 * @category models
 * @since 0.5.0
 */
export const KpiFigures = Schema.Struct({
  work: Schema.Int,
  /** Work responded at all, in time or late. */
  responded: Schema.Int,
  responseRate: Rate,
  resolutionRate: Rate,
  satisfactionRate: Rate,
  meanHoursToRespond: Schema.NullOr(Schema.Finite),
  meanHoursToResolve: Schema.NullOr(Schema.Finite)
})
/** @category models @since 0.5.0 */
export type KpiFigures = typeof KpiFigures.Type

/**
 * One category this period against the same period a year before: the work opened in each
 * and the change in percent, one decimal (`null` when there was none a year before).
 *
 * @category models
 * @since 0.5.0
 */
export const YearOnYear = Schema.Struct({ category: Schema.String, work: Schema.Int, lastYear: Schema.Int, changePercent: Schema.NullOr(Schema.Finite) })
/** @category models @since 0.5.0 */
export type YearOnYear = typeof YearOnYear.Type

/**
 * The KPI report of a subtree and period: the total, per child of the root (`nodeId`,
 * the root itself for work at the root), per category, channel and kind, and year on year
 * by category.
 *
 * @category models
 * @since 0.5.0
 */
export const KpiReport = Schema.Struct({
  rootId: GridNodeId,
  from: CalendarDate,
  to: CalendarDate,
  timeZone: Schema.String,
  responseHours: Schema.Int,
  total: KpiFigures,
  bySubtree: Schema.Array(Schema.Struct({ nodeId: GridNodeId, name: Schema.String, ...KpiFigures.fields })),
  byCategory: Schema.Array(Schema.Struct({ category: Schema.String, ...KpiFigures.fields })),
  byChannel: Schema.Array(Schema.Struct({ channel: Schema.String, ...KpiFigures.fields })),
  byKind: Schema.Array(Schema.Struct({ kind: WorkKind, ...KpiFigures.fields })),
  yearOnYear: Schema.Array(YearOnYear)
})
/** @category models @since 0.5.0 */
export type KpiReport = typeof KpiReport.Type

/**
 * The headline report of a subtree and period: every counter's figure, and the complaints
 * (work of the county's complaint categories) against the same period a year before.
 *
 * @category models
 * @since 0.5.0
 */
export const HeadlineReport = Schema.Struct({
  rootId: GridNodeId,
  from: CalendarDate,
  to: CalendarDate,
  figures: Schema.Array(Schema.Struct({ key: Schema.String, en: Schema.String, zh: Schema.String, value: Schema.Finite })),
  complaints: YearOnYear
})
/** @category models @since 0.5.0 */
export type HeadlineReport = typeof HeadlineReport.Type

/**
 * The reports events as the feed shows them.
 *
 * @category schemas
 * @since 0.5.0
 */
export const ReportsFeedEvents = [
  feedEvent("reports.config.changed", { changed: Schema.Array(Schema.String) })
] as const
