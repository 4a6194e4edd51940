/**
 * The upgrade to `0022_reports_rollup` on a database that already holds a ledger: each row's
 * month is its county's (not UTC's), and the roll-up is filled from the rows stored, each
 * county at its own response time, merged work left out.
 */
import { reportsRollupUpgradeCase as given } from "@mulin/core/testing"
import Database from "better-sqlite3"
import { describe, expect, it } from "vitest"
import { migrate, migrations } from "../src/internal/kernel/migrations.js"

const named = (columns: ReadonlyArray<string>) => `(${columns.join(", ")}) VALUES (${columns.map((c) => `@${c}`).join(", ")})`

describe("0022_reports_rollup", () => {
  it("fills the roll-up from the ledger already stored, in each county's months and at its response time", () => {
    const db = new Database(":memory:")
    try {
      // Given: a database at 0021 with two counties (Shanghai, response time 48 hours; New York, the default) and their ledgers.
      migrate(db, "2026-01-01T00:00:00.000Z", migrations.filter((m) => m.name < "0022"))
      for (const c of given.counties) {
        db.prepare("INSERT INTO counties (id, code, name, levels, created_at, time_zone) VALUES (?, ?, ?, '[]', '2026-01-01T00:00:00.000Z', ?)").run(c.id, c.code, c.name, c.timeZone)
      }
      for (const c of given.configs) db.prepare(`INSERT INTO reports_configs ${named(Object.keys(c))}`).run(c)
      for (const r of given.rows) db.prepare(`INSERT INTO work_ledger ${named(Object.keys(r))}`).run(r)
      // When: it is upgraded.
      expect(migrate(db, "2026-07-01T00:00:00.000Z")).toEqual(migrations.filter((m) => m.name >= "0022").map((m) => m.name))
      // Then: each row has its county's month, and the roll-up holds the county, street and community on its path.
      expect(db.prepare("SELECT id, opened_month FROM work_ledger ORDER BY id").all()).toEqual(given.months)
      expect(db.prepare("SELECT node_id, parent_id, month, work, responded, responded_in_time, respond_seconds FROM reports_rollup ORDER BY node_id, month").all()).toEqual(given.rollup)
    } finally {
      db.close()
    }
  })
})
