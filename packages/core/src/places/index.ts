/**
 * The places context (阵地): service places on grid nodes — 党群服务中心, 邻里中心, 兖新苑
 * service points, 红帆驿站, 街坊说事点, 居民议事厅, 矛盾调解室 — with opening hours in the
 * county's time zone, the services offered, capacity and a contact person; the places
 * serving a household, nearest first; a public list without personal data; and the
 * coverage of a subtree's communities.
 *
 * @since 0.5.0
 */
export * from "./machine.js"
export * from "./model.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./views.js"
