/**
 * `npm run bench -- grid`: a seeded county of 1,000,000 households on a file database (WAL).
 *
 * - CSV-record import through `GridImport` (validation, ids, households + one event each)
 *   against a raw better-sqlite3 loop inserting the same household and event rows.
 * - "Who serves this household" and "ancestors" per call through the `Grid` use cases,
 *   against raw better-sqlite3 doing the same reads.
 * - The whole-county coverage report, against raw SQL reads feeding the same computation.
 * - Point reads through the store with and without the statement cache, against raw.
 */
import BetterSqlite3 from "better-sqlite3"
import { rmSync } from "node:fs"
import { join } from "node:path"
import { Effect, Layer, ManagedRuntime } from "effect"
import { computeCoverage, Grid, GridImport, type GridNodeId, GridStore, type HouseholdId, IdGenerator, systemActor } from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { latencies, memory, percentile, repeat, report, type Result, statsOf } from "./stats.js"

const HOUSEHOLDS = Number(process.env["BENCH_HOUSEHOLDS"] ?? 1_000_000)
const CALLS = 20_000
const DATE = "2026-06-01"
const tmp = join(import.meta.dirname, "tmp")
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

  // Baseline: the same household and event rows through prepared statements in one transaction.
  const raw = (() => {
    fresh(rawFile)
    const db = new BetterSqlite3(rawFile)
    db.pragma("journal_mode = WAL")
    db.pragma("synchronous = NORMAL")
    db.exec(`CREATE TABLE households (id TEXT PRIMARY KEY NOT NULL, county_id TEXT NOT NULL, node_id TEXT NOT NULL, code TEXT NOT NULL, residents TEXT NOT NULL, resident_count INTEGER NOT NULL, status TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL) STRICT;
      CREATE UNIQUE INDEX households_live_code ON households (node_id, code) WHERE status = 'active';
      CREATE INDEX households_live_node ON households (node_id, id, resident_count) WHERE status = 'active';
      CREATE INDEX households_live_county ON households (county_id, id) WHERE status = 'active';
      CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL, aggregate_type TEXT NOT NULL, aggregate_id TEXT NOT NULL, version INTEGER NOT NULL, actor TEXT NOT NULL, at TEXT NOT NULL, scope TEXT NOT NULL, scope_key TEXT NOT NULL, payload TEXT NOT NULL) STRICT;
      CREATE INDEX events_scope ON events (scope_key);`)
    // Rows prepared outside the timed part: the baseline measures the writes alone.
    const byHousehold = new Map<string, Array<(typeof county.households)[number]>>()
    for (const r of county.households) {
      const key = `${r.unit_path}#${r.door_number}`
      const list = byHousehold.get(key)
      if (list === undefined) byHousehold.set(key, [r])
      else list.push(r)
    }
    const at = new Date().toISOString()
    const rows = [...byHousehold.entries()].map(([key, residents], i) => {
      const id = `hh_${String(i).padStart(26, "0")}`
      const node = `node_${key.split("#")[0]!.padEnd(26, "0").slice(0, 26)}`
      return {
        household: [id, "node_county", node, residents[0]!.door_number, JSON.stringify(residents), residents.length, "active", 1, at, at],
        event: [`evt_${String(i).padStart(26, "0")}`, "grid.household.created", "household", id, 1, '{"id":"bench","kind":"system"}', at, `/${node}/`, `/1/${i % 5000}/`, `{"nodeId":"${node}","residents":${residents.length}}`]
      }
    })
    const insertHousehold = db.prepare("INSERT INTO households VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    const insertEvent = db.prepare("INSERT INTO events (id, type, aggregate_type, aggregate_id, version, actor, at, scope, scope_key, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
    const started = performance.now()
    db.transaction(() => {
      for (const r of rows) {
        insertHousehold.run(...r.household)
        insertEvent.run(...r.event)
      }
    })()
    const ms = performance.now() - started
    db.close()
    fresh(rawFile)
    return { ms, rate: rows.length / (ms / 1000) }
  })()
  results.push({
    name: `CSV-record import, ${HOUSEHOLDS.toLocaleString("en-US")} households (${county.stats.residents.toLocaleString("en-US")} residents, nodes, people, assignments, one event each), file db`,
    value: Math.round(importRate),
    unit: "households/s",
    stats: { ms: Math.round(importMs), events: imported.events },
    baseline: { name: "raw better-sqlite3: the same household + event rows, one transaction, no validation", value: Math.round(raw.rate), unit: "households/s" },
    ratio: importRate / raw.rate,
    target: { value: 50_000, unit: "households/s" },
    memory: importMemory
  })
  return imported
}
const imported = await importPhase()
;(globalThis as { gc?: () => void }).gc?.()

// ---------------------------------------------------------------------------
// Lookups

const db = new BetterSqlite3(file, { readonly: true })
const householdIds = (db.prepare("SELECT id FROM households ORDER BY random() LIMIT ?").all(CALLS) as Array<{ id: HouseholdId }>).map((r) => r.id)
const unitIds = (db.prepare("SELECT node_id AS id FROM households WHERE id IN (SELECT id FROM households ORDER BY random() LIMIT ?)").all(CALLS) as Array<{ id: GridNodeId }>).map((r) => r.id)

const rawWhoServes = (() => {
  const hh = db.prepare("SELECT node_id FROM households WHERE id = ?")
  const node = db.prepare("SELECT path, id, name, level, party_organisation FROM nodes WHERE id = ?")
  const nodes = db.prepare("SELECT id, name, level, party_organisation FROM nodes WHERE id IN (SELECT value FROM json_each(?))")
  const asg = db.prepare("SELECT * FROM assignments WHERE node_id IN (SELECT value FROM json_each(?)) AND start_date <= ? AND (end_date IS NULL OR end_date >= ?)")
  const people = db.prepare("SELECT * FROM people WHERE id IN (SELECT value FROM json_each(?))")
  return (id: string) => {
    const h = hh.get(id) as { node_id: string }
    const n = node.get(h.node_id) as { path: string }
    const path = JSON.stringify(n.path.split("/").filter((s) => s !== ""))
    const ns = nodes.all(path)
    const as = asg.all(path, DATE, DATE) as Array<{ person_id: string }>
    return [ns, people.all(JSON.stringify(as.map((a) => a.person_id)))]
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
  for (let block = 0; block < 4; block++) {
    const offset = block * (CALLS / 4)
    mine.push(...await latencies(CALLS / 4, 500, (i) => ours((offset + i) % CALLS)))
    theirs.push(...await latencies(CALLS / 4, 500, (i) => base((offset + i) % CALLS)))
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
    target: { p99: 1, unit: "ms" }
  }
}

const admin = { id: "bench-admin", kind: "person" as const, name: "admin", grants: [{ role: "county_admin" as const, scope: imported.countyId }] }
results.push(await latencyResult(
  "who serves this household, in-process through Grid.whoServes (county admin, file db)",
  (i) => Effect.runPromise(grid.whoServes(admin, householdIds[i]!, { date: DATE })),
  "raw better-sqlite3, the same five reads",
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
