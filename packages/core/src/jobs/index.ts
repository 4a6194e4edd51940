/**
 * `@mulin/core/jobs`: scheduled rules. Jobs with cron schedules read in each county's time
 * zone, a runner that runs each period once under a run key (catching up after downtime,
 * bounded per county) and one at a time across processes under a lease, the record of
 * runs, and the timed rules Mulin ships: deadline reminders, hold timeouts, point and need
 * expiry, and the escalation of overdue mediation cases.
 *
 * @since 0.5.0
 */
export * from "./model.js"
export * from "./reminders.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./timed.js"
export * from "./views.js"
export * from "./outreach.js"
