/** The party tables (migration `0019_party`). */
export const partySchema = `
CREATE TABLE party_configs (
  county_id TEXT PRIMARY KEY NOT NULL,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

CREATE TABLE party_registrations (
  id            TEXT PRIMARY KEY NOT NULL,
  county_id     TEXT NOT NULL,
  person_id     TEXT NOT NULL,
  path          TEXT NOT NULL,
  employer_id   TEXT NOT NULL,
  status        TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  withdrawn_at  TEXT,
  version       INTEGER NOT NULL,
  doc           TEXT NOT NULL
) STRICT;
-- A subtree's registrations by path range and id; one active registration per person and county.
CREATE INDEX party_registrations_path ON party_registrations (path, id);
CREATE UNIQUE INDEX party_registrations_active ON party_registrations (county_id, person_id) WHERE status = 'active';

CREATE TABLE party_services (
  id          TEXT PRIMARY KEY NOT NULL,
  county_id   TEXT NOT NULL,
  path        TEXT NOT NULL,
  employer_id TEXT NOT NULL,
  served_at   TEXT NOT NULL,
  version     INTEGER NOT NULL,
  doc         TEXT NOT NULL
) STRICT;
-- A subtree's services of a period by path range.
CREATE INDEX party_services_path ON party_services (path, served_at);
`
