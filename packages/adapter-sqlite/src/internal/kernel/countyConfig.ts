/**
 * A county's configuration of one context, stored as versioned JSON in its own table
 * (`<table>(county_id, config, version)`): read, and saved only at the expected version.
 */
import { type Conflict, staleVersion } from "@mulin/core"
import { Option, Schema } from "effect"
import type { StatementSource } from "../../StatementCache.js"
import { isUniqueViolation } from "./errors.js"
import { getRow, raw } from "./statements.js"

/** Reads and saves one context's county configurations. */
export const countyConfigTable = <C extends { readonly countyId: string; readonly version: number }>(options: {
  readonly table: string
  /** How the entity is named in a stale-version conflict, e.g. "mediation configuration". */
  readonly entity: string
  readonly encode: (config: C) => unknown
  readonly decode: (json: unknown) => C
}) => {
  const select = raw<{ readonly config: string }>(`SELECT config FROM ${options.table} WHERE county_id = ?`)
  const version = raw<{ readonly version: number }>(`SELECT version FROM ${options.table} WHERE county_id = ?`)
  const insert = `INSERT INTO ${options.table} (county_id, config, version) VALUES (?, ?, ?)`
  const update = `UPDATE ${options.table} SET config = ?, version = ? WHERE county_id = ? AND version = ?`
  return {
    get: (s: StatementSource, countyId: string): Option.Option<C> => {
      const row = getRow(s, select, countyId)
      return row === undefined ? Option.none() : Option.some(options.decode(JSON.parse(row.config)))
    },
    /** Saves `config` if the stored version is `expectedVersion` (0: none yet); throws the stale-version `Conflict` otherwise. */
    save: (s: StatementSource, config: C, expectedVersion: number): void => {
      const json = JSON.stringify(options.encode(config))
      const stale = (): Conflict => {
        const row = getRow(s, version, config.countyId)
        return staleVersion(options.entity, config.countyId, expectedVersion, row?.version ?? 0)
      }
      if (expectedVersion === 0) {
        try {
          s.prepare(insert).run(config.countyId, json, config.version)
        } catch (error) {
          throw isUniqueViolation(error) ? stale() : error
        }
        return
      }
      if (s.prepare(update).run(json, config.version, config.countyId, expectedVersion).changes === 0) throw stale()
    }
  }
}

/** {@link countyConfigTable} for a configuration whose JSON is its schema's encoded form. */
export const schemaConfigTable = <C extends { readonly countyId: string; readonly version: number }>(table: string, entity: string, schema: Schema.Codec<C, unknown>) =>
  countyConfigTable({ table, entity, encode: Schema.encodeSync(schema), decode: Schema.decodeUnknownSync(schema) })
