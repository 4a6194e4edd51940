/**
 * The matching tables (migration `0005_matching`). Needs, profiles and teams are stored
 * whole as JSON in `doc`, with the columns the queries need beside them: the materialised
 * path for subtree ranges, the state, status and category for the listings.
 */
export const matchingSchema = `
CREATE TABLE matching_configs (
  county_id TEXT PRIMARY KEY NOT NULL,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

CREATE TABLE matching_needs (
  id        TEXT PRIMARY KEY NOT NULL,
  county_id TEXT NOT NULL,
  path      TEXT NOT NULL,
  state     TEXT NOT NULL,
  status    TEXT NOT NULL,
  category  TEXT NOT NULL,
  due_at    TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
-- A subtree's needs in a few states (the claim board, the dispatch, the wish board).
CREATE INDEX matching_needs_path ON matching_needs (path, state, id);

CREATE TABLE matching_volunteers (
  person_id TEXT PRIMARY KEY NOT NULL,
  county_id TEXT NOT NULL,
  path      TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
-- A subtree's profiles, page by page (building the candidate index).
CREATE INDEX matching_volunteers_path ON matching_volunteers (path, person_id);

CREATE TABLE matching_teams (
  id        TEXT PRIMARY KEY NOT NULL,
  county_id TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
CREATE INDEX matching_teams_county ON matching_teams (county_id, id);
`
