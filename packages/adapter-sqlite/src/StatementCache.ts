/**
 * A bounded cache of prepared statements for one better-sqlite3 connection.
 *
 * better-sqlite3 compiles SQL in `prepare`, and kysely's `SqliteDialect` calls `prepare` for
 * every query it runs, so the same few dozen statements are compiled again and again. The
 * cache keeps the compiled statements by SQL text (least recently used out first). It has
 * the shape `SqliteDialect` expects (`prepare` and `close`), so it can be given to kysely in
 * place of the database.
 *
 * @since 0.1.0
 */
import type BetterSqlite3 from "better-sqlite3"

/**
 * A prepared statement of better-sqlite3 with positional parameters.
 *
 * @category models
 * @since 0.1.0
 */
export type Statement = BetterSqlite3.Statement<Array<unknown>, unknown>

/**
 * Anything that prepares statements on one connection: a plain better-sqlite3 `Database`
 * or a {@link StatementCache}. Both can be given to kysely's `SqliteDialect`.
 *
 * @category models
 * @since 0.1.0
 */
export interface StatementSource {
  /** A prepared statement for this SQL text. */
  readonly prepare: (sql: string) => Statement
  /** Closes the connection (kysely calls it when it is destroyed). */
  readonly close: () => void
}

/**
 * A {@link StatementSource} that memoises `prepare` by SQL text.
 *
 * Cached statements are shared: callers MUST NOT leave a mode switched on them (`raw`,
 * `pluck`, `expand`, `safeIntegers`) and MUST NOT bind parameters permanently (`bind`).
 * A statement still being iterated is never handed out twice: while it is busy, `prepare`
 * returns a fresh, uncached one.
 *
 * @category models
 * @since 0.1.0
 */
export interface StatementCache extends StatementSource {
  /** The connection the statements belong to. */
  readonly database: BetterSqlite3.Database
  /** How many statements the cache keeps at most. */
  readonly capacity: number
  /** How many statements it holds now. */
  readonly size: number
  /** Calls to `prepare` answered from the cache. */
  readonly hits: number
  /** Calls to `prepare` that compiled the SQL. */
  readonly misses: number
  /** The SQL texts held, least recently used first (for diagnostics and query-plan tests). */
  readonly sqlTexts: () => Array<string>
  /** Forgets every statement (for example after a schema change). */
  readonly clear: () => void
}

/**
 * The default capacity of a {@link StatementCache}.
 *
 * @category models
 * @since 0.1.0
 */
export const DEFAULT_CAPACITY = 500

/**
 * Wraps a better-sqlite3 connection in a {@link StatementCache}. Closing the cache closes
 * the connection.
 *
 * @example
 * ```ts
 * import Database from "better-sqlite3"
 * import { Kysely, SqliteDialect } from "kysely"
 * import { makeStatementCache, type Tables } from "@mulin/adapter-sqlite"
 *
 * const cache = makeStatementCache(new Database(":memory:"))
 * const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cache }) })
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeStatementCache = (
  database: BetterSqlite3.Database,
  options?: { readonly capacity?: number | undefined }
): StatementCache => {
  const capacity = Math.max(1, Math.floor(options?.capacity ?? DEFAULT_CAPACITY))
  // A Map iterates in insertion order: re-inserting on a hit keeps the least recently
  // used statement first, where eviction takes it from.
  const statements = new Map<string, Statement>()
  let hits = 0
  let misses = 0

  const prepare = (sql: string): Statement => {
    const cached = statements.get(sql)
    if (cached !== undefined) {
      if (cached.busy) return database.prepare(sql)
      hits++
      statements.delete(sql)
      statements.set(sql, cached)
      return cached
    }
    const statement = database.prepare<Array<unknown>, unknown>(sql)
    misses++
    if (statements.size >= capacity) statements.delete(statements.keys().next().value!)
    statements.set(sql, statement)
    return statement
  }

  return {
    database,
    capacity,
    get size() {
      return statements.size
    },
    get hits() {
      return hits
    },
    get misses() {
      return misses
    },
    prepare,
    sqlTexts: () => [...statements.keys()],
    clear: () => statements.clear(),
    close: () => {
      statements.clear()
      if (database.open) database.close()
    }
  }
}

/**
 * A {@link StatementSource} that prepares every statement anew: the behaviour of kysely's
 * `SqliteDialect` on a plain connection, kept to measure what the cache saves.
 *
 * @category constructors
 * @since 0.1.0
 */
export const uncached = (database: BetterSqlite3.Database): StatementSource => ({
  prepare: (sql) => database.prepare<Array<unknown>, unknown>(sql),
  close: () => {
    if (database.open) database.close()
  }
})
