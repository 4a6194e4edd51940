/**
 * The PostgreSQL store against the conformance suites of follow-ups, notifications, the
 * scheduled rules, places, activities and visits (see `conformance.test.ts`).
 */
import { storeConformance } from "@mulin/core/testing"
import { inject } from "vitest"
import { layerEmptied, migratedTemplate } from "../testing/layer.js"

/** Partners, party members, intake and the reports are not kept on PostgreSQL yet. */
const NOT_YET = "not kept on PostgreSQL yet"
const server = inject("postgresUrl")
const database = await migratedTemplate(server, "outreach")
const elsewhere = "runs in another file of this folder, in parallel"

storeConformance("postgres", () => layerEmptied(database), {
  propertyRuns: { jobs: 3 },
  without: {
    partners: NOT_YET,
    party: NOT_YET,
    intake: NOT_YET,
    reports: NOT_YET,
    grid: elsewhere,
    points: elsewhere,
    matching: elsewhere,
    mediation: elsewhere,
    deliberation: elsewhere
  }
})
