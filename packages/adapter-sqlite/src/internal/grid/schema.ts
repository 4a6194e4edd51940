/**
 * The grid's tables: counties, nodes (materialised paths), households, people, role
 * assignments (migration `0001_grid_and_events`, before the event log's tables), and the
 * one identity (`0007_identity`).
 */
export const gridSchema = `
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

`

/**
 * One identity: a county's time zone, the household a person lives in, and the sign-in
 * subjects linked to people.
 */
export const identityMigration = `
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
