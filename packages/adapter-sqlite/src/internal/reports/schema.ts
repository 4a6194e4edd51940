/** The reports tables (migration `0021_reports`): the ledger of work and the counties' reporting settings. */
export const reportsSchema = `
CREATE TABLE reports_configs (
  county_id TEXT PRIMARY KEY NOT NULL,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

CREATE TABLE work_ledger (
  kind               TEXT NOT NULL,
  id                 TEXT NOT NULL,
  county_id          TEXT NOT NULL,
  node_id            TEXT NOT NULL,
  path               TEXT NOT NULL,
  category           TEXT NOT NULL,
  channel            TEXT NOT NULL,
  opened_at          TEXT NOT NULL,
  responded_at       TEXT,
  resolved_at        TEXT,
  due_at             TEXT,
  outcome            TEXT NOT NULL,
  ratings            INTEGER NOT NULL,
  satisfied          INTEGER NOT NULL,
  response_seconds   INTEGER,
  resolution_seconds INTEGER,
  routed_kind        TEXT,
  routed_id          TEXT,
  updated_at         TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) STRICT;
-- A county's period (the KPI report and the ledger of the whole county), covering the KPI
-- aggregates so that they read the index alone, in order.
CREATE INDEX work_ledger_county_opened ON work_ledger (county_id, opened_at, outcome, path, category, channel, kind, response_seconds, resolution_seconds, ratings, satisfied);
-- A subtree's period: the path range, then the period within it, covering the aggregates too.
CREATE INDEX work_ledger_path_opened ON work_ledger (path, opened_at, outcome, category, channel, kind, response_seconds, resolution_seconds, ratings, satisfied);
-- The request routed to a piece of work.
CREATE INDEX work_ledger_routed ON work_ledger (routed_kind, routed_id) WHERE routed_id IS NOT NULL;
`

/**
 * The monthly roll-up of the ledger (migration `0022_reports_rollup`): for the county, street
 * and community on a row's path, the row's month in the county's calendar (kept on the row as `opened_month`),
 * category, channel and kind, the KPI sums. A subtree's report over whole months reads its
 * root's groups (by primary key) and its children's (by `parent_id`), never the ledger.
 */
export const reportsRollupSchema = `
ALTER TABLE work_ledger ADD COLUMN opened_month TEXT NOT NULL DEFAULT '';

CREATE TABLE reports_rollup (
  node_id           TEXT NOT NULL,
  month             TEXT NOT NULL,
  category          TEXT NOT NULL,
  channel           TEXT NOT NULL,
  kind              TEXT NOT NULL,
  county_id         TEXT NOT NULL,
  parent_id         TEXT NOT NULL,
  work              INTEGER NOT NULL,
  responded         INTEGER NOT NULL,
  responded_in_time INTEGER NOT NULL,
  respond_seconds   INTEGER NOT NULL,
  resolved          INTEGER NOT NULL,
  resolve_seconds   INTEGER NOT NULL,
  ratings           INTEGER NOT NULL,
  satisfied         INTEGER NOT NULL,
  PRIMARY KEY (node_id, month, category, channel, kind)
) STRICT, WITHOUT ROWID;
-- The children of a subtree's root, month by month.
CREATE INDEX reports_rollup_parent ON reports_rollup (parent_id, month);
-- A county's groups, recounted when its response time changes.
CREATE INDEX reports_rollup_county ON reports_rollup (county_id);
`
