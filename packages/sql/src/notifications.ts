/** Notifications' rows: deliveries of the outbox, column by column. */
import { type Delivery, NotificationConfig } from "@mulin/core"
import { configShape } from "./shape.js"

/**
 * The row of a delivery.
 *
 * @category notifications
 * @since 0.5.0
 */
export const deliveryRow = (d: Delivery) => ({
  id: d.id,
  notification_id: d.notificationId,
  county_id: d.countyId,
  person_id: d.personId,
  channel: d.channel,
  target: d.target,
  urgency: d.urgency,
  body: d.body,
  status: d.status,
  attempts: d.attempts,
  due_at: d.dueAt,
  created_at: d.createdAt,
  claimed_by: d.claimedBy,
  claimed_until: d.claimedUntil
})

/**
 * A row of `notification_deliveries`.
 *
 * @category notifications
 * @since 0.5.0
 */
export type DeliveryRow = ReturnType<typeof deliveryRow>

/**
 * The table of the counties' notification configurations.
 *
 * @category notifications
 * @since 0.5.0
 */
export const notificationConfigs = configShape("notification_configs", "notification configuration", NotificationConfig)
