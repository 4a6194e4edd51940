/**
 * Tables of versioned JSON documents on PostgreSQL (needs, profiles, teams, places,
 * activities, visits, cases, sessions): the whole value as JSON text in `doc`, beside the
 * columns the queries filter and sort on, and a `version` every write checks in its `WHERE`
 * clause, so of two writes read at the same version exactly one commits. A taken id fails
 * as the kernel's `duplicateId`, a stale write as its `staleVersion`. Each table's key is
 * `(county_id, <key>)`; reads by key alone use the index on the key.
 */
import { type Conflict, duplicateId, staleVersion, type StorageError } from "@mulin/core"
import { Effect, Option } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { upperBound, toPath } from "./paths.js"
import { classify, isUniqueViolation } from "./sql.js"

/**
 * The `WHERE` clause of a listing with its numbered parameters: first the scope (a whole
 * county by `county_id`; a subtree by its path range), then whatever the query filters on.
 */
export class Filter {
  readonly where: Array<string> = []
  readonly args: Array<unknown> = []
  constructor(scope?: ReadonlyArray<string>) {
    if (scope === undefined) return
    if (scope.length === 1) this.add("county_id = ?", scope[0])
    else if (scope.length > 1) {
      const lo = toPath(scope)
      this.add("county_id = ? AND path >= ? AND path < ?", scope[0], lo, upperBound(lo))
    }
  }
  /** Adds a condition with `?` for each argument. */
  add(condition: string, ...args: ReadonlyArray<unknown>): this {
    let i = this.args.length
    this.where.push(condition.replace(/\?/g, () => `$${++i}`))
    this.args.push(...args)
    return this
  }
  /** `column = value`, when the value is given. */
  eq(column: string, value: string | number | undefined): this {
    return value === undefined ? this : this.add(`${column} = ?`, value)
  }
  /** `column = ANY(values)`, when the values are given. */
  any(column: string, values: ReadonlyArray<string> | undefined): this {
    return values === undefined ? this : this.add(`${column} = ANY(?::text[])`, values)
  }
  /** The conditions joined with `AND` (`TRUE` for none). */
  get sql(): string {
    return this.where.length === 0 ? "TRUE" : this.where.join(" AND ")
  }
}

/** Reads and writes the documents of one table. */
export interface DocumentTable<A> {
  readonly get: (id: string) => Effect.Effect<Option.Option<A>, StorageError>
  readonly getMany: (ids: ReadonlyArray<string>) => Effect.Effect<Array<A>, StorageError>
  readonly insert: (value: A) => Effect.Effect<void, Conflict | StorageError>
  readonly update: (value: A, expected: number) => Effect.Effect<void, Conflict | StorageError>
  /** {@link insert} when `expected` is 0 (none yet), else {@link update}. */
  readonly save: (value: A, expected: number) => Effect.Effect<void, Conflict | StorageError>
  /** The documents that pass `filter`, in `order` (default the key). */
  readonly where: (filter: Filter, order?: string) => Effect.Effect<Array<A>, StorageError>
  /** A page of the documents that pass `filter`, by key, after `after`; `next` is the last key when there is more. */
  readonly page: (filter: Filter, after: string | undefined, limit: number) => Effect.Effect<{ readonly items: Array<A>; readonly next: string | null }, StorageError>
}

/** The documents of `table`, keyed by `key` (default `id`) within their county. */
export const documentTable = <A>(db: PostgresDatabase["Service"], options: {
  readonly table: string
  readonly key?: string
  /** How the entity is named in conflicts (`need`, `mediation case`, …). */
  readonly entity: string
  readonly id: (value: A) => string
  /** Every column of the row, `county_id`, `doc` (the JSON) and `version` included. */
  readonly row: (value: A) => Record<string, unknown>
  readonly decode: (doc: string) => A
}): DocumentTable<A> => {
  const { decode, entity, id, row, table } = options
  const key = options.key ?? "id"
  const decodeAll = (rows: ReadonlyArray<{ readonly doc: string }>) => rows.map((r) => decode(r.doc))
  const version = (value: string) => Effect.map(db.query<{ version: number }>(`SELECT version FROM ${table} WHERE ${key} = $1`, [value]), (rows) => rows[0]?.version ?? 0)

  const insert = (value: A) => {
    const r = row(value)
    const columns = Object.keys(r)
    return db.write(Effect.mapError(
      db.run(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`, columns.map((c) => r[c])),
      (error) => classify(isUniqueViolation(error) ? duplicateId(entity, id(value)) : error)
    )).pipe(Effect.asVoid)
  }
  const update = (value: A, expected: number) => {
    const r = row(value)
    const columns = Object.keys(r).filter((c) => c !== key && c !== "county_id")
    const sql = `UPDATE ${table} SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(", ")} WHERE county_id = $1 AND ${key} = $2 AND version = $${columns.length + 3}`
    return db.write(Effect.flatMap(
      Effect.mapError(db.run(sql, [r["county_id"], r[key], ...columns.map((c) => r[c]), expected]), (error) => classify(isUniqueViolation(error) ? duplicateId(entity, id(value)) : error)),
      (result) => (result.rowCount > 0 ? Effect.void : Effect.flatMap(version(id(value)), (found) => Effect.fail(staleVersion(entity, id(value), expected, found))))
    ))
  }
  return {
    get: (value) => Effect.map(db.query<{ doc: string }>(`SELECT doc FROM ${table} WHERE ${key} = $1`, [value]), (rows) => (rows.length === 0 ? Option.none() : Option.some(decode(rows[0]!.doc)))),
    getMany: (ids) => (ids.length === 0 ? Effect.succeed([]) : Effect.map(db.query<{ doc: string }>(`SELECT doc FROM ${table} WHERE ${key} = ANY($1::text[])`, [[...new Set(ids)]]), decodeAll)),
    insert,
    update,
    save: (value, expected) => (expected === 0 ? insert(value) : update(value, expected)),
    where: (filter, order = key) => Effect.map(db.query<{ doc: string }>(`SELECT doc FROM ${table} WHERE ${filter.sql} ORDER BY ${order}`, filter.args), decodeAll),
    page: (filter, after, limit) => {
      const n = Math.max(1, Math.floor(limit))
      filter.add(`${key} > ?`, after ?? "")
      return Effect.map(
        db.query<{ key: string; doc: string }>(`SELECT ${key} AS key, doc FROM ${table} WHERE ${filter.sql} ORDER BY ${key} LIMIT ${n + 1}`, filter.args),
        (rows) => {
          const more = rows.length > n
          const found = more ? rows.slice(0, n) : rows
          return { items: decodeAll(found), next: more ? found[found.length - 1]!.key : null }
        }
      )
    }
  }
}

/** A county's configuration of one context as versioned JSON in `<table>(county_id, config, version)`. */
export const configTable = <C extends { readonly countyId: string; readonly version: number }>(db: PostgresDatabase["Service"], options: {
  readonly table: string
  readonly entity: string
  readonly encode: (config: C) => unknown
  readonly decode: (json: unknown) => C
}) => {
  const stale = (config: C, expected: number) =>
    Effect.flatMap(db.query<{ version: number }>(`SELECT version FROM ${options.table} WHERE county_id = $1`, [config.countyId]), (rows) =>
      Effect.fail(staleVersion(options.entity, config.countyId, expected, rows[0]?.version ?? 0)))
  return {
    get: (countyId: string): Effect.Effect<Option.Option<C>, StorageError> =>
      Effect.map(db.query<{ config: string }>(`SELECT config FROM ${options.table} WHERE county_id = $1`, [countyId]), (rows) =>
        rows.length === 0 ? Option.none() : Option.some(options.decode(JSON.parse(rows[0]!.config)))),
    /** Saves `config` if the stored version is `expected` (0: none yet); the stale-version `Conflict` otherwise. */
    save: (config: C, expected: number): Effect.Effect<void, Conflict | StorageError> => {
      const json = JSON.stringify(options.encode(config))
      const changed = expected === 0
        ? db.change(`INSERT INTO ${options.table} (county_id, config, version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [config.countyId, json, config.version])
        : db.change(`UPDATE ${options.table} SET config = $2, version = $3 WHERE county_id = $1 AND version = $4`, [config.countyId, json, config.version, expected])
      return db.write(Effect.flatMap(changed, (n) => (n > 0 ? Effect.void : stale(config, expected))))
    }
  }
}

/** The DDL of a configuration table. */
export const configDdl = (table: string): string => `
CREATE TABLE ${table} (
  county_id TEXT PRIMARY KEY,
  config    TEXT NOT NULL,
  version   INTEGER NOT NULL
);
`
