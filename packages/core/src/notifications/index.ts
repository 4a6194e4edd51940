/**
 * The notifications context (通知): county rules turn events into notifications to people,
 * written to an outbox in the same unit of work as the events, delivered by channel
 * plug-ins (a signed webhook, the log; SMS, WeChat and DingTalk on the same interface) at
 * least once, with retries, dead letters and a stable id per delivery; people's inboxes
 * and preferences (channels, quiet hours, a daily digest).
 *
 * @since 0.5.0
 */
export * from "./channels.js"
export * from "./model.js"
export * from "./outbox.js"
export * from "./rules.js"
export * from "./service.js"
export * from "./store.js"
export * from "./targets.js"
export * from "./views.js"
export * from "./webhook.js"
