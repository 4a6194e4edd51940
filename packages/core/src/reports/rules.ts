/**
 * The reports context's pure policy: how each context's events move a row of the ledger
 * of work, and how the KPI report is computed from the store's aggregates.
 *
 * | kind | opened | responded (first of) | resolved | other outcomes |
 * | --- | --- | --- | --- | --- |
 * | need | `matching.need.posted` | `claimed`, `assigned` | `confirmed` (its rating counts) | `cancelled`, `expired`; `reopened` undoes resolved |
 * | case | `mediation.case.reported` | `accepted`, `declined` | `resolved` | `declined`, `withdrawn`; `reopened` undoes resolved; `rated` counts each party's rating |
 * | item | `deliberation.item.raised` | `answered`, `accepted`, `declined` | `answered` (on the spot), `resolved` | `declined`, `merged`; `reopened` undoes resolved; each `rated` counts |
 * | request | `intake.request.received` | `accepted`, `rejected` | `resolved` | `rejected`, `merged`; `routed` names the work it became; each `rated` counts |
 *
 * A need, case or item routed from a request takes the request's channel; other work has
 * the channel `direct`.
 *
 * @since 0.5.0
 */
import type { NewEvent } from "../kernel/events.js"
import type { GridNodeId } from "../kernel/ids.js"
import { addDays, type CalendarDate, DEFAULT_TIME_ZONE, type Instant, startOfDate } from "../kernel/time.js"
import type { KpiFigures, LedgerEntry, Rate, ReportsConfig, WorkKind, WorkOutcome, YearOnYear } from "./model.js"
import type { KpiFact } from "./store.js"

/**
 * A county's settings before it saved any: a response time of 24 hours (the seed's
 * counties answer on the day), and property matters as complaints.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultReportsConfig = (countyId: GridNodeId): ReportsConfig => ({
  countyId,
  responseHours: 24,
  complaintCategories: ["property", "property_fee"],
  version: 0,
  updatedAt: null
})

/**
 * The channel of work that did not come through the one window.
 *
 * @category constructors
 * @since 0.5.0
 */
export const DIRECT_CHANNEL = "direct"

type Step = (row: LedgerEntry, event: NewEvent, zone: string) => LedgerEntry | undefined

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined)
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined)

const opened = (kind: WorkKind, e: NewEvent, category: unknown, channel: unknown, dueAt: Instant | null = null): LedgerEntry | undefined => {
  const path = e.scope
  if (path.length === 0) return undefined
  return {
    kind,
    id: e.aggregateId,
    countyId: path[0]!,
    nodeId: path[path.length - 1]!,
    path,
    category: str(category) ?? "other",
    channel: str(channel) ?? DIRECT_CHANNEL,
    openedAt: e.at,
    respondedAt: null,
    resolvedAt: null,
    dueAt,
    outcome: "open",
    ratings: 0,
    satisfied: 0,
    routedTo: null,
    updatedAt: e.at
  }
}

const responded: Step = (row, e) => (row.respondedAt !== null ? undefined : { ...row, respondedAt: e.at, updatedAt: e.at })
const resolved: Step = (row, e) => ({ ...row, respondedAt: row.respondedAt ?? e.at, resolvedAt: row.resolvedAt ?? e.at, outcome: "resolved", updatedAt: e.at })
const ended = (outcome: WorkOutcome): Step => (row, e) => ({ ...row, respondedAt: outcome === "declined" || outcome === "rejected" ? (row.respondedAt ?? e.at) : row.respondedAt, outcome, updatedAt: e.at })
const reopened: Step = (row, e) => ({ ...row, resolvedAt: null, outcome: "open", updatedAt: e.at })
const rated = (given: (e: NewEvent) => ReadonlyArray<boolean>): Step => (row, e) => {
  const ratings = given(e)
  return ratings.length === 0 ? undefined : { ...row, ratings: row.ratings + ratings.length, satisfied: row.satisfied + ratings.filter(Boolean).length, updatedAt: e.at }
}
const score = (key: string) => (e: NewEvent): ReadonlyArray<boolean> => {
  const n = num(e.payload[key])
  return n === undefined ? [] : [n >= 4]
}
const deadline = (e: NewEvent): Instant | null | undefined => {
  if (!("deadline" in e.payload)) return undefined
  const d = e.payload["deadline"] as { readonly dueAt?: unknown } | null
  return d === null ? null : (str(d?.dueAt) ?? null)
}
const withDeadline = (step: Step): Step => (row, e, zone) => {
  const next = step(row, e, zone)
  const due = deadline(e)
  if (due === undefined) return next
  const base = next ?? row
  return base.dueAt === due ? next : { ...base, dueAt: due, updatedAt: e.at }
}

/** The event types that open a row, by type: the kind and how the row starts. */
const openers: ReadonlyMap<string, (e: NewEvent) => LedgerEntry | undefined> = new Map([
  ["matching.need.posted", (e: NewEvent) => opened("need", e, e.payload["category"], undefined)],
  ["mediation.case.reported", (e: NewEvent) => opened("case", e, e.payload["category"], undefined, deadline(e) ?? null)],
  ["deliberation.item.raised", (e: NewEvent) => opened("item", e, e.payload["category"], undefined)],
  ["intake.request.received", (e: NewEvent) => opened("request", e, e.payload["category"], e.payload["channel"])]
])

const kindOfAggregate: ReadonlyMap<string, WorkKind> = new Map([
  ["matching.need", "need"],
  ["mediation.case", "case"],
  ["deliberation.item", "item"],
  ["intake.request", "request"]
])

/** The event types that move an existing row, by type. */
const steps: ReadonlyMap<string, Step> = new Map<string, Step>([
  ["matching.need.claimed", responded],
  ["matching.need.assigned", responded],
  ["matching.need.confirmed", (row, e, zone) => {
    const done = resolved(row, e, zone)!
    return rated(score("rating"))(done, e, zone) ?? done
  }],
  ["matching.need.reopened", reopened],
  ["matching.need.cancelled", ended("cancelled")],
  ["matching.need.expired", ended("expired")],
  ["mediation.case.accepted", withDeadline(responded)],
  ["mediation.case.declined", ended("declined")],
  ["mediation.case.resolved", resolved],
  ["mediation.case.withdrawn", ended("withdrawn")],
  ["mediation.case.reopened", withDeadline(reopened)],
  ["mediation.case.statement_recorded", withDeadline(() => undefined)],
  ["mediation.case.no_agreement_recorded", withDeadline(() => undefined)],
  ["mediation.case.escalated", withDeadline(() => undefined)],
  ["mediation.case.rated", rated((e) => {
    const given = Array.isArray(e.payload["ratings"]) ? (e.payload["ratings"] as ReadonlyArray<{ readonly rating?: unknown }>) : []
    return given.map((r) => r.rating !== "unsatisfied")
  })],
  ["deliberation.item.answered", resolved],
  ["deliberation.item.accepted", (row, e, zone) => {
    const promised = str(e.payload["promisedBy"])
    const next = responded(row, e, zone) ?? row
    // Due at the end of the promised day, in the county's calendar.
    return promised === undefined ? next : { ...next, dueAt: startOfDate(addDays(promised, 1), zone), updatedAt: e.at }
  }],
  ["deliberation.item.declined", ended("declined")],
  ["deliberation.item.resolved", resolved],
  ["deliberation.item.merged", ended("merged")],
  ["deliberation.item.reopened", reopened],
  ["deliberation.item.rated", rated(score("score"))],
  ["intake.request.accepted", responded],
  ["intake.request.routed", (row, e) => {
    const target = str(e.payload["target"])
    if (target !== "need" && target !== "case" && target !== "item" && target !== "referral") return undefined
    return { ...row, routedTo: { kind: target, id: str(e.payload["targetId"]) ?? null }, respondedAt: row.respondedAt ?? e.at, updatedAt: e.at }
  }],
  ["intake.request.resolved", resolved],
  ["intake.request.rejected", ended("rejected")],
  ["intake.request.merged", ended("merged")],
  ["intake.request.rated", rated(score("rating"))]
])

/**
 * Whether an event of this type concerns the ledger (one map lookup).
 *
 * @category predicates
 * @since 0.5.0
 */
export const isLedgerEvent = (type: string): boolean => openers.has(type) || steps.has(type)

/**
 * Whether an event of this type opens a piece of work (a row starts afresh).
 *
 * @category predicates
 * @since 0.5.0
 */
export const opensWork = (type: string): boolean => openers.has(type)

/**
 * The kind of work an event concerns, by its type's first two parts (`matching.need.…`), if
 * it is work the ledger keeps.
 *
 * @category rules
 * @since 0.5.0
 */
export const workKindOf = (type: string): WorkKind | undefined => kindOfAggregate.get(type.slice(0, type.indexOf(".", type.indexOf(".") + 1)))

/**
 * The row after an event: a new row for an event that opens work (replacing any row before
 * it, so that a replay from the log starts each row afresh), the moved row for an event
 * that moves it, `undefined` when the event changes nothing (or concerns a row not there).
 * `zone` is the county's time zone (a promised day ends in it).
 *
 * @category rules
 * @since 0.5.0
 */
export const projectLedger = (row: LedgerEntry | undefined, event: NewEvent, zone: string = DEFAULT_TIME_ZONE): LedgerEntry | undefined => {
  const open = openers.get(event.type)
  if (open !== undefined) return open(event)
  const step = steps.get(event.type)
  return step === undefined || row === undefined ? undefined : step(row, event, zone)
}

// ---------------------------------------------------------------------------
// KPIs

const percent = (count: number, of: number): number => (of === 0 ? 0 : Math.round((count / of) * 10000) / 100)
const rate = (count: number, of: number): Rate => ({ count, of, percent: percent(count, of) })
const meanHours = (seconds: number, n: number): number | null => (n === 0 ? null : Math.round((seconds / n / 3600) * 100) / 100)

type Sum = { -readonly [K in keyof Omit<KpiFact, "child" | "category" | "channel" | "kind">]: number }
const zero = (): Sum => ({ work: 0, responded: 0, respondedInTime: 0, respondSeconds: 0, resolved: 0, resolveSeconds: 0, ratings: 0, satisfied: 0 })
const add = (s: Sum, f: KpiFact): Sum => {
  s.work += f.work
  s.responded += f.responded
  s.respondedInTime += f.respondedInTime
  s.respondSeconds += f.respondSeconds
  s.resolved += f.resolved
  s.resolveSeconds += f.resolveSeconds
  s.ratings += f.ratings
  s.satisfied += f.satisfied
  return s
}

/**
 * The figures of summed aggregates.
 *
 * @category rules
 * @since 0.5.0
 */
export const kpiFiguresOf = (s: Omit<KpiFact, "child" | "category" | "channel" | "kind">): KpiFigures => ({
  work: s.work,
  responded: s.responded,
  responseRate: rate(s.respondedInTime, s.work),
  resolutionRate: rate(s.resolved, s.work),
  satisfactionRate: rate(s.satisfied, s.ratings),
  meanHoursToRespond: meanHours(s.respondSeconds, s.responded),
  meanHoursToResolve: meanHours(s.resolveSeconds, s.resolved)
})

/**
 * The facts summed by a key, in the key's order.
 *
 * @category rules
 * @since 0.5.0
 */
export const sumKpisBy = <K extends string>(facts: ReadonlyArray<KpiFact>, key: (f: KpiFact) => K): Array<readonly [K, KpiFigures]> => {
  const sums = new Map<K, Sum>()
  for (const f of facts) {
    const k = key(f)
    sums.set(k, add(sums.get(k) ?? zero(), f))
  }
  return [...sums.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, s]) => [k, kpiFiguresOf(s)] as const)
}

/**
 * All facts summed.
 *
 * @category rules
 * @since 0.5.0
 */
export const kpiTotalOf = (facts: ReadonlyArray<KpiFact>): KpiFigures => kpiFiguresOf(facts.reduce(add, zero()))

/**
 * The change from `before` to `after` in percent, one decimal; `null` when there was nothing before.
 *
 * @category rules
 * @since 0.5.0
 */
export const yearChangePercent = (before: number, after: number): number | null =>
  before === 0 ? null : Math.round(((after - before) / before) * 1000) / 10

/**
 * Year on year by category: the work of each category opened this period against the same
 * period a year before.
 *
 * @category rules
 * @since 0.5.0
 */
export const yearOnYearOf = (now: ReadonlyArray<Pick<KpiFact, "category" | "work">>, before: ReadonlyArray<Pick<KpiFact, "category" | "work">>): ReadonlyArray<YearOnYear> => {
  const count = (facts: ReadonlyArray<Pick<KpiFact, "category" | "work">>) => {
    const m = new Map<string, number>()
    for (const f of facts) m.set(f.category, (m.get(f.category) ?? 0) + f.work)
    return m
  }
  const a = count(now)
  const b = count(before)
  return [...new Set([...a.keys(), ...b.keys()])].sort().map((category) => {
    const work = a.get(category) ?? 0
    const lastYear = b.get(category) ?? 0
    return { category, work, lastYear, changePercent: yearChangePercent(lastYear, work) }
  })
}

/**
 * The same day a year before (29 February becomes 28 February).
 *
 * @category rules
 * @since 0.5.0
 */
export const yearBefore = (date: CalendarDate): CalendarDate => {
  const y = Number(date.slice(0, 4)) - 1
  const md = date.slice(5)
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
  return md === "02-29" && !leap ? `${y}-02-28` : `${String(y).padStart(4, "0")}-${md}`
}

/**
 * The days of a month, first and last.
 *
 * @category rules
 * @since 0.5.0
 */
export const monthDays = (month: string): readonly [CalendarDate, CalendarDate] => {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`
  return [`${month}-01`, addDays(next, -1)]
}
