/**
 * The PostgreSQL store against the conformance suites of `@mulin/core/testing`, unchanged,
 * on a real server: each case on a fresh copy of a migrated database.
 */
import { storeConformance } from "@mulin/core/testing"
import { inject } from "vitest"
import { layerFresh, migratedTemplate } from "../testing/layer.js"

const server = inject("postgresUrl")
const template = await migratedTemplate(server, "conformance")

storeConformance("postgres", () => layerFresh(server, template), {
  propertyRuns: { grid: 8, points: 6, matching: 6, mediation: 5, deliberation: 5 }
})
