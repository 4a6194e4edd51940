/**
 * The county's calendar in the ledger: caps, a service's day capacity, the expiry cut-off and
 * its run's transfer ids, and the default report period follow the county's time zone, at
 * 23:30 and 00:30 China time.
 */
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { Grid, IdGenerator, Points, systemActor, type TransferId } from "@mulin/core"
import { buildTinyLedger, layerMemory } from "@mulin/core/testing"

const sys = systemActor()
const id = (s: string) => s as TransferId
/** A UTC instant from a China wall-clock time (UTC+8). */
const china = (y: number, m: number, d: number, h: number, min: number) => Date.UTC(y, m - 1, d, h - 8, min)

const run = <A, E>(effect: Effect.Effect<A, E, Grid | Points>) =>
  Effect.runPromise(effect.pipe(
    Effect.provide(Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layer)))),
    Effect.provide(TestClock.layer())
  ) as Effect.Effect<A, unknown>)

/** A county in Ürümqi time (UTC+6) with one community, a person with an account, and an issuer. */
const urumqi = Effect.gen(function*() {
  const grid = yield* Grid
  const points = yield* Points
  const county = yield* grid.createCounty(sys, { code: "650102", name: "天山区", timeZone: "Asia/Urumqi" })
  const street = yield* grid.createNode(sys, { parentId: county.id, code: "S1", name: "街道" })
  const community = yield* grid.createNode(sys, { parentId: street.id, code: "C1", name: "社区" })
  const person = yield* grid.createPerson(sys, { nodeId: community.id, code: "P1", name: "阿依古丽" })
  yield* points.openAccount(sys, { nodeId: county.id, kind: "issuer", name: "发行" })
  const account = yield* points.openAccount(sys, { nodeId: community.id, kind: "person", ownerId: person.id, name: person.name })
  return { county, community, person, account }
})

describe("the ledger's calendar is the county's", () => {
  it("counts a daily cap by the county's local day, not China's nor UTC's", () =>
    run(Effect.gen(function*() {
      const points = yield* Points
      yield* TestClock.setTime(china(2026, 6, 1, 23, 30))
      const u = yield* urumqi
      yield* points.award(sys, { transferId: id("h1"), accountId: u.account.id, category: "volunteer_hour", quantity: 8 })
      // 00:30 in China is 22:30 in Ürümqi: still the same local day, the cap of 80 holds.
      yield* TestClock.setTime(china(2026, 6, 2, 0, 30))
      const refused = yield* Effect.flip(points.award(sys, { transferId: id("h2"), accountId: u.account.id, category: "volunteer_hour", quantity: 1 }))
      expect(refused).toMatchObject({ _tag: "Conflict", reason: "cap_exceeded" })
      // 02:30 in China is 00:30 in Ürümqi: a new day.
      yield* TestClock.setTime(china(2026, 6, 2, 2, 30))
      yield* points.award(sys, { transferId: id("h3"), accountId: u.account.id, category: "volunteer_hour", quantity: 1 })
    })))

  it("takes the default report period from the county's local month", () =>
    run(Effect.gen(function*() {
      const points = yield* Points
      // 00:30 on 1 July in China is 22:30 on 30 June in Ürümqi.
      yield* TestClock.setTime(china(2026, 7, 1, 0, 30))
      const u = yield* urumqi
      const totals = yield* points.totals(sys, u.county.id)
      expect(totals.from).toBe("2026-05-31T18:00:00.000Z")
      expect(totals.to).toBe("2026-06-30T18:00:00.000Z")
    })))

  it("cuts expiry at the same local time months before, in the county's calendar", () =>
    run(Effect.gen(function*() {
      const points = yield* Points
      // Earned at 00:30 on 1 March, China time.
      yield* TestClock.setTime(china(2026, 3, 1, 0, 30))
      const l = yield* buildTinyLedger()
      const account = l.people[0].id
      yield* points.configure(sys, l.tiny.county.id, { ...(yield* points.getConfig(sys, l.tiny.county.id)).config, expiryMonths: 1 })
      yield* points.award(sys, { transferId: id("march"), accountId: account, category: "good_conduct" })
      // At 00:30 on 1 April the points are exactly one month old, not older: nothing expires.
      yield* TestClock.setTime(china(2026, 4, 1, 0, 30))
      expect((yield* points.expirePoints(sys, l.tiny.county.id)).expired).toBe(0)
      expect((yield* points.balance(sys, account)).posted).toBe(50)
    })))

  it("runs expiry once per local day: a run at 00:30 is another day than one at 23:30", () =>
    run(Effect.gen(function*() {
      const points = yield* Points
      yield* TestClock.setTime(china(2026, 5, 1, 23, 0))
      const l = yield* buildTinyLedger()
      const account = l.people[0].id
      yield* points.configure(sys, l.tiny.county.id, { ...(yield* points.getConfig(sys, l.tiny.county.id)).config, expiryMonths: 1 })
      yield* points.award(sys, { transferId: id("a"), accountId: account, category: "good_conduct" })
      yield* TestClock.setTime(china(2026, 5, 2, 0, 10))
      yield* points.award(sys, { transferId: id("b"), accountId: account, category: "event_attendance" })
      yield* TestClock.setTime(china(2026, 6, 1, 23, 30))
      expect(yield* points.expirePoints(sys, l.tiny.county.id)).toMatchObject({ expired: 50 })
      yield* TestClock.setTime(china(2026, 6, 2, 0, 30))
      const second = yield* points.expirePoints(sys, l.tiny.county.id)
      expect(second).toMatchObject({ expired: 5 })
      expect(second.transfers[0]).toContain("2026-06-02")
      expect((yield* points.balance(sys, account)).posted).toBe(0)
    })))

  it("counts a service's day capacity by the county's local day", () =>
    run(Effect.gen(function*() {
      const points = yield* Points
      yield* TestClock.setTime(china(2026, 6, 1, 23, 30))
      const l = yield* buildTinyLedger()
      const account = l.people[0].id
      yield* points.adjust(sys, { transferId: id("fund"), accountId: account, amount: 300, reason: "opening balance" })
      yield* points.updateService(l.barber, l.haircut.id, { dailyCapacity: 1 })
      yield* points.orderService(l.holders[0], { transferId: id("o1"), accountId: account, serviceId: l.haircut.id })
      // 23:50 the same evening: the day's one order is taken.
      yield* TestClock.setTime(china(2026, 6, 1, 23, 50))
      expect(yield* Effect.flip(points.orderService(l.holders[0], { transferId: id("o2"), accountId: account, serviceId: l.haircut.id }))).toMatchObject({ reason: "capacity_reached" })
      // 00:30: a new day in China.
      yield* TestClock.setTime(china(2026, 6, 2, 0, 30))
      yield* points.orderService(l.holders[0], { transferId: id("o3"), accountId: account, serviceId: l.haircut.id })
    })))
})
