/**
 * The mediation context (矛盾调解): dispute cases handled by the "listen once, deliberate
 * three times, publish three times" method (一听三议三公开), escalation for supervision
 * (督办) to the street and then a government department, the public disclosure with
 * personal data masked, satisfaction ratings and statistics.
 *
 * @since 0.2.0
 */
export * from "./diagram.js"
export * from "./machine.js"
export * from "./model.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./views.js"
