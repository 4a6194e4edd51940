/**
 * `storeConformance` refuses an opt-out that names no suite or gives no reason, before it
 * registers anything.
 */
import { layerMemory } from "@mulin/core/memory"
import { conformanceSuites, storeConformance } from "@mulin/core/testing"
import { describe, expect, it } from "vitest"

describe("storeConformance's opt-outs", () => {
  it("name the fifteen suites", () => {
    expect(Object.keys(conformanceSuites)).toEqual(["grid", "points", "matching", "mediation", "deliberation", "followup", "notifications", "jobs", "places", "activities", "visits", "partners", "party", "intake", "reports"])
  })

  it("refuse a suite that does not exist, naming it and the suites there are", () => {
    const without = { ledger: "kept elsewhere" } as unknown as { points: string }
    expect(() => storeConformance("memory", () => layerMemory(), { without })).toThrow(/"ledger" in without is not a suite \(grid, points, matching, mediation, deliberation, followup, notifications, jobs, places, activities, visits, partners, party, intake, reports\).*“ledger”/u)
  })

  it("refuse an opt-out without a reason", () => {
    expect(() => storeConformance("memory", () => layerMemory(), { without: { mediation: " " } })).toThrow(/without\.mediation must say why.*原因/u)
  })
})
