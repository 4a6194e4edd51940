/** The places tables (migration `0012_places`). */
export const placesSchema = `
CREATE TABLE places_configs (
  county_id TEXT PRIMARY KEY NOT NULL,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

CREATE TABLE places (
  id        TEXT PRIMARY KEY NOT NULL,
  county_id TEXT NOT NULL,
  node_id   TEXT NOT NULL,
  path      TEXT NOT NULL,
  kind      TEXT NOT NULL,
  status    TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL
) STRICT;
-- A subtree's places by path range; the places at a household's node and its ancestors.
CREATE INDEX places_path ON places (path, id);
CREATE INDEX places_node ON places (node_id);
`
