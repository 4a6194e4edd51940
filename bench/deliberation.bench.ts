/**
 * `npm run bench -- deliberation`: 100,000 deliberation items across a seeded county on a
 * file database (WAL).
 *
 * Items are made by the pure decider (raised at sessions over the past two years; answered
 * on the spot, taken up by a responsible unit with milestones, resolved, reported back,
 * rated, closed; merged and declined) and stored through `DeliberationStore.insertItem`,
 * 1,000 per unit of work. Then, each against raw better-sqlite3 running the same SQL on the
 * same file in the same run:
 * - the whole county's public progress board, first page, through `Deliberation.board`
 *   (target < 100 ms);
 * - the whole county's statistics for the last twelve months with the change against the
 *   twelve months before, through `Deliberation.statistics` (target < 500 ms).
 */
import BetterSqlite3 from "better-sqlite3"
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Effect, Layer, ManagedRuntime } from "effect"
import {
  dateYearEarlier,
  decideItem,
  Deliberation,
  type DeliberationConfig,
  DeliberationStore,
  evolveItem,
  GridImport,
  type GridNodeId,
  IdGenerator,
  type DeliberationItem,
  type ItemDecideCommand,
  type ItemId,
  localDate,
  makeUlidSource,
  countyCalendar,
  type CountyCalendar,
  type PersonId,
  periodWindow,
  redactorFor,
  type SessionId,
  systemActor,
  UnitOfWork
} from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { memory, repeat, report, type Result, statsOf } from "./stats.js"

const ITEMS = Number(process.env["BENCH_ITEMS"] ?? 100_000)
const BATCH = 1000
const tmp = join(import.meta.dirname, "tmp")
const file = join(tmp, "deliberation.db")
const sys = systemActor("bench")
const HOUR = 3_600_000
const DAY = 24 * HOUR

const fresh = (path: string) => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true })
}
mkdirSync(tmp, { recursive: true })
fresh(file)
const app = Layer.mergeAll(Deliberation.layer, GridImport.layer).pipe(Layer.provideMerge(sqliteLayer({ filename: file })), Layer.provide(IdGenerator.layer))
const runtime = ManagedRuntime.make(app)
const results: Array<Result> = []

console.log("importing a county of 20,000 households…")
const imported = await runtime.runPromise(GridImport.use((i) => i.importCounty(sys, generateCounty({ households: 20_000, seed: 3 }))))
const countyId = imported.countyId
const admin = { id: "bench-admin", kind: "person" as const, name: "admin", grants: [{ role: "county_admin" as const, scope: countyId }] }
const config: DeliberationConfig = await runtime.runPromise(Deliberation.use((d) => d.getConfig(admin, countyId)))

const reader = new BetterSqlite3(file, { readonly: true })
const nodes = reader.prepare("SELECT id, path, level, name FROM nodes WHERE status = 'active'").all() as Array<{ id: GridNodeId; path: string; level: string; name: string }>
const places = nodes.filter((n) => n.level === "community" || n.level === "grid").map((n) => ({ ...n, scope: n.path.slice(1, -1).split("/") as Array<GridNodeId> }))
console.log(`  ${places.length.toLocaleString("en-US")} communities and grids`)

let seed = 42
const random = () => {
  seed ^= seed << 13
  seed ^= seed >>> 17
  seed ^= seed << 5
  return (seed >>> 0) / 4294967296
}
const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(random() * xs.length)]!
const categories = config.categories.map((c) => c.key)
const units = config.units.map((u) => u.code)
const surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
const given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华"
const personName = () => pick([...surnames]) + pick([...given]) + (random() < 0.6 ? pick([...given]) : "")
const phone = () => `1${pick(["3", "5", "8"])}${String(Math.floor(random() * 1e9)).padStart(9, "0")}`

const NOW = Date.now()
const nextUlid = makeUlidSource((bytes) => globalThis.crypto.getRandomValues(bytes))
const itemId = () => `dli_${nextUlid(Date.now())}` as ItemId
const sessionId = () => `dls_${nextUlid(Date.now())}` as SessionId
const anyItem = itemId()

const ZONE = "Asia/Shanghai"
/** China's calendar for the item maker; day starts remembered across items. */
const dayStarts = countyCalendar(ZONE, 0)
const calendarAt = (at: string): CountyCalendar => ({
  timeZone: ZONE,
  get today() {
    return localDate(at, ZONE)
  },
  startOf: dayStarts.startOf
})
// People named on items: distinct ids from a counter (26 digits are a valid ULID body).
let people = 0
const personId = () => `psn_${String(++people).padStart(26, "0")}` as PersonId

/** One item, driven by the decider from a random time in the past two years, never past now. */
const makeItem = (): DeliberationItem => {
  const place = pick(places)
  let t = NOW - random() * 730 * DAY
  const id = itemId()
  let c: DeliberationItem | undefined
  const name = personName()
  const raiser = random() < 0.8
    ? { _tag: "Person" as const, personId: personId(), name }
    : { _tag: "Outside" as const, name, phone: random() < 0.7 ? phone() : null }
  const redact = redactorFor([name])
  const step = (hours: number, command: ItemDecideCommand, extra: { session?: SessionId; merge?: boolean } = {}): boolean => {
    t += hours * HOUR
    if (t > NOW) return false
    const at = new Date(t).toISOString()
    const session = extra.session !== undefined
      ? { id: extra.session, countyId, nodeId: place.id, scope: place.scope, placeName: place.name, type: "round_table", heldAt: at, convener: { _tag: "Outside" as const, name: "书记", phone: null }, participants: [], agenda: [], minutes: null, version: 1, updatedAt: at }
      : undefined
    const events = decideItem(c, command, {
      at,
      actor: sys,
      config,
      calendar: calendarAt(at),
      redact,
      place: { id, countyId, nodeId: place.id, scope: place.scope, placeName: place.name },
      raiser,
      session,
      mergeTarget: extra.merge === true && c !== undefined ? { ...c, id: anyItem } : undefined,
      rater: command._tag === "Rate" ? { personId: personId(), alreadyRated: false } : undefined
    })
    if (events._tag === "Failure") throw events.failure
    c = events.success.reduce(evolveItem, c)
    c = { ...c!, version: c!.version + events.success.length }
    return true
  }
  step(0, {
    _tag: "Raise",
    nodeId: place.id,
    kind: pick(["topic", "suggestion", "suggestion", "micro_idea"] as const),
    category: pick(categories),
    title: "居民意见建议",
    text: `${name}反映的问题`
  })
  const r = random()
  if (r < 0.05) return c!
  if (r < 0.35) return step(random() * 2, { _tag: "Answer", answer: "现场答复" }), c!
  if (r < 0.38) return step(random() * 48, { _tag: "Merge", into: anyItem }, { merge: true }), c!
  if (r < 0.41) return step(random() * 48, { _tag: "Decline", reason: "不属于职责范围" }), c!
  const accept = random() * 72
  // The promised day in the county's calendar.
  const promisedBy = localDate(t + accept * HOUR + (5 + random() * 40) * DAY, ZONE)
  if (!step(accept, { _tag: "Accept", unit: pick(units), promisedBy })) return c!
  for (let m = 1; m <= 3 && random() < 0.8; m++) {
    if (!step(random() * 10 * 24, { _tag: "RecordMilestone", note: `推进中（第 ${m} 步）`, progress: m * 25 })) return c!
  }
  if (r < 0.5) return c!
  if (!step(random() * 20 * 24, { _tag: "Resolve", resolution: "已办结" })) return c!
  const later = sessionId()
  if (!step(random() * 30 * 24, { _tag: "ReportBack", sessionId: later, note: "通报" }, { session: later })) return c!
  const raters = Math.floor(random() * 6)
  for (let i = 0; i < raters; i++) if (!step(random() * 48, { _tag: "Rate", score: pick([5, 5, 4, 4, 3, 2]) })) return c!
  if (random() < 0.6) step(random() * 72, { _tag: "Close" })
  return c!
}

console.log(`making and storing ${ITEMS.toLocaleString("en-US")} items…`)
const started = performance.now()
for (let done = 0; done < ITEMS; done += BATCH) {
  const batch = Array.from({ length: Math.min(BATCH, ITEMS - done) }, makeItem)
  await runtime.runPromise(Effect.gen(function*() {
    const store = yield* DeliberationStore
    const uow = yield* UnitOfWork
    yield* uow.transaction(Effect.forEach(batch, (c) => store.insertItem(c), { discard: true }))
  }))
}
const loadMs = performance.now() - started
console.log(`  stored in ${Math.round(loadMs)} ms (${Math.round(ITEMS / (loadMs / 1000)).toLocaleString("en-US")} items/s)`)
;(globalThis as { gc?: () => void }).gc?.()

const deliberation = await runtime.runPromise(Effect.gen(function*() {
  return yield* Deliberation
}))

// ---------------------------------------------------------------------------
// The board's first page

const PAGE = 50
let firstTitle = ""
const board = statsOf(await repeat(9, 3, async () => {
  const page = await Effect.runPromise(deliberation.board(countyId, { limit: PAGE }))
  firstTitle = page.items[0]!.raisedAt
}))
const rawBoardSql = reader.prepare("SELECT doc FROM deliberation_items WHERE county_id = ? ORDER BY raised_at DESC, id DESC LIMIT ? OFFSET ?")
const rawBoard = statsOf(await repeat(9, 3, () => (rawBoardSql.all(countyId, PAGE + 1, 0) as Array<{ doc: string }>).map((r) => JSON.parse(r.doc))))
const plan = (reader.prepare(`EXPLAIN QUERY PLAN SELECT doc FROM deliberation_items WHERE county_id = ? ORDER BY raised_at DESC, id DESC LIMIT ? OFFSET ?`).all(countyId, PAGE + 1, 0) as Array<{ detail: string }>).map((r) => r.detail).join("; ")
results.push({
  name: `whole-county progress board, first page of ${PAGE} (newest first, masked rows), Deliberation.board over ${ITEMS.toLocaleString("en-US")} items, file db`,
  value: board.median,
  unit: "ms",
  stats: board,
  baseline: { name: `raw better-sqlite3: the same SELECT + JSON.parse (plan: ${plan})`, value: rawBoard.median, unit: "ms" },
  ratio: rawBoard.median / board.median,
  target: { ms: 100 },
  note: `newest item raised ${firstTitle}`
})
const overdueBoard = statsOf(await repeat(7, 2, () => Effect.runPromise(deliberation.board(countyId, { limit: PAGE, overdue: true, sort: "promised" }))))
results.push({
  name: `whole-county board filtered to overdue items, by promised date, first page of ${PAGE}`,
  value: overdueBoard.median,
  unit: "ms",
  stats: overdueBoard,
  target: { ms: 500 }
})

// ---------------------------------------------------------------------------
// Statistics

// The last twelve months as days of the county's calendar, and the same days a year earlier.
const fromDay = localDate(NOW - 364 * DAY, ZONE)
const toDay = localDate(NOW, ZONE)
const window = periodWindow(fromDay, toDay, ZONE)
const before = periodWindow(dateYearEarlier(fromDay), dateYearEarlier(toDay), ZONE)
const period = { from: fromDay, to: toDay }
let sample = await Effect.runPromise(deliberation.statistics(admin, countyId, period))
const stats = statsOf(await repeat(7, 2, async () => {
  sample = await Effect.runPromise(deliberation.statistics(admin, countyId, period))
}))
const now = new Date(NOW).toISOString()
const rawStatsSql = reader.prepare(
  "SELECT category, unit, state, CASE WHEN length(path) > @l THEN substr(path, @l + 1, instr(substr(path, @l + 1), '/') - 1) ELSE '' END AS child, " +
  "taken_up, on_time, CASE WHEN due_at IS NOT NULL AND due_at <= @now THEN 1 ELSE 0 END AS overdue, count(*) AS items, sum(ratings), sum(rating_sum), sum(rating_high) " +
  "FROM deliberation_items WHERE path >= @lo AND path < @hi AND raised_at >= @from AND raised_at < @to GROUP BY category, unit, state, child, taken_up, on_time, overdue"
)
const lo = `/${countyId}/`
const hi = `/${countyId}0`
const rawStats = statsOf(await repeat(7, 2, () => [
  rawStatsSql.all({ l: lo.length, now, lo, hi, from: window.from, to: window.to }).length,
  rawStatsSql.all({ l: lo.length, now, lo, hi, from: before.from, to: before.to }).length
]))
const property = sample.byCategory.find((c) => c.category === "property")
results.push({
  name: `whole-county statistics, last 12 months vs the 12 before (${sample.raised.toLocaleString("en-US")} raised, ${sample.answeredOnSpot.toLocaleString("en-US")} answered on the spot, ${sample.takenUp.toLocaleString("en-US")} taken up, ${sample.resolved.toLocaleString("en-US")} resolved, ${sample.overdue.toLocaleString("en-US")} overdue; property ${property?.change ?? "n/a"}), Deliberation.statistics`,
  value: stats.median,
  unit: "ms",
  stats,
  baseline: { name: "raw better-sqlite3: the same two GROUP BY queries over the covering index", value: rawStats.median, unit: "ms" },
  ratio: rawStats.median / stats.median,
  target: { ms: 500 }
})
results.push({
  name: `storing ${ITEMS.toLocaleString("en-US")} decider-made items through DeliberationStore.insertItem, ${BATCH} per unit of work`,
  value: Math.round(ITEMS / (loadMs / 1000)),
  unit: "items/s",
  stats: { ms: Math.round(loadMs) }
})
results.push({ name: "peak memory of the whole run", value: memory().peakRssMiB, unit: "MiB peak RSS", memory: memory() })

reader.close()
await runtime.dispose()
report("deliberation", results)
fresh(file)
