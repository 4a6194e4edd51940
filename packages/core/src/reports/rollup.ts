/**
 * The monthly roll-up of the ledger of work: what a stored row contributes to it (and what a
 * replacement moves), how a period of days splits into whole months (read from the roll-up)
 * and the partial months at its edges (read from the ledger), and the KPI aggregates of a
 * period put together from both.
 *
 * @since 0.5.0
 */
import { Effect } from "effect"
import type { StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import { addDays, type CalendarDate, startOfDate } from "../kernel/time.js"
import { type LedgerEntry, secondsFrom } from "./model.js"
import { monthDays } from "./rules.js"
import type { KpiFact, KpiSums, ReportsStore, RollupFact } from "./store.js"

/**
 * How deep the roll-up goes: the county (1), its streets and towns (2) and their
 * communities and villages (3). A report whose root lies at most one level above that (a
 * county's or a street's: its children are rolled up too) reads whole months from the
 * roll-up; a deeper root's subtree (a community's, a grid's) is small enough to scan. Deeper
 * levels are not rolled up because it would not pay: there, nearly every row is a group of
 * its own (measured: 82% to 98% of the rows at grid, building and unit level), so their
 * roll-up would be as large as the ledger and as slow to read.
 *
 * @category rules
 * @since 0.5.0
 */
export const ROLLUP_DEPTH = 3

/**
 * Whether a subtree's report can read its whole months from the roll-up: its root and the
 * root's children are rolled up.
 *
 * @category rules
 * @since 0.5.0
 */
export const rolledUp = (scope: ReadonlyArray<GridNodeId>): boolean => scope.length > 0 && scope.length < ROLLUP_DEPTH

/**
 * One change to the roll-up: add `sums` (negative to take away) to the group of `month`,
 * `category`, `channel` and `kind` of every node on `path` (county first, at most
 * {@link ROLLUP_DEPTH} nodes).
 *
 * @category models
 * @since 0.5.0
 */
export interface RollupDelta {
  readonly countyId: GridNodeId
  readonly path: ReadonlyArray<GridNodeId>
  readonly month: string
  readonly category: string
  readonly channel: string
  readonly kind: LedgerEntry["kind"]
  readonly sums: KpiSums
}

/**
 * The names of the {@link KpiSums}, in the order the stores' columns hold them.
 *
 * @category rules
 * @since 0.5.0
 */
export const KPI_SUMS = ["work", "responded", "respondedInTime", "respondSeconds", "resolved", "resolveSeconds", "ratings", "satisfied"] as const satisfies ReadonlyArray<keyof KpiSums>

/**
 * The sums one row adds to its groups of the roll-up, `null` for merged work (counted nowhere).
 *
 * @category rules
 * @since 0.5.0
 */
export const contributionOf = (e: LedgerEntry, responseSeconds: number): KpiSums | null => {
  if (e.outcome === "merged") return null
  const respond = secondsFrom(e.openedAt, e.respondedAt)
  const resolve = secondsFrom(e.openedAt, e.resolvedAt)
  return {
    work: 1,
    responded: respond === null ? 0 : 1,
    respondedInTime: respond !== null && respond <= responseSeconds ? 1 : 0,
    respondSeconds: respond ?? 0,
    resolved: resolve === null ? 0 : 1,
    resolveSeconds: resolve ?? 0,
    ratings: e.ratings,
    satisfied: e.satisfied
  }
}

const sameGroup = (a: LedgerEntry, am: string, b: LedgerEntry, bm: string) => {
  const [pa, pb] = [a.path.slice(0, ROLLUP_DEPTH), b.path.slice(0, ROLLUP_DEPTH)]
  return am === bm && a.category === b.category && a.channel === b.channel && a.kind === b.kind && pa.length === pb.length && pa.every((id, i) => pb[i] === id)
}

/**
 * What replacing `before` (stored at its month) with `after` (at its month) changes in the
 * roll-up: one delta when the row stays in its groups (none when its sums stay too), else
 * the old groups' loss and the new groups' gain. `before` and `after` are counted against
 * the same response time.
 *
 * @category rules
 * @since 0.5.0
 */
export const rollupDeltas = (
  before: { readonly entry: LedgerEntry; readonly month: string } | undefined,
  after: { readonly entry: LedgerEntry; readonly month: string },
  responseSeconds: number
): ReadonlyArray<RollupDelta> => {
  const old = before === undefined ? null : contributionOf(before.entry, responseSeconds)
  const now = contributionOf(after.entry, responseSeconds)
  const delta = (e: LedgerEntry, month: string, sums: KpiSums): RollupDelta => ({ countyId: e.countyId, path: e.path.slice(0, ROLLUP_DEPTH), month, category: e.category, channel: e.channel, kind: e.kind, sums })
  if (old !== null && now !== null && sameGroup(before!.entry, before!.month, after.entry, after.month)) {
    const sums = Object.fromEntries(KPI_SUMS.map((k) => [k, now[k] - old[k]])) as unknown as KpiSums
    return KPI_SUMS.every((k) => sums[k] === 0) ? [] : [delta(after.entry, after.month, sums)]
  }
  const out: Array<RollupDelta> = []
  if (old !== null) out.push(delta(before!.entry, before!.month, Object.fromEntries(KPI_SUMS.map((k) => [k, -old[k]])) as unknown as KpiSums))
  if (now !== null) out.push(delta(after.entry, after.month, now))
  return out
}

const nextMonth = (month: string): string => addDays(monthDays(month)[1], 1).slice(0, 7)
const previousMonth = (month: string): string => addDays(`${month}-01`, -1).slice(0, 7)

/**
 * A period of days (both inclusive) split into the whole months it covers (`null`: none)
 * and the days at its edges outside them.
 *
 * @category rules
 * @since 0.5.0
 */
export const splitPeriod = (from: CalendarDate, to: CalendarDate): {
  readonly months: readonly [string, string] | null
  readonly edges: ReadonlyArray<readonly [CalendarDate, CalendarDate]>
} => {
  const first = from.endsWith("-01") ? from.slice(0, 7) : nextMonth(from.slice(0, 7))
  const last = monthDays(to.slice(0, 7))[1] === to ? to.slice(0, 7) : previousMonth(to.slice(0, 7))
  if (last < first) return { months: null, edges: [[from, to]] }
  const edges: Array<readonly [CalendarDate, CalendarDate]> = []
  if (from < `${first}-01`) edges.push([from, addDays(`${first}-01`, -1)])
  const end = monthDays(last)[1]
  if (end < to) edges.push([addDays(end, 1), to])
  return { months: [first, last], edges }
}

type MutableSums = { -readonly [K in keyof KpiSums]: number }
const zero = (): MutableSums => ({ work: 0, responded: 0, respondedInTime: 0, respondSeconds: 0, resolved: 0, resolveSeconds: 0, ratings: 0, satisfied: 0 })
const addInto = (s: MutableSums, f: KpiSums, sign = 1) => {
  for (const k of KPI_SUMS) s[k] += sign * f[k]
}

/**
 * The KPI aggregates of the roll-up's groups of a root and its children: each child's
 * groups as they are, and the work at the root itself as the root's groups less its children's.
 *
 * @category rules
 * @since 0.5.0
 */
export const factsOfRollup = (rootId: GridNodeId, rows: ReadonlyArray<RollupFact>): Array<KpiFact> => {
  const own = new Map<string, KpiFact & MutableSums>()
  const out: Array<KpiFact> = []
  const groupOf = (r: RollupFact) => {
    const k = `${r.category}|${r.channel}|${r.kind}`
    let g = own.get(k)
    if (g === undefined) own.set(k, g = { child: null, category: r.category, channel: r.channel, kind: r.kind, ...zero() })
    return g
  }
  for (const r of rows) {
    const { nodeId, ...rest } = r
    if (nodeId === rootId) addInto(groupOf(r), r)
    else {
      addInto(groupOf(r), r, -1)
      out.push({ ...rest, child: nodeId })
    }
  }
  for (const g of own.values()) if (g.work !== 0) out.push(g)
  return out.filter((f) => f.work !== 0)
}

/**
 * Facts of the same group (child, category, channel, kind) summed into one; groups with no work left out.
 *
 * @category rules
 * @since 0.5.0
 */
export const mergeFacts = (facts: ReadonlyArray<KpiFact>): Array<KpiFact> => {
  const groups = new Map<string, KpiFact & MutableSums>()
  for (const f of facts) {
    const k = `${f.child}|${f.category}|${f.channel}|${f.kind}`
    let g = groups.get(k)
    if (g === undefined) groups.set(k, g = { child: f.child, category: f.category, channel: f.channel, kind: f.kind, ...zero() })
    addInto(g, f)
  }
  return [...groups.values()].filter((g) => g.work !== 0)
}

/**
 * A subtree's period, for {@link periodFacts} and {@link periodCategoryCounts}: the root's
 * path (county first), the days (both inclusive) and the county's time zone.
 *
 * @category models
 * @since 0.5.0
 */
export interface PeriodScope {
  readonly scope: ReadonlyArray<GridNodeId>
  readonly from: CalendarDate
  readonly to: CalendarDate
  readonly zone: string
}

const windowOf = (p: PeriodScope, [from, to]: readonly [CalendarDate, CalendarDate]) => ({ scope: p.scope, from: startOfDate(from, p.zone), to: startOfDate(addDays(to, 1), p.zone) })

/**
 * The KPI aggregates of a subtree's period: its whole months from the roll-up, the days at
 * its edges from the ledger. A period of whole months of a county or a street never reads
 * the ledger; a deeper root's period is scanned whole (see {@link ROLLUP_DEPTH}).
 *
 * @category rules
 * @since 0.5.0
 */
export const periodFacts = (store: ReportsStore["Service"], p: PeriodScope, responseSeconds: number): Effect.Effect<Array<KpiFact>, StorageError> =>
  Effect.gen(function*() {
    const { edges, months } = rolledUp(p.scope) ? splitPeriod(p.from, p.to) : { edges: [[p.from, p.to] as const], months: null }
    const parts: Array<KpiFact> = []
    if (months !== null) parts.push(...factsOfRollup(p.scope[p.scope.length - 1]!, yield* store.monthFacts({ scope: p.scope, from: months[0], to: months[1] })))
    for (const edge of edges) parts.push(...(yield* store.facts({ ...windowOf(p, edge), responseSeconds })))
    return mergeFacts(parts)
  })

/**
 * The work of each category of a subtree's period, whole months from the roll-up and the
 * days at its edges from the ledger (a deeper root's period: all from the ledger).
 *
 * @category rules
 * @since 0.5.0
 */
export const periodCategoryCounts = (store: ReportsStore["Service"], p: PeriodScope): Effect.Effect<Array<{ readonly category: string; readonly work: number }>, StorageError> =>
  Effect.gen(function*() {
    const { edges, months } = rolledUp(p.scope) ? splitPeriod(p.from, p.to) : { edges: [[p.from, p.to] as const], months: null }
    const counts = new Map<string, number>()
    const add = (rows: ReadonlyArray<{ readonly category: string; readonly work: number }>) => {
      for (const r of rows) counts.set(r.category, (counts.get(r.category) ?? 0) + r.work)
    }
    if (months !== null) add(yield* store.monthCategoryCounts({ scope: p.scope, from: months[0], to: months[1] }))
    for (const edge of edges) add(yield* store.categoryCounts(windowOf(p, edge)))
    return [...counts.entries()].filter(([, work]) => work !== 0).map(([category, work]) => ({ category, work }))
  })
