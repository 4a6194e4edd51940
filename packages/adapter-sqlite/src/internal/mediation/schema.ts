/** The mediation tables (migration `0003_mediation`). */
export const mediationSchema = `
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
