/**
 * `sql/citus.sql` against plain PostgreSQL, for what can be checked without Citus: the
 * script names every table of the migrated schema once, and every table it distributes by
 * `county_id` has that column first in its primary key and in every unique index (but those
 * the script drops), and its foreign keys to other such tables include it.
 */
import { readFileSync } from "node:fs"
import pg from "pg"
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest"
import { migratedTemplate } from "../testing/layer.js"

const script = readFileSync(new URL("../sql/citus.sql", import.meta.url), "utf8")
const named = (fn: string) => [...script.matchAll(new RegExp(`${fn}\\('(\\w+)'(?:, '(\\w+)')?`, "g"))].map((m) => ({ table: m[1]!, column: m[2] }))
const reference = named("create_reference_table").map((t) => t.table)
const distributed = named("create_distributed_table")
const byCounty = distributed.filter((t) => t.column === "county_id").map((t) => t.table)
const dropped = [...script.matchAll(/DROP INDEX IF EXISTS (\w+)/g)].map((m) => m[1]!)

let client: pg.Client
beforeAll(async () => {
  client = new pg.Client({ connectionString: await migratedTemplate(inject("postgresUrl"), "citus") })
  await client.connect()
})
afterAll(() => client.end())

const rows = async <R extends pg.QueryResultRow>(sql: string, args: Array<unknown> = []) => (await client.query<R>(sql, args)).rows

describe("the Citus distribution script", () => {
  it("names every table of the schema once, as reference or distributed", async () => {
    const tables = (await rows<{ name: string }>("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map((r) => r.name)
    const inScript = [...reference, ...distributed.map((t) => t.table)]
    expect(new Set(inScript).size).toBe(inScript.length)
    expect([...inScript].sort()).toEqual(tables)
    // Co-located with nodes, which is distributed first.
    expect(byCounty[0]).toBe("nodes")
    expect(script.match(/colocate_with => 'nodes'/g)).toHaveLength(byCounty.length - 1)
  })

  it("keys every county-owned table by county first: primary key, unique indexes, foreign keys", async () => {
    for (const table of byCounty) {
      const indexes = await rows<{ name: string; primary: boolean; columns: Array<string> }>(
        "SELECT c.relname AS name, i.indisprimary AS primary, array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns " +
          "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = $1::regclass AND i.indisunique",
        [table]
      )
      const primary = indexes.find((i) => i.primary)
      expect(primary?.columns[0], `${table} primary key`).toBe("county_id")
      for (const index of indexes.filter((i) => !dropped.includes(i.name))) {
        expect(index.columns, `${table}: unique index ${index.name}`).toContain("county_id")
      }
      const keys = await rows<{ name: string; target: string; columns: Array<string> }>(
        "SELECT c.conname AS name, c.confrelid::regclass::text AS target, array(SELECT a.attname FROM unnest(c.conkey) k(n) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n)::text[] AS columns " +
          "FROM pg_constraint c WHERE c.conrelid = $1::regclass AND c.contype = 'f'",
        [table]
      )
      for (const key of keys.filter((k) => byCounty.includes(k.target))) {
        expect(key.columns, `${table}: foreign key ${key.name} to ${key.target}`).toContain("county_id")
      }
      for (const key of keys.filter((k) => !byCounty.includes(k.target))) {
        expect(reference, `${table}: foreign key ${key.name} to ${key.target}, which must be a reference table`).toContain(key.target)
      }
    }
  })

  it("distributes the ledger's roll-up with the ledger, by county", () => {
    expect(byCounty).toEqual(expect.arrayContaining(["work_ledger", "reports_rollup"]))
  })

  it("drops only indexes that exist, and that lack the county", async () => {
    for (const name of dropped) {
      const [found] = await rows<{ def: string }>("SELECT indexdef AS def FROM pg_indexes WHERE indexname = $1", [name])
      expect(found?.def, name).toBeDefined()
      expect(found!.def).not.toContain("county_id")
    }
  })
})
