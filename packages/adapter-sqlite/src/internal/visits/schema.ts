/** The visits tables (migration `0017_visits`). */
export const visitsSchema = `
CREATE TABLE visits_configs (
  county_id TEXT PRIMARY KEY NOT NULL,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

CREATE TABLE care_households (
  household_id TEXT PRIMARY KEY NOT NULL,
  county_id    TEXT NOT NULL,
  path         TEXT NOT NULL,
  categories   INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  doc          TEXT NOT NULL
) STRICT;
-- A subtree's marked households by path range.
CREATE INDEX care_households_path ON care_households (path) WHERE categories > 0;

CREATE TABLE household_visits (
  id           TEXT PRIMARY KEY NOT NULL,
  county_id    TEXT NOT NULL,
  path         TEXT NOT NULL,
  household_id TEXT NOT NULL,
  visited_at   TEXT NOT NULL,
  version      INTEGER NOT NULL,
  doc          TEXT NOT NULL
) STRICT;
-- A subtree's visits by path range and id; a household's visits and its latest one.
CREATE INDEX household_visits_path ON household_visits (path, id);
CREATE INDEX household_visits_household ON household_visits (household_id, visited_at);
`
