/**
 * The intake context (一口式受理): one entry for what a resident brings — walk-in, phone,
 * the 12345 hotline, a grid worker, the mini-program — as one request with a reference
 * number and one status the resident follows without signing in; routed with staff
 * confirmation to a need, a mediation case, a deliberation item or a department, and
 * resolved when its target is; duplicates merged into an open request.
 *
 * @since 0.5.0
 */
export * from "./job.js"
export * from "./machine.js"
export * from "./model.js"
export * from "./reaction.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./views.js"
