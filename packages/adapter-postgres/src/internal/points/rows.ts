/**
 * The ledger's rows on PostgreSQL, selected under the core models' field names where the
 * shapes agree; the rest (paths, causes, the `locked` flag) mapped here.
 */
import type { Account, CatalogService, GridNodeId, Hold, StoredTransfer } from "@mulin/core"
import { fromPath, toPath } from "../kernel/paths.js"

export const ACCOUNT =
  `id, county_id AS "countyId", node_id AS "nodeId", path, kind, owner_id AS "ownerId", name, floor, posted, held, created_at AS "createdAt"`
export const TRANSFER =
  `seq, id, kind, debit_account_id AS "debitAccountId", credit_account_id AS "creditAccountId", amount, code, category, memo, cause_type, cause_id, ` +
  `pending_id AS "pendingId", reverses_id AS "reversesId", timeout_at AS "timeoutAt", actor_id AS "actorId", at`
export const HOLD =
  `id, county_id AS "countyId", purpose, account_id AS "accountId", credit_account_id AS "creditAccountId", merchant_account_id AS "merchantAccountId", amount, ` +
  `service_id AS "serviceId", quantity, cash_fen AS "cashFen", cause_type, cause_id, code_hash AS "codeHash", code_salt AS "codeSalt", ` +
  `failed_attempts AS "failedAttempts", locked, status, placed_at AS "placedAt", timeout_at AS "timeoutAt", resolution_id AS "resolutionId", resolved_at AS "resolvedAt", version`
export const SERVICE =
  `id, county_id AS "countyId", node_id AS "nodeId", merchant_account_id AS "merchantAccountId", title, description, price_points AS "pricePoints", ` +
  `cash_fen AS "cashFen", stock, daily_capacity AS "dailyCapacity", status, version, created_at AS "createdAt", updated_at AS "updatedAt"`

export type AccountRow = Omit<Account, "path"> & { readonly path: string }
interface Caused {
  readonly cause_type: string | null
  readonly cause_id: string | null
}
export type TransferRow = Omit<StoredTransfer, "cause"> & Caused
export type HoldRow = Omit<Hold, "cause" | "locked"> & Caused & { readonly locked: number }

const causeOf = (r: Caused) => (r.cause_type === null ? null : { type: r.cause_type, id: r.cause_id ?? "" })
const withoutCause = <R extends Caused>(r: R): Omit<R, keyof Caused> => {
  const { cause_id: _id, cause_type: _type, ...rest } = r
  return rest
}

export const toAccount = (r: AccountRow): Account => ({ ...r, path: fromPath<GridNodeId>(r.path) })
export const toTransfer = (r: TransferRow): StoredTransfer => ({ ...withoutCause(r), cause: causeOf(r) } as StoredTransfer)
export const toHold = (r: HoldRow): Hold => ({ ...withoutCause(r), cause: causeOf(r), locked: r.locked === 1 } as Hold)
export const toService = (r: CatalogService): CatalogService => r

export const accountRow = (a: Account) => ({
  county_id: a.countyId,
  id: a.id,
  node_id: a.nodeId,
  path: toPath(a.path),
  kind: a.kind,
  owner_id: a.ownerId,
  name: a.name,
  floor: a.floor,
  posted: a.posted,
  held: a.held,
  created_at: a.createdAt
})

export const holdRow = (h: Hold) => ({
  county_id: h.countyId,
  id: h.id,
  purpose: h.purpose,
  account_id: h.accountId,
  credit_account_id: h.creditAccountId,
  merchant_account_id: h.merchantAccountId,
  amount: h.amount,
  service_id: h.serviceId,
  quantity: h.quantity,
  cash_fen: h.cashFen,
  cause_type: h.cause?.type ?? null,
  cause_id: h.cause?.id ?? null,
  code_hash: h.codeHash,
  code_salt: h.codeSalt,
  failed_attempts: h.failedAttempts,
  locked: h.locked ? 1 : 0,
  status: h.status,
  placed_at: h.placedAt,
  timeout_at: h.timeoutAt,
  resolution_id: h.resolutionId,
  resolved_at: h.resolvedAt,
  version: h.version
})

export const serviceRow = (s: CatalogService) => ({
  county_id: s.countyId,
  id: s.id,
  node_id: s.nodeId,
  merchant_account_id: s.merchantAccountId,
  title: s.title,
  description: s.description,
  price_points: s.pricePoints,
  cash_fen: s.cashFen,
  stock: s.stock,
  daily_capacity: s.dailyCapacity,
  status: s.status,
  version: s.version,
  created_at: s.createdAt,
  updated_at: s.updatedAt
})
