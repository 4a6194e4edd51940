/**
 * `npm run bench -- grid`: a seeded county of 1,000,000 households on a file database (WAL).
 *
 * - CSV-record import through `GridImport` (validation, ids, households + one event each)
 *   against a raw better-sqlite3 loop inserting every row the import wrote into the same
 *   schema with the same settings.
 * - "Who serves this household" and "ancestors" per call through the `Grid` use cases,
 *   against raw better-sqlite3 doing the same reads.
 * - The whole-county coverage report, against raw SQL reads feeding the same computation.
 * - Point reads through the store with and without the statement cache, against raw.
 */
import BetterSqlite3 from "better-sqlite3"
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Effect, Layer, ManagedRuntime } from "effect"
import { computeCoverage, Grid, GridImport, type GridNodeId, GridStore, type HouseholdId, IdGenerator, systemActor } from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"
import { layer as sqliteLayer, SqliteDatabase } from "@mulin/adapter-sqlite"
import { latencies, memory, percentile, repeat, report, type Result, statsOf } from "./stats.js"

const HOUSEHOLDS = Number(process.env["BENCH_HOUSEHOLDS"] ?? 1_000_000)
const CALLS = 20_000
const DATE = "2026-06-01"
const tmp = join(import.meta.dirname, "tmp")
mkdirSync(tmp, { recursive: true })
const file = join(tmp, "grid.db")
const rawFile = join(tmp, "grid-raw.db")
const sys = systemActor("bench")

const fresh = (path: string) => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true })
}
const appLayer = (statementCache: boolean) =>
  Layer.mergeAll(Grid.layer, GridImport.layer).pipe(Layer.provideMerge(sqliteLayer({ filename: file, statementCache })), Layer.provide(IdGenerator.layer))

const results: Array<Result> = []
let runtime = ManagedRuntime.make(appLayer(true))

/**
 * The import's raw floor: a fresh database migrated by the adapter (same schema, indexes and
 * triggers), opened with the adapter's settings, receives every row the import wrote, table
 * by table, through prepared statements in one transaction. Rows are read from the imported
 * database in chunks outside the timed part: the figure is the writes alone.
 */
const sameRowsBaseline = async (): Promise<{ ms: number; rate: number; householdRate: number; householdEventsMs: number; byTable: Record<string, number> }> => {
  fresh(rawFile)
  await Effect.runPromise(Effect.flatMap(SqliteDatabase.make({ filename: rawFile }), (db) => db.close))
  const target = new BetterSqlite3(rawFile)
  target.pragma("journal_mode = WAL")
  target.pragma("synchronous = NORMAL")
  target.pragma("foreign_keys = ON")
  target.pragma("cache_size = -65536")
  target.pragma("mmap_size = 1073741824")
  const source = new BetterSqlite3(file, { readonly: true })
  const byTable: Record<string, number> = {}
  let householdEventsMs = 0
  const copy = (table: string, where = "", measure?: (ms: number) => void) => {
    const columns = (source.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name)
    const insert = target.prepare(`INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`)
    const rows = source.prepare(`SELECT ${columns.join(", ")} FROM ${table} ${where}`).raw(true).iterate() as IterableIterator<Array<unknown>>
    let ms = 0
    let chunk: Array<Array<unknown>> = []
    const flush = () => {
      const t = performance.now()
      for (const r of chunk) insert.run(r)
      ms += performance.now() - t
      chunk = []
    }
    for (const r of rows) {
      chunk.push(r)
      if (chunk.length === 20_000) flush()
    }
    flush()
    if (measure === undefined) byTable[table] = (byTable[table] ?? 0) + ms
    else measure(ms)
  }
  target.exec("BEGIN IMMEDIATE")
  for (const table of ["counties", "nodes", "scope_keys", "event_scopes", "households", "people", "assignments"]) copy(table)
  copy("events", "WHERE type = 'grid.household.created' ORDER BY position", (ms) => (householdEventsMs = ms))
  copy("events", "WHERE type <> 'grid.household.created' ORDER BY position")
  const t = performance.now()
  target.exec("COMMIT")
  byTable["commit"] = performance.now() - t
  const ms = Object.values(byTable).reduce((a, b) => a + b, 0) + householdEventsMs
  source.close()
  target.close()
  fresh(rawFile)
  return { ms, rate: HOUSEHOLDS / (ms / 1000), householdRate: HOUSEHOLDS / ((byTable["households"]! + householdEventsMs) / 1000), householdEventsMs, byTable }
}

// ---------------------------------------------------------------------------
// Import. In a function of its own so that the generated county (millions of records) is
// garbage by the time lookups are timed: a heap of several GB makes every GC pause long.

const importPhase = async () => {
  console.log(`generating a county of ${HOUSEHOLDS.toLocaleString("en-US")} households…`)
  let t = performance.now()
  const county = generateCounty({ households: HOUSEHOLDS, seed: 1, gaps: true })
  console.log(`  ${county.stats.residents.toLocaleString("en-US")} residents, ${county.nodes.length.toLocaleString("en-US")} nodes in ${Math.round(performance.now() - t)} ms`)
  fresh(file)
  t = performance.now()
  const imported = await runtime.runPromise(GridImport.use((i) => i.importCounty(sys, county)))
  const importMs = performance.now() - t
  const importRate = HOUSEHOLDS / (importMs / 1000)
  const importMemory = memory()
  console.log(`  import: ${Math.round(importMs)} ms, ${Math.round(importRate).toLocaleString("en-US")} households/s, ${imported.events.toLocaleString("en-US")} events`)

  // Baseline: every row the import wrote, inserted again by hand into a fresh database.
  const raw = await sameRowsBaseline()
  console.log(`  raw, the same rows: ${Math.round(raw.ms)} ms, ${Math.round(raw.rate).toLocaleString("en-US")} households/s (households and their events alone: ${Math.round(raw.householdRate).toLocaleString("en-US")}/s)`)
  console.log(`    ms by table: ${Object.entries({ ...raw.byTable, "household events": raw.householdEventsMs }).map(([k, v]) => `${k} ${Math.round(v)}`).join(", ")}`)
  results.push({
    name: `CSV-record import, ${HOUSEHOLDS.toLocaleString("en-US")} households (${county.stats.residents.toLocaleString("en-US")} residents, nodes, people, assignments, one event each), file db`,
    value: Math.round(importRate),
    unit: "households/s",
    baseline: { name: "raw better-sqlite3: every row the import wrote (nodes, households, people, assignments, events, scope keys), inserted again through prepared statements into the same schema with the same settings, one transaction, no validation", value: Math.round(raw.rate), unit: "households/s" },
    ratio: importRate / raw.rate,
    stats: { ms: Math.round(importMs), events: imported.events },
    note: `raw ms by table: ${Object.entries({ ...raw.byTable, "household events": raw.householdEventsMs }).map(([k, v]) => `${k} ${Math.round(v)}`).join(", ")}; the household rows and their events alone: ${Math.round(raw.householdRate).toLocaleString("en-US")} households/s`,
    target: { value: 50_000, unit: "households/s" },
    memory: importMemory
  })
  return imported
}
const imported = await importPhase()
// The lookups run on a runtime of their own, as a server started on the imported file would:
// the import's runtime (its adapter's caches and statements) is disposed first, so neither
// side is timed beside the import's garbage.
await runtime.dispose()
runtime = ManagedRuntime.make(appLayer(true))
;(globalThis as { gc?: () => void }).gc?.()
const lookupMemory = memory()
console.log(`  before the lookups: heap ${lookupMemory.heapUsedMiB} MiB, rss ${lookupMemory.rssMiB} MiB`)

// ---------------------------------------------------------------------------
// Lookups

// The baseline's connection has the adapter's settings (page cache, memory-mapped reads).
const db = new BetterSqlite3(file, { readonly: true })
db.pragma("cache_size = -65536")
db.pragma("mmap_size = 1073741824")
db.pragma("temp_store = MEMORY")
const householdIds = (db.prepare("SELECT id FROM households ORDER BY random() LIMIT ?").all(CALLS) as Array<{ id: HouseholdId }>).map((r) => r.id)
const unitIds = (db.prepare("SELECT node_id AS id FROM households WHERE id IN (SELECT id FROM households ORDER BY random() LIMIT ?)").all(CALLS) as Array<{ id: GridNodeId }>).map((r) => r.id)

const rawWhoServes = (() => {
  // The same reads as the adapter: one statement (one snapshot) returning the household with
  // its unit's path, the nodes on the path, and the current assignments there with their
  // people, as tuples; then the nearest assignment per role and its person.
  const ids = `json_each('["' || replace(substr(u.path, 2, length(u.path) - 2), '/', '","') || '"]')`
  const pad = (n: number) => ", NULL".repeat(n)
  const served = db.prepare([
    `SELECT 0, h.id, h.county_id, h.node_id, h.code, h.residents, h.status, h.version, h.created_at, h.updated_at, u.path${pad(10)} FROM households h LEFT JOIN nodes u ON u.id = h.node_id WHERE h.id = ?`,
    `SELECT 1, n.id, n.county_id, n.parent_id, n.path, n.depth, n.level, n.code, n.name, n.party_organisation, n.status, n.version, n.created_at, n.updated_at${pad(7)} FROM households h CROSS JOIN nodes u ON u.id = h.node_id CROSS JOIN ${ids} CROSS JOIN nodes n ON n.id = json_each.value WHERE h.id = ?`,
    `SELECT 2, a.id, a.county_id, a.person_id, a.node_id, a.role, a.start_date, a.end_date, a.version, a.created_at, a.updated_at, p.id, p.county_id, p.node_id, p.code, p.name, p.phone, p.household_id, p.version, p.created_at, p.updated_at FROM households h CROSS JOIN nodes u ON u.id = h.node_id CROSS JOIN ${ids} CROSS JOIN assignments a ON a.node_id = json_each.value LEFT JOIN people p ON p.id = a.person_id WHERE h.id = ? AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)`
  ].join(" UNION ALL ")).raw(true)
  return (id: string) => {
    const rows = served.all(id, id, id, DATE, DATE) as Array<Array<any>>
    let path: Array<string> = []
    for (const r of rows) {
      if (r[0] === 0) {
        JSON.parse(r[5])
        path = (r[10] as string).slice(1, -1).split("/")
      }
    }
    const nearest = new Map<string, Array<any>>()
    for (const r of rows) {
      if (r[0] !== 2) continue
      const held = nearest.get(r[5])
      if (held === undefined || path.indexOf(r[4]) > path.indexOf(held[4])) nearest.set(r[5], r)
    }
    return [rows.filter((r) => r[0] === 1), [...nearest.values()].map((a) => a.slice(11))]
  }
})()
const rawAncestors = (() => {
  const node = db.prepare("SELECT path FROM nodes WHERE id = ?")
  const nodes = db.prepare("SELECT * FROM nodes WHERE id IN (SELECT value FROM json_each(?))")
  return (id: string) => nodes.all(JSON.stringify((node.get(id) as { path: string }).path.split("/").filter((s) => s !== "").slice(0, -1)))
})()

const grid = await runtime.runPromise(Effect.gen(function*() { return yield* Grid }))
const latencyResult = async (name: string, ours: (i: number) => Promise<unknown>, baselineName: string, base: (i: number) => unknown): Promise<Result> => {
  // Alternate our calls and the baseline's in blocks so both see the same machine.
  const mine: Array<number> = []
  const theirs: Array<number> = []
  // Alternate which side reads a block's ids first, so neither always finds the pages warm.
  for (let block = 0; block < 4; block++) {
    const offset = block * (CALLS / 4)
    const measure = [
      async () => mine.push(...await latencies(CALLS / 4, 500, (i) => ours((offset + i) % CALLS))),
      async () => theirs.push(...await latencies(CALLS / 4, 500, (i) => base((offset + i) % CALLS)))
    ]
    for (const m of block % 2 === 0 ? measure : measure.reverse()) await m()
  }
  const p50 = percentile(mine, 50)
  const p99 = percentile(mine, 99)
  const b50 = percentile(theirs, 50)
  const b99 = percentile(theirs, 99)
  return {
    name,
    value: p99,
    unit: "ms p99",
    stats: { p50, p99, max: Math.max(...mine) },
    baseline: { name: `${baselineName} (p50 ${b50.toFixed(4)} ms)`, value: b99, unit: "ms p99" },
    ratio: b99 / p99,
    target: { p99: 1, unit: "ms" },
    memory: lookupMemory,
    note: `p50 ratio ${(b50 / p50).toFixed(2)}; alternating blocks of ${CALLS / 4} calls, each side first in every other block; memory: before the lookups`
  }
}

const admin = { id: "bench-admin", kind: "person" as const, name: "admin", grants: [{ role: "county_admin" as const, scope: imported.countyId }] }
results.push(await latencyResult(
  "who serves this household, in-process through Grid.whoServes (county admin, file db)",
  (i) => Effect.runPromise(grid.whoServes(admin, householdIds[i]!, { date: DATE })),
  "raw better-sqlite3 with the adapter's settings, the same statement, the nearest per role picked the same way",
  (i) => rawWhoServes(householdIds[i]!)
))
results.push(await latencyResult(
  "ancestors of a smallest unit, in-process through Grid.ancestors",
  (i) => Effect.runPromise(grid.ancestors(admin, unitIds[i]!)),
  "raw better-sqlite3, the same two reads",
  (i) => rawAncestors(unitIds[i]!)
))

// ---------------------------------------------------------------------------
// Coverage

const coverageRuns = await repeat(5, 1, () => Effect.runPromise(grid.coverage(admin, imported.countyId, { date: DATE, limit: 100 })))
const sample = await Effect.runPromise(grid.coverage(admin, imported.countyId, { date: DATE, limit: 100 }))
const rawCoverageRuns = await repeat(5, 1, () => {
  const root = db.prepare("SELECT path FROM nodes WHERE id = ?").get(imported.countyId) as { path: string }
  const upper = root.path.slice(0, -1) + "0"
  const outline = (db.prepare("SELECT id, parent_id AS parentId, depth, name, party_organisation IS NOT NULL AS org FROM nodes WHERE status = 'active' AND path >= ? AND path < ? ORDER BY path").all(root.path, upper) as Array<{ id: GridNodeId; parentId: GridNodeId | null; depth: number; name: string; org: number }>)
    .map((n) => ({ id: n.id, parentId: n.parentId, depth: n.depth, name: n.name, hasPartyOrganisation: n.org === 1 }))
  const assignments = db.prepare("SELECT a.* FROM assignments a WHERE a.county_id = ? AND a.role IN ('building_leader', 'party_member') AND a.start_date <= ? AND (a.end_date IS NULL OR a.end_date >= ?)").all(imported.countyId, DATE, DATE) as Array<{ id: string; node_id: GridNodeId; role: "building_leader"; start_date: string; end_date: string | null }>
  return computeCoverage({
    rootId: imported.countyId, date: DATE, unitDepth: 5, outline,
    assignments: assignments.map((a) => ({ id: a.id, nodeId: a.node_id, role: a.role, startDate: a.start_date, endDate: a.end_date }) as never),
    inherited: { buildingLeader: false, partyMember: false, partyOrganisation: false }, limit: 100
  })
})
const cov = statsOf(coverageRuns)
const rawCov = statsOf(rawCoverageRuns)
results.push({
  name: `whole-county coverage report (${sample.units.toLocaleString("en-US")} units; ${sample.fullyCovered.percent}% fully covered), Grid.coverage`,
  value: cov.median,
  unit: "ms",
  stats: cov,
  baseline: { name: "raw better-sqlite3 reads of the same outline and assignments + the same computation", value: rawCov.median, unit: "ms" },
  ratio: rawCov.median / cov.median,
  target: { ms: 2000 }
})

// ---------------------------------------------------------------------------
// Statement cache

const pointReads = async (rt: typeof runtime) => {
  const store = await rt.runPromise(Effect.gen(function*() { return yield* GridStore }))
  const runs = await repeat(5, 1, async () => {
    for (let i = 0; i < CALLS; i++) await Effect.runPromise(store.getNode(unitIds[i]!))
  })
  return CALLS / (statsOf(runs).median / 1000)
}
const rawPoint = db.prepare("SELECT * FROM nodes WHERE id = ?")
const rawRuns = await repeat(5, 1, () => {
  for (let i = 0; i < CALLS; i++) rawPoint.get(unitIds[i]!)
})
const rawRate = CALLS / (statsOf(rawRuns).median / 1000)
const cached = await pointReads(runtime)
await runtime.dispose()
runtime = ManagedRuntime.make(appLayer(false))
const uncached = await pointReads(runtime)
await runtime.dispose()
db.close()
results.push({
  name: "node point reads through GridStore.getNode, statement cache ON",
  value: Math.round(cached),
  unit: "reads/s",
  baseline: { name: "raw better-sqlite3 prepared select", value: Math.round(rawRate), unit: "reads/s" },
  ratio: cached / rawRate
})
results.push({
  name: "node point reads through GridStore.getNode, statement cache OFF (kysely re-prepares every statement)",
  value: Math.round(uncached),
  unit: "reads/s",
  baseline: { name: "raw better-sqlite3 prepared select", value: Math.round(rawRate), unit: "reads/s" },
  ratio: uncached / rawRate,
  note: `the cache makes point reads ${(cached / uncached).toFixed(2)}× faster`
})

results.push({ name: "peak memory of the whole run", value: memory().peakRssMiB, unit: "MiB peak RSS", memory: memory() })
report("grid", results)
fresh(file)
