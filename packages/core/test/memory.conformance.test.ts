/**
 * The in-memory store against every conformance suite of `@mulin/core/testing`.
 */
import { layerMemory } from "@mulin/core/memory"
import { storeConformance } from "@mulin/core/testing"

storeConformance("memory", () => layerMemory(), {
  propertyRuns: { grid: 50, points: 30, matching: 30, mediation: 40, deliberation: 25 }
})
