/**
 * `@mulin/core/testing`: fixtures, the storage conformance suites and the decider
 * specification helper. The conformance suites register vitest tests, so `vitest` and
 * `fast-check` are optional peer dependencies needed only when you import it. The
 * in-memory store is re-exported from `@mulin/core/memory`, which needs neither.
 *
 * @since 0.1.0
 */
export * from "./activitiesConformance.js"
export * from "./conformance.js"
export * from "./deliberationConformance.js"
export * from "./fixtures.js"
export * from "./followupConformance.js"
export * from "./jobsConformance.js"
export * from "./matchingConformance.js"
export * from "./mediationConformance.js"
export * from "./notificationsConformance.js"
export * from "./placesConformance.js"
export * from "./partnersConformance.js"
export * from "./partyConformance.js"
export * from "./visitsConformance.js"
export * from "./intakeConformance.js"
export * from "./reportsConformance.js"
export * from "./reportsUpgrade.js"
export * from "./pointsConformance.js"
export * from "./pointsFixtures.js"
export * from "./seed.js"
export * from "./storeConformance.js"
export * from "./personal.js"
export * from "./decider.js"
export * from "../memory/index.js"
