/**
 * The activities context (睦邻节 · 睦邻大集 · 公益市集 · 夜校 · 宣讲 · 志愿服务): activities planned
 * at a place or node with registration, a waiting list and check-in; volunteer and lecture
 * teams with their members' service hours; attendance points through the ledger's
 * `event_attendance` rule; and the report of activities, person-times (人次) and distinct
 * residents reached per kind, month and subtree.
 *
 * @since 0.5.0
 */
export * from "./machine.js"
export * from "./model.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./views.js"
