/**
 * The notifications storage conformance suite: the outbox written in the same unit of
 * work as the events (and rolled back with them), stable ids, the inbox, claims (two
 * dispatchers never get the same delivery), attempts recorded only by the holder of the
 * claim, the digest's held deliveries, webhook subscriptions and the configuration's
 * version.
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option, type Scope } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import type { Directory } from "../kernel/directory.js"
import type { NewEvent } from "../kernel/events.js"
import { IdGenerator, type PersonId } from "../kernel/ids.js"
import { reacting } from "../kernel/reactions.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import type { Instant } from "../kernel/time.js"
import { Grid } from "../grid/service.js"
import type { GridStore } from "../grid/store.js"
import type { MediationStore } from "../mediation/store.js"
import type { PointsStore } from "../points/store.js"
import type { Delivery } from "../notifications/model.js"
import { notificationsOutbox } from "../notifications/outbox.js"
import { defaultNotificationConfig, notificationIdOf } from "../notifications/rules.js"
import { NotificationStore } from "../notifications/store.js"
import { buildTinyCounty, eventOf, type TinyCounty } from "./fixtures.js"
import { runnerAt } from "./runner.js"

export { eventOf }

/**
 * The ports a notifications store is tested with.
 *
 * @category models
 * @since 0.5.0
 */
export type NotificationStorePorts = NotificationStore | GridStore | Directory | EventLog | UnitOfWork | MediationStore | PointsStore

/** 2026-06-01 08:00 UTC: 16:00 in China, outside quiet hours. */
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
const iso = (ms: number) => new Date(ms).toISOString() as Instant

type Env = Grid | NotificationStorePorts | IdGenerator | TestClock.TestClock | Scope.Scope

const append = (events: ReadonlyArray<NewEvent>) =>
  Effect.gen(function*() {
    const uow = yield* UnitOfWork
    const log = yield* EventLog
    yield* uow.transaction(log.append(events))
  })

const assigned = (t: TinyCounty, people: ReadonlyArray<PersonId>) =>
  eventOf("matching.need.assigned", [t.county.id, t.streets[0].id, t.communities[0].id], { personIds: people }, { type: "need", id: "need_1" })

const pending = (t: TinyCounty, id: string, dueAt: Instant): Delivery => ({
  id,
  notificationId: `ntf_${id}`,
  countyId: t.county.id,
  personId: t.people.volunteer.id,
  channel: "log",
  target: t.people.volunteer.id,
  urgency: "normal",
  body: "{}",
  status: "pending",
  attempts: 0,
  dueAt,
  createdAt: dueAt,
  claimedBy: null,
  claimedUntil: null
})

/**
 * Registers the notifications conformance suite for a store. `makeLayer` is called once per
 * case and must build a fresh, empty store.
 *
 * @category conformance
 * @since 0.5.0
 */
export const notificationsStoreConformance = (name: string, makeLayer: () => Layer.Layer<NotificationStorePorts, unknown>): void => {
  const services = () =>
    Grid.layer.pipe(
      Layer.provideMerge(reacting(notificationsOutbox)),
      Layer.provideMerge(makeLayer()),
      Layer.provideMerge(IdGenerator.layer)
    )
  const run = <A, E>(effect: Effect.Effect<A, E, Env>) => runnerAt(T0, services)(effect)

  describe(`${name}: notifications store conformance`, () => {
    it("the outbox writes one inbox entry per person and one delivery per channel with the event, under stable ids", () =>
      run(Effect.gen(function*() {
        const t = yield* buildTinyCounty()
        const store = yield* NotificationStore
        const e = yield* assigned(t, [t.people.volunteer.id, t.people.member.id, t.people.volunteer.id])
        yield* append([e])
        const id = notificationIdOf(e.id, t.people.volunteer.id)
        const n = yield* store.getNotification(id)
        expect(Option.isSome(n) && n.value.template).toBe("need_assigned")
        expect(Option.isSome(n) && n.value.body.zh.includes("need_1")).toBe(true)
        const deliveries = yield* store.deliveriesOf(id)
        expect(deliveries.map((d) => [d.id, d.channel, d.status])).toEqual([[`${id}.log`, "log", "pending"]])
        const inbox = yield* store.inbox(t.people.member.id, { limit: 10 })
        expect(inbox.items.map((x) => x.eventId)).toEqual([e.id])
        // The same rows again are ignored: ids are stable, the first row stays.
        const uow = yield* UnitOfWork
        yield* uow.transaction(store.insert([{ ...n.pipe(Option.getOrThrow), template: "other" }], deliveries))
        expect((yield* store.getNotification(id)).pipe(Option.getOrThrow).template).toBe("need_assigned")
        expect(yield* store.deliveriesOf(id)).toHaveLength(1)
      })))

    it("the outbox rolls back with the event", () =>
      run(Effect.gen(function*() {
        const t = yield* buildTinyCounty()
        const store = yield* NotificationStore
        const uow = yield* UnitOfWork
        const log = yield* EventLog
        const e = yield* assigned(t, [t.people.volunteer.id])
        const failed = yield* uow.transaction(Effect.andThen(log.append([e]), Effect.fail("refused" as const))).pipe(Effect.flip)
        expect(failed).toBe("refused")
        expect(Option.isNone(yield* store.getNotification(notificationIdOf(e.id, t.people.volunteer.id)))).toBe(true)
        expect((yield* store.claimDue({ now: iso(T0 + 1000), claimer: "a", until: iso(T0 + 60_000), limit: 10 }))).toHaveLength(0)
      })))

    it("an event no rule names, or a rule's condition does not hold, notifies nobody", () =>
      run(Effect.gen(function*() {
        const t = yield* buildTinyCounty()
        const store = yield* NotificationStore
        yield* append([yield* eventOf("matching.need.posted", [t.county.id], { personIds: [t.people.volunteer.id] })])
        yield* append([yield* eventOf("points.hold.placed", [t.county.id], { purpose: "reward" })])
        expect((yield* store.inbox(t.people.volunteer.id, { limit: 10 })).items).toHaveLength(0)
      })))

    it("a case escalated to a street notifies the people posted there (督办)", () =>
      run(Effect.gen(function*() {
        const t = yield* buildTinyCounty()
        const store = yield* NotificationStore
        const e = yield* eventOf("mediation.case.escalated", [t.county.id, t.streets[0].id], { level: "street", to: t.streets[0].id, deadline: iso(T0 + 86_400_000), supervisedBy: "system", missed: "respond" }, { type: "mediation case", id: "case_1" })
        yield* append([e])
        const inbox = yield* store.inbox(t.people.streetAdmin.id, { limit: 10 })
        expect(inbox.items.map((n) => [n.template, n.urgency])).toEqual([["case_escalated", "urgent"]])
        expect((yield* store.inbox(t.people.admin.id, { limit: 10 })).items).toHaveLength(0)
      })))

    it("two dispatchers claiming at once never get the same delivery", () =>
      run(Effect.gen(function*() {
        const t = yield* buildTinyCounty()
        const store = yield* NotificationStore
        const uow = yield* UnitOfWork
        yield* uow.transaction(store.insert([], Array.from({ length: 30 }, (_, i) => pending(t, `d${String(i).padStart(2, "0")}`, iso(T0)))))
        const claim = (who: string) => store.claimDue({ now: iso(T0), claimer: who, until: iso(T0 + 60_000), limit: 20 })
        const [a, b] = yield* Effect.all([claim("a"), claim("b")], { concurrency: 2 })
        const ids = [...a, ...b].map((d) => d.id)
        expect(new Set(ids).size).toBe(ids.length)
        expect(ids).toHaveLength(30)
        // Nothing left while the claims hold; everything again once they lapse.
        expect(yield* claim("c")).toHaveLength(0)
        expect((yield* store.claimDue({ now: iso(T0 + 60_000), claimer: "c", until: iso(T0 + 120_000), limit: 100 }))).toHaveLength(30)
      })))

    it("only the holder of a claim records an attempt; a retry waits for its due time; a delivered one is never claimed again", () =>
      run(Effect.gen(function*() {
        const t = yield* buildTinyCounty()
        const store = yield* NotificationStore
        const uow = yield* UnitOfWork
        yield* uow.transaction(store.insert([], [pending(t, "d1", iso(T0))]))
        const [d] = yield* store.claimDue({ now: iso(T0), claimer: "a", until: iso(T0 + 60_000), limit: 10 })
        const attempt = (n: number, outcome: "retry" | "delivered") => ({ deliveryId: "d1", notificationId: d!.notificationId, channel: "log", number: n, at: iso(T0), outcome, httpStatus: outcome === "retry" ? 503 : 200, error: outcome === "retry" ? "busy" : null, durationMs: 1.5 })
        expect(yield* store.complete("d1", "b", { attempt: attempt(1, "retry"), status: "pending", dueAt: iso(T0 + 30_000) })).toBe(false)
        expect(yield* store.complete("d1", "a", { attempt: attempt(1, "retry"), status: "pending", dueAt: iso(T0 + 30_000) })).toBe(true)
        expect(yield* store.claimDue({ now: iso(T0 + 29_000), claimer: "a", until: iso(T0 + 90_000), limit: 10 })).toHaveLength(0)
        const again = yield* store.claimDue({ now: iso(T0 + 30_000), claimer: "b", until: iso(T0 + 90_000), limit: 10 })
        expect(again.map((x) => x.attempts)).toEqual([1])
        expect(yield* store.complete("d1", "b", { attempt: attempt(2, "delivered"), status: "delivered", dueAt: iso(T0 + 30_000) })).toBe(true)
        expect(yield* store.claimDue({ now: iso(T0 + 999_000), claimer: "c", until: iso(T0 + 999_999), limit: 10 })).toHaveLength(0)
        const attempts = yield* store.attemptsOf(d!.notificationId)
        expect(attempts.map((a) => [a.number, a.outcome, a.httpStatus, a.error])).toEqual([[1, "retry", 503, "busy"], [2, "delivered", 200, null]])
        expect((yield* store.getDelivery("d1")).pipe(Option.getOrThrow)).toMatchObject({ status: "delivered", attempts: 2, claimedBy: null })
      })))

    it("the inbox pages newest first, filters unread, and keeps the first read time", () =>
      run(Effect.gen(function*() {
        const t = yield* buildTinyCounty()
        const store = yield* NotificationStore
        const events: Array<NewEvent> = []
        for (let i = 0; i < 5; i++) events.push(yield* assigned(t, [t.people.volunteer.id]))
        yield* append(events)
        const me = t.people.volunteer.id
        const first = yield* store.inbox(me, { limit: 3 })
        expect(first.items.map((n) => n.eventId)).toEqual([events[4]!.id, events[3]!.id, events[2]!.id])
        const rest = yield* store.inbox(me, { limit: 3, after: first.next! })
        expect(rest.items.map((n) => n.eventId)).toEqual([events[1]!.id, events[0]!.id])
        expect(rest.next).toBeNull()
        const id = first.items[0]!.id
        expect(yield* store.markRead(id, iso(T0 + 1))).toBe(true)
        expect(yield* store.markRead(id, iso(T0 + 2))).toBe(true)
        expect(yield* store.markRead("ntf_missing", iso(T0 + 2))).toBe(false)
        expect((yield* store.getNotification(id)).pipe(Option.getOrThrow).readAt).toBe(iso(T0 + 1))
        expect((yield* store.inbox(me, { limit: 10, unread: true })).items).toHaveLength(4)
      })))

    it("held deliveries wait for the digest and are marked digested once", () =>
      run(Effect.gen(function*() {
        const t = yield* buildTinyCounty()
        const store = yield* NotificationStore
        const uow = yield* UnitOfWork
        yield* uow.transaction(store.insert([], [{ ...pending(t, "h1", iso(T0)), status: "held" }, { ...pending(t, "h2", iso(T0 + 5)), status: "held" }, pending(t, "p1", iso(T0))]))
        expect((yield* store.held(t.county.id, iso(T0 + 5))).map((d) => d.id)).toEqual(["h1"])
        expect((yield* store.held(t.county.id, iso(T0 + 10))).map((d) => d.id)).toEqual(["h1", "h2"])
        expect(yield* store.held(t.streets[0].id, iso(T0 + 10))).toHaveLength(0)
        yield* uow.transaction(store.markDigested(["h1", "p1"]))
        expect((yield* store.held(t.county.id, iso(T0 + 10))).map((d) => d.id)).toEqual(["h2"])
        expect((yield* store.getDelivery("p1")).pipe(Option.getOrThrow).status).toBe("pending")
      })))

    it("keeps webhook subscriptions per county and the configuration by version", () =>
      run(Effect.gen(function*() {
        const t = yield* buildTinyCounty()
        const store = yield* NotificationStore
        const w = { id: "whk_1", countyId: t.county.id, url: "https://example.org/hook", eventTypes: [], secrets: [{ secret: "s1", createdAt: iso(T0), expiresAt: null }], createdAt: iso(T0), createdBy: "psn_x" }
        yield* store.saveWebhook(w)
        yield* store.saveWebhook({ ...w, secrets: [...w.secrets, { secret: "s2", createdAt: iso(T0), expiresAt: null }] })
        expect((yield* store.listWebhooks(t.county.id)).map((x) => x.secrets.length)).toEqual([2])
        expect(yield* store.listWebhooks(t.streets[0].id)).toHaveLength(0)
        expect(yield* store.deleteWebhook("whk_1")).toBe(true)
        expect(yield* store.deleteWebhook("whk_1")).toBe(false)
        const config = { ...defaultNotificationConfig(t.county.id), version: 1 }
        yield* store.saveConfig(config, 0)
        const stale = yield* store.saveConfig({ ...config, version: 2 }, 0).pipe(Effect.flip)
        expect(stale._tag).toBe("Conflict")
        expect((yield* store.getConfig(t.county.id)).pipe(Option.getOrThrow).version).toBe(1)
        const p = { personId: t.people.volunteer.id, countyId: t.county.id, channels: ["sms"], quietHours: null, digest: true, updatedAt: iso(T0) }
        yield* store.savePreferences(p)
        expect(yield* store.preferencesOf([t.people.volunteer.id, t.people.member.id])).toEqual([p])
      })))
  })
}

