/**
 * Delivery, end to end on a SQLite file with a real receiver on loopback (node:http):
 * - a receiver that fails the first two attempts of every delivery gets each notification
 *   exactly once after dropping duplicates by `Mulin-Notification-Id`, every signature
 *   verifies with `verifyWebhook`, and a tampered body or a stale timestamp is refused;
 * - the dispatcher, a child process, SIGKILLed during a burst of deliveries and
 *   restarted: nothing is lost, and every duplicate carries the same id and body;
 * - two dispatcher processes on one file: each notification arrives exactly once.
 */
import {
  deliveryIdOf,
  EventLog,
  Grid,
  IdGenerator,
  NotificationChannels,
  notificationIdOf,
  Notifications,
  notificationsOutbox,
  type NewEvent,
  reacting,
  UnitOfWork,
  verifyWebhook
} from "@mulin/core"
import { buildTinyCounty, eventOf, type TinyCounty } from "@mulin/core/testing"
import { spawn } from "node:child_process"
import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import { afterEach, describe, expect, it } from "vitest"
import * as Sqlite from "../src/index.js"
import { tempDir } from "./support.js"

const root = join(import.meta.dirname, "..", "..", "..")
const child = join(import.meta.dirname, "notificationsDeliveryChild.ts")

interface Received {
  readonly id: string
  readonly body: string
  readonly headers: IncomingHttpHeaders
}

/** A webhook receiver on loopback: records every request, answers `status(id, nth)`. */
const receiver = async (status: (id: string, nth: number) => number) => {
  const received: Array<Received> = []
  const counts = new Map<string, number>()
  const server = createServer((req, res) => {
    const chunks: Array<Buffer> = []
    req.on("data", (c: Buffer) => chunks.push(c))
    req.on("end", () => {
      const id = String(req.headers["mulin-notification-id"])
      const body = Buffer.concat(chunks).toString("utf8")
      received.push({ id, body, headers: req.headers })
      const nth = (counts.get(id) ?? 0) + 1
      counts.set(id, nth)
      res.writeHead(status(id, nth)).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
const closers: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const close of closers.splice(0)) await close()
})

/** The receivers listen on loopback, which webhooks may post to only where the deployment allows it. */
const services = (file: string) =>
  Layer.mergeAll(Grid.layer, Notifications.layer({ webhook: { targets: { allow: ["127.0.0.1/32"] } } })).pipe(
    Layer.provideMerge(reacting(notificationsOutbox)),
    Layer.provideMerge(Sqlite.layer({ filename: file })),
    Layer.provideMerge(IdGenerator.layer)
  )
const withFile = <A, E>(file: string, effect: Effect.Effect<A, E, Layer.Success<ReturnType<typeof services>>>) =>
  Effect.runPromise(effect.pipe(Effect.provide(services(file)), Effect.provideService(NotificationChannels, [])) as Effect.Effect<A, unknown>)

/** A county with a webhook to `url`, no quiet hours, retries after a second; then `count` needs assigned to its volunteer. */
const setup = (url: string, count: number) =>
  Effect.gen(function*() {
    const t = yield* buildTinyCounty()
    const n = yield* Notifications
    const config = yield* n.getConfig(t.admin, t.county.id)
    yield* n.configure(t.admin, t.county.id, { ...config, defaultChannels: [], quietHours: null, backoffSeconds: 1, maxBackoffSeconds: 2 })
    const hook = yield* n.createWebhook(t.admin, t.county.id, { url })
    const events: Array<NewEvent> = []
    for (let i = 0; i < count; i++) events.push(yield* eventOf("matching.need.assigned", [t.county.id, t.streets[0].id], { personIds: [t.people.volunteer.id] }, { type: "need", id: `need_${i}` }))
    for (let i = 0; i < events.length; i += 50) yield* (yield* UnitOfWork).transaction((yield* EventLog).append(events.slice(i, i + 50)))
    const expected = events.map((e) => deliveryIdOf(notificationIdOf(e.id, t.people.volunteer.id), "webhook", hook.webhook.id))
    return { t, secret: hook.secret, webhookId: hook.webhook.id, expected }
  })

describe("webhook delivery", () => {
  it("gets each notification exactly once after de-duplication, through two failures each, every signature verifying", async () => {
    const r = await receiver((_, nth) => (nth <= 2 ? 503 : 204))
    closers.push(r.close)
    const file = join(tempDir(), "deliver.db")
    const { expected, secret, t } = await withFile(file, Effect.gen(function*() {
      const world = yield* setup(r.url, 12)
      const n = yield* Notifications
      let at = Date.now()
      for (let pass = 0; pass < 6; pass++, at += 10_000) yield* n.deliverDue(new Date(at).toISOString())
      return world as { expected: Array<string>; secret: string; t: TinyCounty }
    }))
    expect(r.received).toHaveLength(expected.length * 3)
    const firsts = new Map<string, Received>()
    for (const got of r.received) {
      const verified = await verifyWebhook(secret, got.headers as Record<string, string>, got.body)
      expect(verified).toMatchObject({ ok: true, id: got.id })
      const before = firsts.get(got.id)
      if (before === undefined) firsts.set(got.id, got)
      else expect(got.body).toBe(before.body)
    }
    expect([...firsts.keys()].sort()).toEqual([...expected].sort())
    // The body names no one: ids and the rendered message only.
    const sample = JSON.parse(firsts.get(expected[0]!)!.body) as Record<string, unknown>
    expect(sample).toMatchObject({ id: expected[0], type: "matching.need.assigned", template: "need_assigned", personId: t.people.volunteer.id })
    expect(JSON.stringify(sample)).not.toContain(t.people.volunteer.name)
    // The documented check refuses a tampered body and a replay outside the window.
    const one = firsts.get(expected[0]!)!
    const headers = one.headers as Record<string, string>
    expect(await verifyWebhook(secret, headers, one.body.replace("need_assigned", "need_assignee"))).toEqual({ ok: false, reason: "bad_signature" })
    expect(await verifyWebhook(secret, headers, one.body, { now: Date.now() + 10 * 60_000 })).toEqual({ ok: false, reason: "stale_timestamp" })
    // The attempts are on record for the county's staff.
    const seen = await withFile(file, Effect.flatMap(Notifications, (n) => n.attempts(t.admin, expected[0]!.split(".")[0]!)))
    expect(seen.attempts.map((a) => [a.number, a.outcome, a.httpStatus])).toEqual([[1, "retry", 503], [2, "retry", 503], [3, "delivered", 204]])
  }, 30_000)
})

describe("a hostile receiver", () => {
  it("cannot redirect a delivery elsewhere: a redirect is not followed and counts as a refusal", async () => {
    const inside = await receiver(() => 204)
    closers.push(inside.close)
    // A public-looking receiver that answers every delivery with a redirect to an address the county never subscribed.
    const hops: Array<string> = []
    const redirecting = createServer((req, res) => {
      hops.push(String(req.headers["mulin-notification-id"]))
      req.resume()
      res.writeHead(307, { location: inside.url }).end()
    })
    await new Promise<void>((resolve) => redirecting.listen(0, "127.0.0.1", resolve))
    closers.push(() => new Promise<void>((resolve) => redirecting.close(() => resolve())))
    const url = `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/hook`
    const file = join(tempDir(), "redirect.db")
    const { expected, t } = await withFile(file, Effect.gen(function*() {
      const world = yield* setup(url, 2)
      const n = yield* Notifications
      yield* n.deliverDue(new Date().toISOString())
      return world as { expected: Array<string>; t: TinyCounty }
    }))
    expect(hops.sort()).toEqual([...expected].sort())
    expect(inside.received).toEqual([])
    const seen = await withFile(file, Effect.flatMap(Notifications, (n) => n.attempts(t.admin, expected[0]!.split(".")[0]!)))
    expect(seen.attempts.map((a) => [a.number, a.outcome, a.httpStatus])).toEqual([[1, "permanent", 307]])
  }, 30_000)
})

/** Runs the dispatcher child until `until()` holds, then kills it with SIGKILL. */
const runAndKill = (file: string, until: () => boolean, leaseSeconds = 1): Promise<void> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--conditions=@mulin/source", "--import", "tsx", child, file, String(leaseSeconds)], { cwd: root, stdio: ["ignore", "pipe", "pipe"] })
    let stderr = ""
    let killed = false
    const timer = setInterval(() => {
      if (!killed && until()) {
        killed = true
        proc.kill("SIGKILL")
      }
    }, 2)
    proc.stdout.resume()
    proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    proc.on("exit", (_, signal) => {
      clearInterval(timer)
      return signal === "SIGKILL" ? resolve() : reject(new Error(`the dispatcher exited without being killed: ${stderr}`))
    })
  })

describe("delivery across a crash", () => {
  it("loses nothing when the dispatcher is SIGKILLed during a burst and restarted; duplicates carry the same id and body", async () => {
    // The kill lands while the child is sending: some deliveries were received but not yet recorded.
    const r = await receiver(() => 200)
    closers.push(r.close)
    const file = join(tempDir(), "crash.db")
    const { expected, secret } = await withFile(file, setup(r.url, 300))
    const unique = () => new Set(r.received.map((x) => x.id)).size
    await runAndKill(file, () => r.received.length >= 60)
    const afterKill = unique()
    expect(afterKill).toBeLessThan(expected.length)
    await runAndKill(file, () => unique() >= expected.length)
    const byId = new Map<string, string>()
    for (const got of r.received) {
      expect((await verifyWebhook(secret, got.headers as Record<string, string>, got.body)).ok).toBe(true)
      const body = byId.get(got.id)
      if (body === undefined) byId.set(got.id, got.body)
      else expect(got.body).toBe(body)
    }
    expect([...byId.keys()].sort()).toEqual([...expected].sort())
  }, 60_000)
})

describe("two dispatchers on one database", () => {
  it("never send the same delivery twice while their claims hold: each notification arrives exactly once", async () => {
    const r = await receiver(() => 200)
    closers.push(r.close)
    const file = join(tempDir(), "two.db")
    const { expected } = await withFile(file, setup(r.url, 200))
    const all = () => new Set(r.received.map((x) => x.id)).size >= expected.length
    // Two processes, each claiming under a lease far longer than a batch takes.
    await Promise.all([runAndKill(file, all, 60), runAndKill(file, all, 60)])
    const ids = r.received.map((x) => x.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect([...ids].sort()).toEqual([...expected].sort())
  }, 60_000)
})
