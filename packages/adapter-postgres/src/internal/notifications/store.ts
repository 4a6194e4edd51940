/**
 * The notifications port on PostgreSQL. Dispatchers in several processes claim due deliveries
 * with `FOR UPDATE SKIP LOCKED`: each takes rows no other claim holds, and a claim lasts until
 * its `claimed_until`.
 */
import { type Delivery, type DeliveryAttempt, type Notification, NotificationPreferences, NotificationStore, type WebhookSubscription } from "@mulin/core"
import { deliveryRow, notificationConfigs } from "@mulin/sql"
import { Effect, Option, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable } from "../kernel/documents.js"

const decodePreferences = Schema.decodeUnknownSync(NotificationPreferences)
const encodePreferences = Schema.encodeSync(NotificationPreferences)

const DELIVERY =
  `id, notification_id AS "notificationId", county_id AS "countyId", person_id AS "personId", channel, target, urgency, body, status, attempts, ` +
  `due_at AS "dueAt", created_at AS "createdAt", claimed_by AS "claimedBy", claimed_until AS "claimedUntil"`
const ATTEMPT =
  `delivery_id AS "deliveryId", notification_id AS "notificationId", channel, number, at, outcome, http_status AS "httpStatus", error, duration_ms AS "durationMs"`
const DELIVERY_COLUMNS = ["county_id", "id", "notification_id", "person_id", "channel", "target", "urgency", "body", "status", "attempts", "due_at", "created_at", "claimed_by", "claimed_until"]
const INSERT_DELIVERIES = `INSERT INTO notification_deliveries (${DELIVERY_COLUMNS.join(", ")}) SELECT ${DELIVERY_COLUMNS.join(", ")} FROM json_populate_recordset(NULL::notification_deliveries, $1::json) ON CONFLICT DO NOTHING`
const INSERT_NOTIFICATIONS = "INSERT INTO notifications (county_id, id, person_id, read_at, doc) SELECT county_id, id, person_id, read_at, doc FROM json_populate_recordset(NULL::notifications, $1::json) ON CONFLICT DO NOTHING"
const CLAIM =
  `UPDATE notification_deliveries SET claimed_by = $1, claimed_until = $2 WHERE (county_id, id) IN (` +
  `SELECT county_id, id FROM notification_deliveries WHERE status = 'pending' AND due_at <= $3 AND (claimed_until IS NULL OR claimed_until <= $3) ORDER BY due_at, id LIMIT $4 FOR UPDATE SKIP LOCKED` +
  `) RETURNING ${DELIVERY}`

// Written by this store from the core's values; the read time lives in its own column.
const notificationOf = (r: { readonly doc: string; readonly read_at: string | null }): Notification => ({ ...(JSON.parse(r.doc) as Notification), readAt: r.read_at })
const first = <A>(rows: ReadonlyArray<A>): Option.Option<A> => (rows.length === 0 ? Option.none() : Option.some(rows[0]!))

/** Makes the notifications store over an open database. */
export const makeNotificationStore = (db: PostgresDatabase["Service"]): NotificationStore["Service"] => {
  const configs = configTable(db, notificationConfigs)
  return NotificationStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    getPreferences: (personId) =>
      Effect.map(db.query<{ doc: string }>("SELECT doc FROM notification_preferences WHERE person_id = $1", [personId]), (rows) => Option.map(first(rows), (r) => decodePreferences(JSON.parse(r.doc)))),
    preferencesOf: (ids) =>
      ids.length === 0
        ? Effect.succeed([])
        : Effect.map(db.query<{ person_id: string; doc: string }>("SELECT person_id, doc FROM notification_preferences WHERE person_id = ANY($1::text[])", [[...ids]]), (rows) => {
          const byPerson = new Map(rows.map((r) => [r.person_id, r.doc]))
          return ids.flatMap((id) => {
            const doc = byPerson.get(id)
            return doc === undefined ? [] : [decodePreferences(JSON.parse(doc))]
          })
        }),
    savePreferences: (p) =>
      Effect.asVoid(db.write(db.change(
        "INSERT INTO notification_preferences (county_id, person_id, doc) VALUES ($1, $2, $3) ON CONFLICT (county_id, person_id) DO UPDATE SET doc = excluded.doc",
        [p.countyId, p.personId, JSON.stringify(encodePreferences(p))]
      ))),

    insert: (ns, ds) =>
      db.write(Effect.gen(function*() {
        if (ns.length > 0) {
          yield* db.change(INSERT_NOTIFICATIONS, [JSON.stringify(ns.map((n) => ({ county_id: n.countyId, id: n.id, person_id: n.personId, read_at: n.readAt, doc: JSON.stringify(n) })))])
        }
        if (ds.length > 0) yield* db.change(INSERT_DELIVERIES, [JSON.stringify(ds.map(deliveryRow))])
      })),
    getNotification: (id) => Effect.map(db.query<{ doc: string; read_at: string | null }>("SELECT doc, read_at FROM notifications WHERE id = $1", [id]), (rows) => Option.map(first(rows), notificationOf)),
    inbox: (personId, q) =>
      Effect.map(
        db.query<{ doc: string; read_at: string | null }>(
          `SELECT doc, read_at FROM notifications WHERE person_id = $1 AND id < $2${q.unread === true ? " AND read_at IS NULL" : ""} ORDER BY id DESC LIMIT $3`,
          [personId, q.after ?? "~", q.limit + 1]
        ),
        (rows) => {
          const items = rows.slice(0, q.limit).map(notificationOf)
          return { items, next: rows.length > q.limit ? items[items.length - 1]!.id : null }
        }
      ),
    markRead: (id, at) => db.write(Effect.map(db.change("UPDATE notifications SET read_at = coalesce(read_at, $1) WHERE id = $2", [at, id]), (n) => n > 0)),

    claimDue: ({ claimer, limit, now, until }) =>
      db.write(Effect.map(db.query<Delivery>(CLAIM, [claimer, until, now, Math.max(0, Math.floor(limit))]), (rows) =>
        rows.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.id < b.id ? -1 : 1)))),
    complete: (id, claimer, { attempt: a, dueAt, status }) =>
      db.write(Effect.gen(function*() {
        const [row] = yield* db.query<{ county_id: string }>(
          "UPDATE notification_deliveries SET status = $1, due_at = $2, attempts = $3, claimed_by = NULL, claimed_until = NULL WHERE id = $4 AND claimed_by = $5 AND status = 'pending' RETURNING county_id",
          [status, dueAt, a.number, id, claimer]
        )
        if (row === undefined) return false
        yield* db.change(
          "INSERT INTO notification_attempts (county_id, delivery_id, number, notification_id, channel, at, outcome, http_status, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) " +
            "ON CONFLICT (county_id, delivery_id, number) DO UPDATE SET notification_id = excluded.notification_id, channel = excluded.channel, at = excluded.at, outcome = excluded.outcome, " +
            "http_status = excluded.http_status, error = excluded.error, duration_ms = excluded.duration_ms",
          [row.county_id, a.deliveryId, a.number, a.notificationId, a.channel, a.at, a.outcome, a.httpStatus, a.error, a.durationMs]
        )
        return true
      })),
    getDelivery: (id) => Effect.map(db.query<Delivery>(`SELECT ${DELIVERY} FROM notification_deliveries WHERE id = $1`, [id]), first),
    deliveriesOf: (notificationId) => db.query<Delivery>(`SELECT ${DELIVERY} FROM notification_deliveries WHERE notification_id = $1 ORDER BY id`, [notificationId]),
    attemptsOf: (notificationId) => db.query<DeliveryAttempt>(`SELECT ${ATTEMPT} FROM notification_attempts WHERE notification_id = $1 ORDER BY at, delivery_id, number`, [notificationId]),
    held: (countyId, before) => db.query<Delivery>(`SELECT ${DELIVERY} FROM notification_deliveries WHERE status = 'held' AND county_id = $1 AND created_at < $2 ORDER BY created_at, id`, [countyId, before]),
    markDigested: (ids) => Effect.asVoid(db.write(db.change("UPDATE notification_deliveries SET status = 'digested' WHERE id = ANY($1::text[]) AND status = 'held'", [[...ids]]))),

    listWebhooks: (countyId) => Effect.map(db.query<{ doc: string }>("SELECT doc FROM webhook_subscriptions WHERE county_id = $1 ORDER BY id", [countyId]), (rows) => rows.map((r) => JSON.parse(r.doc) as WebhookSubscription)),
    getWebhook: (id) => Effect.map(db.query<{ doc: string }>("SELECT doc FROM webhook_subscriptions WHERE id = $1", [id]), (rows) => Option.map(first(rows), (r) => JSON.parse(r.doc) as WebhookSubscription)),
    saveWebhook: (w) =>
      Effect.asVoid(db.write(db.change("INSERT INTO webhook_subscriptions (county_id, id, doc) VALUES ($1, $2, $3) ON CONFLICT (county_id, id) DO UPDATE SET doc = excluded.doc", [w.countyId, w.id, JSON.stringify(w)]))),
    deleteWebhook: (id) => db.write(Effect.map(db.change("DELETE FROM webhook_subscriptions WHERE id = $1", [id]), (n) => n > 0))
  })
}
