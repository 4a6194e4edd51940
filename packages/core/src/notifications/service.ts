/**
 * The notifications use cases: a person's inbox and preferences, the county's rules and
 * webhook subscriptions (its staff only), the attempts of a notification, and the two
 * timed functions: the dispatcher (`deliverDue`) and the daily digest (`digest`).
 *
 * @since 0.5.0
 */
import { Clock, Context, Effect, Layer, Option, Random, Schema } from "effect"
import { Access } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import { Directory } from "../kernel/directory.js"
import { type Conflict, type Forbidden, fromSchemaError, type InvalidInput, invalidField, notFound, type NotFound, type StorageError } from "../kernel/errors.js"
import { type GridNodeId, IdGenerator, type PersonId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import { Secrets } from "../kernel/secrets.js"
import { UnitOfWork } from "../kernel/store.js"
import { DEFAULT_TIME_ZONE, type Instant } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import { type Channel, NotificationChannels, type SendOutcome, Retry, webhookChannel, type WebhookChannelOptions } from "./channels.js"
import { allowedRanges, refusedHostBilingual } from "./targets.js"
import { CreateWebhook, type Delivery, NotificationConfig, type NotificationPreferences, RotateWebhook, SetPreferences, type WebhookSubscription } from "./model.js"
import { backoffMillis, defaultNotificationConfig, releaseAfterQuietHours } from "./rules.js"
import { type AttemptResult, NotificationStore } from "./store.js"
import { type DeliveryRun, type InboxItem, type NotificationAttempts, type WebhookView, webhookView, type WebhookWithSecret } from "./views.js"

/**
 * The errors of the notifications use cases.
 *
 * @category models
 * @since 0.5.0
 */
export type NotificationsError = NotFound | Forbidden | Conflict | InvalidInput | StorageError

/**
 * A period of the digest: `[start, end)` and its key (a local date, `2026-12-06`).
 *
 * @category models
 * @since 0.5.0
 */
export interface DigestPeriod {
  readonly start: Instant
  readonly end: Instant
  readonly key: string
}

/**
 * Options of the notifications layer.
 *
 * @category models
 * @since 0.5.0
 */
export interface NotificationsOptions {
  /**
   * How long a dispatcher holds the deliveries it claimed (default 60 s). It must outlast
   * sending one batch (`batchSize / concurrency` rounds of the channel's timeout), or
   * another dispatcher may take a delivery still being sent.
   */
  readonly leaseSeconds?: number | undefined
  /** Deliveries claimed at a time, whose outcomes are recorded in one commit (default 64). */
  readonly batchSize?: number | undefined
  /** Deliveries sent at once (default 16). */
  readonly concurrency?: number | undefined
  /** How long a rotated-out secret keeps signing (default 24 h). */
  readonly rotationOverlapSeconds?: number | undefined
  /**
   * The webhook channel's fetch, timeout and the non-public ranges webhooks may post to
   * (`targets.allow`, none by default): a subscription to another address is refused, and
   * so is a delivery to one.
   */
  readonly webhook?: WebhookChannelOptions | undefined
}

/**
 * The notifications use cases.
 *
 * @category services
 * @since 0.5.0
 */
export class Notifications extends Context.Service<Notifications, {
  /** The actor's own inbox, newest first (`unread`: only those not read). */
  readonly inbox: (actor: Actor, query: { readonly unread?: boolean | undefined; readonly after?: string | undefined; readonly limit?: number | undefined }) => Effect.Effect<Page<InboxItem>, NotificationsError>
  /** Marks one of the actor's own notifications read. */
  readonly markRead: (actor: Actor, id: string) => Effect.Effect<InboxItem, NotificationsError>
  readonly getPreferences: (actor: Actor) => Effect.Effect<NotificationPreferences, NotificationsError>
  readonly setPreferences: (actor: Actor, input: unknown) => Effect.Effect<NotificationPreferences, NotificationsError>
  /** The county's rules (its staff). */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Effect.Effect<NotificationConfig, NotificationsError>
  /** Replaces the county's rules (its staff), given the version read. */
  readonly configure: (actor: Actor, countyId: GridNodeId, input: unknown) => Effect.Effect<NotificationConfig, NotificationsError>
  readonly listWebhooks: (actor: Actor, countyId: GridNodeId) => Effect.Effect<ReadonlyArray<WebhookView>, NotificationsError>
  /** Subscribes a URL; the secret is in the answer, and only there. */
  readonly createWebhook: (actor: Actor, countyId: GridNodeId, input: unknown) => Effect.Effect<WebhookWithSecret, NotificationsError>
  readonly deleteWebhook: (actor: Actor, countyId: GridNodeId, id: string) => Effect.Effect<void, NotificationsError>
  /** A new secret; the old one keeps signing beside it for the overlap, then expires. */
  readonly rotateWebhook: (actor: Actor, countyId: GridNodeId, id: string, input?: unknown) => Effect.Effect<WebhookWithSecret, NotificationsError>
  /** The deliveries of a notification and their attempts (the county's staff). */
  readonly attempts: (actor: Actor, notificationId: string) => Effect.Effect<NotificationAttempts, NotificationsError>
  /** Claims and sends every delivery due at `at`, once each, recording every attempt. */
  readonly deliverDue: (at: Instant) => Effect.Effect<DeliveryRun, StorageError>
  /** Gathers the period's held (non-urgent) notifications of each person into one delivery per channel. */
  readonly digest: (countyId: GridNodeId, period: DigestPeriod) => Effect.Effect<{ readonly people: number; readonly notifications: number }, StorageError>
}>()("@mulin/core/notifications/Notifications") {
  /**
   * The use cases over the notifications store, the directory and the grid store, with
   * the channels in {@link NotificationChannels} and the webhook channel.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer = (options: NotificationsOptions = {}): Layer.Layer<Notifications, never, NotificationStore | GridStore | Directory | UnitOfWork | IdGenerator> =>
    Layer.effect(Notifications, makeNotifications(options)).pipe(Layer.provide(Access.layer))
}

const decodeWith = <S extends Schema.Top>(schema: S) => {
  const decode = Schema.decodeUnknownEffect(schema as never) as (u: unknown) => Effect.Effect<S["Type"], Schema.SchemaError>
  return (input: unknown): Effect.Effect<S["Type"], InvalidInput> => Effect.mapError(decode(input), (e) => fromSchemaError(e))
}
const decodePreferences = decodeWith(SetPreferences)
const decodeWebhook = decodeWith(CreateWebhook)
const decodeConfig = decodeWith(NotificationConfig)
const decodeRotation = decodeWith(RotateWebhook)

const personOf = (actor: Actor): Effect.Effect<PersonId, NotFound> =>
  actor.kind === "person" ? Effect.succeed(actor.id as PersonId) : Effect.fail(notFound("person", actor.id))

const makeNotifications = (options: NotificationsOptions) =>
  Effect.gen(function*() {
    const store = yield* NotificationStore
    const grid = yield* GridStore
    const directory = yield* Directory
    const access = yield* Access
    const uow = yield* UnitOfWork
    const ids = yield* IdGenerator
    const leaseMs = (options.leaseSeconds ?? 60) * 1000
    const batchSize = options.batchSize ?? 64
    const concurrency = options.concurrency ?? 16
    const overlapMs = (options.rotationOverlapSeconds ?? 86_400) * 1000
    const webhooks = webhookChannel(store, options.webhook)
    const allowed = allowedRanges(options.webhook?.targets)

    const nowIso = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString() as Instant)
    const configOf = (countyId: GridNodeId) => Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultNotificationConfig(countyId)))
    const zoneOf = (countyId: GridNodeId) => Effect.map(grid.getCounty(countyId), Option.match({ onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone }))
    const staff = (actor: Actor, countyId: GridNodeId) => access.inCounty(actor, "notifications.manage", countyId)
    const inboxItem = (n: { readonly readAt: Instant | null }) => ({ ...n, read: n.readAt !== null }) as InboxItem

    const ownWebhook = (countyId: GridNodeId, id: string) =>
      Effect.flatMap(store.getWebhook(id), (found) =>
        Option.isSome(found) && found.value.countyId === countyId ? Effect.succeed(found.value) : Effect.fail(notFound("webhook subscription", id)))

    const preferencesOf = (personId: PersonId) =>
      Effect.gen(function*() {
        const stored = yield* store.getPreferences(personId)
        if (Option.isSome(stored)) return stored.value
        const person = yield* directory.personAccess(personId)
        if (Option.isNone(person)) return yield* Effect.fail(notFound("person", personId))
        const config = yield* configOf(person.value.person.countyId)
        return { personId, countyId: person.value.person.countyId, channels: config.defaultChannels, quietHours: config.quietHours, digest: false, updatedAt: new Date(0).toISOString() as Instant }
      })

    const newSecret = Effect.flatMap(Secrets, (s) => s.token(32)).pipe(Effect.map((t) => `whsec_${t}`))

    const sendOne = (channels: ReadonlyMap<string, Channel>, at: Instant, configs: Map<GridNodeId, NotificationConfig>) =>
      (d: Delivery) =>
        Effect.gen(function*() {
          const channel = d.channel === "webhook" ? webhooks : channels.get(d.channel)
          const attempt = d.attempts + 1
          const started = performance.now()
          const outcome: SendOutcome = channel === undefined
            ? { _tag: "Permanent", reason: `no channel named ${d.channel} is installed` }
            : yield* channel.send({ id: d.id, notificationId: d.notificationId, countyId: d.countyId, personId: d.personId, channel: d.channel, target: d.target, body: d.body, attempt }).pipe(
              Effect.catchDefect((defect) => Effect.succeed(Retry(defect instanceof Error ? defect.message : String(defect))))
            )
          const durationMs = Math.round((performance.now() - started) * 100) / 100
          let config = configs.get(d.countyId)
          if (config === undefined) configs.set(d.countyId, config = yield* configOf(d.countyId))
          const retry = outcome._tag === "Retry" && attempt < config.maxAttempts
          const status = outcome._tag === "Delivered" ? "delivered" : retry ? "pending" : "dead"
          const dueAt = retry ? new Date(Date.parse(at) + backoffMillis(attempt, config, yield* Random.next)).toISOString() : at
          return { delivery: d, result: {
            status,
            dueAt,
            attempt: {
              deliveryId: d.id,
              notificationId: d.notificationId,
              channel: d.channel,
              number: attempt,
              at,
              outcome: outcome._tag === "Delivered" ? "delivered" : outcome._tag === "Retry" ? "retry" : "permanent",
              httpStatus: outcome.httpStatus ?? null,
              error: outcome._tag === "Delivered" ? null : outcome.reason,
              durationMs
            }
          } satisfies AttemptResult }
        })

    // The outcomes of a batch are recorded together: one commit, not one per delivery.
    const record = (claimer: string, outcomes: ReadonlyArray<{ readonly delivery: Delivery; readonly result: AttemptResult }>, run: { delivered: number; retried: number; dead: number }) =>
      uow.transaction(Effect.forEach(outcomes, ({ delivery, result }) =>
        Effect.map(store.complete(delivery.id, claimer, result), (done) => {
          if (!done) return
          if (result.status === "delivered") run.delivered++
          else if (result.status === "pending") run.retried++
          else run.dead++
        }), { discard: true }))

    return Notifications.of({
      inbox: (actor, query) =>
        Effect.gen(function*() {
          const personId = yield* personOf(actor)
          const page = yield* store.inbox(personId, { unread: query.unread, after: query.after, limit: Math.min(Math.max(query.limit ?? 50, 1), 200) })
          return { items: page.items.map(inboxItem), next: page.next }
        }),

      markRead: (actor, id) =>
        Effect.gen(function*() {
          const personId = yield* personOf(actor)
          const found = yield* store.getNotification(id)
          // Another person's notification is not found: ids reveal nothing.
          if (Option.isNone(found) || found.value.personId !== personId) return yield* Effect.fail(notFound("notification", id))
          const at = yield* nowIso
          yield* store.markRead(id, at)
          return inboxItem({ ...found.value, readAt: found.value.readAt ?? at })
        }),

      getPreferences: (actor) => Effect.flatMap(personOf(actor), preferencesOf),

      setPreferences: (actor, input) =>
        Effect.gen(function*() {
          const personId = yield* personOf(actor)
          const change = yield* decodePreferences(input)
          // Webhooks are the county's subscriptions, not a person's channel.
          if (change.channels?.includes("webhook") === true) return yield* Effect.fail(invalidField("channels", "must not name webhook: webhooks are the county's subscriptions", "不得包含 webhook：Webhook 是区县的订阅，不是个人渠道"))
          const current = yield* preferencesOf(personId)
          const next: NotificationPreferences = {
            ...current,
            ...(change.channels === undefined ? {} : { channels: change.channels }),
            ...(change.quietHours === undefined ? {} : { quietHours: change.quietHours }),
            ...(change.digest === undefined ? {} : { digest: change.digest }),
            updatedAt: yield* nowIso
          }
          yield* store.savePreferences(next)
          return next
        }),

      getConfig: (actor, countyId) => Effect.andThen(staff(actor, countyId), configOf(countyId)),

      configure: (actor, countyId, input) =>
        Effect.gen(function*() {
          yield* staff(actor, countyId)
          const given = yield* decodeConfig({ ...(typeof input === "object" && input !== null ? input : {}), countyId })
          const next = { ...given, version: given.version + 1 }
          yield* uow.transaction(store.saveConfig(next, given.version))
          return next
        }),

      listWebhooks: (actor, countyId) => Effect.andThen(staff(actor, countyId), Effect.map(store.listWebhooks(countyId), (ws) => ws.map(webhookView))),

      createWebhook: (actor, countyId, input) =>
        Effect.gen(function*() {
          yield* staff(actor, countyId)
          const given = yield* decodeWebhook(input)
          let url: URL
          try {
            url = new URL(given.url)
          } catch {
            return yield* Effect.fail(invalidField("url", "must be an absolute http or https URL", "必须是完整的 http 或 https 地址"))
          }
          if (url.protocol !== "https:" && url.protocol !== "http:") return yield* Effect.fail(invalidField("url", "must be an absolute http or https URL", "必须是完整的 http 或 https 地址"))
          if (url.username !== "" || url.password !== "") return yield* Effect.fail(invalidField("url", "must not carry a user name or password", "不得包含用户名或密码"))
          const refused = refusedHostBilingual(url, allowed)
          if (refused !== undefined) {
            return yield* Effect.fail(invalidField(
              "url",
              `must be a public address (${refused.en}); a deployment allows a private range with its webhook targets`,
              `必须是公网地址（${refused.zh}）；内网地址须由部署方在 Webhook 目标网段中放行`
            ))
          }
          const at = yield* nowIso
          const secret = yield* newSecret
          const webhook: WebhookSubscription = {
            id: `whk_${yield* ids.ulid}`,
            countyId,
            url: url.toString(),
            eventTypes: given.eventTypes ?? [],
            secrets: [{ secret, createdAt: at, expiresAt: null }],
            createdAt: at,
            createdBy: actor.id
          }
          yield* store.saveWebhook(webhook)
          return { webhook: webhookView(webhook), secret }
        }),

      deleteWebhook: (actor, countyId, id) =>
        Effect.gen(function*() {
          yield* staff(actor, countyId)
          yield* ownWebhook(countyId, id)
          yield* store.deleteWebhook(id)
        }),

      rotateWebhook: (actor, countyId, id, input) =>
        Effect.gen(function*() {
          yield* staff(actor, countyId)
          const given = yield* decodeRotation(input ?? {})
          const webhook = yield* ownWebhook(countyId, id)
          const at = yield* nowIso
          const until = new Date(Date.parse(at) + (given.overlapHours === undefined ? overlapMs : given.overlapHours * 3_600_000)).toISOString() as Instant
          const secret = yield* newSecret
          const kept = webhook.secrets
            .filter((s) => s.expiresAt === null || s.expiresAt > at)
            .map((s) => (s.expiresAt === null || s.expiresAt > until ? { ...s, expiresAt: until } : s))
          const next = { ...webhook, secrets: [...kept, { secret, createdAt: at, expiresAt: null }] }
          yield* store.saveWebhook(next)
          return { webhook: webhookView(next), secret }
        }),

      attempts: (actor, notificationId) =>
        Effect.gen(function*() {
          const found = yield* store.getNotification(notificationId)
          if (Option.isNone(found)) return yield* Effect.fail(notFound("notification", notificationId))
          yield* staff(actor, found.value.countyId).pipe(Effect.mapError((e) => (e._tag === "NotFound" ? notFound("notification", notificationId) : e)))
          const deliveries = yield* store.deliveriesOf(notificationId)
          return {
            notificationId,
            deliveries: deliveries.map((d) => ({ id: d.id, channel: d.channel, target: d.target, status: d.status, attempts: d.attempts, dueAt: d.dueAt })),
            attempts: yield* store.attemptsOf(notificationId)
          }
        }),

      deliverDue: (at) =>
        Effect.gen(function*() {
          const channels = new Map((yield* NotificationChannels).map((c) => [c.name, c]))
          const claimer = `dispatcher_${yield* ids.ulid}`
          const until = new Date(Date.parse(at) + leaseMs).toISOString() as Instant
          const configs = new Map<GridNodeId, NotificationConfig>()
          const run = { claimed: 0, delivered: 0, retried: 0, dead: 0 }
          for (;;) {
            const batch = yield* store.claimDue({ now: at, claimer, until, limit: batchSize })
            if (batch.length === 0) break
            run.claimed += batch.length
            yield* record(claimer, yield* Effect.forEach(batch, sendOne(channels, at, configs), { concurrency }), run)
          }
          return run
        }),

      digest: (countyId, period) =>
        Effect.gen(function*() {
          const held = (yield* store.held(countyId, period.end)).filter((d) => d.createdAt >= period.start)
          if (held.length === 0) return { people: 0, notifications: 0 }
          const zone = yield* zoneOf(countyId)
          const config = yield* configOf(countyId)
          const at = yield* nowIso
          const groups = new Map<string, Array<Delivery>>()
          for (const d of held) {
            const key = `${d.personId}|${d.channel}|${d.target}`
            const list = groups.get(key)
            if (list === undefined) groups.set(key, [d])
            else list.push(d)
          }
          const prefs = new Map((yield* store.preferencesOf([...new Set(held.map((d) => d.personId))])).map((p) => [p.personId, p]))
          const digests: Array<Delivery> = []
          for (const list of groups.values()) {
            const first = list[0]!
            const personUlid = first.personId.slice(4)
            const id = `dig_${period.key}_${personUlid}.${first.channel}${first.channel === "webhook" ? `.${first.target.slice(4)}` : ""}`
            const items = list.map((d) => {
              const m = JSON.parse(d.body) as Record<string, unknown>
              return { notificationId: d.notificationId, type: m["type"], subject: m["subject"], title: m["title"], body: m["body"], createdAt: d.createdAt }
            })
            const body = JSON.stringify({ id, digest: true, countyId, personId: first.personId, period: period.key, title: { en: `${items.length} notifications`, zh: `${items.length} 条通知` }, items })
            const pref = prefs.get(first.personId)
            const quiet = pref === undefined ? config.quietHours : pref.quietHours
            digests.push({ ...first, id, body, status: "pending", attempts: 0, dueAt: releaseAfterQuietHours(at, quiet, zone), createdAt: at, claimedBy: null, claimedUntil: null })
          }
          yield* uow.transaction(Effect.andThen(store.insert([], digests), store.markDigested(held.map((d) => d.id))))
          return { people: new Set(held.map((d) => d.personId)).size, notifications: new Set(held.map((d) => d.notificationId)).size }
        })
    })
  })
