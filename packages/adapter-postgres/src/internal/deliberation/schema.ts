/**
 * The deliberation tables (migration `0004_deliberation`; `0011_deliberation_people` rewrites
 * SQLite rows of an earlier shape, and a new database has none): sessions and items whole as
 * JSON in `doc` beside the columns the board and the statistics read; one rating per person,
 * item and round.
 */
import { configDdl } from "../kernel/documents.js"

export const deliberationSchema = configDdl("deliberation_configs") + `
CREATE TABLE deliberation_sessions (
  county_id TEXT NOT NULL,
  id        TEXT NOT NULL,
  path      TEXT COLLATE "C" NOT NULL,
  held_at   TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX deliberation_sessions_id ON deliberation_sessions (id);
CREATE INDEX deliberation_sessions_path ON deliberation_sessions (path, held_at);

CREATE TABLE deliberation_items (
  county_id    TEXT NOT NULL,
  id           TEXT NOT NULL,
  path         TEXT COLLATE "C" NOT NULL,
  parent_id    TEXT,
  category     TEXT NOT NULL,
  unit         TEXT NOT NULL,
  state        TEXT NOT NULL,
  status       TEXT NOT NULL,
  raised_at    TEXT NOT NULL,
  promised_key TEXT NOT NULL,
  due_at       TEXT,
  progress     DOUBLE PRECISION NOT NULL,
  rating_key   DOUBLE PRECISION NOT NULL,
  taken_up     INTEGER NOT NULL,
  on_time      INTEGER NOT NULL,
  ratings      INTEGER NOT NULL,
  rating_sum   INTEGER NOT NULL,
  rating_high  INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  doc          TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX deliberation_items_id ON deliberation_items (id);
CREATE INDEX deliberation_items_county ON deliberation_items (county_id, raised_at DESC, id DESC);
CREATE INDEX deliberation_items_stats ON deliberation_items (path, raised_at);
CREATE INDEX deliberation_items_parent ON deliberation_items (parent_id, id) WHERE parent_id IS NOT NULL;

CREATE TABLE deliberation_ratings (
  county_id TEXT NOT NULL,
  item_id   TEXT NOT NULL,
  round     INTEGER NOT NULL,
  person_id TEXT NOT NULL,
  score     INTEGER NOT NULL,
  comment   TEXT,
  at        TEXT NOT NULL,
  PRIMARY KEY (county_id, item_id, round, person_id),
  FOREIGN KEY (county_id, item_id) REFERENCES deliberation_items (county_id, id)
);
CREATE INDEX deliberation_ratings_item ON deliberation_ratings (item_id);
`
