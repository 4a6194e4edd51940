/** The reports tables (migration `0021_reports`): the ledger of work and the counties' reporting settings. */
import { configDdl } from "../kernel/documents.js"

export const reportsSchema = configDdl("reports_configs") + `
CREATE TABLE work_ledger (
  county_id          TEXT NOT NULL,
  kind               TEXT COLLATE "C" NOT NULL,
  id                 TEXT COLLATE "C" NOT NULL,
  node_id            TEXT NOT NULL,
  path               TEXT COLLATE "C" NOT NULL,
  category           TEXT NOT NULL,
  channel            TEXT NOT NULL,
  opened_at          TEXT COLLATE "C" NOT NULL,
  responded_at       TEXT,
  resolved_at        TEXT,
  due_at             TEXT,
  outcome            TEXT NOT NULL,
  ratings            INTEGER NOT NULL,
  satisfied          INTEGER NOT NULL,
  response_seconds   BIGINT,
  resolution_seconds BIGINT,
  routed_kind        TEXT,
  routed_id          TEXT,
  updated_at         TEXT NOT NULL,
  PRIMARY KEY (county_id, kind, id)
);
CREATE INDEX work_ledger_kind_id ON work_ledger (kind, id);
-- A county's period (the KPI report and the ledger of the whole county), in order.
CREATE INDEX work_ledger_county_opened ON work_ledger (county_id, opened_at, kind, id);
-- A subtree's period: the path range, then the period within it.
CREATE INDEX work_ledger_path_opened ON work_ledger (path, opened_at);
-- The request routed to a piece of work.
CREATE INDEX work_ledger_routed ON work_ledger (routed_kind, routed_id) WHERE routed_id IS NOT NULL;
`
