/**
 * `@mulin/adapter-sqlite`: Mulin's storage on SQLite, through kysely and better-sqlite3.
 *
 * One file per county or province (or `:memory:` for tests), in WAL mode, migrated when
 * opened. {@link layer} provides every core port on it; the grid store keeps the tree as
 * materialised paths, so subtree reads are index range scans.
 *
 * @since 0.1.0
 */
export { SqliteDatabase, type SqliteOptions } from "./SqliteDatabase.js"
export { layer, layerMemory, layerStores } from "./SqliteStore.js"
export {
  DEFAULT_CAPACITY,
  makeStatementCache,
  type Statement,
  type StatementCache,
  type StatementSource,
  uncached
} from "./StatementCache.js"
export type * from "./Tables.js"
export type * from "./ServiceTables.js"
export type * from "./VisitTables.js"
export type * from "./IntakeTables.js"
export type * from "./internal/deliberation/tables.js"
export type * from "./internal/followup/tables.js"
export type * from "./internal/jobs/tables.js"
export type * from "./internal/notifications/tables.js"
