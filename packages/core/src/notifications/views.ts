/**
 * What the notifications context shows: a person's inbox entries, the county's webhook
 * subscriptions (never their secrets, except the one just made), and the deliveries of a
 * notification with their attempts.
 *
 * @since 0.5.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import { DeliveryAttempt, DeliveryStatus, Notification, type WebhookSubscription } from "./model.js"

/**
 * One entry of a person's inbox.
 *
 * @category views
 * @since 0.5.0
 */
export const InboxItem = Schema.Struct({ ...Notification.fields, read: Schema.Boolean })
/** @category views @since 0.5.0 */
export type InboxItem = typeof InboxItem.Type

/**
 * A webhook subscription as its county's staff see it: the secrets' dates, never the secrets.
 *
 * @category views
 * @since 0.5.0
 */
export const WebhookView = Schema.Struct({
  id: Schema.String,
  countyId: GridNodeId,
  url: Schema.String,
  eventTypes: Schema.Array(Schema.String),
  secrets: Schema.Array(Schema.Struct({ createdAt: Instant, expiresAt: Schema.NullOr(Instant) })),
  createdAt: Instant
})
/** @category views @since 0.5.0 */
export type WebhookView = typeof WebhookView.Type

/**
 * A subscription just created or rotated, with its new secret: shown this once.
 *
 * @category views
 * @since 0.5.0
 */
export const WebhookWithSecret = Schema.Struct({ webhook: WebhookView, secret: Schema.String })
/** @category views @since 0.5.0 */
export type WebhookWithSecret = typeof WebhookWithSecret.Type

/**
 * The deliveries of a notification and every attempt of them.
 *
 * @category views
 * @since 0.5.0
 */
export const NotificationAttempts = Schema.Struct({
  notificationId: Schema.String,
  deliveries: Schema.Array(Schema.Struct({ id: Schema.String, channel: Schema.String, target: Schema.String, status: DeliveryStatus, attempts: Schema.Int, dueAt: Instant })),
  attempts: Schema.Array(DeliveryAttempt)
})
/** @category views @since 0.5.0 */
export type NotificationAttempts = typeof NotificationAttempts.Type

/**
 * What one pass of the dispatcher did.
 *
 * @category views
 * @since 0.5.0
 */
export interface DeliveryRun {
  readonly claimed: number
  readonly delivered: number
  readonly retried: number
  readonly dead: number
}

/**
 * A subscription's view.
 *
 * @category views
 * @since 0.5.0
 */
export const webhookView = (w: WebhookSubscription): WebhookView => ({
  id: w.id,
  countyId: w.countyId,
  url: w.url,
  eventTypes: w.eventTypes,
  secrets: w.secrets.map((s) => ({ createdAt: s.createdAt, expiresAt: s.expiresAt })),
  createdAt: w.createdAt
})
