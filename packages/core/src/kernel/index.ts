/**
 * The kernel: ids, actors and permissions, errors, time, events, pagination and the ports
 * every context shares.
 *
 * @since 0.1.0
 */
export * from "./actor.js"
export * from "./errors.js"
export * from "./events.js"
export * from "./idempotency.js"
export * from "./ids.js"
export * from "./masking.js"
export * from "./pagination.js"
export * from "./permissions.js"
export * from "./store.js"
export * from "./time.js"
