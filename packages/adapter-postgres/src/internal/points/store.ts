/**
 * The ledger port on PostgreSQL. `commit` is in `ledger.ts`; the rest are point reads, pages
 * and aggregates over the accounts' materialised paths, and versioned writes.
 */
import {
  type BalanceDifference,
  conflict,
  type Entry,
  type GridNodeId,
  type MerchantGuard,
  PointsConfig,
  PointsStore,
  type CatalogService,
  staleVersion,
  type TransferCode
} from "@mulin/core"
import { Effect, Option, Schema } from "effect"
import { type PostgresDatabase, type PreparedStatement, prepared } from "../../PostgresDatabase.js"
import { upperBound } from "../kernel/paths.js"
import { inTransaction, keep } from "../kernel/runner.js"
import { keptNodeKey, NODE_ALONG, nodeAlong, qualified } from "../grid/rows.js"
import { classify, insertJson, insertRows } from "../kernel/sql.js"
import { commitTransfers } from "./ledger.js"
import { ACCOUNT, type AccountRow, accountRow, HOLD, holdRow, type HoldRow, SERVICE, serviceRow, toAccount, toHold, toTransfer, TRANSFER, type TransferRow } from "./rows.js"

/**
 * `PointsStore.accountsAt`: the accounts without a holder of one kind at some nodes, read from
 * the partial index `points_accounts_node` (never the whole table: see the port's contract).
 */
export const ACCOUNTS_AT = `SELECT ${ACCOUNT} FROM points_accounts WHERE owner_id IS NULL AND county_id = $1 AND node_id = ANY($2::text[]) AND kind = $3`

const decodeConfig = Schema.decodeUnknownSync(Schema.fromJsonString(PointsConfig))
const first = <A>(rows: ReadonlyArray<A>): Option.Option<A> => (rows.length === 0 ? Option.none() : Option.some(rows[0]!))

const HOLD_COLUMNS = Object.keys(holdRow({ cause: null } as never))
const SERVICE_COLUMNS = Object.keys(serviceRow({} as never))
const INSERT_ACCOUNT = insertJson("points_accounts", Object.keys(accountRow({ path: [] } as never)))
const INSERT_HOLD = insertJson("points_holds", HOLD_COLUMNS)
const INSERT_SERVICE = insertJson("points_services", SERVICE_COLUMNS)

/** `UPDATE … SET every column but the keys … WHERE county_id AND id AND version`, from a row object. */
const versionedUpdate = (table: string, columns: ReadonlyArray<string>) => {
  const set = columns.filter((c) => c !== "id" && c !== "county_id")
  return {
    sql: `UPDATE ${table} SET ${set.map((c, i) => `${c} = $${i + 3}`).join(", ")} WHERE county_id = $1 AND id = $2 AND version = $${set.length + 3}`,
    args: (row: Record<string, unknown>, expected: number) => [row["county_id"], row["id"], ...set.map((c) => row[c]), expected]
  }
}
const UPDATE_HOLD = versionedUpdate("points_holds", HOLD_COLUMNS)
const UPDATE_SERVICE = versionedUpdate("points_services", SERVICE_COLUMNS)

/** Accounts by id, alone or with their nodes (see `accountsWithNodes`). */
const accountsBy = (where: string) => ({
  plain: prepared(`SELECT ${ACCOUNT} FROM points_accounts WHERE ${where}`),
  along: prepared(`SELECT ${qualified(ACCOUNT, "a")}, ${NODE_ALONG} FROM points_accounts a LEFT JOIN nodes n ON n.county_id = a.county_id AND n.id = a.node_id WHERE a.${where}`)
})
const ACCOUNT_AND_NODE_BY_ID = accountsBy("id = $1")
const ACCOUNTS_AND_NODES = accountsBy("id = ANY($1::text[])")

/** An account's row without the columns of its node. */
const withoutNode = (r: Record<string, unknown>): AccountRow => {
  const row: Record<string, unknown> = {}
  for (const key in r) if (!key.startsWith("node.")) row[key] = r[key]
  return row as AccountRow
}

/** Makes the ledger store over an open database. */
export const makePointsStore = (db: PostgresDatabase["Service"]): PointsStore["Service"] => {
  const q = db.query
  const one = <R, A>(sql: string, args: ReadonlyArray<unknown>, f: (r: R) => A) => Effect.map(q<R>(sql, args), (rows) => Option.map(first(rows), f))
  const number = (sql: string, args: ReadonlyArray<unknown>) => Effect.map(q<{ n: number }>(sql, args), (rows) => rows[0]?.n ?? 0)

  /**
   * Accounts by id. Inside a unit of work, their nodes are read in the same statement and kept
   * for the scope check that follows (the directory's `getPlace(s)` in the same transaction).
   */
  const accountsWithNodes = (statement: { readonly plain: PreparedStatement; readonly along: PreparedStatement }, ids: string | ReadonlyArray<string>) =>
    Effect.flatMap(inTransaction(db.pool), (inside) =>
      inside
        ? Effect.flatMap(q<AccountRow & Record<string, unknown>>(statement.along, [ids]), (rows) => {
          const nodes = rows.flatMap((r) => {
            const node = nodeAlong(r)
            return node === undefined ? [] : [[keptNodeKey(node.id), node] as const]
          })
          return Effect.as(keep(db.pool, nodes), rows.map((r) => toAccount(withoutNode(r))))
        })
        : Effect.map(q<AccountRow>(statement.plain, [ids]), (rows) => rows.map(toAccount)))

  /** The path range of a grid node's subtree, or undefined when there is no such node. */
  const range = (rootId: GridNodeId) =>
    Effect.map(q<{ path: string }>("SELECT path FROM nodes WHERE id = $1", [rootId]), ([found]) => (found === undefined ? undefined : [found.path, upperBound(found.path)] as const))

  const versioned = (table: string, update: ReturnType<typeof versionedUpdate>, entity: string, row: Record<string, unknown> & { id: string }, expected: number) =>
    db.write(Effect.flatMap(db.change(update.sql, update.args(row, expected)), (changed) =>
      changed > 0
        ? Effect.void
        : Effect.flatMap(number(`SELECT version AS n FROM ${table} WHERE id = $1`, [row.id]), (found) => Effect.fail(staleVersion(entity, row.id, expected, found)))))

  const staleUnless = (changed: number, entity: string, id: string, expected: number, current: string, args: ReadonlyArray<unknown>) =>
    changed > 0 ? Effect.void : Effect.flatMap(number(current, args), (found) => Effect.fail(staleVersion(entity, id, expected, found)))

  return PointsStore.of({
    getConfig: (countyId) =>
      one("SELECT config, version FROM points_config WHERE county_id = $1", [countyId], (r: { config: string; version: number }) => ({ config: decodeConfig(r.config), version: r.version })),
    saveConfig: (countyId, config, expected) =>
      db.write(Effect.gen(function*() {
        const json = JSON.stringify(config)
        const changed = expected === 0
          ? yield* db.change("INSERT INTO points_config (county_id, config, version) VALUES ($1, $2, 1) ON CONFLICT DO NOTHING", [countyId, json])
          : yield* db.change("UPDATE points_config SET config = $2, version = version + 1 WHERE county_id = $1 AND version = $3", [countyId, json, expected])
        yield* staleUnless(changed, "points configuration", countyId, expected, "SELECT version AS n FROM points_config WHERE county_id = $1", [countyId])
      })),

    insertAccount: (a) =>
      Effect.mapError(insertRows(db, INSERT_ACCOUNT, [a], accountRow, () => ({ entity: "account", id: a.id, codeTaken: ["", ""] })), (e) =>
        e._tag === "Conflict" && e.reason === "duplicate_code"
          ? conflict("duplicate_account", `the county already has a ${a.kind} account for this holder`, "本区县已有该持有人的同类账户")
          : e),
    getAccount: (id) => Effect.map(accountsWithNodes(ACCOUNT_AND_NODE_BY_ID, id), (found) => first(found)),
    getAccounts: (ids) => (ids.length === 0 ? Effect.succeed([]) : accountsWithNodes(ACCOUNTS_AND_NODES, [...new Set(ids)])),
    findAccount: (countyId, kind, ownerId) =>
      one(`SELECT ${ACCOUNT} FROM points_accounts WHERE county_id = $1 AND kind = $2 AND owner_id = $3`, [countyId, kind, ownerId], toAccount),
    // The partial index of accounts without a holder (county_id, node_id, kind): never a scan of every account.
    accountsAt: (countyId, nodeIds, kind) =>
      nodeIds.length === 0
        ? Effect.succeed([])
        : Effect.map(
          q<AccountRow>(ACCOUNTS_AT, [countyId, [...nodeIds], kind]),
          (rows) => rows.map(toAccount)
        ),
    listAccounts: (countyId, kind, cursor) => {
      const limit = Math.max(1, Math.floor(cursor.limit))
      return Effect.map(
        q<AccountRow>(`SELECT ${ACCOUNT} FROM points_accounts WHERE county_id = $1 AND kind = $2 AND id > $3 ORDER BY id LIMIT $4`, [countyId, kind, cursor.after ?? "", limit + 1]),
        (found) => {
          const items = found.slice(0, limit).map(toAccount)
          return { items, next: found.length > limit ? items[items.length - 1]!.id : null }
        }
      )
    },

    getTransfers: (ids) =>
      ids.length === 0 ? Effect.succeed([]) : Effect.map(q<TransferRow>(`SELECT ${TRANSFER} FROM points_transfers WHERE id = ANY($1::text[]) ORDER BY seq`, [[...ids]]), (rows) => rows.map(toTransfer)),
    commit: (transfers) => commitTransfers(db, transfers),
    transfers: (after, limit) => Effect.map(q<TransferRow>(`SELECT ${TRANSFER} FROM points_transfers WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, limit]), (rows) => rows.map(toTransfer)),
    earned: (accountId, category, from, to) =>
      category === null
        ? number("SELECT coalesce(sum(amount), 0) AS n FROM points_entries WHERE account_id = $1 AND code = 'earn' AND amount > 0 AND at >= $2 AND at < $3", [accountId, from, to])
        : number("SELECT coalesce(sum(amount), 0) AS n FROM points_entries WHERE account_id = $1 AND code = 'earn' AND amount > 0 AND category = $4 AND at >= $2 AND at < $3", [accountId, from, to, category]),
    expiryBasis: (accountId, cutoff) =>
      Effect.map(
        q<{ creditsBefore: number; debitsTotal: number }>(
          `SELECT coalesce(sum(CASE WHEN amount > 0 AND at < $2 THEN amount ELSE 0 END), 0) AS "creditsBefore", coalesce(sum(CASE WHEN amount < 0 THEN -amount ELSE 0 END), 0) AS "debitsTotal" FROM points_entries WHERE account_id = $1`,
          [accountId, cutoff]
        ),
        (rows) => rows[0]!
      ),
    // The cursor is `<seq>:<balance>`: the last line's seq, and the posted balance right after the line before it.
    statement: (accountId, cursor) =>
      db.read(Effect.gen(function*() {
        const limit = Math.max(1, Math.floor(cursor.limit))
        let before = Number.MAX_SAFE_INTEGER
        let balance: number
        if (cursor.after === undefined) {
          balance = yield* number("SELECT posted AS n FROM points_accounts WHERE id = $1", [accountId])
        } else {
          const [seqText, balanceText] = cursor.after.split(":")
          before = Number(seqText)
          balance = Number(balanceText)
          if (!Number.isSafeInteger(before) || !Number.isSafeInteger(balance)) return { items: [], next: null }
        }
        const found = yield* q<TransferRow & { entry_amount: number }>(
          `SELECT e.amount AS entry_amount, ${TRANSFER.split(", ").map((c) => `t.${c}`).join(", ")} FROM points_entries e JOIN points_transfers t ON t.county_id = e.county_id AND t.seq = e.seq ` +
            "WHERE e.account_id = $1 AND e.seq < $2 ORDER BY e.seq DESC LIMIT $3",
          [accountId, before, limit + 1]
        )
        const items: Array<Entry> = []
        for (const r of found.slice(0, limit)) {
          const { entry_amount, ...transfer } = r
          items.push({ transfer: toTransfer(transfer), amount: entry_amount, balance })
          balance -= entry_amount
        }
        return { items, next: found.length > limit ? `${items[items.length - 1]!.transfer.seq}:${balance}` : null }
      })),
    movements: (rootId, from, to) =>
      db.read(Effect.gen(function*() {
        const r = yield* range(rootId)
        if (r === undefined) return { byCode: [], outstanding: 0 }
        const byCode = yield* q<{ code: TransferCode; credits: number; debits: number }>(
          "SELECT e.code, sum(CASE WHEN e.amount > 0 THEN e.amount ELSE 0 END) AS credits, sum(CASE WHEN e.amount < 0 THEN -e.amount ELSE 0 END) AS debits " +
            "FROM points_accounts a JOIN points_entries e ON e.county_id = a.county_id AND e.account_id = a.id " +
            "WHERE a.path >= $1 AND a.path < $2 AND a.kind <> 'issuer' AND e.at >= $3 AND e.at < $4 GROUP BY e.code ORDER BY e.code",
          [r[0], r[1], from, to]
        )
        const outstanding = yield* number("SELECT coalesce(sum(posted), 0) AS n FROM points_accounts WHERE path >= $1 AND path < $2 AND kind <> 'issuer'", [r[0], r[1]])
        return { byCode, outstanding }
      })),
    leaderboard: (rootId, from, to, limit) =>
      db.read(Effect.gen(function*() {
        const r = yield* range(rootId)
        if (r === undefined) return []
        const rows = yield* q<AccountRow & { earned: number }>(
          // Earned, less the awards reversed in the period.
          `SELECT ${ACCOUNT.split(", ").map((c) => `a.${c}`).join(", ")}, sum(e.amount) AS earned FROM points_accounts a JOIN points_entries e ON e.county_id = a.county_id AND e.account_id = a.id ` +
            "WHERE a.path >= $1 AND a.path < $2 AND a.kind = 'person' AND ((e.code = 'earn' AND e.amount > 0) OR (e.code = 'reverse' AND e.amount < 0)) AND e.at >= $3 AND e.at < $4 " +
            "GROUP BY a.county_id, a.id HAVING sum(e.amount) > 0 ORDER BY earned DESC, a.id LIMIT $5",
          [r[0], r[1], from, to, limit]
        )
        return rows.map(({ earned, ...account }) => ({ account: toAccount(account), earned }))
      })),
    verify: db.read(Effect.gen(function*() {
      const computed = yield* q<{ account_id: string; posted: number; held: number }>(
        "SELECT account_id, sum(dp) AS posted, sum(dh) AS held FROM (" +
          "SELECT debit_account_id AS account_id, CASE WHEN kind IN ('posted', 'post') THEN -amount ELSE 0 END AS dp, " +
          "CASE kind WHEN 'pending' THEN amount WHEN 'post' THEN -amount WHEN 'void' THEN -amount ELSE 0 END AS dh FROM points_transfers " +
          "UNION ALL SELECT credit_account_id, CASE WHEN kind IN ('posted', 'post') THEN amount ELSE 0 END, 0 FROM points_transfers" +
          ") x GROUP BY account_id"
      )
      const byAccount = new Map(computed.map((c) => [c.account_id, c]))
      const entries = new Map((yield* q<{ account_id: string; n: number }>("SELECT account_id, sum(amount) AS n FROM points_entries GROUP BY account_id")).map((e) => [e.account_id, e.n]))
      const differences: Array<BalanceDifference> = []
      let sum = 0
      const balances = yield* q<{ id: string; posted: number; held: number }>("SELECT id, posted, held FROM points_accounts")
      for (const a of balances) {
        sum += a.posted
        const c = byAccount.get(a.id) ?? { posted: 0, held: 0 }
        const linesOk = (entries.get(a.id) ?? 0) === a.posted
        if (c.posted !== a.posted || c.held !== a.held || !linesOk) {
          differences.push({ accountId: a.id as BalanceDifference["accountId"], stored: { posted: a.posted, held: a.held }, computed: { posted: c.posted, held: c.held } })
        }
      }
      const transfers = yield* number("SELECT count(*) AS n FROM points_transfers", [])
      return { accounts: balances.length, transfers, sum, differences }
    })),

    insertHold: (hold) => insertRows(db, INSERT_HOLD, [hold], holdRow, () => ({ entity: "hold", id: hold.id, reason: "duplicate_hold", codeTaken: ["", ""] })).pipe(
      Effect.mapError((e) => (e._tag === "Conflict" ? conflict("duplicate_hold", `hold ${hold.id} already exists`, `冻结 ${hold.id} 已存在`) : e))
    ),
    getHold: (id) => one(`SELECT ${HOLD} FROM points_holds WHERE id = $1`, [id], toHold),
    updateHold: (hold, expected) => versioned("points_holds", UPDATE_HOLD, "hold", holdRow(hold), expected),
    dueHolds: (now, limit, countyId) =>
      Effect.map(
        countyId === undefined
          ? q<HoldRow>(`SELECT ${HOLD} FROM points_holds WHERE status = 'pending' AND timeout_at IS NOT NULL AND timeout_at <= $1 ORDER BY timeout_at, id LIMIT $2`, [now, limit])
          : q<HoldRow>(`SELECT ${HOLD} FROM points_holds WHERE status = 'pending' AND timeout_at IS NOT NULL AND timeout_at <= $1 AND county_id = $3 ORDER BY timeout_at, id LIMIT $2`, [now, limit, countyId]),
        (rows) => rows.map(toHold)
      ),
    countOrders: (serviceId, from, to) =>
      number("SELECT count(*) AS n FROM points_holds WHERE service_id = $1 AND placed_at >= $2 AND placed_at < $3 AND status IN ('pending', 'posted')", [serviceId, from, to]),

    insertService: (svc) => insertRows(db, INSERT_SERVICE, [svc], serviceRow, () => ({ entity: "service", id: svc.id, codeTaken: ["", ""] })),
    getService: (id) => one(`SELECT ${SERVICE} FROM points_services WHERE id = $1`, [id], (r: CatalogService) => r),
    updateService: (svc, expected) => versioned("points_services", UPDATE_SERVICE, "service", serviceRow(svc), expected),
    moveStock: (serviceId, delta) =>
      db.write(
        db.run("UPDATE points_services SET stock = stock + $2 WHERE id = $1 AND stock IS NOT NULL", [serviceId, delta]).pipe(
          Effect.asVoid,
          Effect.catch((error) =>
            // The CHECK (stock >= 0) refused it.
            (error as { code?: string }).code === "23514"
              ? Effect.flatMap(q<{ title: string; stock: number }>("SELECT title, stock FROM points_services WHERE id = $1", [serviceId]), ([found]) =>
                Effect.fail(conflict("out_of_stock", `${found!.title} has ${found!.stock} left; ${-delta} asked`, `「${found!.title}」仅剩 ${found!.stock} 份，需要 ${-delta} 份`)))
              : Effect.fail(classify(error))
          )
        )
      ),
    getGuard: (merchantAccountId) =>
      one(
        `SELECT merchant_account_id AS "merchantAccountId", failures, window_start AS "windowStart", locked_until AS "lockedUntil", version FROM points_merchant_guards WHERE merchant_account_id = $1`,
        [merchantAccountId],
        (r: MerchantGuard) => r
      ),
    saveGuard: (g, expected) =>
      db.write(Effect.gen(function*() {
        const changed = expected === 0
          // A guard carries no county: it takes its merchant account's.
          ? yield* db.change(
            "INSERT INTO points_merchant_guards (county_id, merchant_account_id, failures, window_start, locked_until, version) " +
              "SELECT coalesce((SELECT county_id FROM points_accounts WHERE id = $1), ''), $1, $2, $3, $4, $5 ON CONFLICT DO NOTHING",
            [g.merchantAccountId, g.failures, g.windowStart, g.lockedUntil, g.version]
          )
          : yield* db.change(
            "UPDATE points_merchant_guards SET failures = $2, window_start = $3, locked_until = $4, version = $5 WHERE merchant_account_id = $1 AND version = $6",
            [g.merchantAccountId, g.failures, g.windowStart, g.lockedUntil, g.version, expected]
          )
        yield* staleUnless(changed, "merchant guard", g.merchantAccountId, expected, "SELECT version AS n FROM points_merchant_guards WHERE merchant_account_id = $1", [g.merchantAccountId])
      })),
    servicesAt: (nodeIds) =>
      nodeIds.length === 0
        ? Effect.succeed([])
        : q<CatalogService>(`SELECT ${SERVICE} FROM points_services WHERE status = 'active' AND node_id = ANY($1::text[]) ORDER BY id`, [[...nodeIds]])
  })
}

