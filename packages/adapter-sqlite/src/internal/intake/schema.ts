/** The intake tables (migration `0020_intake`). */
export const intakeSchema = `
CREATE TABLE intake_configs (
  county_id TEXT PRIMARY KEY NOT NULL,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

CREATE TABLE intake_requests (
  id          TEXT PRIMARY KEY NOT NULL,
  county_id   TEXT NOT NULL,
  path        TEXT NOT NULL,
  reference   TEXT NOT NULL,
  status      TEXT NOT NULL,
  channel     TEXT NOT NULL,
  category    TEXT NOT NULL,
  target_id   TEXT,
  received_at TEXT NOT NULL,
  version     INTEGER NOT NULL,
  doc         TEXT NOT NULL
) STRICT;
-- A reference is unique in its county; a subtree's requests by path range and id, a county's by id.
CREATE UNIQUE INDEX intake_requests_reference ON intake_requests (county_id, reference);
CREATE INDEX intake_requests_path ON intake_requests (path, id);
CREATE INDEX intake_requests_county ON intake_requests (county_id, id);
-- The request routed to a need, case or item, for the reaction to its target's events.
CREATE INDEX intake_requests_target ON intake_requests (target_id) WHERE target_id IS NOT NULL;

-- The day's serial number of each county's references: one row per county and local day.
CREATE TABLE intake_serials (
  county_id TEXT NOT NULL,
  day       TEXT NOT NULL,
  serial    INTEGER NOT NULL,
  PRIMARY KEY (county_id, day)
) STRICT, WITHOUT ROWID;

-- The wrong follow codes counted against a request.
CREATE TABLE intake_follow_guards (
  request_id   TEXT PRIMARY KEY NOT NULL,
  failures     INTEGER NOT NULL,
  window_start TEXT NOT NULL,
  locked_until TEXT
) STRICT;
`
