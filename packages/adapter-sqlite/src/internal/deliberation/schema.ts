/** The deliberation tables (migration `0004_deliberation`). */
export const deliberationSchema = `
CREATE TABLE deliberation_configs (
  county_id TEXT PRIMARY KEY NOT NULL,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

CREATE TABLE deliberation_sessions (
  id        TEXT PRIMARY KEY NOT NULL,
  county_id TEXT NOT NULL,
  path      TEXT NOT NULL,
  held_at   TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
CREATE INDEX deliberation_sessions_path ON deliberation_sessions (path, held_at);

CREATE TABLE deliberation_items (
  id           TEXT PRIMARY KEY NOT NULL,
  county_id    TEXT NOT NULL,
  path         TEXT NOT NULL,
  parent_id    TEXT,
  category     TEXT NOT NULL,
  unit         TEXT NOT NULL,
  state        TEXT NOT NULL,
  status       TEXT NOT NULL,
  raised_at    TEXT NOT NULL,
  promised_key TEXT NOT NULL,
  due_at       TEXT,
  progress     REAL NOT NULL,
  rating_key   REAL NOT NULL,
  taken_up     INTEGER NOT NULL,
  on_time      INTEGER NOT NULL,
  ratings      INTEGER NOT NULL,
  rating_sum   INTEGER NOT NULL,
  rating_high  INTEGER NOT NULL,
  version      INTEGER NOT NULL,
  doc          TEXT NOT NULL
) STRICT;
-- The whole county's board, newest first: its first page is read from the index in order.
CREATE INDEX deliberation_items_county ON deliberation_items (county_id, raised_at DESC, id DESC);
-- A subtree's board, and statistics of a subtree and period, covering.
CREATE INDEX deliberation_items_stats ON deliberation_items (path, raised_at, category, unit, state, taken_up, on_time, due_at, ratings, rating_sum, rating_high);
-- A parent's children, for the progress roll-up.
CREATE INDEX deliberation_items_parent ON deliberation_items (parent_id, id) WHERE parent_id IS NOT NULL;

-- One rating per resident, item and round (现场评).
CREATE TABLE deliberation_ratings (
  item_id     TEXT NOT NULL REFERENCES deliberation_items (id),
  round       INTEGER NOT NULL,
  resident_id TEXT NOT NULL,
  score       INTEGER NOT NULL,
  comment     TEXT,
  at          TEXT NOT NULL,
  PRIMARY KEY (item_id, round, resident_id)
) STRICT, WITHOUT ROWID;
`
