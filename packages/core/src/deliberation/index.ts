/**
 * The deliberation context (议事会 · 圆桌会 · 接待日 · 晾晒 · 现场评): sessions where residents
 * raise problems and ideas, items answered on the spot or taken up by a responsible unit
 * with a promised date, progress published on a public board with personal data masked,
 * residents' ratings, votes of those present, and statistics with year-on-year change.
 *
 * @since 0.3.0
 */
export * from "./diagram.js"
export * from "./machine.js"
export * from "./model.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./views.js"
