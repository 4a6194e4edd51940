/**
 * `npm run bench -- activities`: the seed's year of neighbourhood events — 1,890 activities
 * reaching 161,000 person-times (about 85 people each, from 40,000 residents) — across the
 * communities of a seeded county, on a file database (WAL).
 *
 * Activities are made by the pure decider (planned, then people checked in) and stored
 * through `ActivitiesStore.insertActivity`, 500 per unit of work. Then, against raw
 * better-sqlite3 computing the same aggregates from the same file in the same run
 * (`json_each` over the stored attendance):
 * - the whole county's report for the year: activities and person-times by kind, by month
 *   of the county's calendar and by street, with distinct residents, through
 *   `Activities.report` (target < 2 s).
 */
import BetterSqlite3 from "better-sqlite3"
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Effect, Layer, ManagedRuntime } from "effect"
import {
  Activities,
  ActivitiesStore,
  type ActivityEvent,
  type ActivityId,
  ActivityKind,
  activityDecider,
  GridImport,
  GridStore,
  IdGenerator,
  localDate,
  makeUlidSource,
  Places,
  Points,
  type PersonId,
  type ServiceActivity,
  systemActor,
  UnitOfWork
} from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { pathsAtDepth, seededRandom } from "./seeded.js"
import { memory, repeat, report, type Result, statsOf } from "./stats.js"

const ACTIVITIES = Number(process.env["BENCH_ACTIVITIES"] ?? 1890)
const PERSON_TIMES = Number(process.env["BENCH_PERSON_TIMES"] ?? 161_000)
const RESIDENTS = 40_000
const BATCH = 500
const ZONE = "Asia/Shanghai"
const tmp = join(import.meta.dirname, "tmp")
const file = join(tmp, "activities.db")
const sys = systemActor("bench")
const HOUR = 3_600_000
const DAY = 24 * HOUR

const fresh = (path: string) => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true })
}
mkdirSync(tmp, { recursive: true })
fresh(file)
const app = Activities.layer.pipe(
  Layer.provideMerge(Layer.mergeAll(Points.layer, Places.layer, GridImport.layer)),
  Layer.provideMerge(sqliteLayer({ filename: file })),
  Layer.provide(IdGenerator.layer)
)
const runtime = ManagedRuntime.make(app)
const results: Array<Result> = []

console.log("seeding a county of 20,000 households…")
const countyId = await runtime.runPromise(Effect.gen(function*() {
  const importer = yield* GridImport
  yield* importer.importCounty(sys, generateCounty({ households: 20_000, seed: 7 }))
  const store = yield* GridStore
  return (yield* store.listCounties)[0]!.id
}))
const outline = await runtime.runPromise(Effect.flatMap(GridStore, (s) => s.outline(countyId)))
const communities = pathsAtDepth(outline, 2)
const random = seededRandom(42)
const ulid = makeUlidSource((bytes) => bytes.forEach((_, i) => (bytes[i] = Math.floor(random() * 256))))
const NOW = Date.UTC(2026, 11, 1)
const residents = Array.from({ length: RESIDENTS }, () => `psn_${ulid(NOW)}` as PersonId)
if (new Set(residents).size !== RESIDENTS) throw new Error("resident ids repeat")
const perActivity = PERSON_TIMES / ACTIVITIES
const actor = { id: sys.id, kind: sys.kind }

const makeActivity = (): ServiceActivity => {
  const scope = communities[Math.floor(random() * communities.length)]!
  const start = NOW - Math.floor(random() * 365) * DAY + 10 * HOUR
  const at = new Date(start).toISOString()
  const planned = activityDecider.decide(undefined, {
    _tag: "Plan",
    nodeId: scope[scope.length - 1]!,
    kind: ActivityKind.literals[Math.floor(random() * ActivityKind.literals.length)]!,
    title: "睦邻活动",
    topic: "邻里",
    startsAt: at,
    endsAt: new Date(start + 2 * HOUR).toISOString()
  }, { at, actor, plan: { id: `act_${ulid(NOW)}` as ActivityId, countyId, scope, organiser: { personId: residents[0]!, name: "组织者" }, team: undefined, code: { hash: "h", salt: "s" } } })
  if (planned._tag === "Failure") throw new Error(JSON.stringify(planned.failure))
  const events: Array<ActivityEvent> = [...planned.success]
  const attendees = new Set<PersonId>()
  const n = Math.round(perActivity * (0.5 + random()))
  while (attendees.size < n) attendees.add(residents[Math.floor(random() * RESIDENTS)]!)
  for (const personId of attendees) events.push({ type: "checked_in", at, actor, personId, by: "staff" })
  const state = events.reduce<ServiceActivity | undefined>(activityDecider.evolve, undefined)!
  return { ...state, version: events.length }
}

console.log(`making and storing ${ACTIVITIES.toLocaleString("en-US")} activities…`)
const started = performance.now()
for (let done = 0; done < ACTIVITIES; done += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, ACTIVITIES - done) }, makeActivity)
  await runtime.runPromise(Effect.gen(function*() {
    const store = yield* ActivitiesStore
    const uow = yield* UnitOfWork
    yield* uow.transaction(Effect.forEach(batch, (a) => store.insertActivity(a), { discard: true }))
  }))
}
const loadMs = performance.now() - started

const activities = await runtime.runPromise(Effect.gen(function*() {
  return yield* Activities
}))
const period = { from: localDate(NOW - 365 * DAY, ZONE), to: localDate(NOW, ZONE) }
let sample = await Effect.runPromise(activities.report(sys, countyId, period))
const ours = statsOf(await repeat(7, 2, async () => {
  sample = await Effect.runPromise(activities.report(sys, countyId, period))
}))

const reader = new BetterSqlite3(file, { readonly: true })
const lo = `/${countyId}/`
const hi = `/${countyId}0`
const from = new Date(Date.parse(`${period.from}T00:00:00+08:00`)).toISOString()
const to = new Date(Date.parse(`${period.to}T00:00:00+08:00`) + DAY).toISOString()
const where = "path >= @lo AND path < @hi AND starts_at >= @from AND starts_at < @to AND status <> 'cancelled'"
const byKind = reader.prepare(`SELECT kind, count(*) AS n, sum(json_array_length(doc, '$.attended')) AS pt FROM activities WHERE ${where} GROUP BY kind`)
const byMonth = reader.prepare(`SELECT strftime('%Y-%m', starts_at, '+8 hours') AS month, count(*) AS n, sum(json_array_length(doc, '$.attended')) AS pt FROM activities WHERE ${where} GROUP BY month`)
const byChild = reader.prepare(`SELECT substr(path, @l + 1, instr(substr(path, @l + 1), '/') - 1) AS child, count(*) AS n, sum(json_array_length(doc, '$.attended')) AS pt FROM activities WHERE ${where} GROUP BY child`)
const distinct = reader.prepare(`SELECT count(DISTINCT json_extract(a.value, '$.personId')) AS n FROM activities AS t, json_each(t.doc, '$.attended') AS a WHERE ${where.replace(/(path|starts_at|status) /gu, "t.$1 ")}`)
const args = { lo, hi, from, to }
let rawDistinct = 0
const raw = statsOf(await repeat(7, 2, () => {
  byKind.all(args)
  byMonth.all(args)
  byChild.all({ ...args, l: lo.length })
  rawDistinct = (distinct.get(args) as { n: number }).n
}))
if (rawDistinct !== sample.distinctResidents) throw new Error(`distinct residents differ: ${rawDistinct} raw, ${sample.distinctResidents} ours`)

results.push({
  name: `whole-county activity report for a year (${sample.activities.toLocaleString("en-US")} activities, ${sample.personTimes.toLocaleString("en-US")} person-times, ${sample.distinctResidents.toLocaleString("en-US")} distinct residents; by kind, month and street), Activities.report, file db`,
  value: ours.median,
  unit: "ms",
  stats: ours,
  baseline: { name: "raw better-sqlite3: the same aggregates in four queries with json_each over the stored attendance", value: raw.median, unit: "ms" },
  ratio: raw.median / ours.median,
  target: { ms: 2000 }
})
const stored: Result = { name: `storing ${ACTIVITIES.toLocaleString("en-US")} decider-made activities through ActivitiesStore.insertActivity, ${BATCH} per unit of work`, value: Math.round(ACTIVITIES / (loadMs / 1000)), unit: "activities/s", stats: { ms: Math.round(loadMs) } }
const peak = memory()
reader.close()
await runtime.dispose()
report("activities", [...results, stored, { name: "peak memory of the whole run", value: peak.peakRssMiB, unit: "MiB peak RSS", memory: peak }])
fresh(file)
