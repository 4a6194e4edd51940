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
