import { Grid, systemActor } from "@mulin/core"
import Database from "better-sqlite3"
import { Effect, Exit } from "effect"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { migrate, migrations } from "../src/internal/migrations.js"
import * as Sqlite from "../src/index.js"
import { runWith, tempDir } from "./support.js"

const sys = systemActor()
const dir = tempDir()

describe("SqliteDatabase", () => {
  it("keeps what was committed across close and reopen of a file database", async () => {
    const filename = join(dir, "persist.db")
    const county = await runWith(Sqlite.layer({ filename }))(Effect.gen(function*() {
      const grid = yield* Grid
      const county = yield* grid.createCounty(sys, { code: "370812", name: "兖州区" })
      yield* grid.createNode(sys, { parentId: county.id, code: "S1", name: "鼓楼街道" })
      return county
    }))
    const reopened = await runWith(Sqlite.layer({ filename }))(Effect.gen(function*() {
      const grid = yield* Grid
      return {
        counties: yield* grid.listCounties(sys),
        children: (yield* grid.children(sys, county.id)).items.map((n) => n.code)
      }
    }))
    expect(reopened.counties).toEqual([county])
    expect(reopened.children).toEqual(["S1"])
  })

  it("applies each migration once: reopening applies none and keeps one row per migration", async () => {
    const filename = join(dir, "migrate.db")
    await runWith(Sqlite.layer({ filename }))(Effect.void)
    await runWith(Sqlite.layer({ filename }))(Effect.void)
    const db = new Database(filename)
    try {
      expect(db.prepare("SELECT name FROM migrations ORDER BY name").all()).toEqual(migrations.map((m) => ({ name: m.name })))
      expect(migrate(db, "2026-01-01T00:00:00.000Z")).toEqual([])
    } finally {
      db.close()
    }
  })

  it("rolls a failing migration back entirely", () => {
    const db = new Database(":memory:")
    try {
      const broken = [{ name: "0001_broken", up: (d: Database.Database) => d.exec("CREATE TABLE t (x); CREATE TABLE t (y)") }]
      expect(() => migrate(db, "2026-01-01T00:00:00.000Z", broken)).toThrow()
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 't'").all()).toEqual([])
      expect(db.prepare("SELECT * FROM migrations").all()).toEqual([])
    } finally {
      db.close()
    }
  })

  it("refuses a database written by a newer version", async () => {
    const filename = join(dir, "newer.db")
    await runWith(Sqlite.layer({ filename }))(Effect.void)
    const db = new Database(filename)
    db.prepare("INSERT INTO migrations (name, applied_at) VALUES ('9999_future', 'x')").run()
    db.close()
    const error = await Effect.runPromise(Effect.flip(Effect.scoped(Effect.provide(Effect.void, Sqlite.layer({ filename })))))
    expect(error._tag).toBe("StorageError")
    expect(String((error as { cause?: unknown }).cause)).toContain("9999_future")
  })

  it("fails with StorageError when the file cannot be opened", async () => {
    const exit = await Effect.runPromiseExit(Effect.scoped(Effect.provide(Effect.void, Sqlite.layer({ filename: join(dir, "missing", "dir", "x.db") }))))
    expect(Exit.isFailure(exit)).toBe(true)
    expect(JSON.stringify(exit)).toContain("StorageError")
  })

  it("runs a file database in WAL mode with foreign keys, a busy timeout and synchronous=NORMAL", () =>
    runWith(Sqlite.layer({ filename: join(dir, "pragmas.db") }))(Effect.gen(function*() {
      const db = yield* Sqlite.SqliteDatabase
      const pragma = (name: string) => db.connection.pragma(name, { simple: true })
      expect(pragma("journal_mode")).toBe("wal")
      expect(pragma("foreign_keys")).toBe(1)
      expect(pragma("busy_timeout")).toBe(5000)
      expect(pragma("synchronous")).toBe(1)
    })))

  it("enforces foreign keys", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const db = yield* Sqlite.SqliteDatabase
      const error = yield* Effect.flip(db.execute(db.kysely.insertInto("nodes").values({
        id: "node_x", county_id: "node_nope", parent_id: null, path: "/node_x/", depth: 0, level: "county", code: "x", name: "x",
        party_organisation: null, status: "active", version: 1, created_at: "t", updated_at: "t"
      })))
      expect(error._tag).toBe("StorageError")
      expect(String((error as { cause?: unknown }).cause)).toContain("FOREIGN KEY")
    })))

  it("runs kysely queries through execute, and close is idempotent", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const grid = yield* Grid
      const db = yield* Sqlite.SqliteDatabase
      yield* grid.createCounty(sys, { code: "C1", name: "县" })
      const rows = yield* db.execute(db.kysely.selectFrom("counties").select(["code", "name"]))
      expect(rows).toEqual([{ code: "C1", name: "县" }])
      yield* db.close
      yield* db.close
      expect(db.connection.open).toBe(false)
    })))

  it("reports a corrupt row as StorageError instead of passing it to the domain", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const grid = yield* Grid
      const db = yield* Sqlite.SqliteDatabase
      const county = yield* grid.createCounty(sys, { code: "C1", name: "县" })
      yield* db.execute(db.kysely.updateTable("nodes").set({ name: "" }).where("id", "=", county.id))
      const error = yield* Effect.flip(grid.getNode(sys, county.id))
      expect(error._tag).toBe("StorageError")
    })))
})
