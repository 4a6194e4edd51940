import { buildTinyCounty, buildTinyLedger } from "@mulin/core/testing"
import { Directory, EventLog, Grid, GridStore, IdGenerator, systemActor } from "@mulin/core"
import { Points, type TransferId } from "@mulin/core/points"
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import * as Sqlite from "../src/index.js"
import { runWith } from "./support.js"

const sys = systemActor()

/** The query plan of a statement, one line per step (every parameter bound to NULL). */
const planOf = (db: Sqlite.SqliteDatabase["Service"], sql: string): Array<string> => {
  const named = Array.from(sql.matchAll(/@(\w+)/g), (m) => [m[1]!, null] as const)
  const parameters = named.length > 0 ? [Object.fromEntries(named)] : Array.from(sql.matchAll(/\?/g), () => null)
  return (db.connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...parameters) as Array<{ detail: string }>).map((r) => r.detail)
}

describe("query plans", () => {
  it("answers every subtree read from an index range on the path, scanning no table", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const grid = yield* Grid
      const store = yield* GridStore
      const log = yield* EventLog
      const db = yield* Sqlite.SqliteDatabase
      const t = yield* buildTinyCounty()
      // Run every read the use cases make, so their statements are in the cache.
      yield* grid.summary(sys, t.county.id)
      yield* grid.coverage(sys, t.county.id, { date: "2026-06-01" })
      yield* grid.listHouseholds(sys, t.county.id)
      yield* grid.listHouseholds(sys, t.streets[0].id)
      yield* grid.listPeople(sys, t.county.id)
      yield* grid.listAssignments(sys, t.county.id)
      yield* grid.whoServes(sys, t.households[0]!.id, { date: "2026-06-01" })
      yield* grid.children(sys, t.county.id)
      yield* grid.listCounties(sys)
      yield* grid.moveNode(sys, t.grids[0].id, { newParentId: t.communities[1].id })
      yield* grid.archiveNode(sys, t.streets[1].id, { cascade: true })
      yield* grid.events(t.gridWorker, { limit: 10 })
      yield* log.read({ after: 0, limit: 10, scopes: "*" })
      yield* store.countLive(t.county.id)
      // The kernel's reads of the grid: a person's access, their sign-in subjects, the names around a node.
      const directory = yield* Directory
      yield* grid.linkSubject(sys, t.people.resident.id, { issuer: "demo", subject: "r1" })
      yield* grid.subjects(sys, t.people.resident.id)
      yield* directory.personAccess(t.people.resident.id)
      yield* directory.findSubject("demo", "r1")
      yield* directory.namesAround(t.units[0].id)
      yield* directory.namesAround(t.streets[0].id)

      const statements = db.statementCache!.sqlTexts().filter((sql) => /^(select|update)/i.test(sql))
      expect(statements.length).toBeGreaterThanOrEqual(25)
      const subtree = statements.filter((sql) => sql.includes(`"path" >= ?`) || sql.includes(`"path" > ?`))
      expect(subtree.length).toBeGreaterThanOrEqual(10)
      for (const sql of subtree) {
        const plan = planOf(db, sql).join("\n")
        expect(plan, sql).toMatch(/(SEARCH n|SEARCH nodes) USING (COVERING )?INDEX nodes_(live_)?path \(path>\? AND path<\?\)/)
      }
      const countyListing = statements.find((sql) => sql.includes(`"h"."county_id" = ?`))!
      expect(planOf(db, countyListing)[0]).toMatch(/SEARCH h USING INDEX households_live_county \(county_id=\? AND id>\?\)/)
      for (const sql of statements) {
        const scans = planOf(db, sql).filter((step) => /^SCAN (?!json_each|counties)/.test(step))
        expect(scans, sql).toEqual([])
      }
    })))

  it("reads the event feed of a subtree from ranges on the scope index", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const grid = yield* Grid
      const db = yield* Sqlite.SqliteDatabase
      const t = yield* buildTinyCounty()
      yield* grid.events(t.gridWorker, { limit: 10 })
      const feed = db.statementCache!.sqlTexts().find((sql) => sql.includes(`"scope_key" >= ?`))!
      expect(planOf(db, feed).join("\n")).toMatch(/events USING INDEX events_scope \(scope_key>\? AND scope_key<\?\)/)
    })))

  it("reads and writes the ledger through indexes: no points table is scanned, however many accounts a county has", () =>
    Effect.runPromise(Effect.gen(function*() {
      const points = yield* Points
      const db = yield* Sqlite.SqliteDatabase
      const l = yield* buildTinyLedger()
      const id = (s: string) => s as TransferId
      const [a, b] = l.people
      // Every write of the ledger (an adjustment finds the issuer above the account), then its reads.
      yield* points.adjust(sys, { transferId: id("adj1"), accountId: a.id, amount: 100, reason: "开户奖励" })
      yield* points.adjust(sys, { transferId: id("adj2"), accountId: b.id, amount: 50, reason: "开户奖励" })
      yield* points.donate(l.holders[0], { transferId: id("don1"), fromAccountId: a.id, toAccountId: l.charity.id, amount: 10 })
      yield* points.reverse(sys, { transferId: id("rev1"), reversesId: id("adj2"), reason: "发错了" })
      const order = yield* points.orderService(l.holders[0], { transferId: id("o1"), accountId: a.id, serviceId: l.haircut.id })
      yield* points.fulfil(l.barber, order.id, { transferId: id("p1"), pickupCode: order.pickupCode! })
      const other = yield* points.orderService(l.holders[0], { transferId: id("o2"), accountId: a.id, serviceId: l.haircut.id })
      yield* points.cancel(l.holders[0], other.id, { transferId: id("c2") })
      yield* points.expireHolds(sys, l.tiny.county.id)
      yield* points.balance(sys, a.id)
      yield* points.statement(sys, a.id)
      yield* points.catalog(sys, l.tiny.communities[0].id)
      yield* points.totals(sys, l.tiny.county.id)
      yield* points.leaderboard(sys, l.tiny.county.id)

      const statements = db.statementCache!.sqlTexts().filter((sql) => /points_/i.test(sql) && !/^\s*(create|drop|insert)/i.test(sql))
      expect(statements.length).toBeGreaterThanOrEqual(10)
      const scanning = statements.flatMap((sql) => planOf(db, sql).filter((step) => /^SCAN points_/.test(step)).map((step) => `${step}: ${sql}`))
      expect(scanning).toEqual([])
    }).pipe(Effect.provide(Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provideMerge(Layer.mergeAll(Sqlite.layerMemory(), IdGenerator.layer)))))))
})
