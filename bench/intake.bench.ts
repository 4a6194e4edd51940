/**
 * `npm run bench -- intake`: one-window intake on a file database (WAL).
 *
 * - Intake: `BENCH_REQUESTS` requests (default 5,000) taken in one after another, each in
 *   its own unit of work with its reference serial, its follow code's hash and its event.
 * - The staff list of a county's requests (a page of 50 by status) and the resident's follow
 *   view by reference and code, as latencies.
 * - The intake reaction on events it does not handle: `react` over 100,000 events of other
 *   types against a reaction that does nothing (the cost is one set lookup per event).
 */
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Effect, Layer, ManagedRuntime } from "effect"
import {
  Deliberation,
  Grid,
  GridImport,
  type GridNodeId,
  Identity,
  IdGenerator,
  Intake,
  layerIntakeReaction,
  makeIntakeReaction,
  makeUlidSource,
  Matching,
  Mediation,
  type NewEvent,
  Points,
  Commands,
  systemActor
} from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { latencies, memory, percentile, report, type Result, statsOf } from "./stats.js"

const REQUESTS = Number(process.env["BENCH_REQUESTS"] ?? 5_000)
const tmp = join(import.meta.dirname, "tmp")
mkdirSync(tmp, { recursive: true })
const sys = systemActor("bench")
const file = join(tmp, "intake.db")
for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true })

const services = Intake.layer.pipe(
  Layer.provideMerge(Layer.mergeAll(Matching.layer, Mediation.layer, Deliberation.layer)),
  Layer.provideMerge(Layer.mergeAll(Grid.layer, GridImport.layer, Points.layer, Identity.layer)),
  Layer.provideMerge(layerIntakeReaction),
  Layer.provideMerge(sqliteLayer({ filename: file })),
  Layer.provideMerge(IdGenerator.layer)
)
const runtime = ManagedRuntime.make(services)
const results: Array<Result> = []

console.log("importing a county of 2,000 households…")
const imported = await runtime.runPromise(GridImport.use((i) => i.importCounty(sys, generateCounty({ households: 2_000, seed: 7 }))))
const countyId = imported.countyId as GridNodeId
const households = await runtime.runPromise(Effect.map(Effect.flatMap(Grid, (g) => g.listHouseholds(sys, countyId, { limit: 1000 })), (p) => p.items))
const channels = ["walk_in", "phone", "hotline_12345", "grid_worker", "mini_program"] as const

console.log(`taking ${REQUESTS.toLocaleString("en-US")} requests in…`)
const taken: Array<{ reference: string; code: string }> = []
let started = performance.now()
await runtime.runPromise(Effect.gen(function*() {
  const intake = yield* Intake
  for (let i = 0; i < REQUESTS; i++) {
    const h = households[i % households.length]!
    const r = yield* intake.receive(sys, {
      channel: channels[i % channels.length]!,
      householdId: h.id,
      category: i % 3 === 0 ? "property" : "environment",
      resident: { kind: "contact", name: "王秀兰", phone: "13912345678" },
      text: `诉求 ${i}`
    })
    if (i % 100 === 0) taken.push({ reference: r.request.reference, code: r.followCode })
    if (i % 2 === 0) yield* intake.accept(sys, r.request.id)
  }
}))
const intakeSeconds = (performance.now() - started) / 1000
results.push({
  name: `requests taken in, one unit of work each (every other one accepted too), ${REQUESTS.toLocaleString("en-US")} in a row`,
  value: Math.round(REQUESTS / intakeSeconds),
  unit: "requests/s",
  stats: { seconds: Math.round(intakeSeconds * 10) / 10 },
  memory: memory()
})

const list = await latencies(200, 20, () => runtime.runPromise(Intake.use((i) => i.list(sys, countyId, { status: "accepted", limit: 50 }))))
results.push({ name: "the staff list of a county's accepted requests, a page of 50 (p50)", value: Math.round(percentile(list, 0.5) * 100) / 100, unit: "ms", stats: { p95: Math.round(percentile(list, 0.95) * 100) / 100 } })
const follow = await latencies(500, 50, (i) => runtime.runPromise(Intake.use((x) => x.follow(countyId, taken[i % taken.length]!))))
results.push({ name: "the resident's follow view by reference and code (p50)", value: Math.round(percentile(follow, 0.5) * 100) / 100, unit: "ms", stats: { p95: Math.round(percentile(follow, 0.95) * 100) / 100 } })

// The reaction's cost on events it does not handle.
const nextUlid = makeUlidSource((bytes) => globalThis.crypto.getRandomValues(bytes))
const others: Array<NewEvent> = Array.from({ length: 100_000 }, (_, i) => ({
  id: `evt_${nextUlid(Date.now())}` as NewEvent["id"],
  type: ["matching.need.visit_logged", "points.transfer.posted", "grid.household.updated"][i % 3]!,
  aggregateType: "need",
  aggregateId: `need_${i}`,
  version: 1,
  actor: { id: sys.id, kind: sys.kind },
  at: new Date().toISOString() as NewEvent["at"],
  scope: [],
  payload: {}
}))
const reaction = await runtime.runPromise(Effect.provide(makeIntakeReaction, Commands.layer))
const batches = Array.from({ length: others.length / 100 }, (_, i) => others.slice(i * 100, i * 100 + 100))
const timed = (react: (events: ReadonlyArray<NewEvent>) => Effect.Effect<void, unknown>) => {
  const rounds: Array<number> = []
  for (let r = 0; r < 5; r++) {
    started = performance.now()
    for (const batch of batches) Effect.runSync(Effect.orDie(react(batch)))
    rounds.push(performance.now() - started)
  }
  return statsOf(rounds)
}
const withReaction = timed(reaction.react)
const nothing = timed(() => Effect.void)
results.push({
  name: "the intake reaction over 100,000 events of other types, 100 per append",
  value: Math.round(withReaction.median * 10) / 10,
  unit: "ms",
  stats: withReaction,
  baseline: { name: "a reaction that does nothing", value: Math.round(nothing.median * 10) / 10, unit: "ms" },
  note: "a set lookup per event: no store call"
})
await runtime.dispose()
report("intake", results)
