/**
 * The statements a unit of work sends without waiting for their answer (`BEGIN`, savepoints,
 * `PostgresDatabase.send`) and prepared statements on a real server: their failure is the failure of the next statement
 * waited for, or of the commit, and nothing of a failed unit of work stays; a write's savepoint
 * still undoes that write alone; `COPY` still works on the pipelined connection.
 */
import { Cause, Effect, Exit, Layer } from "effect"
import { describe, expect, it, inject } from "vitest"
import * as Postgres from "../src/index.js"
import { layerFresh, migratedTemplate } from "../testing/layer.js"

const server = inject("postgresUrl")
const template = await migratedTemplate(server, "pipeline")

const run = <A, E>(effect: Effect.Effect<A, E, Postgres.PostgresDatabase>): Promise<A> =>
  Effect.runPromise(effect.pipe(Effect.provide(Layer.fresh(layerFresh(server, template))), Effect.scoped) as Effect.Effect<A, unknown>)

const setup = Effect.gen(function*() {
  const db = yield* Postgres.PostgresDatabase
  yield* db.query("CREATE TABLE trips (id text PRIMARY KEY, n int NOT NULL)")
  return db
})

const ids = (db: Postgres.PostgresDatabase["Service"]) => Effect.map(db.query<{ id: string }>("SELECT id FROM trips ORDER BY id"), (rows) => rows.map((r) => r.id))

/** The SQLSTATE a failed exit carries, through the `StorageError` around the driver's error. */
const stateOf = (exit: Exit.Exit<unknown, unknown>): string | undefined => {
  if (Exit.isSuccess(exit)) return undefined
  const error = Cause.squash(exit.cause) as { cause?: { code?: string }; code?: string }
  return error.cause?.code ?? error.code
}

describe("statements sent without waiting, on PostgreSQL", () => {
  it("fails the next statement waited for when a statement sent before it fails, and keeps nothing of the unit of work", () =>
    run(Effect.gen(function*() {
      const db = yield* setup
      let reached = false
      const exit = yield* Effect.exit(db.transaction(Effect.gen(function*() {
        yield* db.change("INSERT INTO trips (id, n) VALUES ('a', 1)")
        yield* db.send("SELECT 1 / $1::int", [0])
        yield* db.query("SELECT 1")
        reached = true
      })))
      expect(stateOf(exit)).toBe("22012")
      expect(reached).toBe(false)
      expect(yield* ids(db)).toEqual([])
    })))

  it("fails the commit when the last statement sent fails, and keeps nothing", () =>
    run(Effect.gen(function*() {
      const db = yield* setup
      const exit = yield* Effect.exit(db.transaction(Effect.gen(function*() {
        yield* db.change("INSERT INTO trips (id, n) VALUES ('a', 1)")
        yield* db.send("SELECT 1 / $1::int", [0])
      })))
      expect(stateOf(exit)).toBe("22012")
      expect(yield* ids(db)).toEqual([])
    })))

  it("commits what was sent without waiting when it succeeds", () =>
    run(Effect.gen(function*() {
      const db = yield* setup
      yield* db.transaction(Effect.gen(function*() {
        yield* db.send("INSERT INTO trips (id, n) VALUES ($1, 1)", ["a"])
        yield* db.send("INSERT INTO trips (id, n) VALUES ($1, 2)", ["b"])
      }))
      expect(yield* ids(db)).toEqual(["a", "b"])
    })))

  it("undoes a failed write alone under its savepoint, and the unit of work goes on and commits", () =>
    run(Effect.gen(function*() {
      const db = yield* setup
      yield* db.transaction(Effect.gen(function*() {
        yield* db.write(db.change("INSERT INTO trips (id, n) VALUES ('a', 1)"))
        const clash = yield* Effect.exit(db.write(Effect.gen(function*() {
          yield* db.change("INSERT INTO trips (id, n) VALUES ('b', 2)")
          yield* db.change("INSERT INTO trips (id, n) VALUES ('a', 3)")
        })))
        expect(Exit.isFailure(clash)).toBe(true)
        // A write that fails before any statement: its savepoint is rolled back too.
        const refused = yield* Effect.exit(db.write(Effect.fail("refused")))
        expect(Exit.isFailure(refused)).toBe(true)
        yield* db.write(db.change("INSERT INTO trips (id, n) VALUES ('c', 4)"))
      }))
      expect(yield* ids(db)).toEqual(["a", "c"])
    })))

  it("runs a prepared statement in and out of units of work, on every connection, also after a unit of work where it failed", () =>
    run(Effect.gen(function*() {
      const db = yield* setup
      const insert = Postgres.prepared("INSERT INTO trips (id, n) VALUES ($1, $2)")
      const byId = Postgres.prepared("SELECT n FROM trips WHERE id = $1")
      // The name comes from the text: the same text prepared twice is one statement, another text another.
      expect(Postgres.prepared("SELECT n FROM trips WHERE id = $1")).toEqual(byId)
      expect(insert.name).not.toBe(byId.name)
      yield* Effect.forEach(["a", "b", "c", "d", "e", "f"], (id, n) => db.change(insert, [id, n]), { concurrency: 6, discard: true })
      const failed = yield* Effect.exit(db.transaction(Effect.gen(function*() {
        yield* db.change(insert, ["g", 7])
        yield* db.change(insert, ["a", 8])
      })))
      expect(stateOf(failed)).toBe("23505")
      const inside = yield* db.transaction(Effect.forEach(["a", "f"], (id) => db.query<{ n: number }>(byId, [id])))
      const outside = yield* Effect.forEach(["b", "c", "d", "e", "g"], (id) => db.query<{ n: number }>(byId, [id]), { concurrency: 5 })
      expect(inside.map((rows) => rows[0]!.n)).toEqual([0, 5])
      expect(outside.map((rows) => rows.map((r) => r.n))).toEqual([[1], [2], [3], [4], []])
    })))

  it("copies rows inside a unit of work after statements sent without waiting, and runs statements after the copy", () =>
    run(Effect.gen(function*() {
      const db = yield* setup
      const count = yield* db.transaction(Effect.gen(function*() {
        yield* db.send("INSERT INTO trips (id, n) VALUES ($1, 0)", ["a"])
        yield* Effect.mapError(db.copy("trips", ["id", "n"], [["b", 1], ["c", 2]]), (e) => e as Error)
        return yield* db.query<{ n: number }>("SELECT count(*) AS n FROM trips")
      }))
      expect(count[0]!.n).toBe(3)
      expect(yield* ids(db)).toEqual(["a", "b", "c"])
    })))
})
