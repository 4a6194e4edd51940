import { gridStoreConformance, layerMemory } from "@mulin/core/testing"

gridStoreConformance("memory", () => layerMemory(), { propertyRuns: 50 })
