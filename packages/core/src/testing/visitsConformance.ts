/**
 * The visits storage conformance suite. Every adapter calls {@link visitsStoreConformance}
 * from a vitest file and must pass every case: a county's categories and reasons; a
 * household marked by its grid's staff and no one else; a visit recorded by the acting
 * person with its follow-ups raised in the same unit of work (and nothing written when one
 * is refused); the overdue list in the county's calendar; and the store's own contract.
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { IdGenerator } from "../kernel/ids.js"
import { Identity } from "../kernel/identity.js"
import { layerKernel } from "../kernel/layer.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Deliberation } from "../deliberation/service.js"
import type { DeliberationStore } from "../deliberation/store.js"
import { Grid } from "../grid/service.js"
import { Matching } from "../matching/service.js"
import type { MatchingStore } from "../matching/store.js"
import { Mediation } from "../mediation/service.js"
import type { MediationStore } from "../mediation/store.js"
import { Points } from "../points/service.js"
import type { PointsStore } from "../points/store.js"
import type { IdempotencyStore } from "../kernel/idempotency.js"
import type { RecordVisit } from "../visits/model.js"
import { Visits } from "../visits/service.js"
import { VisitsStore } from "../visits/store.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import type { StorePorts } from "./conformance.js"
import { runnerAt } from "./runner.js"

/**
 * The ports a visits store is tested with: a visit's follow-ups go to matching, mediation
 * and deliberation, whose stores (and the ledger matching holds rewards on) come too.
 *
 * @category models
 * @since 0.5.0
 */
export type VisitsStorePorts = VisitsStore | MatchingStore | MediationStore | DeliberationStore | PointsStore | IdempotencyStore | StorePorts

/** 2026-06-01 08:00 UTC: 16:00 in China. */
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
const DAY = 86_400_000

const visitOf = (t: TinyCounty, overrides: Partial<RecordVisit> = {}): RecordVisit => ({
  householdId: t.households[0]!.id,
  visitedAt: new Date(T0 - 2 * 3_600_000).toISOString(),
  reason: "care",
  findings: `${t.households[0]!.residents[0]!.name}独居，腿脚不便，电话13812340000`,
  ...overrides
})

/**
 * Registers the visits conformance cases for a store. `makeLayer` is called once per case
 * and must build a fresh, empty store providing every port listed in {@link VisitsStorePorts}.
 *
 * @category conformance
 * @since 0.5.0
 */
export const visitsStoreConformance = (name: string, makeLayer: () => Layer.Layer<VisitsStorePorts, unknown>): void => {
  const run = runnerAt(T0, () =>
    Visits.layer.pipe(
      Layer.provideMerge(Layer.mergeAll(Matching.layer, Mediation.layer, Deliberation.layer)),
      Layer.provideMerge(Layer.mergeAll(Points.layer, Grid.layer, Identity.layer, layerKernel)),
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(31)))
    ))
  const world = <A, E>(f: (t: TinyCounty, v: Visits["Service"]) => Effect.Effect<A, E, Visits | Grid | Matching | Mediation | Deliberation | VisitsStorePorts>) =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      return yield* f(t, yield* Visits)
    }))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))

  describe(`visits store conformance: ${name}`, () => {
    it("keeps a county's categories and reasons, changed by its administrators at the expected version", () =>
      world((t, visits) => Effect.gen(function*() {
        const seed = yield* visits.getConfig(t.actors.worker, t.county.id)
        expect(seed.categories.map((c) => c.code)).toContain("elderly_alone")
        expect((yield* Effect.flip(visits.getConfig(t.actors.resident, t.county.id)))._tag).toMatch(/NotFound|Forbidden/)
        const categories = [{ code: "elderly_alone", labelZh: "独居老人", labelEn: "Elderly living alone", frequencyDays: 3 }]
        expect((yield* Effect.flip(visits.configure(t.actors.worker, t.county.id, { categories, reasons: seed.reasons })))._tag).toMatch(/NotFound|Forbidden/)
        expect((yield* Effect.flip(visits.configure(t.actors.secretary, t.county.id, { categories, reasons: seed.reasons })))._tag).toMatch(/NotFound|Forbidden/)
        const saved = yield* visits.configure(t.actors.admin, t.county.id, { categories, reasons: seed.reasons, expectedVersion: 0 })
        expect(saved).toMatchObject({ version: 1, categories })
        expect(yield* Effect.flip(visits.configure(t.actors.admin, t.county.id, { categories, reasons: seed.reasons, expectedVersion: 0 }))).toMatchObject({ _tag: "Conflict" })
        const bad = yield* Effect.flip(visits.configure(t.actors.admin, t.county.id, { categories: [{ ...categories[0]!, frequencyDays: 0 }], reasons: seed.reasons }))
        expect(bad).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "categories.0.frequencyDays" }] })
      })))

    it("lets a grid's staff mark its households and no one else; only staff read the marking; the log names no category", () =>
      world((t, visits) => Effect.gen(function*() {
        const hh = t.households[0]!.id
        const marked = yield* visits.mark(t.actors.worker, hh, { categories: ["minimum_income", "elderly_alone"] })
        expect(marked).toMatchObject({ householdId: hh, categories: ["elderly_alone", "minimum_income"], version: 1, nodeId: t.units[0].id })
        expect(marked.scope[0]).toBe(t.county.id)
        for (const outsider of [t.actors.worker2, t.actors.resident, t.actors.leader, t.actors.secretary2]) {
          expect((yield* Effect.flip(visits.mark(outsider, hh, { categories: [] })))._tag).toMatch(/NotFound|Forbidden/)
        }
        for (const outsider of [t.actors.worker2, t.actors.resident, t.actors.leader]) {
          expect((yield* Effect.flip(visits.getCare(outsider, hh)))._tag).toMatch(/NotFound|Forbidden/)
        }
        expect(yield* visits.getCare(t.actors.secretary, hh)).toEqual(marked)
        expect(yield* visits.getCare(t.actors.worker, t.households[1]!.id)).toBeNull()
        expect((yield* visits.mark(t.actors.worker, hh, { categories: ["elderly_alone", "minimum_income"] })).version).toBe(1)
        expect(yield* Effect.flip(visits.mark(t.actors.worker, hh, { categories: ["disability"], expectedVersion: 0 }))).toMatchObject({ _tag: "Conflict" })
        expect(yield* Effect.flip(visits.mark(t.actors.worker, hh, { categories: ["nobody"] }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "categories.0" }] })
        const marks = (yield* events).filter((e) => e.type === "visits.household.marked")
        expect(marks.map((e) => e.payload)).toEqual([{ count: 2 }])
        for (const v of ["elderly_alone", "minimum_income"]) expect(JSON.stringify(marks)).not.toContain(v)
      })))

    it("records the acting person's visit and raises its need, case and item in the same unit of work", () =>
      world((t, visits) => Effect.gen(function*() {
        const visit = yield* visits.record(t.actors.worker, {
          ...visitOf(t),
          followUps: [
            { kind: "need", need: { nodeId: t.units[0].id, kind: "micro_wish", category: "repairs", title: "修理漏水的水龙头", dueAt: new Date(T0 + 3 * DAY).toISOString(), reward: null } },
            { kind: "case", case: { nodeId: t.units[0].id, category: "water_leak", title: "楼上漏水", description: "楼上卫生间漏水", parties: [{ kind: "person", personId: t.people.resident.id, side: "applicant" }] } },
            { kind: "item", item: { nodeId: t.communities[0].id, kind: "suggestion", category: "property", title: "楼道灯坏了", text: "3号楼楼道灯不亮" } }
          ]
        })
        expect(visit).toMatchObject({ householdId: t.households[0]!.id, visitor: { id: t.people.worker.id, name: t.people.worker.name }, reason: "care", version: 1, nodeId: t.units[0].id })
        expect(visit.followUps.map((f) => f.kind)).toEqual(["need", "case", "item"])
        const matching = yield* Matching
        const mediation = yield* Mediation
        const deliberation = yield* Deliberation
        expect((yield* matching.get(t.actors.worker, visit.followUps[0]!.id as never)).id).toBe(visit.followUps[0]!.id)
        expect((yield* mediation.get(t.actors.secretary, visit.followUps[1]!.id as never)).id).toBe(visit.followUps[1]!.id)
        expect((yield* deliberation.get(t.actors.secretary, visit.followUps[2]!.id as never)).id).toBe(visit.followUps[2]!.id)
        expect(yield* visits.get(t.actors.secretary, visit.id)).toEqual(visit)
        for (const outsider of [t.actors.worker2, t.actors.resident, t.actors.leader]) {
          expect((yield* Effect.flip(visits.get(outsider, visit.id)))._tag).toMatch(/NotFound|Forbidden/)
        }
        const log = yield* events
        const recorded = log.filter((e) => e.type === "visits.visit.recorded")
        expect(recorded).toHaveLength(1)
        expect(recorded[0]!.payload).toEqual({ reason: "care", followUps: ["need", "case", "item"] })
        expect(JSON.stringify(recorded)).not.toContain("13812340000")
      })))

    it("writes nothing when a follow-up is refused, a visit lies in the future, or the visitor is outside the household's grid", () =>
      world((t, visits) => Effect.gen(function*() {
        const before = (yield* events).length
        // The item is at the other street's community: outside the visitor's scope for deliberation.
        const refused = yield* Effect.flip(visits.record(t.actors.worker, {
          ...visitOf(t),
          followUps: [
            { kind: "need", need: { nodeId: t.units[0].id, kind: "micro_wish", category: "repairs", title: "修理水龙头", dueAt: new Date(T0 + 3 * DAY).toISOString(), reward: null } },
            { kind: "item", item: { nodeId: t.communities[1].id, kind: "suggestion", category: "property", title: "路灯", text: "路灯不亮" } }
          ]
        }))
        expect(refused._tag).toMatch(/NotFound|Forbidden/)
        expect((yield* events).length).toBe(before)
        expect((yield* visits.list(t.actors.admin, t.county.id)).items).toEqual([])
        expect((yield* (yield* Matching).list(t.actors.admin, t.county.id)).items).toEqual([])
        const future = yield* Effect.flip(visits.record(t.actors.worker, visitOf(t, { visitedAt: new Date(T0 + 60_000).toISOString() })))
        expect(future).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "visitedAt" }] })
        for (const outsider of [t.actors.worker2, t.actors.resident, t.actors.leader]) {
          expect((yield* Effect.flip(visits.record(outsider, visitOf(t))))._tag).toMatch(/NotFound|Forbidden/)
        }
        expect((yield* events).length).toBe(before)
      })))

    it("lists the households overdue for a visit in the county's calendar, most overdue first, a page at a time", () =>
      world((t, visits) => Effect.gen(function*() {
        const [a1, a2] = [t.households[0]!.id, t.households[1]!.id]
        const b1 = t.households[2]!.id
        yield* visits.mark(t.actors.worker, a1, { categories: ["elderly_alone"] }) // every 7 days
        yield* visits.mark(t.actors.worker, a2, { categories: ["left_behind_children", "disability"] }) // every 14 days
        yield* visits.mark(t.actors.worker2, b1, { categories: ["minimum_income"] }) // every 30 days
        expect((yield* visits.overdue(t.actors.worker, t.grids[0].id)).items).toEqual([])
        // 16:00 in China on June 1st, marked; June 9th is the first day past a 7-day frequency.
        yield* TestClock.adjust(7 * DAY + 8 * 3_600_000) // June 9th 00:00 in China
        const first = yield* visits.overdue(t.actors.worker, t.grids[0].id)
        expect(first.items.map((r) => [r.householdId, r.daysOverdue, r.dueDate])).toEqual([[a1, 1, "2026-06-08"]])
        yield* TestClock.adjust(10 * DAY)
        const county = yield* visits.overdue(t.actors.admin, t.county.id)
        expect(county.items.map((r) => [r.householdId, r.daysOverdue])).toEqual([[a1, 11], [a2, 4]])
        const page = yield* visits.overdue(t.actors.admin, t.county.id, { limit: 1 })
        expect(page.items.map((r) => r.householdId)).toEqual([a1])
        expect((yield* visits.overdue(t.actors.admin, t.county.id, { limit: 1, after: page.next! })).items.map((r) => r.householdId)).toEqual([a2])
        // A visit resets the interval; the other grid's worker and a resident see no list of this grid.
        yield* visits.record(t.actors.worker, visitOf(t, { visitedAt: new Date(T0 + 17 * DAY).toISOString(), reason: "routine" }))
        expect((yield* visits.overdue(t.actors.admin, t.county.id)).items.map((r) => r.householdId)).toEqual([a2])
        for (const outsider of [t.actors.worker2, t.actors.resident]) {
          expect((yield* Effect.flip(visits.overdue(outsider, t.grids[0].id)))._tag).toMatch(/NotFound|Forbidden/)
        }
      })))

    it("tells each grid's workers how many of their households are overdue, in one event per grid, naming no household", () =>
      world((t, visits) => Effect.gen(function*() {
        yield* visits.mark(t.actors.worker, t.households[0]!.id, { categories: ["elderly_alone"] })
        yield* visits.mark(t.actors.worker, t.households[1]!.id, { categories: ["elderly_alone"] })
        yield* visits.mark(t.actors.worker2, t.households[2]!.id, { categories: ["elderly_alone"] })
        expect(yield* visits.remindOverdue(t.county.id, new Date(T0 + DAY).toISOString())).toEqual({ overdue: 0, events: 0 })
        expect((yield* events).filter((e) => e.type === "visits.overdue")).toEqual([])
        const at = new Date(T0 + 10 * DAY).toISOString()
        expect(yield* visits.remindOverdue(t.county.id, at)).toEqual({ overdue: 3, events: 2 })
        const told = (yield* events).filter((e) => e.type === "visits.overdue")
        expect(told.map((e) => [e.scope[e.scope.length - 1], e.payload]).sort()).toEqual([
          [t.grids[0].id, { count: 2, personIds: [t.people.worker.id] }],
          [t.grids[1].id, { count: 1, personIds: [t.people.worker2.id] }]
        ].sort())
        for (const h of t.households) expect(JSON.stringify(told)).not.toContain(h.id)
      })))

    it("keeps the store's contract: one insert per id, writes at the expected version, the latest visit by date, nothing left by a failed unit of work", () =>
      world((t, visits) => Effect.gen(function*() {
        const store = yield* VisitsStore
        const uow = yield* UnitOfWork
        const hh = t.households[0]!.id
        const care = yield* visits.mark(t.actors.worker, hh, { categories: ["disability"] })
        const late = yield* visits.record(t.actors.worker, visitOf(t, { visitedAt: new Date(T0 - DAY).toISOString() }))
        const early = yield* visits.record(t.actors.worker, visitOf(t, { visitedAt: new Date(T0 - 5 * DAY).toISOString() }))
        expect(yield* Effect.flip(uow.transaction(store.insertVisit(late)))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        expect(yield* Effect.flip(uow.transaction(store.insertCare(care)))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        expect(yield* Effect.flip(uow.transaction(store.updateCare({ ...care, version: 5 }, 3)))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        const failed = yield* Effect.flip(uow.transaction(Effect.andThen(store.updateCare({ ...care, categories: [], version: 2 }, 1), Effect.fail("boom" as const))))
        expect(failed).toBe("boom")
        expect(Option.getOrThrow(yield* store.getCare(hh)).categories).toEqual(["disability"])
        expect((yield* store.lastVisits([t.county.id])).get(hh)).toBe(late.visitedAt)
        expect((yield* store.lastVisits([t.county.id, t.streets[1].id])).size).toBe(0)
        expect((yield* store.markedInSubtree([t.county.id, t.streets[0].id])).map((c) => c.householdId)).toEqual([hh])
        expect(yield* store.markedInSubtree([t.county.id, t.streets[1].id])).toEqual([])
        const all = yield* store.listVisits({ scope: [t.county.id], limit: 1 })
        expect(all.items.map((v) => v.id)).toEqual([[late.id, early.id].sort()[0]])
        expect((yield* store.listVisits({ scope: [t.county.id], after: all.next!, limit: 5 })).items).toHaveLength(1)
        expect((yield* store.listVisits({ scope: [t.county.id], householdId: t.households[1]!.id, limit: 5 })).items).toEqual([])
        yield* visits.mark(t.actors.worker, hh, { categories: [] })
        expect(yield* store.markedInSubtree([t.county.id])).toEqual([])
        expect(Option.isNone(yield* store.getConfig(t.county.id))).toBe(true)
      })))
  })
}
