/**
 * The reports roll-up conformance cases, part of `reportsStoreConformance`: the monthly
 * roll-up a store keeps with the ledger gives exactly what a scan of the ledger gives, over
 * random puts, replacements (moving node and month), merges and changes of the county's
 * response time, and at the edges (a period starting mid-month, work at the root itself).
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option } from "effect"
import fc from "fast-check"
import { expect, it } from "vitest"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { UnitOfWork } from "../kernel/store.js"
import { addDays, DEFAULT_TIME_ZONE, localMonth, startOfDate } from "../kernel/time.js"
import { Grid } from "../grid/service.js"
import { GridStore } from "../grid/store.js"
import { Places } from "../places/service.js"
import type { LedgerEntry, WorkKind, WorkOutcome } from "../reports/model.js"
import { factsOfRollup, mergeFacts, rolledUp } from "../reports/rollup.js"
import { defaultReportsConfig, kpiTotalOf, monthDays } from "../reports/rules.js"
import { Reports } from "../reports/service.js"
import { type KpiFact, ReportsStore } from "../reports/store.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import type { ReportsStorePorts } from "./reportsConformance.js"
import { runnerAt } from "./runner.js"

const T0 = Date.UTC(2026, 7, 1, 2, 0, 0)
const HOUR = 3_600_000
const MONTHS = ["2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07"] as const

interface Row {
  readonly id: string
  readonly kind: WorkKind
  readonly path: ReadonlyArray<GridNodeId>
  readonly openedAt: number
  readonly category?: string
  readonly channel?: string
  readonly respondH?: number | null
  readonly resolveH?: number | null
  readonly outcome?: WorkOutcome
  readonly ratings?: number
  readonly satisfied?: number
}

const iso = (ms: number) => new Date(ms).toISOString()
/** An instant of the county's calendar: `2026-06-30` at `hour` o'clock there. */
const at = (date: string, hour = 0) => Date.parse(startOfDate(date, DEFAULT_TIME_ZONE)) + hour * HOUR

const entryOf = (r: Row): LedgerEntry => ({
  kind: r.kind,
  id: r.id,
  countyId: r.path[0]!,
  nodeId: r.path[r.path.length - 1]!,
  path: r.path,
  category: r.category ?? "repairs",
  channel: r.channel ?? "phone",
  openedAt: iso(r.openedAt),
  respondedAt: r.respondH == null ? null : iso(r.openedAt + r.respondH * HOUR),
  resolvedAt: r.resolveH == null ? null : iso(r.openedAt + r.resolveH * HOUR),
  dueAt: null,
  outcome: r.outcome ?? (r.resolveH == null ? "open" : "resolved"),
  ratings: r.ratings ?? 0,
  satisfied: Math.min(r.satisfied ?? 0, r.ratings ?? 0),
  routedTo: null,
  updatedAt: iso(r.openedAt)
})

const key = (f: KpiFact) => `${f.child}|${f.category}|${f.channel}|${f.kind}`
const normal = (facts: ReadonlyArray<KpiFact>) => mergeFacts(facts).sort((a, b) => (key(a) < key(b) ? -1 : 1))
const counts = (rows: ReadonlyArray<{ readonly category: string; readonly work: number }>) =>
  rows.filter((r) => r.work !== 0).map((r) => [r.category, r.work] as const).sort(([a], [b]) => (a < b ? -1 : 1))

/**
 * Registers the roll-up cases for a store (called by `reportsStoreConformance`).
 *
 * @category conformance
 * @since 0.5.0
 */
export const reportsRollupConformance = (makeLayer: () => Layer.Layer<ReportsStorePorts, unknown>, propertyRuns = 12): void => {
  const run = runnerAt(T0, () =>
    Layer.mergeAll(Reports.layer(), Places.layer, Grid.layer, layerKernel).pipe(
      Layer.provideMerge(Reports.layerReaction),
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(31)))
    ))

  /** Stores a row as the ledger's reaction would: at its county's month and current response time. */
  const put = (row: Row) =>
    Effect.gen(function*() {
      const store = yield* ReportsStore
      const entry = entryOf(row)
      const county = yield* (yield* GridStore).getCounty(entry.countyId)
      const zone = Option.isSome(county) ? county.value.timeZone : DEFAULT_TIME_ZONE
      const config = Option.getOrElse(yield* store.getConfig(entry.countyId), () => defaultReportsConfig(entry.countyId))
      yield* (yield* UnitOfWork).transaction(store.put(entry, { month: localMonth(entry.openedAt, zone), responseSeconds: config.responseHours * 3600 }))
    })

  /** The roll-up's answer for whole months against the ledger's scan of the same rows (and the report's, from either). */
  const expectSame = (t: TinyCounty, scope: ReadonlyArray<GridNodeId>, from: string, to: string) =>
    Effect.gen(function*() {
      const store = yield* ReportsStore
      const config = Option.getOrElse(yield* store.getConfig(t.county.id), () => defaultReportsConfig(t.county.id))
      const window = { scope, from: startOfDate(`${from}-01`, DEFAULT_TIME_ZONE), to: startOfDate(addDays(monthDays(to)[1], 1), DEFAULT_TIME_ZONE) }
      const scan = yield* store.facts({ ...window, responseSeconds: config.responseHours * 3600 })
      if (rolledUp(scope)) {
        const rolled = factsOfRollup(scope[scope.length - 1]!, yield* store.monthFacts({ scope, from, to }))
        expect(normal(rolled)).toEqual(normal(scan))
        expect(counts(yield* store.monthCategoryCounts({ scope, from, to }))).toEqual(counts(yield* store.categoryCounts(window)))
      }
      const report = yield* (yield* Reports).kpis(t.actors.admin, scope[scope.length - 1]!, { from: `${from}-01`, to: monthDays(to)[1] })
      expect(report.total).toEqual(kpiTotalOf(scan))
      return report
    })

  const paths = (t: TinyCounty): ReadonlyArray<ReadonlyArray<GridNodeId>> => [
    [t.county.id],
    [t.county.id, t.streets[0].id],
    [t.county.id, t.streets[0].id, t.communities[0].id],
    [t.county.id, t.streets[0].id, t.communities[0].id, t.grids[0].id],
    [t.county.id, t.streets[1].id, t.communities[1].id, t.grids[1].id],
    [t.county.id, t.streets[1].id]
  ]

  type Op =
    | { readonly tag: "put"; readonly id: number; readonly kind: WorkKind; readonly node: number; readonly month: number; readonly minutes: number; readonly category: string; readonly channel: string; readonly respondH: number | null; readonly resolveH: number | null; readonly outcome: WorkOutcome; readonly ratings: number; readonly satisfied: number }
    | { readonly tag: "config"; readonly hours: number }
  const putOp: fc.Arbitrary<Op> = fc.record({
    tag: fc.constant("put" as const),
    id: fc.nat(5),
    kind: fc.constantFrom<WorkKind>("need", "request"),
    node: fc.nat(5),
    month: fc.integer({ min: 1, max: 4 }),
    // From a day before the month's first local midnight to well past its end: rows near the edges of months.
    minutes: fc.oneof(fc.integer({ min: -24 * 60, max: 24 * 60 }), fc.integer({ min: 0, max: 31 * 24 * 60 })),
    category: fc.constantFrom("repairs", "parking"),
    channel: fc.constantFrom("phone", "walk_in"),
    respondH: fc.option(fc.integer({ min: 0, max: 80 }), { nil: null }),
    resolveH: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
    outcome: fc.constantFrom<WorkOutcome>("open", "resolved", "merged"),
    ratings: fc.nat(2),
    satisfied: fc.nat(2)
  })
  const op: fc.Arbitrary<Op> = fc.oneof({ arbitrary: putOp, weight: 8 }, { arbitrary: fc.record({ tag: fc.constant("config" as const), hours: fc.constantFrom(1, 24, 30, 48, 72) }), weight: 1 })

  it("keeps a roll-up that gives over whole months what the ledger's scan gives (puts, replacements, merges, response times)", async () => {
    const seen = { puts: 0, replaced: 0, moved: 0, merged: 0, configured: 0 }
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), (ops: ReadonlyArray<Op>) =>
        run(Effect.gen(function*() {
          const t = yield* buildTinyCounty()
          const reports = yield* Reports
          const stored = new Map<string, Row>()
          for (const o of ops) {
            if (o.tag === "config") {
              const before = (yield* reports.getConfig(t.actors.admin, t.county.id)).responseHours
              yield* reports.configure(t.actors.admin, t.county.id, { responseHours: o.hours })
              if (before !== o.hours) seen.configured++
              continue
            }
            const row: Row = { ...o, id: `w${o.id}`, path: paths(t)[o.node]!, openedAt: Date.parse(startOfDate(`${MONTHS[o.month]}-01`, DEFAULT_TIME_ZONE)) + o.minutes * 60_000 }
            const k = `${row.kind}|${row.id}`
            const old = stored.get(k)
            if (old !== undefined) {
              seen.replaced++
              if (old.path !== row.path || localMonth(old.openedAt, DEFAULT_TIME_ZONE) !== localMonth(row.openedAt, DEFAULT_TIME_ZONE)) seen.moved++
            }
            if (row.outcome === "merged") seen.merged++
            seen.puts++
            stored.set(k, row)
            yield* put(row)
          }
          for (const scope of [paths(t)[0]!, paths(t)[1]!, paths(t)[2]!, paths(t)[3]!, paths(t)[5]!]) {
            yield* expectSame(t, scope, MONTHS[0], MONTHS[5])
            yield* expectSame(t, scope, "2026-04", "2026-04")
            yield* expectSame(t, scope, "2026-05", "2026-06")
          }
        }))
      ),
      { numRuns: propertyRuns }
    )
    expect(seen.puts).toBeGreaterThan(0)
    expect(seen.replaced).toBeGreaterThan(0)
    expect(seen.moved).toBeGreaterThan(0)
    expect(seen.merged).toBeGreaterThan(0)
    expect(seen.configured).toBeGreaterThan(0)
  }, 120_000)

  it("given work on both sides of a month's edge, when the period starts mid-month, then whole months come from the roll-up and the edges from the ledger", () =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const a = paths(t)[3]!
      // Given: May 10 and 20, June 5, June 30 late at night and July 1 half past midnight (June 30 in UTC).
      yield* put({ id: "m10", kind: "need", path: a, openedAt: at("2026-05-10", 9), respondH: 2 })
      yield* put({ id: "m20", kind: "need", path: a, openedAt: at("2026-05-20", 9), respondH: 30 })
      yield* put({ id: "j05", kind: "request", path: a, openedAt: at("2026-06-05", 9), respondH: 1, resolveH: 5, ratings: 1, satisfied: 1 })
      yield* put({ id: "j30", kind: "request", path: a, openedAt: at("2026-06-30", 23.5) })
      yield* put({ id: "y01", kind: "request", path: a, openedAt: at("2026-07-01", 0.5) })
      expect(new Date(at("2026-07-01", 0.5)).toISOString().slice(0, 10)).toBe("2026-06-30")
      const reports = yield* Reports
      // When: a period from May 15 to June 30.
      const mid = yield* reports.kpis(t.actors.admin, t.county.id, { from: "2026-05-15", to: "2026-06-30" })
      // Then: May 20 (from the ledger), June 5 and June 30 (from the roll-up), not July 1.
      expect(mid.total).toMatchObject({ work: 3, responded: 2, responseRate: { count: 1, of: 3 }, resolutionRate: { count: 1, of: 3 } })
      expect(mid.byKind.map((k) => [k.kind, k.work])).toEqual([["need", 1], ["request", 2]])
      expect((yield* reports.kpis(t.actors.admin, t.county.id, { month: "2026-07" })).total.work).toBe(1)
      expect((yield* reports.kpis(t.actors.admin, t.county.id, { from: "2026-06-30", to: "2026-07-01" })).total.work).toBe(2)
      yield* expectSame(t, [t.county.id], "2026-05", "2026-07")
    })))

  it("given work at a street itself and below it, when the street's report is read over whole months, then the street's own work is its total less its communities'", () =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      // Given: two pieces at the street itself, one at its community, one at its grid.
      yield* put({ id: "s1", kind: "need", path: paths(t)[1]!, openedAt: at("2026-06-02", 10), respondH: 3 })
      yield* put({ id: "s2", kind: "request", path: paths(t)[1]!, openedAt: at("2026-06-03", 10), category: "parking" })
      yield* put({ id: "c1", kind: "need", path: paths(t)[2]!, openedAt: at("2026-06-04", 10) })
      yield* put({ id: "g1", kind: "need", path: paths(t)[3]!, openedAt: at("2026-06-05", 10), resolveH: 10 })
      // When: the street's report for June, and the county's.
      const street = yield* expectSame(t, paths(t)[1]!, "2026-06", "2026-06")
      const county = yield* expectSame(t, [t.county.id], "2026-06", "2026-06")
      // Then: the street itself 2, its community 2; the county sees the street's 4.
      expect(street.bySubtree.map((s) => [s.nodeId, s.work]).sort()).toEqual([[t.streets[0].id, 2], [t.communities[0].id, 2]].sort())
      expect(county.bySubtree.map((s) => [s.nodeId, s.work])).toEqual([[t.streets[0].id, 4]])
    })))

  it("given a row already counted, when it is replaced at another node and month, merged, or the response time changes, then the roll-up follows", () =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const reports = yield* Reports
      // Given: a need at the first street's grid in May, responded after 30 hours.
      yield* put({ id: "n1", kind: "need", path: paths(t)[3]!, openedAt: at("2026-05-31", 23), respondH: 30 })
      expect((yield* reports.kpis(t.actors.admin, t.county.id, { month: "2026-05" })).bySubtree.map((s) => [s.nodeId, s.work, s.responded])).toEqual([[t.streets[0].id, 1, 1]])
      // When: it moves to the second street's grid and into June.
      yield* put({ id: "n1", kind: "need", path: paths(t)[4]!, openedAt: at("2026-06-01", 1), respondH: 30 })
      // Then: May holds nothing, June holds it under the second street, late at the default 24 hours.
      expect((yield* reports.kpis(t.actors.admin, t.county.id, { month: "2026-05" })).total.work).toBe(0)
      const june = yield* expectSame(t, [t.county.id], "2026-06", "2026-06")
      expect(june.bySubtree.map((s) => [s.nodeId, s.work])).toEqual([[t.streets[1].id, 1]])
      expect(june.total.responseRate.count).toBe(0)
      // When: the county's response time becomes 48 hours. Then: it was responded in time.
      yield* reports.configure(t.actors.admin, t.county.id, { responseHours: 48 })
      expect((yield* expectSame(t, [t.county.id], "2026-05", "2026-06")).total.responseRate.count).toBe(1)
      // When: it is merged into other work. Then: it counts nowhere.
      yield* put({ id: "n1", kind: "need", path: paths(t)[4]!, openedAt: at("2026-06-01", 1), respondH: 30, outcome: "merged" })
      expect((yield* expectSame(t, [t.county.id], "2026-06", "2026-06")).total.work).toBe(0)
      expect(yield* (yield* ReportsStore).monthFacts({ scope: [t.county.id], from: "2026-01", to: "2026-12" })).toEqual([])
    })))

  it("keeps the roll-up out of a unit of work that fails", () =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const store = yield* ReportsStore
      const entry = entryOf({ id: "x", kind: "need", path: paths(t)[3]!, openedAt: at("2026-06-02", 10) })
      const failed = yield* Effect.flip((yield* UnitOfWork).transaction(Effect.andThen(store.put(entry, { month: "2026-06", responseSeconds: 86400 }), Effect.fail("boom" as const))))
      expect(failed).toBe("boom")
      expect(yield* store.monthFacts({ scope: [t.county.id], from: "2026-06", to: "2026-06" })).toEqual([])
    })))
}
