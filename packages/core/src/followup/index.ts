/**
 * `@mulin/core/followup`: closing the loop (回访). When a need is done, a mediation case
 * resolved or a deliberation item reported back, the people concerned are asked to rate it
 * (现场评) in the same unit of work; unrated after the county's days, the rating counts as
 * not rated (never as satisfied); weeks later a questionnaire asks "was it solved?", and
 * "not solved" reopens the work.
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
