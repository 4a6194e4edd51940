/**
 * The schema, as migrations applied in order when a database is opened. Each runs once, in
 * its own `BEGIN IMMEDIATE` transaction together with its row in `migrations`, so two
 * processes opening the same file cannot both apply it and a failed one leaves nothing.
 * Migrations are append-only: never edit one that has shipped, add the next.
 */
import type BetterSqlite3 from "better-sqlite3"
import { migrateDeliberationPeople } from "../deliberation/store.js"
import { matchingPeopleMigration, matchingSchema } from "../matching/schema.js"
import { migrateMediationPeople } from "../mediation/migration.js"
import { pointsCodesMigration, pointsSchema } from "../points/schema.js"

/** One step of the schema. */
export interface Migration {
  readonly name: string
  readonly up: (db: BetterSqlite3.Database) => void
}

const grid = `
CREATE TABLE counties (
  id         TEXT PRIMARY KEY NOT NULL,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  levels     TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE nodes (
  id                 TEXT PRIMARY KEY NOT NULL,
  county_id          TEXT NOT NULL REFERENCES counties (id),
  parent_id          TEXT REFERENCES nodes (id),
  path               TEXT NOT NULL,
  depth              INTEGER NOT NULL,
  level              TEXT NOT NULL,
  code               TEXT NOT NULL,
  name               TEXT NOT NULL,
  party_organisation TEXT,
  status             TEXT NOT NULL CHECK (status IN ('active', 'archived')),
  version            INTEGER NOT NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL
) STRICT;
-- Every node, for moves (which rewrite archived descendants too).
CREATE UNIQUE INDEX nodes_path ON nodes (path);
-- Live nodes only, covering: subtree reads (outline, counts, joins) never touch the table.
CREATE INDEX nodes_live_path ON nodes (path, id, parent_id, depth, level, name, party_organisation) WHERE status = 'active';
-- A code is unique among live siblings; roots are unique through counties.code.
CREATE UNIQUE INDEX nodes_live_code ON nodes (parent_id, code) WHERE status = 'active';
CREATE INDEX nodes_children ON nodes (parent_id, id);

CREATE TABLE households (
  id             TEXT PRIMARY KEY NOT NULL,
  county_id      TEXT NOT NULL REFERENCES counties (id),
  node_id        TEXT NOT NULL REFERENCES nodes (id),
  code           TEXT NOT NULL,
  residents      TEXT NOT NULL,
  resident_count INTEGER NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('active', 'archived')),
  version        INTEGER NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX households_live_code ON households (node_id, code) WHERE status = 'active';
-- Covering for subtree listings (ordered by id) and totals.
CREATE INDEX households_live_node ON households (node_id, id, resident_count) WHERE status = 'active';
-- A whole county's listing, page by page, without sorting the county for every page.
CREATE INDEX households_live_county ON households (county_id, id) WHERE status = 'active';

CREATE TABLE people (
  id         TEXT PRIMARY KEY NOT NULL,
  county_id  TEXT NOT NULL REFERENCES counties (id),
  node_id    TEXT NOT NULL REFERENCES nodes (id),
  code       TEXT NOT NULL,
  name       TEXT NOT NULL,
  phone      TEXT,
  version    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX people_code ON people (county_id, code);
CREATE INDEX people_node ON people (node_id, id);

CREATE TABLE assignments (
  id         TEXT PRIMARY KEY NOT NULL,
  county_id  TEXT NOT NULL REFERENCES counties (id),
  person_id  TEXT NOT NULL REFERENCES people (id),
  node_id    TEXT NOT NULL REFERENCES nodes (id),
  role       TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date   TEXT,
  version    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX assignments_once ON assignments (person_id, node_id, role, start_date);
CREATE INDEX assignments_node ON assignments (node_id, role, start_date, end_date);

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

const mediation = `
CREATE TABLE mediation_configs (
  county_id TEXT PRIMARY KEY NOT NULL REFERENCES counties (id),
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

-- A case: the whole case as JSON in doc, and beside it the columns the queries filter,
-- group and sort on. path is the node's materialised path when the case was reported.
CREATE TABLE mediation_cases (
  id            TEXT PRIMARY KEY NOT NULL,
  county_id     TEXT NOT NULL REFERENCES counties (id),
  node_id       TEXT NOT NULL,
  path          TEXT NOT NULL,
  category      TEXT NOT NULL,
  state         TEXT NOT NULL,
  status        TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  level         TEXT NOT NULL CHECK (level IN ('community', 'street', 'department')),
  department    TEXT,
  disclosed     INTEGER NOT NULL,
  due_kind      TEXT,
  due_at        TEXT,
  reported_at   TEXT NOT NULL,
  reached       INTEGER NOT NULL,
  missed        INTEGER NOT NULL,
  responded     INTEGER NOT NULL,
  ratings       INTEGER NOT NULL,
  satisfied     INTEGER NOT NULL,
  resolve_hours REAL,
  version       INTEGER NOT NULL,
  doc           TEXT NOT NULL
) STRICT;
-- The overdue scan: only cases with a running deadline, in due order, covering.
CREATE INDEX mediation_cases_due ON mediation_cases (due_at, id, path, version, county_id, node_id, category, state, level, due_kind) WHERE due_at IS NOT NULL;
-- Statistics of a subtree and period, covering: read from the index alone.
CREATE INDEX mediation_cases_stats ON mediation_cases (path, reported_at, category, state, level, reached, missed, responded, ratings, satisfied, resolve_hours);
-- A whole county's listing, page by page, without sorting the county for every page.
CREATE INDEX mediation_cases_county ON mediation_cases (county_id, id);

-- Each deadline a case was escalated for, once: the supervision run's idempotency key.
CREATE TABLE mediation_escalations (
  case_id      TEXT NOT NULL REFERENCES mediation_cases (id),
  deadline_key TEXT NOT NULL,
  PRIMARY KEY (case_id, deadline_key)
) STRICT, WITHOUT ROWID;
`

const deliberation = `
CREATE TABLE deliberation_configs (
  county_id TEXT PRIMARY KEY NOT NULL,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

CREATE TABLE deliberation_sessions (
  id        TEXT PRIMARY KEY NOT NULL,
  county_id TEXT NOT NULL,
  path      TEXT NOT NULL,
  held_at   TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
CREATE INDEX deliberation_sessions_path ON deliberation_sessions (path, held_at);

CREATE TABLE deliberation_items (
  id           TEXT PRIMARY KEY NOT NULL,
  county_id    TEXT NOT NULL,
  path         TEXT NOT NULL,
  parent_id    TEXT,
  category     TEXT NOT NULL,
  unit         TEXT NOT NULL,
  state        TEXT NOT NULL,
  status       TEXT NOT NULL,
  raised_at    TEXT NOT NULL,
  promised_key TEXT NOT NULL,
  due_at       TEXT,
  progress     REAL NOT NULL,
  rating_key   REAL NOT NULL,
  taken_up     INTEGER NOT NULL,
  on_time      INTEGER NOT NULL,
  ratings      INTEGER NOT NULL,
  rating_sum   INTEGER NOT NULL,
  rating_high  INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  doc          TEXT NOT NULL
) STRICT;
-- The whole county's board, newest first: its first page is read from the index in order.
CREATE INDEX deliberation_items_county ON deliberation_items (county_id, raised_at DESC, id DESC);
-- A subtree's board, and statistics of a subtree and period, covering.
CREATE INDEX deliberation_items_stats ON deliberation_items (path, raised_at, category, unit, state, taken_up, on_time, due_at, ratings, rating_sum, rating_high);
-- A parent's children, for the progress roll-up.
CREATE INDEX deliberation_items_parent ON deliberation_items (parent_id, id) WHERE parent_id IS NOT NULL;

-- One rating per resident, item and round (现场评).
CREATE TABLE deliberation_ratings (
  item_id     TEXT NOT NULL REFERENCES deliberation_items (id),
  round       INTEGER NOT NULL,
  resident_id TEXT NOT NULL,
  score       INTEGER NOT NULL,
  comment     TEXT,
  at          TEXT NOT NULL,
  PRIMARY KEY (item_id, round, resident_id)
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

/**
 * One identity: a county's time zone, the household a person lives in, and the sign-in
 * subjects linked to people.
 */
const identity = `
ALTER TABLE counties ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai';
ALTER TABLE people ADD COLUMN household_id TEXT REFERENCES households (id);
CREATE INDEX people_household ON people (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX assignments_person ON assignments (person_id);
CREATE TABLE sign_in_subjects (
  issuer     TEXT NOT NULL,
  subject    TEXT NOT NULL,
  person_id  TEXT NOT NULL REFERENCES people (id),
  county_id  TEXT NOT NULL REFERENCES counties (id),
  linked_at  TEXT NOT NULL,
  PRIMARY KEY (issuer, subject)
) STRICT, WITHOUT ROWID;
CREATE INDEX sign_in_subjects_person ON sign_in_subjects (person_id);
`

/** Every migration, oldest first. */
export const migrations: ReadonlyArray<Migration> = [
  { name: "0001_grid_and_events", up: (db) => db.exec(grid) },
  { name: "0002_points", up: (db) => db.exec(pointsSchema) },
  { name: "0003_mediation", up: (db) => db.exec(mediation) },
  { name: "0004_deliberation", up: (db) => db.exec(deliberation) },
  { name: "0005_matching", up: (db) => db.exec(matchingSchema) },
  { name: "0006_events_rowid", up: (db) => db.exec(eventsRowid) },
  { name: "0007_identity", up: (db) => db.exec(identity) },
  { name: "0008_points_codes", up: (db) => db.exec(pointsCodesMigration) },
  { name: "0009_matching_people", up: (db) => db.exec(matchingPeopleMigration) },
  // Mediation references people of the county; cases disclosed before get their masked publication.
  { name: "0010_mediation_people", up: migrateMediationPeople },
  { name: "0011_deliberation_people", up: migrateDeliberationPeople }
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
