/** The partners tables (migration `0018_partners`). */
export const partnersSchema = `
CREATE TABLE partners (
  county_id    TEXT NOT NULL,
  id           TEXT NOT NULL,
  path         TEXT COLLATE "C" NOT NULL,
  type         TEXT NOT NULL,
  status       TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  withdrawn_at TEXT,
  version      INTEGER NOT NULL,
  doc          TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX partners_id ON partners (id);
CREATE INDEX partners_path ON partners (path, id);

-- The merchant accounts a partner linked: an account's partner, whatever its status.
CREATE TABLE partner_merchants (
  county_id  TEXT NOT NULL,
  account_id TEXT NOT NULL,
  partner_id TEXT NOT NULL,
  PRIMARY KEY (county_id, account_id),
  FOREIGN KEY (county_id, partner_id) REFERENCES partners (county_id, id)
);
CREATE INDEX partner_merchants_account ON partner_merchants (account_id);

CREATE TABLE partner_services (
  county_id   TEXT NOT NULL,
  id          TEXT NOT NULL,
  path        TEXT COLLATE "C" NOT NULL,
  partner_id  TEXT NOT NULL,
  provided_at TEXT NOT NULL,
  version     INTEGER NOT NULL,
  doc         TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX partner_services_id ON partner_services (id);
CREATE INDEX partner_services_path ON partner_services (path, provided_at);
CREATE INDEX partner_services_county ON partner_services (county_id, provided_at);
`
