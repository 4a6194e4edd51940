/**
 * The grid hierarchy's schemas: level templates, counties, nodes, households and their
 * residents, people, role assignments, the commands that change them, the events they
 * cause and how the feed shows each event.
 *
 * @since 0.1.0
 */
export * from "./model/commands.js"
export * from "./model/entities.js"
export * from "./model/events.js"
