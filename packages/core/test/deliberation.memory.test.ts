import { deliberationStoreConformance, layerMemory } from "@mulin/core/testing"

deliberationStoreConformance("memory", () => layerMemory(), { propertyRuns: 25 })
