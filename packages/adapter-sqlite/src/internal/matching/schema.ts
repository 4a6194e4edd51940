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

/**
 * Migration `0009_matching_people`: needs and profiles belong to people of the directory.
 *
 * - A reward of the earlier shape (`{ points, fromAccountId }`, paid from any account) is
 *   removed from every need that was not confirmed yet: under the new rules a reward is held
 *   on its requester's own account when the need is posted, or attached by an actor allowed
 *   to award under an earning rule. Confirmed needs keep their record of what was paid.
 * - Every need gets its public title (`publicTitle`), the title as it was shown: needs
 *   posted from now on are redacted when written.
 * - Volunteer profiles and teams keyed by anything but a person id are removed: they could
 *   not be tied to a person, which is what let profiles be taken over.
 */
export const matchingPeopleMigration = `
UPDATE matching_needs SET doc = json_set(doc, '$.reward', json('null'))
  WHERE json_type(doc, '$.reward') = 'object' AND json_type(doc, '$.reward._tag') IS NULL AND json_extract(doc, '$.paid[0]') IS NULL;
UPDATE matching_needs SET doc = json_set(doc, '$.reward', json('null'))
  WHERE json_type(doc, '$.reward') = 'object' AND json_type(doc, '$.reward._tag') IS NULL;
UPDATE matching_needs SET doc = json_set(doc, '$.publicTitle', json_extract(doc, '$.title')) WHERE json_type(doc, '$.publicTitle') IS NULL;
DELETE FROM matching_volunteers WHERE person_id NOT GLOB 'psn_[0-9A-Z]*';
DELETE FROM matching_teams WHERE json_extract(doc, '$.leaderId') NOT GLOB 'psn_[0-9A-Z]*';
`
