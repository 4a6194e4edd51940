/**
 * Notifications on the in-memory store through the use cases: quiet hours held with a test
 * clock (urgent ones sent anyway), the daily digest, preferences, a person's own inbox
 * only, staff-only webhooks and attempts, dead letters after the county's attempts, and
 * the pure rules (quiet hours, backoff, signatures) as properties.
 */
import { Effect, Layer, Option, type Scope } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  backoffMillis,
  type Channel,
  Delivered,
  EventLog,
  Grid,
  IdGenerator,
  localMinutes,
  NotificationChannels,
  Notifications,
  notificationsOutbox,
  NotificationStore,
  Permanent,
  reacting,
  releaseAfterQuietHours,
  render,
  Retry,
  seedRules,
  signWebhook,
  UnitOfWork,
  verifyWebhook
} from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"
import { buildTinyCounty, eventOf, type TinyCounty } from "@mulin/core/testing"
import { runnerAt } from "../src/testing/runner.js"

const ZONE = "Asia/Shanghai"
/** 2026-06-01 23:00 in China. */
const LATE = Date.UTC(2026, 5, 1, 15, 0, 0)
const MINUTE = 60_000
const iso = (ms: number) => new Date(ms).toISOString()

type Env = Grid | Notifications | NotificationStore | EventLog | UnitOfWork | IdGenerator | TestClock.TestClock | Scope.Scope

const services = () =>
  Layer.mergeAll(Grid.layer, Notifications.layer()).pipe(
    Layer.provideMerge(reacting(notificationsOutbox)),
    Layer.provideMerge(layerMemory()),
    Layer.provideMerge(IdGenerator.layer)
  )
const run = <A, E>(effect: Effect.Effect<A, E, Env>, sent: Array<string> = [], channel?: Channel) =>
  runnerAt(LATE, services)(Effect.provideService(effect, NotificationChannels, [channel ?? { name: "log", send: (d) => Effect.sync(() => (sent.push(d.id), Delivered())) }]))

const append = (...events: ReadonlyArray<Effect.Effect<Parameters<EventLog["Service"]["append"]>[0][number], never, IdGenerator>>) =>
  Effect.gen(function*() {
    const batch = []
    for (const e of events) batch.push(yield* e)
    yield* (yield* UnitOfWork).transaction((yield* EventLog).append(batch))
    return batch
  })
const scopeOf = (t: TinyCounty) => [t.county.id, t.streets[0].id, t.communities[0].id]
const assigned = (t: TinyCounty) => eventOf("matching.need.assigned", scopeOf(t), { personIds: [t.people.volunteer.id] }, { type: "need", id: "need_1" })
const missed = (t: TinyCounty) =>
  eventOf("reminder.deadline_missed", scopeOf(t), { subject: "deliberation.item", subjectId: "item_9", deadline: iso(LATE - 60 * MINUTE), kind: "promised", personIds: [t.people.volunteer.id] })
const now = Effect.map(Effect.clockWith((c) => c.currentTimeMillis), iso)

describe("notifications", () => {
  it("quiet hours hold non-urgent deliveries until they end, in the county's time; urgent ones go at once", async () => {
    const sent: Array<string> = []
    await run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const n = yield* Notifications
      const [normal, urgent] = yield* append(assigned(t), missed(t))
      expect((yield* n.deliverDue(yield* now)).delivered).toBe(1)
      expect(sent).toEqual([`ntf_${urgent!.id.slice(4)}_${t.people.volunteer.id.slice(4)}.log`])
      // 06:59 the next morning: still quiet.
      yield* TestClock.adjust(7 * 60 * MINUTE + 59 * MINUTE)
      expect((yield* n.deliverDue(yield* now)).claimed).toBe(0)
      yield* TestClock.adjust(MINUTE)
      expect((yield* n.deliverDue(yield* now)).delivered).toBe(1)
      expect(sent[1]).toContain(normal!.id.slice(4))
      // The promised date of an item has its own message, with the date in the county's time.
      const inbox = yield* n.inbox(t.actors.volunteer, {})
      const item = inbox.items.find((x) => x.eventType === "reminder.deadline_missed")!
      expect(item).toMatchObject({ template: "promised_date_passed", urgency: "urgent", read: false })
      expect(item.body.zh).toContain("2026-06-01 22:00")
    }), sent)
  })

  it("a person's own quiet hours and channels replace the county's, and the digest gathers the day's non-urgent ones", async () => {
    const sent: Array<string> = []
    await run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const n = yield* Notifications
      yield* n.setPreferences(t.actors.volunteer, { digest: true, quietHours: null })
      yield* append(assigned(t), assigned(t), missed(t))
      const first = yield* n.deliverDue(yield* now)
      expect(first.delivered).toBe(1) // the urgent one; the two others wait for the digest
      const [start, end] = [iso(LATE - 16 * 60 * MINUTE), iso(LATE + 8 * 60 * MINUTE)]
      expect(yield* n.digest(t.county.id, { start, end, key: "2026-06-01" })).toEqual({ people: 1, notifications: 2 })
      expect(yield* n.digest(t.county.id, { start, end, key: "2026-06-01" })).toEqual({ people: 0, notifications: 0 })
      expect((yield* n.deliverDue(yield* now)).delivered).toBe(1)
      expect(sent[1]).toMatch(/^dig_2026-06-01_/u)
      const bad = yield* n.setPreferences(t.actors.volunteer, { quietHours: { start: "25:00", end: "07:00" } }).pipe(Effect.flip)
      expect(bad).toMatchObject({ _tag: "InvalidInput" })
      expect(bad.message).toContain("quietHours")
      const webhook = yield* n.setPreferences(t.actors.volunteer, { channels: ["webhook"] }).pipe(Effect.flip)
      expect(webhook.message).toContain("channels")
    }), sent)
  })

  it("retries with backoff and dead-letters after the county's attempts, recording each one", async () => {
    let calls = 0
    const flaky: Channel = { name: "log", send: () => Effect.sync(() => (++calls, Retry("receiver busy", 503))) }
    await run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const n = yield* Notifications
      const config = yield* n.getConfig(t.admin, t.county.id)
      yield* n.configure(t.admin, t.county.id, { ...config, maxAttempts: 3, backoffSeconds: 10, quietHours: null })
      const [e] = yield* append(assigned(t))
      let at = LATE
      for (let i = 0; i < 6; i++, at += 60 * MINUTE) yield* n.deliverDue(iso(at))
      expect(calls).toBe(3)
      const id = `ntf_${e!.id.slice(4)}_${t.people.volunteer.id.slice(4)}`
      const seen = yield* n.attempts(t.admin, id)
      expect(seen.deliveries.map((d) => [d.status, d.attempts])).toEqual([["dead", 3]])
      expect(seen.attempts.map((a) => [a.number, a.outcome, a.httpStatus, a.error])).toEqual([[1, "retry", 503, "receiver busy"], [2, "retry", 503, "receiver busy"], [3, "retry", 503, "receiver busy"]])
    }), [], flaky)
  })

  it("a permanent refusal is dead at once", async () => {
    await run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const n = yield* Notifications
      yield* append(missed(t))
      expect(yield* n.deliverDue(yield* now)).toMatchObject({ claimed: 1, dead: 1 })
    }), [], { name: "log", send: () => Effect.succeed(Permanent("unknown recipient", 404)) })
  })

  it("a person sees and reads only their own inbox; attempts and webhooks are the county staff's", async () => {
    await run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const other = yield* buildTinyCounty("370813")
      const n = yield* Notifications
      const [e] = yield* append(assigned(t))
      const id = `ntf_${e!.id.slice(4)}_${t.people.volunteer.id.slice(4)}`
      expect((yield* n.inbox(t.actors.member, {})).items).toHaveLength(0)
      expect(yield* n.markRead(t.actors.member, id).pipe(Effect.flip)).toMatchObject({ _tag: "NotFound" })
      expect(yield* n.markRead(t.actors.volunteer, id)).toMatchObject({ read: true })
      expect((yield* n.inbox(t.actors.volunteer, { unread: true })).items).toHaveLength(0)
      // A resident, another county's administrator, the volunteer: no attempts, no webhooks.
      for (const actor of [t.actors.resident, other.admin, t.actors.volunteer, t.actors.secretary]) {
        const refused = yield* n.attempts(actor, id).pipe(Effect.flip)
        expect(["NotFound", "Forbidden"]).toContain(refused._tag)
        expect(["NotFound", "Forbidden"]).toContain((yield* n.createWebhook(actor, t.county.id, { url: "https://example.org/hook" }).pipe(Effect.flip))._tag)
      }
      expect((yield* n.createWebhook(other.admin, t.county.id, { url: "https://example.org/hook" }).pipe(Effect.flip))._tag).toBe("NotFound")
      const made = yield* n.createWebhook(t.admin, t.county.id, { url: "https://example.org/hook" })
      expect(made.secret).toMatch(/^whsec_/u)
      expect(JSON.stringify(yield* n.listWebhooks(t.admin, t.county.id))).not.toContain(made.secret)
      expect((yield* n.deleteWebhook(other.admin, other.county.id, made.webhook.id).pipe(Effect.flip))._tag).toBe("NotFound")
      expect((yield* n.createWebhook(t.admin, t.county.id, { url: "ftp://example.org" }).pipe(Effect.flip)).message).toContain("url")
      const rotated = yield* n.rotateWebhook(t.admin, t.county.id, made.webhook.id)
      expect(rotated.webhook.secrets).toHaveLength(2)
      expect(rotated.webhook.secrets[0]!.expiresAt).not.toBeNull()
      expect(Option.isSome(yield* (yield* NotificationStore).getWebhook(made.webhook.id))).toBe(true)
    }))
  })
})

describe("the outbox, as a property", () => {
  it("writes one inbox entry per distinct (event, person) and one delivery per channel, whatever the payloads name", async () => {
    await run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const store = yield* NotificationStore
      const people = [t.people.volunteer.id, t.people.member.id, t.people.worker.id]
      const junk = ["", "nobody", "node_01JDZ6Y5V6Q2N8W3X4K7H9M0AB", 42, null]
      const payloads = fc.array(fc.record({
        type: fc.constantFrom("matching.need.assigned", "reminder.deadline_near", "matching.need.posted", "followup.rating.requested"),
        named: fc.array(fc.oneof(fc.constantFrom(...people), fc.constantFrom(...junk)), { maxLength: 6 })
      }), { minLength: 1, maxLength: 6 })
      const samples = fc.sample(payloads, { numRuns: 25, seed: 2026 })
      for (const batch of samples) {
        const events = yield* append(...batch.map((b) => eventOf(b.type, scopeOf(t), { personIds: b.named, subject: "matching.need", subjectId: "need_1", deadline: iso(LATE), kind: "done" })))
        for (const [i, e] of events.entries()) {
          const wanted = batch[i]!.type === "matching.need.posted" ? [] : [...new Set(batch[i]!.named.filter((x): x is string => people.includes(x as never)))]
          for (const p of people) {
            const id = `ntf_${e.id.slice(4)}_${p.slice(4)}`
            const found = yield* store.getNotification(id)
            expect(Option.isSome(found)).toBe(wanted.includes(p))
            expect((yield* store.deliveriesOf(id)).map((d) => d.channel)).toEqual(wanted.includes(p) ? ["log"] : [])
          }
        }
      }
    }))
  })
})

describe("notification rules", () => {
  const quiet = { start: "22:00", end: "07:00" }
  it("release: outside quiet hours at once; inside, at the next 07:00 local, never earlier than the event", () => {
    fc.assert(fc.property(fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }), (ms) => {
      const at = iso(ms)
      const release = releaseAfterQuietHours(at, quiet, ZONE)
      const m = localMinutes(ms, ZONE)
      const inside = m >= 22 * 60 || m < 7 * 60
      if (!inside) return release === at
      return Date.parse(release) > ms && Date.parse(release) - ms <= 9 * 60 * MINUTE && localMinutes(release, ZONE) === 7 * 60
    }))
  })

  it("a reminder names its deadline's kind in each language: the Chinese body never shows the English key", () => {
    const kinds = { accept: "受理", hearing: "首次听取陈述", agreement: "调解协议", escalation: "提级", street: "街道办理", department: "部门办理", promised: "承诺办结", due: "完成" }
    for (const type of ["reminder.deadline_near", "reminder.deadline_missed"]) {
      const rule = seedRules.find((r) => r.eventType === type)!
      for (const [kind, zh] of Object.entries(kinds)) {
        const event = {
          id: "evt_1", type, aggregateType: "reminder", aggregateId: "med_1:x", version: 1, actor: { id: "system", kind: "system" }, at: iso(LATE), scope: [],
          payload: { subject: "mediation.case", subjectId: "med_1", deadline: iso(LATE), kind, personIds: [] }
        } as unknown as Parameters<typeof render>[1]
        const text = render(rule, event, ZONE)
        expect(text.body.zh).toContain(`${zh}期限`)
        expect(text.body.zh).not.toContain(kind)
        expect(text.body.en).toContain(`The ${kind} deadline`)
      }
    }
  })

  it("an item's reminders name the date promised, not the instant it became overdue (the next day's start, county time)", () => {
    // Promised by 2026-06-03: overdue from 2026-06-04 00:00 in China.
    const overdueFrom = iso(Date.UTC(2026, 5, 3, 16, 0, 0))
    for (const type of ["reminder.deadline_near", "reminder.deadline_missed"]) {
      const rule = seedRules.find((r) => r.eventType === type)!
      const event = {
        id: "evt_1", type, aggregateType: "reminder", aggregateId: "dli_1:promised", version: 1, actor: { id: "system", kind: "system" }, at: iso(LATE), scope: [],
        payload: { subject: "deliberation.item", subjectId: "dli_1", deadline: overdueFrom, kind: "promised", personIds: [] }
      } as unknown as Parameters<typeof render>[1]
      const text = render(rule, event, ZONE)
      expect(text.body.zh).toContain("2026-06-03")
      expect(text.body.en).toContain("2026-06-03")
      expect(text.body.zh).not.toContain("2026-06-04")
    }
  })

  it("backoff doubles up to the cap and jitter takes off at most half", () => {
    const config = { backoffSeconds: 30, maxBackoffSeconds: 3600 }
    fc.assert(fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 0, max: 0.999, noNaN: true }), (n, r) => {
      const full = Math.min(3600, 30 * 2 ** (n - 1)) * 1000
      const d = backoffMillis(n, config, r)
      return d <= full && d >= full / 2
    }))
  })

  it("a signature verifies with the secret, during a rotation with either, and refuses a tampered body, another secret or a stale timestamp", async () => {
    const t = 1_780_000_000
    const body = JSON.stringify({ id: "ntf_x.webhook.y", title: { zh: "请您评价" } })
    const header = await signWebhook(["old-secret", "new-secret"], t, body)
    const headers = { "Mulin-Signature": header, "Mulin-Notification-Id": "ntf_x.webhook.y" }
    const at = { now: t * 1000 + 1000 }
    expect(await verifyWebhook("old-secret", headers, body, at)).toEqual({ ok: true, id: "ntf_x.webhook.y", timestamp: t })
    expect((await verifyWebhook("new-secret", new Headers(headers), body, at)).ok).toBe(true)
    expect(await verifyWebhook("new-secret", headers, body.replace("评价", "评介"), at)).toEqual({ ok: false, reason: "bad_signature" })
    expect(await verifyWebhook("another", headers, body, at)).toEqual({ ok: false, reason: "bad_signature" })
    expect(await verifyWebhook("new-secret", headers, body, { now: (t + 301) * 1000 })).toEqual({ ok: false, reason: "stale_timestamp" })
    expect(await verifyWebhook("new-secret", {}, body, at)).toEqual({ ok: false, reason: "missing_signature" })
    expect(await verifyWebhook("new-secret", { "mulin-signature": "t=abc,v1=zz" }, body, at)).toEqual({ ok: false, reason: "malformed_signature" })
  })
})
