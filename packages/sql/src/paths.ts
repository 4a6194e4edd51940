/**
 * Materialised paths: a node's ancestors and itself as `'/root/…/self/'`.
 *
 * Ids are ASCII (`node_<ULID>`), so every descendant's path starts with its ancestor's path
 * followed by more ASCII. The subtree of a path `p` (ending in `/`) is the range
 * `p <= path < p'`, where `p'` is `p` with its last `/` (0x2F) replaced by `0` (0x30): a
 * plain range on a text column in byte order (SQLite's default collation, PostgreSQL's
 * `COLLATE "C"`), which both answer from an index.
 */

/**
 * `'/a/b/'` for `[a, b]`; `''` for no ids (a store-wide event's scope).
 *
 * @category paths
 * @since 0.5.0
 */
export const toPath = (ids: ReadonlyArray<string>): string => (ids.length === 0 ? "" : `/${ids.join("/")}/`)

/**
 * The ids of a materialised path, root first. Paths are written by the adapters from the
 * core's ids, so the ids read back are typed as such.
 *
 * @category paths
 * @since 0.5.0
 */
export const fromPath = <I extends string = string>(path: string): Array<I> => (path.length < 3 ? [] : path.slice(1, -1).split("/") as Array<I>)

/**
 * The exclusive upper bound of the subtree range of `path`.
 *
 * @category paths
 * @since 0.5.0
 */
export const upperBound = (path: string): string => `${path.slice(0, -1)}0`

/**
 * The bounds of a scope's path range; an empty scope is the whole store (`''` to `'~'`).
 *
 * @category paths
 * @since 0.5.0
 */
export const scopeRange = (scope: ReadonlyArray<string>): readonly [string, string] => {
  const lo = toPath(scope)
  return lo === "" ? ["", "~"] : [lo, upperBound(lo)]
}
