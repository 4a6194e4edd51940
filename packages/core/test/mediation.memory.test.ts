import { layerMemory, mediationStoreConformance } from "@mulin/core/testing"

mediationStoreConformance("memory", () => layerMemory(), { propertyRuns: 40 })
