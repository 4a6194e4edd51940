/**
 * The grid's aggregates as deciders: counties, nodes, households, people and role
 * assignments. Each `decide` turns a command into events against the current state (or
 * refuses it, or decides that nothing changes); each `evolve` applies an event. Both are
 * pure: the time, new ids and the entities a command references (already loaded through
 * the one scope check) come in through the context. The use cases run them through the
 * kernel's pipeline (`Commands.run`), which counts versions and appends the events.
 *
 * The `record*` functions are the feed projection of each event: its scope and a payload
 * without personal data, as {@link GridFeedEvents} describes it. The bulk import uses them
 * too, so the feed reads the same whatever wrote the event.
 *
 * @since 0.4.0
 */
export * from "./machine/assignment.js"
export * from "./machine/county.js"
export * from "./machine/household.js"
export * from "./machine/node.js"
export * from "./machine/person.js"
export type { GridDecisionError } from "./machine/shared.js"
