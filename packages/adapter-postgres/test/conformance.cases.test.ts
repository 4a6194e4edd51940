/**
 * The PostgreSQL store against the conformance suites of matching, mediation,
 * deliberation, partners and party members (see `conformance.test.ts`).
 */
import { storeConformance } from "@mulin/core/testing"
import { inject } from "vitest"
import { layerEmptied, migratedTemplate } from "../testing/layer.js"

const server = inject("postgresUrl")
const database = await migratedTemplate(server, "cases")
const elsewhere = "runs in another file of this folder, in parallel"

storeConformance("postgres", () => layerEmptied(database), {
  propertyRuns: { matching: 4, mediation: 3, deliberation: 3 },
  without: {
    intake: elsewhere,
    reports: elsewhere,
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
