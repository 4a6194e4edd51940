/**
 * Filling the monthly roll-up of the ledger from the rows already stored: the upgrade to
 * `0022_reports_rollup` (every county, after setting each row's month in its county's time
 * zone), and a county's recount when its response time changes. One `INSERT … SELECT …
 * GROUP BY` per depth of the grid, with two SQL functions registered on the connection: a
 * row's month in its county's zone (the core's calendar, which SQLite does not know) and
 * the id at a depth of a materialised path.
 *
 * @since 0.5.0
 */
import { DEFAULT_TIME_ZONE, defaultReportsConfig, type GridNodeId, localMonth, ROLLUP_DEPTH } from "@mulin/core"
import type BetterSqlite3 from "better-sqlite3"
import type { StatementSource } from "../../StatementCache.js"

const registered = new WeakSet<BetterSqlite3.Database>()

/** Registers the roll-up's SQL functions on a connection (once). */
export const registerRollupFunctions = (db: BetterSqlite3.Database): void => {
  if (registered.has(db)) return
  registered.add(db)
  // The id at a depth (1: the county) of a materialised path '/a/b/c/', or NULL.
  db.function("mulin_path_at", { deterministic: true }, (path: unknown, depth: unknown) => {
    const d = Number(depth)
    if (typeof path !== "string" || d < 1) return null
    const ids = path.slice(1, -1).split("/")
    return ids[d - 1] ?? null
  })
  // The calendar month of an instant in a time zone.
  db.function("mulin_local_month", { deterministic: true }, (at: unknown, zone: unknown) => localMonth(String(at), String(zone)))
}

const depthSql = "(length(path) - length(replace(path, '/', '')) - 1)"

/**
 * Counts the roll-up afresh from the ledger: every county's, or one county's, each against
 * its own response time (its settings, or the default), down to `depth` (`ROLLUP_DEPTH`).
 * With `months`, first sets each row's month from its county's time zone. The roll-up functions must be registered on the
 * connection behind `s`.
 */
export const fillReportsRollup = (
  s: StatementSource,
  options: { readonly countyId?: GridNodeId; readonly months: boolean; readonly responseSeconds?: number; readonly depth?: number }
): void => {
  const counties = options.countyId === undefined
    ? (s.prepare("SELECT DISTINCT county_id FROM work_ledger").all() as Array<{ county_id: GridNodeId }>).map((r) => r.county_id)
    : [options.countyId]
  for (const countyId of counties) {
    if (options.months) {
      const zone = (s.prepare("SELECT time_zone FROM counties WHERE id = ?").get(countyId) as { time_zone: string } | undefined)?.time_zone ?? DEFAULT_TIME_ZONE
      s.prepare("UPDATE work_ledger SET opened_month = mulin_local_month(opened_at, ?) WHERE county_id = ?").run(zone, countyId)
    }
    const stored = s.prepare("SELECT json_extract(config, '$.responseHours') AS hours FROM reports_configs WHERE county_id = ?").get(countyId) as { hours: number } | undefined
    const responseSeconds = options.responseSeconds ?? (stored?.hours ?? defaultReportsConfig(countyId).responseHours) * 3600
    s.prepare("DELETE FROM reports_rollup WHERE county_id = ?").run(countyId)
    const deepest = Number((s.prepare(`SELECT max(${depthSql}) AS d FROM work_ledger WHERE county_id = ?`).get(countyId) as { d: number | null }).d ?? 0)
    const insert = s.prepare(`
INSERT INTO reports_rollup (node_id, month, category, channel, kind, county_id, parent_id, work, responded, responded_in_time, respond_seconds, resolved, resolve_seconds, ratings, satisfied)
SELECT mulin_path_at(path, @d), opened_month, category, channel, kind, county_id, coalesce(mulin_path_at(path, @d - 1), ''),
       count(*), count(response_seconds), total(response_seconds <= @rs), total(response_seconds), count(resolution_seconds), total(resolution_seconds), total(ratings), total(satisfied)
FROM work_ledger WHERE county_id = @county AND outcome <> 'merged' AND ${depthSql} >= @d
GROUP BY 1, 2, 3, 4, 5`)
    for (let d = 1; d <= Math.min(deepest, options.depth ?? ROLLUP_DEPTH); d++) insert.run({ d, rs: responseSeconds, county: countyId })
  }
}

/** The migration `0022_reports_rollup`'s fill: every row's month in its county's zone, then the roll-up. */
export const migrateReportsRollup = (db: BetterSqlite3.Database): void => {
  registerRollupFunctions(db)
  // The depth as it was when this migration was written: a migration never changes.
  fillReportsRollup(db, { months: true, depth: 3 })
}
