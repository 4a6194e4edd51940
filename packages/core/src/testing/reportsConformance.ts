/**
 * The reports storage conformance suite. Every adapter calls {@link reportsStoreConformance}
 * from a vitest file and must pass every case: the ledger kept by the reaction from the
 * events of needs, cases, items and intake requests (channels carried from a request to the
 * work it became, whichever is written first), the KPIs per subtree, category, channel and
 * kind with year on year, the ledger's pages, the rebuild from the log giving the same rows,
 * the headline counters, the settings, and the scope checks.
 *
 * @since 0.5.0
 */
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import type { ActivitiesStore } from "../activities/store.js"
import { type ActorRef, systemActor } from "../kernel/actor.js"
import type { Directory } from "../kernel/directory.js"
import { makeEvent } from "../kernel/events.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import type { GridStore } from "../grid/store.js"
import { Places } from "../places/service.js"
import type { PlacesStore } from "../places/store.js"
import { Reports } from "../reports/service.js"
import { ReportsStore } from "../reports/store.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import { reportsRollupConformance } from "./reportsRollupConformance.js"
import { runnerAt } from "./runner.js"

/**
 * The ports a reports store is tested with.
 *
 * @category models
 * @since 0.5.0
 */
export type ReportsStorePorts = ReportsStore | GridStore | PlacesStore | ActivitiesStore | Directory | EventLog | UnitOfWork

/** 2026-06-10 02:00 UTC: 10:00 in China. */
const T0 = Date.UTC(2026, 5, 10, 2, 0, 0)
const sys = systemActor()
const SYS: ActorRef = { id: sys.id, kind: sys.kind }
const hours = (h: number) => new Date(T0 + h * 3_600_000).toISOString()

/**
 * Registers the reports conformance cases for a store. `makeLayer` is called once per case
 * and must build a fresh, empty store providing every port listed in {@link ReportsStorePorts}.
 *
 * @category conformance
 * @since 0.5.0
 */
export const reportsStoreConformance = (name: string, makeLayer: () => Layer.Layer<ReportsStorePorts, unknown>, options: { readonly propertyRuns?: number } = {}): void => {
  const run = runnerAt(T0, () =>
    Layer.mergeAll(Reports.layer(), Places.layer, Grid.layer, layerKernel).pipe(
      Layer.provideMerge(Reports.layerReaction),
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(29)))
    ))
  const world = <A, E>(f: (t: TinyCounty, r: Reports["Service"]) => Effect.Effect<A, E, Reports | Places | Grid | IdGenerator | ReportsStorePorts>) =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      return yield* f(t, yield* Reports)
    }))

  /** Appends one event of a piece of work through the log, in a unit of work of its own. */
  const emit = (type: string, aggregateType: string, id: string, at: string, scope: ReadonlyArray<GridNodeId>, payload: Record<string, unknown> = {}) =>
    Effect.gen(function*() {
      const event = yield* makeEvent({ type, aggregate: { type: aggregateType.split(".").pop()!, id, version: 1 }, actor: SYS, at, scope, payload })
      const log = yield* EventLog
      yield* (yield* UnitOfWork).transaction(log.append([event]))
    })
  const pathA = (t: TinyCounty) => [t.county.id, t.streets[0].id, t.communities[0].id, t.grids[0].id]
  const pathB = (t: TinyCounty) => [t.county.id, t.streets[1].id, t.communities[1].id, t.grids[1].id]

  /** A need, a case, an item and two requests (one routed to the need) in June 2026, and one request in June 2025. */
  const story = (t: TinyCounty) =>
    Effect.gen(function*() {
      const a = pathA(t)
      const b = pathB(t)
      // A need posted first, then the request routed to it: the need takes the request's channel.
      yield* emit("matching.need.posted", "matching.need", "need_1", hours(0), a, { kind: "micro_wish", category: "repairs" })
      yield* emit("matching.need.claimed", "matching.need", "need_1", hours(2), a, { personId: "person_x" })
      yield* emit("matching.need.done_reported", "matching.need", "need_1", hours(20), a)
      yield* emit("matching.need.confirmed", "matching.need", "need_1", hours(30), a, { rating: 5, paid: [] })
      yield* emit("intake.request.received", "intake.request", "req_1", hours(-1), a, { channel: "hotline_12345", category: "repairs", reference: "R1" })
      yield* emit("intake.request.accepted", "intake.request", "req_1", hours(-0.5), a)
      yield* emit("intake.request.routed", "intake.request", "req_1", hours(0.1), a, { target: "need", targetId: "need_1" })
      // A request routed first, then the case it became: the case takes the channel too.
      yield* emit("intake.request.received", "intake.request", "req_2", hours(1), b, { channel: "walk_in", category: "property_fee", reference: "R2" })
      yield* emit("intake.request.routed", "intake.request", "req_2", hours(50), b, { target: "case", targetId: "case_1" })
      yield* emit("mediation.case.reported", "mediation.case", "case_1", hours(51), b, { nodeId: b[3], category: "property_fee", parties: 2, attachments: 0, deadline: { kind: "acceptance", dueAt: hours(75) } })
      yield* emit("mediation.case.accepted", "mediation.case", "case_1", hours(52), b, { mediators: 1, deadline: { kind: "hearing", dueAt: hours(100) } })
      yield* emit("mediation.case.resolved", "mediation.case", "case_1", hours(60), b)
      yield* emit("mediation.case.rated", "mediation.case", "case_1", hours(61), b, { ratings: [{ party: 0, rating: "satisfied" }, { party: 1, rating: "unsatisfied" }] })
      yield* emit("deliberation.item.raised", "deliberation.item", "item_1", hours(3), [t.county.id, t.streets[0].id], { kind: "suggestion", category: "property", nodeId: t.streets[0].id, sessionId: null, parentId: null })
      yield* emit("deliberation.item.declined", "deliberation.item", "item_1", hours(4), [t.county.id, t.streets[0].id])
      // A merged request is not counted; a request a year before is, in the year-on-year figures.
      yield* emit("intake.request.received", "intake.request", "req_3", hours(5), a, { channel: "phone", category: "repairs", reference: "R3" })
      yield* emit("intake.request.merged", "intake.request", "req_3", hours(6), a, { into: "req_1" })
      yield* emit("intake.request.received", "intake.request", "req_0", new Date(Date.UTC(2025, 5, 12)).toISOString(), b, { channel: "phone", category: "property_fee", reference: "R0" })
      yield* emit("intake.request.received", "intake.request", "req_00", new Date(Date.UTC(2025, 5, 13)).toISOString(), b, { channel: "phone", category: "property_fee", reference: "R00" })
    })

  describe(`reports store conformance: ${name}`, () => {
    reportsRollupConformance(makeLayer, options.propertyRuns)

    it("keeps one ledger row per piece of work from its events, with the request's channel on the work it became", () =>
      world((t, reports) => Effect.gen(function*() {
        yield* story(t)
        const store = yield* ReportsStore
        const need = (yield* store.get("need", "need_1")).pipe((o) => (o._tag === "Some" ? o.value : undefined))
        expect(need).toMatchObject({ kind: "need", countyId: t.county.id, nodeId: t.grids[0].id, category: "repairs", channel: "hotline_12345", openedAt: hours(0), respondedAt: hours(2), resolvedAt: hours(30), outcome: "resolved", ratings: 1, satisfied: 1 })
        const kase = (yield* store.get("case", "case_1")).pipe((o) => (o._tag === "Some" ? o.value : undefined))
        expect(kase).toMatchObject({ channel: "walk_in", respondedAt: hours(52), resolvedAt: hours(60), dueAt: hours(100), outcome: "resolved", ratings: 2, satisfied: 1 })
        const item = (yield* store.get("item", "item_1")).pipe((o) => (o._tag === "Some" ? o.value : undefined))
        expect(item).toMatchObject({ channel: "direct", respondedAt: hours(4), resolvedAt: null, outcome: "declined", nodeId: t.streets[0].id })
        const req = (yield* store.get("request", "req_2")).pipe((o) => (o._tag === "Some" ? o.value : undefined))
        expect(req).toMatchObject({ routedTo: { kind: "case", id: "case_1" }, respondedAt: hours(50) })
        // The page lists June's work in the order opened, merged work left out, a page at a time.
        const first = yield* reports.ledger(t.actors.admin, t.county.id, { month: "2026-06", limit: 3 })
        expect(first.items.map((r) => r.id)).toEqual(["req_1", "need_1", "req_2"])
        const second = yield* reports.ledger(t.actors.admin, t.county.id, { month: "2026-06", limit: 3, after: first.next! })
        expect(second.items.map((r) => r.id)).toEqual(["item_1", "case_1"])
        expect(second.next).toBeNull()
        // A subtree's ledger holds only its own work.
        expect((yield* reports.ledger(t.actors.secretary2, t.communities[1].id, { month: "2026-06" })).items.map((r) => r.id)).toEqual(["req_2", "case_1"])
        const sheet = yield* reports.sheet(t.actors.admin, "ledger", t.county.id, { month: "2026-06" })
        expect(sheet.rows.map((r) => r["id"])).toEqual(["req_1", "need_1", "req_2", "item_1", "case_1"])
        expect(sheet.columns.map((c) => c.zh)).toContain("办结时间")
      })))

    it("computes the KPIs per subtree, category, channel and kind, and year on year by category", () =>
      world((t, reports) => Effect.gen(function*() {
        yield* story(t)
        const k = yield* reports.kpis(t.actors.admin, t.county.id, { month: "2026-06" })
        expect(k).toMatchObject({ from: "2026-06-01", to: "2026-06-30", responseHours: 24, timeZone: "Asia/Shanghai" })
        // Five pieces of work: req_1 (0.5 h), need_1 (2 h), req_2 (49 h, late), case_1 (1 h), item_1 (1 h, declined).
        expect(k.total).toMatchObject({ work: 5, responded: 5, responseRate: { count: 4, of: 5, percent: 80 }, resolutionRate: { count: 2, of: 5, percent: 40 }, satisfactionRate: { count: 2, of: 3, percent: 66.67 } })
        expect(k.total.meanHoursToRespond).toBeCloseTo((0.5 + 2 + 49 + 1 + 1) / 5, 2)
        expect(k.total.meanHoursToResolve).toBeCloseTo((30 + 9) / 2, 2)
        expect(k.bySubtree.map((s) => [s.nodeId, s.work])).toEqual([[t.streets[0].id, 3], [t.streets[1].id, 2]].sort(([a], [b]) => (a! < b! ? -1 : 1)))
        expect(k.byChannel.map((c) => [c.channel, c.work])).toEqual([["direct", 1], ["hotline_12345", 2], ["walk_in", 2]])
        expect(k.byKind.map((c) => [c.kind, c.work])).toEqual([["case", 1], ["item", 1], ["need", 1], ["request", 2]])
        expect(k.yearOnYear.find((y) => y.category === "property_fee")).toEqual({ category: "property_fee", work: 2, lastYear: 2, changePercent: 0 })
        expect(k.yearOnYear.find((y) => y.category === "repairs")).toEqual({ category: "repairs", work: 2, lastYear: 0, changePercent: null })
        // A street's report is per community; a grid's holds the work at the grid itself under the grid.
        const street = yield* reports.kpis(t.actors.streetAdmin, t.streets[0].id, { month: "2026-06" })
        expect(street.bySubtree.map((s) => [s.nodeId, s.name, s.work])).toEqual([[t.streets[0].id, t.streets[0].name, 1], [t.communities[0].id, t.communities[0].name, 2]].sort(([a], [b]) => (a! < b! ? -1 : 1)))
        const grid = yield* reports.kpis(t.actors.secretary, t.grids[0].id, { month: "2026-06" })
        expect(grid.bySubtree.map((s) => [s.nodeId, s.work])).toEqual([[t.grids[0].id, 2]])
        // A county's own response time moves the response rate.
        const config = yield* reports.configure(t.actors.admin, t.county.id, { responseHours: 72 })
        expect(config).toMatchObject({ responseHours: 72, version: 1 })
        expect((yield* reports.kpis(t.actors.admin, t.county.id, { month: "2026-06" })).total.responseRate.count).toBe(5)
        const sheet = yield* reports.sheet(t.actors.admin, "kpis", t.county.id, { month: "2026-06" })
        expect(sheet.columns.map((c) => c.zh)).toEqual(expect.arrayContaining(["响应率(%)", "解决率(%)", "满意率(%)"]))
        // The headline report counts the complaints (property matters) against a year before.
        const h = yield* reports.headline(t.actors.admin, t.county.id, { month: "2026-06" })
        expect(h.complaints).toEqual({ category: "complaints", work: 3, lastYear: 2, changePercent: 50 })
      })))

    it("rebuilds the same ledger from the event log", () =>
      world((t, reports) => Effect.gen(function*() {
        yield* story(t)
        const before = yield* reports.ledger(t.actors.admin, t.county.id, { from: "2025-01-01", to: "2025-12-31" })
        const june = yield* reports.ledger(t.actors.admin, t.county.id, { month: "2026-06" })
        const moved = yield* Reports.rebuild(4)
        expect(moved).toBeGreaterThan(15)
        expect(yield* reports.ledger(t.actors.admin, t.county.id, { from: "2025-01-01", to: "2025-12-31" })).toEqual(before)
        expect(yield* reports.ledger(t.actors.admin, t.county.id, { month: "2026-06" })).toEqual(june)
      })))

    it("counts the headline figures from the contexts' data", () =>
      world((t, reports) => Effect.gen(function*() {
        const places = yield* Places
        yield* places.register(t.actors.secretary, { nodeId: t.communities[0].id, kind: "red_sail_station", name: "红帆驿站一号", address: "建设路 1 号", hours: [], services: ["充电"], capacity: 10 })
        yield* places.register(t.actors.secretary2, { nodeId: t.communities[1].id, kind: "red_sail_station", name: "红帆驿站二号", address: "建设路 2 号", hours: [], services: ["充电"], capacity: 10 })
        const all = yield* reports.headline(t.actors.admin, t.county.id, { month: "2026-06" })
        expect(all.figures.find((f) => f.key === "places.red_sail_station")?.value).toBe(2)
        expect(all.figures.find((f) => f.key === "places.red_sail_station")?.zh).toBe("红帆驿站")
        const one = yield* reports.headline(t.actors.secretary, t.communities[0].id, { month: "2026-06" })
        expect(one.figures.find((f) => f.key === "places.red_sail_station")?.value).toBe(1)
        // Registered after the period: not counted in it.
        expect((yield* reports.headline(t.actors.admin, t.county.id, { month: "2026-05" })).figures.find((f) => f.key === "places.red_sail_station")?.value).toBe(0)
        const sheet = yield* reports.sheet(t.actors.admin, "headline", t.county.id, { month: "2026-06" })
        expect(sheet.rows.map((r) => r["key"])).toEqual(expect.arrayContaining(["red_grids", "building_leaders", "volunteer_teams", "person_times", "complaints_change_percent"]))
      })))

    it("keeps the reports to staff in scope and checks the period", () =>
      world((t, reports) => Effect.gen(function*() {
        const a = t.actors
        yield* story(t)
        // Another community's secretary is not told the community exists; a resident may not read reports.
        expect((yield* Effect.flip(reports.kpis(a.secretary2, t.communities[0].id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(reports.ledger(a.secretary2, t.communities[0].id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(reports.headline(a.resident, t.communities[0].id)))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(reports.sheet(a.partner, "ledger", t.communities[0].id)))._tag).toBe("Forbidden")
        // Another county's node is not found, even for this county's admin.
        const other = yield* Effect.flatMap(Grid, (g) => g.createCounty(sys, { code: "999001", name: "邻县" }))
        expect((yield* Effect.flip(reports.kpis(a.admin, other.id)))._tag).toBe("NotFound")
        // Only the county's admin changes the settings, and within the rules.
        expect((yield* Effect.flip(reports.configure(a.streetAdmin, t.county.id, { responseHours: 48 })))._tag).toBe("Forbidden")
        expect(yield* Effect.flip(reports.configure(a.admin, t.county.id, { responseHours: 0 }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "responseHours" }] })
        expect(yield* Effect.flip(reports.kpis(a.admin, t.county.id, { month: "2026-13" }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "month" }] })
        expect(yield* Effect.flip(reports.kpis(a.admin, t.county.id, { from: "2026-06-10", to: "2026-06-01" }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "to" }] })
        expect(yield* Effect.flip(reports.ledger(a.admin, t.county.id, { after: "nonsense" }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "after" }] })
        expect((yield* reports.getConfig(a.admin, t.county.id)).responseHours).toBe(24)
      })))

    it("writes nothing when the unit of work fails", () =>
      run(Effect.gen(function*() {
        const t = yield* buildTinyCounty()
        const store = yield* ReportsStore
        const event = yield* makeEvent({ type: "intake.request.received", aggregate: { type: "intake.request", id: "req_x", version: 1 }, actor: SYS, at: hours(0), scope: pathA(t), payload: { channel: "phone", category: "repairs", reference: "X" } })
        const log = yield* EventLog
        const failed = yield* Effect.flip((yield* UnitOfWork).transaction(Effect.andThen(log.append([event]), Effect.fail("boom" as const))))
        expect(failed).toBe("boom")
        expect((yield* store.get("request", "req_x"))._tag).toBe("None")
      })))
  })
}
