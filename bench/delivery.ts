/**
 * Notification delivery, run by `npm run bench -- jobs` after the scheduler's pass, in a
 * process of its own, and written to `bench/results/delivery.json`: notifications
 * delivered per second to a webhook receiver on loopback (node:http, in this process), on
 * a file database (WAL).
 *
 * A county with one webhook subscription; `BENCH_NOTIFICATIONS` (default 5,000) needs
 * assigned, so as many notifications and webhook deliveries written by the outbox with
 * their events. (With 1,000 the delivery lasted under a second and its ratio moved between
 * 0.47 and 0.57 from run to run, mostly the dispatcher's warm-up; with 5,000, 0.60 and 0.62.) Then, in the same run against the same receiver:
 * - the dispatcher, `Notifications.deliverDue`, until all are delivered (claims, signing
 *   with HMAC-SHA256, the POST, the attempt recorded and the delivery settled, each);
 * - a bare loop posting the same bodies with the same signing and the same concurrency,
 *   recording nothing (target: the dispatcher at ≥ 0.5× its rate).
 * And the outbox's cost when it has nothing to do: appending events no rule names, with and
 * without the reaction.
 */
import { mkdirSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { Effect, Layer, ManagedRuntime } from "effect"
import {
  EventLog,
  Grid,
  IdGenerator,
  type NewEvent,
  NotificationChannels,
  Notifications,
  notificationsOutbox,
  NotificationStore,
  NOTIFICATION_ID_HEADER,
  reacting,
  SIGNATURE_HEADER,
  signWebhook,
  UnitOfWork
} from "@mulin/core"
import { buildTinyCounty, eventOf } from "@mulin/core/testing"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { memory, report, type Result } from "./stats.js"

/** Runs the measurements; returns their results. */
export const measureDelivery = async (): Promise<Array<Result>> => {
  const COUNT = Number(process.env["BENCH_NOTIFICATIONS"] ?? 5000)
  const CONCURRENCY = 16
  const tmp = join(import.meta.dirname, "tmp")
  const fresh = (path: string) => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true })
  }
  mkdirSync(tmp, { recursive: true })

  // The receiver: reads the body, answers 204.
  let received = 0
  const server = createServer((req, res) => {
    req.resume()
    req.on("end", () => {
      received++
      res.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`

  const appOn = (file: string, outbox: boolean) => {
    const store = sqliteLayer({ filename: file })
    const withLog = outbox ? Layer.provideMerge(reacting(notificationsOutbox), store) : store
    // The receiver is on loopback, which webhooks refuse unless the deployment allows it, as a
    // county allows its intranet.
    const webhook = { targets: { allow: ["127.0.0.1/32"] } }
    return Layer.mergeAll(Grid.layer, Notifications.layer({ concurrency: CONCURRENCY, batchSize: 256, webhook })).pipe(Layer.provideMerge(withLog), Layer.provideMerge(IdGenerator.layer))
  }

  const file = join(tmp, "delivery.db")
  fresh(file)
  const runtime = ManagedRuntime.make(appOn(file, true))
  const run = <A, E>(effect: Effect.Effect<A, E, any>) => runtime.runPromise(Effect.provideService(effect, NotificationChannels, []) as Effect.Effect<A, unknown>)

  const appendAll = (events: ReadonlyArray<NewEvent>) =>
    Effect.gen(function*() {
      const uow = yield* UnitOfWork
      const log = yield* EventLog
      for (let i = 0; i < events.length; i += 100) yield* uow.transaction(log.append(events.slice(i, i + 100)))
    })

  const world = await run(Effect.gen(function*() {
    const t = yield* buildTinyCounty()
    const n = yield* Notifications
    const config = yield* n.getConfig(t.admin, t.county.id)
    yield* n.configure(t.admin, t.county.id, { ...config, defaultChannels: [], quietHours: null })
    const hook = yield* n.createWebhook(t.admin, t.county.id, { url })
    const events: Array<NewEvent> = []
    for (let i = 0; i < COUNT; i++) events.push(yield* eventOf("matching.need.assigned", [t.county.id, t.streets[0].id], { personIds: [t.people.volunteer.id] }, { type: "need", id: `need_${i}` }))
    const started = performance.now()
    yield* appendAll(events)
    return { t, secret: hook.secret, appendMs: performance.now() - started, events }
  }))

  // The bodies the dispatcher will send, read before it sends them.
  const bodies = await run(Effect.gen(function*() {
    const store = yield* NotificationStore
    const out: Array<{ id: string; body: string }> = []
    for (const e of world.events) {
      for (const d of yield* store.deliveriesOf(`ntf_${e.id.slice(4)}_${world.t.people.volunteer.id.slice(4)}`)) out.push({ id: d.id, body: d.body })
    }
    return out
  }))
  if (bodies.length !== COUNT) throw new Error(`expected ${COUNT} deliveries, found ${bodies.length}`)

  // The dispatcher.
  received = 0
  const t0 = performance.now()
  let passes = 0
  for (;;) {
    const r = await run(Effect.flatMap(Notifications, (n) => n.deliverDue(new Date().toISOString())))
    passes++
    if (r.claimed === 0) break
  }
  const oursMs = performance.now() - t0
  if (received !== COUNT) throw new Error(`the receiver got ${received} of ${COUNT}`)

  // The bare loop: the same bodies, the same signing and concurrency, nothing recorded.
  received = 0
  const t1 = performance.now()
  let next = 0
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < bodies.length) {
      const b = bodies[next++]!
      const signature = await signWebhook([world.secret], Math.floor(Date.now() / 1000), b.body)
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", [SIGNATURE_HEADER]: signature, [NOTIFICATION_ID_HEADER]: b.id }, body: b.body })
      await response.arrayBuffer()
    }
  }))
  const bareMs = performance.now() - t1
  if (received !== COUNT) throw new Error(`the bare loop delivered ${received} of ${COUNT}`)

  const ours = COUNT / (oursMs / 1000)
  const bare = COUNT / (bareMs / 1000)
  const results: Array<Result> = [{
    name: `webhook deliveries to a loopback receiver, Notifications.deliverDue (${CONCURRENCY} at once, claim + sign + POST + attempt recorded), ${COUNT.toLocaleString("en-US")} notifications, file db`,
    value: Math.round(ours),
    unit: "deliveries/s",
    stats: { ms: Math.round(oursMs), passes },
    baseline: { name: `bare loop: fetch POST of the same bodies with the same HMAC-SHA256 signing, ${CONCURRENCY} at once, nothing recorded`, value: Math.round(bare), unit: "deliveries/s" },
    ratio: ours / bare,
    target: { ratio: 0.5 }
  }, {
    name: `writing ${COUNT.toLocaleString("en-US")} events with their notifications and deliveries through the outbox, 100 events per unit of work`,
    value: Math.round(COUNT / (world.appendMs / 1000)),
    unit: "events/s"
  }]
  await runtime.dispose()
  fresh(file)

  // The outbox when no rule names the events: appends with and without the reaction.
  const quiet = async (outbox: boolean) => {
    const f = join(tmp, `delivery-quiet-${outbox ? "on" : "off"}.db`)
    fresh(f)
    const rt = ManagedRuntime.make(appOn(f, outbox))
    const ms = await rt.runPromise(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const events: Array<NewEvent> = []
      for (let i = 0; i < COUNT * 2; i++) events.push(yield* eventOf("grid.household.updated", [t.county.id, t.streets[0].id], { n: i }))
      const started = performance.now()
      yield* appendAll(events)
      return performance.now() - started
    }) as Effect.Effect<number, unknown, never>)
    await rt.dispose()
    fresh(f)
    return (COUNT * 2) / (ms / 1000)
  }
  const off = await quiet(false)
  const on = await quiet(true)
  results.push({
    name: `appending ${(COUNT * 2).toLocaleString("en-US")} events no rule names, 100 per unit of work, with the notifications outbox`,
    value: Math.round(on),
    unit: "events/s",
    baseline: { name: "the same appends without the outbox", value: Math.round(off), unit: "events/s" },
    ratio: on / off
  })
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return results
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)
if (isMain) {
  const results = await measureDelivery()
  results.push({ name: "peak memory of the whole run", value: memory().peakRssMiB, unit: "MiB peak RSS", memory: memory() })
  report("delivery", results)
}
