/**
 * The schema, as migrations applied in order when a database is opened. Each runs once, in
 * its own `BEGIN IMMEDIATE` transaction together with its row in `migrations`, so two
 * processes opening the same file cannot both apply it and a failed one leaves nothing.
 * Migrations are append-only: never edit one that has shipped, add the next.
 */
import type BetterSqlite3 from "better-sqlite3"
import { migrateDeliberationPeople } from "../deliberation/migration.js"
import { deliberationSchema } from "../deliberation/schema.js"
import { followUpSchema } from "../followup/schema.js"
import { placesSchema } from "../places/schema.js"
import { partnersSchema } from "../partners/schema.js"
import { partySchema } from "../party/schema.js"
import { visitsSchema } from "../visits/schema.js"
import { intakeSchema } from "../intake/schema.js"
import { migrateReportsRollup } from "../reports/rollup.js"
import { reportsRollupSchema, reportsSchema } from "../reports/schema.js"
import { migrateActivityCodes } from "../activities/migration.js"
import { activitiesSchema } from "../activities/schema.js"
import { gridSchema, identityMigration } from "../grid/schema.js"
import { jobsSchema } from "../jobs/schema.js"
import { matchingPeopleMigration, matchingSchema } from "../matching/schema.js"
import { migrateMediationPeople } from "../mediation/migration.js"
import { mediationSchema } from "../mediation/schema.js"
import { notificationsSchema } from "../notifications/schema.js"
import { pointsCodesMigration, pointsSchema } from "../points/schema.js"

/** One step of the schema. */
export interface Migration {
  readonly name: string
  readonly up: (db: BetterSqlite3.Database) => void
}

/** The event log (migration `0001_grid_and_events`, after the grid's tables). */
const events = `
CREATE TABLE events (
  position       INTEGER PRIMARY KEY AUTOINCREMENT,
  id             TEXT NOT NULL UNIQUE,
  type           TEXT NOT NULL,
  aggregate_type TEXT NOT NULL,
  aggregate_id   TEXT NOT NULL,
  version        INTEGER NOT NULL,
  actor          TEXT NOT NULL,
  at             TEXT NOT NULL,
  scope          TEXT NOT NULL,
  scope_key      TEXT NOT NULL,
  payload        TEXT NOT NULL
) STRICT;
-- The scope as short keys ('/1/7/42/'): an index on the full ids costs twice as much per append.
CREATE INDEX events_scope ON events (scope_key);

-- A short key for every node id that appears in an event scope.
CREATE TABLE scope_keys (
  key     INTEGER PRIMARY KEY,
  node_id TEXT NOT NULL UNIQUE
) STRICT;

-- (node, key path ending at the node) for every prefix an event scope has had.
CREATE TABLE event_scopes (
  node_id TEXT NOT NULL,
  prefix  TEXT NOT NULL,
  PRIMARY KEY (node_id, prefix)
) STRICT, WITHOUT ROWID;
`

/**
 * `events.position` as a plain rowid. Events are never deleted, so the rowid alone grows
 * strictly (SQLite takes the largest plus one); AUTOINCREMENT only added a write of
 * `sqlite_sequence`, one more page in every commit that appends an event. The table is
 * rebuilt with its rows and positions as they are.
 */
const eventsRowid = `
CREATE TABLE events_next (
  position       INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  type           TEXT NOT NULL,
  aggregate_type TEXT NOT NULL,
  aggregate_id   TEXT NOT NULL,
  version        INTEGER NOT NULL,
  actor          TEXT NOT NULL,
  at             TEXT NOT NULL,
  scope          TEXT NOT NULL,
  scope_key      TEXT NOT NULL,
  payload        TEXT NOT NULL
) STRICT;
INSERT INTO events_next (position, id, type, aggregate_type, aggregate_id, version, actor, at, scope, scope_key, payload)
  SELECT position, id, type, aggregate_type, aggregate_id, version, actor, at, scope, scope_key, payload FROM events ORDER BY position;
DROP TABLE events;
ALTER TABLE events_next RENAME TO events;
CREATE INDEX events_scope ON events (scope_key);
`

/** Every migration, oldest first. */
export const migrations: ReadonlyArray<Migration> = [
  { name: "0001_grid_and_events", up: (db) => db.exec(gridSchema + events) },
  { name: "0002_points", up: (db) => db.exec(pointsSchema) },
  { name: "0003_mediation", up: (db) => db.exec(mediationSchema) },
  { name: "0004_deliberation", up: (db) => db.exec(deliberationSchema) },
  { name: "0005_matching", up: (db) => db.exec(matchingSchema) },
  { name: "0006_events_rowid", up: (db) => db.exec(eventsRowid) },
  { name: "0007_identity", up: (db) => db.exec(identityMigration) },
  { name: "0008_points_codes", up: (db) => db.exec(pointsCodesMigration) },
  { name: "0009_matching_people", up: (db) => db.exec(matchingPeopleMigration) },
  // Mediation references people of the county; cases disclosed before get their masked publication.
  { name: "0010_mediation_people", up: migrateMediationPeople },
  { name: "0011_deliberation_people", up: migrateDeliberationPeople },
  // Follow-ups (回访): ratings asked, lapsed, questionnaires.
  { name: "0012_followup", up: (db) => db.exec(followUpSchema) },
  // Notifications: the outbox, deliveries and their attempts, preferences, webhook subscriptions.
  { name: "0013_notifications", up: (db) => db.exec(notificationsSchema) },
  // Scheduled rules: the runner's lease, run keys, reminder keys and each county's settings.
  { name: "0014_jobs", up: (db) => db.exec(jobsSchema) },
  // Service places (阵地) and the counties' kinds of places.
  { name: "0015_places", up: (db) => db.exec(placesSchema) },
  // Activities, registration and check-in, volunteer and lecture teams.
  { name: "0016_activities", up: (db) => db.exec(activitiesSchema) },
  // Special-care households, household visits and the counties' categories and reasons.
  { name: "0017_visits", up: (db) => db.exec(visitsSchema) },
  // Partner organisations (睦邻合伙人), their merchant accounts and the services they provided.
  { name: "0018_partners", up: (db) => db.exec(partnersSchema) },
  // Party members' registrations with communities (在职党员报到), their services and the counties' kinds of service.
  { name: "0019_party", up: (db) => db.exec(partySchema) },
  // One-window intake: requests, the day's reference serials, wrong follow codes, the counties' categories.
  { name: "0020_intake", up: (db) => db.exec(intakeSchema) },
  // The ledger of work (工作台账) and the counties' reporting settings.
  { name: "0021_reports", up: (db) => db.exec(reportsSchema) },
  // The ledger's monthly roll-up, filled from the rows already stored (each in its county's month).
  {
    name: "0022_reports_rollup",
    up: (db) => {
      db.exec(reportsRollupSchema)
      migrateReportsRollup(db)
    }
  },
  // Activities' check-in codes kept only as salted hashes, with each person's wrong codes.
  { name: "0023_activity_codes", up: migrateActivityCodes }
]

/**
 * Applies the migrations not applied yet and returns their names. Fails when the database
 * holds a migration this code does not know (it was written by a newer version).
 */
export const migrate = (db: BetterSqlite3.Database, at: string, list: ReadonlyArray<Migration> = migrations): Array<string> => {
  db.exec("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL) STRICT")
  const known = new Set(list.map((m) => m.name))
  const unknown = (db.prepare("SELECT name FROM migrations").all() as Array<{ name: string }>)
    .map((r) => r.name)
    .filter((name) => !known.has(name))
  if (unknown.length > 0) {
    throw new Error(`the database was written by a newer version (unknown migrations: ${unknown.join(", ")})`)
  }
  const applied: Array<string> = []
  for (const migration of list) {
    db.exec("BEGIN IMMEDIATE")
    try {
      // Checked inside the transaction: another process may have applied it meanwhile.
      if (db.prepare("SELECT 1 FROM migrations WHERE name = ?").get(migration.name) === undefined) {
        migration.up(db)
        db.prepare("INSERT INTO migrations (name, applied_at) VALUES (?, ?)").run(migration.name, at)
        applied.push(migration.name)
      }
      db.exec("COMMIT")
    } catch (error) {
      if (db.inTransaction) db.exec("ROLLBACK")
      throw error
    }
  }
  return applied
}
