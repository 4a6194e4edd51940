/** The activities tables (migration `0016_activities`). */
export const activitiesSchema = `
CREATE TABLE activities (
  county_id TEXT NOT NULL,
  id        TEXT NOT NULL,
  path      TEXT COLLATE "C" NOT NULL,
  kind      TEXT NOT NULL,
  team_id   TEXT,
  starts_at TEXT NOT NULL,
  status    TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX activities_id ON activities (id);
CREATE INDEX activities_path ON activities (path, starts_at);
CREATE INDEX activities_county ON activities (county_id, starts_at);
CREATE INDEX activities_team ON activities (team_id) WHERE team_id IS NOT NULL;

CREATE TABLE activity_teams (
  county_id TEXT NOT NULL,
  id        TEXT NOT NULL,
  path      TEXT COLLATE "C" NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX activity_teams_id ON activity_teams (id);
CREATE INDEX activity_teams_path ON activity_teams (path, id);
`

/**
 * Migration `0023_activity_codes`: every activity's check-in code becomes its salted SHA-256
 * hash (as `Secrets.hash` computes it: the salt, a NUL byte, the code), with an empty count of
 * wrong codes. The code printed for an activity keeps working; the plain code is gone.
 */
export const activityCodesMigration = `
UPDATE activities AS a SET doc = (
  SELECT ((j - 'checkInCode') || jsonb_build_object(
    'codeHash', encode(sha256(convert_to(salt, 'UTF8') || '\\x00'::bytea || convert_to(j->>'checkInCode', 'UTF8')), 'hex'),
    'codeSalt', salt,
    'wrongCodes', '[]'::jsonb
  ))::text
  FROM (SELECT a.doc::jsonb AS j, replace(gen_random_uuid()::text, '-', '') AS salt) AS d
)
WHERE a.doc::jsonb ? 'checkInCode';
`
