/**
 * `@mulin/core/memory`: the in-memory store, the reference implementation of every port
 * (grid, directory, event log, unit of work, idempotency, points, matching, mediation and
 * deliberation). It depends on `effect` only — not on `vitest` or `fast-check` — so tests,
 * examples, quick scripts and browsers can use it:
 *
 * ```ts
 * import { layerMemory } from "@mulin/core/memory"
 * ```
 *
 * @since 0.4.0
 */
export * from "./activities.js"
export * from "./deliberation.js"
export * from "./documents.js"
export * from "./followup.js"
export * from "./jobs.js"
export * from "./kit.js"
export * from "./matching.js"
export * from "./mediation.js"
export * from "./notifications.js"
export * from "./places.js"
export * from "./partners.js"
export * from "./party.js"
export * from "./points.js"
export * from "./store.js"
export * from "./visits.js"
export * from "./intake.js"
export * from "./reports.js"
