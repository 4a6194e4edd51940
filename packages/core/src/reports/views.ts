/**
 * The reports as sheets (`kernel/sheet.ts`): the KPI report, the ledger of work and the
 * headline report, with headers in English and Chinese, what the CSV and `.xlsx` exports
 * are written from.
 *
 * @since 0.5.0
 */
import type { Sheet, SheetCell, SheetColumn } from "../kernel/sheet.js"
import type { HeadlineReport, KpiFigures, KpiReport, LedgerEntry } from "./model.js"

const col = (key: string, en: string, zh: string): SheetColumn => ({ key, en, zh })

const kindLabels: Readonly<Record<string, string>> = { need: "需求", case: "调解案件", item: "议事事项", request: "诉求" }

/**
 * The columns of the ledger sheet (工作台账).
 *
 * @category constructors
 * @since 0.5.0
 */
export const ledgerColumns: ReadonlyArray<SheetColumn> = [
  col("kind", "Kind", "类型"),
  col("id", "Id", "编号"),
  col("nodeId", "Node", "网格节点"),
  col("path", "Node path", "节点路径"),
  col("category", "Category", "类别"),
  col("channel", "Channel", "渠道"),
  col("openedAt", "Opened", "受理时间"),
  col("respondedAt", "First response", "首次响应"),
  col("resolvedAt", "Resolved", "办结时间"),
  col("dueAt", "Due", "时限"),
  col("outcome", "Outcome", "办理结果"),
  col("ratings", "Ratings", "评价数"),
  col("satisfied", "Satisfied", "满意数")
]

/**
 * The ledger's rows as a sheet.
 *
 * @category constructors
 * @since 0.5.0
 */
export const ledgerSheet = (rows: ReadonlyArray<LedgerEntry>): Sheet => ({
  name: "工作台账",
  columns: ledgerColumns,
  rows: rows.map((r) => ({
    kind: kindLabels[r.kind] ?? r.kind,
    id: r.id,
    nodeId: r.nodeId,
    path: r.path.join("/"),
    category: r.category,
    channel: r.channel,
    openedAt: r.openedAt,
    respondedAt: r.respondedAt,
    resolvedAt: r.resolvedAt,
    dueAt: r.dueAt,
    outcome: r.outcome,
    ratings: r.ratings,
    satisfied: r.satisfied
  }))
})

const figureColumns: ReadonlyArray<SheetColumn> = [
  col("work", "Work", "件数"),
  col("responded", "Responded", "已响应"),
  col("responseRate", "Response rate (%)", "响应率(%)"),
  col("resolutionRate", "Resolution rate (%)", "解决率(%)"),
  col("satisfactionRate", "Satisfaction rate (%)", "满意率(%)"),
  col("meanHoursToRespond", "Mean hours to respond", "平均响应时长(小时)"),
  col("meanHoursToResolve", "Mean hours to resolve", "平均办结时长(小时)")
]

const figureCells = (f: KpiFigures): Record<string, SheetCell> => ({
  work: f.work,
  responded: f.responded,
  responseRate: f.responseRate.percent,
  resolutionRate: f.resolutionRate.percent,
  satisfactionRate: f.satisfactionRate.percent,
  meanHoursToRespond: f.meanHoursToRespond,
  meanHoursToResolve: f.meanHoursToResolve
})

/**
 * The KPI report as a sheet: one row per group (the total, then per subtree, category,
 * channel and kind), and the year-on-year rows by category.
 *
 * @category constructors
 * @since 0.5.0
 */
export const kpiSheet = (report: KpiReport): Sheet => ({
  name: "考核指标",
  columns: [col("dimension", "Dimension", "维度"), col("group", "Group", "分组"), ...figureColumns, col("lastYear", "Same period last year", "去年同期件数"), col("changePercent", "Change (%)", "同比变化(%)")],
  rows: [
    { dimension: "total", group: report.rootId, ...figureCells(report.total) },
    ...report.bySubtree.map((r) => ({ dimension: "subtree", group: r.name, ...figureCells(r) })),
    ...report.byCategory.map((r) => ({ dimension: "category", group: r.category, ...figureCells(r) })),
    ...report.byChannel.map((r) => ({ dimension: "channel", group: r.channel, ...figureCells(r) })),
    ...report.byKind.map((r) => ({ dimension: "kind", group: kindLabels[r.kind] ?? r.kind, ...figureCells(r) })),
    ...report.yearOnYear.map((r) => ({ dimension: "year_on_year", group: r.category, work: r.work, lastYear: r.lastYear, changePercent: r.changePercent }))
  ]
})

/**
 * The headline report as a sheet: one row per figure, then the complaints year on year.
 *
 * @category constructors
 * @since 0.5.0
 */
export const headlineSheet = (report: HeadlineReport): Sheet => ({
  name: "主要指标",
  columns: [col("key", "Key", "指标代码"), col("en", "Figure", "指标(英文)"), col("zh", "指标", "指标"), col("value", "Value", "数值")],
  rows: [
    ...report.figures.map((f) => ({ key: f.key, en: f.en, zh: f.zh, value: f.value })),
    { key: "complaints_change_percent", en: "Complaints, change year on year (%)", zh: "投诉同比变化(%)", value: report.complaints.changePercent }
  ]
})
