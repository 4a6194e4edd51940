/**
 * The two kinds of table most contexts keep: versioned JSON documents beside the columns
 * their queries need, and a county's configuration of a context.
 */
import { Schema } from "effect"

/**
 * A table that keeps each value whole as JSON text in `doc`, beside the columns its queries
 * filter, group and sort on, and a `version` every write checks. Each adapter turns a shape
 * into its statements; the shape itself runs no SQL.
 *
 * @category shapes
 * @since 0.5.0
 */
export interface DocumentShape<A, R, T extends string = string> {
  /** The table's name. */
  readonly table: T
  /** The key column, when it is not `id`. */
  readonly key?: keyof R & string
  /** How the entity is named in conflicts (`need`, `mediation case`, …). */
  readonly entity: string
  /** The value's key. */
  readonly id: (value: A) => string
  /** Every column of the value's row, `county_id`, `doc` (the JSON) and `version` included. */
  readonly row: (value: A) => R
  /** The value of a stored `doc`, checked by the core's schema. */
  readonly decode: (doc: string) => A
}

/**
 * A {@link DocumentShape}, with its types inferred from the row mapper.
 *
 * @category shapes
 * @since 0.5.0
 */
export const documentShape = <A, R, const T extends string>(shape: DocumentShape<A, R, T>): DocumentShape<A, R, T> => shape

/**
 * A county's configuration of one context, kept as versioned JSON in
 * `<table>(county_id, config, version)`.
 *
 * @category shapes
 * @since 0.5.0
 */
export interface ConfigShape<C extends { readonly countyId: string; readonly version: number }> {
  readonly table: string
  /** How the entity is named in a stale-version conflict, e.g. `mediation configuration`. */
  readonly entity: string
  /** The JSON value written for a configuration. */
  readonly encode: (config: C) => unknown
  /** The configuration of a stored JSON value, checked by its schema. */
  readonly decode: (json: unknown) => C
}

/**
 * The {@link ConfigShape} of a configuration whose JSON is its schema's encoded form.
 *
 * @category shapes
 * @since 0.5.0
 */
export const configShape = <C extends { readonly countyId: string; readonly version: number }>(
  table: string,
  entity: string,
  schema: Schema.Codec<C, unknown>
): ConfigShape<C> => ({ table, entity, encode: Schema.encodeSync(schema), decode: Schema.decodeUnknownSync(schema) })

/**
 * What a unique clash on an entity's row means: a taken id (on the primary key) or a taken
 * natural key (any other unique index), worded in English and Chinese.
 *
 * @category shapes
 * @since 0.5.0
 */
export interface Duplicate {
  /** The entity, as the core names it (`grid node`, `household`, …). */
  readonly entity: string
  readonly id: string
  /** The clash on the entity's natural key, in English and Chinese. */
  readonly codeTaken: readonly [en: string, zh: string]
  /** The reason for a clash on the natural key (default `duplicate_code`). */
  readonly reason?: string
}
