/**
 * The ledger's conformance suite. Every store of the points port — the in-memory one,
 * SQLite, a county's own — calls {@link pointsStoreConformance} from a vitest file and must
 * pass every case: the idempotency matrix, floors, linked batches, holds, caps, expiry,
 * reports, concurrency (exactly k of N redemptions succeed) and property tests over random
 * interleavings (points conserved, no floor ever broken as a concurrent reader sees it,
 * replay rebuilds every balance).
 *
 * @since 0.2.0
 */
import { Effect, Exit, type Layer, Option, Schema } from "effect"
import { describe, expect, it } from "vitest"
import type { Actor } from "../kernel/actor.js"
import { IdempotencyStore } from "../kernel/idempotency.js"
import type { GridNodeId } from "../kernel/ids.js"
import { UnitOfWork } from "../kernel/store.js"
import { defaultPointsConfig } from "../points/rules.js"
import { Points } from "../points/service.js"
import { PointsStore } from "../points/store.js"
import { buildTinyLedger } from "./pointsFixtures.js"
import { DAY, HOUR, id, pointsKit, type PointsStorePorts, START, sys } from "./pointsKit.js"
import { pointsPropertyCase } from "./pointsProperties.js"

export type { PointsStorePorts } from "./pointsKit.js"

/**
 * Options of {@link pointsStoreConformance}.
 *
 * @category models
 * @since 0.2.0
 */
export interface PointsConformanceOptions {
  /** Runs of each property test (default 20). */
  readonly propertyRuns?: number
}

/**
 * Registers the ledger conformance cases. `makeLayer` is called once per case and must
 * return a layer building a fresh, empty store.
 *
 * @category conformance
 * @since 0.2.0
 */
export const pointsStoreConformance = (
  name: string,
  makeLayer: () => Layer.Layer<PointsStorePorts, unknown>,
  options: PointsConformanceOptions = {}
): void => {
  const { allEvents, allTransfers, balanceOf, expectConsistent, run } = pointsKit(makeLayer)

  describe(`points store conformance: ${name}`, () => {
    it("awards by rule, keeps a statement with a running balance, pages it newest first", () =>
      run(() => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a] = l.people
        for (let i = 0; i < 5; i++) yield* points.award(l.tiny.admin, { transferId: id(`vh-${i}`), accountId: a.id, category: "door_knock", quantity: 1 })
        expect(yield* points.balance(l.holders[0], a.id)).toEqual({ accountId: a.id, posted: 25, held: 0, available: 25, floor: 0 })
        expect(yield* balanceOf(l.issuer.id)).toMatchObject({ posted: -25, floor: null })
        const first = yield* points.statement(l.holders[0], a.id, { limit: 2 })
        expect(first.items.map((e) => [e.transfer.id, e.amount, e.balance])).toEqual([["vh-4", 5, 25], ["vh-3", 5, 20]])
        const rest = yield* points.statement(l.holders[0], a.id, { limit: 10, after: first.next! })
        expect(rest.items.map((e) => e.balance)).toEqual([15, 10, 5])
        expect(rest.next).toBeNull()
        // Another resident cannot read it; the account's name is masked for staff without personal data rights.
        expect((yield* Effect.flip(points.balance(l.holders[1], a.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(points.balance(l.tiny.actors.worker2, a.id)))._tag).toBe("NotFound")
        expect((yield* points.getAccount(l.tiny.gridWorker, a.id)).masked).toBe(false)
        const dup = yield* Effect.flip(points.openAccount(sys, { nodeId: l.tiny.units[0].id, kind: "person", ownerId: a.ownerId! }))
        expect(dup).toMatchObject({ _tag: "Conflict", reason: "duplicate_account" })
        // A person account takes its holder's name from the directory; staff open accounts for people of their scope only.
        expect((yield* points.getAccount(l.tiny.admin, a.id)).name).toBe(l.tiny.people.resident.name)
        const far = yield* Effect.flip(points.openAccount(l.secretary, { nodeId: l.tiny.units[1].id, kind: "person", ownerId: l.tiny.people.worker2.id }))
        expect(far._tag).toBe("NotFound")
        const self = yield* Effect.flip(points.openAccount(l.secretary, { nodeId: l.tiny.communities[0].id, kind: "merchant", ownerId: l.tiny.people.secretary.id, name: "小卖部" }))
        expect(self).toMatchObject({ _tag: "InvalidInput" })
        expect(self.message).toContain("partner")
        yield* expectConsistent
      })))

    it("honours the idempotency matrix: same id and content → the original; other content → Conflict", () =>
      run(() => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a, b] = l.people
        const first = yield* points.award(l.tiny.admin, { transferId: id("once"), accountId: a.id, category: "micro_wish", memo: "修水管" })
        const events = (yield* allEvents).length
        const again = yield* points.award(l.tiny.admin, { transferId: id("once"), accountId: a.id, category: "micro_wish", memo: "修水管" })
        expect(again).toEqual(first)
        expect((yield* allEvents).length).toBe(events)
        const other = yield* Effect.flip(points.award(l.tiny.admin, { transferId: id("once"), accountId: b.id, category: "micro_wish", memo: "修水管" }))
        expect(other).toMatchObject({ _tag: "Conflict", reason: "transfer_exists" })
        const otherMemo = yield* Effect.flip(points.award(l.tiny.admin, { transferId: id("once"), accountId: a.id, category: "micro_wish", memo: "换灯泡" }))
        expect(otherMemo).toMatchObject({ _tag: "Conflict", reason: "transfer_exists" })
        expect((yield* balanceOf(a.id)).posted).toBe(20)
        expect((yield* balanceOf(b.id)).posted).toBe(0)
        // The store itself refuses a second transfer with a used id.
        const store = yield* PointsStore
        const uow = yield* UnitOfWork
        const copy = yield* Effect.flip(uow.transaction(store.commit([{ ...first.transfers[0]!, amount: 1 }])))
        expect(copy).toMatchObject({ _tag: "Conflict", reason: "duplicate_transfer" })
        yield* expectConsistent
      })))

    it("says which check refused an award: the rule, the cap or the scope", () =>
      run((advance) => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a] = l.people
        const rule = yield* Effect.flip(points.award(l.tiny.admin, { transferId: id("x1"), accountId: a.id, category: "karaoke" }))
        expect(rule).toMatchObject({ _tag: "InvalidInput" })
        expect(rule.message).toContain("no earning rule")
        const leader = l.tiny.actors.leader
        const scope = yield* Effect.flip(points.award(leader, { transferId: id("x2"), accountId: a.id, category: "volunteer_hour" }))
        expect(scope._tag).toBe("Forbidden")
        yield* points.award(leader, { transferId: id("knock"), accountId: a.id, category: "door_knock" })
        // volunteer_hour: 10 a hour, 80 a day.
        yield* points.award(l.tiny.gridWorker, { transferId: id("h1"), accountId: a.id, category: "volunteer_hour", quantity: 7 })
        const cap = yield* Effect.flip(points.award(l.tiny.gridWorker, { transferId: id("h2"), accountId: a.id, category: "volunteer_hour", quantity: 2 }))
        expect(cap).toMatchObject({ _tag: "Conflict", reason: "cap_exceeded" })
        expect(cap.message).toContain(a.id)
        expect(cap.message).toContain("70 of the daily cap of volunteer hour of 80")
        expect(cap.messageZh).toContain("每日上限")
        // A retry of the award that reached the cap is still answered with the original.
        expect((yield* points.award(l.tiny.gridWorker, { transferId: id("h1"), accountId: a.id, category: "volunteer_hour", quantity: 7 })).transfers[0]!.amount).toBe(70)
        // The next local day the cap starts again.
        yield* advance(DAY)
        yield* points.award(l.tiny.gridWorker, { transferId: id("h3"), accountId: a.id, category: "volunteer_hour", quantity: 2 })
        expect((yield* balanceOf(a.id)).posted).toBe(95)
        yield* expectConsistent
      })))

    it("refuses a debit below the floor, naming the account and the amounts, and writes nothing", () =>
      run(() => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a, b] = l.people
        yield* points.award(l.tiny.admin, { transferId: id("e1"), accountId: a.id, category: "micro_wish" })
        const before = (yield* allEvents).length
        const refused = yield* Effect.flip(points.donate(l.holders[0], { transferId: id("d1"), fromAccountId: a.id, toAccountId: l.charity.id, amount: 21 }))
        expect(refused).toMatchObject({ _tag: "Conflict", reason: "insufficient_points" })
        expect(refused.message).toBe(`account ${a.id} has 20 points available (posted 20, held 0, floor 0): 21 needed`)
        expect(refused.messageZh).toContain("可用积分为 20")
        expect((yield* allEvents).length).toBe(before)
        expect((yield* Effect.flip(points.donate(l.holders[1], { transferId: id("d2"), fromAccountId: a.id, toAccountId: l.charity.id, amount: 1 })))._tag).toBe("NotFound")
        yield* points.donate(l.holders[0], { transferId: id("d3"), fromAccountId: a.id, toAccountId: l.charity.id, amount: 15 })
        yield* points.donate(l.holders[0], { transferId: id("d4"), fromAccountId: a.id, toAccountId: b.id, amount: 5, memo: "给家人" })
        expect((yield* balanceOf(l.charity.id)).posted).toBe(15)
        expect((yield* balanceOf(b.id)).posted).toBe(5)
        expect((yield* balanceOf(a.id)).posted).toBe(0)
        yield* expectConsistent
      })))

    it("commits a linked batch all or none, checking floors transfer by transfer", () =>
      run(() => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a, b, c] = l.people
        const failed = yield* Effect.flip(points.commitBatch(sys, { transfers: [
          { id: id("b1"), debitAccountId: l.issuer.id, creditAccountId: a.id, amount: 10, code: "transfer" },
          // b has nothing yet: this one breaks b's floor even though the third would refill it.
          { id: id("b2"), debitAccountId: b.id, creditAccountId: c.id, amount: 5, code: "transfer" },
          { id: id("b3"), debitAccountId: a.id, creditAccountId: b.id, amount: 5, code: "transfer" }
        ] }))
        expect(failed).toMatchObject({ _tag: "Conflict", reason: "insufficient_points" })
        expect((yield* balanceOf(a.id)).posted).toBe(0)
        expect((yield* PointsStore.use((s) => s.getTransfers([id("b1")])))).toEqual([])
        const done = yield* points.commitBatch(sys, { transfers: [
          { id: id("b1"), debitAccountId: l.issuer.id, creditAccountId: a.id, amount: 10, code: "transfer" },
          { id: id("b3"), debitAccountId: a.id, creditAccountId: b.id, amount: 5, code: "transfer" },
          { id: id("b2"), debitAccountId: b.id, creditAccountId: c.id, amount: 5, code: "transfer" }
        ] })
        expect(done.transfers.map((t) => t.seq)).toEqual([...done.transfers.map((t) => t.seq)].sort((x, y) => x - y))
        expect([(yield* balanceOf(a.id)).posted, (yield* balanceOf(b.id)).posted, (yield* balanceOf(c.id)).posted]).toEqual([5, 0, 5])
        // The county's issuer lies outside a community secretary's scope.
        expect((yield* Effect.flip(points.commitBatch(l.secretary, { transfers: [{ id: id("b9"), debitAccountId: l.issuer.id, creditAccountId: a.id, amount: 1, code: "transfer" }] })))._tag).toBe("NotFound")
        expect((yield* Effect.flip(points.commitBatch(l.tiny.gridWorker, { transfers: [{ id: id("b9"), debitAccountId: a.id, creditAccountId: b.id, amount: 1, code: "transfer" }] })))._tag).toBe("Forbidden")
        yield* expectConsistent
      })))

    it("runs two-phase holds: order, pickup code, post to the merchant; cancel and timeout void them", () =>
      run((advance) => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a] = l.people
        const holder = l.holders[0]
        yield* points.award(l.tiny.admin, { transferId: id("gc"), accountId: a.id, category: "good_conduct", quantity: 2 })
        const order = yield* points.orderService(holder, { transferId: id("o1"), accountId: a.id, serviceId: l.haircut.id })
        expect(order).toMatchObject({ status: "pending", amount: 30, cashFen: 500 })
        expect(order.pickupCode).toMatch(/^\d{6}$/)
        expect(yield* balanceOf(a.id)).toMatchObject({ posted: 100, held: 30, available: 70 })
        // The code is shown once, to the holder: later reads show it to no one; a wrong code is refused.
        expect((yield* points.getHold(l.barber, order.id)).pickupCode).toBeNull()
        expect((yield* points.getHold(holder, order.id)).pickupCode).toBeNull()
        expect(JSON.stringify(yield* allEvents)).not.toContain(order.pickupCode!)
        const wrong = yield* Effect.flip(points.fulfil(l.barber, order.id, { transferId: id("p1"), pickupCode: order.pickupCode === "000000" ? "111111" : "000000" }))
        expect(wrong._tag).toBe("InvalidInput")
        expect((yield* Effect.flip(points.fulfil(holder, order.id, { transferId: id("p1"), pickupCode: order.pickupCode! })))._tag).toBe("Forbidden")
        const posted = yield* points.fulfil(l.barber, order.id, { transferId: id("p1"), pickupCode: order.pickupCode! })
        expect(posted).toMatchObject({ status: "posted", resolutionId: "p1" })
        expect(yield* points.fulfil(l.barber, order.id, { transferId: id("p1"), pickupCode: order.pickupCode! })).toEqual(posted)
        expect((yield* Effect.flip(points.cancel(holder, order.id, { transferId: id("c1") })))._tag).toBe("InvalidTransition")
        expect(yield* balanceOf(a.id)).toMatchObject({ posted: 70, held: 0 })
        expect((yield* balanceOf(l.merchant.id)).posted).toBe(30)
        // Cancelled: the points and the stock come back.
        const o2 = yield* points.orderService(holder, { transferId: id("o2"), accountId: a.id, serviceId: l.haircut.id, quantity: 2 })
        expect((yield* points.catalog(holder, l.tiny.units[0].id))[0]!.stock).toBe(7)
        expect(yield* points.cancel(holder, o2.id, { transferId: id("c2") })).toMatchObject({ status: "voided" })
        expect((yield* points.catalog(holder, l.tiny.units[0].id))[0]!.stock).toBe(9)
        // Timed out: voided by the job, and the code no longer works.
        const o3 = yield* points.orderService(holder, { transferId: id("o3"), accountId: a.id, serviceId: l.haircut.id })
        yield* advance(73 * HOUR)
        const late = yield* Effect.flip(points.fulfil(l.barber, o3.id, { transferId: id("p3"), pickupCode: o3.pickupCode! }))
        expect(late).toMatchObject({ _tag: "Conflict", reason: "hold_timed_out" })
        expect(yield* points.expireHolds(sys)).toEqual({ voided: 1 })
        expect((yield* points.getHold(holder, o3.id)).status).toBe("expired")
        expect(yield* balanceOf(a.id)).toMatchObject({ posted: 70, held: 0, available: 70 })
        // A service not offered where the account is registered is refused.
        const far = yield* Effect.flip(points.orderService(l.holders[2], { transferId: id("o4"), accountId: l.people[2].id, serviceId: l.haircut.id }))
        expect(far._tag).toBe("NotFound")
        yield* expectConsistent
      })))

    it("voids a county's timed-out orders only: another county's are left to its own run", () =>
      run((advance) => Effect.gen(function*() {
        const points = yield* Points
        const east = yield* buildTinyLedger("370812")
        const west = yield* buildTinyLedger("370813")
        const countySystem = (countyId: GridNodeId): Actor => ({ id: "system:jobs", kind: "system", name: "scheduled rules", grants: [{ role: "system", scope: countyId }] })
        const orders = []
        for (const l of [east, west]) {
          yield* points.award(l.tiny.admin, { transferId: id(`gc-${l.tiny.county.id}`), accountId: l.people[0].id, category: "good_conduct", quantity: 2 })
          orders.push(yield* points.orderService(l.holders[0], { transferId: id(`o-${l.tiny.county.id}`), accountId: l.people[0].id, serviceId: l.haircut.id }))
        }
        yield* advance(73 * HOUR)
        // A county's system cannot void another county's holds.
        expect((yield* Effect.flip(points.expireHolds(countySystem(east.tiny.county.id), west.tiny.county.id)))._tag).toMatch(/Forbidden|NotFound/)
        expect(yield* points.expireHolds(countySystem(east.tiny.county.id), east.tiny.county.id)).toEqual({ voided: 1 })
        expect((yield* points.getHold(east.holders[0], orders[0]!.id)).status).toBe("expired")
        expect((yield* points.getHold(west.holders[0], orders[1]!.id)).status).toBe("pending")
        expect(yield* balanceOf(west.people[0].id)).toMatchObject({ held: 30 })
        expect(yield* points.expireHolds(countySystem(west.tiny.county.id), west.tiny.county.id)).toEqual({ voided: 1 })
        expect((yield* points.getHold(west.holders[0], orders[1]!.id)).status).toBe("expired")
        expect(yield* points.expireHolds(countySystem(east.tiny.county.id), east.tiny.county.id)).toEqual({ voided: 0 })
        yield* expectConsistent
      })))

    it("corrects by new transfers only: a reversal once, an adjustment with a reason", () =>
      run(() => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a] = l.people
        yield* points.award(l.tiny.admin, { transferId: id("wrong"), accountId: a.id, category: "micro_wish" })
        yield* points.reverse(l.secretary, { transferId: id("rev"), reversesId: id("wrong"), reason: "重复登记" })
        expect((yield* balanceOf(a.id)).posted).toBe(0)
        const twice = yield* Effect.flip(points.reverse(l.secretary, { transferId: id("rev2"), reversesId: id("wrong"), reason: "再次冲正" }))
        expect(twice).toMatchObject({ _tag: "Conflict", reason: "already_reversed" })
        expect((yield* Effect.flip(points.reverse(l.tiny.gridWorker, { transferId: id("rev3"), reversesId: id("wrong"), reason: "网格员" })))._tag).toBe("Forbidden")
        yield* points.adjust(l.secretary, { transferId: id("adj"), accountId: a.id, amount: 12, reason: "补录三月活动" })
        yield* points.adjust(l.secretary, { transferId: id("adj2"), accountId: a.id, amount: -2, reason: "多录两分" })
        const store = yield* PointsStore
        expect((yield* store.getTransfers([id("wrong")]))[0]).toMatchObject({ amount: 20, code: "earn" })
        expect((yield* balanceOf(a.id)).posted).toBe(10)
        const spent = yield* points.orderService(l.holders[0], { transferId: id("o"), accountId: a.id, serviceId: l.haircut.id }).pipe(Effect.flip)
        expect(spent).toMatchObject({ reason: "insufficient_points" })
        yield* expectConsistent
      })))

    it("expires points oldest first with expire transfers, once", () =>
      run((advance) => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a] = l.people
        yield* points.configure(sys, l.tiny.county.id, { ...defaultPointsConfig, expiryMonths: 12 })
        yield* points.award(l.tiny.admin, { transferId: id("old"), accountId: a.id, category: "good_conduct" })
        yield* points.donate(l.holders[0], { transferId: id("gift"), fromAccountId: a.id, toAccountId: l.charity.id, amount: 20 })
        yield* advance(200 * DAY)
        yield* points.award(l.tiny.admin, { transferId: id("new"), accountId: a.id, category: "good_conduct" })
        yield* advance(200 * DAY)
        const run1 = yield* points.expirePoints(sys, l.tiny.county.id)
        // 50 earned over a year ago, 20 of them donated: 30 expire; the newer 50 stay.
        expect(run1).toMatchObject({ expired: 30 })
        expect((yield* balanceOf(a.id)).posted).toBe(50)
        expect((yield* points.expirePoints(sys, l.tiny.county.id)).expired).toBe(0)
        const totals = yield* points.totals(sys, l.tiny.county.id, { from: new Date(START).toISOString(), to: new Date(START + 500 * DAY).toISOString() })
        expect(totals).toMatchObject({ issued: 100, donated: 20, expired: 30, redeemed: 0, outstanding: 70 })
        yield* expectConsistent
      })))

    it("reports subtree totals and a leaderboard with masked names", () =>
      run(() => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a, b, c] = l.people
        yield* points.award(l.tiny.admin, { transferId: id("1"), accountId: a.id, category: "good_conduct" })
        yield* points.award(l.tiny.admin, { transferId: id("2"), accountId: b.id, category: "micro_wish" })
        yield* points.award(l.tiny.admin, { transferId: id("3"), accountId: c.id, category: "good_conduct", quantity: 2 })
        const order = yield* points.orderService(l.holders[0], { transferId: id("o"), accountId: a.id, serviceId: l.haircut.id })
        yield* points.fulfil(l.barber, order.id, { transferId: id("p"), pickupCode: order.pickupCode! })
        yield* points.donate(l.holders[1], { transferId: id("d"), fromAccountId: b.id, toAccountId: l.charity.id, amount: 5 })
        const community = yield* points.totals(l.secretary, l.tiny.communities[0].id)
        expect(community).toMatchObject({ issued: 70, redeemed: 30, donated: 5, expired: 0, outstanding: 70 })
        const county = yield* points.totals(l.tiny.admin, l.tiny.county.id)
        expect(county).toMatchObject({ issued: 170, outstanding: 170 })
        const board = yield* points.leaderboard(l.tiny.admin, l.tiny.county.id)
        expect(board.entries.map((e) => [e.rank, e.accountId, e.earned])).toEqual([[1, c.id, 100], [2, a.id, 50], [3, b.id, 20]])
        expect(board.entries.every((e) => e.name.endsWith("*"))).toBe(true)
        expect(JSON.stringify(board)).not.toContain(a.name)
        expect((yield* Effect.flip(points.totals(l.secretary, l.tiny.communities[1].id)))._tag).toBe("NotFound")
        // One event per change; payloads carry no names.
        const events = yield* allEvents
        expect(JSON.stringify(events.filter((e) => e.type.startsWith("points.")))).not.toContain(a.name)
        expect(events.filter((e) => e.type === "points.hold.posted")).toHaveLength(1)
        yield* expectConsistent
      })))

    it("locks a hold after the county's limit of wrong codes until its holder asks for a new one; locks a merchant who guesses across holds", () =>
      run((advance) => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a] = l.people
        const holder = l.holders[0]
        yield* points.adjust(sys, { transferId: id("fund"), accountId: a.id, amount: 1000, reason: "opening balance" })
        yield* points.updateService(l.barber, l.haircut.id, { stock: null })
        yield* points.configure(sys, l.tiny.county.id, { ...defaultPointsConfig, pickupCodes: { perHold: 3, perMerchantHour: 7, merchantLockMinutes: 30 } })
        const order = yield* points.orderService(holder, { transferId: id("o1"), accountId: a.id, serviceId: l.haircut.id })
        const wrong = (code: string) => (code === "000000" ? "111111" : "000000")
        for (let i = 0; i < 3; i++) {
          const refused = yield* Effect.flip(points.fulfil(l.barber, order.id, { transferId: id("p1"), pickupCode: wrong(order.pickupCode!) }))
          expect(refused._tag).toBe("InvalidInput")
        }
        // Locked: even the right code is refused, and nothing more is written.
        const before = (yield* allEvents).length
        expect(yield* Effect.flip(points.fulfil(l.barber, order.id, { transferId: id("p1"), pickupCode: order.pickupCode! }))).toMatchObject({ _tag: "Conflict", reason: "hold_locked" })
        expect((yield* allEvents).length).toBe(before)
        expect((yield* allEvents).filter((e) => e.aggregateId === order.id).map((e) => e.type)).toEqual([
          "points.hold.placed", "points.hold.code_rejected", "points.hold.code_rejected", "points.hold.code_rejected", "points.hold.locked"
        ])
        // Only the holder gets a new code; the old one stops working, the new one works.
        expect((yield* Effect.flip(points.reissueCode(l.barber, order.id)))._tag).toBe("Forbidden")
        const fresh = yield* points.reissueCode(holder, order.id)
        expect(fresh.pickupCode).toMatch(/^\d{6}$/)
        if (fresh.pickupCode !== order.pickupCode) {
          expect(yield* Effect.flip(points.fulfil(l.barber, order.id, { transferId: id("p1"), pickupCode: order.pickupCode! }))).toMatchObject({ _tag: "InvalidInput" })
        }
        expect(yield* points.fulfil(l.barber, order.id, { transferId: id("p1"), pickupCode: fresh.pickupCode! })).toMatchObject({ status: "posted" })
        // Guessing across holds: seven wrong codes within the hour lock the merchant out.
        const more = yield* Effect.forEach([2, 3, 4], (i) => points.orderService(holder, { transferId: id(`o${i}`), accountId: a.id, serviceId: l.haircut.id }))
        for (let i = 0; i < 6; i++) {
          const h = more[i % 3]!
          yield* Effect.flip(points.fulfil(l.barber, h.id, { transferId: id(`q${i}`), pickupCode: wrong(h.pickupCode!) }))
        }
        expect((yield* allEvents).filter((e) => e.type === "points.merchant.locked")).toHaveLength(1)
        const lockedOut = yield* Effect.flip(points.fulfil(l.barber, more[2]!.id, { transferId: id("q9"), pickupCode: more[2]!.pickupCode! }))
        expect(lockedOut).toMatchObject({ _tag: "Conflict", reason: "merchant_locked" })
        yield* advance(31 * 60_000)
        expect(yield* points.fulfil(l.barber, more[2]!.id, { transferId: id("q9"), pickupCode: more[2]!.pickupCode! })).toMatchObject({ status: "posted" })
        yield* expectConsistent
      })))

    it("holds a reward on its holder's own account only, pays it out in shares never above the hold, and releases it", () =>
      run(() => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a, b, c] = l.people
        yield* points.adjust(sys, { transferId: id("fund"), accountId: a.id, amount: 100, reason: "opening balance" })
        const cause = { type: "need" as const, id: "need-1" }
        // Another's account: refused, whoever asks (the staff of the account's community too).
        expect((yield* Effect.flip(points.holdReward(l.holders[1], { holdId: id("r0"), accountId: a.id, amount: 20, cause })))._tag).toBe("NotFound")
        expect((yield* Effect.flip(points.holdReward(l.secretary, { holdId: id("r0"), accountId: a.id, amount: 20, cause })))._tag).toBe("Forbidden")
        const held = yield* points.holdReward(l.holders[0], { holdId: id("r1"), accountId: a.id, amount: 60, cause })
        expect(held).toMatchObject({ purpose: "reward", status: "pending", amount: 60, timeoutAt: null })
        expect(yield* balanceOf(a.id)).toMatchObject({ posted: 100, held: 60, available: 40 })
        // No pickup code, no fulfilment, no timeout.
        expect((yield* Effect.flip(points.fulfil(l.barber, held.id, { transferId: id("x"), pickupCode: "123456" })))._tag).toBe("NotFound")
        const over = yield* Effect.flip(points.payReward(l.holders[0], { holdId: held.id, voidId: id("r1.void"), shares: [{ transferId: id("r1.0"), accountId: b.id, amount: 40 }, { transferId: id("r1.1"), accountId: c.id, amount: 21 }] }))
        expect(over).toMatchObject({ _tag: "Conflict", reason: "reward_exceeds_hold" })
        const paid = yield* points.payReward(l.holders[0], { holdId: held.id, voidId: id("r1.void"), shares: [{ transferId: id("r1.0"), accountId: b.id, amount: 20 }, { transferId: id("r1.1"), accountId: c.id, amount: 20 }] })
        expect(paid.status).toBe("posted")
        // Paid once: a retry replays, another payout is refused.
        yield* points.payReward(l.holders[0], { holdId: held.id, voidId: id("r1.void"), shares: [{ transferId: id("r1.0"), accountId: b.id, amount: 20 }, { transferId: id("r1.1"), accountId: c.id, amount: 20 }] })
        expect((yield* Effect.flip(points.payReward(l.holders[0], { holdId: held.id, voidId: id("r1.again"), shares: [] })))._tag).toBe("InvalidTransition")
        expect([(yield* balanceOf(a.id)).posted, (yield* balanceOf(b.id)).posted, (yield* balanceOf(c.id)).posted]).toEqual([60, 20, 20])
        expect(yield* balanceOf(a.id)).toMatchObject({ held: 0 })
        const released = yield* points.holdReward(l.holders[0], { holdId: id("r2"), accountId: a.id, amount: 30, cause: { type: "need", id: "need-2" } })
        yield* points.releaseReward(l.holders[0], released.id, id("r2.void"))
        expect(yield* balanceOf(a.id)).toMatchObject({ posted: 60, held: 0, available: 60 })
        // The job that voids timed-out orders leaves rewards alone.
        yield* points.holdReward(l.holders[0], { holdId: id("r3"), accountId: a.id, amount: 10, cause: { type: "need", id: "need-3" } })
        expect(yield* points.expireHolds(sys)).toEqual({ voided: 0 })
        yield* expectConsistent
      })))

    it("awards a need's volunteers from the issuer under the rule and its caps, never to the awarder, and says who awarded", () =>
      run(() => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a, b] = l.people
        const worker = l.tiny.gridWorker
        const node = l.tiny.units[0].id
        const cause = { type: "need" as const, id: "need-9" }
        // micro_wish: 20 points, 60 a day.
        const q = yield* points.quoteAward(worker, { nodeId: node, category: "micro_wish", quantity: 1, accountIds: [a.id, b.id] })
        expect(q).toMatchObject({ issuerId: l.issuer.id, perVolunteer: 20, amounts: [{ accountId: a.id, amount: 20 }, { accountId: b.id, amount: 20 }] })
        const done = yield* points.awardReward(worker, { nodeId: node, category: "micro_wish", quantity: 1, awards: [{ transferId: id("w.0"), accountId: a.id, amount: 20 }], cause })
        expect(done.transfers[0]).toMatchObject({ code: "earn", category: "micro_wish", actorId: worker.id, debitAccountId: l.issuer.id })
        const tooMuch = yield* Effect.flip(points.awardReward(worker, { nodeId: node, category: "micro_wish", quantity: 1, awards: [{ transferId: id("w.1"), accountId: a.id, amount: 10_000 }], cause }))
        expect(tooMuch).toMatchObject({ _tag: "Conflict", reason: "reward_above_rule" })
        yield* points.award(worker, { transferId: id("w.2"), accountId: a.id, category: "micro_wish", quantity: 2 })
        // 60 earned today: no room left for a.
        expect((yield* points.quoteAward(worker, { nodeId: node, category: "micro_wish", quantity: 1, accountIds: [a.id] })).amounts).toEqual([{ accountId: a.id, amount: 0 }])
        const capped = yield* Effect.flip(points.awardReward(worker, { nodeId: node, category: "micro_wish", quantity: 1, awards: [{ transferId: id("w.3"), accountId: a.id, amount: 20 }], cause }))
        expect(capped).toMatchObject({ _tag: "Conflict", reason: "cap_exceeded" })
        // Not where the actor may not award; not by a role the rule does not list.
        expect((yield* Effect.flip(points.quoteAward(l.tiny.actors.worker2, { nodeId: node, category: "micro_wish", quantity: 1, accountIds: [] })))._tag).toBe("NotFound")
        expect((yield* Effect.flip(points.quoteAward(l.tiny.actors.leader, { nodeId: l.tiny.buildings[0].id, category: "micro_wish", quantity: 1, accountIds: [] })))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(points.quoteAward(l.holders[0], { nodeId: node, category: "micro_wish", quantity: 1, accountIds: [] })))._tag).toBe("Forbidden")
        yield* expectConsistent
      })))

    it("lets exactly k of N concurrent redemptions through when the account affords only k", () =>
      run(() => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a] = l.people
        yield* points.updateService(l.barber, l.haircut.id, { stock: null })
        yield* points.adjust(sys, { transferId: id("fund"), accountId: a.id, amount: 95, reason: "测试充值" })
        const results = yield* Effect.forEach(
          Array.from({ length: 12 }, (_, i) => i),
          (i) => Effect.result(points.orderService(l.holders[0], { transferId: id(`race-${i}`), accountId: a.id, serviceId: l.haircut.id })),
          { concurrency: "unbounded" }
        )
        expect(results.filter((r) => r._tag === "Success")).toHaveLength(3)
        expect(results.filter((r) => r._tag === "Failure").every((r) => r._tag === "Failure" && r.failure._tag === "Conflict" && r.failure.reason === "insufficient_points")).toBe(true)
        expect(yield* balanceOf(a.id)).toMatchObject({ posted: 95, held: 90, available: 5 })
        yield* expectConsistent
      })))

    it("records an idempotency key with the unit of work: replay, reuse for another request, rollback", () =>
      run(() => Effect.gen(function*() {
        const points = yield* Points
        const l = yield* buildTinyLedger()
        const [a] = l.people
        const award = (transferId: string) => points.award(l.tiny.admin, { transferId: id(transferId), accountId: a.id, category: "door_knock" })
        const schema = Schema.Struct({ transfers: Schema.Array(Schema.Struct({ id: Schema.String, seq: Schema.Int })) })
        const first = yield* points.idempotent(l.tiny.admin, { key: "k1", fingerprint: "f1" }, schema, award("t1"))
        const again = yield* points.idempotent(l.tiny.admin, { key: "k1", fingerprint: "f1" }, schema, award("t-other"))
        expect(again).toEqual({ value: { transfers: [{ id: "t1", seq: first.value.transfers[0]!.seq }] }, replayed: true })
        expect(first.replayed).toBe(false)
        const reused = yield* Effect.flip(points.idempotent(l.tiny.admin, { key: "k1", fingerprint: "f2" }, schema, award("t2")))
        expect(reused).toMatchObject({ _tag: "Conflict", reason: "idempotency_key_reused" })
        // Another actor has its own keys.
        expect((yield* points.idempotent(sys, { key: "k1", fingerprint: "f3" }, schema, award("t3"))).replayed).toBe(false)
        // A failed command records nothing: the key can be used again.
        const failed = yield* Effect.exit(points.idempotent(l.tiny.admin, { key: "k2", fingerprint: "f" }, schema, points.award(l.tiny.admin, { transferId: id("t4"), accountId: a.id, category: "nope" })))
        expect(Exit.isFailure(failed)).toBe(true)
        const keys = yield* IdempotencyStore
        expect(Option.isNone(yield* keys.find(l.tiny.admin.id, "k2"))).toBe(true)
        expect((yield* balanceOf(a.id)).posted).toBe(10)
      })))

    pointsPropertyCase({ allEvents, allTransfers, balanceOf, expectConsistent, run }, options.propertyRuns)
  })
}
