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

/**
 * The roll-up's groups counted from the ledger, one `INSERT … SELECT … GROUP BY` over the
 * first `depth` nodes of each row's path; `responseSeconds` is the SQL of the response
 * time, `where` of the rows counted.
 */
export const rollupFillSql = (responseSeconds: string, where: string, depth: number): string => `
INSERT INTO reports_rollup (county_id, node_id, month, category, channel, kind, parent_id, work, responded, responded_in_time, respond_seconds, resolved, resolve_seconds, ratings, satisfied)
SELECT l.county_id, p.ids[d.d], l.opened_month, l.category, l.channel, l.kind, coalesce(p.ids[d.d - 1], ''),
       count(*), count(l.response_seconds), count(*) FILTER (WHERE l.response_seconds <= ${responseSeconds}), coalesce(sum(l.response_seconds), 0),
       count(l.resolution_seconds), coalesce(sum(l.resolution_seconds), 0), coalesce(sum(l.ratings), 0), coalesce(sum(l.satisfied), 0)
FROM work_ledger l
CROSS JOIN LATERAL (SELECT string_to_array(btrim(l.path, '/'), '/') AS ids) p
CROSS JOIN LATERAL generate_series(1, least(cardinality(p.ids), ${depth})) AS d(d)
WHERE l.outcome <> 'merged' AND ${where}
GROUP BY l.county_id, p.ids[d.d], l.opened_month, l.category, l.channel, l.kind, coalesce(p.ids[d.d - 1], '')
`

/**
 * The monthly roll-up of the ledger (migration `0022_reports_rollup`): for the county, street
 * and community on a row's path, the row's month in its county's calendar (kept on the row as `opened_month`,
 * computed here from the county's IANA zone, which PostgreSQL knows), category, channel and
 * kind, the KPI sums; filled from the rows already stored, each county at its response time.
 */
export const reportsRollupSchema = `
ALTER TABLE work_ledger ADD COLUMN opened_month TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE work_ledger l SET opened_month = to_char((l.opened_at::timestamptz) AT TIME ZONE coalesce((SELECT c.time_zone FROM counties c WHERE c.id = l.county_id), 'Asia/Shanghai'), 'YYYY-MM');

CREATE TABLE reports_rollup (
  county_id         TEXT NOT NULL,
  node_id           TEXT COLLATE "C" NOT NULL,
  month             TEXT COLLATE "C" NOT NULL,
  category          TEXT NOT NULL,
  channel           TEXT NOT NULL,
  kind              TEXT NOT NULL,
  parent_id         TEXT COLLATE "C" NOT NULL,
  work              BIGINT NOT NULL,
  responded         BIGINT NOT NULL,
  responded_in_time BIGINT NOT NULL,
  respond_seconds   BIGINT NOT NULL,
  resolved          BIGINT NOT NULL,
  resolve_seconds   BIGINT NOT NULL,
  ratings           BIGINT NOT NULL,
  satisfied         BIGINT NOT NULL,
  PRIMARY KEY (county_id, node_id, month, category, channel, kind)
);
-- The children of a subtree's root, month by month.
CREATE INDEX reports_rollup_parent ON reports_rollup (county_id, parent_id, month);
` + rollupFillSql(
  "coalesce((SELECT (rc.config::json->>'responseHours')::int FROM reports_configs rc WHERE rc.county_id = l.county_id), 24) * 3600",
  "TRUE",
  // The depth as it was when this migration was written: a migration never changes.
  3
) + ";\n"
