/**
 * The exports of what an organisation department reports: the county KPIs (考核指标), the
 * ledger of work (工作台账), the headline figures (主要指标), the party members' service per
 * employer and community (在职党员报到) and the partners' services (睦邻合伙人). Each is the
 * sheet of the same view the JSON API answers with, through the caller's own rights.
 *
 * @since 0.5.0
 */
import { Effect } from "effect"
import type { SheetExport } from "../kernel/sheet.js"
import { Partners } from "../partners/service.js"
import { partnerReportSheet } from "../partners/rules.js"
import { PartyMembers } from "../party/service.js"
import { partyReportSheet } from "../party/rules.js"
import { Reports } from "../reports/service.js"

/**
 * The KPI report, the ledger of work and the headline report of a subtree and period.
 *
 * @category exports
 * @since 0.5.0
 */
export const reportsExports: Effect.Effect<ReadonlyArray<SheetExport>, never, Reports> = Effect.map(Effect.service(Reports), (reports) => {
  const reportExport = (name: string, en: string, zh: string, report: "kpis" | "ledger" | "headline"): SheetExport => ({
    name,
    en,
    zh,
    sheets: (q) => Effect.map(reports.sheet(q.actor, report, q.rootId, { from: q.from, to: q.to }), (sheet) => [sheet])
  })
  return [
    reportExport("kpis", "County KPIs", "考核指标", "kpis"),
    reportExport("work-ledger", "Ledger of work", "工作台账", "ledger"),
    reportExport("headline", "Headline figures", "主要指标", "headline")
  ]
})

/**
 * The party members' service (per employer organisation and per community) and the
 * partners' services of a subtree and period.
 *
 * @category exports
 * @since 0.5.0
 */
export const partyExports: Effect.Effect<ReadonlyArray<SheetExport>, never, PartyMembers | Partners> = Effect.gen(function*() {
  const party = yield* PartyMembers
  const partners = yield* Partners
  return [
    { name: "party-service", en: "Party members' service", zh: "在职党员报到服务", sheets: (q) => Effect.map(party.report(q.actor, q.rootId, { from: q.from, to: q.to }), (r) => [partyReportSheet(r)]) },
    { name: "partner-services", en: "Partners' services", zh: "睦邻合伙人服务", sheets: (q) => Effect.map(partners.report(q.actor, q.rootId, { from: q.from, to: q.to }), (r) => [partnerReportSheet(r)]) }
  ]
})
