/**
 * The matching tables (migrations `0005_matching` and `0009_matching_people`, the second a
 * data migration with nothing to do on a new database): needs, profiles and teams whole as
 * JSON in `doc`, with the columns the queries need beside them.
 */
import { configDdl } from "../kernel/documents.js"

export const matchingSchema = configDdl("matching_configs") + `
CREATE TABLE matching_needs (
  county_id TEXT NOT NULL,
  id        TEXT NOT NULL,
  path      TEXT COLLATE "C" NOT NULL,
  state     TEXT NOT NULL,
  status    TEXT NOT NULL,
  category  TEXT NOT NULL,
  due_at    TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX matching_needs_id ON matching_needs (id);
CREATE INDEX matching_needs_path ON matching_needs (county_id, path, state, id);

CREATE TABLE matching_volunteers (
  county_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  path      TEXT COLLATE "C" NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL,
  PRIMARY KEY (county_id, person_id)
);
CREATE INDEX matching_volunteers_person ON matching_volunteers (person_id);
CREATE INDEX matching_volunteers_path ON matching_volunteers (path, person_id);

CREATE TABLE matching_teams (
  county_id TEXT NOT NULL,
  id        TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX matching_teams_id ON matching_teams (id);
`
