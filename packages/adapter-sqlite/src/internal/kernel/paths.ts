/**
 * Materialised paths: a node's ancestors and itself as `'/root/…/self/'`, shared with the
 * PostgreSQL adapter through `@mulin/sql`. The subtree of a path is a plain range on a TEXT
 * column, which SQLite answers from an index (see the EXPLAIN QUERY PLAN test). `LIKE 'p%'`
 * would not use the index under the default case-insensitive LIKE.
 */
export { fromPath, scopeRange, toPath, upperBound } from "@mulin/sql"
