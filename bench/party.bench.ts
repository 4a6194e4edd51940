/**
 * `npm run bench -- party`: the seed's serving party members — 4,600 registered with the
 * communities of a seeded county, employed by 50 units among the partners — with a year of
 * service records (10 per member by default), on a file database (WAL).
 *
 * Registrations and services are stored through `PartyStore`, 500 per unit of work. Then,
 * against raw better-sqlite3 computing the same totals from the same file in the same run:
 * - the whole county's party report for the year: members registered, serving, hours and
 *   mean hours per employer, community and month, through `PartyMembers.report`
 *   (target < 2 s).
 */
import BetterSqlite3 from "better-sqlite3"
import { Effect, Layer, ManagedRuntime } from "effect"
import {
  GridImport,
  GridStore,
  IdGenerator,
  localDate,
  makeUlidSource,
  type Partner,
  type PartnerId,
  PartnersStore,
  PartyMembers,
  type PartyService,
  type PartyServiceId,
  PartyStore,
  type PersonId,
  type Registration,
  type RegistrationId,
  systemActor,
  UnitOfWork
} from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { freshDatabase, pathsAtDepth, removeDatabase, seededRandom } from "./seeded.js"
import { memory, repeat, report, type Result, statsOf } from "./stats.js"

const MEMBERS = Number(process.env["BENCH_MEMBERS"] ?? 4600)
const PER_MEMBER = Number(process.env["BENCH_SERVICES_PER_MEMBER"] ?? 10)
const UNITS = 50
const BATCH = 500
const ZONE = "Asia/Shanghai"
const DAY = 86_400_000
const sys = systemActor("bench")
const file = freshDatabase("party.db")
const runtime = ManagedRuntime.make(PartyMembers.layer.pipe(
  Layer.provideMerge(GridImport.layer),
  Layer.provideMerge(sqliteLayer({ filename: file })),
  Layer.provide(IdGenerator.layer)
))

console.log("seeding a county of 20,000 households…")
const countyId = await runtime.runPromise(Effect.gen(function*() {
  yield* (yield* GridImport).importCounty(sys, generateCounty({ households: 20_000, seed: 7 }))
  return (yield* (yield* GridStore).listCounties)[0]!.id
}))
const outline = await runtime.runPromise(Effect.flatMap(GridStore, (s) => s.outline(countyId)))
const communities = pathsAtDepth(outline, 2)
const random = seededRandom(11)
const ulid = makeUlidSource((bytes) => bytes.forEach((_, i) => (bytes[i] = Math.floor(random() * 256))))
const NOW = Date.UTC(2026, 11, 1)
const iso = (ms: number) => new Date(ms).toISOString()
const kinds = ["volunteer_service", "policy_promotion", "care_visit", "grid_patrol"]

const units: Array<Partner> = Array.from({ length: UNITS }, (_, i) => ({
  id: `org_${ulid(NOW)}` as PartnerId, countyId, nodeId: countyId, scope: [countyId], type: "unit", name: `驻区单位${i + 1}`, serves: [countyId], staff: [],
  merchantAccountIds: [], status: "active", createdAt: iso(NOW - 400 * DAY), updatedAt: iso(NOW - 400 * DAY), withdrawnAt: null, version: 1
}))
const registrations: Array<Registration> = []
const services: Array<PartyService> = []
for (let i = 0; i < MEMBERS; i++) {
  const scope = communities[Math.floor(random() * communities.length)]!
  const registeredAt = NOW - Math.floor(random() * 700) * DAY
  const withdrawn = random() < 0.05 ? NOW - Math.floor(random() * 300) * DAY : null
  const r: Registration = {
    id: `pmr_${ulid(NOW)}` as RegistrationId, countyId, personId: `psn_${ulid(NOW)}` as PersonId, communityId: scope[scope.length - 1]!, scope,
    employerId: units[Math.floor(random() * UNITS)]!.id, commitments: ["volunteer_service"], status: withdrawn === null || withdrawn < registeredAt ? "active" : "withdrawn",
    hours: 0, services: 0, registeredAt: iso(registeredAt), withdrawnAt: withdrawn === null || withdrawn < registeredAt ? null : iso(withdrawn), updatedAt: iso(NOW), version: 1
  }
  let hours = 0
  for (let k = 0; k < PER_MEMBER; k++) {
    const day = localDate(Math.max(registeredAt, NOW - 365 * DAY) + Math.floor(random() * 365) * DAY, ZONE)
    const h = (1 + Math.floor(random() * 8)) / 2
    hours += h
    services.push({
      id: `psr_${ulid(NOW)}` as PartyServiceId, registrationId: r.id, countyId, employerId: r.employerId, communityId: r.communityId, scope,
      kind: kinds[k % kinds.length]!, hours: h, servedOn: day, servedAt: iso(Date.parse(`${day}T00:00:00+08:00`)), recordedAt: iso(NOW)
    })
  }
  registrations.push({ ...r, hours, services: PER_MEMBER })
}

console.log(`storing ${UNITS} units, ${MEMBERS.toLocaleString("en-US")} registrations and ${services.length.toLocaleString("en-US")} services…`)
const started = performance.now()
await runtime.runPromise(Effect.gen(function*() {
  const partners = yield* PartnersStore
  const party = yield* PartyStore
  const uow = yield* UnitOfWork
  yield* uow.transaction(Effect.forEach(units, (u) => partners.insert(u), { discard: true }))
  for (let i = 0; i < registrations.length; i += BATCH) yield* uow.transaction(Effect.forEach(registrations.slice(i, i + BATCH), (r) => party.insert(r), { discard: true }))
  for (let i = 0; i < services.length; i += BATCH) yield* uow.transaction(Effect.forEach(services.slice(i, i + BATCH), (s) => party.insertService(s), { discard: true }))
}))
const loadMs = performance.now() - started

const party = await runtime.runPromise(Effect.service(PartyMembers))
const period = { from: localDate(NOW - 365 * DAY, ZONE), to: localDate(NOW - DAY, ZONE) }
let sample = await Effect.runPromise(party.report(sys, countyId, period))
const ours = statsOf(await repeat(7, 2, async () => {
  sample = await Effect.runPromise(party.report(sys, countyId, period))
}))

const reader = new BetterSqlite3(file, { readonly: true })
const args = {
  lo: `/${countyId}/`,
  hi: `/${countyId}0`,
  from: new Date(Date.parse(`${period.from}T00:00:00+08:00`)).toISOString(),
  to: new Date(Date.parse(`${period.to}T00:00:00+08:00`) + DAY).toISOString()
}
const regs = reader.prepare("SELECT employer_id, count(*) AS n FROM party_registrations WHERE path >= @lo AND path < @hi AND registered_at < @to AND (withdrawn_at IS NULL OR withdrawn_at >= @from) GROUP BY employer_id")
const served = reader.prepare("SELECT employer_id, count(DISTINCT json_extract(doc, '$.registrationId')) AS serving, sum(json_extract(doc, '$.hours')) AS hours FROM party_services WHERE path >= @lo AND path < @hi AND served_at >= @from AND served_at < @to GROUP BY employer_id")
const byCommunity = reader.prepare("SELECT json_extract(doc, '$.communityId') AS c, sum(json_extract(doc, '$.hours')) AS hours FROM party_services WHERE path >= @lo AND path < @hi AND served_at >= @from AND served_at < @to GROUP BY c")
const byMonth = reader.prepare("SELECT strftime('%Y-%m', served_at, '+8 hours') AS m, sum(json_extract(doc, '$.hours')) AS hours FROM party_services WHERE path >= @lo AND path < @hi AND served_at >= @from AND served_at < @to GROUP BY m")
let rawHours = 0
let rawRegistered = 0
const raw = statsOf(await repeat(7, 2, () => {
  rawRegistered = (regs.all(args) as Array<{ n: number }>).reduce((n, r) => n + r.n, 0)
  rawHours = (served.all(args) as Array<{ hours: number }>).reduce((n, r) => n + r.hours, 0)
  byCommunity.all(args)
  byMonth.all(args)
}))
if (rawRegistered !== sample.totals.registered || Math.abs(rawHours - sample.totals.hours) > 0.01) {
  throw new Error(`totals differ: raw ${rawRegistered} members ${rawHours} h, ours ${sample.totals.registered} members ${sample.totals.hours} h`)
}

const results: Array<Result> = [
  {
    name: `whole-county party report for a year (${sample.totals.registered.toLocaleString("en-US")} members, ${sample.totals.serving.toLocaleString("en-US")} serving, ${sample.totals.hours.toLocaleString("en-US")} hours; by employer, community and month), PartyMembers.report, file db`,
    value: ours.median,
    unit: "ms",
    stats: ours,
    baseline: { name: "raw better-sqlite3: the same totals in four grouped queries over the stored rows", value: raw.median, unit: "ms" },
    ratio: raw.median / ours.median,
    target: { ms: 2000 }
  },
  { name: `storing ${MEMBERS.toLocaleString("en-US")} registrations and ${services.length.toLocaleString("en-US")} services through PartyStore, ${BATCH} per unit of work`, value: Math.round((MEMBERS + services.length) / (loadMs / 1000)), unit: "rows/s", stats: { ms: Math.round(loadMs) } }
]
const peak = memory()
reader.close()
await runtime.dispose()
report("party", [...results, { name: "peak memory of the whole run", value: peak.peakRssMiB, unit: "MiB peak RSS", memory: peak }])
removeDatabase(file)
