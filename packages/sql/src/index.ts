/**
 * `@mulin/sql`: the storage shape Mulin's SQL adapters share. For each context, the row
 * types of its tables and the pure functions that map a record to its row and a row back;
 * for the tables of versioned JSON documents and of county configurations, their whole
 * shape (table, key, entity, row, decode), which each adapter turns into its statements.
 *
 * It is shared by `@mulin/adapter-sqlite` and `@mulin/adapter-postgres` so that the two
 * write the same rows; it runs no SQL and needs no driver. Embedding code does not need
 * it: use an adapter.
 *
 * Conventions (both dialects): instants ISO-8601 text, calendar dates `YYYY-MM-DD` text,
 * lists and documents JSON text, booleans 0/1 integers, and a node's place in the tree a
 * materialised path `'/<root id>/…/<own id>/'`.
 *
 * @since 0.5.0
 */
export * from "./activities.js"
export * from "./deliberation.js"
export * from "./events.js"
export * from "./followup.js"
export * from "./grid.js"
export * from "./intake.js"
export * from "./matching.js"
export * from "./mediation.js"
export * from "./notifications.js"
export * from "./partners.js"
export * from "./party.js"
export * from "./paths.js"
export * from "./places.js"
export * from "./points.js"
export * from "./reports.js"
export * from "./shape.js"
export * from "./visits.js"
