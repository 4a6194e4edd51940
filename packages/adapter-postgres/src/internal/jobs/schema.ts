/**
 * The tables of the scheduled rules (migration `0014_jobs`): the runner's lease (one row per
 * lease name, shared by every county: a reference table when sharded), the runs under their
 * run keys (county first), the reminders given, and each county's settings.
 */
import { configDdl } from "../kernel/documents.js"

export const jobsSchema = configDdl("jobs_configs") + `
CREATE TABLE job_leases (
  name       TEXT PRIMARY KEY,
  holder     TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE TABLE job_runs (
  county_id    TEXT NOT NULL,
  job          TEXT NOT NULL,
  period_key   TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  trigger      TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  status       TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed')),
  attempts     INTEGER NOT NULL,
  processed    INTEGER NOT NULL,
  changed      INTEGER NOT NULL,
  note         TEXT,
  message      TEXT,
  started_at   TEXT NOT NULL,
  finished_at  TEXT,
  PRIMARY KEY (county_id, job, period_key)
);
CREATE INDEX job_runs_last ON job_runs (county_id, job, trigger, period_end);
CREATE INDEX job_runs_county ON job_runs (county_id, started_at);

CREATE TABLE job_reminders (
  key TEXT PRIMARY KEY,
  at  TEXT NOT NULL
);

CREATE INDEX matching_needs_due ON matching_needs (due_at, county_id);
`
