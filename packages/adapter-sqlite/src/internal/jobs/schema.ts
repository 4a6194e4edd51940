/**
 * The tables of the scheduled rules (migration `0012_jobs`): the runner's lease, the runs
 * under their run keys, the reminders given, and each county's settings. An index serves the
 * scan of needs by due time.
 */
export const jobsSchema = `
-- Who runs the scheduled rules until when: one row per lease name.
CREATE TABLE job_leases (
  name       TEXT PRIMARY KEY NOT NULL,
  holder     TEXT NOT NULL,
  expires_at TEXT NOT NULL
) STRICT;

-- One row per run key (job, county, period): a second claim of the key fails on it.
CREATE TABLE job_runs (
  job          TEXT NOT NULL,
  county_id    TEXT NOT NULL,
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
  PRIMARY KEY (job, county_id, period_key)
) STRICT, WITHOUT ROWID;
-- The last scheduled period of a job in a county.
CREATE INDEX job_runs_last ON job_runs (job, county_id, trigger, period_end);
-- A county's runs, newest first.
CREATE INDEX job_runs_county ON job_runs (county_id, started_at);

-- Each reminder given, once: near or missed, subject, deadline kind and deadline.
CREATE TABLE job_reminders (
  key TEXT PRIMARY KEY NOT NULL,
  at  TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE jobs_configs (
  county_id TEXT PRIMARY KEY NOT NULL REFERENCES counties (id),
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

-- The scheduled scan of open needs by due time.
CREATE INDEX matching_needs_due ON matching_needs (due_at, county_id);
`
