/**
 * `@mulin/core`: the pure domain of Mulin (睦邻). It depends on `effect` only and runs in
 * Node and in browsers; storage and transport come from adapters.
 *
 * @since 0.1.0
 */
export * from "./kernel/index.js"
export * from "./grid/index.js"
export * from "./points/index.js"
export * from "./mediation/index.js"
export * from "./deliberation/index.js"
export * from "./matching/index.js"
export * from "./followup/index.js"
export * from "./notifications/index.js"
export * from "./jobs/index.js"
export * from "./places/index.js"
export * from "./partners/index.js"
export * from "./party/index.js"
export * from "./activities/index.js"
export * from "./visits/index.js"
export * from "./exports/index.js"
export * from "./intake/index.js"
export * from "./reports/index.js"
