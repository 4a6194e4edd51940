/**
 * The credit-points context (积分): a double-entry ledger of accounts and immutable
 * transfers, two-phase holds for redeeming low-cost services (低偿服务) with a pickup code
 * (核销码), earning rules and caps as county configuration, the service catalog, and the
 * queries (balances, statements, subtree totals, leaderboards).
 *
 * @since 0.2.0
 */
export * from "./machine.js"
export * from "./model.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./views.js"
