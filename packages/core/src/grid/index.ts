/**
 * The grid context: the six-level grid system (网格六级体系), households, people, role
 * assignments, "who serves this household" and the coverage report.
 *
 * @since 0.1.0
 */
export * from "./csv.js"
export * from "./import.js"
export * from "./machine.js"
export * from "./model.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./views.js"
