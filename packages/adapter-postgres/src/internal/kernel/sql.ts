/**
 * Small helpers every PostgreSQL store shares: bulk inserts from one JSON parameter, unique
 * violations as the core's conflicts, pages by key.
 */
import { Conflict, conflict, duplicateId, type Page, storageError, type StorageError } from "@mulin/core"
import type { Duplicate } from "@mulin/sql"
import { Effect } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { sqlState } from "./runner.js"

/**
 * `INSERT INTO table (columns) SELECT … FROM json_populate_recordset(NULL::table, $1)`: any
 * number of rows in one statement and one parameter (the CSV importer sends thousands).
 */
export const insertJson = (table: string, columns: ReadonlyArray<string>): string =>
  `INSERT INTO ${table} (${columns.join(", ")}) SELECT ${columns.join(", ")} FROM json_populate_recordset(NULL::${table}, $1::json)`

/** What a write found already taken, to say so in the conflict. */
export type { Duplicate }

/** Whether a driver error is a unique violation. */
export const isUniqueViolation = (error: unknown): error is Error & { readonly constraint?: string; readonly detail?: string } => sqlState(error) === "23505"

/**
 * The conflict a unique violation of `items` means, or the error itself. A clash on the
 * primary key (`<table>_pkey`) is a taken id; any other a taken natural key. The clashing
 * item is the one whose id the server's detail names (else the first).
 */
export const asDuplicate = <A extends { readonly id: string }>(
  error: unknown,
  items: ReadonlyArray<A>,
  duplicate: (a: A) => Duplicate,
  toRow?: (a: A) => Record<string, unknown>
): unknown => {
  if (!isUniqueViolation(error) || items.length === 0) return error
  const detail = error.detail ?? ""
  const item = items.find((i) => detail.includes(i.id)) ?? items.find((i) => detail.includes(duplicate(i).id)) ??
    (toRow === undefined ? undefined : byKey(detail, items, toRow)) ?? items[0]!
  const d = duplicate(item)
  if ((error.constraint ?? "").endsWith("_pkey")) return duplicateId(d.entity, d.id)
  return conflict(d.reason ?? "duplicate_code", d.codeTaken[0], d.codeTaken[1])
}

/**
 * The item whose columns hold the key a unique violation's detail names
 * (`Key (county_id, node_id, code)=(…, …, 101) already exists.`), if one does.
 */
const byKey = <A>(detail: string, items: ReadonlyArray<A>, toRow: (a: A) => Record<string, unknown>): A | undefined => {
  const m = /^Key \(([^)]*)\)=\((.*)\) already exists/.exec(detail)
  if (m === null) return undefined
  const columns = m[1]!.split(", ")
  const values = m[2]!.split(", ")
  if (columns.length !== values.length) return undefined
  return items.find((item) => {
    const row = toRow(item)
    return columns.every((c, i) => String(row[c]) === values[i])
  })
}

/** Runs `statement` with one JSON array of rows; a unique violation becomes the conflict of the clashing item. */
export const insertRows = <A extends { readonly id: string }>(
  db: PostgresDatabase["Service"],
  statement: string,
  items: ReadonlyArray<A>,
  toRow: (a: A) => Record<string, unknown>,
  duplicate: (a: A) => Duplicate
) =>
  items.length === 0
    ? Effect.void
    : db.write(Effect.asVoid(Effect.mapError(db.run(statement, [JSON.stringify(items.map(toRow))]), (e) => classify(asDuplicate(e, items, duplicate, toRow)))))

/** A table and the columns a bulk write fills. */
export interface Columns {
  readonly table: string
  readonly columns: ReadonlyArray<string>
  /** The JSON statement ({@link insertJson}) for writes too small to copy. */
  readonly json: string
}

/** The columns of `table` a bulk write fills. */
export const columnsOf = (table: string, columns: ReadonlyArray<string>): Columns => ({ table, columns, json: insertJson(table, columns) })

/** From this many rows on, a bulk write goes through `COPY … FROM STDIN`; below, one JSON statement costs less. */
export const COPY_FROM = 64

/**
 * Inserts `items`: many through `COPY … FROM STDIN`, a few through one JSON statement; a
 * unique violation becomes the conflict of the clashing item, either way.
 */
export const insertMany = <A extends { readonly id: string }>(
  db: PostgresDatabase["Service"],
  target: Columns,
  items: ReadonlyArray<A>,
  toRow: (a: A) => Record<string, unknown>,
  duplicate: (a: A) => Duplicate
) => {
  if (items.length < COPY_FROM) return insertRows(db, target.json, items, toRow, duplicate)
  const rows = items.map((item) => {
    const row = toRow(item)
    return target.columns.map((c) => row[c])
  })
  return db.write(Effect.asVoid(Effect.mapError(db.copy(target.table, target.columns, rows), (e) => classify(asDuplicate(e, items, duplicate, toRow)))))
}

/** A conflict stays one; any other driver error is a `StorageError`. */
export const classify = (e: unknown): Conflict | StorageError => (e instanceof Conflict ? e : storageError(e))

/** The first `limit` rows, and the cursor to read on when the query found one more. */
export const toPage = <R extends { readonly id: string }, A>(found: ReadonlyArray<R>, limit: number, decode: (r: R) => A): Page<A> => {
  const more = found.length > limit
  const rows = more ? found.slice(0, limit) : found
  return { items: rows.map(decode), next: more ? rows[rows.length - 1]!.id : null }
}
