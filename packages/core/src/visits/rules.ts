/**
 * The visits context's pure policy: the seed's special-care categories and reasons, the
 * feed projection of events (no household, no findings), and which households are overdue
 * for a visit, read in the county's calendar.
 *
 * @since 0.5.0
 */
import type { Recorded } from "../kernel/decider.js"
import type { GridNodeId, HouseholdId } from "../kernel/ids.js"
import { addDays, type CalendarDate, type Instant, localDate } from "../kernel/time.js"
import type { CareCategory, CareEvent, CareHousehold, HouseholdVisit, OverdueHousehold, VisitEvent, VisitReason, VisitsConfig, VisitsConfigEvent } from "./model.js"

/**
 * The special-care categories the seed names, with how often their households are visited.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultCareCategories: ReadonlyArray<CareCategory> = [
  { code: "elderly_alone", labelZh: "独居老人", labelEn: "Elderly living alone", frequencyDays: 7 },
  { code: "disability", labelZh: "残疾人", labelEn: "Person with a disability", frequencyDays: 30 },
  { code: "minimum_income", labelZh: "低保户", labelEn: "Minimum-income support", frequencyDays: 30 },
  { code: "left_behind_children", labelZh: "留守儿童", labelEn: "Children left behind", frequencyDays: 14 },
  { code: "serious_illness", labelZh: "大病患者", labelEn: "Serious illness", frequencyDays: 14 },
  { code: "special_hardship", labelZh: "特困人员", labelEn: "Extreme hardship", frequencyDays: 14 }
]

/**
 * The reasons for a visit the seed names.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultVisitReasons: ReadonlyArray<VisitReason> = [
  { code: "routine", labelZh: "例行走访", labelEn: "Routine visit" },
  { code: "care", labelZh: "关爱探访", labelEn: "Care visit" },
  { code: "policy", labelZh: "政策宣传", labelEn: "Explaining a policy" },
  { code: "dispute", labelZh: "矛盾排查", labelEn: "Checking for disputes" },
  { code: "follow_up", labelZh: "回访", labelEn: "Follow-up" },
  { code: "emergency", labelZh: "应急", labelEn: "Emergency" }
]

/**
 * A county's configuration before it saved one: the seed's categories and reasons, version 0.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultVisitsConfig = (countyId: GridNodeId): VisitsConfig => ({
  countyId,
  categories: defaultCareCategories,
  reasons: defaultVisitReasons,
  version: 0,
  updatedAt: null
})

/**
 * How a marking reads in the log: scoped to the household's node path; only how many
 * categories it now has.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordCareEvent = (_event: CareEvent, after: CareHousehold): Recorded => ({
  type: "visits.household.marked",
  scope: after.scope,
  payload: { count: after.categories.length }
})

/**
 * How a visit reads in the log: its reason and the kinds of follow-ups, never the findings.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordVisitEvent = (_event: VisitEvent, after: HouseholdVisit): Recorded => ({
  type: "visits.visit.recorded",
  scope: after.scope,
  payload: { reason: after.reason, followUps: after.followUps.map((f) => f.kind) }
})

/**
 * How a configuration change reads in the log.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordVisitsConfigEvent = (event: VisitsConfigEvent, after: VisitsConfig): Recorded => ({
  type: "visits.config.changed",
  scope: [after.countyId],
  payload: { changed: event.changed }
})

/** Whole days from `from` to `to`, two calendar dates. */
const daysBetween = (from: CalendarDate, to: CalendarDate): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)

/**
 * Where a household stands: the shortest frequency of its categories the county still has,
 * the date its next visit falls due (the local date of the last visit, or of the marking,
 * plus that many days) and how many days late it is on `today`; `undefined` when none of its
 * categories is configured.
 *
 * @category rules
 * @since 0.5.0
 */
export const visitDue = (
  household: Pick<CareHousehold, "householdId" | "nodeId" | "categories" | "markedAt">,
  lastVisitAt: Instant | undefined,
  frequencies: ReadonlyMap<string, number>,
  today: CalendarDate,
  zone: string
): OverdueHousehold | undefined => {
  let frequency = Infinity
  for (const c of household.categories) frequency = Math.min(frequency, frequencies.get(c) ?? Infinity)
  if (frequency === Infinity) return undefined
  const since = lastVisitAt !== undefined && lastVisitAt > household.markedAt ? lastVisitAt : household.markedAt
  const dueDate = addDays(localDate(since, zone), frequency)
  return {
    householdId: household.householdId,
    nodeId: household.nodeId,
    categories: household.categories,
    frequencyDays: frequency,
    lastVisitAt: lastVisitAt ?? null,
    dueDate,
    daysOverdue: daysBetween(dueDate, today)
  }
}

/**
 * The households overdue for a visit on `today` (their due date has passed), most overdue
 * first, then by household id.
 *
 * @category rules
 * @since 0.5.0
 */
export const overdueOf = (
  households: ReadonlyArray<CareHousehold>,
  lastVisits: ReadonlyMap<HouseholdId, Instant>,
  categories: ReadonlyArray<CareCategory>,
  today: CalendarDate,
  zone: string
): ReadonlyArray<OverdueHousehold> => {
  const frequencies = new Map(categories.map((c) => [c.code, c.frequencyDays]))
  const out: Array<OverdueHousehold> = []
  for (const h of households) {
    const due = visitDue(h, lastVisits.get(h.householdId), frequencies, today, zone)
    if (due !== undefined && due.daysOverdue > 0) out.push(due)
  }
  return out.sort(byDaysOverdue)
}

/**
 * The order of the overdue list: most days overdue first, then by household id.
 *
 * @category rules
 * @since 0.5.0
 */
export const byDaysOverdue = (a: OverdueHousehold, b: OverdueHousehold): number =>
  b.daysOverdue - a.daysOverdue || (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0)

/**
 * The cursor of an overdue row: its days overdue and household id.
 *
 * @category rules
 * @since 0.5.0
 */
export const overdueCursor = (row: OverdueHousehold): string => `${row.daysOverdue}~${row.householdId}`

/**
 * The rows after a cursor (all of them without one), `limit` at a time.
 *
 * @category rules
 * @since 0.5.0
 */
export const pageOverdue = (rows: ReadonlyArray<OverdueHousehold>, after: string | undefined, limit: number): { readonly items: ReadonlyArray<OverdueHousehold>; readonly next: string | null } => {
  let start = 0
  if (after !== undefined) {
    const [days, id] = after.split("~")
    const probe = { daysOverdue: Number(days), householdId: (id ?? "") as HouseholdId } as OverdueHousehold
    start = rows.findIndex((r) => byDaysOverdue(r, probe) > 0)
    if (start < 0 || !Number.isFinite(probe.daysOverdue)) start = Number.isFinite(probe.daysOverdue) ? rows.length : 0
  }
  const items = rows.slice(start, start + limit)
  return { items, next: start + limit < rows.length ? overdueCursor(items[items.length - 1]!) : null }
}
