/**
 * `npm run bench -- jobs`: one pass of the scheduled rules over a county with 100,000 open
 * needs and mediation cases (half each) on a file database (WAL).
 *
 * Cases are reported through the pure decider with a 90-day acceptance deadline, over the
 * past month, so most are far from due; 1% are overdue (escalated by the pass) and 1% within
 * the 24-hour warning window (reminded). Needs are stored whole, due over the next two
 * months, with the same shares overdue (expired) and near. Measured, each against raw
 * better-sqlite3 running the same SELECTs on the same file in the same run (and parsing the
 * documents they read):
 * - the first pass, which does the work: reminders, escalations, expiries (target < 1 s);
 * - a pass ten minutes later, with nothing new to do (target < 1 s).
 * Then, in a process of its own, the notifications those rules cause as the dispatcher
 * delivers them (`bench/delivery.ts`, written to `bench/results/delivery.json`):
 * deliveries per second to a webhook receiver on loopback against a bare loop posting the
 * same bodies (target ≥ 0.5×), and the outbox's cost on appends no rule names.
 *
 * `BENCH_ITEMS` sets the number of needs and cases (default 100,000);
 * `BENCH_NOTIFICATIONS` the number of notifications delivered (default 5,000).
 */
import BetterSqlite3 from "better-sqlite3"
import { spawnSync } from "node:child_process"
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Effect, Layer, ManagedRuntime } from "effect"
import { TestClock } from "effect/testing"
import {
  type CaseId,
  decideCase,
  evolveCase,
  Grid,
  GridImport,
  type GridNodeId,
  IdGenerator,
  Jobs,
  layerTimedRules,
  makeUlidSource,
  Matching,
  MatchingStore,
  Mediation,
  type MediationCase,
  type MediationConfig,
  MediationStore,
  type Need,
  type PersonId,
  Points,
  systemActor,
  UnitOfWork
} from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { openNeed } from "./needs.js"
import { memory, repeat, report, type Result, statsOf } from "./stats.js"

const ITEMS = Number(process.env["BENCH_ITEMS"] ?? 100_000)
const CASES = Math.floor(ITEMS / 2)
const NEEDS = ITEMS - CASES
const BATCH = 1000
const HOUR = 3_600_000
const DAY = 24 * HOUR
const tmp = join(import.meta.dirname, "tmp")
mkdirSync(tmp, { recursive: true })
const file = join(tmp, "jobs.db")
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true })
const sys = systemActor("bench")
/** The bench's clock: 2026-06-01 00:05 UTC, just after a 10-minute firing. */
const NOW = Date.UTC(2026, 5, 1, 0, 5)

const app = layerTimedRules().pipe(
  Layer.provideMerge(Matching.layer),
  Layer.provideMerge(Layer.mergeAll(Grid.layer, GridImport.layer, Mediation.layer, Points.layer)),
  Layer.provideMerge(sqliteLayer({ filename: file })),
  Layer.provideMerge(IdGenerator.layer),
  Layer.provideMerge(TestClock.layer())
)
const runtime = ManagedRuntime.make(app)
await runtime.runPromise(TestClock.setTime(NOW))
const results: Array<Result> = []

let seed = 7
const random = () => {
  seed ^= seed << 13
  seed ^= seed >>> 17
  seed ^= seed << 5
  return (seed >>> 0) / 4294967296
}
const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(random() * xs.length)]!
/** Where an item's deadline falls: 1% past, 1% within the warning window, the rest later. */
const dueOffset = (later: () => number): number => {
  const r = random()
  return r < 0.01 ? -(1 + random() * 47) * HOUR : r < 0.02 ? (1 + random() * 22) * HOUR : later()
}

// ---------------------------------------------------------------------------
// The county, its cases and its needs

console.log("importing a county of 2,000 households…")
const countyId = (await runtime.runPromise(GridImport.use((i) => i.importCounty(sys, generateCounty({ households: 2_000, seed: 5 }))))).countyId
const admin = { id: "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0AB", kind: "person" as const, name: "admin", grants: [{ role: "county_admin" as const, scope: countyId }] }
const ACCEPT_HOURS = 90 * 24
const config: MediationConfig = await runtime.runPromise(Mediation.use((m) => m.configure(admin, countyId, {
  departments: [{ code: "urban", name: "县城管局", categories: ["parking", "noise"], staff: [], supervisor: null }],
  defaultDepartment: "urban",
  deadlines: { acceptHours: ACCEPT_HOURS, firstHearingHours: 72, agreementHours: 720, escalationHours: 48, streetHours: 240, departmentHours: 480 }
})))
// One period per pass, as a county that runs its rules all the time has.
await runtime.runPromise(Jobs.use((j) => j.configure(admin, countyId, { maxCatchUp: 1 })))

const reader = new BetterSqlite3(file, { readonly: true })
const nodes = reader.prepare("SELECT id, path, level, name FROM nodes WHERE status = 'active'").all() as Array<{ id: GridNodeId; path: string; level: string; name: string }>
const byId = new Map(nodes.map((n) => [n.id, n]))
const units = nodes.filter((n) => n.level === "unit").map((n) => ({ ...n, scope: n.path.slice(1, -1).split("/") as Array<GridNodeId> }))
const categories = config.categories.map((c) => c.key)
const nextUlid = makeUlidSource((bytes) => globalThis.crypto.getRandomValues(bytes))
const mediator = "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0AC" as PersonId

/** A reported case whose acceptance deadline falls as {@link dueOffset} says. */
const makeCase = (): MediationCase => {
  const unit = pick(units)
  const street = byId.get(unit.scope[1]!)!
  const due = NOW + dueOffset(() => (2 + random() * 88) * DAY)
  const at = new Date(due - ACCEPT_HOURS * HOUR).toISOString()
  const id = `med_${nextUlid(Date.now())}` as CaseId
  const decided = decideCase(undefined, { _tag: "Report", nodeId: unit.id, category: pick(categories), title: "邻里纠纷", description: "楼道堆放杂物", parties: [{ kind: "external", name: "王伟", phone: null, idCardNumber: null, houseNumber: "1-1-101", side: "applicant" }] }, {
    at, actor: sys, config, place: { id, countyId, nodeId: unit.id, scope: unit.scope, placeName: unit.name }, street: { id: street.id, name: street.name, supervisor: null }
  })
  if (decided._tag === "Failure") throw decided.failure
  const c = decided.success.reduce(evolveCase, undefined as MediationCase | undefined)!
  return { ...c, mediators: [mediator], version: decided.success.length }
}

const AT = new Date(NOW - DAY).toISOString()
const makeNeed = (i: number): Need => {
  const unit = pick(units)
  return openNeed({
    id: `need_${nextUlid(Date.now())}` as Need["id"],
    countyId,
    nodeId: unit.id,
    scope: unit.scope,
    category: "repairs",
    title: `need ${i}`,
    requiredSkills: ["repairs"],
    requester: { id: mediator, name: "张三" },
    urgency: "normal",
    dueAt: new Date(NOW + dueOffset(() => (2 + random() * 58) * DAY)).toISOString(),
    slots: 1
  }, AT)
}

console.log(`storing ${CASES.toLocaleString("en-US")} cases and ${NEEDS.toLocaleString("en-US")} needs…`)
const started = performance.now()
for (let done = 0; done < CASES; done += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, CASES - done) }, makeCase)
  await runtime.runPromise(Effect.gen(function*() {
    const store = yield* MediationStore
    yield* (yield* UnitOfWork).transaction(Effect.forEach(batch, (c) => store.insert(c), { discard: true }))
  }))
}
for (let done = 0; done < NEEDS; done += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, NEEDS - done) }, (_, i) => makeNeed(done + i))
  await runtime.runPromise(Effect.gen(function*() {
    const store = yield* MatchingStore
    yield* (yield* UnitOfWork).transaction(Effect.forEach(batch, (n) => store.insertNeed(n), { discard: true }))
  }))
}
console.log(`  stored in ${Math.round(performance.now() - started)} ms`)
;(globalThis as { gc?: () => void }).gc?.()

// ---------------------------------------------------------------------------
// The same SELECTs, raw

const iso = (ms: number) => new Date(ms).toISOString()
const lo = `/${countyId}/`
const hi = `/${countyId}0`
const rawCasesDue = reader.prepare(
  "SELECT id, version, county_id, node_id, category, state, level, due_kind, due_at FROM mediation_cases INDEXED BY mediation_cases_due " +
  "WHERE due_at IS NOT NULL AND due_at < ? AND path >= ? AND path < ? ORDER BY due_at, id LIMIT ?"
)
const rawCase = reader.prepare("SELECT doc FROM mediation_cases WHERE id = ?")
const rawItems = reader.prepare("SELECT doc FROM deliberation_items WHERE county_id = ? AND due_at IS NOT NULL AND due_at <= ? AND state IN ('accepted', 'in_progress') ORDER BY promised_key, id LIMIT 500 OFFSET 0")
const rawNeeds = reader.prepare("SELECT doc FROM matching_needs WHERE county_id = ? AND state IN ('open', 'claimed', 'assigned', 'visiting') AND due_at < ? ORDER BY id LIMIT 1000")
const rawHolds = reader.prepare("SELECT * FROM points_holds WHERE status = 'pending' AND timeout_at IS NOT NULL AND timeout_at <= ? ORDER BY timeout_at, id LIMIT 100")
/** What one pass reads: the reminder scans to the end of the warning window, then the expiry and supervision scans at now. */
const rawPass = (at: number) => {
  let rows = 0
  const until = iso(at + DAY)
  for (const r of rawCasesDue.all(until, lo, hi, 100_000) as Array<{ id: string }>) {
    JSON.parse((rawCase.get(r.id) as { doc: string }).doc)
    rows++
  }
  for (const r of rawItems.all(countyId, until) as Array<{ doc: string }>) rows += JSON.parse(r.doc) === null ? 0 : 1
  for (const r of rawNeeds.all(countyId, until) as Array<{ doc: string }>) rows += JSON.parse(r.doc) === null ? 0 : 1
  rows += rawHolds.all(iso(at)).length
  for (const r of rawNeeds.all(countyId, iso(at)) as Array<{ doc: string }>) rows += JSON.parse(r.doc) === null ? 0 : 1
  rows += rawCasesDue.all(iso(at), lo, hi, 10_000).length
  return rows
}

// ---------------------------------------------------------------------------
// The passes

const jobs = await runtime.runPromise(Jobs.use(Effect.succeed))
const rawFirst = statsOf(await repeat(5, 1, () => rawPass(NOW)))
const firstStarted = performance.now()
const first = await runtime.runPromise(jobs.runDue())
const firstMs = performance.now() - firstStarted
const failed = first.runs.filter((r) => r.status !== "ok")
if (failed.length > 0) throw new Error(`runs failed: ${failed.map((r) => `${r.job}: ${r.message}`).join("; ")}`)
const did = (job: string) => first.runs.find((r) => r.job === job)?.changed ?? 0
results.push({
  name: `first pass of the scheduled rules over ${CASES.toLocaleString("en-US")} open cases and ${NEEDS.toLocaleString("en-US")} open needs (${first.runs.length} runs: ${did("mediation.reminders") + did("matching.reminders")} reminders, ${did("mediation.supervise")} escalations, ${did("matching.expire-needs")} needs expired), Jobs.runDue, file db`,
  value: firstMs,
  unit: "ms",
  baseline: { name: "raw better-sqlite3: the same SELECTs on the same file, documents parsed", value: rawFirst.median, unit: "ms" },
  ratio: rawFirst.median / firstMs,
  target: { ms: 1000 },
  note: "measured once: the work it does is done"
})

let t = NOW
const steady = statsOf(await repeat(5, 1, async () => {
  t += 10 * 60_000
  await runtime.runPromise(TestClock.setTime(t))
  const pass = await runtime.runPromise(jobs.runDue())
  if (pass.runs.length === 0) throw new Error("a pass ran nothing")
}))
const rawSteady = statsOf(await repeat(5, 1, () => rawPass(t)))
results.push({
  name: `a pass ten minutes later over the same ${ITEMS.toLocaleString("en-US")} open needs and cases, with nothing new to do, Jobs.runDue`,
  value: steady.median,
  unit: "ms",
  stats: steady,
  baseline: { name: "raw better-sqlite3: the same SELECTs on the same file, documents parsed", value: rawSteady.median, unit: "ms" },
  ratio: rawSteady.median / steady.median,
  target: { ms: 1000 },
  memory: memory()
})

report("jobs", results)
reader.close()
await runtime.dispose()

// ---------------------------------------------------------------------------
// Notification delivery: deliveries per second to a local receiver against a bare loop
// posting the same bodies (target ≥ 0.5×), in a process of its own so the pass's memory
// does not skew it; it writes bench/results/delivery.json.

const delivery = spawnSync(process.execPath, ["--conditions=@mulin/source", "--import", "tsx", "--expose-gc", join(import.meta.dirname, "delivery.ts")], { stdio: "inherit" })
if (delivery.status !== 0) process.exit(1)
