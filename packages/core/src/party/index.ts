/**
 * The party context (在职党员进社区报到): serving party members register with a community,
 * name the unit that employs them, commit to kinds of service; the hours staff record are
 * tallied per member and reported per employer organisation, community and month; the
 * activities a member attends count as service too (the party reaction).
 *
 * @since 0.5.0
 */
export * from "./machine.js"
export * from "./model.js"
export * from "./reaction.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./views.js"
