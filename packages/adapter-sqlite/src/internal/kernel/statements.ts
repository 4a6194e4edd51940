/**
 * Typed statements: SQL built once (by kysely or by hand) carries the type of its rows, so
 * a store reads rows typed by `Tables` without a cast at every call. The driver returns
 * `unknown` rows; the one place that states their type is here.
 */
import { type Compilable, sql } from "kysely"
import type { Selectable } from "kysely"
import type { StatementSource } from "../../StatementCache.js"
import type { Tables } from "../../Tables.js"

/** A row of `table` as selected. */
export type Row<T extends keyof Tables> = Selectable<Tables[T]>

/** The SQL of a query built once, with the type of its rows. */
export interface Prepared<O> {
  readonly sql: string
  readonly _row?: O
}

/** Marks a parameter of a query built once; arguments go in the order the marks appear. */
export const P = sql.raw<any>("?")

/** A query built once with kysely. */
export const prepared = <O>(query: Compilable<O>): Prepared<O> => ({ sql: query.compile().sql })

/** SQL kysely cannot express (joins over `json_each`, partial-index hints), written by hand. */
export const raw = <O>(text: string): Prepared<O> => ({ sql: text })

/** The first row of a prepared query, if any. */
export const getRow = <O>(s: StatementSource, query: Prepared<O>, ...args: ReadonlyArray<unknown>): O | undefined =>
  s.prepare(query.sql).get(...args) as O | undefined

/** Every row of a prepared query. */
export const allRows = <O>(s: StatementSource, query: Prepared<O>, ...args: ReadonlyArray<unknown>): Array<O> =>
  s.prepare(query.sql).all(...args) as Array<O>

/** A lookup by the prepared query, prepared once for a loop of calls. */
export const lookup = <O>(s: StatementSource, query: Prepared<O>): (...args: ReadonlyArray<unknown>) => O | undefined => {
  const statement = s.prepare(query.sql)
  return (...args) => statement.get(...args) as O | undefined
}

/** The rows of a prepared query, one at a time (for scans too large to hold). */
export const iterateRows = <O>(s: StatementSource, query: Prepared<O>, ...args: ReadonlyArray<unknown>): IterableIterator<O> =>
  s.prepare(query.sql).iterate(...args) as IterableIterator<O>

/** Every row of a query built for this call. */
export const all = <O>(s: StatementSource, query: Compilable<O>): Array<O> => {
  const { parameters, sql } = query.compile()
  return s.prepare(sql).all(...parameters) as Array<O>
}

/** Runs a write built for this call; returns how many rows it changed. */
export const change = (s: StatementSource, query: Compilable<unknown>): number => {
  const { parameters, sql } = query.compile()
  return s.prepare(sql).run(...parameters).changes
}

/** `INSERT` of `columns` from the named parameters of a row. */
export const insertSql = <T extends keyof Tables>(table: T, columns: ReadonlyArray<keyof Tables[T] & string>): string =>
  `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`

/** `UPDATE` of `columns` from the row's named parameters, if the stored version is `@expected_version`. */
export const updateSql = <T extends keyof Tables>(table: T, columns: ReadonlyArray<keyof Tables[T] & string>, key: keyof Tables[T] & string = "id" as keyof Tables[T] & string): string =>
  `UPDATE ${table} SET ${columns.map((c) => `${c} = @${c}`).join(", ")} WHERE ${key} = @${key} AND version = @expected_version`
