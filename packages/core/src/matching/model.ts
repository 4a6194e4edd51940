/**
 * The matching context's schemas: needs (微心愿 · 需求清单), volunteer profiles and teams
 * (能力资源清单), the county's matching configuration, and the commands on them.
 *
 * @since 0.3.0
 */
export * from "./model/config.js"
export * from "./model/needs.js"
export * from "./model/volunteers.js"
