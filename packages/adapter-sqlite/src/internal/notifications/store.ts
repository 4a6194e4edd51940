/**
 * The notifications port on SQLite. Notifications, preferences and subscriptions are JSON
 * documents beside the columns their queries use; deliveries are plain rows, so the
 * dispatcher's claim is one `UPDATE … WHERE id IN (SELECT … LIMIT ?) RETURNING` on the
 * partial index of pending deliveries, inside the write lock: two dispatchers, in one
 * process or in two sharing the file, never claim the same delivery.
 */
import {
  type Delivery,
  type DeliveryAttempt,
  type Notification,
  NotificationPreferences,
  NotificationStore,
  type WebhookSubscription
} from "@mulin/core"
import { deliveryRow, notificationConfigs } from "@mulin/sql"
import { Option, Schema } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { conflictsOnly } from "../kernel/errors.js"
import { allRows, getRow, raw, type Row } from "../kernel/statements.js"

type DeliveryRow = Row<"notification_deliveries">
type AttemptRow = Row<"notification_attempts">

const configs = countyConfigTable(notificationConfigs)
const decodePreferences = Schema.decodeUnknownSync(NotificationPreferences)

const DELIVERY_COLUMNS = "id, notification_id, county_id, person_id, channel, target, urgency, body, status, attempts, due_at, created_at, claimed_by, claimed_until"
const INSERT_NOTIFICATION = "INSERT OR IGNORE INTO notifications (id, county_id, person_id, read_at, doc) VALUES (?, ?, ?, ?, ?)"
const INSERT_DELIVERY = `INSERT OR IGNORE INTO notification_deliveries (${DELIVERY_COLUMNS}) VALUES (@id, @notification_id, @county_id, @person_id, @channel, @target, @urgency, @body, @status, @attempts, @due_at, @created_at, @claimed_by, @claimed_until)`
const GET_NOTIFICATION = raw<{ readonly doc: string; readonly read_at: string | null }>("SELECT doc, read_at FROM notifications WHERE id = ?")
const INBOX = raw<{ readonly doc: string; readonly read_at: string | null }>("SELECT doc, read_at FROM notifications WHERE person_id = ? AND id < ? ORDER BY id DESC LIMIT ?")
const INBOX_UNREAD = raw<{ readonly doc: string; readonly read_at: string | null }>("SELECT doc, read_at FROM notifications WHERE person_id = ? AND id < ? AND read_at IS NULL ORDER BY id DESC LIMIT ?")
const MARK_READ = "UPDATE notifications SET read_at = coalesce(read_at, ?) WHERE id = ?"
// The partial index applies only when the query repeats its condition literally.
const CLAIM = raw<DeliveryRow>(
  `UPDATE notification_deliveries SET claimed_by = ?, claimed_until = ? WHERE id IN (` +
  `SELECT id FROM notification_deliveries WHERE status = 'pending' AND due_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY due_at, id LIMIT ?` +
  `) RETURNING ${DELIVERY_COLUMNS}`
)
const COMPLETE = "UPDATE notification_deliveries SET status = ?, due_at = ?, attempts = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ? AND status = 'pending'"
const INSERT_ATTEMPT = "INSERT OR REPLACE INTO notification_attempts (delivery_id, number, notification_id, channel, at, outcome, http_status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
const GET_DELIVERY = raw<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries WHERE id = ?`)
const DELIVERIES_OF = raw<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries WHERE notification_id = ? ORDER BY id`)
const ATTEMPTS_OF = raw<AttemptRow>("SELECT * FROM notification_attempts WHERE notification_id = ? ORDER BY at, delivery_id, number")
const HELD = raw<DeliveryRow>(`SELECT ${DELIVERY_COLUMNS} FROM notification_deliveries WHERE status = 'held' AND county_id = ? AND created_at < ? ORDER BY created_at, id`)
const DIGESTED = "UPDATE notification_deliveries SET status = 'digested' WHERE id = ? AND status = 'held'"
const GET_PREFERENCES = raw<{ readonly doc: string }>("SELECT doc FROM notification_preferences WHERE person_id = ?")
const SAVE_PREFERENCES = "INSERT INTO notification_preferences (person_id, county_id, doc) VALUES (?, ?, ?) ON CONFLICT (person_id) DO UPDATE SET county_id = excluded.county_id, doc = excluded.doc"
const WEBHOOKS = raw<{ readonly doc: string }>("SELECT doc FROM webhook_subscriptions WHERE county_id = ? ORDER BY id")
const GET_WEBHOOK = raw<{ readonly doc: string }>("SELECT doc FROM webhook_subscriptions WHERE id = ?")
const SAVE_WEBHOOK = "INSERT INTO webhook_subscriptions (id, county_id, doc) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET county_id = excluded.county_id, doc = excluded.doc"

const deliveryOf = (r: DeliveryRow): Delivery => ({
  id: r.id,
  notificationId: r.notification_id,
  countyId: r.county_id,
  personId: r.person_id,
  channel: r.channel,
  target: r.target,
  urgency: r.urgency,
  body: r.body,
  status: r.status,
  attempts: r.attempts,
  dueAt: r.due_at,
  createdAt: r.created_at,
  claimedBy: r.claimed_by,
  claimedUntil: r.claimed_until
})
const attemptOf = (r: AttemptRow): DeliveryAttempt => ({
  deliveryId: r.delivery_id,
  notificationId: r.notification_id,
  channel: r.channel,
  number: r.number,
  at: r.at,
  outcome: r.outcome,
  httpStatus: r.http_status,
  error: r.error,
  durationMs: r.duration_ms
})
// Written by this store from the core's values; the read time lives in its own column.
const notificationOf = (r: { readonly doc: string; readonly read_at: string | null }): Notification => ({ ...(JSON.parse(r.doc) as Notification), readAt: r.read_at })

/** Makes the notifications store over an open database. */
export const makeNotificationStore = (db: SqliteDatabase["Service"]): NotificationStore["Service"] =>
  NotificationStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),
    saveConfig: (config, expectedVersion) => db.write((s) => configs.save(s, config, expectedVersion), conflictsOnly),
    getPreferences: (personId) => db.read((s) => Option.map(Option.fromNullishOr(getRow(s, GET_PREFERENCES, personId)), (r) => decodePreferences(JSON.parse(r.doc)))),
    preferencesOf: (ids) =>
      ids.length === 0 ? db.read(() => []) : db.read((s) => {
        const statement = s.prepare(GET_PREFERENCES.sql)
        return ids.flatMap((id) => {
          const row = statement.get(id) as { readonly doc: string } | undefined
          return row === undefined ? [] : [decodePreferences(JSON.parse(row.doc))]
        })
      }),
    savePreferences: (p) => db.write((s) => void s.prepare(SAVE_PREFERENCES).run(p.personId, p.countyId, JSON.stringify(Schema.encodeSync(NotificationPreferences)(p)))),

    insert: (ns, ds) =>
      db.write((s) => {
        if (ns.length > 0) {
          const insert = s.prepare(INSERT_NOTIFICATION)
          for (const n of ns) insert.run(n.id, n.countyId, n.personId, n.readAt, JSON.stringify(n))
        }
        if (ds.length > 0) {
          const insert = s.prepare(INSERT_DELIVERY)
          for (const d of ds) insert.run(deliveryRow(d))
        }
      }),
    getNotification: (id) => db.read((s) => Option.map(Option.fromNullishOr(getRow(s, GET_NOTIFICATION, id)), notificationOf)),
    inbox: (personId, q) =>
      db.read((s) => {
        const rows = allRows(s, q.unread === true ? INBOX_UNREAD : INBOX, personId, q.after ?? "~", q.limit + 1)
        const items = rows.slice(0, q.limit).map(notificationOf)
        return { items, next: rows.length > q.limit ? items[items.length - 1]!.id : null }
      }),
    markRead: (id, at) => db.write((s) => s.prepare(MARK_READ).run(at, id).changes > 0),

    claimDue: ({ claimer, limit, now, until }) =>
      db.write((s) =>
        allRows(s, CLAIM, claimer, until, now, now, Math.max(0, Math.floor(limit))).map(deliveryOf)
          .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1))
      ),
    complete: (id, claimer, { attempt: a, dueAt, status }) =>
      db.write((s) => {
        if (s.prepare(COMPLETE).run(status, dueAt, a.number, id, claimer).changes === 0) return false
        s.prepare(INSERT_ATTEMPT).run(a.deliveryId, a.number, a.notificationId, a.channel, a.at, a.outcome, a.httpStatus, a.error, a.durationMs)
        return true
      }),
    getDelivery: (id) => db.read((s) => Option.map(Option.fromNullishOr(getRow(s, GET_DELIVERY, id)), deliveryOf)),
    deliveriesOf: (notificationId) => db.read((s) => allRows(s, DELIVERIES_OF, notificationId).map(deliveryOf)),
    attemptsOf: (notificationId) => db.read((s) => allRows(s, ATTEMPTS_OF, notificationId).map(attemptOf)),
    held: (countyId, before) => db.read((s) => allRows(s, HELD, countyId, before).map(deliveryOf)),
    markDigested: (ids) =>
      db.write((s) => {
        const update = s.prepare(DIGESTED)
        for (const id of ids) update.run(id)
      }),

    listWebhooks: (countyId) => db.read((s) => allRows(s, WEBHOOKS, countyId).map((r) => JSON.parse(r.doc) as WebhookSubscription)),
    getWebhook: (id) => db.read((s) => Option.map(Option.fromNullishOr(getRow(s, GET_WEBHOOK, id)), (r) => JSON.parse(r.doc) as WebhookSubscription)),
    saveWebhook: (w) => db.write((s) => void s.prepare(SAVE_WEBHOOK).run(w.id, w.countyId, JSON.stringify(w))),
    deleteWebhook: (id) => db.write((s) => s.prepare("DELETE FROM webhook_subscriptions WHERE id = ?").run(id).changes > 0)
  })
