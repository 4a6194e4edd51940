/**
 * The notifications port: the county's configuration, people's preferences, the inbox,
 * the outbox of deliveries with their claims and attempts, and webhook subscriptions.
 *
 * @since 0.5.0
 */
import { Context, type Effect, type Option } from "effect"
import type { StorageError } from "../kernel/errors.js"
import type { Conflict } from "../kernel/errors.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { Instant } from "../kernel/time.js"
import type { Delivery, DeliveryAttempt, DeliveryStatus, Notification, NotificationConfig, NotificationPreferences, WebhookSubscription } from "./model.js"

/**
 * A claim on due deliveries.
 *
 * @category models
 * @since 0.5.0
 */
export interface ClaimRequest {
  /** Deliveries due at or before this instant (and whose earlier claim has lapsed). */
  readonly now: Instant
  /** Who claims: recorded on the delivery, required to complete it. */
  readonly claimer: string
  /** The claim lapses then: another dispatcher may take the delivery again. */
  readonly until: Instant
  readonly limit: number
}

/**
 * The outcome of one attempt, to record with it.
 *
 * @category models
 * @since 0.5.0
 */
export interface AttemptResult {
  readonly attempt: DeliveryAttempt
  /** The delivery's status after it: `delivered`, `dead`, or `pending` again at `dueAt`. */
  readonly status: Extract<DeliveryStatus, "pending" | "delivered" | "dead">
  readonly dueAt: Instant
}

/**
 * The notifications store.
 *
 * Contract:
 * - `insert` MUST write the notifications and deliveries in the open unit of work (they
 *   commit or roll back with the event that caused them) and MUST keep the first row of an
 *   id, ignoring a second with the same id.
 * - `claimDue` MUST atomically mark and return up to `limit` deliveries that are `pending`,
 *   due (`dueAt <= now`) and unclaimed or whose claim lapsed (`claimedUntil <= now`), oldest
 *   due first; two concurrent claims MUST never both return the same delivery.
 * - `complete` MUST record the attempt and set the delivery's status, due time and attempt
 *   count only while `claimer` still holds it (returns `false` otherwise, recording nothing),
 *   and release the claim.
 * - `inbox` MUST list a person's notifications newest first, paged by id.
 * - `held` MUST list a county's `held` deliveries created before `before`, oldest first.
 * - Webhook subscriptions and configurations are per county; `saveConfig` MUST fail with a
 *   conflict unless the stored version is `expectedVersion` (0: none stored).
 *
 * @category services
 * @since 0.5.0
 */
export class NotificationStore extends Context.Service<NotificationStore, {
  readonly getConfig: (countyId: GridNodeId) => Effect.Effect<Option.Option<NotificationConfig>, StorageError>
  readonly saveConfig: (config: NotificationConfig, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  readonly getPreferences: (personId: PersonId) => Effect.Effect<Option.Option<NotificationPreferences>, StorageError>
  /** The preferences of those of these people who have set them. */
  readonly preferencesOf: (personIds: ReadonlyArray<PersonId>) => Effect.Effect<ReadonlyArray<NotificationPreferences>, StorageError>
  readonly savePreferences: (preferences: NotificationPreferences) => Effect.Effect<void, StorageError>

  readonly insert: (notifications: ReadonlyArray<Notification>, deliveries: ReadonlyArray<Delivery>) => Effect.Effect<void, StorageError>
  readonly getNotification: (id: string) => Effect.Effect<Option.Option<Notification>, StorageError>
  readonly inbox: (personId: PersonId, query: { readonly unread?: boolean | undefined; readonly after?: string | undefined; readonly limit: number }) => Effect.Effect<Page<Notification>, StorageError>
  /** Marks a notification read (keeps the first time); `false` when there is none. */
  readonly markRead: (id: string, at: Instant) => Effect.Effect<boolean, StorageError>

  readonly claimDue: (request: ClaimRequest) => Effect.Effect<ReadonlyArray<Delivery>, StorageError>
  readonly complete: (deliveryId: string, claimer: string, result: AttemptResult) => Effect.Effect<boolean, StorageError>
  readonly getDelivery: (id: string) => Effect.Effect<Option.Option<Delivery>, StorageError>
  /** Every delivery of a notification. */
  readonly deliveriesOf: (notificationId: string) => Effect.Effect<ReadonlyArray<Delivery>, StorageError>
  /** Every attempt of the deliveries of a notification, in order. */
  readonly attemptsOf: (notificationId: string) => Effect.Effect<ReadonlyArray<DeliveryAttempt>, StorageError>
  readonly held: (countyId: GridNodeId, before: Instant) => Effect.Effect<ReadonlyArray<Delivery>, StorageError>
  /** Sets the status of `held` deliveries to `digested`. */
  readonly markDigested: (ids: ReadonlyArray<string>) => Effect.Effect<void, StorageError>

  readonly listWebhooks: (countyId: GridNodeId) => Effect.Effect<ReadonlyArray<WebhookSubscription>, StorageError>
  readonly getWebhook: (id: string) => Effect.Effect<Option.Option<WebhookSubscription>, StorageError>
  /** Inserts or replaces a subscription. */
  readonly saveWebhook: (webhook: WebhookSubscription) => Effect.Effect<void, StorageError>
  readonly deleteWebhook: (id: string) => Effect.Effect<boolean, StorageError>
}>()("@mulin/core/notifications/NotificationStore") {}
