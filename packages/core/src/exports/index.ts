/**
 * Exports: named reports of the contexts as sheets (CSV, `.xlsx`), the registry the
 * adapters serve them from, and the exports of the contexts as they are.
 *
 * @since 0.5.0
 */
export * from "./service.js"
export * from "./today.js"
export * from "./seed.js"
