/**
 * The partners storage conformance suite. Every adapter calls
 * {@link partnersStoreConformance} from a vitest file and must pass every case: a partner's
 * lifecycle through the pipeline with its scope checks (another county, another community,
 * a resident), staff names masked for those who may not read personal data, free services
 * (0 points) listed only on a partner's merchant account, what partners provided counted
 * per subtree and period (free services and confirmed orders), the headline counters, and
 * the store's own contract.
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option } from "effect"
import { describe, expect, it } from "vitest"
import { systemActor } from "../kernel/actor.js"
import type { Directory } from "../kernel/directory.js"
import type { IdempotencyStore } from "../kernel/idempotency.js"
import { IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { reacting } from "../kernel/reactions.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import { GridStore } from "../grid/store.js"
import type { Partner } from "../partners/model.js"
import { partnerFreeServices, partnerRedemptions, Partners, partnersHeadlineCounters } from "../partners/service.js"
import { PartnersStore } from "../partners/store.js"
import type { TransferId } from "../points/model/ledger.js"
import { Points } from "../points/service.js"
import { PointsStore } from "../points/store.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import { runnerAt } from "./runner.js"

/**
 * The ports a partners store is tested with.
 *
 * @category models
 * @since 0.5.0
 */
export type PartnersStorePorts = PartnersStore | PointsStore | IdempotencyStore | GridStore | Directory | EventLog | UnitOfWork

/** 2026-06-10 02:00 UTC: 10:00 in China. */
const T0 = Date.UTC(2026, 5, 10, 2, 0, 0)
const JUNE = { from: "2026-06-01", to: "2026-06-30" } as const
const sys = systemActor()

/**
 * Registers the partners conformance cases for a store. `makeLayer` is called once per
 * case and must build a fresh, empty store providing every port in {@link PartnersStorePorts}.
 *
 * @category conformance
 * @since 0.5.0
 */
export const partnersStoreConformance = (name: string, makeLayer: () => Layer.Layer<PartnersStorePorts, unknown>): void => {
  const run = runnerAt(T0, () =>
    Layer.mergeAll(Partners.layer, Points.layer, Grid.layer, layerKernel).pipe(
      Layer.provideMerge(Layer.mergeAll(partnerFreeServices, reacting(partnerRedemptions))),
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(41)))
    ))
  const world = <A, E>(f: (t: TinyCounty, p: Partners["Service"]) => Effect.Effect<A, E, Partners | Points | Grid | PartnersStorePorts>) =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      return yield* f(t, yield* Partners)
    }))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))

  describe(`partners store conformance: ${name}`, () => {
    it("registers, changes, staffs, withdraws and reinstates a partner; staff names only to those who read personal data", () =>
      world((t, partners) => Effect.gen(function*() {
        const secretary = t.actors.secretary
        const shop = yield* partners.register(secretary, { nodeId: t.communities[0].id, type: "merchant", name: "老陈理发店" })
        expect(shop).toMatchObject({ status: "active", version: 1, type: "merchant", serves: [t.communities[0].id], staff: [] })
        expect(shop.scope).toEqual([t.county.id, t.streets[0].id, t.communities[0].id])
        let p = yield* partners.execute(secretary, shop.id, { _tag: "AddStaff", personId: t.people.partner.id, role: "店长", expectedVersion: 1 })
        expect(p.staff).toEqual([{ personId: t.people.partner.id, name: t.people.partner.name, role: "店长" }])
        expect(yield* Effect.flip(partners.execute(secretary, shop.id, { _tag: "Update", name: "陈记理发", expectedVersion: 1 }))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        p = yield* partners.execute(secretary, shop.id, { _tag: "Update", serves: [t.communities[0].id, t.grids[0].id] })
        expect(p).toMatchObject({ version: 3, serves: [t.communities[0].id, t.grids[0].id] })
        expect((yield* partners.execute(secretary, shop.id, { _tag: "Update", serves: [t.communities[0].id, t.grids[0].id] })).version).toBe(3)
        // A resident in scope reads the partner with its staff masked; staff read them in full.
        const seen = yield* partners.get(t.actors.resident, shop.id)
        expect(seen.staff[0]!.name).not.toBe(t.people.partner.name)
        expect(seen.staff[0]!.personId).toBe(t.people.partner.id)
        expect((yield* partners.get(t.actors.streetAdmin, shop.id)).staff[0]!.name).toBe(t.people.partner.name)
        p = yield* partners.execute(secretary, shop.id, { _tag: "Withdraw" })
        expect(p.status).toBe("withdrawn")
        expect(p.withdrawnAt).not.toBeNull()
        expect((yield* Effect.flip(partners.execute(secretary, shop.id, { _tag: "Update", name: "新名" })))._tag).toBe("InvalidTransition")
        const firstWithdrawal = p.withdrawnAt
        p = yield* partners.execute(secretary, shop.id, { _tag: "Reinstate" })
        expect(p).toMatchObject({ status: "active", withdrawnAt: null, version: 5 })
        // Reinstated, it keeps its past withdrawal, as stored and as read.
        expect(p.withdrawals).toEqual([{ withdrawnAt: firstWithdrawal, reinstatedAt: p.updatedAt }])
        expect((yield* partners.get(t.actors.streetAdmin, shop.id)).withdrawals).toEqual(p.withdrawals)
        expect((yield* partners.list(t.actors.streetAdmin, t.streets[0].id, { type: "merchant" })).items.map((x) => x.id)).toEqual([shop.id])
        expect((yield* partners.list(t.actors.streetAdmin, t.streets[0].id, { type: "unit" })).items).toEqual([])

        const mine = (yield* events).filter((e) => e.aggregateId === shop.id)
        expect(mine.map((e) => e.type)).toEqual([
          "partners.organisation.registered", "partners.organisation.updated", "partners.organisation.updated", "partners.organisation.withdrawn", "partners.organisation.reinstated"
        ])
        const logged = JSON.stringify(mine.map((e) => e.payload))
        for (const v of [t.people.partner.name, t.people.partner.id, "店长"]) expect(logged).not.toContain(v)
      })))

    it("keeps changes to staff with partners.manage, and every referenced id in scope and county", () =>
      world((t, partners) => Effect.gen(function*() {
        const a = t.actors
        const at = { nodeId: t.communities[0].id, type: "clinic", name: "社区诊所" } as const
        // Those who see the community but do not keep its partners are refused; those below it are not told it exists.
        for (const actor of [a.resident, a.partner, a.mediator]) expect((yield* Effect.flip(partners.register(actor, at)))._tag, actor.id).toBe("Forbidden")
        for (const actor of [a.worker, a.member, a.secretary2]) expect((yield* Effect.flip(partners.register(actor, at)))._tag, actor.id).toBe("NotFound")
        // A served node in another community, a staff member outside the scope: not found.
        expect(yield* Effect.flip(partners.register(a.secretary, { ...at, serves: [t.communities[1].id] }))).toMatchObject({ _tag: "NotFound" })
        const clinic = yield* partners.register(a.secretary, at)
        expect(yield* Effect.flip(partners.execute(a.secretary, clinic.id, { _tag: "AddStaff", personId: t.people.worker2.id, role: "医生" }))).toMatchObject({ _tag: "NotFound", entity: "person" })
        expect((yield* Effect.flip(partners.execute(a.secretary2, clinic.id, { _tag: "Withdraw" })))._tag).toBe("NotFound")
        expect((yield* Effect.flip(partners.get(a.resident2, clinic.id)))._tag).toBe("NotFound")
        // Another county's administrator is not told the partner exists.
        const other = yield* Effect.flatMap(Grid, (g) => g.createCounty(sys, { code: "999001", name: "邻县" }))
        const grid = yield* Grid
        const admin2 = yield* grid.createPerson(sys, { nodeId: other.id, code: "ADM9", name: "钱区长" })
        yield* grid.assignRole(sys, { personId: admin2.id, nodeId: other.id, role: "county_admin", startDate: "2026-01-01" })
        const outsider = { id: admin2.id, kind: "person" as const, name: admin2.name, grants: [{ role: "county_admin" as const, scope: other.id }] }
        expect((yield* Effect.flip(partners.get(outsider, clinic.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(partners.execute(outsider, clinic.id, { _tag: "Withdraw" })))._tag).toBe("NotFound")
        expect((yield* Effect.flip(partners.report(outsider, t.communities[0].id)))._tag).toBe("NotFound")
        // The report is for staff; bad input names the field.
        expect((yield* Effect.flip(partners.report(a.resident, t.communities[0].id)))._tag).toBe("Forbidden")
        expect(yield* Effect.flip(partners.register(a.secretary, { ...at, name: "诊所 13812345678" }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "name" }] })
        expect(yield* Effect.flip(partners.register(a.secretary, { ...at, type: "bank" as never }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "type" }] })
      })))

    it("lists a free service (0 points) only on a partner's merchant account, and counts free services and confirmed orders per partner", () =>
      world((t, partners) => Effect.gen(function*() {
        const points = yield* Points
        const secretary = t.actors.secretary
        yield* points.openAccount(sys, { nodeId: t.county.id, kind: "issuer", name: "积分发行" })
        const merchant = yield* points.openAccount(secretary, { nodeId: t.communities[0].id, kind: "merchant", ownerId: t.people.partner.id, name: "老陈理发店" })
        const free = { merchantAccountId: merchant.id, nodeId: t.communities[0].id, title: "免费理发", pricePoints: 0 }
        // Hostile first: a merchant that is no partner's lists nothing at 0 points.
        expect(yield* Effect.flip(points.publishService(t.actors.partner, free))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "pricePoints" }] })
        const shop = yield* partners.register(secretary, { nodeId: t.communities[0].id, type: "merchant", name: "老陈理发店" })
        yield* partners.execute(secretary, shop.id, { _tag: "AddStaff", personId: t.people.partner.id, role: "店长" })
        yield* partners.execute(secretary, shop.id, { _tag: "LinkMerchant", merchantAccountId: merchant.id })
        const listed = yield* points.publishService(t.actors.partner, free)
        expect(listed.pricePoints).toBe(0)
        const paid = yield* points.publishService(t.actors.partner, { ...free, title: "理发", pricePoints: 10 })
        // Another partner may not take the account; a free service is not ordered with points.
        const other = yield* partners.register(secretary, { nodeId: t.communities[0].id, type: "talent", name: "新能人工作室" })
        expect(yield* Effect.flip(partners.execute(secretary, other.id, { _tag: "LinkMerchant", merchantAccountId: merchant.id }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "merchantAccountId" }] })
        const payer = yield* points.openAccount(secretary, { nodeId: t.units[0].id, kind: "person", ownerId: t.people.resident.id })
        yield* points.adjust(secretary, { transferId: "fund-1" as TransferId, accountId: payer.id, amount: 100, reason: "opening balance" })
        expect(yield* Effect.flip(points.orderService(t.actors.resident, { transferId: "order-0" as TransferId, accountId: payer.id, serviceId: listed.id }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "serviceId" }] })
        const order = yield* points.orderService(t.actors.resident, { transferId: "order-1" as TransferId, accountId: payer.id, serviceId: paid.id })
        yield* points.fulfil(t.actors.partner, order.id, { transferId: "post-1" as TransferId, pickupCode: order.pickupCode! })

        // The partner's own staff record a free service; a resident may not, nor at a node they do not see.
        const given = yield* partners.recordService(t.actors.partner, shop.id, { nodeId: t.communities[0].id, title: "免费理发", serviceId: listed.id, people: 12 })
        expect(given).toMatchObject({ kind: "free", people: 12, points: 0, partnerType: "merchant" })
        expect((yield* Effect.flip(partners.recordService(t.actors.resident, shop.id, { nodeId: t.communities[0].id, title: "理发" })))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(partners.recordService(t.actors.partner, shop.id, { nodeId: t.communities[1].id, title: "理发" })))._tag).toBe("NotFound")
        expect(yield* Effect.flip(partners.recordService(secretary, shop.id, { nodeId: t.communities[0].id, title: "理发", providedOn: "2026-07-01" }))).toMatchObject({ issues: [{ path: "providedOn" }] })
        yield* partners.recordService(secretary, shop.id, { nodeId: t.grids[0].id, title: "上门理发", providedOn: "2026-05-20" })

        const report = yield* partners.report(secretary, t.communities[0].id, JUNE)
        expect(report.partners).toEqual([{ partnerId: shop.id, name: "老陈理发店", type: "merchant", freeServices: 1, redemptions: 1, people: 13, points: 10 }])
        expect(report.totals).toEqual({ freeServices: 1, redemptions: 1, people: 13, points: 10 })
        expect(report.activePartners).toBe(2)
        expect(report.byType.find((r) => r.type === "merchant")).toEqual({ type: "merchant", partners: 1, services: 2, people: 13 })
        expect((yield* partners.report(secretary, t.communities[0].id, { from: "2026-05-01", to: "2026-05-31" })).totals.freeServices).toBe(1)
        expect(yield* Effect.flip(partners.report(secretary, t.communities[0].id, { from: "2026-06-02", to: "2026-06-01" }))).toMatchObject({ issues: [{ path: "to" }] })
        const provided = (yield* events).filter((e) => e.type === "partners.service.provided")
        expect(provided.map((e) => e.payload)).toEqual([{ partnerId: shop.id, kind: "free", people: 12, points: 0 }, { partnerId: shop.id, kind: "free", people: 1, points: 0 }])

        // The headline counters count the same, for the county and the period.
        const counters = yield* partnersHeadlineCounters
        const window = [new Date(Date.UTC(2026, 4, 31, 16)).toISOString(), new Date(Date.UTC(2026, 5, 30, 16)).toISOString()] as const
        const q = { countyId: t.county.id, rootId: t.county.id, rootPath: [t.county.id], from: JUNE.from, to: JUNE.to, window, timeZone: "Asia/Shanghai" }
        const counted = Object.fromEntries(yield* Effect.forEach(counters, (c) => Effect.map(c.count(q), (n) => [c.key, n] as const)))
        expect(counted).toEqual({ partner_organisations: 2, partner_services: 2 })

        // A withdrawn partner lists no more free services.
        yield* partners.execute(secretary, shop.id, { _tag: "Withdraw" })
        expect(yield* Effect.flip(points.publishService(t.actors.partner, free))).toMatchObject({ issues: [{ path: "pricePoints" }] })
        expect(yield* Effect.flip(points.updateService(t.actors.partner, paid.id, { pricePoints: 0 }))).toMatchObject({ issues: [{ path: "pricePoints" }] })
      })))

    it("keeps the store's contract: duplicate ids, stale versions, periods and the active count", () =>
      world((t, partners) => Effect.gen(function*() {
        const store = yield* PartnersStore
        const uow = yield* UnitOfWork
        const p = yield* partners.register(t.actors.secretary, { nodeId: t.communities[0].id, type: "unit", name: "县供电公司" })
        expect(yield* Effect.flip(uow.transaction(store.insert(p)))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        const next: Partner = { ...p, name: "县供电公司二", version: 2 }
        yield* uow.transaction(store.update(next, 1))
        expect(yield* Effect.flip(uow.transaction(store.update({ ...next, version: 3 }, 1)))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        expect(Option.getOrThrow(yield* store.get(p.id)).name).toBe("县供电公司二")
        expect(yield* store.countActive([t.county.id], "2026-06-11T00:00:00.000Z", "2026-06-12T00:00:00.000Z")).toBe(1)
        expect(yield* store.countActive([t.county.id], "2026-06-01T00:00:00.000Z", "2026-06-10T01:00:00.000Z")).toBe(0)
        expect(yield* store.countActive([t.county.id, t.streets[1].id], "2026-06-01T00:00:00.000Z", "2026-07-01T00:00:00.000Z")).toBe(0)
        expect((yield* store.getMany([p.id, "org_01J00000000000000000000000" as never])).map((x) => x.id)).toEqual([p.id])
        // A write that fails rolls back with its unit of work.
        const rolled = yield* Effect.flip(uow.transaction(Effect.andThen(store.update({ ...next, name: "回滚", version: 3 }, 2), Effect.fail("boom" as const))))
        expect(rolled).toBe("boom")
        expect(Option.getOrThrow(yield* store.get(p.id)).name).toBe("县供电公司二")
      })))
  })
}
