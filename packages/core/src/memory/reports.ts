/**
 * The in-memory reports store: the reference implementation of `ReportsStore`, on the unit
 * of work of the in-memory store (`layerMemory`).
 *
 * @since 0.5.0
 */
import { Exit, Option } from "effect"
import type { GridNodeId } from "../kernel/ids.js"
import { type LedgerEntry, type ReportsConfig, secondsFrom, type WorkKind } from "../reports/model.js"
import { type KpiFact, type LedgerQuery, ReportsStore } from "../reports/store.js"
import { inScope, putUndoable, versionedDocuments } from "./documents.js"
import type { MemoryKit } from "./kit.js"

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
  const selected = ({ from, scope, to }: LedgerQuery) =>
    [...rows.values()].filter((r) => r.outcome !== "merged" && r.openedAt >= from && r.openedAt < to && inScope(scope, r.path))

  return ReportsStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    get: (kind, id) => read(() => Option.fromNullishOr(rows.get(key(kind, id)))),
    put: (entry) => kit.op((tx) => Exit.succeed(putUndoable(rows, key(entry.kind, entry.id), entry, tx))),
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
