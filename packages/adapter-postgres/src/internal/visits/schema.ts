/** The visits tables (migration `0017_visits`). */
import { configDdl } from "../kernel/documents.js"

export const visitsSchema = configDdl("visits_configs") + `
CREATE TABLE care_households (
  county_id    TEXT NOT NULL,
  household_id TEXT NOT NULL,
  path         TEXT COLLATE "C" NOT NULL,
  categories   INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  doc          TEXT NOT NULL,
  PRIMARY KEY (county_id, household_id)
);
CREATE INDEX care_households_household ON care_households (household_id);
CREATE INDEX care_households_path ON care_households (path) WHERE categories > 0;

CREATE TABLE household_visits (
  county_id    TEXT NOT NULL,
  id           TEXT NOT NULL,
  path         TEXT COLLATE "C" NOT NULL,
  household_id TEXT NOT NULL,
  visited_at   TEXT NOT NULL,
  version      INTEGER NOT NULL,
  doc          TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX household_visits_id ON household_visits (id);
CREATE INDEX household_visits_path ON household_visits (path, id);
CREATE INDEX household_visits_household ON household_visits (household_id, visited_at);
`
