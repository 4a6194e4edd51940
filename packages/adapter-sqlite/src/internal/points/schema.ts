/**
 * The ledger's tables (migration `0002_points`).
 *
 * - `points_transfers` is append-only: triggers abort any UPDATE or DELETE. `seq` (the
 *   rowid) is the ledger order; partial unique indexes make a pending transfer resolvable
 *   once and a transfer reversible once.
 * - `points_accounts` keeps the balances, updated in the same transaction as the transfer;
 *   a CHECK makes the floor a property of the table itself: no statement, however it is
 *   written, can leave a floored account below its floor.
 * - `points_entries` is one row per posted effect on an account, keyed by (account, seq): a
 *   statement page is one index range. The running balance is not stored: the newest line's
 *   is the account's posted balance, and each older one's is the next one's minus its amount
 *   (the statement cursor carries it from page to page).
 * - `idempotency_keys` holds the kernel's idempotency records.
 */
export const pointsSchema = `
CREATE TABLE points_config (
  county_id TEXT PRIMARY KEY NOT NULL,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
) STRICT;

CREATE TABLE points_accounts (
  id         TEXT PRIMARY KEY NOT NULL,
  county_id  TEXT NOT NULL,
  node_id    TEXT NOT NULL,
  path       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('person', 'merchant', 'charity', 'issuer')),
  owner_id   TEXT,
  name       TEXT NOT NULL,
  floor      INTEGER,
  posted     INTEGER NOT NULL,
  held       INTEGER NOT NULL CHECK (held >= 0),
  created_at TEXT NOT NULL,
  CONSTRAINT points_floor CHECK (floor IS NULL OR posted - held >= floor)
) STRICT;
CREATE UNIQUE INDEX points_accounts_owner ON points_accounts (county_id, kind, owner_id) WHERE owner_id IS NOT NULL;
CREATE UNIQUE INDEX points_accounts_node ON points_accounts (node_id, kind) WHERE owner_id IS NULL;
CREATE INDEX points_accounts_path ON points_accounts (path, kind);
CREATE INDEX points_accounts_county ON points_accounts (county_id, kind, id);

CREATE TABLE points_transfers (
  seq               INTEGER PRIMARY KEY,
  id                TEXT NOT NULL UNIQUE,
  kind              TEXT NOT NULL CHECK (kind IN ('posted', 'pending', 'post', 'void')),
  debit_account_id  TEXT NOT NULL,
  credit_account_id TEXT NOT NULL CHECK (credit_account_id <> debit_account_id),
  amount            INTEGER NOT NULL CHECK (amount > 0),
  code              TEXT NOT NULL,
  category          TEXT,
  memo              TEXT NOT NULL,
  cause_type        TEXT,
  cause_id          TEXT,
  pending_id        TEXT,
  reverses_id       TEXT,
  timeout_at        TEXT,
  actor_id          TEXT NOT NULL,
  at                TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX points_transfers_pending ON points_transfers (pending_id) WHERE pending_id IS NOT NULL;
CREATE UNIQUE INDEX points_transfers_reverses ON points_transfers (reverses_id) WHERE reverses_id IS NOT NULL;
CREATE TRIGGER points_transfers_no_update BEFORE UPDATE ON points_transfers BEGIN SELECT RAISE(ABORT, 'points transfers are immutable'); END;
CREATE TRIGGER points_transfers_no_delete BEFORE DELETE ON points_transfers BEGIN SELECT RAISE(ABORT, 'points transfers are immutable'); END;

CREATE TABLE points_entries (
  account_id TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  amount     INTEGER NOT NULL,
  code       TEXT NOT NULL,
  category   TEXT,
  at         TEXT NOT NULL,
  PRIMARY KEY (account_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE points_holds (
  id                  TEXT PRIMARY KEY NOT NULL,
  county_id           TEXT NOT NULL,
  account_id          TEXT NOT NULL,
  merchant_account_id TEXT NOT NULL,
  amount              INTEGER NOT NULL,
  service_id          TEXT,
  quantity            INTEGER NOT NULL,
  cash_fen            INTEGER NOT NULL,
  pickup_code         TEXT NOT NULL,
  status              TEXT NOT NULL,
  placed_at           TEXT NOT NULL,
  timeout_at          TEXT NOT NULL,
  resolution_id       TEXT,
  resolved_at         TEXT,
  version             INTEGER NOT NULL
) STRICT;
CREATE INDEX points_holds_due ON points_holds (timeout_at) WHERE status = 'pending';
CREATE INDEX points_holds_service ON points_holds (service_id, placed_at) WHERE service_id IS NOT NULL;

CREATE TABLE points_services (
  id                  TEXT PRIMARY KEY NOT NULL,
  county_id           TEXT NOT NULL,
  node_id             TEXT NOT NULL,
  merchant_account_id TEXT NOT NULL,
  title               TEXT NOT NULL,
  description         TEXT NOT NULL,
  price_points        INTEGER NOT NULL,
  cash_fen            INTEGER NOT NULL,
  stock               INTEGER CHECK (stock IS NULL OR stock >= 0),
  daily_capacity      INTEGER,
  status              TEXT NOT NULL,
  version             INTEGER NOT NULL,
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL
) STRICT;
CREATE INDEX points_services_node ON points_services (node_id, id) WHERE status = 'active';

CREATE TABLE idempotency_keys (
  actor_id    TEXT NOT NULL,
  key         TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  result      TEXT NOT NULL,
  at          TEXT NOT NULL,
  PRIMARY KEY (actor_id, key)
) STRICT, WITHOUT ROWID;
`

/**
 * Migration `0008_points_codes`: holds for a need's reward beside orders, pickup codes kept
 * only as a salted hash with the wrong attempts counted, and the guards of merchants who
 * type wrong codes.
 *
 * - `points_holds` is rebuilt: `purpose` (`order` or `reward`), the pending transfer's
 *   `credit_account_id` (the merchant; for a reward, the issuer it is nominally pending
 *   against), `merchant_account_id` now empty for rewards, the `cause`, `code_hash` and
 *   `code_salt`, `failed_attempts`, `locked`, and `timeout_at` empty for rewards.
 * - The plain pickup codes of earlier versions are dropped, not carried over: they were
 *   derived from ids. A pending order placed before this migration has no valid code until
 *   its holder asks for a new one (`POST /points/holds/{id}/code`).
 * - `points_merchant_guards`: one row per merchant that ever typed a wrong code.
 */
export const pointsCodesMigration = `
CREATE TABLE points_holds_next (
  id                  TEXT PRIMARY KEY NOT NULL,
  county_id           TEXT NOT NULL,
  purpose             TEXT NOT NULL CHECK (purpose IN ('order', 'reward')),
  account_id          TEXT NOT NULL,
  credit_account_id   TEXT NOT NULL,
  merchant_account_id TEXT,
  amount              INTEGER NOT NULL,
  service_id          TEXT,
  quantity            INTEGER NOT NULL,
  cash_fen            INTEGER NOT NULL,
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
  version             INTEGER NOT NULL
) STRICT;
INSERT INTO points_holds_next
  SELECT id, county_id, 'order', account_id, merchant_account_id, merchant_account_id, amount, service_id, quantity, cash_fen,
         CASE WHEN service_id IS NULL THEN NULL ELSE 'order' END, CASE WHEN service_id IS NULL THEN NULL ELSE id END,
         NULL, NULL, 0, 0, status, placed_at, timeout_at, resolution_id, resolved_at, version
  FROM points_holds;
DROP TABLE points_holds;
ALTER TABLE points_holds_next RENAME TO points_holds;
CREATE INDEX points_holds_due ON points_holds (timeout_at) WHERE status = 'pending' AND timeout_at IS NOT NULL;
CREATE INDEX points_holds_service ON points_holds (service_id, placed_at) WHERE service_id IS NOT NULL;

CREATE TABLE points_merchant_guards (
  merchant_account_id TEXT PRIMARY KEY NOT NULL,
  failures            INTEGER NOT NULL,
  window_start        TEXT NOT NULL,
  locked_until        TEXT,
  version             INTEGER NOT NULL
) STRICT;
`
