/**
 * Versioned documents kept in memory, for the in-memory stores of the newer contexts
 * (places, activities): insert once per id, update only at the expected version, every
 * write undone with the unit of work it joined.
 *
 * @since 0.5.0
 */
import { Exit, Option } from "effect"
import { type Conflict, duplicateId, staleVersion } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { MemoryKit, MemoryTx } from "./kit.js"

/**
 * Sets `key` to `value` in `map`, restoring what was there when the unit of work `tx` fails.
 *
 * @category constructors
 * @since 0.5.0
 */
export const putUndoable = <K, V>(map: Map<K, V>, key: K, value: V, tx: MemoryTx | undefined): void => {
  const before = map.get(key)
  const had = map.has(key)
  map.set(key, value)
  tx?.undo.push(() => (had ? map.set(key, before as V) : map.delete(key)))
}

/**
 * Whether `path` (root first) lies in the subtree whose root's path is `scope` (empty: everything).
 *
 * @category predicates
 * @since 0.5.0
 */
export const inScope = (scope: ReadonlyArray<GridNodeId>, path: ReadonlyArray<GridNodeId>): boolean =>
  scope.length === 0 || (path.length >= scope.length && path[scope.length - 1] === scope[scope.length - 1])

/**
 * A map of versioned documents by id, with the store contract's conflicts.
 *
 * @category constructors
 * @since 0.5.0
 */
export const versionedDocuments = <A extends { readonly version: number }>({ op }: MemoryKit, entity: string, idOf: (a: A) => string) => {
  const docs = new Map<string, A>()
  return {
    docs,
    get: (id: string) => op(() => Exit.succeed(Option.fromNullishOr(docs.get(id)))),
    insert: (value: A) =>
      op((tx): Exit.Exit<void, Conflict> => {
        if (docs.has(idOf(value))) return Exit.fail(duplicateId(entity, idOf(value)))
        putUndoable(docs, idOf(value), value, tx)
        return Exit.void
      }),
    update: (value: A, expected: number) =>
      op((tx): Exit.Exit<void, Conflict> => {
        const stored = docs.get(idOf(value))
        if (stored === undefined || stored.version !== expected) return Exit.fail(staleVersion(entity, idOf(value), expected, stored?.version ?? 0))
        putUndoable(docs, idOf(value), value, tx)
        return Exit.void
      }),
    /** Saves a county's configuration keyed by county at the expected version (0: none yet). */
    save: (value: A, expected: number) =>
      op((tx): Exit.Exit<void, Conflict> => {
        const actual = docs.get(idOf(value))?.version ?? 0
        if (actual !== expected) return Exit.fail(staleVersion(entity, idOf(value), expected, actual))
        putUndoable(docs, idOf(value), value, tx)
        return Exit.void
      })
  }
}
