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
})
