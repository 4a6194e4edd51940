/**
 * The ledger's tables on PostgreSQL (migrations `0002_points` and `0008_points_codes`, at
 * their shape on SQLite today).
 *
 * - `points_transfers` is append-only: a trigger rejects any UPDATE or DELETE. `seq` (from a
 *   sequence) is the ledger order; partial unique indexes make a pending transfer resolvable
 *   once and a transfer reversible once.
 * - `points_accounts` keeps the balances, updated in the same transaction as the transfer;
 *   a CHECK makes the floor a property of the table itself.
 * - `points_entries` is one row per posted effect on an account, keyed by (county, account, seq).
 * - `idempotency_keys` holds the kernel's idempotency records, by actor.
 *
 * Every county-owned table has `county_id` first in its primary key and unique constraints.
 */
export const pointsSchema = `
CREATE TABLE points_config (
  county_id TEXT PRIMARY KEY,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
);

CREATE TABLE points_accounts (
  county_id  TEXT NOT NULL,
  id         TEXT NOT NULL,
  node_id    TEXT NOT NULL,
  path       TEXT COLLATE "C" NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('person', 'merchant', 'charity', 'issuer')),
  owner_id   TEXT,
  name       TEXT NOT NULL,
  floor      BIGINT,
  posted     BIGINT NOT NULL,
  held       BIGINT NOT NULL CHECK (held >= 0),
  created_at TEXT NOT NULL,
  PRIMARY KEY (county_id, id),
  CONSTRAINT points_floor CHECK (floor IS NULL OR posted - held >= floor)
);
CREATE INDEX points_accounts_id ON points_accounts (id);
CREATE UNIQUE INDEX points_accounts_owner ON points_accounts (county_id, kind, owner_id) WHERE owner_id IS NOT NULL;
CREATE UNIQUE INDEX points_accounts_node ON points_accounts (county_id, node_id, kind) WHERE owner_id IS NULL;
CREATE INDEX points_accounts_path ON points_accounts (path, kind);
CREATE INDEX points_accounts_county ON points_accounts (county_id, kind, id);

CREATE SEQUENCE points_seq AS BIGINT;
CREATE TABLE points_transfers (
  county_id         TEXT NOT NULL,
  seq               BIGINT NOT NULL DEFAULT nextval('points_seq'),
  id                TEXT NOT NULL,
  kind              TEXT NOT NULL CHECK (kind IN ('posted', 'pending', 'post', 'void')),
  debit_account_id  TEXT NOT NULL,
  credit_account_id TEXT NOT NULL CHECK (credit_account_id <> debit_account_id),
  amount            BIGINT NOT NULL CHECK (amount > 0),
  code              TEXT NOT NULL,
  category          TEXT,
  memo              TEXT NOT NULL,
  cause_type        TEXT,
  cause_id          TEXT,
  pending_id        TEXT,
  reverses_id       TEXT,
  timeout_at        TEXT,
  actor_id          TEXT NOT NULL,
  at                TEXT NOT NULL,
  PRIMARY KEY (county_id, seq),
  UNIQUE (county_id, id),
  FOREIGN KEY (county_id, debit_account_id) REFERENCES points_accounts (county_id, id),
  FOREIGN KEY (county_id, credit_account_id) REFERENCES points_accounts (county_id, id)
);
ALTER SEQUENCE points_seq OWNED BY points_transfers.seq;
CREATE INDEX points_transfers_id ON points_transfers (id);
CREATE UNIQUE INDEX points_transfers_pending ON points_transfers (county_id, pending_id) WHERE pending_id IS NOT NULL;
CREATE UNIQUE INDEX points_transfers_reverses ON points_transfers (county_id, reverses_id) WHERE reverses_id IS NOT NULL;
CREATE FUNCTION points_transfers_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'points transfers are immutable';
END
$$;
CREATE TRIGGER points_transfers_no_change BEFORE UPDATE OR DELETE ON points_transfers
  FOR EACH ROW EXECUTE FUNCTION points_transfers_immutable();

CREATE TABLE points_entries (
  county_id  TEXT NOT NULL,
  account_id TEXT NOT NULL,
  seq        BIGINT NOT NULL,
  amount     BIGINT NOT NULL,
  code       TEXT NOT NULL,
  category   TEXT,
  at         TEXT NOT NULL,
  PRIMARY KEY (county_id, account_id, seq)
);

CREATE TABLE points_holds (
  county_id           TEXT NOT NULL,
  id                  TEXT NOT NULL,
  purpose             TEXT NOT NULL CHECK (purpose IN ('order', 'reward')),
  account_id          TEXT NOT NULL,
  credit_account_id   TEXT NOT NULL,
  merchant_account_id TEXT,
  amount              BIGINT NOT NULL,
  service_id          TEXT,
  quantity            INTEGER NOT NULL,
  cash_fen            BIGINT NOT NULL,
  cause_type          TEXT,
  cause_id            TEXT,
  code_hash           TEXT,
  code_salt           TEXT,
  failed_attempts     INTEGER NOT NULL,
  locked              INTEGER NOT NULL CHECK (locked IN (0, 1)),
  status              TEXT NOT NULL,
  placed_at           TEXT NOT NULL,
  timeout_at          TEXT,
  resolution_id       TEXT,
  resolved_at         TEXT,
  version             INTEGER NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX points_holds_id ON points_holds (id);
CREATE INDEX points_holds_due ON points_holds (timeout_at) WHERE status = 'pending' AND timeout_at IS NOT NULL;
CREATE INDEX points_holds_service ON points_holds (service_id, placed_at) WHERE service_id IS NOT NULL;

CREATE TABLE points_services (
  county_id           TEXT NOT NULL,
  id                  TEXT NOT NULL,
  node_id             TEXT NOT NULL,
  merchant_account_id TEXT NOT NULL,
  title               TEXT NOT NULL,
  description         TEXT NOT NULL,
  price_points        BIGINT NOT NULL,
  cash_fen            BIGINT NOT NULL,
  stock               INTEGER CHECK (stock IS NULL OR stock >= 0),
  daily_capacity      INTEGER,
  status              TEXT NOT NULL,
  version             INTEGER NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  PRIMARY KEY (county_id, id)
);
CREATE INDEX points_services_id ON points_services (id);
CREATE INDEX points_services_node ON points_services (node_id, id) WHERE status = 'active';

CREATE TABLE idempotency_keys (
  actor_id    TEXT NOT NULL,
  key         TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  result      TEXT NOT NULL,
  at          TEXT NOT NULL,
  PRIMARY KEY (actor_id, key)
);
`

/** Migration `0008_points_codes`: the guards of merchants who type wrong pickup codes (the holds already have their final shape). */
export const pointsCodesMigration = `
CREATE TABLE points_merchant_guards (
  county_id           TEXT NOT NULL,
  merchant_account_id TEXT NOT NULL,
  failures            INTEGER NOT NULL,
  window_start        TEXT NOT NULL,
  locked_until        TEXT,
  version             INTEGER NOT NULL,
  PRIMARY KEY (county_id, merchant_account_id)
);
`
