/**
 * Fresh databases for tests: a migrated template per suite, and a copy of it per case
 * (`CREATE DATABASE … TEMPLATE …`, a file copy, much faster than migrating again), dropped
 * when the case's layer is released.
 */
import { Effect, Layer } from "effect"
import pg from "pg"
import { migrate } from "../src/internal/kernel/migrations.js"
import * as Postgres from "../src/index.js"
import { createDatabase } from "./server.js"

const admin = async <A>(serverUrl: string, f: (client: pg.Client) => Promise<A>): Promise<A> => {
  const client = new pg.Client({ connectionString: serverUrl })
  await client.connect()
  try {
    return await f(client)
  } finally {
    await client.end()
  }
}

const nameOf = (url: string): string => new URL(url).pathname.slice(1)

/** A new database on the server with every migration applied, to copy from. */
export const migratedTemplate = async (serverUrl: string, prefix = "template"): Promise<string> => {
  const url = await createDatabase(serverUrl, prefix)
  const pool = new pg.Pool({ connectionString: url, max: 1 })
  try {
    await migrate(pool, new Date().toISOString())
  } finally {
    await pool.end()
  }
  return url
}

/** A copy of `template` for as long as the scope lasts. */
export const copyOf = (serverUrl: string, template: string) =>
  Effect.acquireRelease(
    Effect.promise(async () => {
      const url = new URL(template)
      const name = `${nameOf(template)}_${Math.random().toString(36).slice(2, 10)}`
      await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${nameOf(template)} STRATEGY FILE_COPY`))
      url.pathname = `/${name}`
      return url.toString()
    }),
    (url) => Effect.promise(() => admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${nameOf(url)} WITH (FORCE)`)))
  )

/**
 * Empties every table of `url` but `migrations`, with triggers and foreign keys off for the
 * session (the ledger's transfers refuse a DELETE otherwise): a fresh store without a new
 * database, for the cases of one suite file, which run one after another.
 */
export const emptied = (url: string) =>
  Effect.promise(async () => {
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations'")
      await client.query(`SET session_replication_role = replica; ${rows.map((r) => `DELETE FROM ${r.name};`).join(" ")}`)
    } finally {
      await client.end()
    }
    return url
  })

/** {@link Postgres.layer} on `url`, emptied first (see {@link emptied}). */
export const layerEmptied = (url: string, options?: { readonly maxConnections?: number }) =>
  Layer.unwrap(Effect.map(emptied(url), () => Postgres.layer({ url, maxConnections: options?.maxConnections ?? 4 })))

/** {@link Postgres.layer} on a fresh copy of `template`. */
export const layerFresh = (serverUrl: string, template: string, options?: { readonly maxConnections?: number }) =>
  Layer.unwrap(Effect.map(copyOf(serverUrl, template), (url) => Postgres.layer({ url, maxConnections: options?.maxConnections ?? 4 })))
