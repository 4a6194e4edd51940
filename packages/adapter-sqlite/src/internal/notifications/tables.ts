/**
 * The row types of the notifications tables (see `schema.ts`), part of `Tables`.
 *
 * @since 0.5.0
 */
import type { DeliveryAttempt, DeliveryStatus, GridNodeId, NotificationUrgency, PersonId } from "@mulin/core"

/** @category models @since 0.5.0 */
export interface NotificationConfigTable {
  readonly county_id: GridNodeId
  readonly config: string
  readonly version: number
}

/** @category models @since 0.5.0 */
export interface NotificationPreferencesTable {
  readonly person_id: PersonId
  readonly county_id: GridNodeId
  readonly doc: string
}

/** @category models @since 0.5.0 */
export interface NotificationTable {
  readonly id: string
  readonly county_id: GridNodeId
  readonly person_id: PersonId
  readonly read_at: string | null
  readonly doc: string
}

/** @category models @since 0.5.0 */
export interface NotificationDeliveryTable {
  readonly id: string
  readonly notification_id: string
  readonly county_id: GridNodeId
  readonly person_id: PersonId
  readonly channel: string
  readonly target: string
  readonly urgency: NotificationUrgency
  readonly body: string
  readonly status: DeliveryStatus
  readonly attempts: number
  readonly due_at: string
  readonly created_at: string
  readonly claimed_by: string | null
  readonly claimed_until: string | null
}

/** @category models @since 0.5.0 */
export interface NotificationAttemptTable {
  readonly delivery_id: string
  readonly number: number
  readonly notification_id: string
  readonly channel: string
  readonly at: string
  readonly outcome: DeliveryAttempt["outcome"]
  readonly http_status: number | null
  readonly error: string | null
  readonly duration_ms: number
}

/** @category models @since 0.5.0 */
export interface WebhookSubscriptionTable {
  readonly id: string
  readonly county_id: GridNodeId
  readonly doc: string
}

/**
 * The notifications tables.
 *
 * @category models
 * @since 0.5.0
 */
export interface NotificationTables {
  readonly notification_configs: NotificationConfigTable
  readonly notification_preferences: NotificationPreferencesTable
  readonly notifications: NotificationTable
  readonly notification_deliveries: NotificationDeliveryTable
  readonly notification_attempts: NotificationAttemptTable
  readonly webhook_subscriptions: WebhookSubscriptionTable
}
