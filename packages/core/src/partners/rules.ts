/**
 * The partners context's pure policy: how events read in the feed, the staff shown to whom,
 * and the report of what partners provided.
 *
 * @since 0.5.0
 */
import type { Recorded } from "../kernel/decider.js"
import type { GridNodeId } from "../kernel/ids.js"
import { maskName } from "../kernel/masking.js"
import type { Sheet } from "../kernel/sheet.js"
import type { CalendarDate } from "../kernel/time.js"
import { type Partner, type PartnerEvent, PartnerType, type Provision } from "./model.js"
import type { PartnerReport, PartnerReportRow } from "./views.js"

/**
 * How a partner event reads in the log: its scope is the partner's node path; no staff
 * member, no name of a person.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordPartnerEvent = (event: PartnerEvent, after: Partner): Recorded => {
  const scope = after.scope
  switch (event.type) {
    case "registered":
      return { type: "partners.organisation.registered", scope, payload: { type: after.type, nodeId: after.nodeId } }
    case "updated":
      return { type: "partners.organisation.updated", scope, payload: { changed: Object.keys(event).filter((k) => k === "name" || k === "serves").sort() } }
    case "staffAdded":
    case "staffRemoved":
      return { type: "partners.organisation.updated", scope, payload: { changed: ["staff"] } }
    case "merchantLinked":
      return { type: "partners.organisation.updated", scope, payload: { changed: ["merchantAccountIds"] } }
    case "withdrawn":
      return { type: "partners.organisation.withdrawn", scope, payload: { type: after.type } }
    case "reinstated":
      return { type: "partners.organisation.reinstated", scope, payload: { type: after.type } }
  }
}

/**
 * How a provided service reads in the log: the partner, the kind and the counts.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordProvision = (p: Provision): Recorded => ({
  type: "partners.service.provided",
  scope: p.scope,
  payload: { partnerId: p.partnerId, kind: p.kind, people: p.people, points: p.points }
})

/**
 * A partner as this reader may see it: staff names masked unless `personal` (the reader
 * manages partners or reads personal data at the partner's node).
 *
 * @category rules
 * @since 0.5.0
 */
export const partnerShown = (p: Partner, personal: boolean): Partner =>
  personal || p.staff.length === 0 ? p : { ...p, staff: p.staff.map((s) => ({ ...s, name: maskName(s.name) })) }

/**
 * The report of a subtree and period from the services provided there and the partners
 * they name.
 *
 * @category rules
 * @since 0.5.0
 */
export const partnerReportOf = (
  rootId: GridNodeId,
  period: { readonly from: CalendarDate; readonly to: CalendarDate },
  activePartners: number,
  provisions: ReadonlyArray<Provision>,
  partners: ReadonlyArray<Pick<Partner, "id" | "name" | "type">>
): PartnerReport => {
  const names = new Map(partners.map((p) => [p.id, p.name]))
  const rows = new Map<string, { -readonly [K in keyof PartnerReportRow]: PartnerReportRow[K] }>()
  for (const p of provisions) {
    const row = rows.get(p.partnerId) ?? { partnerId: p.partnerId, name: names.get(p.partnerId) ?? "", type: p.partnerType, freeServices: 0, redemptions: 0, people: 0, points: 0 }
    if (p.kind === "free") row.freeServices++
    else row.redemptions++
    row.people += p.people
    row.points += p.points
    rows.set(p.partnerId, row)
  }
  const lines = [...rows.values()].sort((a, b) => b.freeServices + b.redemptions - (a.freeServices + a.redemptions) || (a.partnerId < b.partnerId ? -1 : 1))
  const byType = PartnerType.literals.map((type) => {
    const of = lines.filter((l) => l.type === type)
    return { type, partners: of.length, services: of.reduce((n, l) => n + l.freeServices + l.redemptions, 0), people: of.reduce((n, l) => n + l.people, 0) }
  })
  const sum = (k: "freeServices" | "redemptions" | "people" | "points") => lines.reduce((n, l) => n + l[k], 0)
  return {
    rootId,
    from: period.from,
    to: period.to,
    activePartners,
    partners: lines,
    byType,
    totals: { freeServices: sum("freeServices"), redemptions: sum("redemptions"), people: sum("people"), points: sum("points") }
  }
}

/**
 * The partners report's lines as a sheet (睦邻合伙人服务统计), with bilingual headers, for
 * CSV or `.xlsx` exports.
 *
 * @category rules
 * @since 0.5.0
 */
export const partnerReportSheet = (report: PartnerReport): Sheet => ({
  name: "睦邻合伙人服务统计",
  columns: [
    { key: "name", en: "Partner", zh: "合伙人" },
    { key: "type", en: "Type", zh: "类型" },
    { key: "freeServices", en: "Free services", zh: "免费服务次数" },
    { key: "redemptions", en: "Orders redeemed", zh: "积分兑换次数" },
    { key: "people", en: "People served", zh: "服务人数" },
    { key: "points", en: "Points", zh: "积分" }
  ],
  rows: report.partners.map((r) => ({ name: r.name, type: r.type, freeServices: r.freeServices, redemptions: r.redemptions, people: r.people, points: r.points }))
})
