/** The partners tables (migration `0018_partners`). */
export const partnersSchema = `
CREATE TABLE partners (
  id           TEXT PRIMARY KEY NOT NULL,
  county_id    TEXT NOT NULL,
  path         TEXT NOT NULL,
  type         TEXT NOT NULL,
  status       TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  withdrawn_at TEXT,
  version      INTEGER NOT NULL,
  doc          TEXT NOT NULL
) STRICT;
-- A subtree's partners by path range and id.
CREATE INDEX partners_path ON partners (path, id);

CREATE TABLE partner_merchants (
  account_id TEXT PRIMARY KEY NOT NULL,
  partner_id TEXT NOT NULL
) STRICT;

CREATE TABLE partner_services (
  id          TEXT PRIMARY KEY NOT NULL,
  county_id   TEXT NOT NULL,
  path        TEXT NOT NULL,
  partner_id  TEXT NOT NULL,
  provided_at TEXT NOT NULL,
  version     INTEGER NOT NULL,
  doc         TEXT NOT NULL
) STRICT;
-- A subtree's services of a period by path range.
CREATE INDEX partner_services_path ON partner_services (path, provided_at);
`
