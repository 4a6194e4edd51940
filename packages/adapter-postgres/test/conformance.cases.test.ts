/**
 * The PostgreSQL store against the conformance suites of matching, mediation and
 * deliberation (see `conformance.test.ts`).
 */
import { storeConformance } from "@mulin/core/testing"
import { inject } from "vitest"
import { layerEmptied, migratedTemplate } from "../testing/layer.js"

/** Partners, party members, intake and the reports are not kept on PostgreSQL yet. */
const NOT_YET = "not kept on PostgreSQL yet"
const server = inject("postgresUrl")
const database = await migratedTemplate(server, "cases")
const elsewhere = "runs in another file of this folder, in parallel"

storeConformance("postgres", () => layerEmptied(database), {
  propertyRuns: { matching: 4, mediation: 3, deliberation: 3 },
  without: {
    partners: NOT_YET,
    party: NOT_YET,
    intake: NOT_YET,
    reports: NOT_YET,
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
