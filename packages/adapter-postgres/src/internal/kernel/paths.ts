/**
 * Materialised paths, `'/root/…/self/'`, on a `COLLATE "C"` column: byte order, so a
 * subtree is the range from its path to the same text with the last `/` turned into `0`
 * (shared with the SQLite adapter through `@mulin/sql`).
 */
export { fromPath, toPath, upperBound } from "@mulin/sql"
