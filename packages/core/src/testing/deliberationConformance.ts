/**
 * The deliberation storage conformance suite. Every adapter calls
 * {@link deliberationStoreConformance} from a vitest file and must pass every case: the
 * item lifecycle enumerated pair by pair, the progress roll-up (a property test), the
 * masking of the progress board and statistics (a property test over generated personal
 * data), one rating per resident (a property test), filters and sorts of the board, the
 * statistics with their year-on-year change, and the store's own contract.
 *
 * @since 0.3.0
 */
import { Effect, Layer, type Scope } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type Actor, systemActor } from "../kernel/actor.js"
import { IdGenerator } from "../kernel/ids.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import { GridStore } from "../grid/store.js"
import { isValidIdCard } from "../kernel/text.js"
import { decideItem, itemCommandTags, type ItemCommandTag, itemTarget } from "../deliberation/machine.js"
import { type Item, type ItemCommand, ItemState, type RaiseItem, type Raiser, type Session } from "../deliberation/model.js"
import { defaultDeliberationConfig } from "../deliberation/rules.js"
import { Deliberation } from "../deliberation/service.js"
import { DeliberationStore } from "../deliberation/store.js"
import { actorWith, buildTinyCounty, type TinyCounty } from "./fixtures.js"

/**
 * The ports a deliberation store is tested with.
 *
 * @category models
 * @since 0.3.0
 */
export type DeliberationStorePorts = DeliberationStore | GridStore | EventLog | UnitOfWork

/**
 * Options of {@link deliberationStoreConformance}.
 *
 * @category models
 * @since 0.3.0
 */
export interface DeliberationConformanceOptions {
  /** Runs of each property test (default 20). */
  readonly propertyRuns?: number
}

const sys = systemActor()
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()

type Env = Deliberation | Grid | DeliberationStorePorts | IdGenerator | TestClock.TestClock | Scope.Scope

interface World {
  readonly t: TinyCounty
  readonly secretary: Actor
  readonly otherSecretary: Actor
  readonly resident: (n: number) => Actor
  readonly outsider: Actor
  /** A session held a day after T0: items raised at T0 are reported back at it. */
  readonly later: Session
  readonly first: Session
}

const setupWorld: Effect.Effect<World, unknown, Deliberation | Grid> = Effect.gen(function*() {
  const t = yield* buildTinyCounty()
  const d = yield* Deliberation
  const secretary = actorWith("secretary-1", { role: "community_secretary", scope: t.communities[0].id })
  const convene = (heldAt: number, type: string) =>
    d.convene(secretary, {
      nodeId: t.communities[0].id,
      type,
      heldAt: iso(heldAt),
      convener: { id: "secretary-1", name: "李书记" },
      participants: [{ role: "residents", count: 12, names: [] }, { role: "property_company", count: 1, names: ["泰安物业"] }],
      agenda: ["小区环境", "停车"]
    })
  const first = yield* convene(T0 - DAY, "round_table")
  const later = yield* convene(T0 + DAY, "residents_council")
  return {
    t,
    secretary,
    otherSecretary: actorWith("secretary-2", { role: "community_secretary", scope: t.communities[1].id }),
    resident: (n) => actorWith(`resident-${n}`, { role: "resident", scope: t.units[n % 2]!.id }),
    outsider: actorWith("resident-far", { role: "resident", scope: t.units[2].id }),
    later,
    first
  }
})

const raiser: Raiser = { name: "欧阳芃翀", phone: "13912345678", idCardNumber: "110101199003074477", actorId: null }

type Overrides = { readonly [K in keyof RaiseItem]?: RaiseItem[K] | undefined }

const raiseOf = (w: World, overrides: Overrides = {}): RaiseItem => {
  const all: Record<string, unknown> = {
    nodeId: w.t.communities[0].id,
    kind: "suggestion",
    sessionId: w.first.id,
    raisedBy: raiser,
    category: "property",
    title: "楼道灯坏了",
    text: "欧阳芃翀（13912345678）反映3号楼楼道灯不亮",
    ...overrides
  }
  for (const k of Object.keys(all)) if (all[k] === undefined) delete all[k]
  return all as RaiseItem
}

let residentCounter = 0
const nextResident = (w: World) => w.resident(residentCounter++)

/** A command of each tag valid for the item as it is (Rate goes through `rate`). */
const validCommand = (w: World, tag: Exclude<ItemCommandTag, "Raise" | "Rate">, into: Item["id"]): ItemCommand => {
  switch (tag) {
    case "Answer":
      return { _tag: "Answer", answer: "已现场联系物业，今日更换" }
    case "Accept":
      return { _tag: "Accept", unit: "property_company", promisedAt: iso(T0 + 10 * DAY) }
    case "Vote":
      return { _tag: "Vote", sessionId: w.later.id, members: 9, present: 7, inFavour: 5, against: 1, abstained: 1 }
    case "RecordMilestone":
      return { _tag: "RecordMilestone", note: "已采购灯具", progress: 40 }
    case "Resolve":
      return { _tag: "Resolve", resolution: "已更换全部楼道灯" }
    case "ReportBack":
      return { _tag: "ReportBack", sessionId: w.later.id, note: "在居民议事会上通报办理结果" }
    case "Close":
      return { _tag: "Close" }
    case "Merge":
      return { _tag: "Merge", into }
    case "Decline":
      return { _tag: "Decline", reason: "不属于社区职责" }
    case "Reopen":
      return { _tag: "Reopen", reason: "居民评价不满意" }
  }
}

const pathTo: Readonly<Record<ItemState, ReadonlyArray<Exclude<ItemCommandTag, "Raise">>>> = {
  raised: [],
  answered: ["Answer"],
  accepted: ["Accept"],
  in_progress: ["Accept", "RecordMilestone"],
  resolved: ["Accept", "Resolve"],
  reported: ["Accept", "Resolve", "ReportBack"],
  rated: ["Accept", "Resolve", "ReportBack", "Rate"],
  closed: ["Accept", "Resolve", "ReportBack", "Rate", "Close"],
  merged: ["Merge"],
  declined: ["Decline"]
}

/** Runs one tag on an item as the secretary, or (Rate) as a fresh resident rating 2. */
const step = (w: World, c: Item, tag: Exclude<ItemCommandTag, "Raise">, into: Item["id"]) =>
  Effect.flatMap(Deliberation, (d) =>
    tag === "Rate" ? d.rate(nextResident(w), c.id, { score: 2, comment: "灯还是时好时坏" }) : d.execute(w.secretary, c.id, validCommand(w, tag, into)))

const itemAt = (w: World, tags: ReadonlyArray<Exclude<ItemCommandTag, "Raise">>, into: Item["id"], raise: RaiseItem = raiseOf(w)) =>
  Effect.gen(function*() {
    const d = yield* Deliberation
    let c = yield* d.raise(w.secretary, raise)
    for (const tag of tags) c = yield* step(w, c, tag, into)
    return c
  })

const sensitive = (r: Raiser): Array<string> => [r.name, ...(r.phone === null ? [] : [r.phone]), ...(r.idCardNumber === null ? [] : [r.idCardNumber])]

/**
 * Registers the deliberation conformance cases for a store. `makeLayer` is called once per
 * case and must build a fresh, empty store providing every port listed in
 * {@link DeliberationStorePorts}.
 *
 * @category conformance
 * @since 0.3.0
 */
export const deliberationStoreConformance = (
  name: string,
  makeLayer: () => Layer.Layer<DeliberationStorePorts, unknown>,
  options: DeliberationConformanceOptions = {}
): void => {
  const runs = options.propertyRuns ?? 20
  const run = <A, E>(effect: Effect.Effect<A, E, Env>): Promise<A> =>
    Effect.runPromise(
      Effect.gen(function*() {
        yield* TestClock.setTime(T0)
        return yield* effect
      }).pipe(
        Effect.scoped,
        Effect.provide(
          Layer.mergeAll(Deliberation.layer, Grid.layer).pipe(
            Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(11)))
          )
        ),
        Effect.provide(TestClock.layer())
      ) as Effect.Effect<A, unknown>
    )
  const world = <A, E>(f: (w: World) => Effect.Effect<A, E, Env>) => run(Effect.flatMap(setupWorld, f))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))

  describe(`deliberation store conformance: ${name}`, () => {
    it("runs a round-table item from raising to rating and closure; the board is masked and the log holds no personal data", () =>
      world((w) => Effect.gen(function*() {
        const d = yield* Deliberation
        const raised = yield* d.raise(w.resident(0), raiseOf(w, { raisedBy: { ...raiser, actorId: "resident-0" } }))
        expect(raised).toMatchObject({ state: "raised", status: "open", version: 1, progress: 0, sessionId: w.first.id })
        expect(yield* d.get(w.resident(0), raised.id)).toEqual(raised)
        expect((yield* Effect.flip(d.get(w.resident(1), raised.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(d.execute(w.resident(0), raised.id, validCommand(w, "Accept", raised.id))))._tag).toBe("NotFound")
        expect((yield* Effect.flip(d.execute(w.t.gridWorker, raised.id, validCommand(w, "Accept", raised.id))))._tag).toBe("NotFound")
        expect((yield* Effect.flip(d.execute(w.otherSecretary, raised.id, validCommand(w, "Accept", raised.id))))._tag).toBe("NotFound")
        let c = yield* d.execute(w.secretary, raised.id, { _tag: "Accept", unit: "property_company", promisedAt: iso(T0 + 10 * DAY), expectedVersion: 1 })
        expect(c).toMatchObject({ state: "accepted", unit: { code: "property_company", name: "物业公司" }, promisedAt: iso(T0 + 10 * DAY) })
        const stale = yield* Effect.flip(d.execute(w.secretary, c.id, { _tag: "RecordMilestone", note: "x", progress: 10, expectedVersion: 1 }))
        expect(stale).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        c = yield* d.execute(w.secretary, c.id, { _tag: "RecordMilestone", note: "已采购灯具", progress: 30 })
        c = yield* d.execute(w.secretary, c.id, { _tag: "RecordMilestone", note: "已安装一半", progress: 60 })
        expect(c).toMatchObject({ state: "in_progress", progress: 60 })
        const early = yield* Effect.flip(d.rate(w.resident(1), c.id, { score: 5 }))
        expect(early._tag).toBe("InvalidTransition")
        c = yield* d.execute(w.secretary, c.id, { _tag: "Resolve", resolution: "已更换全部楼道灯" })
        expect(c).toMatchObject({ state: "resolved", status: "open", progress: 100, resolvedAt: iso(T0) })
        const sameSession = yield* Effect.flip(d.execute(w.secretary, c.id, { _tag: "ReportBack", sessionId: w.first.id, note: "x" }))
        expect(sameSession._tag).toBe("InvalidInput")
        c = yield* d.execute(w.secretary, c.id, { _tag: "ReportBack", sessionId: w.later.id, note: "通报" })
        c = yield* d.rate(w.resident(1), c.id, { score: 5, comment: "很满意" })
        c = yield* d.rate(w.resident(2), c.id, { score: 4 })
        expect((yield* Effect.flip(d.rate(w.outsider, c.id, { score: 1 })))._tag).toBe("Forbidden")
        expect(yield* Effect.flip(d.rate(w.resident(1), c.id, { score: 1 }))).toMatchObject({ _tag: "Conflict", reason: "already_rated" })
        expect(c).toMatchObject({ state: "rated", ratingCount: 2, ratingSum: 9 })
        expect((yield* Effect.flip(d.execute(w.secretary, c.id, { _tag: "Reopen", reason: "x" })))._tag).toBe("InvalidInput")
        c = yield* d.execute(w.secretary, c.id, { _tag: "Close" })
        expect(c).toMatchObject({ state: "closed", status: "closed", version: 9 })

        const board = yield* d.board(w.t.county.id)
        expect(board.items).toHaveLength(1)
        expect(board.items[0]).toMatchObject({ id: c.id, raisedBy: "欧***", state: "closed", unit: "物业公司", progress: 100, overdue: false, rating: 4.5, ratings: 2 })
        const text = JSON.stringify(board)
        for (const v of sensitive(raiser)) expect(text).not.toContain(v)
        const stats = yield* d.statistics(w.secretary, w.t.communities[0].id)
        expect(stats).toMatchObject({ raised: 1, takenUp: 1, resolved: 1, overdue: 0, answeredOnSpot: 0 })
        expect(stats.byUnit[0]).toMatchObject({ unit: "property_company", onTime: { count: 1, of: 1, percent: 100 }, averageRating: 4.5, satisfied: { count: 2, of: 2, percent: 100 } })

        const mine = (yield* events).filter((e) => e.aggregateId === c.id)
        expect(mine.map((e) => e.version)).toEqual(Array.from({ length: 9 }, (_, i) => i + 1))
        const logged = JSON.stringify(mine)
        for (const v of [...sensitive(raiser), "楼道灯"]) expect(logged).not.toContain(v)
        const ratings = yield* Effect.flatMap(DeliberationStore, (s) => s.ratings(c.id))
        expect(ratings.map((r) => [r.residentId, r.score, r.comment])).toEqual([["resident-1", 5, "很满意"], ["resident-2", 4, null]])
      })))

    it("enumerates every (state, command) pair: each follows the transition table or fails with InvalidTransition", () =>
      world((w) => Effect.gen(function*() {
        const d = yield* Deliberation
        const target = yield* d.raise(w.secretary, raiseOf(w, { title: "合并目标" }))
        const config = defaultDeliberationConfig(w.t.county.id)
        let checked = 0
        for (const state of ItemState.literals) {
          for (const tag of itemCommandTags) {
            const c = yield* itemAt(w, pathTo[state], target.id)
            expect(c.state).toBe(state)
            const to = itemTarget(state, tag)
            checked++
            if (tag === "Raise") {
              const r = decideItem(c, { _tag: "Raise", ...raiseOf(w) }, { at: c.updatedAt, actor: sys, config })
              expect(r._tag === "Failure" && r.failure._tag).toBe("InvalidTransition")
              continue
            }
            const result = yield* Effect.result(step(w, c, tag, target.id))
            const after = yield* d.get(w.secretary, c.id)
            if (to === undefined) {
              expect(result._tag === "Failure" ? result.failure._tag : `succeeded into ${result.success.state}`, `${state} × ${tag}`).toBe("InvalidTransition")
              expect(after.version).toBe(c.version)
            } else {
              expect(result._tag === "Success" ? result.success.state : result.failure._tag, `${state} × ${tag}`).toBe(to)
              expect(after.state).toBe(to)
              expect(after.version).toBe(c.version + 1)
            }
          }
        }
        expect(checked).toBe(ItemState.literals.length * itemCommandTags.length)
      })), 120_000)

    it("property: a parent's progress stays within 0–100 and equals the weighted average of its children after any updates", () =>
      fc.assert(
        fc.asyncProperty(
          fc.array(fc.double({ min: 0.5, max: 5, noNaN: true }), { minLength: 1, maxLength: 4 }),
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 100 }), fc.boolean()), { minLength: 1, maxLength: 8 }),
          (weights, updates) =>
            world((w) => Effect.gen(function*() {
              const d = yield* Deliberation
              const parent = yield* d.raise(w.secretary, raiseOf(w, { kind: "topic", title: "小区改造" }))
              const kids: Array<Item> = []
              for (const [i, weight] of weights.entries()) {
                let k = yield* d.raise(w.secretary, raiseOf(w, { parentId: parent.id, weight, title: `子项 ${i}` }))
                k = yield* d.execute(w.secretary, k.id, { _tag: "Accept", unit: "community", promisedAt: iso(T0 + 30 * DAY) })
                kids.push(k)
              }
              for (const [n, progress, resolve] of updates) {
                const k = kids[n % kids.length]!
                const now = yield* d.get(w.secretary, k.id)
                if (now.state === "resolved") continue
                yield* d.execute(w.secretary, k.id, resolve && progress > 90 ? { _tag: "Resolve", resolution: "完成" } : { _tag: "RecordMilestone", note: "推进", progress })
                const p = yield* d.get(w.secretary, parent.id)
                const children = yield* d.children(w.secretary, parent.id)
                const expected = children.reduce((s, c) => s + c.weight * c.progress, 0) / children.reduce((s, c) => s + c.weight, 0)
                expect(p.children).toBe(weights.length)
                expect(p.progress).toBeGreaterThanOrEqual(0)
                expect(p.progress).toBeLessThanOrEqual(100)
                expect(p.progress).toBeCloseTo(expected, 9)
              }
            }))
        ),
        { numRuns: runs }
      ), 120_000)

    it("property: no board row or statistic contains a raiser's name, phone or ID-card number", () => {
      const name = fc.tuple(fc.constantFrom("欧阳", "司马", "诸葛", "王", "李"), fc.constantFrom("芃翀", "婕", "建国", "秀英兰", "德胜")).map(([a, b]) => a + b)
      const phone = fc.tuple(fc.constantFrom("139", "138", "150", "186"), fc.integer({ min: 10_000_000, max: 99_999_999 })).map(([a, b]) => `${a}${b}`)
      const idCard = fc.tuple(fc.constantFrom("110101", "370882", "141023"), fc.integer({ min: 1950, max: 2005 }), fc.integer({ min: 101, max: 1228 }), fc.integer({ min: 100, max: 999 }))
        .map(([area, y, md, seq]) => {
          const body = `${area}${y}${String(md).padStart(4, "0")}${seq}`
          const w17 = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
          const sum = [...body].reduce((s, ch, i) => s + Number(ch) * w17[i]!, 0)
          return body + "10X98765432"[sum % 11]!
        })
        .filter(isValidIdCard)
      return fc.assert(
        fc.asyncProperty(fc.array(fc.record({ name, phone, idCard, leak: fc.boolean() }), { minLength: 1, maxLength: 4 }), (people) =>
          world((w) => Effect.gen(function*() {
            const d = yield* Deliberation
            for (const p of people) {
              const r: Raiser = { name: p.name, phone: p.phone, idCardNumber: p.idCard, actorId: null }
              const c = yield* d.raise(w.secretary, raiseOf(w, {
                raisedBy: r,
                title: p.leak ? `${p.name}反映路灯` : "路灯不亮",
                text: `${p.name}，电话${p.phone}，身份证${p.idCard}`
              }))
              yield* d.execute(w.secretary, c.id, p.leak ? { _tag: "Answer", answer: `已答复${p.name}（${p.phone}）` } : { _tag: "Accept", unit: "urban", promisedAt: iso(T0 + DAY) })
            }
            yield* TestClock.adjust(2 * DAY)
            const board = JSON.stringify(yield* d.board(w.t.county.id))
            const stats = JSON.stringify(yield* d.statistics(w.secretary, w.t.communities[0].id, { from: iso(T0 - DAY), to: iso(T0 + 3 * DAY) }))
            for (const p of people) {
              for (const v of [p.name, p.phone, p.idCard]) {
                expect(board).not.toContain(v)
                expect(stats).not.toContain(v)
              }
            }
          }))
        ),
        { numRuns: runs }
      )
    }, 120_000)

    it("property: a resident rates an item at most once", () =>
      fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 10 }), (attempts) =>
          world((w) => Effect.gen(function*() {
            const d = yield* Deliberation
            const c = yield* itemAt(w, ["Accept", "Resolve", "ReportBack"], "dli_00000000000000000000000000" as Item["id"])
            const first = new Map<number, number>()
            for (const [who, score] of attempts) {
              const r = yield* Effect.result(d.rate(w.resident(100 + who), c.id, { score }))
              if (first.has(who)) expect(r._tag === "Failure" && r.failure._tag === "Conflict" && r.failure.reason).toBe("already_rated")
              else {
                expect(r._tag).toBe("Success")
                first.set(who, score)
              }
            }
            const after = yield* d.get(w.secretary, c.id)
            expect(after.ratingCount).toBe(first.size)
            expect(after.ratingSum).toBe([...first.values()].reduce((a, b) => a + b, 0))
            const stored = yield* Effect.flatMap(DeliberationStore, (s) => s.ratings(c.id))
            expect(stored).toHaveLength(first.size)
          }))
        ),
        { numRuns: runs }
      ), 120_000)

    it("filters and sorts the board: category, unit, status, state, overdue; pages with next", () =>
      world((w) => Effect.gen(function*() {
        const d = yield* Deliberation
        const a = yield* d.raise(w.secretary, raiseOf(w, { category: "parking", title: "停车难" }))
        yield* TestClock.adjust(60_000)
        const b = yield* d.raise(w.secretary, raiseOf(w, { category: "environment", title: "垃圾清运" }))
        yield* TestClock.adjust(60_000)
        const c = yield* d.raise(w.t.admin, raiseOf(w, { nodeId: w.t.communities[1].id, sessionId: undefined, category: "parking", title: "充电桩" }))
        yield* d.execute(w.secretary, a.id, { _tag: "Accept", unit: "urban", promisedAt: iso(T0 + DAY) })
        yield* d.execute(w.secretary, a.id, { _tag: "RecordMilestone", note: "协调中", progress: 20 })
        yield* d.execute(w.secretary, b.id, { _tag: "Accept", unit: "property_company", promisedAt: iso(T0 + 5 * DAY) })
        yield* d.execute(sys, c.id, { _tag: "Answer", answer: "已纳入计划" })
        yield* TestClock.adjust(2 * DAY)
        const ids = (p: { items: ReadonlyArray<{ id: string }> }) => p.items.map((i) => i.id)
        expect(ids(yield* d.board(w.t.county.id))).toEqual([c.id, b.id, a.id])
        expect(ids(yield* d.board(w.t.communities[0].id))).toEqual([b.id, a.id])
        expect(ids(yield* d.board(w.t.county.id, { category: "parking" }))).toEqual([c.id, a.id])
        expect(ids(yield* d.board(w.t.county.id, { unit: "property_company" }))).toEqual([b.id])
        expect(ids(yield* d.board(w.t.county.id, { status: "closed" }))).toEqual([c.id])
        expect(ids(yield* d.board(w.t.county.id, { state: "in_progress" }))).toEqual([a.id])
        const overdue = yield* d.board(w.t.county.id, { overdue: true })
        expect(ids(overdue)).toEqual([a.id])
        expect(overdue.items[0]).toMatchObject({ overdue: true, progress: 20, unit: "城市管理局" })
        expect(ids(yield* d.board(w.t.county.id, { overdue: false }))).toEqual([c.id, b.id])
        expect(ids(yield* d.board(w.t.county.id, { sort: "promised" }))).toEqual([a.id, b.id, c.id])
        expect(ids(yield* d.board(w.t.county.id, { sort: "progress" }))).toEqual([b.id, a.id, c.id])
        const p1 = yield* d.board(w.t.county.id, { limit: 2 })
        expect(ids(p1)).toEqual([c.id, b.id])
        expect(p1.next).not.toBeNull()
        const p2 = yield* d.board(w.t.county.id, { limit: 2, after: p1.next! })
        expect(ids(p2)).toEqual([a.id])
        expect(p2.next).toBeNull()
        const stats = yield* d.statistics(w.secretary, w.t.communities[0].id)
        expect(stats).toMatchObject({ raised: 2, takenUp: 2, overdue: 1, resolved: 0 })
        expect(stats.byUnit.map((u) => [u.unit, u.overdue])).toEqual([["property_company", 0], ["urban", 1]])
      })))

    it("statistics: answered on the spot, on-time rate per unit, and the change against a year earlier per category (-19.5%)", () =>
      world((w) => Effect.gen(function*() {
        const d = yield* Deliberation
        const admin = w.t.admin
        const year = 365 * DAY
        yield* TestClock.setTime(T0 - year)
        for (let i = 0; i < 200; i++) yield* d.raise(admin, raiseOf(w, { sessionId: undefined, title: `去年 ${i}` }))
        for (let i = 0; i < 10; i++) yield* d.raise(admin, raiseOf(w, { sessionId: undefined, category: "parking", title: `去年停车 ${i}` }))
        yield* TestClock.setTime(T0)
        const now: Array<Item> = []
        for (let i = 0; i < 161; i++) now.push(yield* d.raise(admin, raiseOf(w, { sessionId: undefined, title: `今年 ${i}` })))
        yield* d.execute(admin, now[0]!.id, { _tag: "Answer", answer: "现场答复" })
        yield* d.execute(admin, now[1]!.id, { _tag: "Accept", unit: "property_company", promisedAt: iso(T0 + DAY) })
        yield* d.execute(admin, now[2]!.id, { _tag: "Accept", unit: "property_company", promisedAt: iso(T0 + DAY) })
        yield* d.execute(admin, now[1]!.id, { _tag: "Resolve", resolution: "办结" })
        yield* TestClock.adjust(2 * DAY)
        yield* d.execute(admin, now[2]!.id, { _tag: "Resolve", resolution: "办结" })
        const stats = yield* d.statistics(admin, w.t.county.id, { from: iso(T0 - 7 * DAY), to: iso(T0 + 7 * DAY) })
        expect(stats).toMatchObject({ raised: 161, answeredOnSpot: 1, takenUp: 2, resolved: 2, overdue: 0 })
        expect(stats.byCategory.find((c) => c.category === "property")).toMatchObject({ count: 161, lastYear: 200, change: "-19.5%" })
        expect(stats.byCategory.find((c) => c.category === "parking")).toMatchObject({ count: 0, lastYear: 10, change: "-100.0%" })
        expect(stats.byUnit).toEqual([expect.objectContaining({ unit: "property_company", takenUp: 2, resolved: 2, onTime: { count: 1, of: 2, percent: 50 } })])
        expect(stats.byNode).toEqual([{ nodeId: w.t.streets[0].id, raised: 161, ratings: 0, averageRating: null }])
        const forbidden = yield* Effect.flip(d.statistics(w.resident(0), w.t.county.id))
        expect(["Forbidden", "NotFound"]).toContain(forbidden._tag)
      })), 120_000)

    it("votes of those present record counts only, against the county's quorum and majority", () =>
      world((w) => Effect.gen(function*() {
        const d = yield* Deliberation
        const c = yield* d.raise(w.secretary, raiseOf(w, { kind: "topic", title: "加装电梯" }))
        const tooMany = yield* Effect.flip(d.execute(w.secretary, c.id, { _tag: "Vote", sessionId: w.later.id, members: 9, present: 5, inFavour: 4, against: 2, abstained: 0 }))
        expect(tooMany._tag).toBe("InvalidInput")
        const noQuorum = yield* d.execute(w.secretary, c.id, { _tag: "Vote", sessionId: w.later.id, members: 9, present: 5, inFavour: 5, against: 0, abstained: 0 })
        expect(noQuorum.vote).toMatchObject({ quorumMet: false, passed: false })
        const passed = yield* d.execute(w.secretary, c.id, { _tag: "Vote", sessionId: w.later.id, members: 9, present: 6, inFavour: 4, against: 1, abstained: 1 })
        expect(passed).toMatchObject({ state: "raised", vote: { members: 9, present: 6, inFavour: 4, quorumMet: true, passed: true } })
        yield* d.configure(w.t.admin, w.t.county.id, { majority: 2 / 3 })
        const failed = yield* d.execute(w.secretary, c.id, { _tag: "Vote", sessionId: w.later.id, members: 9, present: 6, inFavour: 4, against: 2, abstained: 0 })
        expect(failed.vote).toMatchObject({ quorumMet: true, passed: false })
        expect(Object.keys(failed.vote!).sort()).toEqual(["abstained", "against", "at", "inFavour", "members", "passed", "present", "quorumMet", "sessionId"])
      })))

    it("sessions: convene with a configured type, minutes, listing newest first; store versions and duplicate ids", () =>
      world((w) => Effect.gen(function*() {
        const d = yield* Deliberation
        const bad = yield* Effect.flip(d.convene(w.secretary, { nodeId: w.t.communities[0].id, type: "tea_party", heldAt: iso(T0), convener: { id: "s", name: "李书记" }, participants: [], agenda: [] }))
        expect(bad._tag).toBe("InvalidInput")
        yield* d.configure(w.t.admin, w.t.county.id, { sessionTypes: [...defaultDeliberationConfig(w.t.county.id).sessionTypes, { key: "tea_party", nameZh: "茶话会", nameEn: "tea party" }] })
        const tea = yield* d.convene(w.secretary, { nodeId: w.t.communities[0].id, type: "tea_party", heldAt: iso(T0 + 2 * DAY), convener: { id: "s", name: "李书记" }, participants: [], agenda: ["邻里互助"] })
        const minuted = yield* d.recordMinutes(w.secretary, tea.id, { minutes: "议定每月一次", expectedVersion: 1 })
        expect(minuted).toMatchObject({ minutes: "议定每月一次", version: 2 })
        expect(yield* d.getSession(w.secretary, tea.id)).toEqual(minuted)
        const list = yield* d.listSessions(w.secretary, w.t.communities[0].id)
        expect(list.items.map((s) => s.id)).toEqual([tea.id, w.later.id, w.first.id])
        expect((yield* Effect.flip(d.listSessions(w.otherSecretary, w.t.communities[0].id)))._tag).toMatch(/Forbidden|NotFound/)
        const store = yield* DeliberationStore
        expect(yield* Effect.flip(store.insertSession(tea))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        expect(yield* Effect.flip(store.updateSession(tea, 1))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        const item = yield* d.raise(w.secretary, raiseOf(w))
        expect(yield* Effect.flip(store.insertItem(item))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        expect(yield* Effect.flip(store.updateItem(item, 7))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        // A failed unit of work leaves nothing behind.
        const uow = yield* UnitOfWork
        yield* Effect.flip(uow.transaction(Effect.gen(function*() {
          yield* store.updateItem({ ...item, title: "改过", version: 2 }, 1)
          yield* store.addRating({ itemId: item.id, residentId: "r", round: 0, score: 3, comment: null, at: iso(T0) })
          return yield* Effect.fail("boom")
        })))
        expect((yield* d.get(w.secretary, item.id)).title).toBe(item.title)
        expect(yield* store.ratings(item.id)).toEqual([])
      })))
  })
}
