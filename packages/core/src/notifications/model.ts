/**
 * The notifications context's models: the county's rules (which events reach whom, with
 * which template and urgency), a person's inbox entries, the outbox of deliveries with
 * their attempts, people's preferences and the county's webhook subscriptions.
 *
 * @since 0.5.0
 */
import { Schema } from "effect"
import { EventId, GridNodeId, PersonId } from "../kernel/ids.js"
import { Code } from "../kernel/text.js"
import { Instant } from "../kernel/time.js"
import { ConfigKey, isUniqueBy } from "../kernel/vocabulary.js"

const rule = (en: string, zh: string) => ({ message: en, messageZh: zh } as Schema.Annotations.Filter)

/**
 * How urgent a notification is: urgent ones are sent in quiet hours and never wait for a digest.
 *
 * @category models
 * @since 0.5.0
 */
export const NotificationUrgency = Schema.Literals(["urgent", "normal"])
/** @category models @since 0.5.0 */
export type NotificationUrgency = typeof NotificationUrgency.Type

/**
 * Who receives a notification, as named resolvers over the event:
 * - `payload.personIds`: the people the event's payload names (`personIds`);
 * - `escalation.unit`: the people posted at the street a case is escalated to, or the
 *   department's staff and supervisor;
 * - `hold.owner`: the holder of the account an order is placed from;
 * - `intake.window`: the people posted, that day, at the node where a request was taken in
 *   (the one window, 一口式受理).
 *
 * @category models
 * @since 0.5.0
 */
export const RecipientResolver = Schema.Literals(["payload.personIds", "escalation.unit", "hold.owner", "intake.window"])
/** @category models @since 0.5.0 */
export type RecipientResolver = typeof RecipientResolver.Type

/**
 * One rule of the county: an event type turned into a notification.
 *
 * @category models
 * @since 0.5.0
 */
export const NotificationRule = Schema.Struct({
  /** The dotted event type, e.g. `matching.need.assigned`. */
  eventType: Code,
  /** The template, by key (see `templates`). */
  template: ConfigKey,
  /** Another template when the event's `payload.subject` is this value (`deliberation.item`: a promised date passed). */
  bySubject: Schema.Record(Schema.String, ConfigKey),
  /** Only events whose payload field has this value (`purpose: order`). */
  when: Schema.NullOr(Schema.Struct({ field: ConfigKey, equals: Schema.String })),
  recipients: RecipientResolver,
  urgency: NotificationUrgency,
  enabled: Schema.Boolean
})
/** @category models @since 0.5.0 */
export type NotificationRule = typeof NotificationRule.Type

/** `HH:MM`, 24-hour clock. */
const ClockTime = Schema.String.check(Schema.isPattern(/^([01]\d|2[0-3]):[0-5]\d$/u, rule("must be a time of day like 22:00", "必须是形如 22:00 的时刻")))

/**
 * Quiet hours in the county's time zone: from `start` to `end` (across midnight when `end` is earlier).
 *
 * @category models
 * @since 0.5.0
 */
export const QuietHours = Schema.Struct({ start: ClockTime, end: ClockTime })
/** @category models @since 0.5.0 */
export type QuietHours = typeof QuietHours.Type

/**
 * The county's notification configuration.
 *
 * @category models
 * @since 0.5.0
 */
export const NotificationConfig = Schema.Struct({
  countyId: GridNodeId,
  rules: Schema.Array(NotificationRule).check(isUniqueBy((r: NotificationRule) => `${r.eventType}/${r.when?.field ?? ""}/${r.when?.equals ?? ""}`, { en: "has two rules for the same event", zh: "同一事件有两条规则" })),
  /** The channels a person gets when they have not chosen (besides the inbox). */
  defaultChannels: Schema.Array(ConfigKey),
  /** The default quiet hours (`null`: none). */
  quietHours: Schema.NullOr(QuietHours),
  /** Attempts of one delivery before it is dead-lettered. */
  maxAttempts: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 50 })),
  /** The first retry's delay, in seconds; each next one doubles (with jitter), up to `maxBackoffSeconds`. */
  backoffSeconds: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 86_400 })),
  maxBackoffSeconds: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 604_800 })),
  version: Schema.Int
})
/** @category models @since 0.5.0 */
export type NotificationConfig = typeof NotificationConfig.Type

/**
 * A person's choices: their channels, their quiet hours and whether they take a daily digest.
 *
 * @category models
 * @since 0.5.0
 */
export const NotificationPreferences = Schema.Struct({
  personId: PersonId,
  countyId: GridNodeId,
  /** Channels besides the inbox (`log`, `sms`, `wechat`, `dingtalk`, …). */
  channels: Schema.Array(ConfigKey).check(isUniqueBy((c: string) => c, { en: "names the same channel twice", zh: "同一渠道重复出现" })),
  quietHours: Schema.NullOr(QuietHours),
  /** Non-urgent notifications wait for the day's digest. */
  digest: Schema.Boolean,
  updatedAt: Instant
})
/** @category models @since 0.5.0 */
export type NotificationPreferences = typeof NotificationPreferences.Type

/**
 * Bilingual text.
 *
 * @category models
 * @since 0.5.0
 */
export const Bilingual = Schema.Struct({ en: Schema.String, zh: Schema.String })
/** @category models @since 0.5.0 */
export type Bilingual = typeof Bilingual.Type

/**
 * What a notification is about.
 *
 * @category models
 * @since 0.5.0
 */
export const NotificationSubject = Schema.Struct({ type: Schema.String, id: Schema.String })

/**
 * One notification to one person: their inbox entry. Its id is derived from the event and
 * the person, so the same event never notifies the same person twice.
 *
 * @category models
 * @since 0.5.0
 */
export const Notification = Schema.Struct({
  id: Schema.String,
  countyId: GridNodeId,
  personId: PersonId,
  eventId: EventId,
  eventType: Schema.String,
  template: ConfigKey,
  urgency: NotificationUrgency,
  subject: NotificationSubject,
  title: Bilingual,
  body: Bilingual,
  createdAt: Instant,
  readAt: Schema.NullOr(Instant)
})
/** @category models @since 0.5.0 */
export type Notification = typeof Notification.Type

/**
 * Where a delivery stands: `pending` (due at `dueAt`), `held` (waiting for the digest),
 * `digested` (sent in a digest), `delivered`, `dead` (dead-lettered).
 *
 * @category models
 * @since 0.5.0
 */
export const DeliveryStatus = Schema.Literals(["pending", "held", "digested", "delivered", "dead"])
/** @category models @since 0.5.0 */
export type DeliveryStatus = typeof DeliveryStatus.Type

/**
 * One message through one channel: the outbox row. Its id is stable (event, person,
 * channel, target): receivers drop duplicates by it.
 *
 * @category models
 * @since 0.5.0
 */
export interface Delivery {
  readonly id: string
  /** The notification it carries (a digest: the first of them). */
  readonly notificationId: string
  readonly countyId: GridNodeId
  readonly personId: PersonId
  readonly channel: string
  /** The webhook subscription, for `webhook`; the person otherwise. */
  readonly target: string
  readonly urgency: NotificationUrgency
  /** The message, as sent (JSON). The same bytes on every attempt. */
  readonly body: string
  readonly status: DeliveryStatus
  readonly attempts: number
  readonly dueAt: Instant
  readonly createdAt: Instant
  /** Who holds the delivery, until when (`null`: nobody). */
  readonly claimedBy: string | null
  readonly claimedUntil: Instant | null
}

/**
 * One attempt to send a delivery.
 *
 * @category models
 * @since 0.5.0
 */
export const DeliveryAttempt = Schema.Struct({
  deliveryId: Schema.String,
  notificationId: Schema.String,
  channel: Schema.String,
  number: Schema.Int,
  at: Instant,
  outcome: Schema.Literals(["delivered", "retry", "permanent"]),
  httpStatus: Schema.NullOr(Schema.Int),
  error: Schema.NullOr(Schema.String),
  durationMs: Schema.Number
})
/** @category models @since 0.5.0 */
export type DeliveryAttempt = typeof DeliveryAttempt.Type

/**
 * A signing secret of a webhook subscription. During a rotation two are active: both sign.
 *
 * @category models
 * @since 0.5.0
 */
export interface WebhookSecret {
  readonly secret: string
  readonly createdAt: Instant
  /** `null`: until rotated. */
  readonly expiresAt: Instant | null
}

/**
 * A county's webhook subscription: every notification of the county (or of the listed
 * event types) is posted, signed, to `url`.
 *
 * @category models
 * @since 0.5.0
 */
export interface WebhookSubscription {
  readonly id: string
  readonly countyId: GridNodeId
  readonly url: string
  /** Event types to send (empty: all). */
  readonly eventTypes: ReadonlyArray<string>
  readonly secrets: ReadonlyArray<WebhookSecret>
  readonly createdAt: Instant
  readonly createdBy: string
}

/**
 * What a county sends when it subscribes a webhook.
 *
 * @category commands
 * @since 0.5.0
 */
export const CreateWebhook = Schema.Struct({
  url: Schema.String.check(Schema.isMaxLength(2000)),
  eventTypes: Schema.optional(Schema.Array(Code))
})
/** @category commands @since 0.5.0 */
export type CreateWebhook = typeof CreateWebhook.Type

/**
 * A person's new preferences (every part optional: what is left out stays).
 *
 * @category commands
 * @since 0.5.0
 */
export const SetPreferences = Schema.Struct({
  channels: Schema.optional(NotificationPreferences.fields.channels),
  quietHours: Schema.optional(Schema.NullOr(QuietHours)),
  digest: Schema.optional(Schema.Boolean)
})
/** @category commands @since 0.5.0 */
export type SetPreferences = typeof SetPreferences.Type

/**
 * A rotation: how long the old secret keeps signing beside the new one (default 24 hours;
 * 0 ends it at once).
 *
 * @category commands
 * @since 0.5.0
 */
export const RotateWebhook = Schema.Struct({
  overlapHours: Schema.optional(Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 168 })))
})
/** @category commands @since 0.5.0 */
export type RotateWebhook = typeof RotateWebhook.Type
