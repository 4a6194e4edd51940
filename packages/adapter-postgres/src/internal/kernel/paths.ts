/**
 * Materialised paths, `'/root/…/self/'`, on a `COLLATE "C"` column: byte order, so a
 * subtree is the range from its path to the same text with the last `/` turned into `0`.
 */

/** `'/a/b/'` for `[a, b]`; `''` for none. */
export const toPath = (ids: ReadonlyArray<string>): string => (ids.length === 0 ? "" : "/" + ids.join("/") + "/")

/** The ids of a path, root first. */
export const fromPath = <I extends string = string>(path: string): Array<I> => (path.length < 3 ? [] : (path.slice(1, -1).split("/") as Array<I>))

/** The exclusive upper bound of a path's subtree. */
export const upperBound = (path: string): string => path.slice(0, -1) + "0"
