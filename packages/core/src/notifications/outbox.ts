/**
 * The outbox: a {@link Reaction} that turns events into notifications by the county's
 * rules, in the same unit of work as the events. One inbox entry per (event, person) and
 * one delivery per (event, person, channel), each with a stable id; an event no rule
 * names costs one map lookup.
 *
 * @since 0.5.0
 */
import { Effect, Option } from "effect"
import type { NewEvent } from "../kernel/events.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import type { Reaction } from "../kernel/reactions.js"
import { DEFAULT_TIME_ZONE, localDate } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import { MediationStore } from "../mediation/store.js"
import type { TransferId } from "../points/model.js"
import { PointsStore } from "../points/store.js"
import type { Delivery, Notification, NotificationConfig, NotificationRule, WebhookSubscription } from "./model.js"
import { defaultNotificationConfig, deliveryIdOf, notifiableTypes, notificationIdOf, releaseAfterQuietHours, render, ruleFor, subjectOf } from "./rules.js"
import { NotificationStore } from "./store.js"

/**
 * What the outbox reads besides its own store: the county's calendar and posts, the
 * mediation departments, and the holder of an order's account.
 *
 * @category models
 * @since 0.5.0
 */
export type OutboxRequirements = NotificationStore | GridStore | MediationStore | PointsStore

const isPersonId = (x: unknown): x is PersonId => typeof x === "string" && x.startsWith("psn_")

/** The people a rule names for an event. */
const recipientsOf = (rule: NotificationRule, event: NewEvent, countyId: GridNodeId, zone: string) =>
  Effect.gen(function*() {
    const p = event.payload
    switch (rule.recipients) {
      case "payload.personIds":
        return Array.isArray(p["personIds"]) ? p["personIds"].filter(isPersonId) : []
      case "escalation.unit": {
        const to = p["to"]
        if (typeof to !== "string") return []
        if (p["level"] === "department") {
          const config = yield* (yield* MediationStore).getConfig(countyId)
          const department = Option.isSome(config) ? config.value.departments.find((d) => d.code === to) : undefined
          return department === undefined ? [] : [...department.staff, ...(department.supervisor === null ? [] : [department.supervisor])]
        }
        const posts = yield* (yield* GridStore).currentAssignmentsAt([to as GridNodeId], localDate(event.at, zone))
        return posts.map((a) => a.personId)
      }
      case "intake.window": {
        const window = event.scope[event.scope.length - 1]
        if (window === undefined) return []
        return (yield* (yield* GridStore).currentAssignmentsAt([window], localDate(event.at, zone))).map((a) => a.personId)
      }
      case "hold.owner": {
        const points = yield* PointsStore
        const hold = yield* points.getHold(event.aggregateId as TransferId)
        if (Option.isNone(hold)) return []
        const account = yield* points.getAccount(hold.value.accountId)
        return Option.isSome(account) && account.value.ownerId !== null ? [account.value.ownerId] : []
      }
    }
  })

/**
 * The message a delivery carries: what the person may see, nothing more (ids, the
 * rendered title and body; no names, phones or codes).
 *
 * @category constructors
 * @since 0.5.0
 */
export const messageOf = (deliveryId: string, n: Notification): string =>
  JSON.stringify({
    id: deliveryId,
    notificationId: n.id,
    type: n.eventType,
    template: n.template,
    urgency: n.urgency,
    countyId: n.countyId,
    personId: n.personId,
    subject: n.subject,
    title: n.title,
    body: n.body,
    createdAt: n.createdAt
  })

const notificationsFor = (events: ReadonlyArray<NewEvent>) =>
  Effect.gen(function*() {
    const store = yield* NotificationStore
    const grid = yield* GridStore
    const configs = new Map<GridNodeId, NotificationConfig>()
    const zones = new Map<GridNodeId, string>()
    const subscriptions = new Map<GridNodeId, ReadonlyArray<WebhookSubscription>>()
    const notifications: Array<Notification> = []
    const deliveries: Array<Delivery> = []
    for (const event of events) {
      if (!notifiableTypes.has(event.type)) continue
      const countyId = event.scope[0]
      if (countyId === undefined) continue
      let config = configs.get(countyId)
      if (config === undefined) {
        config = Option.getOrElse(yield* store.getConfig(countyId), () => defaultNotificationConfig(countyId))
        configs.set(countyId, config)
      }
      const rule = ruleFor(config, event)
      if (rule === undefined) continue
      let zone = zones.get(countyId)
      if (zone === undefined) {
        zone = Option.match(yield* grid.getCounty(countyId), { onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone })
        zones.set(countyId, zone)
      }
      const people = [...new Set(yield* recipientsOf(rule, event, countyId, zone))]
      if (people.length === 0) continue
      const prefs = new Map((yield* store.preferencesOf(people)).map((p) => [p.personId, p]))
      let all = subscriptions.get(countyId)
      if (all === undefined) subscriptions.set(countyId, all = yield* store.listWebhooks(countyId))
      const webhooks = all.filter((w) => w.eventTypes.length === 0 || w.eventTypes.includes(event.type))
      const text = render(rule, event, zone)
      const urgent = rule.urgency === "urgent"
      for (const personId of people) {
        const pref = prefs.get(personId)
        const n: Notification = {
          id: notificationIdOf(event.id, personId),
          countyId,
          personId,
          eventId: event.id,
          eventType: event.type,
          template: text.template,
          urgency: rule.urgency,
          subject: subjectOf(event),
          title: text.title,
          body: text.body,
          createdAt: event.at,
          readAt: null
        }
        notifications.push(n)
        const dueAt = urgent ? event.at : releaseAfterQuietHours(event.at, pref === undefined ? config.quietHours : pref.quietHours, zone)
        const status = !urgent && pref?.digest === true ? "held" : "pending"
        const delivery = (channel: string, target?: string): Delivery => {
          const id = deliveryIdOf(n.id, channel, target)
          return { id, notificationId: n.id, countyId, personId, channel, target: target ?? personId, urgency: rule.urgency, body: messageOf(id, n), status, attempts: 0, dueAt, createdAt: event.at, claimedBy: null, claimedUntil: null }
        }
        for (const channel of pref?.channels ?? config.defaultChannels) deliveries.push(delivery(channel))
        for (const w of webhooks) deliveries.push(delivery("webhook", w.id))
      }
    }
    if (notifications.length > 0) yield* store.insert(notifications, deliveries)
  })

/**
 * The notifications outbox, to decorate the store's event log with:
 *
 * ```ts
 * contexts.pipe(Layer.provideMerge(reacting(notificationsOutbox)), Layer.provideMerge(store))
 * ```
 *
 * @category reactions
 * @since 0.5.0
 */
export const notificationsOutbox: Reaction<OutboxRequirements> = {
  name: "notifications outbox",
  react: (events) => {
    // The hot path: most events name no rule.
    for (const e of events) if (notifiableTypes.has(e.type)) return notificationsFor(events)
    return Effect.void
  }
}
