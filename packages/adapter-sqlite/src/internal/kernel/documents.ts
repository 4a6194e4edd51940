/**
 * Tables of versioned JSON documents (needs, profiles, teams, mediation cases, deliberation
 * sessions and items): the whole value as JSON in `doc`, beside the columns the queries
 * filter, group and sort on, and a `version` every write checks in its `WHERE` clause, so
 * of two writes read at the same version exactly one commits.
 *
 * The statements are built once per table; a write binds the row's named parameters. A
 * taken id fails as the kernel's `duplicateId`, a stale write as its `staleVersion`.
 */
import { duplicateId, staleVersion } from "@mulin/core"
import { Option } from "effect"
import type { StatementSource } from "../../StatementCache.js"
import type { Tables } from "../../Tables.js"
import { isUniqueViolation } from "./errors.js"
import { scopeRange } from "./paths.js"
import { allRows, getRow, insertSql, raw, updateSql } from "./statements.js"

/**
 * The `WHERE` clause of a listing, built condition by condition with its arguments: first
 * the scope (a whole county by `county_id`, in index order; a subtree by its path range),
 * then whatever the query filters on.
 */
export class Filter {
  readonly where: Array<string> = []
  readonly args: Array<unknown> = []
  constructor(scope: ReadonlyArray<string>) {
    if (scope.length === 1) this.add("county_id = ?", scope[0])
    else this.add("path >= ? AND path < ?", ...scopeRange(scope))
  }
  /** Adds a condition and its arguments. */
  add(condition: string, ...args: ReadonlyArray<unknown>): this {
    this.where.push(condition)
    this.args.push(...args)
    return this
  }
  /** `column = value`, when the value is given. */
  eq(column: string, value: string | number | undefined): this {
    return value === undefined ? this : this.add(`${column} = ?`, value)
  }
  /** The conditions joined with `AND`. */
  get sql(): string {
    return this.where.join(" AND ")
  }
}

/** The tables that hold versioned documents. */
type DocumentTableName = {
  [T in keyof Tables]: Tables[T] extends { readonly version: number; readonly doc: string } ? T : never
}[keyof Tables]

/** A row of the table as the named parameters of its statements. */
type Columns<T extends DocumentTableName> = { readonly [K in keyof Tables[T]]: Tables[T][K] }

/** Reads and writes the documents of one table. */
export interface DocumentTable<A> {
  /** The document with this key, decoded. */
  readonly get: (s: StatementSource, id: string) => Option.Option<A>
  /** The stored documents among these keys, decoded, in one statement. */
  readonly getMany: (s: StatementSource, ids: ReadonlyArray<string>) => Array<A>
  /** Inserts a new document; throws the `duplicate_id` conflict when the key is taken. */
  readonly insert: (s: StatementSource, value: A) => void
  /** Stores the document over version `expected`; throws the `version_mismatch` conflict otherwise. */
  readonly update: (s: StatementSource, value: A, expected: number) => void
  /** {@link insert} when `expected` is 0 (none yet), else {@link update}. */
  readonly save: (s: StatementSource, value: A, expected: number) => void
  /** Decodes the `doc` of each row read by a listing. */
  readonly decodeAll: (rows: ReadonlyArray<{ readonly doc: string }>) => Array<A>
  /** A page of the documents that pass `filter`, by key, after the key `after`; `next` is the last key when there is more. */
  readonly page: (s: StatementSource, filter: Filter, after: string | undefined, limit: number) => { readonly items: Array<A>; readonly next: string | null }
}

/** The documents of `table`, keyed by `key` (default `id`). */
export const documentTable = <T extends DocumentTableName, A>(options: {
  readonly table: T
  readonly key?: keyof Tables[T] & string
  /** How the entity is named in conflicts (`need`, `mediation case`, …). */
  readonly entity: string
  /** The value's key. */
  readonly id: (value: A) => string
  /** Every column of the row, `doc` (the JSON) and `version` included. */
  readonly row: (value: A) => Columns<T>
  /** The value of a stored `doc`. */
  readonly decode: (doc: string) => A
}): DocumentTable<A> => {
  const { decode, entity, id, row, table } = options
  const key = options.key ?? ("id" as keyof Tables[T] & string)
  let insert: string | undefined
  let update: string | undefined
  const statements = (value: A) => {
    if (insert === undefined || update === undefined) {
      const columns = Object.keys(row(value)) as Array<keyof Tables[T] & string>
      insert = insertSql(table, columns)
      update = updateSql(table, columns.filter((c) => c !== key), key)
    }
    return { insert, update }
  }
  const select = raw<{ readonly doc: string }>(`SELECT doc FROM ${table} WHERE ${key} = ?`)
  const version = raw<{ readonly version: number }>(`SELECT version FROM ${table} WHERE ${key} = ?`)
  const selectMany = raw<{ readonly doc: string }>(`SELECT doc FROM ${table} WHERE ${key} IN (SELECT value FROM json_each(?))`)

  const get = (s: StatementSource, key: string): Option.Option<A> => {
    const found = getRow(s, select, key)
    return found === undefined ? Option.none() : Option.some(decode(found.doc))
  }
  const insertOne = (s: StatementSource, value: A): void => {
    try {
      s.prepare(statements(value).insert).run(row(value))
    } catch (error) {
      throw isUniqueViolation(error) ? duplicateId(entity, id(value)) : error
    }
  }
  const updateOne = (s: StatementSource, value: A, expected: number): void => {
    if (s.prepare(statements(value).update).run({ ...row(value), expected_version: expected }).changes === 0) {
      throw staleVersion(entity, id(value), expected, getRow(s, version, id(value))?.version ?? 0)
    }
  }
  return {
    get,
    getMany: (s, ids) => (ids.length === 0 ? [] : allRows(s, selectMany, JSON.stringify([...new Set(ids)])).map((r) => decode(r.doc))),
    insert: insertOne,
    update: updateOne,
    save: (s, value, expected) => (expected === 0 ? insertOne(s, value) : updateOne(s, value, expected)),
    decodeAll: (rows) => rows.map((r) => decode(r.doc)),
    page: (s, filter, after, limit) => {
      const n = Math.max(1, Math.floor(limit))
      filter.add(`${key} > ?`, after ?? "")
      const rows = allRows(s, raw<{ readonly key: string; readonly doc: string }>(`SELECT ${key} AS key, doc FROM ${table} WHERE ${filter.sql} ORDER BY ${key} LIMIT ?`), ...filter.args, n + 1)
      const more = rows.length > n
      const found = more ? rows.slice(0, n) : rows
      return { items: found.map((r) => decode(r.doc)), next: more ? found[found.length - 1]!.key : null }
    }
  }
}
