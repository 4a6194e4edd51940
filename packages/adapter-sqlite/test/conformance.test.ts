/**
 * The SQLite store against every conformance suite of `@mulin/core/testing`, on
 * `:memory:`; `conformance.file.test.ts` runs them on files.
 */
import { gridStoreConformance, storeConformance } from "@mulin/core/testing"
import * as Sqlite from "../src/index.js"

storeConformance("sqlite :memory:", () => Sqlite.layerMemory(), {
  propertyRuns: { grid: 25, points: 25, matching: 15, mediation: 15, deliberation: 12 }
})

// The statement cache switched off: the grid suite exercises the uncached statements of the
// connection every store shares.
gridStoreConformance("sqlite :memory: without statement cache", () => Sqlite.layerMemory({ statementCache: false }), { propertyRuns: 5 })
