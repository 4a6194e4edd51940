/**
 * The in-memory mediation store: the reference implementation of `MediationStore`. It runs
 * on the unit of work of the in-memory store (`layerMemory`): writes join the open unit of
 * work and are undone with it; reads outside one wait for it.
 *
 * @since 0.2.0
 */
import { Exit, Option } from "effect"
import type { MemoryKit } from "./kit.js"
import { type Conflict, duplicateId, staleVersion } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import type { MediationCase, MediationConfig } from "../mediation/model.js"
import { alreadyEscalated, statsFactsOf } from "../mediation/rules.js"
import { type CaseQuery, MediationStore, type OverdueRow } from "../mediation/store.js"

const within = (scope: ReadonlyArray<GridNodeId>, path: ReadonlyArray<GridNodeId>): boolean =>
  scope.length === 0 || (path.length >= scope.length && path[scope.length - 1] === scope[scope.length - 1])

const byId = (a: MediationCase, b: MediationCase) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Builds the in-memory `MediationStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeMemoryMediationStore = ({ op }: MemoryKit): MediationStore["Service"] => {
  const configs = new Map<GridNodeId, MediationConfig>()
  const cases = new Map<string, MediationCase>()
  const escalationKeys = new Set<string>()

  const read = <A>(f: () => A) => op(() => Exit.succeed(f()))
  const put = <K, V>(map: Map<K, V>, key: K, value: V, tx: { readonly undo: Array<() => void> } | undefined) => {
    const before = map.get(key)
    map.set(key, value)
    tx?.undo.push(() => (before === undefined ? map.delete(key) : map.set(key, before)))
  }
  const versionOf = (stored: { readonly version: number } | undefined) => stored?.version ?? 0

  const matches = (c: MediationCase, q: CaseQuery): boolean =>
    within(q.scope, c.scope) &&
    (q.state === undefined || c.state === q.state) &&
    (q.status === undefined || c.status === q.status) &&
    (q.level === undefined || c.level === q.level) &&
    (q.category === undefined || c.category === q.category) &&
    (q.department === undefined || c.department?.code === q.department) &&
    (q.disclosed !== true || c.disclosedAt !== null) &&
    (q.after === undefined || c.id > q.after)

  return MediationStore.of({
    getConfig: (countyId) => read(() => Option.fromNullishOr(configs.get(countyId))),
    saveConfig: (config, expectedVersion) =>
      op((tx) => {
        const actual = versionOf(configs.get(config.countyId))
        if (actual !== expectedVersion) return Exit.fail(staleVersion("mediation configuration", config.countyId, expectedVersion, actual))
        put(configs, config.countyId, config, tx)
        return Exit.void
      }),

    get: (id) => read(() => Option.fromNullishOr(cases.get(id))),
    getMany: (ids) => read(() => [...new Set(ids)].flatMap((id) => cases.get(id) ?? [])),
    insert: (c) =>
      op((tx): Exit.Exit<void, Conflict> => {
        if (cases.has(c.id)) return Exit.fail(duplicateId("mediation case", c.id))
        put(cases, c.id, c, tx)
        return Exit.void
      }),
    update: (c, expectedVersion, deadlineKey) =>
      op((tx): Exit.Exit<void, Conflict> => {
        const stored = cases.get(c.id)
        if (stored === undefined || stored.version !== expectedVersion) {
          return Exit.fail(staleVersion("mediation case", c.id, expectedVersion, versionOf(stored)))
        }
        if (deadlineKey !== undefined) {
          const key = `${c.id}|${deadlineKey}`
          if (escalationKeys.has(key)) return Exit.fail(alreadyEscalated(c.id, deadlineKey))
          escalationKeys.add(key)
          tx?.undo.push(() => escalationKeys.delete(key))
        }
        put(cases, c.id, c, tx)
        return Exit.void
      }),

    list: (q) =>
      read(() => {
        const found = [...cases.values()].filter((c) => matches(c, q)).sort(byId)
        const items = found.slice(0, q.limit)
        return { items, next: found.length > q.limit ? items[items.length - 1]!.id : null }
      }),

    overdue: ({ limit, now, scope }) =>
      read(() => {
        const rows: Array<OverdueRow> = []
        for (const c of cases.values()) {
          if (c.deadline === null || !(c.deadline.dueAt < now) || !within(scope ?? [], c.scope)) continue
          rows.push({ id: c.id, version: c.version, countyId: c.countyId, nodeId: c.nodeId, category: c.category, state: c.state, level: c.level, kind: c.deadline.kind, dueAt: c.deadline.dueAt })
        }
        return rows.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1)).slice(0, limit)
      }),

    statistics: ({ from, scope, to }) =>
      read(() =>
        statsFactsOf([...cases.values()].filter((c) =>
          within(scope, c.scope) && (from === undefined || c.reportedAt >= from) && (to === undefined || c.reportedAt < (to as Instant))
        ))
      )
  })
}
