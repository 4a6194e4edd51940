import { layerMemory, matchingStoreConformance } from "@mulin/core/testing"

matchingStoreConformance("memory", () => layerMemory(), { propertyRuns: 30 })
