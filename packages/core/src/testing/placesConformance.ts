/**
 * The places storage conformance suite. Every adapter calls {@link placesStoreConformance}
 * from a vitest file and must pass every case: a place registered, changed, closed,
 * reopened and archived through the pipeline, with its scope checks; the places serving a
 * household nearest first with "open now" in the county's time zone; the coverage of
 * communities; the public list free of the contact; a county's own kinds; and the store's
 * own contract (duplicate ids, stale versions, rollback).
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option } from "effect"
import { describe, expect, it } from "vitest"
import { systemActor } from "../kernel/actor.js"
import type { Directory } from "../kernel/directory.js"
import { IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import { GridStore } from "../grid/store.js"
import type { RegisterPlace, ServicePlace } from "../places/model.js"
import { Places } from "../places/service.js"
import { PlacesStore } from "../places/store.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import { runnerAt } from "./runner.js"

/**
 * The ports a places store is tested with.
 *
 * @category models
 * @since 0.5.0
 */
export type PlacesStorePorts = PlacesStore | GridStore | Directory | EventLog | UnitOfWork

/** 2026-06-01 (a Monday) 08:00 UTC: 16:00 in China. */
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
const sys = systemActor()

const centre = (t: TinyCounty, overrides: { readonly [K in keyof RegisterPlace]?: RegisterPlace[K] | undefined } = {}): RegisterPlace => {
  const all: Record<string, unknown> = {
  nodeId: t.communities[0].id,
  kind: "party_service_centre",
  name: "社区1党群服务中心",
  address: "建设路 1 号",
  hours: [{ day: 1, from: "08:30", to: "17:30" }, { day: 2, from: "08:30", to: "17:30" }],
  services: ["政策咨询", "证明开具"],
  capacity: 80,
  contactId: t.people.secretary.id,
  ...overrides
  }
  for (const k of Object.keys(all)) if (all[k] === undefined) delete all[k]
  return all as RegisterPlace
}

/**
 * Registers the places conformance cases for a store. `makeLayer` is called once per case
 * and must build a fresh, empty store providing every port listed in {@link PlacesStorePorts}.
 *
 * @category conformance
 * @since 0.5.0
 */
export const placesStoreConformance = (name: string, makeLayer: () => Layer.Layer<PlacesStorePorts, unknown>): void => {
  const run = runnerAt(T0, () =>
    Layer.mergeAll(Places.layer, Grid.layer, layerKernel).pipe(Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(23)))))
  const world = <A, E>(f: (t: TinyCounty, p: Places["Service"]) => Effect.Effect<A, E, Places | Grid | PlacesStorePorts>) =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      return yield* f(t, yield* Places)
    }))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))

  describe(`places store conformance: ${name}`, () => {
    it("registers, changes, closes, reopens and archives a place; the log holds no personal data", () =>
      world((t, places) => Effect.gen(function*() {
        const secretary = t.actors.secretary
        const p = yield* places.register(secretary, centre(t))
        expect(p).toMatchObject({ status: "open", version: 1, nodeId: t.communities[0].id, contact: { personId: t.people.secretary.id, name: t.people.secretary.name } })
        expect(p.scope).toEqual([t.county.id, t.streets[0].id, t.communities[0].id])
        expect(yield* places.get(secretary, p.id)).toEqual(p)
        // A resident in scope reads the place, without its contact.
        expect((yield* places.get(t.actors.resident, p.id)).contact).toBeNull()
        let q = yield* places.execute(secretary, p.id, { _tag: "Update", services: ["政策咨询", "证明开具", "法律援助"], capacity: 100, expectedVersion: 1 })
        expect(q).toMatchObject({ version: 2, capacity: 100, services: ["政策咨询", "证明开具", "法律援助"] })
        const stale = yield* Effect.flip(places.execute(secretary, p.id, { _tag: "Update", capacity: 90, expectedVersion: 1 }))
        expect(stale).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        const same = yield* places.execute(secretary, p.id, { _tag: "Update", capacity: 100 })
        expect(same.version).toBe(2)
        q = yield* places.execute(secretary, p.id, { _tag: "Close", reason: "装修" })
        expect(q).toMatchObject({ status: "closed", closedReason: "装修", version: 3 })
        expect((yield* Effect.flip(places.execute(secretary, p.id, { _tag: "Close", reason: "again" })))._tag).toBe("InvalidTransition")
        q = yield* places.execute(secretary, p.id, { _tag: "Reopen" })
        expect(q).toMatchObject({ status: "open", closedReason: null, version: 4 })
        q = yield* places.execute(secretary, p.id, { _tag: "Archive" })
        expect(q.status).toBe("archived")
        expect((yield* Effect.flip(places.execute(secretary, p.id, { _tag: "Update", name: "新名" })))._tag).toBe("InvalidTransition")
        expect((yield* places.list(secretary, t.communities[0].id)).items).toEqual([])
        expect((yield* places.list(secretary, t.communities[0].id, { status: "archived" })).items.map((x) => x.id)).toEqual([p.id])

        const mine = (yield* events).filter((e) => e.aggregateId === p.id)
        expect(mine.map((e) => [e.type, e.version])).toEqual([
          ["places.place.registered", 1], ["places.place.updated", 2], ["places.place.closed", 3], ["places.place.reopened", 4], ["places.place.archived", 5]
        ])
        const logged = JSON.stringify(mine.map((e) => e.payload))
        for (const v of [t.people.secretary.name, t.people.secretary.id, "装修"]) expect(logged).not.toContain(v)
      })))

    it("keeps changes to staff with places.manage in scope, and every referenced id in scope and county", () =>
      world((t, places) => Effect.gen(function*() {
        const a = t.actors
        // People who see the community but do not keep its places are refused; those below it are not told it exists.
        for (const actor of [a.resident, a.partner, a.mediator]) {
          expect((yield* Effect.flip(places.register(actor, centre(t, { contactId: undefined }))))._tag, actor.id).toBe("Forbidden")
        }
        for (const actor of [a.worker, a.volunteer, a.leader]) {
          expect((yield* Effect.flip(places.register(actor, centre(t, { contactId: undefined }))))._tag, actor.id).toBe("NotFound")
        }
        // Another community's secretary is not even told the node exists.
        expect((yield* Effect.flip(places.register(a.secretary2, centre(t, { contactId: undefined }))))._tag).toBe("NotFound")
        // A contact outside the caller's scope is not found.
        expect(yield* Effect.flip(places.register(a.secretary, centre(t, { contactId: t.people.worker2.id })))).toMatchObject({ _tag: "NotFound", entity: "person" })
        const other = yield* Effect.flatMap(Grid, (g) => g.createCounty(sys, { code: "999001", name: "邻县" }))
        const stranger = yield* Effect.flatMap(Grid, (g) => g.createPerson(sys, { nodeId: other.id, code: "X1", name: "外县人" }))
        expect((yield* Effect.flip(places.register(a.admin, centre(t, { contactId: stranger.id }))))._tag).toBe("NotFound")
        expect((yield* Effect.flip(places.register(a.admin, centre(t, { nodeId: other.id, contactId: undefined }))))._tag).toBe("NotFound")
        // A kind the county does not keep is refused, naming the field.
        expect(yield* Effect.flip(places.register(a.secretary, centre(t, { kind: "spa" })))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "kind" }] })
        const p = yield* places.register(a.streetAdmin, centre(t))
        expect((yield* Effect.flip(places.execute(a.secretary2, p.id, { _tag: "Close", reason: "x" })))._tag).toBe("NotFound")
        expect((yield* Effect.flip(places.execute(a.resident, p.id, { _tag: "Close", reason: "x" })))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(places.get(a.resident2, p.id)))._tag).toBe("NotFound")
        expect((yield* places.get(a.secretary, p.id)).status).toBe("open")
        expect(yield* Effect.flip(places.execute(a.secretary, p.id, { _tag: "Update", contactId: t.people.worker2.id }))).toMatchObject({ _tag: "NotFound", entity: "person" })
        expect((yield* places.get(a.secretary, p.id)).version).toBe(1)
      })))

    it("refuses bad opening hours naming the range: inverted or overlapping on a day", () =>
      world((t, places) => Effect.gen(function*() {
        const inverted = yield* Effect.flip(places.register(t.actors.secretary, centre(t, { hours: [{ day: 1, from: "18:00", to: "08:00" }] })))
        expect(inverted).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "hours.0.to" }] })
        const overlap = yield* Effect.flip(places.register(t.actors.secretary, centre(t, { hours: [{ day: 3, from: "08:00", to: "12:00" }, { day: 3, from: "11:00", to: "14:00" }] })))
        expect(overlap).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "hours.1.from" }] })
        expect((yield* places.list(t.actors.admin, t.county.id)).items).toEqual([])
      })))

    it("finds the places serving a household, nearest first, open now in the county's time zone", () =>
      world((t, places) => Effect.gen(function*() {
        const s = t.actors.streetAdmin
        const streetHall = yield* places.register(s, centre(t, { nodeId: t.streets[0].id, name: "街道党群服务中心", hours: [{ day: 1, from: "16:30", to: "18:00" }] }))
        const station = yield* places.register(s, centre(t, { nodeId: t.grids[0].id, kind: "red_sail_station", name: "红帆驿站", hours: [{ day: 1, from: "08:00", to: "16:01" }] }))
        const hall = yield* places.register(s, centre(t, { kind: "council_hall", name: "居民议事厅", hours: [{ day: 1, from: "08:00", to: "20:00" }] }))
        yield* places.execute(s, hall.id, { _tag: "Close", reason: "装修" })
        yield* places.register(t.actors.secretary2, centre(t, { nodeId: t.communities[1].id, name: "社区2中心", contactId: undefined }))
        const gone = yield* places.register(s, centre(t, { nodeId: t.units[0].id, kind: "talk_point", name: "说事点" }))
        yield* places.execute(s, gone.id, { _tag: "Archive" })
        const found = yield* places.forHousehold(t.actors.resident, t.households[0]!.id)
        expect(found.map((p) => [p.name, p.distance, p.openNow, p.status])).toEqual([
          ["红帆驿站", 2, true, "open"],
          ["居民议事厅", 3, false, "closed"],
          ["街道党群服务中心", 4, false, "open"]
        ])
        expect(found.map((p) => p.id)).toEqual([station.id, hall.id, streetHall.id])
        expect(JSON.stringify(found)).not.toContain(t.people.secretary.name)
        expect((yield* Effect.flip(places.forHousehold(t.actors.resident2, t.households[0]!.id)))._tag).toBe("NotFound")
      })))

    it("shows which communities lack which kind, and the public list has no contact", () =>
      world((t, places) => Effect.gen(function*() {
        yield* places.register(t.actors.secretary, centre(t))
        yield* places.register(t.actors.secretary, centre(t, { nodeId: t.grids[0].id, kind: "red_sail_station", name: "红帆驿站一" }))
        yield* places.register(t.actors.secretary, centre(t, { nodeId: t.buildings[0].id, kind: "red_sail_station", name: "红帆驿站二" }))
        yield* places.register(t.actors.admin, centre(t, { nodeId: t.county.id, kind: "mediation_room", name: "区矛盾调解中心" }))
        const cov = yield* places.coverage(t.actors.admin, t.county.id)
        expect(cov.communities.map((c) => c.nodeId).sort()).toEqual([t.communities[0].id, t.communities[1].id].sort())
        const c1 = cov.communities.find((c) => c.nodeId === t.communities[0].id)!
        const c2 = cov.communities.find((c) => c.nodeId === t.communities[1].id)!
        expect(c1.counts).toMatchObject({ party_service_centre: 1, red_sail_station: 2, mediation_room: 0 })
        expect(c1.missing).not.toContain("party_service_centre")
        expect(c1.missing).toContain("mediation_room")
        expect(c2.missing).toHaveLength(7)
        expect(cov.kinds.find((k) => k.code === "red_sail_station")).toMatchObject({ places: 2, communitiesWith: 1, communitiesWithout: 1 })
        const mine = yield* places.coverage(t.actors.secretary, t.communities[0].id)
        expect(mine.communities.map((c) => c.nodeId)).toEqual([t.communities[0].id])
        expect((yield* Effect.flip(places.coverage(t.actors.secretary2, t.communities[0].id)))._tag).toBe("NotFound")

        const pub = yield* places.publicList(t.county.id)
        expect(pub.items).toHaveLength(4)
        const text = JSON.stringify(pub)
        for (const v of [t.people.secretary.name, t.people.secretary.id, "contact"]) expect(text).not.toContain(v)
        expect((yield* places.publicList(t.county.id, { kind: "red_sail_station", limit: 1 })).next).not.toBeNull()
      })))

    it("lets a county keep its own kinds, changed by its staff at the expected version", () =>
      world((t, places) => Effect.gen(function*() {
        expect((yield* places.getConfig(t.actors.resident, t.county.id)).kinds).toHaveLength(7)
        const kinds = [{ code: "elder_canteen", labelZh: "长者食堂", labelEn: "Elders' canteen" }]
        expect((yield* Effect.flip(places.configure(t.actors.secretary, t.county.id, { kinds })))._tag).toBe("NotFound")
        const saved = yield* places.configure(t.actors.admin, t.county.id, { kinds, expectedVersion: 0 })
        expect(saved).toMatchObject({ version: 1, kinds })
        expect(yield* Effect.flip(places.configure(t.actors.admin, t.county.id, { kinds, expectedVersion: 0 }))).toMatchObject({ _tag: "Conflict" })
        expect((yield* places.configure(t.actors.admin, t.county.id, { kinds })).version).toBe(1)
        expect((yield* Effect.flip(places.register(t.actors.secretary, centre(t))))._tag).toBe("InvalidInput")
        expect((yield* places.register(t.actors.secretary, centre(t, { kind: "elder_canteen", name: "长者食堂" }))).kind).toBe("elder_canteen")
        const dup = yield* Effect.flip(places.configure(t.actors.admin, t.county.id, { kinds: [...kinds, ...kinds] }))
        expect(dup).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "kinds.1.code" }] })
      })))

    it("keeps the store's contract: one insert per id, writes at the expected version, nothing left by a failed unit of work", () =>
      world((t, places) => Effect.gen(function*() {
        const store = yield* PlacesStore
        const uow = yield* UnitOfWork
        const p: ServicePlace = yield* places.register(t.actors.secretary, centre(t))
        expect(yield* Effect.flip(uow.transaction(store.insert(p)))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        expect(yield* Effect.flip(uow.transaction(store.update({ ...p, name: "x", version: 5 }, 3)))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        const failed = yield* Effect.flip(uow.transaction(Effect.andThen(store.update({ ...p, name: "改名", version: 2 }, 1), Effect.fail("boom" as const))))
        expect(failed).toBe("boom")
        expect(Option.getOrThrow(yield* store.get(p.id)).name).toBe(p.name)
        expect((yield* store.atNodes([t.communities[0].id])).map((x) => x.id)).toEqual([p.id])
        expect(yield* store.atNodes([t.grids[0].id])).toEqual([])
        expect((yield* store.inSubtree([t.county.id, t.streets[1].id])).length).toBe(0)
        expect(Option.isNone(yield* store.getConfig(t.county.id))).toBe(true)
      })))
  })
}
