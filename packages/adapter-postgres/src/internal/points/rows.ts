/**
 * The ledger's rows on PostgreSQL, selected under the core models' field names where the
 * shapes agree; the rest (paths, causes, the `locked` flag) mapped here.
 */
import type { Account, CatalogService, GridNodeId, Hold, StoredTransfer } from "@mulin/core"
import { type CauseColumns, causeOf } from "@mulin/sql"
export { accountRow, holdRow, serviceRow } from "@mulin/sql"
import { fromPath } from "../kernel/paths.js"

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
type Caused = CauseColumns
export type TransferRow = Omit<StoredTransfer, "cause"> & Caused
export type HoldRow = Omit<Hold, "cause" | "locked"> & Caused & { readonly locked: number }

const withoutCause = <R extends Caused>(r: R): Omit<R, keyof Caused> => {
  const { cause_id: _id, cause_type: _type, ...rest } = r
  return rest
}

export const toAccount = (r: AccountRow): Account => ({ ...r, path: fromPath<GridNodeId>(r.path) })
export const toTransfer = (r: TransferRow): StoredTransfer => ({ ...withoutCause(r), cause: causeOf(r) } as StoredTransfer)
export const toHold = (r: HoldRow): Hold => ({ ...withoutCause(r), cause: causeOf(r), locked: r.locked === 1 } as Hold)
export const toService = (r: CatalogService): CatalogService => r
