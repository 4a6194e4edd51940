/**
 * The visits deciders read as given / when / then, and the overdue list checked against a
 * brute-force count of calendar days in the county's zone.
 */
import {
  addDays,
  type CareHousehold,
  careDecider,
  defaultVisitsConfig,
  type GridNodeId,
  type HouseholdId,
  type HouseholdVisit,
  localDate,
  type MarkContext,
  overdueOf,
  pageOverdue,
  type VisitContext,
  visitDecider,
  type VisitId,
  visitsConfigDecider
} from "@mulin/core"
import { given } from "@mulin/core/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const at = "2026-06-01T08:00:00.000Z"
const actor = { id: "psn_01", kind: "person" } as const
const county = "node_county" as GridNodeId
const scope = [county, "node_street" as GridNodeId, "node_g1" as GridNodeId]
const hh = "hh_01" as HouseholdId
const config = defaultVisitsConfig(county)
const markCtx: MarkContext = { at, actor, categories: config.categories.map((c) => c.code), household: { householdId: hh, countyId: county, scope } }
const visitId = "vst_01KT000000000000000000000A" as VisitId
const visitCtx: VisitContext = {
  at,
  actor,
  visitor: { id: "psn_01", name: "王社工" },
  reasons: config.reasons.map((r) => r.code),
  visit: { id: visitId, countyId: county, scope },
  followUps: [{ kind: "need", id: "need_01" }]
}
const care: CareHousehold = { householdId: hh, countyId: county, nodeId: scope[2]!, scope, categories: ["elderly_alone"], markedAt: at, updatedAt: at, version: 0 }

describe("the marking decider", () => {
  it("marks a household with configured categories, sorted, since now", () => {
    given(careDecider).when({ categories: ["minimum_income", "elderly_alone"] }, markCtx)
      .then([{ type: "marked", at, actor, household: { ...care, categories: ["elderly_alone", "minimum_income"] } }])
  })

  it("refuses a category the county does not keep, naming the entry in both languages", () => {
    const error = given(careDecider).when({ categories: ["elderly_alone", "rich"] }, markCtx).thenFails("InvalidInput")
    expect(error).toMatchObject({ issues: [{ path: "categories.1" }] })
    expect(JSON.stringify(error)).toContain("特殊关爱类别")
  })

  it("records nothing when the categories stay, in any order", () => {
    given(careDecider, [], { ...care, categories: ["disability", "elderly_alone"] }).when({ categories: ["elderly_alone", "disability"] }, markCtx).thenNothing()
  })

  it("keeps the marking date while categories change, and starts afresh after an unmarking", () => {
    const later = { ...markCtx, at: "2026-07-01T08:00:00.000Z" }
    given(careDecider, [], care).when({ categories: ["disability"] }, later).thenMatches([{ household: { markedAt: at, categories: ["disability"] } }])
    given(careDecider, [], { ...care, categories: [] }).when({ categories: ["disability"] }, later).thenMatches([{ household: { markedAt: later.at } }])
  })
})

describe("the visit decider", () => {
  const command = { householdId: hh, visitedAt: "2026-06-01T02:00:00Z", reason: "care", findings: "独居，行动不便" }

  it("records the acting person's visit with what its follow-ups raised", () => {
    const visit: HouseholdVisit = {
      id: visitId, countyId: county, householdId: hh, nodeId: scope[2]!, scope, visitor: visitCtx.visitor,
      visitedAt: "2026-06-01T02:00:00.000Z", reason: "care", findings: command.findings, followUps: visitCtx.followUps, recordedAt: at, version: 0
    }
    given(visitDecider).when(command, visitCtx).then([{ type: "recorded", at, actor, visit }])
  })

  it("refuses a visit in the future and a reason the county does not keep, each naming its field", () => {
    expect(given(visitDecider).when({ ...command, visitedAt: "2026-06-01T08:00:01Z" }, visitCtx).thenFails("InvalidInput")).toMatchObject({ issues: [{ path: "visitedAt", messageZh: "不能晚于当前时间" }] })
    expect(given(visitDecider).when({ ...command, reason: "gossip" }, visitCtx).thenFails("InvalidInput")).toMatchObject({ issues: [{ path: "reason" }] })
  })

  it("records a visit once", () => {
    const first = given(visitDecider).when(command, visitCtx).result
    expect(first._tag).toBe("Success")
    given(visitDecider, first._tag === "Success" ? first.success : []).when(command, visitCtx).thenFails("InvalidTransition")
  })
})

describe("the configuration decider", () => {
  it("names what changed, and records nothing when nothing did", () => {
    const categories = config.categories.map((c) => c.code === "elderly_alone" ? { ...c, frequencyDays: 3 } : c)
    given(visitsConfigDecider, [], config).when({ categories, reasons: config.reasons }, { at, actor }).thenMatches([{ changed: ["categories"] }])
    given(visitsConfigDecider, [], config).when({ categories: config.categories, reasons: config.reasons }, { at, actor }).thenNothing()
  })
})

describe("the overdue list", () => {
  const zones = ["Asia/Shanghai", "America/New_York", "Pacific/Kiritimati", "UTC"]
  const base = Date.parse("2026-01-01T00:00:00Z")
  const instant = fc.integer({ min: 0, max: 200 * 24 * 60 }).map((m) => new Date(base + m * 60_000).toISOString())
  const codes = config.categories.map((c) => c.code).concat(["retired_code"])
  const household = fc.record({
    n: fc.integer({ min: 0, max: 999 }),
    categories: fc.uniqueArray(fc.constantFrom(...codes), { maxLength: 3 }),
    markedAt: instant,
    visit: fc.option(instant, { nil: undefined })
  })

  /** Steps day by day from the later of the marking and the last visit, as a clerk with a calendar would. */
  const bruteForce = (rows: ReadonlyArray<{ h: CareHousehold; visit: string | undefined }>, today: string, zone: string) => {
    const out: Array<{ householdId: string; daysOverdue: number }> = []
    for (const { h, visit } of rows) {
      const freqs = h.categories.map((c) => config.categories.find((k) => k.code === c)?.frequencyDays).filter((f): f is number => f !== undefined)
      if (freqs.length === 0) continue
      const since = visit !== undefined && Date.parse(visit) > Date.parse(h.markedAt) ? visit : h.markedAt
      let day = localDate(since, zone)
      let elapsed = 0
      while (day < today) {
        day = addDays(day, 1)
        elapsed++
      }
      const late = elapsed - Math.min(...freqs)
      if (late > 0) out.push({ householdId: h.householdId, daysOverdue: late })
    }
    return out.sort((a, b) => b.daysOverdue - a.daysOverdue || (a.householdId < b.householdId ? -1 : 1))
  }

  it("equals a day-by-day count in the county's calendar, most overdue first, and pages without loss", () => {
    fc.assert(fc.property(fc.uniqueArray(household, { selector: (h) => h.n, maxLength: 25 }), instant, fc.constantFrom(...zones), fc.integer({ min: 1, max: 7 }), (rows, nowAt, zone, limit) => {
      const cares = rows.map((r) => ({
        h: { ...care, householdId: `hh_${String(r.n).padStart(3, "0")}` as HouseholdId, categories: r.categories, markedAt: r.markedAt <= nowAt ? r.markedAt : nowAt },
        visit: r.visit !== undefined && r.visit <= nowAt ? r.visit : undefined
      }))
      const last = new Map(cares.filter((c) => c.visit !== undefined).map((c) => [c.h.householdId, c.visit!]))
      const today = localDate(nowAt, zone)
      const computed = overdueOf(cares.map((c) => c.h), last, config.categories, today, zone)
      expect(computed.map((r) => ({ householdId: r.householdId, daysOverdue: r.daysOverdue }))).toEqual(bruteForce(cares, today, zone))
      const paged: Array<string> = []
      let after: string | undefined
      for (let i = 0; i < 100; i++) {
        const page = pageOverdue(computed, after, limit)
        paged.push(...page.items.map((r) => r.householdId))
        if (page.next === null) break
        after = page.next
      }
      expect(paged).toEqual(computed.map((r) => r.householdId))
    }), { numRuns: 200 })
  })
})
