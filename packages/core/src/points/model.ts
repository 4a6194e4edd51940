/**
 * The credit-points ledger's schemas (积分账本): accounts with floors, double-entry
 * transfers with caller-chosen ids, two-phase holds with a pickup code (核销码), the
 * low-cost service catalog (低偿服务), and the commands that change them.
 *
 * Amounts are whole points (safe integers); nothing in the ledger is a float.
 *
 * @since 0.2.0
 */
export * from "./model/catalog.js"
export * from "./model/holds.js"
export * from "./model/ledger.js"
