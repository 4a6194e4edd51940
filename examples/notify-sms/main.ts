/**
 * `npm run notify-sms`: an SMS channel written on the `Channel` interface, the way a county
 * plugs in its SMS gateway (WeChat and DingTalk work the same way).
 *
 * A stand-in gateway listens on loopback (node:http) and prints each text it gets. The
 * `sms` channel posts `{ to, text }` to it: the recipient's person id (the gateway looks the
 * phone number up in the county's own directory, so no phone number leaves Mulin) and the
 * Chinese body. A 5xx or a timeout is a retry, a 4xx a permanent refusal; the dispatcher
 * does the rest (claims, backoff, dead letters, attempts). Then a need is assigned to a
 * volunteer who chose SMS, and the dispatcher delivers it.
 */
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { resolve } from "node:path"
import { Effect, Layer } from "effect"
import {
  type Channel,
  Delivered,
  EventLog,
  Grid,
  IdGenerator,
  NotificationChannels,
  Notifications,
  notificationsOutbox,
  Permanent,
  reacting,
  Retry,
  UnitOfWork
} from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"
import { buildTinyCounty, eventOf } from "@mulin/core/fixtures"

/**
 * An SMS channel posting to a gateway at `url`.
 *
 * @category constructors
 * @since 0.5.0
 */
export const smsChannel = (url: string): Channel => ({
  name: "sms",
  send: (d) =>
    Effect.promise(async () => {
      const message = JSON.parse(d.body) as { readonly body?: { readonly zh?: string } }
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "Idempotency-Key": d.id },
          body: JSON.stringify({ to: d.personId, text: message.body?.zh ?? "" }),
          signal: AbortSignal.timeout(5000)
        })
        await response.arrayBuffer()
        if (response.ok) return Delivered(response.status)
        return response.status >= 500 || response.status === 429 ? Retry(`gateway answered ${response.status}`, response.status) : Permanent(`gateway answered ${response.status}`, response.status)
      } catch (error) {
        return Retry(error instanceof Error ? error.message : String(error))
      }
    })
})

/** Runs the example: returns what the stand-in gateway received. */
export const runNotifySms = async (log: (line: string) => void = console.log) => {
  const texts: Array<{ readonly to: string; readonly text: string; readonly key: string }> = []
  const gateway = createServer((req, res) => {
    let body = ""
    req.setEncoding("utf8")
    req.on("data", (c: string) => (body += c))
    req.on("end", () => {
      const sms = JSON.parse(body) as { to: string; text: string }
      texts.push({ ...sms, key: String(req.headers["idempotency-key"]) })
      log(`  [gateway] SMS to ${sms.to}: ${sms.text}`)
      res.writeHead(202).end()
    })
  })
  await new Promise<void>((done) => gateway.listen(0, "127.0.0.1", done))
  const url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/sms`
  log(`SMS gateway stand-in on ${url}`)
  try {
    await Effect.runPromise(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const n = yield* Notifications
      yield* n.setPreferences(t.actors.volunteer, { channels: ["sms"], quietHours: null })
      log(`${t.people.volunteer.name} chose SMS; a need is assigned to them`)
      const e = yield* eventOf("matching.need.assigned", [t.county.id, t.streets[0].id], { personIds: [t.people.volunteer.id] }, { type: "need", id: "need_demo" })
      yield* (yield* UnitOfWork).transaction((yield* EventLog).append([e]))
      const run = yield* n.deliverDue(new Date().toISOString())
      log(`dispatcher: ${run.delivered} delivered, ${run.retried} to retry, ${run.dead} dead`)
    }).pipe(
      Effect.provide(Layer.mergeAll(Grid.layer, Notifications.layer()).pipe(
        Layer.provideMerge(reacting(notificationsOutbox)),
        Layer.provideMerge(layerMemory()),
        Layer.provideMerge(IdGenerator.layer)
      )),
      Effect.provideService(NotificationChannels, [smsChannel(url)])
    ) as Effect.Effect<void, unknown>)
  } finally {
    gateway.close()
  }
  return texts
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
if (isMain) {
  runNotifySms().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
