/**
 * The mediation tables (migration `0003_mediation`; `0010_mediation_people` rewrites SQLite
 * rows of an earlier shape, and a new database has none): each case whole as JSON in `doc`
 * with the columns the queries filter, group and sort on; each deadline a case was escalated
 * for, once.
 */
import { configDdl } from "../kernel/documents.js"

export const mediationSchema = configDdl("mediation_configs") + `
CREATE TABLE mediation_cases (
  county_id     TEXT NOT NULL REFERENCES counties (id),
  id            TEXT NOT NULL,
  node_id       TEXT NOT NULL,
  path          TEXT COLLATE "C" NOT NULL,
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
  resolve_hours DOUBLE PRECISION,
  version       INTEGER NOT NULL,
  doc           TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX mediation_cases_id ON mediation_cases (id);
CREATE INDEX mediation_cases_due ON mediation_cases (due_at, id) WHERE due_at IS NOT NULL;
CREATE INDEX mediation_cases_stats ON mediation_cases (path, reported_at);

CREATE TABLE mediation_escalations (
  county_id    TEXT NOT NULL,
  case_id      TEXT NOT NULL,
  deadline_key TEXT NOT NULL,
  PRIMARY KEY (county_id, case_id, deadline_key),
  FOREIGN KEY (county_id, case_id) REFERENCES mediation_cases (county_id, id)
);
`
