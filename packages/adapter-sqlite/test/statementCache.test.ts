import Database from "better-sqlite3"
import { Kysely, SqliteDialect } from "kysely"
import { afterEach, describe, expect, it } from "vitest"
import { makeStatementCache, type Tables, uncached } from "../src/index.js"
import { allTuples, getTuple, rawTuple } from "../src/internal/kernel/statements.js"

let open: Array<{ close: () => void }> = []
afterEach(() => {
  for (const c of open) c.close()
  open = []
})
const cacheOf = (capacity?: number) => {
  const db = new Database(":memory:")
  db.exec("CREATE TABLE t (x INTEGER)")
  const cache = makeStatementCache(db, { capacity })
  open.push(cache)
  return cache
}

describe("StatementCache", () => {
  it("returns the same statement for the same SQL and counts hits and misses", () => {
    const cache = cacheOf()
    const a = cache.prepare("SELECT x FROM t")
    expect(cache.prepare("SELECT x FROM t")).toBe(a)
    expect(cache.prepare("SELECT x + 1 FROM t")).not.toBe(a)
    expect({ size: cache.size, hits: cache.hits, misses: cache.misses }).toEqual({ size: 2, hits: 1, misses: 2 })
  })

  it("evicts the least recently used statement beyond its capacity", () => {
    const cache = cacheOf(2)
    const one = cache.prepare("SELECT 1")
    cache.prepare("SELECT 2")
    cache.prepare("SELECT 1") // now the most recently used
    cache.prepare("SELECT 3") // evicts SELECT 2
    expect(cache.sqlTexts()).toEqual(["SELECT 1", "SELECT 3"])
    expect(cache.prepare("SELECT 1")).toBe(one)
  })

  it("never hands out a statement that is still being iterated", () => {
    const cache = cacheOf()
    cache.prepare("INSERT INTO t VALUES (1), (2)").run()
    const first = cache.prepare("SELECT x FROM t")
    const iterator = first.iterate()
    iterator.next()
    const second = cache.prepare("SELECT x FROM t")
    expect(second).not.toBe(first)
    expect(second.all()).toEqual([{ x: 1 }, { x: 2 }])
    iterator.return?.()
    expect(cache.prepare("SELECT x FROM t")).toBe(first)
  })

  it("serves kysely's SqliteDialect, which then prepares each query once", async () => {
    const cache = cacheOf()
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cache }) })
    cache.database.exec("CREATE TABLE migrations (name TEXT, applied_at TEXT)")
    for (let i = 0; i < 3; i++) await db.selectFrom("migrations").selectAll().where("name", "=", `m${i}`).execute()
    expect({ size: cache.size, hits: cache.hits, misses: cache.misses }).toEqual({ size: 1, hits: 2, misses: 1 })
  })

  it("closes the connection once, and so does the uncached source", () => {
    const cache = cacheOf()
    cache.close()
    cache.close()
    expect(cache.database.open).toBe(false)
    const db = new Database(":memory:")
    const plain = uncached(db)
    expect(plain.prepare("SELECT 1")).not.toBe(plain.prepare("SELECT 1"))
    plain.close()
    plain.close()
    expect(db.open).toBe(false)
  })
})

describe("reads as tuples", () => {
  it("reads columns in select order and leaves the shared statement reading objects, also when the read fails", () => {
    const cache = cacheOf()
    cache.prepare("INSERT INTO t VALUES (1), (2)").run()
    const query = rawTuple<readonly [number, number]>("SELECT x, x * 10 AS y FROM t WHERE x >= ? ORDER BY x")
    expect(allTuples(cache, query, 1)).toEqual([[1, 10], [2, 20]])
    expect(getTuple(cache, query, 2)).toEqual([2, 20])
    expect(cache.prepare(query.sql).all(1)).toEqual([{ x: 1, y: 10 }, { x: 2, y: 20 }])
    expect(() => allTuples(cache, query, 1, 2)).toThrow()
    expect(cache.prepare(query.sql).get(1)).toEqual({ x: 1, y: 10 })
  })
})
