/** The activities tables (migration `0013_activities`). */
export const activitiesSchema = `
CREATE TABLE activities (
  id        TEXT PRIMARY KEY NOT NULL,
  county_id TEXT NOT NULL,
  path      TEXT NOT NULL,
  kind      TEXT NOT NULL,
  team_id   TEXT,
  starts_at TEXT NOT NULL,
  status    TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
-- A subtree's activities of a period (lists and reports), by path range then start.
CREATE INDEX activities_path ON activities (path, starts_at);
CREATE INDEX activities_county ON activities (county_id, starts_at);
-- A team's activities, for its members' hours.
CREATE INDEX activities_team ON activities (team_id) WHERE team_id IS NOT NULL;

CREATE TABLE activity_teams (
  id        TEXT PRIMARY KEY NOT NULL,
  county_id TEXT NOT NULL,
  path      TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
CREATE INDEX activity_teams_path ON activity_teams (path, id);
`
