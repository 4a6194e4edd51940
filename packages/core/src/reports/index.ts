/**
 * The reports context (工作台账与考核指标): the ledger of work — one row per need,
 * mediation case, deliberation item and one-window intake request, kept by a reaction in
 * the unit of work of every event that moves it and rebuilt from the event log — the KPIs
 * (响应率, 解决率, 满意率, mean times) per subtree, category, channel and kind with year on
 * year by category, the headline report of the seed's figures from every context's
 * counters, and each report as a sheet with bilingual headers.
 *
 * @since 0.5.0
 */
export * from "./counters.js"
export * from "./model.js"
export * from "./reaction.js"
export * from "./rollup.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./views.js"
