/**
 * The kernel: ids, identity and access, the one scope check, the command pipeline,
 * errors, time and the county calendar, events, pagination, the shared vocabulary of
 * input, redaction, secrets and the ports every context shares.
 *
 * @since 0.1.0
 */
export * from "./access.js"
export * from "./actor.js"
export * from "./decider.js"
export * from "./directory.js"
export * from "./errors.js"
export * from "./events.js"
export * from "./feed.js"
export * from "./idempotency.js"
export * from "./identity.js"
export * from "./ids.js"
export * from "./masking.js"
export * from "./pagination.js"
export * from "./permissions.js"
export * from "./reactions.js"
export * from "./redact.js"
export * from "./secrets.js"
export * from "./store.js"
export * from "./text.js"
export * from "./time.js"
export * from "./vocabulary.js"
export * from "./layer.js"
export * from "./useCases.js"
export * from "./headline.js"
export * from "./sheet.js"
