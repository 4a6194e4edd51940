/**
 * The notifications tables (migration `0012_notifications`): the county's configuration,
 * people's preferences, the inbox, the outbox of deliveries with their claims, the
 * attempts, and webhook subscriptions.
 */
export const notificationsSchema = `
CREATE TABLE notification_configs (
  county_id TEXT PRIMARY KEY NOT NULL,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

CREATE TABLE notification_preferences (
  person_id TEXT PRIMARY KEY NOT NULL,
  county_id TEXT NOT NULL,
  doc       TEXT NOT NULL
) STRICT;

CREATE TABLE notifications (
  id        TEXT PRIMARY KEY NOT NULL,
  county_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  read_at   TEXT,
  doc       TEXT NOT NULL
) STRICT;
-- A person's inbox, newest first (ids grow with the event's id).
CREATE INDEX notifications_inbox ON notifications (person_id, id);

CREATE TABLE notification_deliveries (
  id              TEXT PRIMARY KEY NOT NULL,
  notification_id TEXT NOT NULL,
  county_id       TEXT NOT NULL,
  person_id       TEXT NOT NULL,
  channel         TEXT NOT NULL,
  target          TEXT NOT NULL,
  urgency         TEXT NOT NULL,
  body            TEXT NOT NULL,
  status          TEXT NOT NULL,
  attempts        INTEGER NOT NULL,
  due_at          TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  claimed_by      TEXT,
  claimed_until   TEXT
) STRICT;
-- The dispatcher's scan: only what is still to send.
CREATE INDEX notification_deliveries_due ON notification_deliveries (due_at, id) WHERE status = 'pending';
-- The digest's scan: only what waits for it.
CREATE INDEX notification_deliveries_held ON notification_deliveries (county_id, created_at, id) WHERE status = 'held';
CREATE INDEX notification_deliveries_of ON notification_deliveries (notification_id);

CREATE TABLE notification_attempts (
  delivery_id     TEXT NOT NULL,
  number          INTEGER NOT NULL,
  notification_id TEXT NOT NULL,
  channel         TEXT NOT NULL,
  at              TEXT NOT NULL,
  outcome         TEXT NOT NULL,
  http_status     INTEGER,
  error           TEXT,
  duration_ms     REAL NOT NULL,
  PRIMARY KEY (delivery_id, number)
) STRICT, WITHOUT ROWID;
CREATE INDEX notification_attempts_of ON notification_attempts (notification_id);

CREATE TABLE webhook_subscriptions (
  id        TEXT PRIMARY KEY NOT NULL,
  county_id TEXT NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
CREATE INDEX webhook_subscriptions_county ON webhook_subscriptions (county_id, id);
`
