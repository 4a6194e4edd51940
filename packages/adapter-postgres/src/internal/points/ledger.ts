/**
 * `commit` on PostgreSQL: per transfer one statement that inserts the transfer, applies both
 * sides to the balances and writes the entries (a data-modifying `WITH`), in order, under one
 * savepoint per call (a batch is all or none).
 *
 * - The floor is the CHECK `points_floor` on `points_accounts`; the database refuses a debit
 *   that breaks it, and the refusal becomes the core's `insufficient_points` with the amounts.
 *   Two units of work debiting one account concurrently update the same row: the second waits
 *   for the first's row lock and then fails to serialise, and runs again on the new balance.
 * - `seq` must increase in commit order (a reader pages the ledger by `seq`), and sequence
 *   values are handed out at insert, not at commit. So a commit first takes a
 *   transaction-scoped advisory lock ({@link LEDGER_LOCK}), in the statement of its first
 *   transfer, before the seq is drawn, and held until its unit of work ends:
 *   ledger commits are serialised from their first transfer to their commit, and seqs
 *   become visible in order.
 * - A transfer carries no county: it takes its debit account's, and the foreign keys
 *   (county, account) refuse a credit account of another county or none.
 */
import { conflict, duplicateId, effectOf, insufficientPoints, type StoredTransfer, type Transfer } from "@mulin/core"
import { Effect } from "effect"
import { type PostgresDatabase, prepared } from "../../PostgresDatabase.js"
import { sqlState } from "../kernel/runner.js"
import { classify } from "../kernel/sql.js"
import { ACCOUNT, type AccountRow, toAccount } from "./rows.js"

/** The advisory lock key of ledger commits (`'ledg'` in ASCII). */
export const LEDGER_LOCK = 0x6c656467

// The lock is taken in the statement itself: the inserted row needs the row of `l`, so the lock
// is held before the row's seq is drawn (the seq's default is computed once the row is made).
const COMMIT = prepared(`WITH l AS MATERIALIZED (SELECT pg_advisory_xact_lock(${LEDGER_LOCK}) AS locked), t AS (
  INSERT INTO points_transfers (county_id, id, kind, debit_account_id, credit_account_id, amount, code, category, memo, cause_type, cause_id, pending_id, reverses_id, timeout_at, actor_id, at)
  SELECT a.county_id, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15 FROM l, points_accounts a WHERE a.id = $3
  RETURNING county_id, seq
), d AS (
  UPDATE points_accounts SET posted = posted + $16, held = held + $17 WHERE county_id = (SELECT county_id FROM t) AND id = $3 RETURNING id
), c AS (
  UPDATE points_accounts SET posted = posted + $18 WHERE county_id = (SELECT county_id FROM t) AND id = $4 RETURNING id
), e AS (
  INSERT INTO points_entries (county_id, account_id, seq, amount, code, category, at)
  SELECT t.county_id, x.account_id, t.seq, x.amount, $6, $7, $15 FROM t, (VALUES ($3, $16::bigint), ($4, $18::bigint)) AS x (account_id, amount) WHERE x.amount <> 0
)
SELECT (SELECT seq FROM t) AS seq, (SELECT count(*) FROM d) AS debited, (SELECT count(*) FROM c) AS credited`)

const unknownAccount = (t: Transfer, accountId: string) =>
  conflict("unknown_account", `transfer ${t.id} names account ${accountId}, which does not exist`, `转账 ${t.id} 涉及不存在的账户 ${accountId}`)

/** The floor refused transfer `t`: read the account once the refused write is undone. */
class FloorRefused {
  constructor(readonly transfer: Transfer) {}
}

/** The conflict a refused transfer means, or the error itself. */
const clash = (t: Transfer, error: unknown) => {
  const code = sqlState(error)
  const constraint = (error as { constraint?: string }).constraint ?? ""
  if (code === "23505") {
    if (constraint === "points_transfers_pending") {
      return conflict("pending_resolved", `pending transfer ${t.pendingId} is already posted or voided`, `冻结转账 ${t.pendingId} 已入账或已撤销`)
    }
    if (constraint === "points_transfers_reverses") {
      return conflict("already_reversed", `transfer ${t.reversesId} is already reversed`, `转账 ${t.reversesId} 已被冲正`)
    }
    return duplicateId("transfer", t.id, "duplicate_transfer")
  }
  if (code === "23503") return unknownAccount(t, t.creditAccountId)
  if (code === "23514" && constraint === "points_floor") return new FloorRefused(t)
  return classify(error)
}

/** Applies transfers in order; fails with the conflict of the first that cannot be applied. */
export const commitTransfers = (db: PostgresDatabase["Service"], transfers: ReadonlyArray<Transfer>) =>
  db.write(Effect.gen(function*() {
    const out: Array<StoredTransfer> = []
    for (const t of transfers) {
      const [debit, credit] = effectOf(t)
      const { rows: [row] } = yield* Effect.mapError(
        db.run<{ seq: number | null; debited: number; credited: number }>(COMMIT, [
          t.id, t.kind, t.debitAccountId, t.creditAccountId, t.amount, t.code, t.category, t.memo, t.cause?.type ?? null, t.cause?.id ?? null,
          t.pendingId, t.reversesId, t.timeoutAt, t.actorId, t.at, debit.posted, debit.held, credit.posted
        ]),
        (error) => clash(t, error)
      )
      if (row === undefined || row.seq === null || row.debited === 0) return yield* Effect.fail(unknownAccount(t, t.debitAccountId))
      if (row.credited === 0) return yield* Effect.fail(unknownAccount(t, t.creditAccountId))
      out.push({ ...t, seq: row.seq })
    }
    return out
  })).pipe(
    Effect.catch((e) =>
      e instanceof FloorRefused
        ? Effect.flatMap(db.query<AccountRow>(`SELECT ${ACCOUNT} FROM points_accounts WHERE id = $1`, [e.transfer.debitAccountId]), ([row]) => {
          const account = toAccount(row!)
          return Effect.fail(insufficientPoints(account, account, e.transfer.amount))
        })
        : Effect.fail(e)
    )
  )
