/**
 * `npm run bench -- kpi`: a county of 1,000,000 households with 1,000,000 pieces of work in
 * its ledger (工作台账) over two years, on a file database (WAL).
 *
 * The county is imported by `GridImport`; the ledger's rows are generated straight into
 * `work_ledger` as a database before the monthly roll-up held them (migration
 * `0022_reports_rollup` undone on the empty ledger first): needs, cases, items and requests
 * at random units, in ten categories and six channels, most responded and resolved, some
 * rated. Reopening the file then applies `0022_reports_rollup`, which fills the roll-up from
 * the ledger as a county's upgrade would (timed). Then, each against raw better-sqlite3
 * computing the same thing from the same file in the same run:
 * - the whole county's KPI report for a year (per street, category, channel and kind, and
 *   year on year against the year before), `Reports.kpis` (target < 2 s), against the same
 *   aggregates in raw SQL over the roll-up, and the raw scan of the ledger it replaces;
 * - the ledger of one street for one month, whole, as the county exports it,
 *   `Reports.sheet(…, "ledger", …)` (target < 2 s).
 *
 * `BENCH_HOUSEHOLDS` and `BENCH_WORK` make it smaller while developing.
 */
import BetterSqlite3 from "better-sqlite3"
import { Effect, Layer, ManagedRuntime } from "effect"
import { GridImport, GridStore, type GridNodeId, IdGenerator, Reports, systemActor } from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { memory, repeat, report, pathsOf, type Result, scratchDatabase, seededRandom, statsOf } from "./stats.js"

const HOUSEHOLDS = Number(process.env["BENCH_HOUSEHOLDS"] ?? 1_000_000)
const WORK = Number(process.env["BENCH_WORK"] ?? 1_000_000)
const { file, remove } = scratchDatabase("kpi.db")
const sys = systemActor("bench")
const HOUR = 3_600_000
const DAY = 24 * HOUR

const app = Reports.layer().pipe(
  Layer.provideMerge(GridImport.layer),
  Layer.provideMerge(sqliteLayer({ filename: file })),
  Layer.provide(IdGenerator.layer)
)
let runtime = ManagedRuntime.make(app)

console.log(`importing a county of ${HOUSEHOLDS.toLocaleString("en-US")} households…`)
let started = performance.now()
const countyId = await runtime.runPromise(Effect.gen(function*() {
  yield* (yield* GridImport).importCounty(sys, generateCounty({ households: HOUSEHOLDS, seed: 11 }))
  return (yield* (yield* GridStore).listCounties)[0]!.id
}))
const importMs = performance.now() - started
const outline = await runtime.runPromise(Effect.flatMap(GridStore, (s) => s.outline(countyId)))
const pathOf = pathsOf<GridNodeId>(outline)
const deepest = outline.reduce((d, n) => Math.max(d, n.depth), 0)
const leaves = outline.filter((n) => n.depth === deepest).map((n) => pathOf(n.id))
const streets = outline.filter((n) => n.depth === 1)

const random = seededRandom(7)
const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(random() * xs.length)]!
const KINDS = ["need", "case", "item", "request", "request", "request"] as const
const CATEGORIES = ["property", "property_fee", "repairs", "elder_care", "neighbour_noise", "parking", "sanitation", "legal_advice", "health", "other"]
const CHANNELS = ["walk_in", "phone", "hotline_12345", "grid_worker", "mini_program", "direct"]
const END = Date.UTC(2026, 11, 1)
const START = END - 2 * 365 * DAY

await runtime.dispose()
console.log(`writing ${WORK.toLocaleString("en-US")} rows into the ledger…`)
const writer = new BetterSqlite3(file)
writer.pragma("journal_mode = WAL")
writer.pragma("synchronous = NORMAL")
// The database as it was before the roll-up (0021), its ledger still empty.
writer.exec("DROP TABLE reports_rollup; ALTER TABLE work_ledger DROP COLUMN opened_month; DELETE FROM migrations WHERE name = '0022_reports_rollup'")
started = performance.now()
const insert = writer.prepare(`INSERT INTO work_ledger (kind, id, county_id, node_id, path, category, channel, opened_at, responded_at, resolved_at, due_at, outcome,
  ratings, satisfied, response_seconds, resolution_seconds, routed_kind, routed_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)`)
const batch = writer.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const path = pick(leaves)
    const opened = START + Math.floor(random() * (END - START))
    const respondS = random() < 0.92 ? Math.floor(random() * 72 * 3600) : null
    const resolveS = respondS !== null && random() < 0.75 ? respondS + Math.floor(random() * 10 * 86400) : null
    const rated = resolveS !== null && random() < 0.5 ? 1 : 0
    const kind = pick(KINDS)
    const iso = (ms: number) => new Date(ms).toISOString()
    insert.run(kind, `w${i}`, countyId, path[path.length - 1], `/${path.join("/")}/`, pick(CATEGORIES), kind === "request" ? pick(CHANNELS.slice(0, 5)) : pick(CHANNELS),
      iso(opened), respondS === null ? null : iso(opened + respondS * 1000), resolveS === null ? null : iso(opened + resolveS * 1000), iso(opened + 7 * DAY),
      resolveS === null ? (random() < 0.05 ? "merged" : "open") : "resolved", rated, rated === 1 && random() < 0.9 ? 1 : 0, respondS, resolveS, iso(opened))
  }
})
for (let i = 0; i < WORK; i += 50_000) batch(i, Math.min(WORK, i + 50_000))
writer.exec("ANALYZE")
writer.close()
const writeMs = performance.now() - started

// The upgrade: opening the file applies 0022_reports_rollup, which fills the roll-up from the ledger.
console.log("upgrading: filling the monthly roll-up from the ledger…")
started = performance.now()
runtime = ManagedRuntime.make(app)
await runtime.runPromise(Effect.void)
const upgradeMs = performance.now() - started

const reports = await runtime.runPromise(Reports)
const results: Array<Result> = []

// The KPI report of the whole county for a year, and the same aggregates in raw SQL.
const year = { from: "2025-12-01", to: "2026-11-30" }
let kpis = await Effect.runPromise(reports.kpis(sys, countyId, year))
const ours = statsOf(await repeat(5, 1, async () => {
  kpis = await Effect.runPromise(reports.kpis(sys, countyId, year))
}))
const reader = new BetterSqlite3(file, { readonly: true })
const lo = `/${countyId}/`
// The same aggregates in raw SQL over the roll-up: the county's and its streets' groups for the year's months, the county's counts by category a year before.
const rolled = reader.prepare(`SELECT node_id, category, channel, kind, sum(work) AS work, sum(responded) AS responded, sum(responded_in_time) AS inTime,
  sum(respond_seconds) AS rs, sum(resolved) AS resolved, sum(resolve_seconds) AS ss, sum(ratings) AS ratings, sum(satisfied) AS satisfied FROM (
    SELECT * FROM reports_rollup WHERE node_id = @county AND month >= @from AND month <= @to
    UNION ALL SELECT * FROM reports_rollup WHERE parent_id = @county AND month >= @from AND month <= @to
  ) GROUP BY node_id, category, channel, kind`)
const rolledCounts = reader.prepare("SELECT category, sum(work) AS work FROM reports_rollup WHERE node_id = @county AND month >= @from AND month <= @to GROUP BY category")
let rawWork = 0
const raw = statsOf(await repeat(5, 1, () => {
  const now = rolled.all({ county: countyId, from: "2025-12", to: "2026-11" }) as Array<{ node_id: string; work: number }>
  rolledCounts.all({ county: countyId, from: "2024-12", to: "2025-11" })
  rawWork = now.reduce((n, r) => (r.node_id === countyId ? n + r.work : n), 0)
}))
if (rawWork !== kpis.total.work) throw new Error(`work differs: ${rawWork} raw over the roll-up, ${kpis.total.work} ours`)
// The raw scan of the ledger the roll-up replaces: the same GROUP BY over the year's rows.
const facts = reader.prepare(`SELECT substr(path, @n + 1, max(instr(substr(path, @n + 1), '/') - 1, 0)) AS child, category, channel, kind, count(*) AS work,
  count(response_seconds) AS responded, total(response_seconds <= 86400) AS inTime, total(response_seconds) AS rs, count(resolution_seconds) AS resolved,
  total(resolution_seconds) AS ss, total(ratings) AS ratings, total(satisfied) AS satisfied
  FROM work_ledger WHERE county_id = @county AND opened_at >= @from AND opened_at < @to AND outcome <> 'merged' GROUP BY 1, 2, 3, 4`)
const counts = reader.prepare("SELECT category, count(*) AS work FROM work_ledger WHERE county_id = @county AND opened_at >= @from AND opened_at < @to AND outcome <> 'merged' GROUP BY category")
const window = (from: string, to: string) => ({ from: new Date(Date.parse(`${from}T00:00:00+08:00`)).toISOString(), to: new Date(Date.parse(`${to}T00:00:00+08:00`) + DAY).toISOString() })
let scanWork = 0
const scan = statsOf(await repeat(3, 1, () => {
  const now = facts.all({ n: lo.length, county: countyId, ...window(year.from, year.to) }) as Array<{ work: number }>
  counts.all({ county: countyId, ...window("2024-12-01", "2025-11-30") })
  scanWork = now.reduce((n, r) => n + r.work, 0)
}))
if (scanWork !== kpis.total.work) throw new Error(`work differs: ${scanWork} raw scan of the ledger, ${kpis.total.work} ours`)
results.push({
  name: `whole-county KPI report for a year (${kpis.total.work.toLocaleString("en-US")} pieces of work of ${WORK.toLocaleString("en-US")}; per street, category, channel and kind, year on year), Reports.kpis from the monthly roll-up, file db`,
  value: ours.median,
  unit: "ms",
  stats: ours,
  baseline: { name: "raw better-sqlite3: the same aggregates over the roll-up (the county's and its streets' groups of the year's months, the counts by category of the year before)", value: raw.median, unit: "ms" },
  ratio: raw.median / ours.median,
  target: { ms: 2000 }
})
results.push({
  name: "the same year as a raw scan of the ledger (the GROUP BY the report ran before the roll-up, and the counts by category of the year before), raw better-sqlite3, file db",
  value: scan.median,
  unit: "ms",
  stats: scan
})

// The ledger of the busiest street for a month, whole, as the county exports it.
const street = streets[0]!
const month = { month: "2026-06" }
let rows = 0
const sheetStats = statsOf(await repeat(5, 1, async () => {
  rows = (await Effect.runPromise(reports.sheet(sys, "ledger", street.id, month))).rows.length
}))
const streetLo = `/${countyId}/${street.id}/`
const page = reader.prepare("SELECT * FROM work_ledger WHERE path >= @lo AND path < @hi AND opened_at >= @from AND opened_at < @to AND outcome <> 'merged' ORDER BY opened_at, kind, id")
let rawRows = 0
const rawSheet = statsOf(await repeat(5, 1, () => {
  rawRows = page.all({ lo: streetLo, hi: `${streetLo.slice(0, -1)}0`, ...window("2026-06-01", "2026-06-30") }).length
}))
if (rawRows !== rows) throw new Error(`ledger rows differ: ${rawRows} raw, ${rows} ours`)
results.push({
  name: `one street's ledger for a month as a sheet (${rows.toLocaleString("en-US")} rows of ${streets.length} streets), Reports.sheet ledger, file db`,
  value: sheetStats.median,
  unit: "ms",
  stats: sheetStats,
  baseline: { name: "raw better-sqlite3: SELECT * of the same rows in the same order", value: rawSheet.median, unit: "ms" },
  ratio: rawSheet.median / sheetStats.median,
  target: { ms: 2000 }
})

const peak = memory()
reader.close()
await runtime.dispose()
report("kpi", [
  ...results,
  { name: `importing the county (${HOUSEHOLDS.toLocaleString("en-US")} households)`, value: Math.round(importMs), unit: "ms" },
  { name: `writing ${WORK.toLocaleString("en-US")} ledger rows straight into work_ledger (raw, 50,000 per transaction, with its indexes)`, value: Math.round(WORK / (writeMs / 1000)), unit: "rows/s" },
  { name: `upgrading to 0022_reports_rollup: each row's month in the county's zone and the monthly roll-up filled from ${WORK.toLocaleString("en-US")} ledger rows (reopening the file)`, value: Math.round(upgradeMs), unit: "ms" },
  { name: "peak memory of the whole run", value: peak.peakRssMiB, unit: "MiB peak RSS", memory: peak }
])
remove()
