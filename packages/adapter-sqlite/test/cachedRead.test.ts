import { Effect } from "effect"
import BetterSqlite3 from "better-sqlite3"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as Sqlite from "../src/index.js"
import { tempDir } from "./support.js"

const dir = tempDir()
let files = 0

/** A database with one table of names, and a cached read of a name that counts its reads. */
const withNames = <A>(f: (t: { readonly db: Sqlite.SqliteDatabase["Service"]; readonly file: string; readonly name: (id: string) => Effect.Effect<string | undefined, unknown>; readonly reads: () => number }) => Effect.Effect<A, unknown>) => {
  const file = join(dir, `cached-${files++}.db`)
  return Effect.runPromise(Effect.scoped(Effect.gen(function*() {
    const db = yield* Sqlite.SqliteDatabase
    db.connection.exec("CREATE TABLE names (id TEXT PRIMARY KEY, name TEXT NOT NULL); INSERT INTO names VALUES ('a', 'Ann'), ('b', 'Bo'), ('c', 'Cy')")
    let reads = 0
    const cached = db.cachedRead<string, string | undefined>(2)
    const name = (id: string) => cached(id, (s) => {
      reads++
      return (s.prepare("SELECT name FROM names WHERE id = ?").get(id) as { name: string } | undefined)?.name
    })
    return yield* f({ db, file, name, reads: () => reads })
  }).pipe(Effect.provide(Sqlite.SqliteDatabase.layer({ filename: file })))))
}

/** The next turn of the event loop. */
const nextTurn = Effect.promise(() => new Promise<void>((resolve) => setImmediate(resolve)))

describe("SqliteDatabase.cachedRead", () => {
  it("answers from memory while nothing changes, and reads again after any write on this connection", () =>
    withNames(({ db, name, reads }) => Effect.gen(function*() {
      expect(yield* name("a")).toBe("Ann")
      expect(yield* name("a")).toBe("Ann")
      expect(reads()).toBe(1)
      db.connection.prepare("UPDATE names SET name = 'Anna' WHERE id = 'a'").run()
      expect(yield* name("a")).toBe("Anna")
      expect(reads()).toBe(2)
      // A write to another table counts too: any change empties the cache.
      db.connection.prepare("UPDATE names SET name = 'Bob' WHERE id = 'b'").run()
      expect(yield* name("a")).toBe("Anna")
      expect(reads()).toBe(3)
    })))

  it("reads again after another connection or process committed, from the next turn of the event loop", () =>
    withNames(({ file, name, reads }) => Effect.gen(function*() {
      expect(yield* name("a")).toBe("Ann")
      yield* nextTurn
      const other = new BetterSqlite3(file)
      try {
        other.prepare("UPDATE names SET name = 'Annie' WHERE id = 'a'").run()
      } finally {
        other.close()
      }
      yield* nextTurn
      expect(yield* name("a")).toBe("Annie")
      expect(reads()).toBe(2)
    })))

  it("keeps nothing read inside a transaction, and nothing of one that rolled back", () =>
    withNames(({ db, name, reads }) => Effect.gen(function*() {
      expect(yield* name("a")).toBe("Ann")
      const failed = yield* Effect.exit(db.transaction(Effect.gen(function*() {
        yield* db.write((s) => s.prepare("UPDATE names SET name = 'Draft' WHERE id = 'a'").run())
        expect(yield* name("a")).toBe("Draft")
        expect(yield* name("a")).toBe("Draft")
        return yield* Effect.fail("undo")
      })))
      expect(failed._tag).toBe("Failure")
      expect(yield* name("a")).toBe("Ann")
      expect(reads()).toBe(4)
    })))

  it("holds at most its capacity, the oldest key out first", () =>
    withNames(({ name, reads }) => Effect.gen(function*() {
      yield* name("a")
      yield* name("b")
      yield* name("c")
      expect(reads()).toBe(3)
      yield* name("c")
      yield* name("b")
      expect(reads()).toBe(3)
      yield* name("a")
      expect(reads()).toBe(4)
    })))

  it("keeps what it holds across writes declared to change only other tables, and drops it on every other change", () =>
    withNames(({ db }) => Effect.gen(function*() {
      db.connection.exec("CREATE TABLE ledger_lines (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL); CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)")
      let reads = 0
      const cached = db.cachedRead<string, string | undefined>(10, ["names"])
      const name = (id: string) => cached(id, (s) => {
        reads++
        return (s.prepare("SELECT name FROM names WHERE id = ?").get(id) as { name: string } | undefined)?.name
      })
      const line = (amount: number) => (s: Sqlite.StatementSource) => s.prepare("INSERT INTO ledger_lines (amount) VALUES (?)").run(amount)
      expect(yield* name("a")).toBe("Ann")
      // Declared, by name or by prefix, in a transaction of its own or inside one: kept.
      yield* db.write(line(1), undefined, ["ledger_lines"])
      yield* db.write(line(2), undefined, ["ledger_"])
      yield* db.transaction(Effect.all([db.write(line(3), undefined, ["ledger_lines"]), db.write(line(4), undefined, ["ledger_lines"])]))
      // Rolled back, still declared: kept.
      yield* Effect.exit(db.transaction(Effect.andThen(db.write(line(5), undefined, ["ledger_lines"]), Effect.fail("undo"))))
      expect(yield* name("a")).toBe("Ann")
      expect(reads).toBe(1)
      // The same write, undeclared: dropped.
      yield* db.write(line(6))
      expect(yield* name("a")).toBe("Ann")
      expect(reads).toBe(2)
      // Declared to change the cached table (a prefix of it, or it among others): dropped, and the new name is read.
      yield* db.write((s) => s.prepare("UPDATE names SET name = 'Anna' WHERE id = 'a'").run(), undefined, ["notes", "names"])
      expect(yield* name("a")).toBe("Anna")
      expect(reads).toBe(3)
      yield* db.write((s) => s.prepare("UPDATE names SET name = 'Annie' WHERE id = 'a'").run(), undefined, ["na_", "names"])
      expect(yield* name("a")).toBe("Annie")
      expect(reads).toBe(4)
      // A write on the connection itself, outside `write`: dropped.
      db.connection.prepare("INSERT INTO notes (text) VALUES ('x')").run()
      expect(yield* name("a")).toBe("Annie")
      expect(reads).toBe(5)
      // A cache that names no tables counts every change, declared or not.
      let plain = 0
      const unnamed = db.cachedRead<string, number>(10)
      const count = Effect.suspend(() => unnamed("n", () => ++plain))
      yield* count
      yield* db.write(line(7), undefined, ["ledger_lines"])
      yield* count
      expect(plain).toBe(2)
    })))
})
