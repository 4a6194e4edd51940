/**
 * The SQLite mediation store beyond the conformance suite: the overdue scan and the
 * statistics are answered from their covering indexes, and an escalation key recorded
 * through one connection is refused through another (as from a second process).
 */
import { GridStore, MediationStore, systemActor, UnitOfWork } from "@mulin/core"
import { Effect, Layer, Option } from "effect"
import { describe, expect, it } from "vitest"
import { Grid, IdGenerator, Mediation } from "@mulin/core"
import { buildTinyCounty } from "@mulin/core/testing"
import { join } from "node:path"
import * as Sqlite from "../src/index.js"
import { tempDir } from "./support.js"

const sys = systemActor()
const dir = tempDir()

const app = (filename: string) =>
  Layer.mergeAll(Mediation.layer, Grid.layer).pipe(Layer.provideMerge(Layer.mergeAll(Sqlite.layer({ filename }), IdGenerator.layer)))

const planOf = (db: Sqlite.SqliteDatabase["Service"], sql: string, args: ReadonlyArray<unknown>): string =>
  (db.connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(" | ")

describe("SQLite mediation store", () => {
  it("scans overdue cases and computes statistics from covering indexes", () =>
    Effect.runPromise(Effect.gen(function*() {
      const db = yield* Sqlite.SqliteDatabase
      const mediation = yield* Mediation
      const t = yield* buildTinyCounty()
      yield* mediation.report(sys, { nodeId: t.units[0].id, category: "noise", title: "噪音", description: "夜间噪音", parties: [{ name: "张三丰", phone: null, idCardNumber: null, houseNumber: null, side: "applicant" }] })
      yield* mediation.overdue(sys, t.county.id)
      yield* mediation.statistics(sys, t.county.id)
      const sqls = db.statementCache!.sqlTexts()
      const overdue = sqls.find((s) => s.includes("INDEXED BY mediation_cases_due"))!
      expect(planOf(db, overdue, ["2026-01-01", "/a/", "/a0", 10])).toMatch(/USING COVERING INDEX mediation_cases_due/)
      const stats = sqls.filter((s) => s.includes("FROM mediation_cases WHERE path >= ?"))
      expect(stats).toHaveLength(2)
      for (const sql of stats) expect(planOf(db, sql, ["/a/", "/a0", "", "~"])).toMatch(/USING COVERING INDEX mediation_cases_stats/)
    }).pipe(Effect.provide(app(":memory:")))))

  it("refuses, through a second connection to the same file, a deadline key recorded through the first", async () => {
    const file = join(dir, "two.db")
    const first = await Effect.runPromise(Effect.gen(function*() {
      const mediation = yield* Mediation
      const store = yield* MediationStore
      const uow = yield* UnitOfWork
      const t = yield* buildTinyCounty()
      const c = yield* mediation.report(sys, { nodeId: t.units[0].id, category: "noise", title: "噪音", description: "夜间噪音", parties: [{ name: "张三丰", phone: null, idCardNumber: null, houseNumber: null, side: "applicant" }] })
      yield* uow.transaction(store.update({ ...c, version: 2 }, 1, "accept@k"))
      return c
    }).pipe(Effect.provide(app(file))))
    const again = await Effect.runPromise(Effect.gen(function*() {
      const store = yield* MediationStore
      const uow = yield* UnitOfWork
      yield* GridStore
      const stored = Option.getOrThrow(yield* store.get(first.id))
      return yield* Effect.flip(uow.transaction(store.update({ ...stored, version: 3 }, 2, "accept@k")))
    }).pipe(Effect.provide(app(file))))
    expect(again).toMatchObject({ _tag: "Conflict", reason: "already_escalated" })
  })
})
