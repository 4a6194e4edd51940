/** The party tables (migration `0019_party`). */
import { configDdl } from "../kernel/documents.js"

export const partySchema = configDdl("party_configs") + `
CREATE TABLE party_registrations (
  county_id     TEXT NOT NULL,
  id            TEXT NOT NULL,
  person_id     TEXT NOT NULL,
  path          TEXT COLLATE "C" NOT NULL,
  employer_id   TEXT NOT NULL,
  status        TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  withdrawn_at  TEXT,
  version       INTEGER NOT NULL,
  doc           TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX party_registrations_id ON party_registrations (id);
CREATE INDEX party_registrations_path ON party_registrations (path, id);
-- One active registration per person and county.
CREATE UNIQUE INDEX party_registrations_active ON party_registrations (county_id, person_id) WHERE status = 'active';

CREATE TABLE party_services (
  county_id   TEXT NOT NULL,
  id          TEXT NOT NULL,
  path        TEXT COLLATE "C" NOT NULL,
  employer_id TEXT NOT NULL,
  served_at   TEXT NOT NULL,
  version     INTEGER NOT NULL,
  doc         TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX party_services_id ON party_services (id);
CREATE INDEX party_services_path ON party_services (path, served_at);
CREATE INDEX party_services_county ON party_services (county_id, served_at);
`
