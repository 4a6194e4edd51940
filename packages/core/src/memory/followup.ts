/**
 * The in-memory follow-up store: the reference implementation of `FollowUpStore`. It runs
 * on the unit of work of the in-memory store (`layerMemory`): writes join the open unit of
 * work and are undone with it; reads outside one wait for it.
 *
 * @since 0.5.0
 */
import { Exit, Option } from "effect"
import type { MemoryKit } from "./kit.js"
import { type Conflict, duplicateId, staleVersion } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import { nextDateOf } from "../followup/machine.js"
import type { FollowUpConfig, FollowUpRecord } from "../followup/model.js"
import { factsOf, sumFacts, waitingFor } from "../followup/rules.js"
import { FollowUpStore } from "../followup/store.js"

const within = (scope: ReadonlyArray<GridNodeId>, path: ReadonlyArray<GridNodeId>): boolean =>
  scope.length === 0 || (path.length >= scope.length && path[scope.length - 1] === scope[scope.length - 1])

const byId = (a: { readonly id: string }, b: { readonly id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * Builds the in-memory `FollowUpStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeMemoryFollowUpStore = ({ op }: MemoryKit): FollowUpStore["Service"] => {
  const configs = new Map<GridNodeId, FollowUpConfig>()
  const records = new Map<string, FollowUpRecord>()

  const read = <A>(f: () => A) => op(() => Exit.succeed(f()))
  const put = <K, V>(map: Map<K, V>, key: K, value: V, tx: { readonly undo: Array<() => void> } | undefined) => {
    const before = map.get(key)
    map.set(key, value)
    tx?.undo.push(() => (before === undefined ? map.delete(key) : map.set(key, before)))
  }

  return FollowUpStore.of({
    getConfig: (countyId) => read(() => Option.fromNullishOr(configs.get(countyId))),
    saveConfig: (config, expectedVersion) =>
      op((tx) => {
        const actual = configs.get(config.countyId)?.version ?? 0
        if (actual !== expectedVersion) return Exit.fail(staleVersion("follow-up configuration", config.countyId, expectedVersion, actual))
        put(configs, config.countyId, config, tx)
        return Exit.void
      }),

    get: (id) => read(() => Option.fromNullishOr(records.get(id))),
    save: (f, expectedVersion) =>
      op((tx): Exit.Exit<void, Conflict> => {
        const stored = records.get(f.id)
        if (expectedVersion === 0 && stored !== undefined) return Exit.fail(duplicateId("follow-up", f.id))
        if (expectedVersion !== 0 && stored?.version !== expectedVersion) return Exit.fail(staleVersion("follow-up", f.id, expectedVersion, stored?.version ?? 0))
        put(records, f.id, f, tx)
        return Exit.void
      }),

    forSubject: (subject, subjectId) =>
      read(() => [...records.values()].filter((f) => f.subject === subject && f.subjectId === subjectId).sort((a, b) => byId(b, a))),

    due: (countyId, today, limit) =>
      read(() =>
        [...records.values()]
          .flatMap((f) => {
            const next = f.countyId === countyId ? nextDateOf(f) : null
            return next !== null && next <= today ? [{ f, next }] : []
          })
          .sort((a, b) => (a.next < b.next ? -1 : a.next > b.next ? 1 : byId(a.f, b.f)))
          .slice(0, Math.max(0, limit))
          .map((x) => x.f)
      ),

    waitingFor: (personId) => read(() => [...records.values()].filter((f) => waitingFor(f).includes(personId)).sort(byId)),

    statistics: ({ from, scope, to }) =>
      read(() =>
        sumFacts([...records.values()].filter((f) =>
          within(scope, [...f.scope]) && (from === undefined || f.requestedOn >= from) && (to === undefined || f.requestedOn <= to)
        ).map(factsOf))
      )
  })
}
