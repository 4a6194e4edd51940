/**
 * The in-memory matching store: the reference implementation of `MatchingStore`. It runs
 * on the unit of work of the in-memory store (`layerMemory`): writes join the open unit of
 * work and are undone with it; reads outside one wait for it.
 *
 * @since 0.3.0
 */
import { Exit, Option } from "effect"
import type { MemoryKit, MemoryTx } from "./kit.js"
import { type Conflict, duplicateId, staleVersion } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { MatchingConfig, Need, Team, Volunteer } from "../matching/model.js"
import { MatchingStore, type NeedQuery } from "../matching/store.js"
import { applyWork } from "../matching/rules.js"

const within = (scope: ReadonlyArray<GridNodeId>, path: ReadonlyArray<GridNodeId>): boolean =>
  scope.length === 0 || (path.length >= scope.length && path[scope.length - 1] === scope[scope.length - 1])

const page = <A>(found: Array<A>, key: (a: A) => string, limit: number) => {
  found.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))
  const n = Math.max(1, Math.floor(limit))
  const items = found.slice(0, n)
  return { items, next: found.length > n ? key(items[items.length - 1]!) : null }
}

/**
 * Builds the in-memory `MatchingStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.3.0
 */
export const makeMemoryMatchingStore = ({ op }: MemoryKit): MatchingStore["Service"] => {
  const configs = new Map<string, MatchingConfig>()
  const needs = new Map<string, Need>()
  const volunteers = new Map<string, Volunteer>()
  const teams = new Map<string, Team>()

  const read = <A>(f: () => A) => op(() => Exit.succeed(f()))
  const put = <V>(map: Map<string, V>, key: string, value: V, tx: MemoryTx | undefined) => {
    const before = map.get(key)
    map.set(key, value)
    tx?.undo.push(() => (before === undefined ? map.delete(key) : map.set(key, before)))
  }
  const versioned = <V extends { readonly version: number }>(map: Map<string, V>, entity: string, key: string, value: V, expectedVersion: number) =>
    op((tx): Exit.Exit<void, Conflict> => {
      const actual = map.get(key)?.version ?? 0
      if (actual !== expectedVersion) {
        if (expectedVersion === 0) return Exit.fail(duplicateId(entity, key))
        return Exit.fail(staleVersion(entity, key, expectedVersion, actual))
      }
      put(map, key, value, tx)
      return Exit.void
    })

  const matches = (n: Need, q: NeedQuery): boolean =>
    within(q.scope, n.scope) &&
    (q.states === undefined || q.states.includes(n.state)) &&
    (q.status === undefined || n.status === q.status) &&
    (q.category === undefined || n.category === q.category) &&
    (q.dueBefore === undefined || n.dueAt < q.dueBefore) &&
    (q.after === undefined || n.id > q.after)

  return MatchingStore.of({
    getConfig: (countyId) => read(() => Option.fromNullishOr(configs.get(countyId))),
    saveConfig: (config, expectedVersion) =>
      op((tx) => {
        const actual = configs.get(config.countyId)?.version ?? 0
        if (actual !== expectedVersion) return Exit.fail(staleVersion("matching configuration", config.countyId, expectedVersion, actual))
        put(configs, config.countyId, config, tx)
        return Exit.void
      }),
    getNeed: (id) => read(() => Option.fromNullishOr(needs.get(id))),
    insertNeed: (n) =>
      op((tx): Exit.Exit<void, Conflict> => {
        if (needs.has(n.id)) return Exit.fail(duplicateId("need", n.id))
        put(needs, n.id, n, tx)
        return Exit.void
      }),
    updateNeed: (n, expectedVersion) =>
      op((tx): Exit.Exit<void, Conflict> => {
        const stored = needs.get(n.id)
        if (stored === undefined || stored.version !== expectedVersion) return Exit.fail(staleVersion("need", n.id, expectedVersion, stored?.version ?? 0))
        put(needs, n.id, n, tx)
        return Exit.void
      }),
    listNeeds: (q) => read(() => page([...needs.values()].filter((n) => matches(n, q)), (n) => n.id, q.limit)),
    getVolunteers: (ids) => read(() => ids.flatMap((id) => volunteers.get(id) ?? [])),
    saveVolunteer: (v, expectedVersion) => versioned(volunteers, "volunteer", v.personId, v, expectedVersion),
    recordWork: (updates) =>
      op((tx) => {
        for (const u of updates) {
          const v = volunteers.get(u.personId)
          if (v !== undefined) put(volunteers, u.personId, applyWork(v, u), tx)
        }
        return Exit.void
      }),
    listVolunteers: (q) =>
      read(() => page([...volunteers.values()].filter((v) => within(q.scope, v.homeScope) && (q.after === undefined || v.personId > q.after)), (v) => v.personId, q.limit)),
    getTeam: (id) => read(() => Option.fromNullishOr(teams.get(id))),
    saveTeam: (t, expectedVersion) => versioned(teams, "volunteer team", t.id, t, expectedVersion),
    listTeams: (countyId) => read(() => [...teams.values()].filter((t) => t.countyId === countyId).sort((a, b) => (a.id < b.id ? -1 : 1)))
  })
}
