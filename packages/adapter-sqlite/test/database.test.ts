import { Grid, type GridNodeId, systemActor } from "@mulin/core"
import Database from "better-sqlite3"
import { Effect, Exit } from "effect"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { migrate, migrations } from "../src/internal/kernel/migrations.js"
import { CACHE_KIB, MMAP_BYTES, openReader } from "../src/internal/kernel/open.js"
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

  it("rebuilds the event log without AUTOINCREMENT, keeping every event at its position", () => {
    const db = new Database(":memory:")
    try {
      const before = migrations.filter((m) => m.name < "0006")
      migrate(db, "2026-01-01T00:00:00.000Z", before)
      const insert = db.prepare("INSERT INTO events (position, id, type, aggregate_type, aggregate_id, version, actor, at, scope, scope_key, payload) VALUES (?, ?, 't', 'a', 'x', 1, '{}', 'at', '/', '/1/', '{}')")
      for (const position of [1, 2, 5, 9]) insert.run(position, `evt_${position}`)
      expect(migrate(db, "2026-01-02T00:00:00.000Z")).toContain("0006_events_rowid")
      const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'events'").get() as { sql: string }).sql
      expect(sql).not.toContain("AUTOINCREMENT")
      expect(db.prepare("SELECT position, id FROM events ORDER BY position").all()).toEqual([1, 2, 5, 9].map((p) => ({ position: p, id: `evt_${p}` })))
      expect(db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'events' AND type = 'index' AND sql IS NOT NULL").all()).toEqual([{ name: "events_scope" }])
      const next = db.prepare("INSERT INTO events (id, type, aggregate_type, aggregate_id, version, actor, at, scope, scope_key, payload) VALUES ('evt_new', 't', 'a', 'x', 1, '{}', 'at', '/', '/1/', '{}')").run()
      expect(Number(next.lastInsertRowid)).toBe(10)
      expect(() => insert.run(11, "evt_new")).toThrow(/UNIQUE/)
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

  it("runs a file database in WAL mode with foreign keys, a busy timeout, synchronous=NORMAL, a 64 MiB cache and memory-mapped reads", () =>
    runWith(Sqlite.layer({ filename: join(dir, "pragmas.db") }))(Effect.gen(function*() {
      const db = yield* Sqlite.SqliteDatabase
      const pragma = (name: string) => db.connection.pragma(name, { simple: true })
      expect(pragma("journal_mode")).toBe("wal")
      expect(pragma("foreign_keys")).toBe(1)
      expect(pragma("busy_timeout")).toBe(5000)
      expect(pragma("synchronous")).toBe(1)
      expect(pragma("cache_size")).toBe(-CACHE_KIB)
      expect(pragma("mmap_size")).toBe(MMAP_BYTES)
      expect(pragma("temp_store")).toBe(2)
      // The read-only connection for reads outside transactions gets the same cache.
      const reader = openReader(join(dir, "pragmas.db"))
      try {
        expect(reader.pragma("cache_size", { simple: true })).toBe(-CACHE_KIB)
        expect(reader.pragma("mmap_size", { simple: true })).toBe(MMAP_BYTES)
      } finally {
        reader.close()
      }
    })))

  it("enforces foreign keys", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const db = yield* Sqlite.SqliteDatabase
      const error = yield* Effect.flip(db.execute(db.kysely.insertInto("nodes").values({
        id: "node_x" as GridNodeId, county_id: "node_nope" as GridNodeId, parent_id: null, path: "/node_x/", depth: 0, level: "county", code: "x", name: "x",
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
