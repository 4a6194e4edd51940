/**
 * The grid's tables on PostgreSQL: counties (a reference table: one row per county, small),
 * nodes (materialised paths), households, people, role assignments (migration
 * `0001_grid_and_events`), and the one identity (`0007_identity`).
 *
 * Every county-owned table has `county_id` first in its primary key and in every unique
 * constraint, and its foreign keys to other county-owned tables include it: the schema can
 * be distributed by `county_id` (Citus) with each county's rows on one shard. A plain index
 * on `id` alone serves the port's reads by id, which do not name the county.
 */
export const gridSchema = `
CREATE TABLE counties (
  id         TEXT PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  levels     TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE nodes (
  county_id          TEXT NOT NULL REFERENCES counties (id),
  id                 TEXT NOT NULL,
  parent_id          TEXT,
  path               TEXT COLLATE "C" NOT NULL,
  depth              INTEGER NOT NULL,
  level              TEXT NOT NULL,
  code               TEXT NOT NULL,
  name               TEXT NOT NULL,
  party_organisation TEXT,
  status             TEXT NOT NULL CHECK (status IN ('active', 'archived')),
  version            INTEGER NOT NULL,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  PRIMARY KEY (county_id, id),
  FOREIGN KEY (county_id, parent_id) REFERENCES nodes (county_id, id)
);
CREATE INDEX nodes_id ON nodes (id);
CREATE UNIQUE INDEX nodes_path ON nodes (county_id, path);
CREATE INDEX nodes_live_path ON nodes (path) INCLUDE (id, parent_id, depth, level, name, party_organisation) WHERE status = 'active';
CREATE UNIQUE INDEX nodes_live_code ON nodes (county_id, parent_id, code) WHERE status = 'active';
CREATE INDEX nodes_children ON nodes (parent_id, id);

CREATE TABLE households (
  county_id      TEXT NOT NULL REFERENCES counties (id),
  id             TEXT NOT NULL,
  node_id        TEXT NOT NULL,
  code           TEXT NOT NULL,
  residents      TEXT NOT NULL,
  resident_count INTEGER NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('active', 'archived')),
  version        INTEGER NOT NULL,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  PRIMARY KEY (county_id, id),
  FOREIGN KEY (county_id, node_id) REFERENCES nodes (county_id, id)
);
CREATE INDEX households_id ON households (id);
CREATE UNIQUE INDEX households_live_code ON households (county_id, node_id, code) WHERE status = 'active';
CREATE INDEX households_live_node ON households (node_id, id) INCLUDE (resident_count) WHERE status = 'active';
CREATE INDEX households_live_county ON households (county_id, id) WHERE status = 'active';

CREATE TABLE people (
  county_id  TEXT NOT NULL REFERENCES counties (id),
  id         TEXT NOT NULL,
  node_id    TEXT NOT NULL,
  code       TEXT NOT NULL,
  name       TEXT NOT NULL,
  phone      TEXT,
  version    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (county_id, id),
  FOREIGN KEY (county_id, node_id) REFERENCES nodes (county_id, id)
);
CREATE INDEX people_id ON people (id);
CREATE UNIQUE INDEX people_code ON people (county_id, code);
CREATE INDEX people_node ON people (node_id, id);

CREATE TABLE assignments (
  county_id  TEXT NOT NULL REFERENCES counties (id),
  id         TEXT NOT NULL,
  person_id  TEXT NOT NULL,
  node_id    TEXT NOT NULL,
  role       TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date   TEXT,
  version    INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (county_id, id),
  FOREIGN KEY (county_id, person_id) REFERENCES people (county_id, id),
  FOREIGN KEY (county_id, node_id) REFERENCES nodes (county_id, id)
);
CREATE INDEX assignments_id ON assignments (id);
CREATE UNIQUE INDEX assignments_once ON assignments (county_id, person_id, node_id, role, start_date);
CREATE INDEX assignments_node ON assignments (node_id, role, start_date, end_date);
`

/**
 * One identity: a county's time zone, the household a person lives in, and the sign-in
 * subjects linked to people. A subject is unique across the store (\`sign_in_subjects_subject\`),
 * which a sharded deployment drops: see \`sql/citus.sql\`.
 */
export const identityMigration = `
ALTER TABLE counties ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'Asia/Shanghai';
ALTER TABLE people ADD COLUMN household_id TEXT;
ALTER TABLE people ADD FOREIGN KEY (county_id, household_id) REFERENCES households (county_id, id);
CREATE INDEX people_household ON people (household_id) WHERE household_id IS NOT NULL;
CREATE INDEX assignments_person ON assignments (person_id);
CREATE TABLE sign_in_subjects (
  county_id  TEXT NOT NULL REFERENCES counties (id),
  issuer     TEXT NOT NULL,
  subject    TEXT NOT NULL,
  person_id  TEXT NOT NULL,
  linked_at  TEXT NOT NULL,
  PRIMARY KEY (county_id, issuer, subject),
  FOREIGN KEY (county_id, person_id) REFERENCES people (county_id, id)
);
CREATE UNIQUE INDEX sign_in_subjects_subject ON sign_in_subjects (issuer, subject);
CREATE INDEX sign_in_subjects_person ON sign_in_subjects (person_id);
`
