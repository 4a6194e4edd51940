/**
 * The in-memory reports store: the reference implementation of `ReportsStore`, on the unit
 * of work of the in-memory store (`layerMemory`).
 *
 * @since 0.5.0
 */
import { Effect, Exit, Option } from "effect"
import type { GridNodeId } from "../kernel/ids.js"
import { type LedgerEntry, type ReportsConfig, secondsFrom, type WorkKind } from "../reports/model.js"
import { defaultReportsConfig } from "../reports/rules.js"
import { KPI_SUMS, type RollupDelta, rollupDeltas } from "../reports/rollup.js"
import { type KpiFact, type KpiSums, type LedgerQuery, type MonthQuery, ReportsStore, type RollupFact } from "../reports/store.js"
import { inScope, putUndoable, versionedDocuments } from "./documents.js"
import type { MemoryKit, MemoryTx } from "./kit.js"

type Sums = { -readonly [K in keyof KpiSums]: number }
const SUMS = KPI_SUMS

/** One group of the roll-up: a node's subtree, month, category, channel and kind. */
interface RollupRow extends RollupFact {
  readonly countyId: GridNodeId
  readonly parentId: GridNodeId | null
  readonly month: string
}

const setUndoable = <K, V>(map: Map<K, V>, key: K, value: V | undefined, tx: MemoryTx | undefined): void => {
  if (value !== undefined) return putUndoable(map, key, value, tx)
  if (!map.has(key)) return
  const before = map.get(key) as V
  map.delete(key)
  tx?.undo.push(() => map.set(key, before))
}

const order = (a: LedgerEntry, b: LedgerEntry): number =>
  a.openedAt !== b.openedAt ? (a.openedAt < b.openedAt ? -1 : 1) : a.kind !== b.kind ? (a.kind < b.kind ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/**
 * Builds the in-memory `ReportsStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeMemoryReportsStore = (kit: MemoryKit): ReportsStore["Service"] => {
  const configs = versionedDocuments<ReportsConfig>(kit, "reports configuration", (c) => c.countyId)
  const rows = new Map<string, LedgerEntry>()
  const key = (kind: WorkKind, id: string) => `${kind}|${id}`
  const read = <A>(f: () => A) => kit.op(() => Exit.succeed(f()))
  const months = new Map<string, string>()
  const rollup = new Map<string, RollupRow>()
  const apply = (d: RollupDelta, tx: MemoryTx | undefined) =>
    d.path.forEach((nodeId, i) => {
      const k = `${nodeId}|${d.month}|${d.category}|${d.channel}|${d.kind}`
      const row: { -readonly [K in keyof RollupRow]: RollupRow[K] } = { ...(rollup.get(k) ?? { countyId: d.countyId, nodeId, parentId: d.path[i - 1] ?? null, month: d.month, category: d.category, channel: d.channel, kind: d.kind, work: 0, responded: 0, respondedInTime: 0, respondSeconds: 0, resolved: 0, resolveSeconds: 0, ratings: 0, satisfied: 0 }) }
      for (const s of SUMS) row[s] += d.sums[s]
      setUndoable(rollup, k, row.work === 0 ? undefined : row, tx)
    })
  /** The county's roll-up counted afresh from its ledger at a response time. */
  const recount = (countyId: GridNodeId, responseSeconds: number, tx: MemoryTx | undefined) => {
    for (const [k, r] of [...rollup]) if (r.countyId === countyId) setUndoable(rollup, k, undefined, tx)
    for (const [k, r] of rows) {
      if (r.countyId === countyId) for (const d of rollupDeltas(undefined, { entry: r, month: months.get(k)! }, responseSeconds)) apply(d, tx)
    }
  }
  const summed = ({ from, scope, to }: MonthQuery, keep: (r: RollupRow, root: GridNodeId) => boolean, keyOf: (r: RollupRow) => string) => {
    const root = scope[scope.length - 1]!
    const groups = new Map<string, Omit<RollupFact, keyof KpiSums> & Sums>()
    for (const r of rollup.values()) {
      if (r.month < from || r.month > to || !keep(r, root)) continue
      const k = keyOf(r)
      const g = groups.get(k)
      if (g === undefined) groups.set(k, { nodeId: r.nodeId, category: r.category, channel: r.channel, kind: r.kind, ...Object.fromEntries(SUMS.map((s) => [s, r[s]])) as Sums })
      else for (const s of SUMS) g[s] += r[s]
    }
    return [...groups.values()]
  }

  const selected = ({ from, scope, to }: LedgerQuery) =>
    [...rows.values()].filter((r) => r.outcome !== "merged" && r.openedAt >= from && r.openedAt < to && inScope(scope, r.path))

  return ReportsStore.of({
    getConfig: configs.get,
    saveConfig: (config, expected) =>
      Effect.suspend(() => {
        const before = configs.docs.get(config.countyId)
        return Effect.andThen(
          configs.save(config, expected),
          (before ?? defaultReportsConfig(config.countyId)).responseHours === config.responseHours ? Effect.void : kit.op((tx) => Exit.succeed(recount(config.countyId, config.responseHours * 3600, tx)))
        )
      }),
    get: (kind, id) => read(() => Option.fromNullishOr(rows.get(key(kind, id)))),
    put: (entry, placement) =>
      kit.op((tx) => {
        const k = key(entry.kind, entry.id)
        const before = rows.get(k)
        for (const d of rollupDeltas(before === undefined ? undefined : { entry: before, month: months.get(k)! }, { entry, month: placement.month }, placement.responseSeconds)) apply(d, tx)
        putUndoable(rows, k, entry, tx)
        putUndoable(months, k, placement.month, tx)
        return Exit.void
      }),
    monthFacts: (query) => read(() => summed(query, (r, root) => r.nodeId === root || r.parentId === root, (r) => `${r.nodeId}|${r.category}|${r.channel}|${r.kind}`)),
    monthCategoryCounts: (query) =>
      read(() => summed(query, (r, root) => r.nodeId === root, (r) => r.category).map((g) => ({ category: g.category, work: g.work }))),
    routedTo: (kind, id) => read(() => Option.fromNullishOr([...rows.values()].find((r) => r.kind === "request" && r.routedTo?.kind === kind && r.routedTo.id === id))),
    page: ({ after, limit, ...query }) =>
      read(() => {
        const found = selected(query)
          .filter((r) => after === undefined || order(r, { ...r, openedAt: after.openedAt, kind: after.kind, id: after.id }) > 0)
          .sort(order)
        const n = Math.max(1, Math.floor(limit))
        return { items: found.slice(0, n), more: found.length > n }
      }),
    categoryCounts: (query) =>
      read(() => {
        const counts = new Map<string, number>()
        for (const r of selected(query)) counts.set(r.category, (counts.get(r.category) ?? 0) + 1)
        return [...counts.entries()].map(([category, work]) => ({ category, work }))
      }),
    facts: ({ responseSeconds, ...query }) =>
      read(() => {
        const groups = new Map<string, { -readonly [K in keyof KpiFact]: KpiFact[K] }>()
        const depth = query.scope.length
        for (const r of selected(query)) {
          const child = (r.path.length > depth ? r.path[depth] : null) as GridNodeId | null
          const k = `${child}|${r.category}|${r.channel}|${r.kind}`
          let g = groups.get(k)
          if (g === undefined) {
            g = { child, category: r.category, channel: r.channel, kind: r.kind, work: 0, responded: 0, respondedInTime: 0, respondSeconds: 0, resolved: 0, resolveSeconds: 0, ratings: 0, satisfied: 0 }
            groups.set(k, g)
          }
          g.work++
          if (r.respondedAt !== null) {
            const s = secondsFrom(r.openedAt, r.respondedAt)!
            g.responded++
            g.respondSeconds += s
            if (s <= responseSeconds) g.respondedInTime++
          }
          if (r.resolvedAt !== null) {
            g.resolved++
            g.resolveSeconds += secondsFrom(r.openedAt, r.resolvedAt)!
          }
          g.ratings += r.ratings
          g.satisfied += r.satisfied
        }
        return [...groups.values()]
      })
  })
}
