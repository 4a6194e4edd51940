/**
 * The database service: a pool of `pg` connections to one PostgreSQL database, migrated when
 * opened, with a kysely query builder and the transaction discipline every repository on it
 * shares (serialisable units of work, run again on a serialisation failure).
 *
 * @since 0.5.0
 */
import { storageError, type StorageError } from "@mulin/core"
import { Context, Effect, Layer } from "effect"
import { type Compilable, Kysely, PostgresDialect } from "kysely"
import pg from "pg"
import { migrate } from "./internal/kernel/migrations.js"
import { makeRunner, type Statement } from "./internal/kernel/runner.js"

/**
 * How to open a database.
 *
 * @category models
 * @since 0.5.0
 */
export interface PostgresOptions {
  /** A connection string, `postgres://user:password@host:port/database`. */
  readonly url: string
  /** Connections the pool keeps at most (default 10); a quarter of them (at least one) never hold a transaction. */
  readonly maxConnections?: number | undefined
}

/**
 * A statement prepared once per connection under a name of its own: the server parses and
 * plans it once and then only binds its parameters (PostgreSQL may keep a generic plan after
 * five runs, so prepare statements whose best plan does not depend on their parameters: reads
 * and writes by key). Made by {@link prepared}.
 *
 * @category models
 * @since 0.5.0
 */
export interface PreparedStatement {
  readonly name: string
  readonly text: string
}

/**
 * A statement's text (`$1`, `$2`… parameters), parsed each time it runs, or a
 * {@link PreparedStatement}.
 *
 * @category models
 * @since 0.5.0
 */
export type Sql = string | PreparedStatement

/** A 53-bit hash of `text` (cyrb53), in base 36. */
const hash = (text: string): string => {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)
}

/**
 * Prepares `text` under a name drawn from the text itself (the same text, the same name), for
 * the module that runs it many times: make it once, at module level. Each connection keeps
 * every statement it prepared until it closes, so prepare a fixed set of texts, never text
 * built from values.
 *
 * @example
 * ```ts
 * import { prepared } from "@mulin/adapter-postgres"
 *
 * const NODE_BY_ID = prepared("SELECT id, name FROM nodes WHERE id = $1")
 * // db.query(NODE_BY_ID, [id])
 * ```
 *
 * @category constructors
 * @since 0.5.0
 */
export const prepared = (text: string): PreparedStatement => ({ name: `mulin_${hash(text)}_${text.length}`, text })

const statementOf = (sql: Sql, parameters: ReadonlyArray<unknown>): Statement =>
  typeof sql === "string" ? { sql, parameters } : { sql: sql.text, name: sql.name, parameters }

/**
 * What a statement returned: its rows and how many rows it changed.
 *
 * @category models
 * @since 0.5.0
 */
export interface QueryResult<R> {
  readonly rows: Array<R>
  readonly rowCount: number
}

/**
 * One open database.
 *
 * @category services
 * @since 0.5.0
 */
export class PostgresDatabase extends Context.Service<PostgresDatabase, {
  readonly url: string
  /** The connection pool. Statements run on it directly bypass the transaction discipline. */
  readonly pool: pg.Pool
  /** A query builder for PostgreSQL. Run its queries with `execute`, not `.execute()`. */
  readonly kysely: Kysely<any>
  /** Runs a statement (`$1`, `$2`… parameters) in the current transaction, or on its own; fails with the driver's error. */
  readonly run: <R = Record<string, unknown>>(sql: Sql, parameters?: ReadonlyArray<unknown>) => Effect.Effect<QueryResult<R>, unknown>
  /**
   * Sends a statement (`$1`, `$2`… parameters) in the current transaction without waiting for
   * its answer (an advisory lock, say): it travels with the next statement that is waited
   * for, and its failure, if any, is that statement's failure (or the commit's). Outside a
   * transaction, runs it on its own and waits.
   *
   * @since 0.5.0
   */
  readonly send: (sql: Sql, parameters?: ReadonlyArray<unknown>) => Effect.Effect<void, StorageError>
  /** {@link run}, its rows, with a driver error as a `StorageError`. */
  readonly query: <R = Record<string, unknown>>(sql: Sql, parameters?: ReadonlyArray<unknown>) => Effect.Effect<Array<R>, StorageError>
  /** {@link run}, the number of rows it changed, with a driver error as a `StorageError`. */
  readonly change: (sql: Sql, parameters?: ReadonlyArray<unknown>) => Effect.Effect<number, StorageError>
  /**
   * Copies rows into `table` with `COPY … FROM STDIN` (each row its values in the order of
   * `columns`; arrays as PostgreSQL arrays) in the current transaction, or as a statement of
   * its own; the number of rows copied. Fails with the driver's error, as {@link run} does.
   *
   * @since 0.5.0
   */
  readonly copy: (table: string, columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>) => Effect.Effect<number, unknown>
  /** Runs a kysely query and returns its rows. */
  readonly execute: <O>(query: Compilable<O>) => Effect.Effect<Array<O>, StorageError>
  /** Runs `effect` as one serialisable transaction (run again on a serialisation failure), or joins the current one. */
  readonly transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StorageError, R>
  /** Runs `effect` atomically: under a savepoint of the current transaction, or as a transaction of its own. */
  readonly write: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StorageError, R>
  /** Runs `effect` in the current transaction, or in one read-only snapshot of committed data. */
  readonly read: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StorageError, R>
  /** Runs `f` once the current transaction commits (never if it rolls back); at once outside one. */
  readonly afterCommit: (f: () => void) => Effect.Effect<void>
  /** Closes the pool. */
  readonly close: Effect.Effect<void>
}>()("@mulin/adapter-postgres/PostgresDatabase") {
  /**
   * Opens and migrates a database. The caller closes it; {@link PostgresDatabase.layer}
   * does that on release.
   *
   * @category constructors
   * @since 0.5.0
   */
  static readonly make = (options: PostgresOptions): Effect.Effect<PostgresDatabase["Service"], StorageError> => make(options)

  /**
   * Opens and migrates the database; the pool is closed when the layer is released.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer = (options: PostgresOptions): Layer.Layer<PostgresDatabase, StorageError> =>
    Layer.effect(PostgresDatabase, Effect.acquireRelease(make(options), (db) => db.close))
}

/** `bigint` (counts, sums, positions) as a JavaScript number: every figure Mulin keeps fits in 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === 20 || oid === 1700 ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser
}

const make = (options: PostgresOptions): Effect.Effect<PostgresDatabase["Service"], StorageError> =>
  Effect.gen(function*() {
    const pool = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 10, types })
    // An idle connection that the server drops must not crash the process.
    pool.on("error", () => {})
    yield* Effect.tryPromise({ try: () => migrate(pool, new Date().toISOString()), catch: storageError }).pipe(
      Effect.onError(() => Effect.promise(() => pool.end()))
    )
    return fromPool(pool, options)
  })

/** Builds the service over an open, migrated pool. */
const fromPool = (pool: pg.Pool, options: PostgresOptions): PostgresDatabase["Service"] => {
  const max = options.maxConnections ?? 10
  // A quarter of the connections (at least one) stay free of transactions.
  const runner = makeRunner(pool, max - Math.max(1, Math.floor(max / 4)))
  const kysely = new Kysely<any>({ dialect: new PostgresDialect({ pool }) })
  const run = <R>(sql: Sql, parameters: ReadonlyArray<unknown> = []) => runner.query<R>(statementOf(sql, parameters))
  let closed = false
  return PostgresDatabase.of({
    url: options.url,
    pool,
    kysely,
    run,
    send: (sql, parameters = []) => Effect.mapError(runner.send(statementOf(sql, parameters)), storageError),
    copy: runner.copy,
    query: (sql, parameters) => Effect.mapError(Effect.map(run(sql, parameters), (r) => r.rows), storageError) as never,
    change: (sql, parameters) => Effect.mapError(Effect.map(run(sql, parameters), (r) => r.rowCount), storageError),
    execute: (query) => {
      const compiled = query.compile()
      return Effect.mapError(Effect.map(run(compiled.sql, compiled.parameters), (r) => r.rows as never), storageError)
    },
    transaction: (effect) => runner.transaction(effect, storageError),
    write: (effect) => runner.write(effect, storageError) as never,
    read: (effect) => runner.read(effect, storageError),
    afterCommit: runner.afterCommit,
    close: Effect.suspend(() => {
      if (closed) return Effect.void
      closed = true
      return Effect.promise(() => pool.end())
    })
  })
}
