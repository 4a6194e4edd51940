/** The intake tables (migration `0020_intake`). */
import { configDdl } from "../kernel/documents.js"

export const intakeSchema = configDdl("intake_configs") + `
CREATE TABLE intake_requests (
  county_id   TEXT NOT NULL,
  id          TEXT NOT NULL,
  path        TEXT COLLATE "C" NOT NULL,
  reference   TEXT NOT NULL,
  status      TEXT NOT NULL,
  channel     TEXT NOT NULL,
  category    TEXT NOT NULL,
  target_id   TEXT,
  received_at TEXT NOT NULL,
  version     INTEGER NOT NULL,
  doc         TEXT NOT NULL,
  PRIMARY KEY (county_id, id),
  -- A reference is unique in its county.
  UNIQUE (county_id, reference)
);
CREATE INDEX intake_requests_id ON intake_requests (id);
CREATE INDEX intake_requests_path ON intake_requests (path, id);
-- The request routed to a need, case or item, for the reaction to its target's events.
CREATE INDEX intake_requests_target ON intake_requests (target_id, id) WHERE target_id IS NOT NULL;

-- The day's serial number of each county's references: one row per county and local day,
-- taken with one upsert (concurrent intakes wait on the row, or run again when serialisable).
CREATE TABLE intake_serials (
  county_id TEXT NOT NULL,
  day       TEXT NOT NULL,
  serial    INTEGER NOT NULL,
  PRIMARY KEY (county_id, day)
);

-- The wrong follow codes counted against a request.
CREATE TABLE intake_follow_guards (
  county_id    TEXT NOT NULL,
  request_id   TEXT NOT NULL,
  failures     INTEGER NOT NULL,
  window_start TEXT NOT NULL,
  locked_until TEXT,
  PRIMARY KEY (county_id, request_id),
  FOREIGN KEY (county_id, request_id) REFERENCES intake_requests (county_id, id)
);
CREATE INDEX intake_follow_guards_request ON intake_follow_guards (request_id);
`
