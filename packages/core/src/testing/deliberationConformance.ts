/**
 * The deliberation storage conformance suite. Every adapter calls
 * {@link deliberationStoreConformance} from a vitest file and must pass every case: the
 * item lifecycle enumerated pair by pair, the progress roll-up (a property test), the
 * public board and statistics free of personal data planted in every free-text field (a
 * property test over generated residents), one rating per person and round (a property
 * test), filters and sorts of the board, the statistics with their year-on-year change in
 * the county's calendar, and the store's own contract.
 *
 * @since 0.3.0
 */
import { runnerAt } from "./runner.js"
import { Effect, Layer, type Scope } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type Actor, systemActor } from "../kernel/actor.js"
import type { Directory } from "../kernel/directory.js"
import { Identity } from "../kernel/identity.js"
import { IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import { GridStore } from "../grid/store.js"
import { decideItem, itemCommandTags, type ItemCommandTag, itemTarget } from "../deliberation/machine.js"
import { type DeliberationItem, type ItemCommand, ItemState, type RaiseItem, type Session } from "../deliberation/model.js"
import { countyCalendar, defaultDeliberationConfig } from "../deliberation/rules.js"
import { Deliberation } from "../deliberation/service.js"
import { DeliberationStore } from "../deliberation/store.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import { arbitraryIdCard, arbitraryMobile, arbitraryName, arbitrarySpelling } from "./personal.js"

/**
 * The ports a deliberation store is tested with.
 *
 * @category models
 * @since 0.3.0
 */
export type DeliberationStorePorts = DeliberationStore | GridStore | Directory | EventLog | UnitOfWork

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
/** 2026-06-01 08:00 UTC: 16:00 in China. */
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString()
const dateOf = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10)

type Env = Deliberation | Grid | Identity | DeliberationStorePorts | IdGenerator | TestClock.TestClock | Scope.Scope

interface World {
  readonly t: TinyCounty
  readonly secretary: Actor
  readonly otherSecretary: Actor
  /** A new resident of community 1 (a person in the household of unit a1), as the kernel derives their actor. */
  readonly newResident: Effect.Effect<Actor>
  /** A resident of community 2. */
  readonly outsider: Actor
  /** A session held a day after T0: items raised at T0 are reported back at it. */
  readonly later: Session
  readonly first: Session
}

const SURNAMES = "钱孙周郑冯陈褚卫蒋沈韩杨朱秦尤许何吕施张"
const GIVEN = "芃翀婕骁晗玥骞彧璟瑄珩昶"

const setupWorld: Effect.Effect<World, unknown, Deliberation | Grid | Identity> = Effect.gen(function*() {
  const t = yield* buildTinyCounty()
  const d = yield* Deliberation
  const grid = yield* Grid
  const identity = yield* Identity
  const secretary = t.actors.secretary
  const convene = (heldAt: number, type: string) =>
    d.convene(secretary, {
      nodeId: t.communities[0].id,
      type,
      heldAt: iso(heldAt),
      participants: [{ role: "residents", count: 12, names: [] }, { role: "property_company", count: 1, names: ["泰安物业"] }],
      agenda: ["小区环境", "停车"]
    })
  const first = yield* convene(T0 - DAY, "round_table")
  const later = yield* convene(T0 + DAY, "residents_council")
  let n = 0
  const newResident = Effect.gen(function*() {
    const k = n++
    const p = yield* grid.createPerson(sys, {
      nodeId: t.units[0].id,
      code: `R${k}`,
      name: `${SURNAMES[k % SURNAMES.length]}${GIVEN[Math.floor(k / SURNAMES.length) % GIVEN.length]}${GIVEN[k % GIVEN.length]}`,
      householdId: t.households[0]!.id
    })
    const actor = yield* identity.actorOf(p.id)
    if (actor._tag === "None") return yield* Effect.die(new Error(`no actor for ${p.id}`))
    return actor.value
  }).pipe(Effect.orDie)
  return { t, secretary, otherSecretary: t.actors.secretary2, newResident, outsider: t.actors.resident2, later, first }
})

type Overrides = { readonly [K in keyof RaiseItem]?: RaiseItem[K] | undefined }

const raiseOf = (w: World, overrides: Overrides = {}): RaiseItem => {
  const all: Record<string, unknown> = {
    nodeId: w.t.communities[0].id,
    kind: "suggestion",
    sessionId: w.first.id,
    raisedBy: { _tag: "Outside", name: "欧阳芃翀", phone: "13912345678" },
    category: "property",
    title: "楼道灯坏了",
    text: "欧阳芃翀（13912345678）反映3号楼楼道灯不亮",
    ...overrides
  }
  for (const k of Object.keys(all)) if (all[k] === undefined) delete all[k]
  return all as RaiseItem
}

let milestones = 0

/** A command of each tag valid for the item as it is (Rate goes through `rate`). */
const validCommand = (w: World, tag: Exclude<ItemCommandTag, "Raise" | "Rate" | "ReopenNotSolved">, into: DeliberationItem["id"]): ItemCommand => {
  switch (tag) {
    case "Answer":
      return { _tag: "Answer", answer: "已现场联系物业，今日更换" }
    case "Accept":
      return { _tag: "Accept", unit: "property_company", promisedBy: dateOf(T0 + 10 * DAY) }
    case "Vote":
      return { _tag: "Vote", sessionId: w.later.id, members: 9, present: 7, inFavour: 5, against: 1, abstained: 1 }
    case "RecordMilestone":
      return { _tag: "RecordMilestone", note: `已采购灯具 ${++milestones}`, progress: 40 }
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

/** Runs one tag on an item as the secretary, (Rate) as a new resident rating 2, or (ReopenNotSolved) as the system for its raiser. */
const step = (w: World, c: DeliberationItem, tag: Exclude<ItemCommandTag, "Raise">, into: DeliberationItem["id"]) =>
  Effect.flatMap(Deliberation, (d) =>
    tag === "Rate"
      ? Effect.flatMap(w.newResident, (r) => d.rate(r, c.id, { score: 2, comment: "灯还是时好时坏" }))
      : tag === "ReopenNotSolved"
      ? d.reopenNotSolved(sys, c.id, { personId: c.raisedBy._tag === "Person" ? c.raisedBy.personId : w.t.people.resident.id, reason: "回访：未解决" })
      : d.execute(w.secretary, c.id, validCommand(w, tag, into)))

const itemAt = (w: World, tags: ReadonlyArray<Exclude<ItemCommandTag, "Raise">>, into: DeliberationItem["id"], raise: RaiseItem = raiseOf(w)) =>
  Effect.gen(function*() {
    const d = yield* Deliberation
    let c = yield* d.raise(w.secretary, raise)
    for (const tag of tags) c = yield* step(w, c, tag, into)
    return c
  })

const JOINERS = /[\p{P}\p{S}\p{Z}\s]/gu
const FULL_WIDTH = "０１２３４５６７８９"

/**
 * Whether a text a public view shows leaks a name (also with separators put between its
 * characters) or the digits of a phone or ID-card number (in any spacing, full-width too).
 *
 * @category conformance
 * @since 0.4.0
 */
export const leakIn = (shown: string, secrets: { readonly names: ReadonlyArray<string>; readonly numbers: ReadonlyArray<string> }): string | undefined => {
  const letters = shown.replace(JOINERS, "")
  const digits = Array.from(shown, (c) => (FULL_WIDTH.includes(c) ? String(FULL_WIDTH.indexOf(c)) : c)).join("").replace(/[^0-9]/g, "")
  for (const name of secrets.names) if (letters.includes(name.replace(JOINERS, ""))) return name
  for (const n of secrets.numbers) if (digits.includes(n.replace(/[^0-9]/g, "").slice(0, 17))) return n
  return undefined
}

const personal = fc.record({ name: arbitraryName, phone: arbitraryMobile, idCard: arbitraryIdCard, spellPhone: arbitrarySpelling, spellId: arbitrarySpelling })

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
  const run = runnerAt(T0, () =>
    Layer.mergeAll(Deliberation.layer, Grid.layer, layerKernel).pipe(
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(11)))
    )
  )
  const world = <A, E>(f: (w: World) => Effect.Effect<A, E, Env>) => run(Effect.flatMap(setupWorld, f))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))

  describe(`deliberation store conformance: ${name}`, () => {
    it("runs a round-table item from raising to rating and closure; the board is masked and the log holds no personal data", () =>
      world((w) => Effect.gen(function*() {
        const d = yield* Deliberation
        const { t } = w
        const resident = t.actors.resident
        const raised = yield* d.raise(resident, raiseOf(w, { raisedBy: undefined, text: `${t.people.resident.name}（13812340000）反映3号楼楼道灯不亮` }))
        expect(raised).toMatchObject({ state: "raised", status: "open", version: 1, progress: 0, sessionId: w.first.id, raisedBy: { _tag: "Person", personId: t.people.resident.id } })
        expect(yield* d.get(resident, raised.id)).toEqual(raised)
        expect((yield* Effect.flip(d.get(w.outsider, raised.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(d.execute(resident, raised.id, validCommand(w, "Accept", raised.id))))._tag).toBe("NotFound")
        expect((yield* Effect.flip(d.execute(t.actors.worker, raised.id, validCommand(w, "Accept", raised.id))))._tag).toBe("NotFound")
        expect((yield* Effect.flip(d.execute(w.otherSecretary, raised.id, validCommand(w, "Accept", raised.id))))._tag).toBe("NotFound")
        let c = yield* d.execute(w.secretary, raised.id, { _tag: "Accept", unit: "property_company", promisedBy: dateOf(T0 + 10 * DAY), expectedVersion: 1 })
        expect(c).toMatchObject({ state: "accepted", unit: { code: "property_company", name: "物业公司" }, promisedBy: dateOf(T0 + 10 * DAY) })
        const stale = yield* Effect.flip(d.execute(w.secretary, c.id, { _tag: "RecordMilestone", note: "x", progress: 10, expectedVersion: 1 }))
        expect(stale).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        c = yield* d.execute(w.secretary, c.id, { _tag: "RecordMilestone", note: "已采购灯具", progress: 30 })
        c = yield* d.execute(w.secretary, c.id, { _tag: "RecordMilestone", note: "已安装一半", progress: 60 })
        expect(c).toMatchObject({ state: "in_progress", progress: 60 })
        const raters = [yield* w.newResident, yield* w.newResident]
        const early = yield* Effect.flip(d.rate(raters[0]!, c.id, { score: 5 }))
        expect(early._tag).toBe("InvalidTransition")
        c = yield* d.execute(w.secretary, c.id, { _tag: "Resolve", resolution: "已更换全部楼道灯" })
        expect(c).toMatchObject({ state: "resolved", status: "open", progress: 100, resolvedAt: iso(T0) })
        const sameSession = yield* Effect.flip(d.execute(w.secretary, c.id, { _tag: "ReportBack", sessionId: w.first.id, note: "x" }))
        expect(sameSession._tag).toBe("InvalidInput")
        c = yield* d.execute(w.secretary, c.id, { _tag: "ReportBack", sessionId: w.later.id, note: "通报" })
        c = yield* d.rate(raters[0]!, c.id, { score: 5, comment: "很满意" })
        c = yield* d.rate(raters[1]!, c.id, { score: 4 })
        expect((yield* Effect.flip(d.rate(w.outsider, c.id, { score: 1 })))._tag).toBe("NotFound")
        expect(yield* Effect.flip(d.rate(raters[0]!, c.id, { score: 1 }))).toMatchObject({ _tag: "Conflict", reason: "already_rated" })
        expect(c).toMatchObject({ state: "rated", ratingCount: 2, ratingSum: 9 })
        expect((yield* Effect.flip(d.execute(w.secretary, c.id, { _tag: "Reopen", reason: "x" })))._tag).toBe("InvalidInput")
        c = yield* d.execute(w.secretary, c.id, { _tag: "Close" })
        expect(c).toMatchObject({ state: "closed", status: "closed", version: 9 })

        const board = yield* d.board(t.county.id)
        expect(board.items).toHaveLength(1)
        expect(board.items[0]).toMatchObject({ id: c.id, raisedBy: "张*", state: "closed", unit: "物业公司", progress: 100, overdue: false, rating: 4.5, ratings: 2 })
        expect(board.items[0]!.milestones.map((m) => [m.note, m.progress])).toEqual([["已采购灯具", 30], ["已安装一半", 60]])
        const text = JSON.stringify(board)
        for (const v of [t.people.resident.name, "13812340000"]) expect(text).not.toContain(v)
        const stats = yield* d.statistics(w.secretary, t.communities[0].id)
        expect(stats).toMatchObject({ raised: 1, takenUp: 1, resolved: 1, overdue: 0, answeredOnSpot: 0 })
        expect(stats.byUnit[0]).toMatchObject({ unit: "property_company", onTime: { count: 1, of: 1, percent: 100 }, averageRating: 4.5, satisfied: { count: 2, of: 2, percent: 100 } })

        const mine = (yield* events).filter((e) => e.aggregateId === c.id)
        expect(mine.map((e) => e.version)).toEqual(Array.from({ length: 9 }, (_, i) => i + 1))
        const logged = JSON.stringify(mine.map((e) => e.payload))
        for (const v of [t.people.resident.name, t.people.resident.id, ...raters.map((r) => r.id), "13812340000", "楼道灯", "很满意"]) expect(logged).not.toContain(v)
        const ratings = yield* Effect.flatMap(DeliberationStore, (s) => s.ratings(c.id))
        expect(ratings.map((r) => [r.personId, r.score, r.comment]).sort()).toEqual([[raters[0]!.id, 5, "很满意"], [raters[1]!.id, 4, null]].sort())
        expect(Option_isSome(yield* Effect.flatMap(DeliberationStore, (s) => s.findRating(c.id, 0, raters[1]!.id as never)))).toBe(true)
        expect(Option_isSome(yield* Effect.flatMap(DeliberationStore, (s) => s.findRating(c.id, 1, raters[1]!.id as never)))).toBe(false)
      })))

    it("enumerates every (state, command) pair: each follows the transition table or fails with InvalidTransition", () =>
      world((w) => Effect.gen(function*() {
        const d = yield* Deliberation
        const target = yield* d.raise(w.secretary, raiseOf(w, { title: "合并目标" }))
        const config = defaultDeliberationConfig(w.t.county.id)
        let checked = 0
        for (const state of ItemState.literals) {
          for (const tag of itemCommandTags) {
            // The follow-up's reopening is for an item a person raised.
            const c = yield* itemAt(w, pathTo[state], target.id, tag === "ReopenNotSolved" ? raiseOf(w, { raisedBy: { _tag: "Person", personId: w.t.people.resident.id } }) : raiseOf(w))
            expect(c.state).toBe(state)
            const to = itemTarget(state, tag)
            checked++
            if (tag === "Raise") {
              const r = decideItem(c, { _tag: "Raise", ...raiseOf(w) }, { at: c.updatedAt, actor: sys, config, calendar: countyCalendar("Asia/Shanghai", c.updatedAt), redact: (x) => x })
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
              const kids: Array<DeliberationItem> = []
              for (const [i, weight] of weights.entries()) {
                let k = yield* d.raise(w.secretary, raiseOf(w, { parentId: parent.id, weight, title: `子项 ${i}` }))
                k = yield* d.execute(w.secretary, k.id, { _tag: "Accept", unit: "community", promisedBy: dateOf(T0 + 30 * DAY) })
                kids.push(k)
              }
              for (const [n, progress, resolve] of updates) {
                const k = kids[n % kids.length]!
                const now = yield* d.get(w.secretary, k.id)
                if (now.state === "resolved") continue
                yield* d.execute(w.secretary, k.id, resolve && progress > 90 ? { _tag: "Resolve", resolution: "完成" } : { _tag: "RecordMilestone", note: `推进 ${progress}`, progress })
                const p = yield* d.get(w.secretary, parent.id)
                const children = yield* d.children(w.secretary, parent.id)
                const expected = children.reduce((s, c) => s + c.weight * c.progress, 0) / children.reduce((s, c) => s + c.weight, 0)
                expect(p.children).toBe(weights.length)
                expect(p.progress).toBeGreaterThanOrEqual(0)
                expect(p.progress).toBeLessThanOrEqual(100)
                expect(p.progress).toBeCloseTo(expected, 9)
              }
              const rolled = (yield* events).filter((e) => e.aggregateId === parent.id && e.type === "deliberation.item.progress_rolled_up")
              expect((yield* d.get(w.secretary, parent.id)).version).toBe(1 + rolled.length)
            }))
        ),
        { numRuns: runs }
      ), 120_000)

    it("property: no board row or statistic shows a name, phone or ID-card number planted in any free-text field", () =>
      fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(personal, { minLength: 1, maxLength: 3, selector: (p) => p.idCard }),
          personal,
          fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 3 }),
          (around, outsider, paths) =>
            world((w) => Effect.gen(function*() {
              const d = yield* Deliberation
              const grid = yield* Grid
              const { t } = w
              yield* grid.createHousehold(sys, {
                nodeId: t.units[1].id,
                code: "909",
                residents: around.map((p, i) => ({ name: p.name, phone: p.phone, idCardNumber: p.idCard, relation: i === 0 ? "head" as const : "other" as const }))
              })
              const neighbours = [t.households[0]!.residents[0]!.name, t.households[1]!.residents[0]!.name, t.people.worker.name]
              const quote = (i: number) => {
                const p = around[i % around.length]!
                return `${p.name}（${p.spellPhone(p.phone)}）\n身份证${p.spellId(p.idCard)}，邻居${neighbours[i % neighbours.length]}，来人${outsider.name}电话${outsider.spellPhone(outsider.phone)}`
              }
              yield* d.configure(t.admin, t.county.id, { units: [{ code: "repair", name: `${around[0]!.name}维修队` }, { code: "community", name: "社区居委会" }] })
              for (const [i, path] of paths.entries()) {
                const c = yield* d.raise(w.secretary, raiseOf(w, {
                  raisedBy: { _tag: "Outside", name: outsider.name, phone: outsider.phone },
                  title: `${around[i % around.length]!.name}${outsider.spellPhone(outsider.phone)}反映`,
                  text: quote(i)
                }))
                if (path === 0) yield* d.execute(w.secretary, c.id, { _tag: "Answer", answer: quote(i + 1) })
                if (path === 1) {
                  yield* d.execute(w.secretary, c.id, { _tag: "Accept", unit: "repair", promisedBy: dateOf(T0 + DAY) })
                  yield* d.execute(w.secretary, c.id, { _tag: "RecordMilestone", note: quote(i + 2), progress: 50 })
                  yield* d.execute(w.secretary, c.id, { _tag: "Resolve", resolution: quote(i + 3) })
                  yield* d.execute(w.secretary, c.id, { _tag: "ReportBack", sessionId: w.later.id, note: quote(i + 4) })
                }
                if (path === 2) yield* d.execute(w.secretary, c.id, { _tag: "Decline", reason: quote(i + 5) })
              }
              yield* TestClock.adjust(2 * DAY)
              const secrets = { names: [...around.map((p) => p.name), outsider.name, ...neighbours], numbers: [...around.flatMap((p) => [p.phone, p.idCard]), outsider.phone] }
              for (const root of [t.county.id, t.communities[0].id]) {
                const board = yield* d.board(root)
                expect(board.items).toHaveLength(paths.length)
                for (const row of board.items) {
                  const shown = [row.title, row.raisedBy, row.placeName, row.unit, row.answer, row.resolution, row.declineReason, row.category.nameZh, row.category.nameEn, ...row.milestones.map((m) => m.note)]
                  for (const text of shown) if (text !== null) expect(leakIn(text, secrets), text).toBeUndefined()
                }
              }
              // Statistics carry no free text of an item: keys, counts, and the county's own names of its units.
              const stats = yield* d.statistics(w.secretary, t.communities[0].id, { from: dateOf(T0 - DAY), to: dateOf(T0 + 3 * DAY) })
              const counted = JSON.stringify({ ...stats, from: null, to: null, byUnit: stats.byUnit.map((u) => ({ ...u, name: u.unit })) })
              expect(leakIn(counted, secrets)).toBeUndefined()
            }))
        ),
        { numRuns: runs }
      ), 120_000)

    it("property: a person rates an item at most once per round, whoever records it", () =>
      fc.assert(
        fc.asyncProperty(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 5 }), fc.boolean()), { minLength: 1, maxLength: 10 }), (attempts) =>
          world((w) => Effect.gen(function*() {
            const d = yield* Deliberation
            const c = yield* itemAt(w, ["Accept", "Resolve", "ReportBack"], "dli_00000000000000000000000000" as DeliberationItem["id"])
            const people: Array<Actor> = []
            for (let i = 0; i < 5; i++) people.push(yield* w.newResident)
            const first = new Map<number, number>()
            for (const [who, score, byStaff] of attempts) {
              const person = people[who]!
              const r = yield* Effect.result(byStaff ? d.rate(w.secretary, c.id, { score, personId: person.id as never }) : d.rate(person, c.id, { score }))
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
            expect(stored.map((r) => r.personId).sort()).toEqual([...first.keys()].map((k) => people[k]!.id).sort())
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
        yield* d.execute(w.secretary, a.id, { _tag: "Accept", unit: "urban", promisedBy: dateOf(T0 + DAY) })
        yield* d.execute(w.secretary, a.id, { _tag: "RecordMilestone", note: "协调中", progress: 20 })
        yield* d.execute(w.secretary, b.id, { _tag: "Accept", unit: "property_company", promisedBy: dateOf(T0 + 5 * DAY) })
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
        expect(overdue.items[0]).toMatchObject({ overdue: true, progress: 20, unit: "城市管理局", promisedBy: dateOf(T0 + DAY) })
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
        expect((yield* Effect.flip(d.board("node_01J00000000000000000000000" as never)))._tag).toBe("NotFound")
      })))

    it("counts overdue and on time in the county's calendar: the promised day ends at midnight China time, not UTC", () =>
      world((w) => Effect.gen(function*() {
        const d = yield* Deliberation
        const china = (day: number, h: number, min: number) => Date.UTC(2026, 5, day, h - 8, min)
        const a = yield* d.raise(w.secretary, raiseOf(w, { title: "甲" }))
        const b = yield* d.raise(w.secretary, raiseOf(w, { title: "乙" }))
        yield* d.execute(w.secretary, a.id, { _tag: "Accept", unit: "urban", promisedBy: "2026-06-10" })
        yield* d.execute(w.secretary, b.id, { _tag: "Accept", unit: "community", promisedBy: "2026-06-10" })
        yield* TestClock.setTime(china(10, 23, 30))
        yield* d.execute(w.secretary, b.id, { _tag: "Resolve", resolution: "当天办结" })
        expect((yield* d.board(w.t.county.id, { overdue: true })).items).toEqual([])
        expect((yield* d.statistics(w.t.admin, w.t.county.id)).overdue).toBe(0)
        yield* TestClock.setTime(china(11, 0, 30))
        expect((yield* d.board(w.t.county.id, { overdue: true })).items.map((r) => r.id)).toEqual([a.id])
        expect((yield* d.board(w.t.county.id, { overdue: false })).items.map((r) => r.id)).toEqual([b.id])
        const stats = yield* d.statistics(w.t.admin, w.t.county.id)
        expect(stats.overdue).toBe(1)
        expect(stats.byUnit.find((u) => u.unit === "community")).toMatchObject({ onTime: { count: 1, of: 1 } })
        yield* d.execute(w.secretary, a.id, { _tag: "Resolve", resolution: "晚了半小时" })
        expect((yield* d.statistics(w.t.admin, w.t.county.id)).byUnit.find((u) => u.unit === "urban")).toMatchObject({ onTime: { count: 0, of: 1 }, overdue: 0 })
      })))

    it("statistics: answered on the spot, on-time rate per unit, and the change against the same days a year earlier per category (-19.5%)", () =>
      world((w) => Effect.gen(function*() {
        const d = yield* Deliberation
        const admin = w.t.admin
        const year = 365 * DAY
        yield* TestClock.setTime(T0 - year)
        for (let i = 0; i < 200; i++) yield* d.raise(admin, raiseOf(w, { sessionId: undefined, title: `去年 ${i}` }))
        for (let i = 0; i < 10; i++) yield* d.raise(admin, raiseOf(w, { sessionId: undefined, category: "parking", title: `去年停车 ${i}` }))
        yield* TestClock.setTime(T0)
        const now: Array<DeliberationItem> = []
        for (let i = 0; i < 161; i++) now.push(yield* d.raise(admin, raiseOf(w, { sessionId: undefined, title: `今年 ${i}` })))
        yield* d.execute(admin, now[0]!.id, { _tag: "Answer", answer: "现场答复" })
        yield* d.execute(admin, now[1]!.id, { _tag: "Accept", unit: "property_company", promisedBy: dateOf(T0) })
        yield* d.execute(admin, now[2]!.id, { _tag: "Accept", unit: "property_company", promisedBy: dateOf(T0) })
        yield* d.execute(admin, now[1]!.id, { _tag: "Resolve", resolution: "办结" })
        yield* TestClock.adjust(2 * DAY)
        yield* d.execute(admin, now[2]!.id, { _tag: "Resolve", resolution: "办结" })
        const stats = yield* d.statistics(admin, w.t.county.id, { from: dateOf(T0 - 7 * DAY), to: dateOf(T0 + 7 * DAY) })
        expect(stats).toMatchObject({ raised: 161, answeredOnSpot: 1, takenUp: 2, resolved: 2, overdue: 0, timeZone: "Asia/Shanghai" })
        expect(stats.byCategory.find((c) => c.category === "property")).toMatchObject({ count: 161, lastYear: 200, change: "-19.5%" })
        expect(stats.byCategory.find((c) => c.category === "parking")).toMatchObject({ count: 0, lastYear: 10, change: "-100.0%" })
        expect(stats.byUnit).toEqual([expect.objectContaining({ unit: "property_company", takenUp: 2, resolved: 2, onTime: { count: 1, of: 2, percent: 50 } })])
        expect(stats.byNode).toEqual([{ nodeId: w.t.streets[0].id, raised: 161, ratings: 0, averageRating: null }])
        const forbidden = yield* Effect.flip(d.statistics(w.t.actors.resident, w.t.county.id))
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

    it("sessions: convene with a configured type, minutes, listing newest first; store versions and duplicate ids; a failed unit of work leaves nothing", () =>
      world((w) => Effect.gen(function*() {
        const d = yield* Deliberation
        const bad = yield* Effect.flip(d.convene(w.secretary, { nodeId: w.t.communities[0].id, type: "tea_party", heldAt: iso(T0), participants: [], agenda: [] }))
        expect(bad._tag).toBe("InvalidInput")
        yield* d.configure(w.t.admin, w.t.county.id, { sessionTypes: [...defaultDeliberationConfig(w.t.county.id).sessionTypes, { key: "tea_party", nameZh: "茶话会", nameEn: "tea party" }] })
        const tea = yield* d.convene(w.secretary, { nodeId: w.t.communities[0].id, type: "tea_party", heldAt: iso(T0 + 2 * DAY), participants: [], agenda: ["邻里互助"] })
        expect(tea.convener).toEqual({ _tag: "Person", personId: w.t.people.secretary.id, name: w.t.people.secretary.name })
        const minuted = yield* d.recordMinutes(w.secretary, tea.id, { minutes: "议定：\n每月一次", expectedVersion: 1 })
        expect(minuted).toMatchObject({ minutes: "议定：\n每月一次", version: 2 })
        expect(yield* d.getSession(w.secretary, tea.id)).toEqual(minuted)
        expect((yield* Effect.flip(d.getSession(w.t.actors.resident, tea.id)))._tag).toBe("NotFound")
        const list = yield* d.listSessions(w.secretary, w.t.communities[0].id)
        expect(list.items.map((s) => s.id)).toEqual([tea.id, w.later.id, w.first.id])
        expect((yield* Effect.flip(d.listSessions(w.otherSecretary, w.t.communities[0].id)))._tag).toMatch(/Forbidden|NotFound/)
        const store = yield* DeliberationStore
        expect(yield* Effect.flip(store.insertSession(tea))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        expect(yield* Effect.flip(store.updateSession(tea, 1))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        const item = yield* d.raise(w.secretary, raiseOf(w))
        expect(yield* Effect.flip(store.insertItem(item))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        expect(yield* Effect.flip(store.updateItem(item, 7))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        const rater = yield* w.newResident
        const uow = yield* UnitOfWork
        yield* Effect.flip(uow.transaction(Effect.gen(function*() {
          yield* store.updateItem({ ...item, title: "改过", version: 2 }, 1)
          yield* store.addRating({ itemId: item.id, personId: rater.id as never, round: 0, score: 3, comment: null, at: iso(T0) })
          return yield* Effect.fail("boom")
        })))
        expect((yield* d.get(w.secretary, item.id)).title).toBe(item.title)
        expect(yield* store.ratings(item.id)).toEqual([])
        yield* store.addRating({ itemId: item.id, personId: rater.id as never, round: 0, score: 3, comment: null, at: iso(T0) })
        expect(yield* Effect.flip(store.addRating({ itemId: item.id, personId: rater.id as never, round: 0, score: 5, comment: null, at: iso(T0) }))).toMatchObject({ _tag: "Conflict", reason: "already_rated" })
        yield* store.addRating({ itemId: item.id, personId: rater.id as never, round: 1, score: 5, comment: null, at: iso(T0) })
        expect((yield* store.ratings(item.id)).map((r) => [r.round, r.score])).toEqual([[0, 3], [1, 5]])
      })))
  })
}

const Option_isSome = (o: { readonly _tag: string }): boolean => o._tag === "Some"
