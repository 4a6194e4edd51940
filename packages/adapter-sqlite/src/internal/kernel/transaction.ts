/**
 * Transactions on the write connection, and where reads run.
 *
 * better-sqlite3 runs every statement synchronously, but a unit of work is an Effect that
 * may yield between statements, and meanwhile other fibers run. So:
 * - a semaphore with one permit is held for the whole of a transaction: transactions run
 *   one at a time, and each starts with `BEGIN IMMEDIATE`, so it holds SQLite's write
 *   lock from the start and a read-then-write can never fail on upgrading the lock;
 * - the open transaction travels in a `Context.Reference`, which the fibers of the unit of
 *   work inherit: calls made inside it join it, without any port knowing about it;
 * - a read outside any transaction must not see another fiber's uncommitted writes. While
 *   no transaction is open it runs on the write connection itself: better-sqlite3 is
 *   synchronous, so nothing can begin in the middle of it, and that connection's page cache
 *   stays warm (its own commits do not invalidate it). While another fiber's transaction
 *   is open, a file database reads on a second, read-only connection: in WAL mode it sees
 *   the last commit and never waits for the writer (an import holding the write connection
 *   for seconds does not stall the API). The read-only connection is not the default
 *   because every commit of the writer empties its page cache, which then costs each of
 *   its reads more than the read itself. `:memory:` cannot be shared between connections,
 *   so there a read waits for the open transaction to end.
 *
 * On `:memory:`, a fiber must not wait, inside a transaction, for a fiber that does not
 * inherit it (a detached fiber, another runtime) and that reads the same database: that
 * one would wait for the permit forever.
 */
import type BetterSqlite3 from "better-sqlite3"
import { Context, Effect, Exit, Semaphore } from "effect"
import type { StatementSource } from "../../StatementCache.js"

/** One open transaction. `active` turns false when it ends, for fibers that outlive it. */
interface OpenTransaction {
  readonly connection: BetterSqlite3.Database
  active: boolean
  /** Run once the transaction has committed (never when it rolls back). */
  readonly committed: Array<() => void>
  /** What callers keep for the rest of this transaction, by their key (see `Runner.memo`). */
  memo?: Map<object, unknown>
}

/**
 * The transactions the current fiber is inside, one per connection (a unit of work may
 * span two databases).
 */
export const CurrentTransactions = Context.Reference<ReadonlyArray<OpenTransaction>>(
  "@mulin/adapter-sqlite/CurrentTransactions",
  { defaultValue: () => [] }
)

/** How many rows this connection has changed since it opened. */
const CHANGES = "SELECT total_changes()"
/** Changes whenever another connection commits. */
const DATA_VERSION = "PRAGMA data_version"

/** The primitives every repository on one database is built from. */
export interface Runner {
  /** Runs `f` inside the current transaction, or on committed data only. */
  readonly read: <A, E>(f: (statements: StatementSource) => A, onError: (cause: unknown) => E) => Effect.Effect<A, E>
  /**
   * `read` for an `f` that runs one statement: a statement is its own snapshot, so on the
   * read-only connection it runs without `BEGIN`/`COMMIT` around it.
   */
  readonly readOne: <A, E>(f: (statements: StatementSource) => A, onError: (cause: unknown) => E) => Effect.Effect<A, E>
  /**
   * Runs `f` atomically on the write connection: under a savepoint inside the current
   * transaction (so a throw undoes `f` alone), or in a transaction of its own. `tables`,
   * when given, names every table `f` may change (a name, or a prefix ending in `_`):
   * cached reads of other tables keep what they hold.
   */
  readonly write: <A, E>(f: (statements: StatementSource) => A, onError: (cause: unknown) => E, tables?: ReadonlyArray<string>) => Effect.Effect<A, E>
  /** Runs `effect` as one transaction, or joins the current one. */
  readonly transaction: <A, E, R, E2>(effect: Effect.Effect<A, E, R>, onError: (cause: unknown) => E2) => Effect.Effect<A, E | E2, R>
  /**
   * Runs `f` once what the current fiber has written is committed: when the open
   * transaction commits (never if it rolls back), or at once outside any transaction.
   * For caches of committed rows; `f` must not throw.
   */
  readonly afterCommit: (f: () => void) => Effect.Effect<void>
  /**
   * A read by key kept in memory while the database stays as it was: see
   * `SqliteDatabase.cachedRead`. Holds at most `capacity` keys. `tables`, when given, names
   * the tables the reads read: a write declared to change none of them keeps the cache.
   */
  readonly cached: <K, A>(capacity: number, tables?: ReadonlyArray<string>) => <E>(key: K, f: (statements: StatementSource) => A, onError: (cause: unknown) => E) => Effect.Effect<A, E>
  /**
   * What the caller keeps for the rest of the open transaction under `key` (made by `make`
   * the first time), or `undefined` outside a transaction. It goes with the transaction,
   * committed or rolled back: for facts learnt from rows the transaction wrote, which hold
   * until it ends.
   */
  readonly memo: <A>(key: object, make: () => A) => Effect.Effect<A | undefined>
  /** Runs `effect` while no transaction is open. */
  readonly exclusive: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E, R>
}

/** The write connection, and the read-only one when there is one. */
export interface Connections {
  readonly writer: BetterSqlite3.Database
  readonly statements: StatementSource
  readonly reader: { readonly connection: BetterSqlite3.Database; readonly statements: StatementSource } | undefined
}

/** Makes the runner of one database. */
export const makeRunner = ({ reader, statements, writer }: Connections): Runner => {
  const lock = Semaphore.makeUnsafe(1)
  const exec = (sql: string) => statements.prepare(sql).run()

  const rollbackQuietly = () => {
    // SQLite may already have rolled back by itself (SQLITE_FULL, SQLITE_IOERR, …).
    if (writer.inTransaction) {
      try {
        exec("ROLLBACK")
      } catch {
        // Nothing more can be done: the error that caused the rollback is reported.
      }
    }
  }

  const joined = (open: ReadonlyArray<OpenTransaction>) => open.some((t) => t.connection === writer && t.active)

  const savepoint = <A>(f: (statements: StatementSource) => A): A => {
    exec("SAVEPOINT mulin_write")
    try {
      const result = f(statements)
      exec("RELEASE mulin_write")
      return result
    } catch (error) {
      if (writer.inTransaction) {
        exec("ROLLBACK TO mulin_write")
        exec("RELEASE mulin_write")
      }
      throw error
    }
  }

  const transaction = <A, E, R, E2>(effect: Effect.Effect<A, E, R>, onError: (cause: unknown) => E2): Effect.Effect<A, E | E2, R> =>
    Effect.flatMap(CurrentTransactions, (open) => {
      if (joined(open)) return effect
      return lock.withPermits(1)(Effect.uninterruptibleMask((restore) => {
        const current: OpenTransaction = { connection: writer, active: true, committed: [] }
        return Effect.try({ try: () => exec("BEGIN IMMEDIATE"), catch: onError }).pipe(
          Effect.flatMap(() => Effect.exit(restore(Effect.provideService(effect, CurrentTransactions, [...open, current])))),
          Effect.flatMap((exit): Effect.Effect<A, E | E2> => {
            current.active = false
            if (Exit.isFailure(exit)) {
              rollbackQuietly()
              return exit
            }
            try {
              exec("COMMIT")
            } catch (error) {
              rollbackQuietly()
              return Effect.fail(onError(error))
            }
            for (const f of current.committed) f()
            return exit
          })
        )
      }))
    })

  /**
   * Runs `f` on a connection with no open transaction in one read transaction, so that a
   * read of several statements sees one snapshot even while another process commits.
   */
  const snapshot = <A>(f: (statements: StatementSource) => A, on: { readonly connection: BetterSqlite3.Database; readonly statements: StatementSource }): A => {
    on.statements.prepare("BEGIN").run()
    try {
      return f(on.statements)
    } finally {
      if (on.connection.inTransaction) on.statements.prepare("COMMIT").run()
    }
  }
  const onWriter = { connection: writer, statements }

  const reads = (single: boolean) => <A, E>(f: (statements: StatementSource) => A, onError: (cause: unknown) => E): Effect.Effect<A, E> =>
    Effect.flatMap(CurrentTransactions, (open) => {
      if (joined(open)) return Effect.try({ try: () => f(statements), catch: onError })
      if (reader !== undefined) {
        // The write connection while it is idle (a synchronous read cannot be interleaved), else the reader.
        const on = writer.inTransaction ? reader : onWriter
        return Effect.try({ try: single ? () => f(on.statements) : () => snapshot(f, on), catch: onError })
      }
      const run = Effect.try({ try: () => f(statements), catch: onError })
      // `inTransaction` here means another fiber's transaction is open: wait for its end.
      return writer.inTransaction ? lock.withPermits(1)(run) : run
    })
  const read = reads(false)
  const readOne = reads(true)

  const write = <A, E>(f: (statements: StatementSource) => A, onError: (cause: unknown) => E, tables?: ReadonlyArray<string>): Effect.Effect<A, E> =>
    transaction(Effect.try({ try: tables === undefined ? () => savepoint(f) : () => declared(f, tables), catch: onError }), onError)

  const afterCommit = (f: () => void): Effect.Effect<void> =>
    Effect.flatMap(CurrentTransactions, (open) =>
      Effect.sync(() => {
        const current = open.find((t) => t.connection === writer && t.active)
        if (current === undefined) f()
        else current.committed.push(f)
      }))

  const memo = <A>(key: object, make: () => A): Effect.Effect<A | undefined> =>
    Effect.map(CurrentTransactions, (open) => {
      const current = open.find((t) => t.connection === writer && t.active)
      if (current === undefined) return undefined
      const kept = (current.memo ??= new Map())
      let value = kept.get(key) as A | undefined
      if (value === undefined) kept.set(key, value = make())
      return value
    })

  // What a cached read holds is right while the database is as it was when it read it: no
  // row changed by this connection (`total_changes()`, rolled-back changes included; a
  // statement that reads no page, about a microsecond) and no commit by any other connection
  // or process (`PRAGMA data_version`, which costs as much as a point read). The latter is
  // read once per synchronous run: until the next microtask checkpoint, nothing else in this
  // process runs, so every read of that run sees the database as of one instant within it.
  // Both are prepared apart from the statement cache: they read no table of a store.
  // A cache that names the tables it reads does not count the changes of writes declared to
  // change only other tables (a points transfer keeps the people and posts every request
  // reads): each such write adds what it changed to the cache's `ignored`, so its count,
  // `total_changes() - ignored`, moves only with the other changes. Both only grow, so an
  // equal count means no change it depends on.
  let changesStatement: BetterSqlite3.Statement | undefined
  let versionStatement: BetterSqlite3.Statement | undefined
  const changesNow = (): number => (changesStatement ??= writer.prepare(CHANGES).pluck()).get() as number
  let version = -1
  let versionFresh = false
  const versionStale = () => {
    versionFresh = false
  }
  const versionNow = (): number => {
    if (!versionFresh) {
      version = (versionStatement ??= writer.prepare(DATA_VERSION).pluck()).get() as number
      versionFresh = true
      queueMicrotask(versionStale)
    }
    return version
  }

  /** A cache that names the tables it reads, and the changes it does not count. */
  interface Watch {
    readonly tables: ReadonlyArray<string>
    ignored: number
  }
  const watches: Array<Watch> = []
  const touches = (watch: Watch, written: ReadonlyArray<string>): boolean =>
    watch.tables.some((table) => written.some((w) => (w.endsWith("_") ? table.startsWith(w) : table === w)))
  /** `savepoint(f)` for an `f` that changes only `written`: caches of other tables do not count its changes. */
  const declared = <A>(f: (statements: StatementSource) => A, written: ReadonlyArray<string>): A => {
    if (watches.length === 0) return savepoint(f)
    const before = changesNow()
    try {
      return savepoint(f)
    } finally {
      const changed = changesNow() - before
      if (changed !== 0) {
        for (const watch of watches) if (!touches(watch, written)) watch.ignored += changed
      }
    }
  }

  const cached = <K, A>(capacity: number, tables?: ReadonlyArray<string>) => {
    const entries = new Map<K, A>()
    const watch: Watch | undefined = tables === undefined ? undefined : { tables: [...tables], ignored: 0 }
    if (watch !== undefined) watches.push(watch)
    let readChanges = -1
    let readVersion = -1
    return <E>(key: K, f: (statements: StatementSource) => A, onError: (cause: unknown) => E): Effect.Effect<A, E> =>
      Effect.flatMap(CurrentTransactions, (open) => {
        // Inside a transaction, or beside another fiber's: the uncommitted rows are not kept.
        if (joined(open) || writer.inTransaction) return readOne(f, onError)
        return Effect.try({
          try: () => {
            const changes = changesNow() - (watch === undefined ? 0 : watch.ignored)
            const version = versionNow()
            if (changes !== readChanges || version !== readVersion) {
              entries.clear()
              readChanges = changes
              readVersion = version
            }
            if (entries.has(key)) return entries.get(key) as A
            const value = f(statements)
            if (entries.size >= capacity) entries.delete(entries.keys().next().value as K)
            entries.set(key, value)
            return value
          },
          catch: onError
        })
      })
  }

  return { read, readOne, write, transaction, afterCommit, cached, memo, exclusive: lock.withPermits(1) }
}
