/**
 * The database service: one better-sqlite3 connection, migrated when opened, with a
 * statement cache, a kysely query builder, and the transaction discipline every
 * repository on it shares.
 *
 * @since 0.1.0
 */
import type BetterSqlite3 from "better-sqlite3"
import { storageError, type StorageError } from "@mulin/core"
import { Clock, Context, Effect, Layer } from "effect"
import { type Compilable, type CompiledQuery, Kysely, SqliteDialect } from "kysely"
import { migrate } from "./internal/kernel/migrations.js"
import { isPrivate, openConnection, openReader } from "./internal/kernel/open.js"
import { makeRunner } from "./internal/kernel/transaction.js"
import { DEFAULT_CAPACITY, makeStatementCache, type StatementCache, type StatementSource, uncached } from "./StatementCache.js"
import type { Tables } from "./Tables.js"

/**
 * How to open a database.
 *
 * @category models
 * @since 0.1.0
 */
export interface SqliteOptions {
  /** A file path, or `":memory:"` for a private in-memory database. */
  readonly filename: string
  /** Keep prepared statements by SQL text (default `true`). */
  readonly statementCache?: boolean | undefined
  /** How many statements the cache keeps (default 500). */
  readonly statementCacheCapacity?: number | undefined
  /**
   * Read outside transactions through a second, read-only connection (default `true`;
   * file databases only). Without it, such reads wait for an open transaction to end.
   */
  readonly readConnection?: boolean | undefined
}

/**
 * One open database.
 *
 * Every statement runs synchronously. `read`, `write` and `transaction` make that safe
 * across fibers: a transaction holds the write connection until it ends, calls inside it
 * join it, and reads outside it see committed data only.
 *
 * @category services
 * @since 0.1.0
 */
export class SqliteDatabase extends Context.Service<SqliteDatabase, {
  readonly filename: string
  /** The raw write connection. Statements run on it directly bypass the transaction discipline. */
  readonly connection: BetterSqlite3.Database
  /** Prepares statements on the write connection, through the cache when it is on. */
  readonly statements: StatementSource
  /** The write connection's statement cache, when it is on (to read its counters). */
  readonly statementCache: StatementCache | undefined
  /** A query builder for this schema. Run its queries with `execute`, not `.execute()`. */
  readonly kysely: Kysely<Tables>
  /** Runs a kysely query and returns its rows; a write outside a transaction is one of its own. */
  readonly execute: <O>(query: Compilable<O>) => Effect.Effect<Array<O>, StorageError>
  /**
   * Runs `f` inside the current transaction, or else on committed data only: in one
   * snapshot on the read-only connection of a file database, or on `:memory:` once the
   * open transaction (if any) has ended. `f` must only read.
   */
  readonly read: <A>(f: (statements: StatementSource) => A) => Effect.Effect<A, StorageError>
  /**
   * `read` for an `f` that runs exactly one statement (a point read, one query): SQLite
   * runs a statement on one snapshot, so on the read-only connection it skips the
   * `BEGIN`/`COMMIT` around it. `f` must only read, with one statement.
   *
   * @since 0.4.0
   */
  readonly readOne: <A>(f: (statements: StatementSource) => A) => Effect.Effect<A, StorageError>
  /**
   * Runs `f` atomically: under a savepoint of the current transaction, or in a transaction
   * of its own. When `f` throws, nothing it wrote stays, and the error is `classify(error)`
   * or, when that is `undefined`, a `StorageError`. `tables`, when given, names every table
   * `f` may change, each by its name or by a prefix ending in `_` (`"points_"`): a cached
   * read that names the tables it reads, none of them among these, keeps what it holds (see
   * `cachedRead`). A write that changes a table it does not name leaves such a cache stale:
   * name them all, or none.
   */
  readonly write: <A, E = never>(
    f: (statements: StatementSource) => A,
    classify?: (error: unknown) => E | undefined,
    tables?: ReadonlyArray<string>
  ) => Effect.Effect<A, E | StorageError>
  /** Runs `effect` as one transaction (`BEGIN IMMEDIATE`), or joins the current one. */
  readonly transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StorageError, R>
  /**
   * A read by key kept in memory while the database stays as it was: `cachedRead(capacity)`
   * makes one cache (at most `capacity` keys), and each call answers from it unless any
   * row changed since it was read — on this connection (every insert, update or delete,
   * even one rolled back) or by a commit of any other connection or process on the same
   * file (seen from the next turn of the event loop: within one synchronous run, every
   * cached read answers as of the first one). Then the whole cache is dropped and `f`
   * reads again. Inside a transaction, or
   * while another fiber's is open, `f` reads and nothing is kept. For the hottest point
   * reads (the person behind every request, the node every scope check reads): an answer
   * is never older than the last change. `f` must only read, with one statement, and what
   * it returns is shared between callers: never mutate it.
   *
   * `tables`, when given, names every table `f` reads: then a `write` that names the tables
   * it changes, none of them among these, does not drop the cache (a points transfer keeps
   * the people and posts every request reads). Every other change still does. Make each
   * cache once, when the store is built.
   *
   * @since 0.5.0
   */
  readonly cachedRead: <K, A>(capacity: number, tables?: ReadonlyArray<string>) => (key: K, f: (statements: StatementSource) => A) => Effect.Effect<A, StorageError>
  /**
   * Runs `f` once what the current fiber has written is committed (never if it rolls
   * back); at once outside a transaction. For in-process caches of committed rows.
   */
  readonly afterCommit: (f: () => void) => Effect.Effect<void>
  /**
   * What the caller keeps for the rest of the current fiber's open transaction under `key`
   * (an object of its own; made by `make` the first time), or `undefined` outside a
   * transaction. It ends with the transaction, committed or rolled back: for facts learnt
   * from rows the transaction wrote, e.g. keys an import's batches share.
   *
   * @since 0.5.0
   */
  readonly transactionMemo: <A>(key: object, make: () => A) => Effect.Effect<A | undefined>
  /**
   * Waits for the open transaction, if any, then closes the connections. Calling it again
   * does nothing; calling it inside a transaction never returns.
   */
  readonly close: Effect.Effect<void>
}>()("@mulin/adapter-sqlite/SqliteDatabase") {
  /**
   * Opens and migrates a database. The caller closes it; {@link SqliteDatabase.layer}
   * does that on release.
   *
   * @category constructors
   * @since 0.1.0
   */
  static readonly make = (options: SqliteOptions): Effect.Effect<SqliteDatabase["Service"], StorageError> => make(options)

  /**
   * Opens and migrates the database; it is closed when the layer is released.
   *
   * @category layers
   * @since 0.1.0
   */
  static readonly layer = (options: SqliteOptions): Layer.Layer<SqliteDatabase, StorageError> =>
    Layer.effect(SqliteDatabase, Effect.acquireRelease(make(options), (db) => db.close))
}

const make = (options: SqliteOptions): Effect.Effect<SqliteDatabase["Service"], StorageError> =>
  Effect.flatMap(Clock.currentTimeMillis, (millis) =>
    Effect.try({
      try: () => {
        const connection = openConnection(options.filename)
        try {
          migrate(connection, new Date(millis).toISOString())
          return fromConnection(connection, options)
        } catch (error) {
          connection.close()
          throw error
        }
      },
      catch: storageError
    }))

/** Builds the service over an open, migrated connection. */
const fromConnection = (connection: BetterSqlite3.Database, options: SqliteOptions): SqliteDatabase["Service"] => {
  const cached = (db: BetterSqlite3.Database) => makeStatementCache(db, { capacity: options.statementCacheCapacity ?? DEFAULT_CAPACITY })
  const source = (db: BetterSqlite3.Database): StatementSource => (options.statementCache === false ? uncached(db) : cached(db))
  const statementCache = options.statementCache === false ? undefined : cached(connection)
  const statements = statementCache ?? uncached(connection)
  const withReader = options.readConnection !== false && !isPrivate(options.filename)
  const readConnection = withReader ? openReader(options.filename) : undefined
  const reader = readConnection && { connection: readConnection, statements: source(readConnection) }
  const runner = makeRunner({ writer: connection, statements, reader })
  const kysely = new Kysely<Tables>({ dialect: new SqliteDialect({ database: statements }) })

  const rows = <O>({ parameters, sql }: CompiledQuery<O>) => (s: StatementSource): Array<O> => {
    const statement = s.prepare(sql)
    if (statement.reader) return statement.all(...parameters) as Array<O>
    statement.run(...parameters)
    return []
  }

  return SqliteDatabase.of({
    filename: options.filename,
    connection,
    statements,
    statementCache,
    kysely,
    execute: (query) => {
      const compiled = query.compile()
      return compiled.query.kind === "SelectQueryNode"
        ? runner.readOne(rows(compiled), storageError)
        : runner.write(rows(compiled), storageError)
    },
    read: (f) => runner.read(f, storageError),
    readOne: (f) => runner.readOne(f, storageError),
    write: (f, classify, tables) => runner.write(f, (error) => classify?.(error) ?? storageError(error), tables),
    transaction: (effect) => runner.transaction(effect, storageError),
    afterCommit: runner.afterCommit,
    transactionMemo: runner.memo,
    cachedRead: <K, A>(capacity: number, tables?: ReadonlyArray<string>) => {
      const read = runner.cached<K, A>(capacity, tables)
      return (key: K, f: (statements: StatementSource) => A) => read(key, f, storageError)
    },
    close: runner.exclusive(Effect.sync(() => {
      reader?.statements.close()
      statements.close()
    }))
  })
}
