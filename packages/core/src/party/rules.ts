/**
 * The party context's pure policy: the seed's kinds of service, how events read in the
 * feed, what a reader sees of a member, and the report per employer, community and month.
 *
 * @since 0.5.0
 */
import type { Recorded } from "../kernel/decider.js"
import type { GridNodeId } from "../kernel/ids.js"
import { maskName, maskPhone } from "../kernel/masking.js"
import type { Sheet, SheetColumn } from "../kernel/sheet.js"
import type { CalendarDate, Instant } from "../kernel/time.js"
import type { PartyConfig, PartyConfigEvent, PartyService, PartyServiceKind, Registration, RegistrationEvent } from "./model.js"
import type { MemberView, PartyReport, PartyTally } from "./views.js"

/**
 * The kinds of service serving party members commit to, every county's default.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultPartyServiceKinds: ReadonlyArray<PartyServiceKind> = [
  { code: "volunteer_service", labelZh: "志愿服务", labelEn: "Volunteer service" },
  { code: "policy_promotion", labelZh: "政策宣讲", labelEn: "Policy promotion" },
  { code: "care_visit", labelZh: "走访帮扶", labelEn: "Visits and help" },
  { code: "dispute_mediation", labelZh: "矛盾调解", labelEn: "Dispute mediation" },
  { code: "grid_patrol", labelZh: "网格巡查", labelEn: "Grid patrol" },
  { code: "wish_claim", labelZh: "微心愿认领", labelEn: "Micro-wish claims" }
]

/**
 * A county's configuration before it saved one: the default kinds, version 0.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultPartyConfig = (countyId: GridNodeId): PartyConfig => ({ countyId, serviceKinds: defaultPartyServiceKinds, version: 0, updatedAt: null })

/**
 * How a registration event reads in the log: scoped to the community; no person, no name.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordRegistrationEvent = (event: RegistrationEvent, after: Registration): Recorded => {
  const scope = after.scope
  switch (event.type) {
    case "registered":
      return { type: "party.member.registered", scope, payload: { communityId: after.communityId, employerId: after.employerId } }
    case "committed":
      return { type: "party.member.committed", scope, payload: { commitments: event.commitments } }
    case "serviceRecorded":
      return { type: "party.service.recorded", scope, payload: { kind: event.service.kind, hours: event.service.hours } }
    case "withdrawn":
      return { type: "party.member.withdrawn", scope, payload: {} }
  }
}

/**
 * How a configuration change reads in the log.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordPartyConfigEvent = (event: PartyConfigEvent, after: PartyConfig): Recorded => ({ type: "party.config.changed", scope: [after.countyId], payload: { changed: event.changed } })

/**
 * A registration as a reader sees it: the name and phone in full when `personal`, masked
 * otherwise.
 *
 * @category rules
 * @since 0.5.0
 */
export const memberView = (r: Registration, person: { readonly name: string; readonly phone: string | null } | undefined, personal: boolean): MemberView => {
  const name = person?.name ?? ""
  const phone = person?.phone ?? null
  return personal
    ? { ...r, name, phone, masked: false }
    : { ...r, name: maskName(name), phone: phone === null ? null : maskPhone(phone), masked: true }
}

const round = (n: number) => Math.round(n * 100) / 100

/**
 * The report of a subtree and period: `registrations` are those of the subtree (of the
 * employer, when one is asked for), `services` those recorded in the period; a member
 * counts as registered when they registered before the period ended and did not withdraw
 * before it started.
 *
 * @category rules
 * @since 0.5.0
 */
export const partyReportOf = (
  input: {
    readonly rootId: GridNodeId
    readonly from: CalendarDate
    readonly to: CalendarDate
    readonly window: readonly [Instant, Instant]
    readonly employerId: string | null
    readonly monthOf: (at: Instant) => string
  },
  registrations: ReadonlyArray<Registration>,
  services: ReadonlyArray<PartyService>,
  names: ReadonlyMap<string, string>
): PartyReport => {
  const [start, end] = input.window
  const counted = registrations.filter((r) => r.registeredAt < end && (r.withdrawnAt === null || r.withdrawnAt >= start))
  const tally = (registered: number, serving: ReadonlySet<string>, total: number): PartyTally => {
    const hours = round(total)
    return { registered, serving: serving.size, hours, meanHours: registered === 0 ? 0 : round(total / registered) }
  }
  /** One pass over the registrations and one over the services, per key. */
  const group = (key: (x: { readonly employerId: string; readonly communityId: string }) => string) => {
    const rows = new Map<string, { registered: number; serving: Set<string>; hours: number }>()
    const row = (k: string) => {
      let r = rows.get(k)
      if (r === undefined) rows.set(k, r = { registered: 0, serving: new Set(), hours: 0 })
      return r
    }
    for (const r of counted) row(key(r)).registered++
    for (const s of services) {
      const r = row(key(s))
      r.serving.add(s.registrationId)
      r.hours += s.hours
    }
    return [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, r]) => ({ key: k, ...tally(r.registered, r.serving, r.hours) }))
  }
  const months = new Map<string, { serving: Set<string>; hours: number }>()
  for (const s of services) {
    const m = input.monthOf(s.servedAt)
    const row = months.get(m) ?? { serving: new Set(), hours: 0 }
    row.serving.add(s.registrationId)
    row.hours += s.hours
    months.set(m, row)
  }
  return {
    rootId: input.rootId,
    from: input.from,
    to: input.to,
    employerId: input.employerId as PartyReport["employerId"],
    byEmployer: group((x) => x.employerId).map(({ key, ...t }) => ({ employerId: key as PartyReport["byEmployer"][number]["employerId"], name: names.get(key) ?? "", ...t })),
    byCommunity: group((x) => x.communityId).map(({ key, ...t }) => ({ communityId: key as GridNodeId, name: names.get(key) ?? "", ...t })),
    byMonth: [...months.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, m]) => ({ month, serving: m.serving.size, hours: round(m.hours) })),
    totals: tally(counted.length, new Set(services.map((x) => x.registrationId)), services.reduce((n, x) => n + x.hours, 0))
  }
}

const tallyColumns: ReadonlyArray<SheetColumn> = [
  { key: "registered", en: "Members registered", zh: "报到人数" },
  { key: "serving", en: "Members who served", zh: "参与服务人数" },
  { key: "hours", en: "Hours", zh: "服务时长（小时）" },
  { key: "meanHours", en: "Mean hours per member", zh: "人均时长（小时）" }
]

/**
 * The party report's lines per employer organisation as a sheet (在职党员报到服务统计), with
 * bilingual headers, for CSV or `.xlsx` exports.
 *
 * @category rules
 * @since 0.5.0
 */
export const partyReportSheet = (report: PartyReport): Sheet => ({
  name: "在职党员报到服务统计",
  columns: [{ key: "employer", en: "Employer organisation", zh: "工作单位" }, ...tallyColumns],
  rows: [
    ...report.byEmployer.map((r) => ({ employer: r.name, registered: r.registered, serving: r.serving, hours: r.hours, meanHours: r.meanHours })),
    { employer: "合计 Total", ...report.totals }
  ]
})
