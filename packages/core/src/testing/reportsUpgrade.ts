/**
 * The case every adapter's test of the upgrade to the ledger's monthly roll-up
 * (`0022_reports_rollup`) shares: a database at the ledger's first migration holding two
 * counties in different time zones (one with its own response time) and their ledgers, and
 * what the upgrade must leave — each row's month in its county's calendar, and the roll-up
 * of the county, street and community on each path, merged work left out.
 *
 * @since 0.5.0
 */

const HOUR = 3_600_000

/** One `work_ledger` row as stored before the roll-up (columns as both adapters name them). */
const row = (id: string, county: string, path: string, opened: string, respondH: number | null, outcome = "open") => {
  const at = Date.parse(opened)
  return {
    kind: "need", id, county_id: county, node_id: path.split("/").at(-2)!, path, category: "repairs", channel: "phone", opened_at: opened,
    responded_at: respondH === null ? null : new Date(at + respondH * HOUR).toISOString(), resolved_at: null, due_at: null, outcome, ratings: 0, satisfied: 0,
    response_seconds: respondH === null ? null : respondH * 3600, resolution_seconds: null, routed_kind: null, routed_id: null, updated_at: opened
  }
}

const group = (node_id: string, parent_id: string, month: string, work: number, responded_in_time: number, respondHours: number) =>
  ({ node_id, parent_id, month, work, responded: 1, responded_in_time, respond_seconds: respondHours * 3600 })

/**
 * The upgrade case: `counties` (id, code, name, zone), `configs` (`reports_configs` rows),
 * `rows` (`work_ledger` rows), then the expected `months` (id and `opened_month`, by id)
 * and `rollup` (node, parent, month, work, responded, in time, seconds to respond; by node
 * and month).
 *
 * @category conformance
 * @since 0.5.0
 */
export const reportsRollupUpgradeCase = {
  counties: [
    { id: "c1", code: "370812", name: "兖州区", timeZone: "Asia/Shanghai" },
    { id: "c2", code: "990001", name: "New York", timeZone: "America/New_York" }
  ],
  configs: [
    { county_id: "c1", config: JSON.stringify({ countyId: "c1", responseHours: 48, complaintCategories: [], version: 1, updatedAt: null }), version: 1 }
  ],
  rows: [
    row("r1", "c1", "/c1/s1/g1/", "2026-05-31T16:30:00.000Z", 30), // 00:30 on June 1 in Shanghai: June, in time at 48 hours
    row("r2", "c1", "/c1/s1/g1/", "2026-05-31T15:00:00.000Z", 50), // 23:00 on May 31: May, late
    row("r3", "c1", "/c1/s1/g1/", "2026-06-10T02:00:00.000Z", 1, "merged"), // counted nowhere
    row("r4", "c1", "/c1/s1/", "2026-06-02T02:00:00.000Z", null), // at the street itself
    row("r5", "c2", "/c2/x1/", "2026-06-01T02:00:00.000Z", 30) // 22:00 on May 31 in New York: May, late at the default 24 hours
  ],
  months: [
    { id: "r1", opened_month: "2026-06" }, { id: "r2", opened_month: "2026-05" }, { id: "r3", opened_month: "2026-06" }, { id: "r4", opened_month: "2026-06" }, { id: "r5", opened_month: "2026-05" }
  ],
  rollup: [
    group("c1", "", "2026-05", 1, 0, 50),
    group("c1", "", "2026-06", 2, 1, 30),
    group("c2", "", "2026-05", 1, 0, 30),
    group("g1", "s1", "2026-05", 1, 0, 50),
    group("g1", "s1", "2026-06", 1, 1, 30),
    group("s1", "c1", "2026-05", 1, 0, 50),
    group("s1", "c1", "2026-06", 2, 1, 30),
    group("x1", "c2", "2026-05", 1, 0, 30)
  ]
}
