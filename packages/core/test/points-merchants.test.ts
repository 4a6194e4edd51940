/**
 * A merchant's side of the ledger — its catalog, its orders and their pickup codes — belongs
 * to the shop's own staff (the merchant account's holder) and to the community's points
 * staff, who read accounts where the shop is. A partner's staff member of another shop in
 * the same community finds nothing of it; and whoever may not see an order finds nothing
 * when typing a code for it.
 */
import { Effect, Layer, Option } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { Grid, IdGenerator, Identity, type PersonId, Points, systemActor, type TransferId } from "@mulin/core"
import { buildTinyLedger, layerMemory } from "@mulin/core/testing"

const sys = systemActor()
const id = (s: string) => s as TransferId

const run = <A, E>(effect: Effect.Effect<A, E, Grid | Points | Identity>) =>
  Effect.runPromise(effect.pipe(
    Effect.provide(Layer.mergeAll(Grid.layer, Points.layer, Identity.layer).pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layerSeeded(3))))),
    Effect.provide(TestClock.layer())
  ) as Effect.Effect<A, unknown>)

/** The tiny ledger, a second shop in the same community (a florist), and an order at each shop. */
const twoShops = Effect.gen(function*() {
  const points = yield* Points
  const grid = yield* Grid
  const identity = yield* Identity
  yield* TestClock.setTime(Date.UTC(2026, 5, 1, 2))
  const l = yield* buildTinyLedger()
  const community = l.tiny.communities[0].id
  const florist = yield* grid.createPerson(sys, { nodeId: community, code: "FLORIST", name: "花店钱老板" })
  yield* grid.assignRole(sys, { personId: florist.id, nodeId: community, role: "partner", startDate: "2026-01-01" })
  const floristActor = Option.getOrThrow(yield* identity.actorOf(florist.id as PersonId))
  const shop = yield* points.openAccount(sys, { nodeId: community, kind: "merchant", ownerId: florist.id, name: "钱记花店" })
  const flowers = yield* points.publishService(floristActor, { merchantAccountId: shop.id, nodeId: community, title: "插花课", pricePoints: 5 })
  yield* points.adjust(sys, { transferId: id("fund"), accountId: l.people[0].id, amount: 100, reason: "opening balance" })
  const flowerOrder = yield* points.orderService(l.holders[0], { transferId: id("o-flowers"), accountId: l.people[0].id, serviceId: flowers.id })
  const haircutOrder = yield* points.orderService(l.holders[0], { transferId: id("o-haircut"), accountId: l.people[0].id, serviceId: l.haircut.id })
  return { l, shop, flowers, floristActor, flowerOrder, haircutOrder }
})

describe("a merchant's side of the ledger", () => {
  it("is not another shop's: the barber finds nothing of the florist's catalog or orders (authorisation matrix)", () =>
    run(Effect.gen(function*() {
      const points = yield* Points
      const { flowerOrder, flowers, l, shop } = yield* twoShops
      const barber = l.barber
      const refused = [
        yield* Effect.flip(points.publishService(barber, { merchantAccountId: shop.id, nodeId: l.tiny.communities[0].id, title: "假花", pricePoints: 1 })),
        yield* Effect.flip(points.updateService(barber, flowers.id, { pricePoints: 1 })),
        yield* Effect.flip(points.getHold(barber, flowerOrder.id)),
        yield* Effect.flip(points.fulfil(barber, flowerOrder.id, { transferId: id("p-flowers"), pickupCode: flowerOrder.pickupCode! })),
        yield* Effect.flip(points.reissueCode(barber, flowerOrder.id))
      ]
      expect(refused.map((e) => e._tag)).toEqual(["NotFound", "NotFound", "NotFound", "NotFound", "NotFound"])
      // Nothing was posted: the florist's order is still pending.
      expect((yield* points.getHold(l.secretary, flowerOrder.id)).status).toBe("pending")
    })))

  it("stays the shop's own and the community's points staff's", () =>
    run(Effect.gen(function*() {
      const points = yield* Points
      const { floristActor, flowerOrder, flowers, haircutOrder, l, shop } = yield* twoShops
      // Each shop runs its own catalog and confirms its own orders.
      expect((yield* points.updateService(floristActor, flowers.id, { pricePoints: 6 })).pricePoints).toBe(6)
      expect((yield* points.fulfil(floristActor, flowerOrder.id, { transferId: id("p-flowers"), pickupCode: flowerOrder.pickupCode! })).status).toBe("posted")
      expect((yield* points.getHold(l.barber, haircutOrder.id)).id).toBe(haircutOrder.id)
      // The community's points staff list services for a shop and confirm its orders at the counter.
      expect((yield* points.publishService(l.secretary, { merchantAccountId: shop.id, nodeId: l.tiny.communities[0].id, title: "鲜花配送", pricePoints: 8 })).merchantAccountId).toBe(shop.id)
      expect((yield* points.fulfil(l.secretary, haircutOrder.id, { transferId: id("p-haircut"), pickupCode: haircutOrder.pickupCode! })).status).toBe("posted")
    })))

  it("is not found by whoever may not see the order when typing its code, as reading it is not found", () =>
    run(Effect.gen(function*() {
      const points = yield* Points
      const { flowerOrder, l } = yield* twoShops
      // The mediator sees the community where the shop is; the others do not even see it.
      const { leader, mediator, member, resident2, volunteer } = l.tiny.actors
      for (const actor of [mediator, leader, member, volunteer, resident2]) {
        expect((yield* Effect.flip(points.getHold(actor, flowerOrder.id)))._tag).toBe("NotFound")
        const typed = yield* Effect.flip(points.fulfil(actor, flowerOrder.id, { transferId: id("p-guess"), pickupCode: "123456" }))
        expect([typed._tag, typed.message]).toEqual(["NotFound", expect.stringContaining(flowerOrder.id)])
      }
    })))
})
