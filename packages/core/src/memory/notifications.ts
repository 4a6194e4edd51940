/**
 * The in-memory notifications store: the reference implementation of
 * `NotificationStore`, on the in-memory store's unit of work.
 *
 * @since 0.5.0
 */
import { Exit, Option } from "effect"
import { staleVersion } from "../kernel/errors.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import type { Delivery, DeliveryAttempt, Notification, NotificationConfig, NotificationPreferences, WebhookSubscription } from "../notifications/model.js"
import { NotificationStore } from "../notifications/store.js"
import type { MemoryKit, MemoryTx } from "./kit.js"

/**
 * Builds the in-memory `NotificationStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeMemoryNotificationStore = ({ op }: MemoryKit): NotificationStore["Service"] => {
  const configs = new Map<GridNodeId, NotificationConfig>()
  const preferences = new Map<PersonId, NotificationPreferences>()
  const notifications = new Map<string, Notification>()
  const inboxes = new Map<PersonId, Array<string>>()
  const deliveries = new Map<string, Delivery>()
  const byNotification = new Map<string, Array<string>>()
  const attempts = new Map<string, Array<DeliveryAttempt>>()
  const webhooks = new Map<string, WebhookSubscription>()

  const read = <A>(f: () => A) => op(() => Exit.succeed(f()))
  const put = <K, V>(map: Map<K, V>, key: K, value: V, tx: MemoryTx | undefined) => {
    const before = map.get(key)
    map.set(key, value)
    tx?.undo.push(() => (before === undefined ? map.delete(key) : map.set(key, before)))
  }
  const push = <K, V>(map: Map<K, Array<V>>, key: K, value: V, tx: MemoryTx | undefined) => {
    let list = map.get(key)
    if (list === undefined) map.set(key, (list = []))
    list.push(value)
    const l = list
    tx?.undo.push(() => {
      l.pop()
    })
  }

  return NotificationStore.of({
    getConfig: (countyId) => read(() => Option.fromNullishOr(configs.get(countyId))),
    saveConfig: (config, expectedVersion) =>
      op((tx) => {
        const actual = configs.get(config.countyId)?.version ?? 0
        if (actual !== expectedVersion) return Exit.fail(staleVersion("notification configuration", config.countyId, expectedVersion, actual))
        put(configs, config.countyId, config, tx)
        return Exit.void
      }),
    getPreferences: (personId) => read(() => Option.fromNullishOr(preferences.get(personId))),
    preferencesOf: (ids) => read(() => ids.flatMap((id) => preferences.get(id) ?? [])),
    savePreferences: (p) =>
      op((tx) => {
        put(preferences, p.personId, p, tx)
        return Exit.void
      }),

    insert: (ns, ds) =>
      op((tx) => {
        for (const n of ns) {
          if (notifications.has(n.id)) continue
          put(notifications, n.id, n, tx)
          push(inboxes, n.personId, n.id, tx)
        }
        for (const d of ds) {
          if (deliveries.has(d.id)) continue
          put(deliveries, d.id, d, tx)
          push(byNotification, d.notificationId, d.id, tx)
        }
        return Exit.void
      }),
    getNotification: (id) => read(() => Option.fromNullishOr(notifications.get(id))),
    inbox: (personId, q) =>
      read(() => {
        const all = (inboxes.get(personId) ?? []).map((id) => notifications.get(id)!)
          .filter((n) => (q.unread !== true || n.readAt === null) && (q.after === undefined || n.id < q.after))
          .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        const items = all.slice(0, q.limit)
        return { items, next: all.length > q.limit ? items[items.length - 1]!.id : null }
      }),
    markRead: (id, at) =>
      op((tx) => {
        const n = notifications.get(id)
        if (n === undefined) return Exit.succeed(false)
        if (n.readAt === null) put(notifications, id, { ...n, readAt: at }, tx)
        return Exit.succeed(true)
      }),

    claimDue: ({ claimer, limit, now, until }) =>
      op((tx) => {
        const due = [...deliveries.values()]
          .filter((d) => d.status === "pending" && d.dueAt <= now && (d.claimedUntil === null || d.claimedUntil <= now))
          .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1))
          .slice(0, Math.max(0, limit))
        return Exit.succeed(due.map((d) => {
          const claimed = { ...d, claimedBy: claimer, claimedUntil: until }
          put(deliveries, d.id, claimed, tx)
          return claimed
        }))
      }),
    complete: (id, claimer, result) =>
      op((tx) => {
        const d = deliveries.get(id)
        if (d === undefined || d.claimedBy !== claimer || d.status !== "pending") return Exit.succeed(false)
        put(deliveries, id, { ...d, status: result.status, dueAt: result.dueAt, attempts: result.attempt.number, claimedBy: null, claimedUntil: null }, tx)
        push(attempts, d.notificationId, result.attempt, tx)
        return Exit.succeed(true)
      }),
    getDelivery: (id) => read(() => Option.fromNullishOr(deliveries.get(id))),
    deliveriesOf: (notificationId) => read(() => (byNotification.get(notificationId) ?? []).map((id) => deliveries.get(id)!)),
    attemptsOf: (notificationId) => read(() => [...(attempts.get(notificationId) ?? [])]),
    held: (countyId, before) =>
      read(() =>
        [...deliveries.values()].filter((d) => d.countyId === countyId && d.status === "held" && d.createdAt < before)
          .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1))
      ),
    markDigested: (ids) =>
      op((tx) => {
        for (const id of ids) {
          const d = deliveries.get(id)
          if (d !== undefined && d.status === "held") put(deliveries, id, { ...d, status: "digested" }, tx)
        }
        return Exit.void
      }),

    listWebhooks: (countyId) => read(() => [...webhooks.values()].filter((w) => w.countyId === countyId).sort((a, b) => (a.id < b.id ? -1 : 1))),
    getWebhook: (id) => read(() => Option.fromNullishOr(webhooks.get(id))),
    saveWebhook: (w) =>
      op((tx) => {
        put(webhooks, w.id, w, tx)
        return Exit.void
      }),
    deleteWebhook: (id) =>
      op((tx) => {
        const w = webhooks.get(id)
        if (w === undefined) return Exit.succeed(false)
        webhooks.delete(id)
        tx?.undo.push(() => webhooks.set(id, w))
        return Exit.succeed(true)
      })
  })
}
