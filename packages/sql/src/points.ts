/**
 * The ledger's rows: accounts (with the materialised path of their node), holds (the cause
 * as two columns, `locked` as 0/1 in both dialects) and the catalogue's services. Transfers
 * and entries are written by the adapters' own positional statements, the hot path.
 */
import type { Account, CatalogService, Hold } from "@mulin/core"
import { toPath } from "./paths.js"

/**
 * The row of an account.
 *
 * @category points
 * @since 0.5.0
 */
export const accountRow = (a: Account) => ({
  id: a.id,
  county_id: a.countyId,
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

/**
 * A row of `points_accounts`.
 *
 * @category points
 * @since 0.5.0
 */
export type AccountRow = ReturnType<typeof accountRow>

/**
 * The cause columns of a transfer's or a hold's row.
 *
 * @category points
 * @since 0.5.0
 */
export interface CauseColumns<T extends string = string> {
  readonly cause_type: T | null
  readonly cause_id: string | null
}

/**
 * The cause of a row's {@link CauseColumns}: none when it has no type.
 *
 * @category points
 * @since 0.5.0
 */
export const causeOf = <T extends string>(r: CauseColumns<T>): { readonly type: T; readonly id: string } | null =>
  r.cause_type === null ? null : { type: r.cause_type, id: r.cause_id ?? "" }

/**
 * The row of a hold.
 *
 * @category points
 * @since 0.5.0
 */
export const holdRow = (h: Hold) => ({
  id: h.id,
  county_id: h.countyId,
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

/**
 * A row of `points_holds`.
 *
 * @category points
 * @since 0.5.0
 */
export type HoldRow = ReturnType<typeof holdRow>

/**
 * The row of a catalogue service.
 *
 * @category points
 * @since 0.5.0
 */
export const serviceRow = (s: CatalogService) => ({
  id: s.id,
  county_id: s.countyId,
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

/**
 * A row of `points_services`.
 *
 * @category points
 * @since 0.5.0
 */
export type ServiceRow = ReturnType<typeof serviceRow>
