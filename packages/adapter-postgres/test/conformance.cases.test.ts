/**
 * The PostgreSQL store against the conformance suites of matching, mediation and
 * deliberation (see `conformance.test.ts`).
 */
import { storeConformance } from "@mulin/core/testing"
import { inject } from "vitest"
import { layerFresh, migratedTemplate } from "../testing/layer.js"

const server = inject("postgresUrl")
const template = await migratedTemplate(server, "cases")
const elsewhere = "runs in another file of this folder, in parallel"

storeConformance("postgres", () => layerFresh(server, template), {
  propertyRuns: { matching: 6, mediation: 5, deliberation: 5 },
  without: {
    grid: elsewhere,
    points: elsewhere,
    followup: elsewhere,
    notifications: elsewhere,
    jobs: elsewhere,
    places: elsewhere,
    activities: elsewhere,
    visits: elsewhere
  }
})
