/**
 * The upgrade to `0022_reports_rollup` on a database that already holds a ledger: each row's
 * month is its county's (PostgreSQL knows the IANA zones), and the roll-up is filled from
 * the rows stored, each county at its own response time, merged work left out.
 */
import { reportsRollupUpgradeCase as given } from "@mulin/core/testing"
import pg from "pg"
import { describe, expect, inject, it } from "vitest"
import { migrate, migrations } from "../src/internal/kernel/migrations.js"
import { createDatabase } from "../testing/server.js"

const insert = (table: string, row: Record<string, unknown>) =>
  [`INSERT INTO ${table} (${Object.keys(row).join(", ")}) VALUES (${Object.keys(row).map((_, i) => `$${i + 1}`).join(", ")})`, Object.values(row)] as const

describe("0022_reports_rollup", () => {
  it("fills the roll-up from the ledger already stored, in each county's months and at its response time", async () => {
    const pool = new pg.Pool({ connectionString: await createDatabase(inject("postgresUrl"), "rollup"), max: 1 })
    try {
      // Given: a database at 0021 with two counties (Shanghai, response time 48 hours; New York, the default) and their ledgers.
      await migrate(pool, "2026-01-01T00:00:00.000Z", migrations.filter((m) => m.name < "0022"))
      for (const c of given.counties) {
        await pool.query("INSERT INTO counties (id, code, name, levels, created_at, time_zone) VALUES ($1, $2, $3, '[]', '2026-01-01T00:00:00.000Z', $4)", [c.id, c.code, c.name, c.timeZone])
      }
      for (const c of given.configs) await pool.query(...insert("reports_configs", c))
      for (const r of given.rows) await pool.query(...insert("work_ledger", r))
      // When: it is upgraded.
      expect(await migrate(pool, "2026-07-01T00:00:00.000Z")).toEqual(migrations.filter((m) => m.name >= "0022").map((m) => m.name))
      // Then: each row has its county's month, and the roll-up holds the county, street and community on its path.
      expect((await pool.query("SELECT id, opened_month FROM work_ledger ORDER BY id")).rows).toEqual(given.months)
      const rollup = await pool.query("SELECT node_id, parent_id, month, work::int, responded::int, responded_in_time::int, respond_seconds::int FROM reports_rollup ORDER BY node_id, month")
      expect(rollup.rows).toEqual(given.rollup)
    } finally {
      await pool.end()
    }
  })
})
