/**
 * `npm run bench -- mediation`: 100,000 mediation cases of a seeded county on a file
 * database (WAL).
 *
 * Cases are made by the pure decider (report, acceptance, hearing, the three rounds,
 * agreement or escalation to the street and a department, resolution, disclosure, ratings,
 * withdrawals) over the past year, and stored through `MediationStore.insert`, 1,000 per
 * unit of work. Then, each against raw better-sqlite3 running the same SQL on the same
 * file in the same run:
 * - the overdue scan of the whole county, as the supervision run reads it (target < 200 ms);
 * - the whole-county statistics through `Mediation.statistics` (target < 500 ms).
 */
import BetterSqlite3 from "better-sqlite3"
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Effect, Layer, ManagedRuntime } from "effect"
import {
  type CaseId,
  type CaseCommand,
  decideCase,
  type DecideCommand,
  type DecideContext,
  evolveCase,
  GridImport,
  type GridNodeId,
  IdGenerator,
  makeUlidSource,
  Mediation,
  type MediationCase,
  type MediationConfig,
  MediationStore,
  type PersonId,
  systemActor,
  UnitOfWork
} from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { memory, repeat, report, type Result, statsOf } from "./stats.js"

const CASES = Number(process.env["BENCH_CASES"] ?? 100_000)
const BATCH = 1000
const tmp = join(import.meta.dirname, "tmp")
mkdirSync(tmp, { recursive: true })
const file = join(tmp, "mediation.db")
const sys = systemActor("bench")
const HOUR = 3_600_000

const fresh = (path: string) => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true })
}
fresh(file)
const app = Layer.mergeAll(Mediation.layer, GridImport.layer).pipe(Layer.provideMerge(sqliteLayer({ filename: file })), Layer.provide(IdGenerator.layer))
const runtime = ManagedRuntime.make(app)
const results: Array<Result> = []

// ---------------------------------------------------------------------------
// The county and its cases

console.log("importing a county of 20,000 households…")
const imported = await runtime.runPromise(GridImport.use((i) => i.importCounty(sys, generateCounty({ households: 20_000, seed: 3 }))))
const countyId = imported.countyId
// The county administrator as the system would derive them from a post at the county.
const admin = { id: "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0AB", kind: "person" as const, name: "admin", grants: [{ role: "county_admin" as const, scope: countyId }] }
const config: MediationConfig = await runtime.runPromise(Mediation.use((m) => m.configure(admin, countyId, {
  departments: [
    { code: "housing", name: "县住建局", categories: ["water_leak", "property_fee"], staff: [], supervisor: null },
    { code: "urban", name: "县城管局", categories: ["parking", "noise"], staff: [], supervisor: null }
  ],
  defaultDepartment: "urban"
})))
const mediator = "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0AC" as PersonId

const reader = new BetterSqlite3(file, { readonly: true })
const nodes = reader.prepare("SELECT id, path, level, name FROM nodes WHERE status = 'active'").all() as Array<{ id: GridNodeId; path: string; level: string; name: string }>
const byId = new Map(nodes.map((n) => [n.id, n]))
const units = nodes.filter((n) => n.level === "unit").map((n) => ({ ...n, scope: n.path.slice(1, -1).split("/") as Array<GridNodeId> }))
console.log(`  ${units.length.toLocaleString("en-US")} units`)

let seed = 42
const random = () => {
  seed ^= seed << 13
  seed ^= seed >>> 17
  seed ^= seed << 5
  return (seed >>> 0) / 4294967296
}
const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(random() * xs.length)]!
const categories = config.categories.map((c) => c.key)
const surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
const given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华"
const personName = () => pick([...surnames]) + pick([...given]) + (random() < 0.6 ? pick([...given]) : "")
const phone = () => `1${pick(["3", "5", "8"])}${String(Math.floor(random() * 1e9)).padStart(9, "0")}`

const NOW = Date.now()
const nextUlid = makeUlidSource((bytes) => globalThis.crypto.getRandomValues(bytes))
const ulid = () => `med_${nextUlid(Date.now())}` as CaseId

/** One case, driven by the decider from a random report time through a random path, never past now. */
const makeCase = (): MediationCase => {
  const unit = pick(units)
  const street = byId.get(unit.scope[1]!)!
  let t = NOW - random() * 365 * 24 * HOUR
  const id = ulid()
  const at = () => new Date(t).toISOString()
  let c: MediationCase | undefined
  const step = (hours: number, command: DecideCommand): boolean => {
    t += hours * HOUR
    if (t > NOW) return false
    const context: DecideContext = {
      at: at(),
      actor: sys,
      config,
      place: { id, countyId, nodeId: unit.id, scope: unit.scope, placeName: unit.name },
      street: { id: street.id, name: street.name, supervisor: null }
    }
    const events = decideCase(c, command, context)
    if (events._tag === "Failure") throw events.failure
    c = events.success.reduce(evolveCase, c)
    c = { ...c!, version: c!.version + events.success.length }
    return true
  }
  const parties = Array.from({ length: 1 + Math.floor(random() * 3) }, (_, i) => ({
    kind: "external" as const,
    name: personName(), phone: random() < 0.8 ? phone() : null, idCardNumber: null, houseNumber: `${1 + Math.floor(random() * 20)}-${1 + Math.floor(random() * 4)}-${101 + Math.floor(random() * 1700)}`,
    side: i === 0 ? "applicant" as const : "respondent" as const
  }))
  step(0, { _tag: "Report", nodeId: unit.id, category: pick(categories), title: "邻里纠纷", description: `${parties[0]!.name}反映邻里纠纷`, parties })
  const run = (hours: number, command: CaseCommand) => step(hours, command)
  const r = random()
  if (r < 0.03) return c!
  if (r < 0.06) return run(2 + random() * 30, { _tag: "Decline", reason: "不属于调解范围" }), c!
  if (r < 0.09) return run(1 + random() * 100, { _tag: "Withdraw", reason: "自行和解" }), c!
  if (!run(random() * 30, { _tag: "Accept", mediators: [mediator] })) return c!
  if (r < 0.12) return c!
  if (!run(random() * 80, { _tag: "RecordStatement", party: 0, text: "陈述", publishable: random() < 0.5 })) return c!
  if (r < 0.15) return c!
  for (const round of ["proposal", "joint", "decision"] as const) {
    if (!run(random() * 72, { _tag: "RecordRound", round, participants: [{ role: "property_company", name: null }, { role: "owners_committee", name: null }], outcome: "协商" })) return c!
  }
  if (r < 0.3) {
    if (!run(random() * 24, { _tag: "RecordNoAgreement", reason: "未达成一致" })) return c!
    if (!run(random() * 40, { _tag: "Escalate", to: "street", reason: "调解未成" })) return c!
    if (r < 0.2) return c!
    if (r < 0.24) {
      if (!run(random() * 300, { _tag: "Escalate", to: "department", department: "housing", reason: "需部门处理" })) return c!
      if (r < 0.22) return c!
    }
    if (!run(random() * 400, { _tag: "Resolve", outcome: "已处理" })) return c!
  } else {
    if (!run(random() * 200, { _tag: "RecordAgreement", terms: "协议", consents: c!.parties.map(() => true) })) return c!
    if (!run(random() * 100, { _tag: "Resolve", outcome: "已履行" })) return c!
  }
  if (random() < 0.3 || !run(random() * 48, { _tag: "Disclose" })) return c!
  if (random() < 0.3 || !run(random() * 72, { _tag: "Rate", ratings: c!.parties.map((_, party) => ({ party, rating: pick(["satisfied", "satisfied", "basically_satisfied", "unsatisfied"] as const) })) })) return c!
  run(random() * 72, { _tag: "Close" })
  return c!
}

console.log(`making and storing ${CASES.toLocaleString("en-US")} cases…`)
const started = performance.now()
for (let done = 0; done < CASES; done += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, CASES - done) }, makeCase)
  await runtime.runPromise(Effect.gen(function*() {
    const store = yield* MediationStore
    const uow = yield* UnitOfWork
    yield* uow.transaction(Effect.forEach(batch, (c) => store.insert(c), { discard: true }))
  }))
}
const loadMs = performance.now() - started
console.log(`  stored in ${Math.round(loadMs)} ms (${Math.round(CASES / (loadMs / 1000)).toLocaleString("en-US")} cases/s)`)
;(globalThis as { gc?: () => void }).gc?.()

// ---------------------------------------------------------------------------
// The overdue scan

const { mediation, store } = await runtime.runPromise(Effect.gen(function*() {
  return { mediation: yield* Mediation, store: yield* MediationStore }
}))
const nowIso = () => new Date().toISOString()
const scope = [countyId]
let overdueRows = 0
const ours = await repeat(7, 2, async () => {
  overdueRows = (await Effect.runPromise(store.overdue({ now: nowIso(), scope, limit: 1_000_000 }))).length
})
const rawOverdue = reader.prepare(
  "SELECT id, version, county_id, node_id, category, state, level, due_kind, due_at FROM mediation_cases INDEXED BY mediation_cases_due " +
  "WHERE due_at IS NOT NULL AND due_at < ? AND path >= ? AND path < ? ORDER BY due_at, id LIMIT ?"
)
let rawRows = 0
const raw = await repeat(7, 2, () => {
  rawRows = rawOverdue.all(nowIso(), `/${countyId}/`, `/${countyId}0`, 1_000_000).length
})
const o = statsOf(ours)
const ro = statsOf(raw)
results.push({
  name: `overdue scan of the whole county (${CASES.toLocaleString("en-US")} cases, ${overdueRows.toLocaleString("en-US")} overdue), MediationStore.overdue as the supervision run reads it, file db`,
  value: o.median,
  unit: "ms",
  stats: o,
  baseline: { name: `raw better-sqlite3, the same SELECT on the same index (${rawRows.toLocaleString("en-US")} rows)`, value: ro.median, unit: "ms" },
  ratio: ro.median / o.median,
  target: { ms: 200 }
})
const page = statsOf(await repeat(7, 2, () => Effect.runPromise(mediation.overdue(admin, countyId, { limit: 1000 }))))
results.push({
  name: "overdue list, first 1,000 of the county, through Mediation.overdue (authorised, mapped to views)",
  value: page.median,
  unit: "ms",
  stats: page,
  target: { ms: 200 }
})

// ---------------------------------------------------------------------------
// Statistics

let sample = await Effect.runPromise(mediation.statistics(admin, countyId))
const statRuns = statsOf(await repeat(7, 2, async () => {
  sample = await Effect.runPromise(mediation.statistics(admin, countyId))
}))
const path = `/${countyId}/`
const upper = `/${countyId}0`
const rawGroups = reader.prepare("SELECT category, state, level, reached, missed, count(*) AS cases, sum(responded) AS responded, sum(ratings) AS ratings, sum(satisfied) AS satisfied FROM mediation_cases WHERE path >= ? AND path < ? GROUP BY category, state, level, reached, missed")
const rawHours = reader.prepare("SELECT resolve_hours AS h FROM mediation_cases WHERE path >= ? AND path < ? AND resolve_hours IS NOT NULL")
const rawStats = statsOf(await repeat(7, 2, () => {
  const groups = rawGroups.all(path, upper)
  const hours = Float64Array.from((rawHours.all(path, upper) as Array<{ h: number }>).map((r) => r.h)).sort()
  return [groups.length, hours[hours.length >> 1]]
}))
results.push({
  name: `whole-county statistics (${sample.cases.toLocaleString("en-US")} cases; 响应率 ${sample.responseRate.percent}%, 解决率 ${sample.resolutionRate.percent}%, 满意率 ${sample.satisfactionRate.percent}%, median ${sample.medianHoursToResolve} h), Mediation.statistics`,
  value: statRuns.median,
  unit: "ms",
  stats: statRuns,
  baseline: { name: "raw better-sqlite3: the same GROUP BY and resolution-hours queries + the median", value: rawStats.median, unit: "ms" },
  ratio: rawStats.median / statRuns.median,
  target: { ms: 500 }
})
results.push({
  name: `storing ${CASES.toLocaleString("en-US")} decider-made cases through MediationStore.insert, ${BATCH} per unit of work`,
  value: Math.round(CASES / (loadMs / 1000)),
  unit: "cases/s",
  stats: { ms: Math.round(loadMs) }
})
results.push({ name: "peak memory of the whole run", value: memory().peakRssMiB, unit: "MiB peak RSS", memory: memory() })

reader.close()
await runtime.dispose()
report("mediation", results)
fresh(file)
