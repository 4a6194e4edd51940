/**
 * The visits context: special-care households (独居老人, 残疾, 低保, 留守儿童, …) with a
 * visiting frequency per category as county configuration; the 全科社工 door-to-door visit
 * log, whose follow-ups raise a need, a mediation case or a deliberation item in the same
 * unit of work; and the households overdue for a visit, in the county's calendar.
 *
 * @since 0.5.0
 */
export * from "./machine.js"
export * from "./job.js"
export * from "./model.js"
export * from "./raise.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
