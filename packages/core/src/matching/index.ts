/**
 * The matching context (微心愿 · 需求清单 ↔ 能力资源清单): residents' needs matched against
 * volunteers' profiles — ranking with a readable score, optimal batch dispatch (派单), a
 * claim board (认领) where concurrent claims never exceed a need's slots, door-knock visits
 * (敲门行动), confirmation with a rating and a reward paid once through the points ledger,
 * and the public wish board (心愿墙) with requesters masked.
 *
 * @since 0.3.0
 */
export * from "./candidates.js"
export * from "./diagram.js"
export * from "./dispatch.js"
export * from "./machine.js"
export * from "./model.js"
export * from "./ranking.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./views.js"
