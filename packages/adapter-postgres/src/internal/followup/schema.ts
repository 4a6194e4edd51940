/** The follow-up tables (migration `0012_followup`). */
import { configDdl } from "../kernel/documents.js"

export const followUpSchema = configDdl("followup_configs") + `
CREATE TABLE followups (
  county_id           TEXT NOT NULL,
  id                  TEXT NOT NULL,
  path                TEXT COLLATE "C" NOT NULL,
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
  doc                 TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX followups_id ON followups (id);
CREATE INDEX followups_subject ON followups (subject, subject_id, id);
CREATE INDEX followups_due ON followups (county_id, next_date, id) WHERE next_date IS NOT NULL;
CREATE INDEX followups_stats ON followups (path, requested_on);

-- Who a follow-up waits for: rewritten with every save, read by person.
CREATE TABLE followup_waiting (
  county_id   TEXT NOT NULL,
  followup_id TEXT NOT NULL,
  person_id   TEXT NOT NULL,
  PRIMARY KEY (county_id, followup_id, person_id),
  FOREIGN KEY (county_id, followup_id) REFERENCES followups (county_id, id)
);
CREATE INDEX followup_waiting_person ON followup_waiting (person_id, followup_id);
`
