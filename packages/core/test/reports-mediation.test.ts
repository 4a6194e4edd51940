/**
 * The ledger's figures for mediation cases agree with the mediation statistics: cases driven
 * through the real pipeline (declined, withdrawn, resolved, rated, closed, still open) count
 * the same in `Reports.kpis` as in `Mediation.statistics`.
 */
import { Grid, Identity, IdGenerator, Mediation, Reports } from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"
import { caseAt, pathTo, setupWorld, T0 } from "../src/testing/mediationWorld.js"
import { runnerAt } from "../src/testing/runner.js"
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"

const run = runnerAt(T0, () =>
  Layer.mergeAll(Mediation.layer, Grid.layer, Identity.layer, Reports.layer()).pipe(
    Layer.provideMerge(Reports.layerReaction),
    Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layerSeeded(31)))
  ))

describe("the ledger and the mediation statistics", () => {
  it("count the same cases, responses, resolutions and ratings", () =>
    run(Effect.gen(function*() {
      const w = yield* setupWorld
      for (const state of ["reported", "accepted", "declined", "withdrawn", "resolved", "rated", "closed", "rated"] as const) yield* caseAt(w, pathTo[state])
      const stats = yield* (yield* Mediation).statistics(w.t.admin, w.t.county.id, { month: "2026-06" })
      const kpis = yield* (yield* Reports).kpis(w.t.admin, w.t.county.id, { month: "2026-06" })
      const cases = kpis.byKind.find((k) => k.kind === "case")!
      expect(stats.cases).toBe(8)
      expect(cases.work).toBe(stats.cases)
      expect(cases.responded).toBe(stats.responseRate.count)
      expect(cases.resolutionRate.count).toBe(stats.resolutionRate.count)
      expect([cases.satisfactionRate.count, cases.satisfactionRate.of]).toEqual([stats.satisfactionRate.count, stats.satisfactionRate.of])
    })))
})
