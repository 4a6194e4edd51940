/**
 * Pickup codes (核销码): drawn from the secret source, never from ids; stored only as a salted
 * hash; wrong codes counted and committed even though the request fails.
 */
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { Grid, IdGenerator, Points, PointsStore, systemActor, type TransferId } from "@mulin/core"
import { buildTinyLedger, layerMemory } from "@mulin/core/testing"

const sys = systemActor()
const id = (s: string) => s as TransferId

const run = <A, E>(effect: Effect.Effect<A, E, Grid | Points | PointsStore>, seed = 7) =>
  Effect.runPromise(effect.pipe(
    Effect.provide(Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layerSeeded(seed))))),
    Effect.provide(TestClock.layer())
  ) as Effect.Effect<A, unknown>)

const order = Effect.gen(function*() {
  const points = yield* Points
  yield* TestClock.setTime(Date.UTC(2026, 5, 1, 2))
  const l = yield* buildTinyLedger()
  yield* points.adjust(sys, { transferId: id("fund"), accountId: l.people[0].id, amount: 100, reason: "opening balance" })
  const hold = yield* points.orderService(l.holders[0], { transferId: id("o1"), accountId: l.people[0].id, serviceId: l.haircut.id })
  return { l, hold }
})

describe("pickup codes", () => {
  it("are not a function of the ids and the clock: the same seeded ids and time give different codes", async () => {
    const codes = new Set<string>()
    for (let i = 0; i < 4; i++) codes.add((await run(order)).hold.pickupCode!)
    expect(codes.size).toBeGreaterThan(1)
  })

  it("are kept only as a salted hash, and a wrong code is counted even though it fails", () =>
    run(Effect.gen(function*() {
      const points = yield* Points
      const store = yield* PointsStore
      const { hold, l } = yield* order
      const stored = yield* Effect.flatMap(store.getHold(hold.id), Effect.fromOption)
      expect(JSON.stringify(stored)).not.toContain(hold.pickupCode!)
      // Shown once: reading the hold later never shows it, not even to its holder.
      expect((yield* points.getHold(l.holders[0], hold.id)).pickupCode).toBeNull()
      const wrong = hold.pickupCode === "000000" ? "111111" : "000000"
      expect((yield* Effect.flip(points.fulfil(l.barber, hold.id, { transferId: id("p1"), pickupCode: wrong })))._tag).toBe("InvalidInput")
      const after = yield* Effect.flatMap(store.getHold(hold.id), Effect.fromOption)
      expect(after).toMatchObject({ failedAttempts: 1 })
    })))
})
