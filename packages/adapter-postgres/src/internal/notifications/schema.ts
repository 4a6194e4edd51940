/**
 * The notifications tables (migration `0013_notifications`): the county's configuration,
 * people's preferences, the inbox, the outbox of deliveries with their claims, the attempts,
 * and webhook subscriptions.
 */
import { configDdl } from "../kernel/documents.js"

export const notificationsSchema = configDdl("notification_configs") + `
CREATE TABLE notification_preferences (
  county_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  doc       TEXT NOT NULL,
  PRIMARY KEY (county_id, person_id)
);
CREATE INDEX notification_preferences_person ON notification_preferences (person_id);

CREATE TABLE notifications (
  county_id TEXT NOT NULL,
  id        TEXT NOT NULL,
  person_id TEXT NOT NULL,
  read_at   TEXT,
  doc       TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX notifications_id ON notifications (id);
CREATE INDEX notifications_inbox ON notifications (person_id, id);

CREATE TABLE notification_deliveries (
  county_id       TEXT NOT NULL,
  id              TEXT NOT NULL,
  notification_id TEXT NOT NULL,
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
  claimed_until   TEXT,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX notification_deliveries_id ON notification_deliveries (id);
CREATE INDEX notification_deliveries_due ON notification_deliveries (due_at, id) WHERE status = 'pending';
CREATE INDEX notification_deliveries_held ON notification_deliveries (county_id, created_at, id) WHERE status = 'held';
CREATE INDEX notification_deliveries_of ON notification_deliveries (notification_id);

CREATE TABLE notification_attempts (
  county_id       TEXT NOT NULL,
  delivery_id     TEXT NOT NULL,
  number          INTEGER NOT NULL,
  notification_id TEXT NOT NULL,
  channel         TEXT NOT NULL,
  at              TEXT NOT NULL,
  outcome         TEXT NOT NULL,
  http_status     INTEGER,
  error           TEXT,
  duration_ms     DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (county_id, delivery_id, number)
);
CREATE INDEX notification_attempts_of ON notification_attempts (notification_id);

CREATE TABLE webhook_subscriptions (
  county_id TEXT NOT NULL,
  id        TEXT NOT NULL,
  doc       TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX webhook_subscriptions_id ON webhook_subscriptions (id);
`
