/**
 * The ledger's projection and the KPI arithmetic as properties: a replay of a piece of
 * work's events gives the same row, a row never resolves before it opens nor counts more
 * satisfied ratings than ratings, and the KPI figures of every breakdown add up to the total.
 */
import { type GridNodeId, kpiTotalOf, type KpiFact, type LedgerEntry, type NewEvent, projectLedger, sumKpisBy, type EventId } from "@mulin/core"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const scope = ["node_c", "node_s", "node_g"] as unknown as ReadonlyArray<GridNodeId>
const T0 = Date.UTC(2026, 5, 1)
const steps = ["intake.request.accepted", "intake.request.routed", "intake.request.resolved", "intake.request.rejected", "intake.request.rated", "intake.request.merged"] as const

const eventsOf = (picks: ReadonlyArray<{ readonly step: number; readonly gap: number; readonly rating: number }>): Array<NewEvent> => {
  let at = T0
  const make = (type: string, payload: Record<string, unknown>, i: number): NewEvent => ({
    id: `evt_${i}` as EventId, type, aggregateType: "request", aggregateId: "req_1", version: i + 1, actor: { id: "sys", kind: "system" }, at: new Date(at).toISOString(), scope, payload
  })
  const out = [make("intake.request.received", { channel: "phone", category: "repairs", reference: "R1" }, 0)]
  picks.forEach((p, i) => {
    at += p.gap * 60_000
    const type = steps[p.step % steps.length]!
    out.push(make(type, type.endsWith("rated") ? { rating: p.rating } : type.endsWith("routed") ? { target: "need", targetId: "need_1" } : {}, i + 1))
  })
  return out
}
const replay = (events: ReadonlyArray<NewEvent>): LedgerEntry | undefined => events.reduce<LedgerEntry | undefined>((row, e) => projectLedger(row, e) ?? row, undefined)
const picks = fc.array(fc.record({ step: fc.nat(20), gap: fc.nat(5000), rating: fc.integer({ min: 1, max: 5 }) }), { maxLength: 12 })

describe("the ledger's projection", () => {
  it("gives the same row when the events are replayed over the row they made, and keeps its times and ratings in order", () => {
    fc.assert(fc.property(picks, (p) => {
      const events = eventsOf(p)
      const row = replay(events)!
      // A replay starts afresh at the opening event, over whatever row was there.
      expect(events.reduce<LedgerEntry | undefined>((r, e) => projectLedger(r, e) ?? r, row)).toEqual(row)
      expect(row.openedAt <= (row.respondedAt ?? row.openedAt)).toBe(true)
      if (row.resolvedAt !== null) expect(row.respondedAt !== null && row.respondedAt <= row.resolvedAt).toBe(true)
      expect(row.satisfied).toBeLessThanOrEqual(row.ratings)
      expect(row.ratings).toBe(events.filter((e) => e.type === "intake.request.rated").length)
    }))
  })

  it("ignores events of work it never saw opened", () => {
    const [, ...rest] = eventsOf([{ step: 0, gap: 1, rating: 5 }, { step: 2, gap: 1, rating: 5 }])
    expect(replay(rest)).toBeUndefined()
  })
})

const fact = fc.record({
  child: fc.constantFrom("node_a", "node_b", null) as fc.Arbitrary<GridNodeId | null>,
  category: fc.constantFrom("property", "repairs", "parking"),
  channel: fc.constantFrom("phone", "direct"),
  kind: fc.constantFrom("need", "case", "item", "request") as fc.Arbitrary<KpiFact["kind"]>,
  work: fc.nat(50),
  respondedInTime: fc.nat(50),
  resolved: fc.nat(50),
  ratings: fc.nat(50),
  satisfied: fc.nat(50)
}).map((f): KpiFact => {
  const responded = Math.min(f.work, f.respondedInTime + 3)
  return { ...f, respondedInTime: Math.min(f.respondedInTime, responded), responded, respondSeconds: responded * 3600, resolved: Math.min(f.resolved, f.work), resolveSeconds: Math.min(f.resolved, f.work) * 7200, satisfied: Math.min(f.satisfied, f.ratings) }
})

describe("the KPI figures", () => {
  it("add up to the total along every breakdown, and every rate stays within 0–100%", () => {
    fc.assert(fc.property(fc.array(fact, { maxLength: 30 }), (facts) => {
      const total = kpiTotalOf(facts)
      for (const key of [(f: KpiFact) => String(f.child), (f: KpiFact) => f.category, (f: KpiFact) => f.channel, (f: KpiFact) => f.kind]) {
        const parts = sumKpisBy(facts, key).map(([, f]) => f)
        expect(parts.reduce((n, f) => n + f.work, 0)).toBe(total.work)
        expect(parts.reduce((n, f) => n + f.responseRate.count, 0)).toBe(total.responseRate.count)
        expect(parts.reduce((n, f) => n + f.resolutionRate.count, 0)).toBe(total.resolutionRate.count)
        expect(parts.reduce((n, f) => n + f.satisfactionRate.count, 0)).toBe(total.satisfactionRate.count)
      }
      for (const r of [total.responseRate, total.resolutionRate, total.satisfactionRate]) expect(r.percent >= 0 && r.percent <= 100).toBe(true)
      if (total.responded > 0) expect(total.meanHoursToRespond).toBe(1)
    }))
  })
})
