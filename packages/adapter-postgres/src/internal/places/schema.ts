/** The places tables (migration `0015_places`). */
import { configDdl } from "../kernel/documents.js"

export const placesSchema = configDdl("places_configs") + `
CREATE TABLE places (
  county_id TEXT NOT NULL,
  id        TEXT NOT NULL,
  node_id   TEXT NOT NULL,
  path      TEXT COLLATE "C" NOT NULL,
  kind      TEXT NOT NULL,
  status    TEXT NOT NULL,
  version   INTEGER NOT NULL,
  doc       TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX places_id ON places (id);
CREATE INDEX places_path ON places (path, id);
CREATE INDEX places_node ON places (node_id);
`
