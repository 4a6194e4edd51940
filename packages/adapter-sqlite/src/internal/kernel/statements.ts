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

/** SQL written by hand whose rows are read as tuples: the selected columns, in order. */
export interface PreparedTuple<T extends ReadonlyArray<unknown>> {
  readonly sql: string
  readonly _tuple?: T
}

/** A query read as tuples (see {@link allTuples}), written by hand. */
export const rawTuple = <T extends ReadonlyArray<unknown>>(text: string): PreparedTuple<T> => ({ sql: text })

/**
 * Every row of a query as a tuple of its columns: the driver makes one array per row
 * instead of an object with a property per column, which is cheaper for reads of
 * thousands of rows or of rows mapped straight into models. The statement's raw mode is
 * switched off again before returning: cached statements are shared.
 */
export const allTuples = <T extends ReadonlyArray<unknown>>(s: StatementSource, query: PreparedTuple<T>, ...args: ReadonlyArray<unknown>): Array<T> => {
  const statement = s.prepare(query.sql)
  statement.raw(true)
  try {
    return statement.all(...args) as unknown as Array<T>
  } finally {
    statement.raw(false)
  }
}

/** The first row of a query as a tuple of its columns (see {@link allTuples}), if any. */
export const getTuple = <T extends ReadonlyArray<unknown>>(s: StatementSource, query: PreparedTuple<T>, ...args: ReadonlyArray<unknown>): T | undefined => {
  const statement = s.prepare(query.sql)
  statement.raw(true)
  try {
    return statement.get(...args) as unknown as T | undefined
  } finally {
    statement.raw(false)
  }
}

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
