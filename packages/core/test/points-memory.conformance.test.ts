import { layerMemory, pointsStoreConformance } from "@mulin/core/testing"

pointsStoreConformance("memory", () => layerMemory(), { propertyRuns: 30 })
