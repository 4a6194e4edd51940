/**
 * The ledger's property case: random interleavings of every kind of operation keep points
 * conserved, floors unbroken for a concurrent reader and balances rebuildable by replay.
 *
 * @since 0.4.0
 */
import { Effect, Fiber, Option, Result } from "effect"
import fc from "fast-check"
import { expect, it } from "vitest"
import type { TransferId } from "../points/model.js"
import { localDate } from "../kernel/time.js"
import { defaultPointsConfig, type PointsConfig } from "../points/rules.js"
import { Points } from "../points/service.js"
import { PointsStore } from "../points/store.js"
import { buildTinyLedger } from "./pointsFixtures.js"
import { DAY, HOUR, id, type PointsKit, sys } from "./pointsKit.js"

/** Registers the property case, inside the suite's `describe`. */
export const pointsPropertyCase = (kit: PointsKit, propertyRuns: number | undefined): void => {
  const { allTransfers, expectConsistent, run } = kit
    it("keeps points conserved, floors unbroken for a concurrent reader, and balances rebuildable, under random interleavings (property)", async () => {
      type Op =
        | { readonly kind: "earn"; readonly who: number; readonly qty: number }
        | { readonly kind: "order"; readonly who: number; readonly qty: number }
        | { readonly kind: "post" | "void" | "reverse"; readonly pick: number }
        | { readonly kind: "donate"; readonly who: number; readonly to: number; readonly amount: number }
        | { readonly kind: "expire" | "timeout" }
        | { readonly kind: "holdReward"; readonly who: number; readonly amount: number }
        | { readonly kind: "payReward"; readonly pick: number; readonly shares: ReadonlyArray<readonly [number, number]> }
        | { readonly kind: "release"; readonly pick: number }
        | { readonly kind: "awardReward"; readonly to: number; readonly amount: number }
      const op: fc.Arbitrary<Op> = fc.oneof(
        fc.record({ kind: fc.constant("holdReward" as const), who: fc.nat(2), amount: fc.integer({ min: 1, max: 80 }) }),
        fc.record({ kind: fc.constant("payReward" as const), pick: fc.nat(50), shares: fc.array(fc.tuple(fc.nat(3), fc.integer({ min: 1, max: 40 })), { maxLength: 3 }) }),
        fc.record({ kind: fc.constant("release" as const), pick: fc.nat(50) }),
        fc.record({ kind: fc.constant("awardReward" as const), to: fc.nat(2), amount: fc.integer({ min: 1, max: 30 }) }),
        fc.record({ kind: fc.constant("earn" as const), who: fc.nat(2), qty: fc.integer({ min: 1, max: 8 }) }),
        fc.record({ kind: fc.constant("order" as const), who: fc.nat(2), qty: fc.integer({ min: 1, max: 3 }) }),
        fc.record({ kind: fc.constantFrom("post" as const, "void" as const, "reverse" as const), pick: fc.nat(50) }),
        fc.record({ kind: fc.constant("donate" as const), who: fc.nat(2), to: fc.nat(3), amount: fc.integer({ min: 1, max: 60 }) }),
        fc.record({ kind: fc.constantFrom("expire" as const, "timeout" as const) })
      )
      // Caps on: 80 volunteer hours and 60 micro-wish points a day, 100 a day in all.
      const config: PointsConfig = {
        ...defaultPointsConfig,
        rules: defaultPointsConfig.rules.map((r) => ({ ...r, dailyCap: r.category === "volunteer_hour" ? 80 : r.category === "micro_wish" ? 60 : null, monthlyCap: null })),
        personDailyCap: 100,
        personMonthlyCap: null,
        expiryMonths: 1,
        holdTimeoutHours: 24
      }
      // Operations that succeeded over the whole run, by kind: a run where every one fails proves nothing.
      const succeeded = new Map<Op["kind"], number>()
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 4 }), (ops: ReadonlyArray<Op>, concurrency: number) =>
          run((advance) => Effect.gen(function*() {
            const points = yield* Points
            const store = yield* PointsStore
            const l = yield* buildTinyLedger()
            yield* points.configure(sys, l.tiny.county.id, config)
            yield* points.updateService(l.barber, l.haircut.id, { stock: null })
            // Opening balances, so that orders, donations and rewards may succeed before anything is earned.
            for (const [i, p] of l.people.entries()) yield* points.adjust(sys, { transferId: id(`open${i}`), accountId: p.id, amount: 100, reason: "opening balance" })
            const people = [l.people[0], l.people[1], l.people[0]] as const
            const holders = [l.holders[0], l.holders[1], l.holders[0]] as const
            const floored = [...l.people, l.charity, l.merchant].map((a) => a.id)
            const earns: Array<TransferId> = []
            const orders: Array<{ readonly id: TransferId; readonly code: string }> = []
            const rewards: Array<{ readonly id: TransferId; readonly holder: number }> = []
            // Three people with the same holders as `people`: the third is the first again.
            const sharesTo = [l.people[0].id, l.people[1].id, l.people[2].id, l.charity.id]
            let done = false
            let reads = 0
            // The concurrent reader: never sees a floored account below its floor.
            const reader = yield* Effect.forkChild(Effect.gen(function*() {
              do {
                for (const a of yield* store.getAccounts(floored)) {
                  expect(a.posted - a.held).toBeGreaterThanOrEqual(0)
                  expect(a.held).toBeGreaterThanOrEqual(0)
                }
                reads++
                yield* Effect.yieldNow
              } while (!done)
            }))
            let n = 0
            const count = (o: Op) => (r: unknown) => Effect.sync(() => {
              if (Result.isResult(r) && Result.isSuccess(r)) succeeded.set(o.kind, (succeeded.get(o.kind) ?? 0) + 1)
            })
            yield* Effect.forEach(ops, (o) => Effect.tap(Effect.suspend((): Effect.Effect<unknown, unknown, never> => {
              const k = n++
              switch (o.kind) {
                case "earn":
                  return Effect.result(Effect.tap(points.award(sys, { transferId: id(`e${k}`), accountId: people[o.who]!.id, category: "volunteer_hour", quantity: o.qty }), () => Effect.sync(() => earns.push(id(`e${k}`)))))
                case "order":
                  return Effect.result(Effect.tap(points.orderService(holders[o.who]!, { transferId: id(`o${k}`), accountId: people[o.who]!.id, serviceId: l.haircut.id, quantity: o.qty }), (h) => Effect.sync(() => orders.push({ id: h.id, code: h.pickupCode! }))))
                case "post": {
                  const h = orders[o.pick % Math.max(1, orders.length)]
                  return h === undefined ? Effect.void : Effect.result(points.fulfil(l.barber, h.id, { transferId: id(`p${k}`), pickupCode: h.code }))
                }
                case "void": {
                  const h = orders[o.pick % Math.max(1, orders.length)]
                  return h === undefined ? Effect.void : Effect.result(points.cancel(sys, h.id, { transferId: id(`v${k}`) }))
                }
                case "reverse": {
                  const e = earns[o.pick % Math.max(1, earns.length)]
                  return e === undefined ? Effect.void : Effect.result(points.reverse(sys, { transferId: id(`r${k}`), reversesId: e, reason: "property" }))
                }
                case "donate": {
                  const to = [l.charity.id, l.people[0].id, l.people[1].id, l.people[2].id][o.to]!
                  return Effect.result(points.donate(holders[o.who]!, { transferId: id(`d${k}`), fromAccountId: people[o.who]!.id, toAccountId: to, amount: o.amount }))
                }
                case "holdReward":
                  return Effect.result(Effect.tap(points.holdReward(holders[o.who]!, { holdId: id(`h${k}`), accountId: people[o.who]!.id, amount: o.amount, cause: { type: "need", id: `need-${k}` } }), (h) => Effect.sync(() => rewards.push({ id: h.id, holder: o.who }))))
                case "payReward": {
                  const r = rewards[o.pick % Math.max(1, rewards.length)]
                  return r === undefined ? Effect.void : Effect.result(points.payReward(holders[r.holder]!, {
                    holdId: r.id,
                    voidId: id(`${r.id}.void`),
                    shares: o.shares.map(([to, amount], i) => ({ transferId: id(`${r.id}.${k}.${i}`), accountId: sharesTo[to]!, amount }))
                  }))
                }
                case "release": {
                  const r = rewards[o.pick % Math.max(1, rewards.length)]
                  return r === undefined ? Effect.void : Effect.result(points.releaseReward(holders[r.holder]!, r.id, id(`${r.id}.release`)))
                }
                case "awardReward":
                  return Effect.result(points.awardReward(l.tiny.gridWorker, { nodeId: l.tiny.units[0].id, category: "micro_wish", quantity: 1, awards: [{ transferId: id(`w${k}`), accountId: people[o.to]!.id, amount: Math.min(o.amount, 20) }], cause: { type: "need", id: `need-w${k}` } }))
                case "expire":
                  return Effect.andThen(advance(20 * DAY), Effect.result(points.expirePoints(sys, l.tiny.county.id)))
                case "timeout":
                  return Effect.andThen(advance(25 * HOUR), Effect.result(points.expireHolds(sys)))
              }
            }), count(o)), { concurrency, discard: true })
            done = true
            yield* Fiber.join(reader)
            expect(reads).toBeGreaterThan(0)
            yield* expectConsistent
            // Rewards: paid only from the account they were held on, never more than was held.
            const all = yield* allTransfers
            for (const r of rewards) {
              const hold = Option.getOrThrow(yield* store.getHold(r.id))
              const shares = all.filter((t) => t.code === "reward" && t.kind === "posted" && t.cause?.id === hold.cause?.id)
              for (const t of shares) expect(t.debitAccountId).toBe(hold.accountId)
              expect(shares.reduce((n, t) => n + t.amount, 0)).toBeLessThanOrEqual(hold.amount)
              if (hold.status !== "posted") expect(shares).toEqual([])
            }
            for (const t of all.filter((x) => x.code === "reward" && x.kind === "posted")) {
              expect(rewards.some((r) => all.some((p) => p.id === r.id && p.kind === "pending" && p.debitAccountId === t.debitAccountId))).toBe(true)
            }
            // Caps: never more earned in one local day than the rules allow.
            const zone = "Asia/Shanghai"
            const earned = new Map<string, number>()
            for (const t of all.filter((x) => x.code === "earn")) {
              for (const key of [`${t.creditAccountId}|${localDate(t.at, zone)}|*`, `${t.creditAccountId}|${localDate(t.at, zone)}|${t.category}`]) earned.set(key, (earned.get(key) ?? 0) + t.amount)
            }
            for (const [key, n] of earned) {
              const limit = key.endsWith("|*") ? 100 : key.endsWith("|volunteer_hour") ? 80 : key.endsWith("|micro_wish") ? 60 : Infinity
              expect(n, key).toBeLessThanOrEqual(limit)
            }
          })).then(() => true)
        ),
        { numRuns: propertyRuns ?? 20 }
      )
      const report = JSON.stringify(Object.fromEntries(succeeded))
      for (const kind of ["earn", "order", "donate", "holdReward", "awardReward"] as const) expect(succeeded.get(kind) ?? 0, `operations that succeeded: ${report}`).toBeGreaterThan(0)
    })
}
