/**
 * The PostgreSQL store against the conformance suites of `@mulin/core/testing`, unchanged,
 * on a real server: here each case on a fresh copy of a migrated database (the ledger's properties
 * interleave units of work with a reader), in the other two files one migrated database per
 * file, emptied before each case. The suites are spread
 * over three files (this one: the kernel, the grid and the ledger) so that they run in
 * parallel, each file on its own databases.
 */
import { storeConformance } from "@mulin/core/testing"
import { inject } from "vitest"
import { layerFresh, migratedTemplate } from "../testing/layer.js"

const server = inject("postgresUrl")
const template = await migratedTemplate(server, "conformance")
const elsewhere = "runs in another file of this folder, in parallel"

storeConformance("postgres", () => layerFresh(server, template), {
  propertyRuns: { grid: 5, points: 15 },
  without: {
    partners: elsewhere,
    party: elsewhere,
    intake: elsewhere,
    reports: elsewhere,
    matching: elsewhere,
    mediation: elsewhere,
    deliberation: elsewhere,
    followup: elsewhere,
    notifications: elsewhere,
    jobs: elsewhere,
    places: elsewhere,
    activities: elsewhere,
    visits: elsewhere
  }
})
