/**
 * The SQLite mediation store beyond the conformance suite: the overdue scan and the
 * statistics are answered from their covering indexes, an escalation key recorded through
 * one connection is refused through another (as from a second process), and migration
 * `0010_mediation_people` brings cases and configurations written before 0.4.0 to the
 * shape of 0.4.0 with a publication free of personal data.
 */
import { GridStore, MediationStore, systemActor, UnitOfWork } from "@mulin/core"
import { Effect, Layer, Option } from "effect"
import { describe, expect, it } from "vitest"
import { Grid, IdGenerator, Mediation } from "@mulin/core"
import { buildTinyCounty, findPersonalData } from "@mulin/core/testing"
import { join } from "node:path"
import * as Sqlite from "../src/index.js"
import { migrations } from "../src/internal/kernel/migrations.js"
import { migrateMediationPeople } from "../src/internal/mediation/migration.js"
import { tempDir } from "./support.js"

const sys = systemActor()
const dir = tempDir()

const app = (filename: string) =>
  Layer.mergeAll(Mediation.layer, Grid.layer).pipe(Layer.provideMerge(Layer.mergeAll(Sqlite.layer({ filename }), IdGenerator.layer)))

const planOf = (db: Sqlite.SqliteDatabase["Service"], sql: string, args: ReadonlyArray<unknown>): string =>
  (db.connection.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join(" | ")

const noise = (nodeId: Parameters<Mediation["Service"]["report"]>[1]["nodeId"]) => ({
  nodeId,
  category: "noise",
  title: "噪音",
  description: "夜间噪音",
  parties: [{ kind: "external" as const, name: "张三丰", phone: null, idCardNumber: null, houseNumber: null, side: "applicant" as const }]
})

describe("SQLite mediation store", () => {
  it("scans overdue cases and computes statistics from covering indexes", () =>
    Effect.runPromise(Effect.gen(function*() {
      const db = yield* Sqlite.SqliteDatabase
      const mediation = yield* Mediation
      const t = yield* buildTinyCounty()
      yield* mediation.report(sys, noise(t.units[0].id))
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
      const c = yield* mediation.report(sys, noise(t.units[0].id))
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

  it("migrates cases and configurations written before 0.4.0: people by id, external parties, participants by role, a masked publication", () =>
    Effect.runPromise(Effect.gen(function*() {
      expect(migrations.map((m) => m.name)).toContain("0010_mediation_people")
      const db = yield* Sqlite.SqliteDatabase
      const mediation = yield* Mediation
      const store = yield* MediationStore
      const t = yield* buildTinyCounty()
      const neighbour = t.households[1]!.residents[0]!.name
      const c = yield* mediation.report(sys, noise(t.units[0].id))
      // The case and configuration as 0.3 wrote them: staff by free id and name, typed parties, participants as text.
      const doc = JSON.parse((db.connection.prepare("SELECT doc FROM mediation_cases WHERE id = ?").get(c.id) as { doc: string }).doc)
      const old = {
        ...doc,
        state: "disclosed",
        status: "closed",
        title: `邻居${neighbour}（177 0007 8387）反映噪音`,
        parties: [{ name: "欧阳芃翀", phone: "13912345678", idCardNumber: null, houseNumber: "3-2-501", side: "applicant" }],
        mediators: [{ id: "mediator-1", name: "孙调解" }, { id: t.people.mediator.id, name: t.people.mediator.name }],
        supervisor: { id: "system", name: "系统督办" },
        statements: [{ party: 0, text: `欧阳芃翀说：${t.people.worker.name}来过`, publishable: true, at: doc.reportedAt }],
        rounds: [{ round: "proposal", participants: ["网格党支部", "物业公司", "尹波俊"], outcome: "联系尹波俊13326758505", at: doc.reportedAt }],
        escalations: [{ level: "street", to: t.streets[0].id, toName: "街道1", deadline: doc.reportedAt, supervisor: { id: "street-1", name: "冯志刚" }, reason: "逾期", missed: "accept", at: doc.reportedAt }],
        agreement: { terms: "联系134 1177 1502", consents: [true], at: doc.reportedAt },
        resolution: { outcome: "孙调解回访", level: "community", at: doc.reportedAt },
        resolvedAt: doc.reportedAt,
        disclosedAt: doc.reportedAt
      }
      delete old.publication
      delete old.actedBy
      db.connection.prepare("UPDATE mediation_cases SET doc = ?, disclosed = 1 WHERE id = ?").run(JSON.stringify(old), c.id)
      const config = {
        countyId: t.county.id,
        categories: [{ key: "noise", nameZh: "噪音扰民", nameEn: "noise" }],
        deadlines: { acceptHours: 24, firstHearingHours: 72, agreementHours: 360, escalationHours: 24, streetHours: 240, departmentHours: 480 },
        reopenWindowDays: 90,
        streetLevel: "street",
        streetSupervisors: [{ streetId: t.streets[0].id, supervisor: { id: t.people.streetAdmin.id, name: "周街道" } }, { streetId: t.streets[1].id, supervisor: { id: "street-2", name: "蒋街道" } }],
        departments: [{ code: "housing", name: "县住建局", categories: ["noise"], staff: ["dept-housing-1", t.people.worker.id], supervisor: { id: "sup-1", name: "钱督办" } }],
        defaultDepartment: null,
        version: 1,
        updatedAt: doc.reportedAt
      }
      db.connection.prepare("INSERT INTO mediation_configs (county_id, config, version) VALUES (?, ?, 1)").run(t.county.id, JSON.stringify(config))

      db.connection.transaction(() => migrateMediationPeople(db.connection))()

      const migrated = Option.getOrThrow(yield* store.get(c.id))
      expect(migrated).toMatchObject({
        parties: [{ kind: "external", name: "欧阳芃翀", phone: "13912345678", side: "applicant" }],
        mediators: [t.people.mediator.id],
        actedBy: [],
        supervisor: null,
        escalations: [{ supervisor: null }],
        rounds: [{ participants: [{ role: "party_organisation", name: null }, { role: "property_company", name: null }, { role: "other", name: "尹波俊" }] }]
      })
      const configured = Option.getOrThrow(yield* store.getConfig(t.county.id))
      expect(configured.streetSupervisors).toEqual([{ streetId: t.streets[0].id, supervisor: t.people.streetAdmin.id }])
      expect(configured.departments[0]).toMatchObject({ staff: [t.people.worker.id], supervisor: null })
      const published = [yield* mediation.disclosure(c.id), yield* mediation.publicList(t.county.id)]
      expect(findPersonalData(published, {
        names: ["欧阳芃翀", neighbour, t.people.worker.name, "尹波俊", "孙调解", "3-2-501"],
        numbers: ["17700078387", "13326758505", "13411771502", "13912345678"]
      })).toEqual([])
      expect(published[0]).toMatchObject({ topic: "邻居张*（*** **** ****）反映噪音", rounds: [{ participants: [{ role: "party_organisation", count: 1 }, { role: "property_company", count: 1 }, { role: "other", count: 1 }] }] })
    }).pipe(Effect.provide(app(":memory:")))))
})
