/**
 * Transactions on a pool of PostgreSQL connections, and where statements run.
 *
 * - A unit of work takes one connection from the pool and runs `BEGIN ISOLATION LEVEL
 *   SERIALIZABLE` on it: PostgreSQL's serialisable snapshot isolation, not a single writer.
 *   Of two units of work that read and then write the same rows, one fails with a
 *   serialisation failure (SQLSTATE 40001) or a deadlock (40P01); the runner then rolls it
 *   back and runs the whole unit of work again, after a short random pause, up to
 *   {@link MAX_ATTEMPTS} times. A unit of work must therefore do nothing but database work
 *   (or work that is safe to repeat); what must happen once, after the commit, goes through
 *   `afterCommit`.
 * - The open transaction travels in a `Context.Reference`, which the fibers of the unit of
 *   work inherit: calls made inside it join it, without any port knowing about it. Its
 *   statements run one at a time on its connection.
 * - The connection of a unit of work is pipelined (`pg`'s `pipeline` mode): the statements
 *   whose answer nothing waits for travel with the next statement that is waited for, and
 *   their failure, if any, is that statement's failure (the first one, in the order sent); a
 *   failed one before `COMMIT` makes the commit fail. `BEGIN`, `SAVEPOINT` and `RELEASE
 *   SAVEPOINT` wait until a statement goes out and then go out before it as one message
 *   (several statements of the simple protocol); what a store sends with `send` (an advisory
 *   lock) goes out at once. A unit of work thus pays one round trip per statement whose
 *   answer it reads, plus the `COMMIT`; one that sent nothing sends no `BEGIN` and no
 *   `COMMIT`; a write that failed before any statement of its own sends no savepoint.
 * - A write inside a unit of work runs under a savepoint, so a statement that fails (a taken
 *   code) undoes that write alone and the unit of work can go on, as on SQLite.
 * - A read outside any unit of work runs on any idle connection and sees committed data
 *   only.
 */
import { Context, Effect, Exit, Semaphore } from "effect"
import type pg from "pg"
import { copyRows } from "./copy.js"

/** How many times a unit of work runs before a serialisation failure is reported. */
export const MAX_ATTEMPTS = 60

/** One open transaction. */
export interface OpenTransaction {
  readonly pool: pg.Pool
  readonly client: pg.PoolClient
  /** One statement at a time on the connection, whatever fibers the unit of work forks. */
  readonly lock: Semaphore.Semaphore
  active: boolean
  /** Set when a statement hit a serialisation failure or a deadlock: the whole unit runs again. */
  retry: boolean
  savepoints: number
  readonly committed: Array<() => void>
  /** Statements sent without waiting for their answer: each settles with its error, or undefined. */
  readonly unanswered: Array<Promise<unknown>>
  /** Statements without parameters (`BEGIN`, savepoints) not sent yet: they go out before the next statement. */
  readonly deferred: Array<string>
  /** Whether `BEGIN` went out: a unit of work that sent nothing has nothing to commit or roll back. */
  begun: boolean
  /**
   * Rows a statement of this transaction read along with its own rows, by key, for a later
   * read of the same transaction (the same snapshot): emptied by any statement that may write.
   */
  readonly kept: Map<string, unknown>
}

/** Forgets the rows kept when `sql` may write (anything but a `SELECT`). */
const forgetOnWrite = (tx: OpenTransaction, sql: string): void => {
  if (tx.kept.size > 0 && !sql.startsWith("SELECT ")) tx.kept.clear()
}

/** Sends the deferred statements, as one message, without waiting for their answer. */
const flush = (tx: OpenTransaction): void => {
  if (tx.deferred.length === 0) return
  const sql = tx.deferred.join("; ")
  tx.deferred.length = 0
  tx.begun = true
  tx.unanswered.push(settled(tx.client.query(sql)))
}

/** The answer of a statement sent without waiting: its error, or undefined. */
const settled = (p: Promise<unknown>): Promise<unknown> => p.then(() => undefined, (e: unknown) => (e === undefined ? new Error("statement failed") : e))

/** Waits for the statements sent without waiting; rejects with the first one's error. */
const answered = async (tx: OpenTransaction): Promise<void> => {
  const waiting = tx.unanswered.splice(0)
  for (const p of waiting) {
    const error = await p
    if (error !== undefined) {
      // The rest answer too (a failed transaction refuses them): they are not waited for.
      throw error
    }
  }
}

/**
 * Runs `statement` on the transaction's connection, after whatever was sent before it
 * without waiting: the first failure among those and it, or its answer.
 */
const ask = async (tx: OpenTransaction, statement: Statement): Promise<pg.QueryResult> => {
  forgetOnWrite(tx, statement.sql)
  flush(tx)
  const answer = settledResult(tx.client.query(config(statement)))
  await answered(tx)
  const r = await answer
  if (r.ok) return r.value
  throw r.error
}

/** What `pg` runs: a named statement is parsed once per connection. */
const config = (statement: Statement): pg.QueryConfig =>
  statement.name === undefined
    ? { text: statement.sql, values: statement.parameters as Array<unknown> }
    : { name: statement.name, text: statement.sql, values: statement.parameters as Array<unknown> }

/** A promise that never rejects: its value or its error. */
const settledResult = <A>(p: Promise<A>): Promise<{ ok: true; value: A } | { ok: false; error: unknown }> =>
  p.then((value) => ({ ok: true as const, value }), (error: unknown) => ({ ok: false as const, error }))

/** Turns `pg`'s pipeline mode on or off on an idle connection. */
const pipelined = (client: pg.ClientBase, on: boolean): void => {
  ;(client as unknown as { pipeline: boolean }).pipeline = on
}

/** The transactions the current fiber is inside (one per pool). */
export const CurrentTransactions = Context.Reference<ReadonlyArray<OpenTransaction>>(
  "@mulin/adapter-postgres/CurrentTransactions",
  { defaultValue: () => [] }
)

/** Waits `ms` milliseconds of real time. */
const pause = (ms: number): Effect.Effect<void> => Effect.promise(() => new Promise<void>((resolve) => setTimeout(resolve, ms)))

/** The SQLSTATE of a driver error, if it has one. */
export const sqlState = (error: unknown): string | undefined =>
  typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined

/** Serialisation failures and deadlocks: the unit of work may succeed when run again. */
export const isRetryable = (error: unknown): boolean => {
  const code = sqlState(error)
  return code === "40001" || code === "40P01"
}

/** A statement and its parameters. */
export interface Statement {
  readonly sql: string
  /** The name it is prepared under, once per connection (see `prepared`); none for a statement parsed each time. */
  readonly name?: string | undefined
  readonly parameters: ReadonlyArray<unknown>
}

/** The primitives every repository on one database is built from. */
export interface Runner {
  /** Runs one statement: in the current transaction, or on its own. */
  readonly query: <R>(statement: Statement) => Effect.Effect<{ readonly rows: Array<R>; readonly rowCount: number }, unknown>
  /**
   * Sends one statement in the current transaction without waiting for its answer: its
   * failure is the failure of the next statement waited for (or of the commit). Outside a
   * transaction, runs it on its own and waits.
   */
  readonly send: (statement: Statement) => Effect.Effect<void, unknown>
  /** Copies rows into a table (`COPY … FROM STDIN`): in the current transaction, or on its own; the number of rows copied. */
  readonly copy: (table: string, columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>) => Effect.Effect<number, unknown>
  /** Runs `effect` as one transaction, or joins the current one. */
  readonly transaction: <A, E, R, E2>(effect: Effect.Effect<A, E, R>, onError: (cause: unknown) => E2) => Effect.Effect<A, E | E2, R>
  /**
   * Runs `effect` atomically: under a savepoint of the current transaction (so a failure
   * undoes `effect` alone), or in a transaction of its own.
   */
  readonly write: <A, E, R, E2>(effect: Effect.Effect<A, E, R>, onError: (cause: unknown) => E2) => Effect.Effect<A, E | E2, R>
  /** Runs `effect` in the current transaction, or in one read-only snapshot. */
  readonly read: <A, E, R, E2>(effect: Effect.Effect<A, E, R>, onError: (cause: unknown) => E2) => Effect.Effect<A, E | E2, R>
  /** Runs `f` once the current transaction commits (never if it rolls back); at once outside one. */
  readonly afterCommit: (f: () => void) => Effect.Effect<void>
}

/**
 * Makes the runner of one pool. At most `transactions` units of work hold a connection at
 * once: the pool keeps the rest for statements outside any unit of work, which a unit of work
 * may wait for (a fiber it does not share its transaction with). Without that reserve, as
 * many units of work as connections, each waiting for such a read, would wait forever.
 */
export const makeRunner = (pool: pg.Pool, transactions: number): Runner => {
  const slots = Semaphore.makeUnsafe(Math.max(1, transactions))
  const current = Effect.map(CurrentTransactions, (open) => open.find((t) => t.pool === pool && t.active))

  const onClient = (client: pg.ClientBase, statement: Statement) =>
    Effect.tryPromise({ try: () => client.query(config(statement)), catch: (e) => e })

  /** Marks the transaction to run again when `e` is a serialisation failure or a deadlock. */
  const noteRetry = (open: OpenTransaction) => (e: unknown) =>
    Effect.sync(() => {
      if (isRetryable(e)) open.retry = true
    })

  const query = <R>(statement: Statement) =>
    Effect.flatMap(current, (open) => {
      if (open === undefined) {
        return Effect.map(
          Effect.tryPromise({ try: () => pool.query(config(statement)), catch: (e) => e }),
          (r) => ({ rows: r.rows as Array<R>, rowCount: r.rowCount ?? 0 })
        )
      }
      return open.lock.withPermits(1)(Effect.tryPromise({ try: () => ask(open, statement), catch: (e) => e })).pipe(
        Effect.tapError(noteRetry(open)),
        Effect.map((r) => ({ rows: r.rows as Array<R>, rowCount: r.rowCount ?? 0 }))
      )
    })

  /** Sends a statement on the transaction's connection; its answer is waited for with the next statement. */
  const post = (open: OpenTransaction, statement: Statement): void => {
    forgetOnWrite(open, statement.sql)
    flush(open)
    open.unanswered.push(settled(open.client.query(config(statement))))
  }

  const send = (statement: Statement) =>
    Effect.flatMap(current, (open) =>
      open === undefined
        ? Effect.asVoid(query(statement))
        : open.lock.withPermits(1)(Effect.sync(() => post(open, statement))))

  const copy = (table: string, columns: ReadonlyArray<string>, rows: ReadonlyArray<ReadonlyArray<unknown>>) =>
    Effect.flatMap(current, (open) => {
      if (open === undefined) {
        // One COPY is one statement: atomic on a connection of its own.
        return Effect.acquireUseRelease(
          Effect.tryPromise({ try: () => pool.connect(), catch: (e) => e }),
          (client) => Effect.tryPromise({ try: () => copyRows(client, table, columns, rows), catch: (e) => e }),
          (client, exit) => Effect.sync(() => client.release(Exit.isFailure(exit) ? true : undefined))
        )
      }
      // COPY streams through a query object of its own, which a pipelined connection refuses:
      // the connection is idle once what was sent before is answered.
      const copied = async () => {
        open.kept.clear()
        flush(open)
        await answered(open)
        pipelined(open.client, false)
        try {
          return await copyRows(open.client, table, columns, rows)
        } finally {
          pipelined(open.client, true)
        }
      }
      return open.lock.withPermits(1)(Effect.tryPromise({ try: copied, catch: (e) => e })).pipe(Effect.tapError(noteRetry(open)))
    })

  const exec = (client: pg.ClientBase, sql: string) => onClient(client, { sql, parameters: [] })

  const release = (client: pg.PoolClient, broken: boolean) =>
    Effect.sync(() => {
      pipelined(client, false)
      client.release(broken ? true : undefined)
    })

  /** Commits, with the deferred statements in the same message; nothing when nothing went out. */
  const commit = (tx: OpenTransaction) =>
    Effect.tryPromise({
      try: async () => {
        if (!tx.begun) return
        tx.deferred.push("COMMIT")
        flush(tx)
        await answered(tx)
      },
      catch: (e) => e
    })

  /** Rolls back what went out (the deferred statements are dropped); nothing when nothing went out. */
  const rollback = (tx: OpenTransaction) => {
    tx.deferred.length = 0
    tx.unanswered.length = 0
    return tx.begun ? Effect.asVoid(exec(tx.client, "ROLLBACK")) : Effect.void
  }

  /** One attempt: the exit of the effect, and whether it must run again. */
  const attempt = <A, E, R>(effect: Effect.Effect<A, E, R>, begin: string, open: ReadonlyArray<OpenTransaction>) =>
    Effect.uninterruptibleMask((restore) =>
      Effect.flatMap(Effect.tryPromise({ try: () => pool.connect(), catch: (e) => e }), (client) => {
        const tx: OpenTransaction = { pool, client, lock: Semaphore.makeUnsafe(1), active: true, retry: false, savepoints: 0, committed: [], unanswered: [], deferred: [begin], begun: false, kept: new Map() }
        // BEGIN travels with the unit of work's first statement.
        return Effect.sync(() => pipelined(client, true)).pipe(
          Effect.flatMap(() => Effect.exit(restore(Effect.provideService(effect, CurrentTransactions, [...open, tx])))),
          Effect.flatMap((exit) => {
            tx.active = false
            if (Exit.isFailure(exit) || tx.retry) {
              // What was sent without waiting is answered first, whatever it says.
              return rollback(tx).pipe(
                Effect.matchEffect({
                  onFailure: () => Effect.as(release(client, true), { exit, retry: tx.retry }),
                  onSuccess: () => Effect.as(release(client, false), { exit, retry: tx.retry })
                })
              )
            }
            return commit(tx).pipe(
              Effect.matchEffect({
                onFailure: (error) =>
                  rollback(tx).pipe(
                    Effect.ignore,
                    Effect.andThen(release(client, false)),
                    Effect.andThen(isRetryable(error) ? Effect.succeed({ exit: exit as Exit.Exit<A, unknown>, retry: true }) : Effect.fail(error))
                  ),
                onSuccess: () =>
                  Effect.sync(() => {
                    for (const f of tx.committed) f()
                  }).pipe(Effect.andThen(release(client, false)), Effect.as({ exit: exit as Exit.Exit<A, unknown>, retry: false }))
              })
            )
          }),
          Effect.onError(() => release(client, true))
        )
      }))

  const run = <A, E, R, E2>(effect: Effect.Effect<A, E, R>, onError: (cause: unknown) => E2, begin: string): Effect.Effect<A, E | E2, R> =>
    Effect.flatMap(CurrentTransactions, (open) => {
      const loop = (n: number): Effect.Effect<A, E | E2, R> =>
        slots.withPermits(1)(attempt(effect, begin, open)).pipe(
          Effect.mapError(onError),
          Effect.flatMap(({ exit, retry }) => {
            if (retry && n < MAX_ATTEMPTS) {
              // Random pauses that grow: contenders spread out instead of colliding again. A real
              // timer, not the Clock service: a test clock must not stop the database's retries.
              return Effect.andThen(pause(Math.random() * Math.min(50, 1 + n * 2)), loop(n + 1))
            }
            return exit as Exit.Exit<A, E>
          })
        )
      return loop(1)
    })

  const transaction = <A, E, R, E2>(effect: Effect.Effect<A, E, R>, onError: (cause: unknown) => E2): Effect.Effect<A, E | E2, R> =>
    Effect.flatMap(current, (open) => (open === undefined ? run(effect, onError, "BEGIN ISOLATION LEVEL SERIALIZABLE") : effect))

  const write = <A, E, R, E2>(effect: Effect.Effect<A, E, R>, onError: (cause: unknown) => E2): Effect.Effect<A, E | E2, R> =>
    Effect.flatMap(current, (open) => {
      if (open === undefined) return run(effect, onError, "BEGIN ISOLATION LEVEL SERIALIZABLE")
      const name = `mulin_${++open.savepoints}`
      const savepoint = `SAVEPOINT ${name}`
      // SAVEPOINT and RELEASE go out with the next statement. A failed write whose savepoint
      // never went out sent nothing: the savepoint is dropped with what was deferred after it.
      // Otherwise what was deferred is inside the savepoint, and the rollback to it is waited for.
      const undo = Effect.suspend(() => {
        const at = open.deferred.indexOf(savepoint)
        if (at >= 0) {
          open.deferred.length = at
          return Effect.void
        }
        open.deferred.length = 0
        open.kept.clear()
        return Effect.asVoid(Effect.tryPromise({ try: () => ask(open, { sql: `ROLLBACK TO ${savepoint}`, parameters: [] }), catch: (e) => e }))
      })
      return Effect.flatMap(
        open.lock.withPermits(1)(Effect.sync(() => open.deferred.push(savepoint))),
        () =>
          Effect.exit(effect).pipe(
            Effect.flatMap((exit): Effect.Effect<A, E | E2> =>
              Exit.isSuccess(exit)
                ? Effect.andThen(open.lock.withPermits(1)(Effect.sync(() => open.deferred.push(`RELEASE ${savepoint}`))), exit)
                : open.lock.withPermits(1)(undo).pipe(
                  Effect.mapError((e) => {
                    if (isRetryable(e)) open.retry = true
                    return onError(e)
                  }),
                  Effect.andThen(exit)
                )
            )
          )
      )
    })

  const read = <A, E, R, E2>(effect: Effect.Effect<A, E, R>, onError: (cause: unknown) => E2): Effect.Effect<A, E | E2, R> =>
    Effect.flatMap(current, (open) => (open === undefined ? run(effect, onError, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") : effect))

  const afterCommit = (f: () => void): Effect.Effect<void> =>
    Effect.flatMap(current, (open) =>
      Effect.sync(() => {
        if (open === undefined) f()
        else open.committed.push(f)
      }))

  return { query, send, copy, transaction, write, read, afterCommit }
}


/** The open transaction of the current fiber on `pool`, if any. */
const openOn = (pool: pg.Pool) => Effect.map(CurrentTransactions, (open) => open.find((t) => t.pool === pool && t.active))

/** Whether the current fiber is inside a transaction on `pool`. */
export const inTransaction = (pool: pg.Pool): Effect.Effect<boolean> => Effect.map(openOn(pool), (tx) => tx !== undefined)

/**
 * Keeps rows read along with a statement's own for later reads of the current transaction on
 * `pool` (see `OpenTransaction.kept`); nothing outside a transaction.
 */
export const keep = (pool: pg.Pool, rows: ReadonlyArray<readonly [key: string, row: unknown]>): Effect.Effect<void> =>
  Effect.map(openOn(pool), (tx) => {
    if (tx !== undefined) for (const [key, row] of rows) tx.kept.set(key, row)
  })

/** The rows kept under `keys` in the current transaction on `pool` (a key not kept has no entry). */
export const kept = <A>(pool: pg.Pool, keys: ReadonlyArray<string>): Effect.Effect<ReadonlyMap<string, A>> =>
  Effect.map(openOn(pool), (tx) => {
    const found = new Map<string, A>()
    if (tx === undefined || tx.kept.size === 0) return found
    for (const key of keys) {
      const row = tx.kept.get(key)
      if (row !== undefined) found.set(key, row as A)
    }
    return found
  })
