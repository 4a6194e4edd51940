/**
 * The partners context (睦邻合伙人): merchants, clinics, social organisations, units
 * (机关企事业单位) and local talents (新能人) serving grid nodes, with their staff as people
 * of the grid, the merchant accounts whose catalog items (free ones at 0 points included)
 * count as their services, and the report of what they provided per subtree and period.
 *
 * @since 0.5.0
 */
export * from "./machine.js"
export * from "./model.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./views.js"
