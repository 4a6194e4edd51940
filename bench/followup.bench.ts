/**
 * `npm run bench -- followup`: the follow-up (回访) on a file database (WAL).
 *
 * - The reaction on every append: events of types it does not handle, appended 100 per unit
 *   of work, with the follow-up's reaction on the event log against the bare log (target:
 *   ≥ 0.9×, the reaction costs a map lookup per event).
 * - The daily sweep of a county with `BENCH_FOLLOWUPS` follow-ups (default 20,000) asked
 *   over the past 60 days: the run that lapses ratings and sends questionnaires, and the run
 *   after it, which finds nothing to do (target < 50 ms).
 */
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Effect, Layer, ManagedRuntime } from "effect"
import {
  addDays,
  defaultFollowUpConfig,
  Deliberation,
  EventLog,
  FollowUp,
  followUpDates,
  type FollowUpRecord,
  FollowUpStore,
  Grid,
  GridImport,
  type GridNodeId,
  Identity,
  IdGenerator,
  localDate,
  makeUlidSource,
  Matching,
  Mediation,
  type NewEvent,
  type PersonId,
  Points,
  systemActor,
  UnitOfWork
} from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { memory, repeat, report, type Result, statsOf } from "./stats.js"

const FOLLOWUPS = Number(process.env["BENCH_FOLLOWUPS"] ?? 20_000)
const EVENTS = Number(process.env["BENCH_EVENTS"] ?? 20_000)
const tmp = join(import.meta.dirname, "tmp")
mkdirSync(tmp, { recursive: true })
const sys = systemActor("bench")
const DAY = 86_400_000
const fresh = (path: string) => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true })
  return path
}

const contexts = Matching.layer.pipe(Layer.provideMerge(Layer.mergeAll(Grid.layer, GridImport.layer, Mediation.layer, Points.layer, Deliberation.layer, Identity.layer)))
const withReaction = (file: string) =>
  FollowUp.layer.pipe(Layer.provideMerge(contexts), Layer.provideMerge(FollowUp.layerReaction), Layer.provideMerge(sqliteLayer({ filename: file })), Layer.provide(IdGenerator.layer))
const bare = (file: string) => contexts.pipe(Layer.provideMerge(sqliteLayer({ filename: file })), Layer.provide(IdGenerator.layer))

const results: Array<Result> = []
const nextUlid = makeUlidSource((bytes) => globalThis.crypto.getRandomValues(bytes))

// ---------------------------------------------------------------------------
// Appends: the reaction against the bare log

const appendRate = async (runtime: ManagedRuntime.ManagedRuntime<EventLog | UnitOfWork, unknown>): Promise<number> => {
  const batches = Math.ceil(EVENTS / 100)
  const at = new Date().toISOString()
  const batch = (): Array<NewEvent> =>
    Array.from({ length: 100 }, () => ({
      id: `evt_${nextUlid(Date.now())}` as NewEvent["id"],
      type: "matching.need.visit_logged",
      aggregateType: "need",
      aggregateId: `need_${nextUlid(Date.now())}`,
      version: 1,
      actor: { id: sys.id, kind: sys.kind },
      at: at as NewEvent["at"],
      scope: [],
      payload: {}
    }))
  const started = performance.now()
  await runtime.runPromise(Effect.gen(function*() {
    const log = yield* EventLog
    const uow = yield* UnitOfWork
    for (let i = 0; i < batches; i++) yield* uow.transaction(log.append(batch()))
  }))
  return (batches * 100) / ((performance.now() - started) / 1000)
}

console.log(`appending ${EVENTS.toLocaleString("en-US")} events, with and without the follow-up's reaction…`)
const plain = ManagedRuntime.make(bare(fresh(join(tmp, "followup-bare.db"))))
const reacting = ManagedRuntime.make(withReaction(fresh(join(tmp, "followup-react.db"))))
const rates = { bare: [] as Array<number>, reacting: [] as Array<number> }
for (let round = 0; round < 3; round++) {
  rates.bare.push(await appendRate(plain))
  rates.reacting.push(await appendRate(reacting))
}
const bareRate = statsOf(rates.bare).median
const reactingRate = statsOf(rates.reacting).median
results.push({
  name: "events appended per second with the follow-up's reaction (types it does not handle, 100 per unit of work)",
  value: Math.round(reactingRate),
  unit: "events/s",
  stats: statsOf(rates.reacting),
  baseline: { name: "the same appends on the bare event log", value: Math.round(bareRate), unit: "events/s" },
  ratio: Math.round((reactingRate / bareRate) * 100) / 100,
  target: { ratio: "≥ 0.9" }
})
await plain.dispose()
await reacting.dispose()

// ---------------------------------------------------------------------------
// The sweep

const runtime = ManagedRuntime.make(withReaction(fresh(join(tmp, "followup.db"))))
console.log("importing a county of 2,000 households…")
const imported = await runtime.runPromise(GridImport.use((i) => i.importCounty(sys, generateCounty({ households: 2_000, seed: 5 }))))
const countyId = imported.countyId as GridNodeId
const units = await runtime.runPromise(Effect.map(Effect.flatMap(Grid, (g) => g.children(sys, countyId, { limit: 1000 })), (p) => p.items))
const node = units[0]!
const config = defaultFollowUpConfig(countyId)
const today = localDate(Date.now(), "Asia/Shanghai")

console.log(`storing ${FOLLOWUPS.toLocaleString("en-US")} follow-ups asked over the past 60 days…`)
await runtime.runPromise(Effect.gen(function*() {
  const store = yield* FollowUpStore
  const uow = yield* UnitOfWork
  for (let start = 0; start < FOLLOWUPS; start += 1000) {
    yield* uow.transaction(Effect.forEach(Array.from({ length: Math.min(1000, FOLLOWUPS - start) }, (_, i) => start + i), (i) => {
      const requestedOn = addDays(today, -(i % 60))
      const at = new Date(Date.now() - (i % 60) * DAY).toISOString() as FollowUpRecord["requestedAt"]
      const f: FollowUpRecord = {
        id: `fup_${nextUlid(Date.now())}` as FollowUpRecord["id"],
        countyId,
        nodeId: node.id,
        scope: [countyId, node.id],
        subject: (["matching.need", "mediation.case", "deliberation.item"] as const)[i % 3]!,
        subjectId: `need_${nextUlid(Date.now())}`,
        personIds: [`psn_${nextUlid(Date.now())}` as PersonId],
        requestedAt: at,
        requestedOn,
        ...followUpDates(requestedOn, config),
        ratingDays: config.ratingDays,
        lapseRule: config.lapseRule,
        rating: "asked",
        ratings: [],
        lapsed: [],
        questionnaire: "waiting",
        questionnaireSentAt: null,
        answers: [],
        version: 1,
        updatedAt: at
      }
      return store.save(f, 0)
    }, { discard: true }))
  }
}))

const sweep = () => runtime.runPromise(FollowUp.use((f) => f.sweep(countyId)))
let started = performance.now()
const first = await sweep()
const firstMs = performance.now() - started
console.log(`  first sweep: ${first.changed.toLocaleString("en-US")} changed in ${firstMs.toFixed(0)} ms`)
results.push({
  name: `the daily sweep of a county with ${FOLLOWUPS.toLocaleString("en-US")} follow-ups: lapses and questionnaires`,
  value: Math.round(first.changed / (firstMs / 1000)),
  unit: "follow-ups changed/s",
  stats: { processed: first.processed, changed: first.changed, ms: Math.round(firstMs) },
  memory: memory()
})
const idle = statsOf(await repeat(7, 1, sweep))
results.push({
  name: "the sweep run again the same day: nothing left to do",
  value: Math.round(idle.median * 100) / 100,
  unit: "ms",
  stats: idle,
  target: { ms: "< 50" }
})
await runtime.dispose()
report("followup", results)
