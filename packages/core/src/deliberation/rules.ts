/**
 * Pure deliberation policy besides the lifecycle: the seed configuration, progress roll-up,
 * what is overdue, the masking of an item into its board row, the event payloads the log
 * may carry, and the statistics.
 *
 * @since 0.3.0
 */
import { conflict, type Conflict } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import { maskIdCard, maskName, maskPhone } from "../kernel/masking.js"
import type { Instant } from "../kernel/time.js"
import type { Category } from "../mediation/model.js"
import type { ItemEvent } from "./machine.js"
import { type DeliberationConfig, type Item, ItemStateLabels, type ResponsibleUnit, type SessionType } from "./model.js"
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
// Progress

/**
 * A parent's progress: the weighted average of its children's progress (0–100), leaving
 * out children merged or declined; 0 without any.
 *
 * @category rules
 * @since 0.3.0
 */
export const rollUp = (children: ReadonlyArray<Pick<Item, "weight" | "progress" | "state">>): number => {
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
 * Whether an item is overdue at `now`: taken up, not yet resolved, past its promised date.
 *
 * @category predicates
 * @since 0.3.0
 */
export const isItemOverdue = (item: Pick<Item, "state" | "promisedAt">, now: Instant): boolean =>
  (item.state === "accepted" || item.state === "in_progress") && item.promisedAt !== null && item.promisedAt < now

/**
 * The date an item is due, while it runs against one (the store's overdue column).
 *
 * @category rules
 * @since 0.3.0
 */
export const dueAtOf = (item: Pick<Item, "state" | "promisedAt">): Instant | null =>
  item.state === "accepted" || item.state === "in_progress" ? item.promisedAt : null

/**
 * Whether an item was resolved by its promised date: 1, late: 0, neither resolved nor
 * promised: -1.
 *
 * @category rules
 * @since 0.3.0
 */
export const onTimeOf = (item: Pick<Item, "resolvedAt" | "promisedAt">): number =>
  item.resolvedAt === null || item.promisedAt === null ? -1 : item.resolvedAt <= item.promisedAt ? 1 : 0

// ---------------------------------------------------------------------------
// Masking

const PHONE = /1[3-9]\d{9}/gu
const ID_CARD = /\d{17}[\dXx]/gu

/**
 * Free text with the raiser's name, phone and ID-card number, and any phone or ID-card
 * number in it, replaced by their masks.
 *
 * @category masking
 * @since 0.3.0
 */
export const scrubText = (text: string, item: Pick<Item, "raisedBy">): string => {
  let out = text
  const { idCardNumber, name, phone } = item.raisedBy
  if (idCardNumber !== null) out = out.split(idCardNumber).join(maskIdCard(idCardNumber))
  if (phone !== null) out = out.split(phone).join(maskPhone(phone))
  if (name.length > 0) out = out.split(name).join(maskName(name))
  return out.replace(ID_CARD, (m) => maskIdCard(m)).replace(PHONE, (m) => maskPhone(m))
}

/**
 * An item as the public board shows it: personal data masked.
 *
 * @category masking
 * @since 0.3.0
 */
export const boardRow = (item: Item, config: DeliberationConfig, now: Instant): BoardRow => {
  const category = config.categories.find((c) => c.key === item.category) ?? { key: item.category, nameZh: item.category, nameEn: item.category }
  return {
    id: item.id,
    nodeId: item.nodeId,
    placeName: item.placeName,
    kind: item.kind,
    category: { key: category.key, nameZh: category.nameZh, nameEn: category.nameEn },
    title: scrubText(item.title, item),
    raisedBy: maskName(item.raisedBy.name),
    raisedAt: item.raisedAt,
    state: item.state,
    stateLabel: ItemStateLabels[item.state],
    status: item.status,
    unit: item.unit?.name ?? null,
    promisedAt: item.promisedAt,
    progress: Math.round(item.progress * 10) / 10,
    overdue: isItemOverdue(item, now),
    answer: item.answer === null ? null : scrubText(item.answer, item),
    resolution: item.resolution === null ? null : scrubText(item.resolution, item),
    parentId: item.parentId,
    rating: item.ratingCount === 0 ? null : Math.round((item.ratingSum / item.ratingCount) * 100) / 100,
    ratings: item.ratingCount
  }
}

/**
 * What the event log may carry of an event: no names, phones or free text.
 *
 * @category rules
 * @since 0.3.0
 */
export const itemLogPayload = (event: ItemEvent): Record<string, unknown> => {
  switch (event.type) {
    case "raised":
      return { kind: event.initial.kind, category: event.initial.category, nodeId: event.initial.nodeId, sessionId: event.initial.sessionId, parentId: event.initial.parentId }
    case "accepted":
      return { unit: event.unit.code, promisedAt: event.promisedAt }
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
    default:
      return {}
  }
}

/**
 * The `Conflict` of a second rating by the same resident.
 *
 * @category constructors
 * @since 0.3.0
 */
export const alreadyRated = (itemId: string, residentId: string): Conflict =>
  conflict("already_rated", `resident ${residentId} has already rated item ${itemId}`, `居民 ${residentId} 已评价过事项 ${itemId}`)

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
  items: ReadonlyArray<Item>,
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
  readonly from: Instant | null
  readonly to: Instant | null
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
    from: input.from,
    to: input.to,
    raised: sum((g) => g.items),
    answeredOnSpot: sum((g) => (g.state === "answered" ? g.items : 0)),
    takenUp: sum((g) => g.takenUp * g.items),
    resolved: sum((g) => (g.onTime >= 0 ? g.items : 0)),
    overdue: sum((g) => g.overdue * g.items),
    open: sum((g) => (["answered", "closed", "merged", "declined"].includes(g.state) ? 0 : g.items)),
    byState: Object.keys(ItemStateLabels).filter((s) => byState.has(s)).map((s) => ({ state: s as Item["state"], count: byState.get(s)! })),
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
 * The same instant a year earlier (29 February maps to 28 February).
 *
 * @category rules
 * @since 0.3.0
 */
export const yearEarlier = (at: Instant): Instant => {
  const d = new Date(at)
  const y = d.getUTCFullYear() - 1
  const m = d.getUTCMonth()
  const day = Math.min(d.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate())
  return new Date(Date.UTC(y, m, day, d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds())).toISOString()
}
