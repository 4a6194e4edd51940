/**
 * The upgrade to `0022_reports_rollup` on a database that already holds a ledger: each row's
 * month is its county's (PostgreSQL knows the IANA zones), and the roll-up is filled from
 * the rows stored, each county at its own response time, merged work left out.
 */
import pg from "pg"
import { describe, expect, inject, it } from "vitest"
import { migrate, migrations } from "../src/internal/kernel/migrations.js"
import { createDatabase } from "../testing/server.js"

const HOUR = 3_600_000
const row = (id: string, county: string, path: string, opened: string, respondH: number | null, outcome = "open") => {
  const at = Date.parse(opened)
  return {
    kind: "need", id, county_id: county, node_id: path.split("/").at(-2)!, path, category: "repairs", channel: "phone", opened_at: opened,
    responded_at: respondH === null ? null : new Date(at + respondH * HOUR).toISOString(), resolved_at: null, due_at: null, outcome, ratings: 0, satisfied: 0,
    response_seconds: respondH === null ? null : respondH * 3600, resolution_seconds: null, routed_kind: null, routed_id: null, updated_at: opened
  }
}

describe("0022_reports_rollup", () => {
  it("fills the roll-up from the ledger already stored, in each county's months and at its response time", async () => {
    const url = await createDatabase(inject("postgresUrl"), "rollup")
    const pool = new pg.Pool({ connectionString: url, max: 1 })
    try {
      // Given: a database at 0021 with two counties (Shanghai, response time 48 hours; New York, the default) and their ledgers.
      await migrate(pool, "2026-01-01T00:00:00.000Z", migrations.filter((m) => m.name < "0022"))
      const county = "INSERT INTO counties (id, code, name, levels, created_at, time_zone) VALUES ($1, $2, $3, '[]', '2026-01-01T00:00:00.000Z', $4)"
      await pool.query(county, ["c1", "370812", "兖州区", "Asia/Shanghai"])
      await pool.query(county, ["c2", "990001", "New York", "America/New_York"])
      await pool.query("INSERT INTO reports_configs (county_id, config, version) VALUES ('c1', $1, 1)", [JSON.stringify({ countyId: "c1", responseHours: 48, complaintCategories: [], version: 1, updatedAt: null })])
      const rows = [
        row("r1", "c1", "/c1/s1/g1/", "2026-05-31T16:30:00.000Z", 30), // 00:30 on June 1 in Shanghai: June, in time at 48 hours
        row("r2", "c1", "/c1/s1/g1/", "2026-05-31T15:00:00.000Z", 50), // 23:00 on May 31: May, late
        row("r3", "c1", "/c1/s1/g1/", "2026-06-10T02:00:00.000Z", 1, "merged"), // counted nowhere
        row("r4", "c1", "/c1/s1/", "2026-06-02T02:00:00.000Z", null), // at the street itself
        row("r5", "c2", "/c2/x1/", "2026-06-01T02:00:00.000Z", 30) // 22:00 on May 31 in New York: May, late at 24 hours
      ]
      const columns = Object.keys(rows[0]!)
      for (const r of rows) await pool.query(`INSERT INTO work_ledger (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`, Object.values(r))
      // When: it is upgraded.
      expect(await migrate(pool, "2026-07-01T00:00:00.000Z")).toEqual(migrations.filter((m) => m.name >= "0022").map((m) => m.name))
      // Then: each row has its county's month, and the roll-up holds every node on its path.
      expect((await pool.query("SELECT id, opened_month FROM work_ledger ORDER BY id")).rows).toEqual([
        { id: "r1", opened_month: "2026-06" }, { id: "r2", opened_month: "2026-05" }, { id: "r3", opened_month: "2026-06" }, { id: "r4", opened_month: "2026-06" }, { id: "r5", opened_month: "2026-05" }
      ])
      expect((await pool.query("SELECT node_id, parent_id, month, work::int, responded::int, responded_in_time::int, respond_seconds::int FROM reports_rollup ORDER BY node_id, month")).rows).toEqual([
        { node_id: "c1", parent_id: "", month: "2026-05", work: 1, responded: 1, responded_in_time: 0, respond_seconds: 50 * 3600 },
        { node_id: "c1", parent_id: "", month: "2026-06", work: 2, responded: 1, responded_in_time: 1, respond_seconds: 30 * 3600 },
        { node_id: "c2", parent_id: "", month: "2026-05", work: 1, responded: 1, responded_in_time: 0, respond_seconds: 30 * 3600 },
        { node_id: "g1", parent_id: "s1", month: "2026-05", work: 1, responded: 1, responded_in_time: 0, respond_seconds: 50 * 3600 },
        { node_id: "g1", parent_id: "s1", month: "2026-06", work: 1, responded: 1, responded_in_time: 1, respond_seconds: 30 * 3600 },
        { node_id: "s1", parent_id: "c1", month: "2026-05", work: 1, responded: 1, responded_in_time: 0, respond_seconds: 50 * 3600 },
        { node_id: "s1", parent_id: "c1", month: "2026-06", work: 2, responded: 1, responded_in_time: 1, respond_seconds: 30 * 3600 },
        { node_id: "x1", parent_id: "c2", month: "2026-05", work: 1, responded: 1, responded_in_time: 0, respond_seconds: 30 * 3600 }
      ])
    } finally {
      await pool.end()
    }
  })
})
