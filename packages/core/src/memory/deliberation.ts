/**
 * The in-memory deliberation store: the reference implementation of `DeliberationStore`. It
 * runs on the unit of work of the in-memory store (`layerMemory`): writes join the open
 * unit of work and are undone with it.
 *
 * @since 0.3.0
 */
import { Exit, Option } from "effect"
import type { MemoryKit } from "./kit.js"
import { type Conflict, duplicateId, staleVersion } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { DeliberationConfig, DeliberationItem, ItemRating, Session } from "../deliberation/model.js"
import { alreadyRated, isItemOverdue, itemStatsGroupsOf } from "../deliberation/rules.js"
import { type BoardQuery, DeliberationStore } from "../deliberation/store.js"

const within = (scope: ReadonlyArray<GridNodeId>, path: ReadonlyArray<GridNodeId>): boolean =>
  scope.length === 0 || (path.length >= scope.length && path[scope.length - 1] === scope[scope.length - 1])

const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * The board's order: the sort key, then id. Shared with the SQLite store's `ORDER BY`.
 *
 * @category constructors
 * @since 0.3.0
 */
export const boardOrder = (sort: BoardQuery["sort"]) => (a: DeliberationItem, b: DeliberationItem): number => {
  switch (sort) {
    case "raised":
      return cmp(b.raisedAt, a.raisedAt) || cmp(b.id, a.id)
    case "promised":
      return cmp(a.promisedBy ?? "~", b.promisedBy ?? "~") || cmp(a.id, b.id)
    case "progress":
      return cmp(a.progress, b.progress) || cmp(a.id, b.id)
    case "rating": {
      const r = (i: DeliberationItem) => (i.ratingCount === 0 ? 99 : i.ratingSum / i.ratingCount)
      return cmp(r(a), r(b)) || cmp(a.id, b.id)
    }
  }
}

/**
 * Builds the in-memory `DeliberationStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.3.0
 */
export const makeMemoryDeliberationStore = ({ op }: MemoryKit): DeliberationStore["Service"] => {
  const configs = new Map<GridNodeId, DeliberationConfig>()
  const sessions = new Map<string, Session>()
  const items = new Map<string, DeliberationItem>()
  const ratings = new Map<string, ItemRating>()

  const read = <A>(f: () => A) => op(() => Exit.succeed(f()))
  const put = <K, V>(map: Map<K, V>, key: K, value: V, tx: { readonly undo: Array<() => void> } | undefined) => {
    const before = map.get(key)
    map.set(key, value)
    tx?.undo.push(() => (before === undefined ? map.delete(key) : map.set(key, before)))
  }

  const matches = (i: DeliberationItem, q: BoardQuery): boolean =>
    within(q.scope, i.scope) &&
    (q.category === undefined || i.category === q.category) &&
    (q.unit === undefined || i.unit?.code === q.unit) &&
    (q.status === undefined || i.status === q.status) &&
    (q.state === undefined || i.state === q.state) &&
    (q.overdue === undefined || isItemOverdue(i, q.now) === q.overdue)

  return DeliberationStore.of({
    getConfig: (countyId) => read(() => Option.fromNullishOr(configs.get(countyId))),
    saveConfig: (config, expectedVersion) =>
      op((tx) => {
        const actual = configs.get(config.countyId)?.version ?? 0
        if (actual !== expectedVersion) return Exit.fail(staleVersion("deliberation configuration", config.countyId, expectedVersion, actual))
        put(configs, config.countyId, config, tx)
        return Exit.void
      }),

    getSession: (id) => read(() => Option.fromNullishOr(sessions.get(id))),
    insertSession: (s) =>
      op((tx): Exit.Exit<void, Conflict> => {
        if (sessions.has(s.id)) return Exit.fail(duplicateId("deliberation session", s.id))
        put(sessions, s.id, s, tx)
        return Exit.void
      }),
    updateSession: (s, expectedVersion) =>
      op((tx): Exit.Exit<void, Conflict> => {
        const stored = sessions.get(s.id)
        if (stored === undefined || stored.version !== expectedVersion) {
          return Exit.fail(staleVersion("deliberation session", s.id, expectedVersion, stored?.version ?? 0))
        }
        put(sessions, s.id, s, tx)
        return Exit.void
      }),
    listSessions: ({ limit, offset, scope }) =>
      read(() => {
        const found = [...sessions.values()].filter((s) => within(scope, s.scope)).sort((a, b) => cmp(b.heldAt, a.heldAt) || cmp(b.id, a.id))
        const page = found.slice(offset, offset + limit)
        return { items: page, next: found.length > offset + limit ? String(offset + limit) : null }
      }),

    getItem: (id) => read(() => Option.fromNullishOr(items.get(id))),
    insertItem: (i) =>
      op((tx): Exit.Exit<void, Conflict> => {
        if (items.has(i.id)) return Exit.fail(duplicateId("deliberation item", i.id))
        put(items, i.id, i, tx)
        return Exit.void
      }),
    updateItem: (i, expectedVersion) =>
      op((tx): Exit.Exit<void, Conflict> => {
        const stored = items.get(i.id)
        if (stored === undefined || stored.version !== expectedVersion) {
          return Exit.fail(staleVersion("deliberation item", i.id, expectedVersion, stored?.version ?? 0))
        }
        put(items, i.id, i, tx)
        return Exit.void
      }),
    children: (parentId) => read(() => [...items.values()].filter((i) => i.parentId === parentId).sort((a, b) => cmp(a.id, b.id))),

    addRating: (r) =>
      op((tx): Exit.Exit<void, Conflict> => {
        const key = `${r.itemId}|${r.round}|${r.personId}`
        if (ratings.has(key)) return Exit.fail(alreadyRated(r.itemId, r.personId))
        put(ratings, key, r, tx)
        return Exit.void
      }),
    findRating: (itemId, round, personId) => read(() => Option.fromNullishOr(ratings.get(`${itemId}|${round}|${personId}`))),
    ratings: (itemId) => read(() => [...ratings.values()].filter((r) => r.itemId === itemId).sort((a, b) => cmp(a.at, b.at) || cmp(a.personId, b.personId))),

    board: (q) =>
      read(() => {
        const found = [...items.values()].filter((i) => matches(i, q)).sort(boardOrder(q.sort))
        const page = found.slice(q.offset, q.offset + q.limit)
        return { items: page, next: found.length > q.offset + q.limit ? String(q.offset + q.limit) : null }
      }),

    statistics: ({ from, now, scope, to }) =>
      read(() =>
        itemStatsGroupsOf(
          [...items.values()].filter((i) => within(scope, i.scope) && (from === undefined || i.raisedAt >= from) && (to === undefined || i.raisedAt < to)),
          scope.length,
          now
        )
      )
  })
}
