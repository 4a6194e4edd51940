/** The follow-up tables (migration `0012_followup`). */
export const followUpSchema = `
CREATE TABLE followup_configs (
  county_id TEXT PRIMARY KEY NOT NULL,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

CREATE TABLE followups (
  id                  TEXT PRIMARY KEY NOT NULL,
  county_id           TEXT NOT NULL,
  path                TEXT NOT NULL,
  subject             TEXT NOT NULL,
  subject_id          TEXT NOT NULL,
  requested_on        TEXT NOT NULL,
  next_date           TEXT,
  asked               INTEGER NOT NULL,
  rated               INTEGER NOT NULL,
  satisfied           INTEGER NOT NULL,
  lapsed              INTEGER NOT NULL,
  questionnaires_sent INTEGER NOT NULL,
  answered            INTEGER NOT NULL,
  solved              INTEGER NOT NULL,
  not_solved          INTEGER NOT NULL,
  reopened            INTEGER NOT NULL,
  version             INTEGER NOT NULL,
  doc                 TEXT NOT NULL
) STRICT;
-- The follow-ups of one piece of work, newest first.
CREATE INDEX followups_subject ON followups (subject, subject_id, id);
-- The daily sweep: a county's follow-ups with something left to do, by day.
CREATE INDEX followups_due ON followups (county_id, next_date, id) WHERE next_date IS NOT NULL;
-- Statistics of a subtree and period.
CREATE INDEX followups_stats ON followups (path, requested_on);

-- Who a follow-up waits for (a rating to give, a questionnaire to answer): rewritten by
-- follow-up on every save, read by person.
CREATE TABLE followup_waiting (
  followup_id TEXT NOT NULL,
  person_id   TEXT NOT NULL,
  PRIMARY KEY (followup_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX followup_waiting_person ON followup_waiting (person_id, followup_id);
`
