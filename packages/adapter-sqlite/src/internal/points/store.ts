/**
 * The ledger port on SQLite.
 *
 * `commit` is the hot path: per transfer one INSERT, two UPDATEs of the balances and one
 * entry row per posted effect, all through prepared statements kept by the statement cache,
 * under one savepoint per call (a batch is all or none). `UPDATE … RETURNING` would cost a
 * third of the throughput, so the running balance is derived when a statement is read.
 * The floor is a CHECK on `points_accounts`, so the database itself refuses a debit that breaks it;
 * that refusal is turned into the core's `insufficient_points` conflict with the amounts.
 *
 * Rows are mapped to the core models by hand at this edge: they are written only by this
 * module, from values the core has already decoded; the configuration (JSON) is decoded
 * with its schema.
 */
import {
  type Account,
  type BalanceDifference,
  conflict,
  type Conflict,
  duplicateId,
  type Entry,
  effectOf,
  type GridNodeId,
  type Hold,
  type MerchantGuard,
  insufficientPoints,
  PointsConfig,
  PointsStore,
  type CatalogService,
  staleVersion,
  type StorageError,
  type StoredTransfer,
  type Transfer,
  type TransferCode
} from "@mulin/core"
import { accountRow, causeOf, holdRow, serviceRow } from "@mulin/sql"
import { type Effect, Option, Schema } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { Statement, StatementSource } from "../../StatementCache.js"
import type { Tables } from "../../Tables.js"
import { conflictsOnly, isUniqueViolation } from "../kernel/errors.js"
import { getRow, insertSql, iterateRows, lookup, raw, type Row, updateSql } from "../kernel/statements.js"
import { fromPath, upperBound } from "../kernel/paths.js"

// ---------------------------------------------------------------------------
// Rows

type AccountRow = Row<"points_accounts">
type TransferRow = Row<"points_transfers">
type HoldRow = Row<"points_holds">
type GuardRow = Row<"points_merchant_guards">
type ServiceRow = Row<"points_services">

const toAccount = (r: AccountRow): Account => ({
  id: r.id,
  countyId: r.county_id,
  nodeId: r.node_id,
  path: fromPath<GridNodeId>(r.path),
  kind: r.kind,
  ownerId: r.owner_id,
  name: r.name,
  floor: r.floor,
  posted: r.posted,
  held: r.held,
  createdAt: r.created_at
})

const toTransfer = (r: TransferRow): StoredTransfer => ({
  seq: r.seq,
  id: r.id,
  kind: r.kind,
  debitAccountId: r.debit_account_id,
  creditAccountId: r.credit_account_id,
  amount: r.amount,
  code: r.code,
  category: r.category,
  memo: r.memo,
  cause: causeOf(r),
  pendingId: r.pending_id,
  reversesId: r.reverses_id,
  timeoutAt: r.timeout_at,
  actorId: r.actor_id,
  at: r.at
})

const toHold = (r: HoldRow): Hold => ({
  id: r.id,
  countyId: r.county_id,
  purpose: r.purpose,
  accountId: r.account_id,
  creditAccountId: r.credit_account_id,
  merchantAccountId: r.merchant_account_id,
  amount: r.amount,
  serviceId: r.service_id,
  quantity: r.quantity,
  cashFen: r.cash_fen,
  cause: causeOf(r),
  codeHash: r.code_hash,
  codeSalt: r.code_salt,
  failedAttempts: r.failed_attempts,
  locked: r.locked === 1,
  status: r.status,
  placedAt: r.placed_at,
  timeoutAt: r.timeout_at,
  resolutionId: r.resolution_id,
  resolvedAt: r.resolved_at,
  version: r.version
})

const toService = (r: ServiceRow): CatalogService => ({
  id: r.id,
  countyId: r.county_id,
  nodeId: r.node_id,
  merchantAccountId: r.merchant_account_id,
  title: r.title,
  description: r.description,
  pricePoints: r.price_points,
  cashFen: r.cash_fen,
  stock: r.stock,
  dailyCapacity: r.daily_capacity,
  status: r.status,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

// ---------------------------------------------------------------------------
// Statements

const HOLD_COLUMNS: ReadonlyArray<keyof HoldRow & string> = [
  "id", "county_id", "purpose", "account_id", "credit_account_id", "merchant_account_id", "amount", "service_id", "quantity", "cash_fen",
  "cause_type", "cause_id", "code_hash", "code_salt", "failed_attempts", "locked", "status", "placed_at", "timeout_at", "resolution_id", "resolved_at", "version"
]
const SERVICE_COLUMNS: ReadonlyArray<keyof ServiceRow & string> = ["id", "county_id", "node_id", "merchant_account_id", "title", "description", "price_points", "cash_fen", "stock", "daily_capacity", "status", "version", "created_at", "updated_at"]

/** The ledger's SQL, compiled once per connection by the statement cache. */
export const SQL = {
  insertTransfer:
    "INSERT INTO points_transfers (id, kind, debit_account_id, credit_account_id, amount, code, category, memo, cause_type, cause_id, pending_id, reverses_id, timeout_at, actor_id, at) " +
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
  applyBalance: "UPDATE points_accounts SET posted = posted + ?, held = held + ? WHERE id = ?",
  insertEntry: "INSERT INTO points_entries (account_id, seq, amount, code, category, at) VALUES (?, ?, ?, ?, ?, ?)",
  account: "SELECT * FROM points_accounts WHERE id = ?",
  transfer: "SELECT * FROM points_transfers WHERE id = ?",
  statement:
    "SELECT e.amount AS entry_amount, t.* FROM points_entries e CROSS JOIN points_transfers t ON t.seq = e.seq " +
    "WHERE e.account_id = ? AND e.seq < ? ORDER BY e.seq DESC LIMIT ?",
  earned: "SELECT COALESCE(SUM(amount), 0) AS n FROM points_entries WHERE account_id = ? AND code = 'earn' AND amount > 0 AND at >= ? AND at < ?",
  earnedIn: "SELECT COALESCE(SUM(amount), 0) AS n FROM points_entries WHERE account_id = ? AND code = 'earn' AND amount > 0 AND category = ? AND at >= ? AND at < ?",
  nodePath: "SELECT path FROM nodes WHERE id = ?"
} as const

const ACCOUNT = raw<AccountRow>(SQL.account)
const BALANCES = raw<Pick<AccountRow, "id" | "posted" | "held">>("SELECT id, posted, held FROM points_accounts")

/** The conflict a UNIQUE violation on a transfer means. */
const transferClash = (error: unknown, t: Transfer): unknown => {
  const message = error instanceof Error ? error.message : ""
  if (message.includes("points_transfers.pending_id")) {
    return conflict("pending_resolved", `pending transfer ${t.pendingId} is already posted or voided`, `冻结转账 ${t.pendingId} 已入账或已撤销`)
  }
  if (message.includes("points_transfers.reverses_id")) {
    return conflict("already_reversed", `transfer ${t.reversesId} is already reversed`, `转账 ${t.reversesId} 已被冲正`)
  }
  if (message.includes("points_transfers.id")) return duplicateId("transfer", t.id, "duplicate_transfer")
  return error
}

const isFloorViolation = (error: unknown) => error instanceof Error && error.message.includes("points_floor")

/** Applies one side of a transfer to its account; the floor is the table's CHECK. */
const applyTo = (apply: Statement, entry: Statement, s: StatementSource, t: Transfer, seq: number, accountId: string, posted: number, held: number): void => {
  let changes: number
  try {
    changes = apply.run(posted, held, accountId).changes
  } catch (error) {
    if (!isFloorViolation(error)) throw error
    const account = toAccount(getRow(s, ACCOUNT, accountId)!)
    throw insufficientPoints(account, account, t.amount)
  }
  if (changes === 0) throw conflict("unknown_account", `transfer ${t.id} names account ${accountId}, which does not exist`, `转账 ${t.id} 涉及不存在的账户 ${accountId}`)
  if (posted !== 0) entry.run(accountId, seq, posted, t.code, t.category, t.at)
}

/** Applies transfers in order; throws the conflict of the first that cannot be applied. */
export const commitTransfers = (s: StatementSource, transfers: ReadonlyArray<Transfer>): Array<StoredTransfer> => {
  const insert = s.prepare(SQL.insertTransfer)
  const apply = s.prepare(SQL.applyBalance)
  const entry = s.prepare(SQL.insertEntry)
  const out: Array<StoredTransfer> = []
  for (const t of transfers) {
    let seq: number
    try {
      seq = Number(insert.run(t.id, t.kind, t.debitAccountId, t.creditAccountId, t.amount, t.code, t.category, t.memo, t.cause?.type ?? null, t.cause?.id ?? null, t.pendingId, t.reversesId, t.timeoutAt, t.actorId, t.at).lastInsertRowid)
    } catch (error) {
      throw transferClash(error, t)
    }
    const [debit, credit] = effectOf(t)
    applyTo(apply, entry, s, t, seq, t.debitAccountId, debit.posted, debit.held)
    applyTo(apply, entry, s, t, seq, t.creditAccountId, credit.posted, credit.held)
    out.push({ ...t, seq })
  }
  return out
}

/** Up to this many ids, `getAccounts` looks each one up by its key. */
const FEW_IDS = 16

/** The tables the ledger's writes change: every one of them is named `points_…`. */
const POINTS_TABLES = ["points_"]

const option = <A>(value: A | undefined): Option.Option<A> => (value === undefined ? Option.none() : Option.some(value))
const decodeConfig = Schema.decodeUnknownSync(Schema.fromJsonString(PointsConfig))

/** Makes the ledger store over an open database. */
export const makePointsStore = (db: SqliteDatabase["Service"]): PointsStore["Service"] => {
  const read = db.read
  const readOne = db.readOne
  // The ledger changes its own tables only: the grid's cached reads stay.
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly, POINTS_TABLES)
  const rows = <R>(s: StatementSource, sql: string, ...args: ReadonlyArray<unknown>) => s.prepare(sql).all(...args) as Array<R>
  const row = <R>(s: StatementSource, sql: string, ...args: ReadonlyArray<unknown>) => s.prepare(sql).get(...args) as R | undefined

  /** The materialised path range of a grid node's subtree, or undefined when there is no such node. */
  const range = (s: StatementSource, rootId: GridNodeId): readonly [string, string] | undefined => {
    const found = row<{ path: string }>(s, SQL.nodePath, rootId)
    return found === undefined ? undefined : [found.path, upperBound(found.path)]
  }

  const versioned = <T extends "points_holds" | "points_services">(table: T, columns: ReadonlyArray<keyof Tables[T] & string>, entity: string, r: { readonly id: string; readonly version: number }, expected: number) =>
    write((s) => {
      if (s.prepare(updateSql(table, columns)).run({ ...r, expected_version: expected }).changes === 0) {
        const found = row<{ version: number }>(s, `SELECT version FROM ${table} WHERE id = ?`, r.id)
        throw staleVersion(entity, r.id, expected, found?.version ?? 0)
      }
    })

  const pointsStore = PointsStore.of({
    getConfig: (countyId) =>
      readOne((s) => Option.map(option(row<{ config: string; version: number }>(s, "SELECT config, version FROM points_config WHERE county_id = ?", countyId)), (r) => ({ config: decodeConfig(r.config), version: r.version }))),
    saveConfig: (countyId, config, expectedVersion) =>
      write((s) => {
        const json = JSON.stringify(config)
        const changed = expectedVersion === 0
          ? s.prepare("INSERT INTO points_config (county_id, config, version) VALUES (?, ?, 1) ON CONFLICT DO NOTHING").run(countyId, json).changes
          : s.prepare("UPDATE points_config SET config = ?, version = version + 1 WHERE county_id = ? AND version = ?").run(json, countyId, expectedVersion).changes
        if (changed === 0) {
          const found = row<{ version: number }>(s, "SELECT version FROM points_config WHERE county_id = ?", countyId)
          throw staleVersion("points configuration", countyId, expectedVersion, found?.version ?? 0)
        }
      }),

    insertAccount: (a) =>
      write((s) => {
        try {
          s.prepare(insertSql("points_accounts", ["id", "county_id", "node_id", "path", "kind", "owner_id", "name", "floor", "posted", "held", "created_at"])).run(accountRow(a))
        } catch (error) {
          if (error instanceof Error && error.message.includes("UNIQUE")) {
            throw conflict("duplicate_account", `the county already has a ${a.kind} account for this holder`, "本区县已有该持有人的同类账户")
          }
          throw error
        }
      }),
    getAccount: (id) => readOne((s) => Option.map(option(row<AccountRow>(s, SQL.account, id)), toAccount)),
    getAccounts: (ids) =>
      ids.length === 0
        ? read(() => [])
        : read((s) => {
          // A few ids (a single transfer's two accounts): point lookups on one prepared
          // statement cost a fraction of building and scanning a JSON array.
          if (ids.length <= FEW_IDS) {
            const byId = lookup(s, ACCOUNT)
            const out: Array<Account> = []
            for (const id of new Set(ids)) {
              const r = byId(id)
              if (r !== undefined) out.push(toAccount(r))
            }
            return out
          }
          return rows<AccountRow>(s, "SELECT * FROM points_accounts WHERE id IN (SELECT value FROM json_each(?))", JSON.stringify(ids)).map(toAccount)
        }),
    findAccount: (countyId, kind, ownerId) =>
      readOne((s) => Option.map(option(row<AccountRow>(s, "SELECT * FROM points_accounts WHERE county_id = ? AND kind = ? AND owner_id = ?", countyId, kind, ownerId)), toAccount)),
    // From an index, never a scan of every account: SQLite picks the partial one of accounts
    // without a holder (node_id, kind) or the one by county and kind, both narrow to those accounts.
    accountsAt: (countyId, nodeIds, kind) =>
      readOne((s) =>
        rows<AccountRow>(s, "SELECT * FROM points_accounts WHERE owner_id IS NULL AND county_id = ? AND kind = ? AND node_id IN (SELECT value FROM json_each(?))", countyId, kind, JSON.stringify(nodeIds))
          .map(toAccount)),
    listAccounts: (countyId, kind, cursor) =>
      readOne((s) => {
        const limit = Math.max(1, Math.floor(cursor.limit))
        const found = rows<AccountRow>(s, "SELECT * FROM points_accounts WHERE county_id = ? AND kind = ? AND id > ? ORDER BY id LIMIT ?", countyId, kind, cursor.after ?? "", limit + 1)
        const items = found.slice(0, limit).map(toAccount)
        return { items, next: found.length > limit ? items[items.length - 1]!.id : null }
      }),

    getTransfers: (ids) =>
      readOne((s) => {
        if (ids.length === 1) return option(row<TransferRow>(s, SQL.transfer, ids[0])).pipe(Option.map(toTransfer), Option.toArray)
        return rows<TransferRow>(s, "SELECT * FROM points_transfers WHERE id IN (SELECT value FROM json_each(?)) ORDER BY seq", JSON.stringify(ids)).map(toTransfer)
      }),
    commit: (transfers) => write((s) => commitTransfers(s, transfers)),
    transfers: (after, limit) => readOne((s) => rows<TransferRow>(s, "SELECT * FROM points_transfers WHERE seq > ? ORDER BY seq LIMIT ?", after, limit).map(toTransfer)),
    earned: (accountId, category, from, to) =>
      readOne((s) => (category === null ? row<{ n: number }>(s, SQL.earned, accountId, from, to) : row<{ n: number }>(s, SQL.earnedIn, accountId, category, from, to))!.n),
    expiryBasis: (accountId, cutoff) =>
      read((s) =>
        row<{ creditsBefore: number; debitsTotal: number }>(
          s,
          "SELECT COALESCE(SUM(CASE WHEN amount > 0 AND at < ? THEN amount ELSE 0 END), 0) AS creditsBefore, COALESCE(SUM(CASE WHEN amount < 0 THEN -amount ELSE 0 END), 0) AS debitsTotal FROM points_entries WHERE account_id = ?",
          cutoff,
          accountId
        )!
      ),
    // The cursor is `<seq>:<balance>`: the last line's seq, and the posted balance right after
    // the line before it (older), which is where the next page's running balance starts.
    statement: (accountId, cursor) =>
      read((s) => {
        const limit = Math.max(1, Math.floor(cursor.limit))
        let before = Number.MAX_SAFE_INTEGER
        let balance: number
        if (cursor.after === undefined) {
          balance = row<{ posted: number }>(s, "SELECT posted FROM points_accounts WHERE id = ?", accountId)?.posted ?? 0
        } else {
          const [seqText, balanceText] = cursor.after.split(":")
          before = Number(seqText)
          balance = Number(balanceText)
          if (!Number.isSafeInteger(before) || !Number.isSafeInteger(balance)) return { items: [], next: null }
        }
        const found = rows<TransferRow & { entry_amount: number }>(s, SQL.statement, accountId, before, limit + 1)
        const items: Array<Entry> = []
        for (const r of found.slice(0, limit)) {
          items.push({ transfer: toTransfer(r), amount: r.entry_amount, balance })
          balance -= r.entry_amount
        }
        return { items, next: found.length > limit ? `${items[items.length - 1]!.transfer.seq}:${balance}` : null }
      }),
    movements: (rootId, from, to) =>
      read((s) => {
        const r = range(s, rootId)
        if (r === undefined) return { byCode: [], outstanding: 0 }
        const byCode = rows<{ code: TransferCode; credits: number; debits: number }>(
          s,
          "SELECT e.code AS code, SUM(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END) AS credits, SUM(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END) AS debits " +
            "FROM points_accounts a CROSS JOIN points_entries e ON e.account_id = a.id " +
            "WHERE a.path >= ? AND a.path < ? AND a.kind <> 'issuer' AND e.at >= ? AND e.at < ? GROUP BY e.code",
          r[0], r[1], from, to
        )
        const outstanding = row<{ n: number }>(s, "SELECT COALESCE(SUM(posted), 0) AS n FROM points_accounts WHERE path >= ? AND path < ? AND kind <> 'issuer'", r[0], r[1])!.n
        return { byCode, outstanding }
      }),
    leaderboard: (rootId, from, to, limit) =>
      read((s) => {
        const r = range(s, rootId)
        if (r === undefined) return []
        return rows<AccountRow & { earned: number }>(
          s,
          // Earned, less the awards reversed in the period.
          "SELECT a.*, SUM(e.amount) AS earned FROM points_accounts a CROSS JOIN points_entries e ON e.account_id = a.id " +
            "WHERE a.path >= ? AND a.path < ? AND a.kind = 'person' AND ((e.code = 'earn' AND e.amount > 0) OR (e.code = 'reverse' AND e.amount < 0)) AND e.at >= ? AND e.at < ? " +
            "GROUP BY a.id HAVING earned > 0 ORDER BY earned DESC, a.id LIMIT ?",
          r[0], r[1], from, to, limit
        ).map((x) => ({ account: toAccount(x), earned: x.earned }))
      }),
    verify: read((s) => {
      const computed = rows<{ account_id: string; posted: number; held: number }>(
        s,
        "SELECT account_id, SUM(dp) AS posted, SUM(dh) AS held FROM (" +
          "SELECT debit_account_id AS account_id, CASE WHEN kind IN ('posted', 'post') THEN -amount ELSE 0 END AS dp, " +
          "CASE kind WHEN 'pending' THEN amount WHEN 'post' THEN -amount WHEN 'void' THEN -amount ELSE 0 END AS dh FROM points_transfers " +
          "UNION ALL SELECT credit_account_id, CASE WHEN kind IN ('posted', 'post') THEN amount ELSE 0 END, 0 FROM points_transfers" +
          ") GROUP BY account_id"
      )
      const byAccount = new Map(computed.map((c) => [c.account_id, c]))
      const entries = new Map(rows<{ account_id: string; n: number }>(s, "SELECT account_id, SUM(amount) AS n FROM points_entries GROUP BY account_id").map((e) => [e.account_id, e.n]))
      const differences: Array<BalanceDifference> = []
      let sum = 0
      let accounts = 0
      for (const a of iterateRows(s, BALANCES)) {
        accounts++
        sum += a.posted
        const c = byAccount.get(a.id) ?? { posted: 0, held: 0 }
        // The statement lines must add up to the same posted balance.
        const linesOk = (entries.get(a.id) ?? 0) === a.posted
        if (c.posted !== a.posted || c.held !== a.held || !linesOk) {
          differences.push({ accountId: a.id, stored: { posted: a.posted, held: a.held }, computed: { posted: c.posted, held: c.held } })
        }
      }
      const transfers = row<{ n: number }>(s, "SELECT COUNT(*) AS n FROM points_transfers")!.n
      return { accounts, transfers, sum, differences }
    }),

    insertHold: (hold) =>
      write((s) => {
        try {
          s.prepare(insertSql("points_holds", HOLD_COLUMNS)).run(holdRow(hold))
        } catch (error) {
          if (error instanceof Error && error.message.includes("UNIQUE")) throw duplicateId("hold", hold.id, "duplicate_hold")
          throw error
        }
      }),
    getHold: (id) => readOne((s) => Option.map(option(row<HoldRow>(s, "SELECT * FROM points_holds WHERE id = ?", id)), toHold)),
    updateHold: (hold, expectedVersion) => versioned("points_holds", HOLD_COLUMNS.filter((c) => c !== "id"), "hold", holdRow(hold), expectedVersion),
    dueHolds: (now, limit, countyId) =>
      readOne((s) =>
        (countyId === undefined
          ? rows<HoldRow>(s, "SELECT * FROM points_holds WHERE status = 'pending' AND timeout_at IS NOT NULL AND timeout_at <= ? ORDER BY timeout_at, id LIMIT ?", now, limit)
          : rows<HoldRow>(s, "SELECT * FROM points_holds WHERE status = 'pending' AND timeout_at IS NOT NULL AND timeout_at <= ? AND county_id = ? ORDER BY timeout_at, id LIMIT ?", now, countyId, limit)).map(toHold)),
    countOrders: (serviceId, from, to) =>
      readOne((s) => row<{ n: number }>(s, "SELECT COUNT(*) AS n FROM points_holds WHERE service_id = ? AND placed_at >= ? AND placed_at < ? AND status IN ('pending', 'posted')", serviceId, from, to)!.n),

    insertService: (svc) =>
      write((s) => {
        try {
          s.prepare(insertSql("points_services", SERVICE_COLUMNS)).run(serviceRow(svc))
        } catch (error) {
          // As the memory store: a taken id is the caller's conflict, not a storage failure.
          throw isUniqueViolation(error) ? duplicateId("service", svc.id) : error
        }
      }),
    getService: (id) => readOne((s) => Option.map(option(row<ServiceRow>(s, "SELECT * FROM points_services WHERE id = ?", id)), toService)),
    updateService: (svc, expectedVersion) => versioned("points_services", SERVICE_COLUMNS.filter((c) => c !== "id"), "service", serviceRow(svc), expectedVersion),
    moveStock: (serviceId, delta) =>
      write((s) => {
        try {
          s.prepare("UPDATE points_services SET stock = stock + ? WHERE id = ? AND stock IS NOT NULL").run(delta, serviceId)
        } catch (error) {
          // The CHECK (stock >= 0) refused it.
          if (!(error instanceof Error && error.message.includes("CHECK"))) throw error
          const found = row<ServiceRow>(s, "SELECT * FROM points_services WHERE id = ?", serviceId)!
          throw conflict("out_of_stock", `${found.title} has ${found.stock} left; ${-delta} asked`, `「${found.title}」仅剩 ${found.stock} 份，需要 ${-delta} 份`)
        }
      }),
    getGuard: (merchantAccountId) =>
      readOne((s) => Option.map(option(row<GuardRow>(s, "SELECT * FROM points_merchant_guards WHERE merchant_account_id = ?", merchantAccountId)), (r): MerchantGuard => ({
        merchantAccountId: r.merchant_account_id,
        failures: r.failures,
        windowStart: r.window_start,
        lockedUntil: r.locked_until,
        version: r.version
      }))),
    saveGuard: (g, expectedVersion) =>
      write((s) => {
        const changed = expectedVersion === 0
          ? s.prepare("INSERT INTO points_merchant_guards (merchant_account_id, failures, window_start, locked_until, version) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .run(g.merchantAccountId, g.failures, g.windowStart, g.lockedUntil, g.version).changes
          : s.prepare("UPDATE points_merchant_guards SET failures = ?, window_start = ?, locked_until = ?, version = ? WHERE merchant_account_id = ? AND version = ?")
            .run(g.failures, g.windowStart, g.lockedUntil, g.version, g.merchantAccountId, expectedVersion).changes
        if (changed === 0) {
          const found = row<{ version: number }>(s, "SELECT version FROM points_merchant_guards WHERE merchant_account_id = ?", g.merchantAccountId)
          throw staleVersion("merchant guard", g.merchantAccountId, expectedVersion, found?.version ?? 0)
        }
      }),
    servicesAt: (nodeIds) =>
      readOne((s) => rows<ServiceRow>(s, "SELECT * FROM points_services WHERE status = 'active' AND node_id IN (SELECT value FROM json_each(?)) ORDER BY id", JSON.stringify(nodeIds)).map(toService))
  })

  return pointsStore
}
