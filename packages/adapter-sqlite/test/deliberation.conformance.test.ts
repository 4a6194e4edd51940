/**
 * Deliberation on SQLite beyond the conformance suite (which `conformance.test.ts` and
 * `conformance.file.test.ts` run): the stored form, the item decoder, the board's query
 * plans, and migration `0011_deliberation_people` of a database written before people were
 * the one identity.
 */
import { Deliberation, DeliberationStore, Grid, IdGenerator, DeliberationItem, layerKernel, Session } from "@mulin/core"
import { buildTinyCounty } from "@mulin/core/testing"
import BetterSqlite3 from "better-sqlite3"
import { Cause, Effect, Layer, Option, Schema } from "effect"
import { TestClock } from "effect/testing"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import * as Sqlite from "../src/index.js"
import { boardSql, itemDecoder } from "../src/internal/deliberation/store.js"

const dir = mkdtempSync(join(tmpdir(), "mulin-deliberation-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("the stored form of items and sessions", () => {
  it("is the value itself: encoding an item or a session through its schema changes nothing, so the store writes the value", async () => {
    const filename = join(dir, "form.db")
    await Effect.runPromise(Effect.gen(function*() {
      yield* TestClock.setTime(Date.UTC(2026, 5, 1, 8))
      const t = yield* buildTinyCounty()
      const d = yield* Deliberation
      const s = t.actors.secretary
      const first = yield* d.convene(s, { nodeId: t.communities[0].id, type: "round_table", heldAt: "2026-05-31T08:00:00.000Z", participants: [{ role: "cadres", count: 2, names: ["龙泉镇"] }], agenda: ["照明"] })
      const later = yield* d.recordMinutes(s, (yield* d.convene(s, { nodeId: t.communities[0].id, type: "round_table", heldAt: "2026-06-02T08:00:00.000Z", participants: [], agenda: [] })).id, { minutes: "一、\n二、" })
      const parent = yield* d.raise(s, { nodeId: t.communities[0].id, kind: "topic", category: "property", title: "改造", text: "改造" })
      let c = yield* d.raise(s, { nodeId: t.communities[0].id, kind: "suggestion", sessionId: first.id, parentId: parent.id, weight: 2.5, category: "property", title: "楼道灯", text: "楼道灯\n坏了", raisedBy: { _tag: "Outside", name: "过路人", phone: "13700001111" } })
      c = yield* d.execute(s, c.id, { _tag: "Vote", sessionId: first.id, members: 9, present: 7, inFavour: 5, against: 1, abstained: 1 })
      c = yield* d.execute(s, c.id, { _tag: "Accept", unit: "community", promisedBy: "2026-06-10", responsible: t.people.worker.id })
      c = yield* d.execute(s, c.id, { _tag: "RecordMilestone", note: "采购", progress: 40 })
      c = yield* d.execute(s, c.id, { _tag: "Resolve", resolution: "已修" })
      c = yield* d.execute(s, c.id, { _tag: "ReportBack", sessionId: later.id, note: "通报" })
      c = yield* d.rate(t.actors.resident, c.id, { score: 1, comment: "不满意" })
      c = yield* d.execute(s, c.id, { _tag: "Reopen", reason: "重新办" })
      for (const item of [c, yield* d.get(s, parent.id)]) expect(Schema.encodeSync(DeliberationItem)(item)).toEqual(item)
      for (const session of [first, later]) expect(Schema.encodeSync(Session)(session)).toEqual(session)
      const store = yield* DeliberationStore
      expect(Option.getOrThrow(yield* store.getItem(c.id))).toEqual(c)
      expect(Option.getOrThrow(yield* store.getSession(later.id))).toEqual(later)
    }).pipe(
      Effect.provide(Layer.mergeAll(Deliberation.layer, Grid.layer, layerKernel).pipe(Layer.provideMerge(Layer.mergeAll(Sqlite.layer({ filename }), IdGenerator.layerSeeded(4))))),
      Effect.provide(TestClock.layer())
    ) as Effect.Effect<void, unknown>)
  })
})

describe("the item decoder of the SQLite store", () => {
  it("reuses an item only for the very same document text, decodes every other text afresh, and keeps at most its size", async () => {
    const item = await Effect.runPromise(Effect.gen(function*() {
      yield* TestClock.setTime(Date.UTC(2026, 5, 1, 8))
      const t = yield* buildTinyCounty()
      return yield* Effect.flatMap(Deliberation, (d) => d.raise(t.actors.secretary, { nodeId: t.communities[0].id, kind: "suggestion", category: "property", title: "楼道灯", text: "坏了" }))
    }).pipe(
      Effect.provide(Layer.mergeAll(Deliberation.layer, Grid.layer, layerKernel).pipe(Layer.provideMerge(Layer.mergeAll(Sqlite.layerMemory(), IdGenerator.layerSeeded(5))))),
      Effect.provide(TestClock.layer())
    ) as Effect.Effect<DeliberationItem, unknown>)
    const decode = itemDecoder(2)
    const v1 = JSON.stringify(item)
    const v2 = JSON.stringify({ ...item, title: "楼道灯（已改）", version: 2 })
    const first = decode(v1)
    expect(first).toEqual(item)
    expect(decode(`${v1}`)).toBe(first)
    expect(decode(v2)).toMatchObject({ title: "楼道灯（已改）", version: 2 })
    decode(JSON.stringify({ ...item, version: 3 }))
    // v1 was the least recently used of three: decoded afresh, equal but not the same value.
    const again = decode(v1)
    expect(again).toEqual(first)
    expect(again).not.toBe(first)
    expect(() => decode(JSON.stringify({ ...item, title: "换\n行" }))).toThrow()
  })
})

describe("the board's query plans", () => {
  it("reads a county's overdue items in promised order from the index of running items, and its newest items from the county index", () => {
    const filename = join(dir, "plan.db")
    return Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      yield* Layer.build(Sqlite.layer({ filename }))
    })) as Effect.Effect<void, unknown>).then(() => {
      const db = new BetterSqlite3(filename, { readonly: true })
      const plan = (q: Parameters<typeof boardSql>[0]) => {
        const { args, sql } = boardSql(q)
        return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as Array<{ detail: string }>).map((r) => r.detail).join("; ")
      }
      const county = ["node_01J00000000000000000000000"] as never
      const base = { scope: county, now: "2026-06-01T00:00:00.000Z", offset: 0, limit: 50 }
      expect(plan({ ...base, overdue: true, sort: "promised" })).toMatch(/USING (COVERING )?INDEX deliberation_items_due/u)
      expect(plan({ ...base, overdue: true, sort: "promised" })).not.toMatch(/TEMP B-TREE/u)
      expect(plan({ ...base, sort: "raised" })).toMatch(/USING INDEX deliberation_items_county/u)
      db.close()
    })
  })
})

describe("migration 0011_deliberation_people", () => {
  const T0 = Date.UTC(2026, 5, 1, 8)
  const withStore = <A, E>(filename: string, effect: Effect.Effect<A, E, Deliberation | Grid | DeliberationStore | TestClock.TestClock>) =>
    Effect.runPromise(
      Effect.gen(function*() {
        yield* TestClock.setTime(T0)
        return yield* effect
      }).pipe(
        Effect.provide(Layer.mergeAll(Deliberation.layer, Grid.layer, layerKernel).pipe(Layer.provideMerge(Layer.mergeAll(Sqlite.layer({ filename }), IdGenerator.layerSeeded(3))))),
        Effect.provide(TestClock.layer())
      ) as Effect.Effect<A, unknown>
    )

  it("moves items, sessions and ratings of 0.3 to people, promised dates in the county's calendar and redacted public text", async () => {
    const filename = join(dir, "old.db")
    // A database at 0.4, with a county, a session and an item…
    const made = await withStore(filename, Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const d = yield* Deliberation
      const session = yield* d.convene(t.actors.secretary, { nodeId: t.communities[0].id, type: "round_table", heldAt: new Date(T0 - 86_400_000).toISOString(), participants: [], agenda: [] })
      const item = yield* d.raise(t.actors.secretary, { nodeId: t.communities[0].id, kind: "suggestion", sessionId: session.id, category: "property", title: "楼道灯", text: "楼道灯坏了" })
      const other = yield* d.raise(t.actors.secretary, { nodeId: t.communities[0].id, kind: "suggestion", category: "property", title: "垃圾", text: "垃圾桶少" })
      return { t, session, item, other }
    }))
    const { other, item, session, t } = made
    // …taken back to the 0.3 shape, as an older version wrote it.
    const db = new BetterSqlite3(filename)
    db.exec(`
      DELETE FROM migrations WHERE name = '0011_deliberation_people';
      DROP TABLE deliberation_ratings_legacy;
      DROP INDEX deliberation_items_due;
      ALTER TABLE deliberation_ratings RENAME COLUMN person_id TO resident_id;
    `)
    const oldDoc = (doc: Record<string, unknown>, raisedBy: unknown, promisedAt: string | null, title: string) => {
      const { dueAt: _d, promisedBy: _p, public: _q, responsible: _r, ...rest } = doc
      return JSON.stringify({ ...rest, raisedBy, promisedAt, title, state: promisedAt === null ? "raised" : "accepted", unit: promisedAt === null ? null : { code: "property_company", name: "物业公司" } })
    }
    const row = (id: string) => JSON.parse((db.prepare("SELECT doc FROM deliberation_items WHERE id = ?").get(id) as { doc: string }).doc) as Record<string, unknown>
    const put = db.prepare("UPDATE deliberation_items SET doc = ?, state = ?, promised_key = ?, due_at = ? WHERE id = ?")
    // 2026-06-20 17:00 UTC is 21 June 01:00 in China.
    put.run(oldDoc(row(item.id), { name: t.people.resident.name, phone: "13812340000", idCardNumber: null, actorId: t.people.resident.id }, "2026-06-20T17:00:00.000Z", `${t.people.resident.name}（138 1234 0000）反映楼道灯`), "accepted", "2026-06-20T17:00:00.000Z", "2026-06-20T17:00:00.000Z", item.id)
    put.run(oldDoc(row(other.id), { name: "过路人", phone: null, idCardNumber: null, actorId: "resident-7" }, null, "垃圾"), "raised", "~", null, other.id)
    const sessionDoc = JSON.parse((db.prepare("SELECT doc FROM deliberation_sessions WHERE id = ?").get(session.id) as { doc: string }).doc) as Record<string, unknown>
    db.prepare("UPDATE deliberation_sessions SET doc = ? WHERE id = ?").run(JSON.stringify({ ...sessionDoc, convener: { id: "secretary-1", name: "李书记" } }), session.id)
    const rate = db.prepare("INSERT INTO deliberation_ratings (item_id, round, resident_id, score, comment, at) VALUES (?, 0, ?, ?, NULL, ?)")
    rate.run(item.id, t.people.resident.id, 4, "2026-06-01T09:00:00.000Z")
    rate.run(item.id, "resident-7", 2, "2026-06-01T09:00:00.000Z")
    db.close()

    // Reopening applies 0011.
    await withStore(filename, Effect.gen(function*() {
      const store = yield* DeliberationStore
      const migrated = Option.getOrThrow(yield* store.getItem(item.id))
      expect(migrated).toMatchObject({
        raisedBy: { _tag: "Person", personId: t.people.resident.id, name: t.people.resident.name },
        promisedBy: "2026-06-21",
        dueAt: "2026-06-21T16:00:00.000Z",
        responsible: null,
        public: { title: "张*（*** **** ****）反映楼道灯", unit: "物业公司", answer: null, milestones: [] }
      })
      expect(Option.getOrThrow(yield* store.getItem(other.id)).raisedBy).toEqual({ _tag: "Outside", name: "过路人", phone: null })
      expect(Option.getOrThrow(yield* store.getSession(session.id)).convener).toEqual({ _tag: "Outside", name: "李书记", phone: null })
      expect((yield* store.ratings(item.id)).map((r) => r.personId)).toEqual([t.people.resident.id])
      const d = yield* Deliberation
      const board = yield* d.board(t.county.id, { sort: "promised" })
      expect(board.items.map((r) => [r.id, r.promisedBy])).toEqual([[item.id, "2026-06-21"], [other.id, null]])
      expect(JSON.stringify(board)).not.toContain(t.people.resident.name)
    }))
    const after = new BetterSqlite3(filename, { readonly: true })
    expect(after.prepare("SELECT rater_id, score FROM deliberation_ratings_legacy").all()).toEqual([{ rater_id: "resident-7", score: 2 }])
    after.close()
  })

  it("refuses a stored configuration that breaks the 0.4 rules, naming the county and the field, and writes nothing", async () => {
    const filename = join(dir, "old-config.db")
    const countyId = await withStore(filename, Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      yield* Effect.flatMap(Deliberation, (d) => d.configure(t.actors.admin, t.county.id, { quorum: 0.5 }))
      return t.county.id
    }))
    const db = new BetterSqlite3(filename)
    db.exec("DELETE FROM migrations WHERE name = '0011_deliberation_people'; DROP TABLE deliberation_ratings_legacy; DROP INDEX deliberation_items_due; ALTER TABLE deliberation_ratings RENAME COLUMN person_id TO resident_id;")
    const stored = JSON.parse((db.prepare("SELECT config FROM deliberation_configs WHERE county_id = ?").get(countyId) as { config: string }).config)
    db.prepare("UPDATE deliberation_configs SET config = ? WHERE county_id = ?").run(JSON.stringify({ ...stored, majority: 0.3 }), countyId)
    db.close()
    const opened = await Effect.runPromiseExit(Effect.scoped(Layer.build(Sqlite.layer({ filename }))))
    if (opened._tag !== "Failure") expect.fail("the database opened")
    const error = Cause.squash(opened.cause) as { readonly cause?: unknown }
    expect(String(error.cause)).toMatch(new RegExp(`county ${countyId}.*majority`, "su"))
    const after = new BetterSqlite3(filename, { readonly: true })
    expect(after.prepare("SELECT name FROM migrations WHERE name = '0011_deliberation_people'").all()).toEqual([])
    expect(after.prepare("SELECT name FROM sqlite_master WHERE name = 'deliberation_ratings_legacy'").all()).toEqual([])
    after.close()
  })
})
