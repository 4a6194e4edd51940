/**
 * Pure deliberation policy besides the lifecycle: the seed configuration, progress roll-up,
 * what is overdue in the county's calendar, the public board row, the feed projection of
 * each event (no personal data), and the statistics with their periods in the county's
 * calendar.
 *
 * @since 0.3.0
 */
import { conflict, type Conflict } from "../kernel/errors.js"
import type { Recorded } from "../kernel/decider.js"
import type { GridNodeId } from "../kernel/ids.js"
import { maskName } from "../kernel/masking.js"
import { addDays, type CalendarDate, type Instant, localDate, startOfDate } from "../kernel/time.js"
import type { Category } from "../kernel/vocabulary.js"
import {
  type DeliberationConfigEvent,
  type DeliberationConfig,
  type DeliberationItem,
  type ItemEvent,
  ItemStateLabels,
  type ResponsibleUnit,
  type Session,
  type SessionEvent,
  type SessionType
} from "./model.js"
import type { ItemStatsGroup } from "./store.js"
import type { BoardRow, DeliberationStatistics } from "./views.js"

/**
 * The session types every county starts from: Xi County's round table, Yanzhou's
 * residents' council, small-stool talk, talk point and reception day.
 *
 * @category constructors
 * @since 0.3.0
 */
export const defaultSessionTypes: ReadonlyArray<SessionType> = [
  { key: "round_table", nameZh: "圆桌会", nameEn: "round table" },
  { key: "residents_council", nameZh: "居民议事会", nameEn: "residents' council" },
  { key: "small_stool", nameZh: "小马扎议事", nameEn: "small-stool talk" },
  { key: "talk_point", nameZh: "街坊说事点", nameEn: "neighbourhood talk point" },
  { key: "reception_day", nameZh: "接待日", nameEn: "reception day (community secretary + property manager)" }
]

/**
 * The item categories every county starts from.
 *
 * @category constructors
 * @since 0.3.0
 */
export const defaultItemCategories: ReadonlyArray<Category> = [
  { key: "property", nameZh: "物业服务", nameEn: "property management" },
  { key: "environment", nameZh: "环境卫生", nameEn: "environment and sanitation" },
  { key: "facilities", nameZh: "公共设施", nameEn: "public facilities" },
  { key: "parking", nameZh: "停车出行", nameEn: "parking and traffic" },
  { key: "safety", nameZh: "安全隐患", nameEn: "safety" },
  { key: "elderly", nameZh: "养老托幼", nameEn: "elderly and child care" },
  { key: "other", nameZh: "其他", nameEn: "other" }
]

/**
 * The responsible units every county starts from.
 *
 * @category constructors
 * @since 0.3.0
 */
export const defaultUnits: ReadonlyArray<ResponsibleUnit> = [
  { code: "community", name: "社区居委会" },
  { code: "property_company", name: "物业公司" },
  { code: "street_office", name: "街道办事处" },
  { code: "housing", name: "住房和城乡建设局" },
  { code: "urban", name: "城市管理局" }
]

/**
 * A county's configuration before it sets its own: a quorum of two thirds, a simple
 * majority of those present, and an average below 3 counts as a poor rating.
 *
 * @category constructors
 * @since 0.3.0
 */
export const defaultDeliberationConfig = (countyId: GridNodeId): DeliberationConfig => ({
  countyId,
  sessionTypes: defaultSessionTypes,
  categories: defaultItemCategories,
  units: defaultUnits,
  quorum: 2 / 3,
  majority: 0.5,
  poorRatingBelow: 3,
  version: 0,
  updatedAt: null
})

// ---------------------------------------------------------------------------
// The county's calendar

/**
 * A county's calendar as a decider sees it at one instant: the time zone, today's date
 * there, and when a local date starts. Built once per command (zone arithmetic is not free).
 *
 * @category models
 * @since 0.4.0
 */
export interface CountyCalendar {
  readonly timeZone: string
  /** Today's date in the county's time zone. */
  readonly today: CalendarDate
  /** The instant a local date starts in the county's time zone. */
  readonly startOf: (date: CalendarDate) => Instant
}

/**
 * The county's calendar at `at` in `timeZone`; `today` is computed when first read and
 * `startOf` remembers the dates it was asked.
 *
 * @category constructors
 * @since 0.4.0
 */
export const countyCalendar = (timeZone: string, at: Instant | number): CountyCalendar => {
  let today: CalendarDate | undefined
  const starts = new Map<CalendarDate, Instant>()
  return {
    timeZone,
    get today() {
      return (today ??= localDate(at, timeZone))
    },
    startOf: (date) => {
      let start = starts.get(date)
      if (start === undefined) starts.set(date, (start = startOfDate(date, timeZone)))
      return start
    }
  }
}

// ---------------------------------------------------------------------------
// Progress

/**
 * A parent's progress: the weighted average of its children's progress (0–100), leaving
 * out children merged or declined; 0 without any.
 *
 * @category rules
 * @since 0.3.0
 */
export const rollUp = (children: ReadonlyArray<Pick<DeliberationItem, "weight" | "progress" | "state">>): number => {
  let weight = 0
  let sum = 0
  for (const c of children) {
    if (c.state === "merged" || c.state === "declined") continue
    weight += c.weight
    sum += c.weight * Math.min(100, Math.max(0, c.progress))
  }
  return weight === 0 ? 0 : Math.min(100, Math.max(0, sum / weight))
}

/**
 * When an item runs against its promise, the instant it becomes overdue: the start of the
 * day after its promised date in the county's calendar (the store's overdue column).
 *
 * @category rules
 * @since 0.3.0
 */
export const dueAtOf = (item: Pick<DeliberationItem, "state" | "dueAt">): Instant | null =>
  item.state === "accepted" || item.state === "in_progress" ? item.dueAt : null

/**
 * Whether an item is overdue at `now`: taken up, not yet resolved, and its promised date is
 * over in the county's calendar.
 *
 * @category predicates
 * @since 0.3.0
 */
export const isItemOverdue = (item: Pick<DeliberationItem, "state" | "dueAt">, now: Instant): boolean => {
  const due = dueAtOf(item)
  return due !== null && due <= now
}

/**
 * Whether an item was resolved by the end of its promised date: 1, late: 0, neither
 * resolved nor promised: -1.
 *
 * @category rules
 * @since 0.3.0
 */
export const onTimeOf = (item: Pick<DeliberationItem, "resolvedAt" | "dueAt">): number =>
  item.resolvedAt === null || item.dueAt === null ? -1 : item.resolvedAt < item.dueAt ? 1 : 0

// ---------------------------------------------------------------------------
// The public board

/**
 * An item as the public board shows it: its free text as redacted when written
 * (`DeliberationItem.public`), the raiser's name masked (张*), no other personal field.
 *
 * @category masking
 * @since 0.3.0
 */
export const boardRow = (item: DeliberationItem, config: DeliberationConfig, now: Instant): BoardRow => {
  const category = config.categories.find((c) => c.key === item.category)
  return {
    id: item.id,
    nodeId: item.nodeId,
    placeName: item.placeName,
    kind: item.kind,
    category: category === undefined ? { key: item.category, nameZh: item.category, nameEn: item.category } : { key: category.key, nameZh: category.nameZh, nameEn: category.nameEn },
    title: item.public.title,
    raisedBy: maskName(item.raisedBy.name),
    raisedAt: item.raisedAt,
    state: item.state,
    stateLabel: ItemStateLabels[item.state],
    status: item.status,
    unit: item.public.unit,
    promisedBy: item.promisedBy,
    progress: Math.round(item.progress * 10) / 10,
    overdue: isItemOverdue(item, now),
    milestones: item.milestones.map((m, i) => ({ note: item.public.milestones[i] ?? "", progress: m.progress, at: m.at })),
    answer: item.public.answer,
    resolution: item.public.resolution,
    declineReason: item.public.declineReason,
    parentId: item.parentId,
    rating: item.ratingCount === 0 ? null : Math.round((item.ratingSum / item.ratingCount) * 100) / 100,
    ratings: item.ratingCount
  }
}

// ---------------------------------------------------------------------------
// The feed

/**
 * What the event log may carry of an item event: kinds, keys, counts, dates and ids of
 * items and sessions; no name, phone, person id or free text.
 *
 * @category rules
 * @since 0.3.0
 */
export const itemLogPayload = (event: ItemEvent): Record<string, unknown> => {
  switch (event.type) {
    case "raised":
      return { kind: event.initial.kind, category: event.initial.category, nodeId: event.initial.nodeId, sessionId: event.initial.sessionId, parentId: event.initial.parentId }
    case "accepted":
      return { unit: event.unit.code, promisedBy: event.promisedBy }
    case "voted": {
      const { at: _, ...counts } = event.vote
      return counts
    }
    case "milestone_recorded":
      return { progress: event.milestone.progress }
    case "reported_back":
      return { sessionId: event.sessionId }
    case "rated":
      return { score: event.score }
    case "merged":
      return { into: event.into }
    case "progress_rolled_up":
      return { progress: event.progress, children: event.children }
    default:
      return {}
  }
}

/**
 * How an item event reads in the log.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordItemEvent = (event: ItemEvent, after: DeliberationItem): Recorded => ({
  type: `deliberation.item.${event.type}`,
  scope: after.scope,
  payload: itemLogPayload(event)
})

/**
 * How a session event reads in the log: the type, the time and how many took part by
 * role; not the convener, the organisations' names, the agenda or the minutes.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordSessionEvent = (event: SessionEvent, after: Session): Recorded => ({
  type: `deliberation.session.${event.type}`,
  scope: after.scope,
  payload: event.type === "convened"
    ? { type: event.initial.type, heldAt: event.initial.heldAt, participants: event.initial.participants.map((p) => ({ role: p.role, count: p.count })) }
    : {}
})

/**
 * How a configuration change reads in the log: which fields changed.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordDeliberationConfigEvent = (event: DeliberationConfigEvent, after: DeliberationConfig): Recorded => ({
  type: "deliberation.config.changed",
  scope: [after.countyId],
  payload: { changed: event.changed }
})

/**
 * The `Conflict` of a second rating by the same person in the same round.
 *
 * @category constructors
 * @since 0.3.0
 */
export const alreadyRated = (itemId: string, personId: string): Conflict =>
  conflict("already_rated", `person ${personId} has already rated item ${itemId}`, `人员 ${personId} 已评价过事项 ${itemId}`)

// ---------------------------------------------------------------------------
// Statistics

/**
 * The statistics facts of a set of items, as a store computes them; `depth` is the
 * length of the statistics root's path.
 *
 * @category rules
 * @since 0.3.0
 */
export const itemStatsGroupsOf = (
  items: ReadonlyArray<DeliberationItem>,
  depth: number,
  now: Instant
): Array<ItemStatsGroup> => {
  const groups = new Map<string, { -readonly [K in keyof ItemStatsGroup]: ItemStatsGroup[K] }>()
  for (const i of items) {
    const g = {
      category: i.category,
      unit: i.unit?.code ?? "",
      state: i.state,
      child: i.scope[depth] ?? "",
      takenUp: i.acceptedAt === null ? 0 : 1,
      onTime: onTimeOf(i),
      overdue: isItemOverdue(i, now) ? 1 : 0
    }
    const key = JSON.stringify(g)
    const found = groups.get(key) ?? { ...g, items: 0, ratings: 0, ratingSum: 0, satisfied: 0 }
    found.items += 1
    found.ratings += i.ratingCount
    found.ratingSum += i.ratingSum
    found.satisfied += i.ratingHigh
    groups.set(key, found)
  }
  return [...groups.values()]
}

/**
 * `"-19.5%"`: the change from `before` to `now`, one decimal, signed; `null` without a
 * base.
 *
 * @category rules
 * @since 0.3.0
 */
export const percentChange = (before: number, now: number): string | null => {
  if (before === 0) return null
  const change = Math.round(((now - before) / before) * 1000) / 10
  return `${change > 0 ? "+" : ""}${change.toFixed(1)}%`
}

const percent = (count: number, of: number) => ({ count, of, percent: of === 0 ? 0 : Math.round((count / of) * 1000) / 10 })
const average = (sum: number, n: number) => (n === 0 ? null : Math.round((sum / n) * 100) / 100)

/**
 * The statistics of a subtree and period from the store's facts, and those of the same
 * period a year earlier (`lastYear`, `null` when the period is open-ended).
 *
 * @category rules
 * @since 0.3.0
 */
export const computeItemStatistics = (input: {
  readonly rootId: GridNodeId
  readonly timeZone: string
  readonly from: CalendarDate | null
  readonly to: CalendarDate | null
  readonly groups: ReadonlyArray<ItemStatsGroup>
  readonly lastYear: ReadonlyArray<ItemStatsGroup> | null
  readonly config: DeliberationConfig
}): DeliberationStatistics => {
  const { config, groups } = input
  const sum = (f: (g: ItemStatsGroup) => number, gs: ReadonlyArray<ItemStatsGroup> = groups) => gs.reduce((n, g) => n + f(g), 0)
  const byState = new Map<string, number>()
  for (const g of groups) byState.set(g.state, (byState.get(g.state) ?? 0) + g.items)
  const units = [...new Set(groups.map((g) => g.unit).filter((u) => u !== ""))].sort()
  const nodes = [...new Set(groups.map((g) => g.child).filter((n) => n !== ""))].sort()
  const categories = [...new Set([...groups.map((g) => g.category), ...(input.lastYear ?? []).map((g) => g.category)])]
  const order = (k: string) => {
    const i = config.categories.findIndex((c) => c.key === k)
    return i < 0 ? config.categories.length : i
  }
  categories.sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1))
  return {
    rootId: input.rootId,
    timeZone: input.timeZone,
    from: input.from,
    to: input.to,
    raised: sum((g) => g.items),
    answeredOnSpot: sum((g) => (g.state === "answered" ? g.items : 0)),
    takenUp: sum((g) => g.takenUp * g.items),
    resolved: sum((g) => (g.onTime >= 0 ? g.items : 0)),
    overdue: sum((g) => g.overdue * g.items),
    open: sum((g) => (["answered", "closed", "merged", "declined"].includes(g.state) ? 0 : g.items)),
    byState: Object.keys(ItemStateLabels).filter((s) => byState.has(s)).map((s) => ({ state: s as DeliberationItem["state"], count: byState.get(s)! })),
    byUnit: units.map((unit) => {
      const gs = groups.filter((g) => g.unit === unit)
      const ratings = sum((g) => g.ratings, gs)
      return {
        unit,
        name: config.units.find((u) => u.code === unit)?.name ?? unit,
        takenUp: sum((g) => g.takenUp * g.items, gs),
        resolved: sum((g) => (g.onTime >= 0 ? g.items : 0), gs),
        overdue: sum((g) => g.overdue * g.items, gs),
        onTime: percent(sum((g) => (g.onTime === 1 ? g.items : 0), gs), sum((g) => (g.onTime >= 0 ? g.items : 0), gs)),
        ratings,
        averageRating: average(sum((g) => g.ratingSum, gs), ratings),
        satisfied: percent(sum((g) => g.satisfied, gs), ratings)
      }
    }),
    byNode: nodes.map((nodeId) => {
      const gs = groups.filter((g) => g.child === nodeId)
      const ratings = sum((g) => g.ratings, gs)
      return { nodeId, raised: sum((g) => g.items, gs), ratings, averageRating: average(sum((g) => g.ratingSum, gs), ratings) }
    }),
    byCategory: categories.map((category) => {
      const c = config.categories.find((x) => x.key === category)
      const count = sum((g) => (g.category === category ? g.items : 0))
      const lastYear = input.lastYear === null ? null : sum((g) => (g.category === category ? g.items : 0), input.lastYear)
      return {
        category,
        nameZh: c?.nameZh ?? category,
        nameEn: c?.nameEn ?? category,
        count,
        lastYear,
        change: lastYear === null ? null : percentChange(lastYear, count)
      }
    })
  }
}

/**
 * The same calendar date a year earlier; 29 February maps to 28 February.
 *
 * @category rules
 * @since 0.4.0
 */
export const dateYearEarlier = (date: CalendarDate): CalendarDate => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate()
  return `${String(y - 1).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`
}

/**
 * The instants `[from, to)` of a period of local calendar days, `from` to `to` inclusive,
 * in a time zone: what the store's statistics query counts by.
 *
 * @category rules
 * @since 0.4.0
 */
export const periodWindow = (from: CalendarDate | undefined, to: CalendarDate | undefined, zone: string): { readonly from: Instant | undefined; readonly to: Instant | undefined } => ({
  from: from === undefined ? undefined : startOfDate(from, zone),
  to: to === undefined ? undefined : startOfDate(addDays(to, 1), zone)
})
