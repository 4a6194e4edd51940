/**
 * The PostgreSQL store against the conformance suites of follow-ups, notifications, the
 * scheduled rules, places, activities, visits, intake and the reports (see `conformance.test.ts`).
 */
import { storeConformance } from "@mulin/core/testing"
import { inject } from "vitest"
import { layerEmptied, migratedTemplate } from "../testing/layer.js"

const server = inject("postgresUrl")
const database = await migratedTemplate(server, "outreach")
const elsewhere = "runs in another file of this folder, in parallel"

storeConformance("postgres", () => layerEmptied(database), {
  propertyRuns: { jobs: 3 },
  without: {
    partners: elsewhere,
    party: elsewhere,
    grid: elsewhere,
    points: elsewhere,
    matching: elsewhere,
    mediation: elsewhere,
    deliberation: elsewhere
  }
})
