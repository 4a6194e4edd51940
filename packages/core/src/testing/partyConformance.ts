/**
 * The party storage conformance suite. Every adapter calls {@link partyStoreConformance}
 * from a vitest file and must pass every case: a party member registered with a community
 * (by staff or by themselves) naming a unit among the county's partners, with its scope
 * checks (another county, another community, a resident); service hours recorded and
 * tallied; names and phones only to those who read personal data; the report per employer
 * organisation, community and month; the headline counter; and the store's own contract.
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
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import { GridStore } from "../grid/store.js"
import { Partners } from "../partners/service.js"
import { PartnersStore } from "../partners/store.js"
import { PartyMembers, partyHeadlineCounters } from "../party/service.js"
import { activityServiceHours, layerPartyActivityReaction } from "../party/reaction.js"
import { Activities } from "../activities/service.js"
import type { ActivitiesStore } from "../activities/store.js"
import { Places } from "../places/service.js"
import type { PlacesStore } from "../places/store.js"
import { PartyStore } from "../party/store.js"
import { Points } from "../points/service.js"
import { PointsStore } from "../points/store.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import { runnerAt } from "./runner.js"

/**
 * The ports a party store is tested with.
 *
 * @category models
 * @since 0.5.0
 */
export type PartyStorePorts = PartyStore | PartnersStore | PointsStore | ActivitiesStore | PlacesStore | IdempotencyStore | GridStore | Directory | EventLog | UnitOfWork

/** 2026-06-10 02:00 UTC: 10:00 in China. */
const T0 = Date.UTC(2026, 5, 10, 2, 0, 0)
const JUNE = { from: "2026-06-01", to: "2026-06-30" } as const
const sys = systemActor()

interface World {
  readonly t: TinyCounty
  readonly party: PartyMembers["Service"]
  /** A unit (机关企事业单位) registered at the county. */
  readonly unit: string
  readonly clinic: string
  readonly activities: Activities["Service"]
}

/**
 * Registers the party conformance cases for a store. `makeLayer` is called once per case
 * and must build a fresh, empty store providing every port in {@link PartyStorePorts}.
 *
 * @category conformance
 * @since 0.5.0
 */
export const partyStoreConformance = (name: string, makeLayer: () => Layer.Layer<PartyStorePorts, unknown>): void => {
  const run = runnerAt(T0, () =>
    Layer.mergeAll(PartyMembers.layer, Partners.layer, Activities.layer).pipe(
      Layer.provideMerge(Layer.mergeAll(Points.layer, Places.layer, Grid.layer, layerKernel)),
      // Attending an activity counts as a member's service, in the check-in's unit of work.
      Layer.provideMerge(layerPartyActivityReaction),
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(43)))
    ))
  const world = <A, E>(f: (w: World) => Effect.Effect<A, E, PartyMembers | Partners | Grid | Activities | PartyStorePorts>) =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const partners = yield* Partners
      const unit = yield* partners.register(t.actors.admin, { nodeId: t.county.id, type: "unit", name: "县供电公司" })
      const clinic = yield* partners.register(t.actors.admin, { nodeId: t.county.id, type: "clinic", name: "仁心诊所" })
      return yield* f({ t, party: yield* PartyMembers, unit: unit.id, clinic: clinic.id, activities: yield* Activities })
    }))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))

  describe(`party store conformance: ${name}`, () => {
    it("registers a member with a community, records and tallies service hours, withdraws; the log holds no personal data", () =>
      world(({ party, t, unit }) => Effect.gen(function*() {
        const secretary = t.actors.secretary
        const m = yield* party.register(secretary, { personId: t.people.member.id, communityId: t.communities[0].id, employerId: unit as never, commitments: ["policy_promotion", "care_visit"] })
        expect(m).toMatchObject({ status: "active", version: 1, hours: 0, services: 0, communityId: t.communities[0].id, name: t.people.member.name, phone: "13900000003", masked: false })
        let r = yield* party.execute(secretary, m.id, { _tag: "RecordService", kind: "policy_promotion", hours: 2.5 })
        r = yield* party.execute(secretary, m.id, { _tag: "RecordService", kind: "care_visit", hours: 1, servedOn: "2026-06-10", expectedVersion: 2 })
        expect(r).toMatchObject({ hours: 3.5, services: 2, version: 3 })
        // Bad hours, a day to come, a day before the registration, a kind the county does not keep: each names its field.
        for (const [command, path] of [
          [{ _tag: "RecordService", kind: "care_visit", hours: 0.3 }, "hours"],
          [{ _tag: "RecordService", kind: "care_visit", hours: 1, servedOn: "2026-06-11" }, "servedOn"],
          [{ _tag: "RecordService", kind: "care_visit", hours: 1, servedOn: "2026-06-09" }, "servedOn"],
          [{ _tag: "RecordService", kind: "dancing", hours: 1 }, "kind"],
          [{ _tag: "Commit", commitments: ["dancing"] }, "commitments"]
        ] as const) {
          expect(yield* Effect.flip(party.execute(secretary, m.id, command as never)), path).toMatchObject({ _tag: "InvalidInput", issues: [{ path }] })
        }
        // A second active registration of the same person is refused.
        expect(yield* Effect.flip(party.register(secretary, { personId: t.people.member.id, communityId: t.communities[0].id, employerId: unit as never }))).toMatchObject({ _tag: "Conflict", reason: "already_registered" })
        // The member reads their own registration in full and withdraws themselves; then nothing more is recorded.
        expect((yield* party.get(t.actors.member, m.id)).masked).toBe(false)
        r = yield* party.execute(t.actors.member, m.id, { _tag: "Withdraw" })
        expect(r.status).toBe("withdrawn")
        expect((yield* Effect.flip(party.execute(secretary, m.id, { _tag: "RecordService", kind: "care_visit", hours: 1 })))._tag).toBe("InvalidTransition")

        const mine = (yield* events).filter((e) => e.aggregateId === m.id)
        expect(mine.map((e) => e.type)).toEqual(["party.member.registered", "party.service.recorded", "party.service.recorded", "party.member.withdrawn"])
        expect(mine[1]!.payload).toEqual({ kind: "policy_promotion", hours: 2.5 })
        const logged = JSON.stringify(mine.map((e) => e.payload))
        for (const v of [t.people.member.name, t.people.member.id, "13900000003"]) expect(logged).not.toContain(v)
      })))

    it("counts an activity a registered member attends as service, once per activity, in the tally and the report", () =>
      world(({ activities, party, t, unit }) => Effect.gen(function*() {
        const secretary = t.actors.secretary
        const m = yield* party.register(secretary, { personId: t.people.member.id, communityId: t.communities[0].id, employerId: unit as never })
        // Planned 3 h 40 min: counts 3.5 hours (half hours, rounded down).
        const night = yield* activities.plan(secretary, { nodeId: t.communities[0].id, kind: "night_school", title: "夜校", startsAt: new Date(T0 - 3_600_000).toISOString(), endsAt: new Date(T0 + 9_600_000).toISOString() })
        yield* activities.execute(t.actors.member, night.id, { _tag: "CheckIn", code: night.checkInCode! })
        // A second check-in, by the code or by staff, counts nothing more; another attendee who is no member counts nothing.
        yield* activities.execute(t.actors.member, night.id, { _tag: "CheckIn", code: night.checkInCode! })
        yield* activities.execute(secretary, night.id, { _tag: "CheckIn", personId: t.people.member.id })
        yield* activities.execute(secretary, night.id, { _tag: "CheckIn", personId: t.people.resident.id })
        // A whole-day fair counts at most 24 hours; staff checking the member in counts too.
        const fair = yield* activities.plan(secretary, { nodeId: t.communities[0].id, kind: "neighbourhood_fair", title: "睦邻大集", startsAt: new Date(T0 - 3_600_000).toISOString(), endsAt: new Date(T0 + 40 * 3_600_000).toISOString() })
        yield* activities.execute(secretary, fair.id, { _tag: "CheckIn", personId: t.people.member.id })
        const tally = yield* party.get(secretary, m.id)
        expect(tally).toMatchObject({ hours: 27.5, services: 2, version: 3 })
        const report = yield* party.report(t.actors.admin, t.county.id, JUNE)
        expect(report.byEmployer).toEqual([expect.objectContaining({ employerId: unit, serving: 1, hours: 27.5 })])
        expect(activityServiceHours({ startsAt: "2026-06-01T08:00:00.000Z", endsAt: "2026-06-01T08:10:00.000Z" })).toBe(0.5)
        const recorded = (yield* events).filter((e) => e.aggregateId === m.id && e.type === "party.service.recorded")
        expect(recorded.map((e) => e.payload)).toEqual([{ kind: "activity", hours: 3.5 }, { kind: "activity", hours: 24 }])
        // After withdrawing, attending counts nothing.
        yield* party.execute(t.actors.member, m.id, { _tag: "Withdraw" })
        const later = yield* activities.plan(secretary, { nodeId: t.communities[0].id, kind: "lecture", topic: "民法典", title: "宣讲", startsAt: new Date(T0).toISOString(), endsAt: new Date(T0 + 3_600_000).toISOString() })
        yield* activities.execute(secretary, later.id, { _tag: "CheckIn", personId: t.people.member.id })
        expect(yield* party.get(secretary, m.id)).toMatchObject({ hours: 27.5, services: 2, status: "withdrawn" })
      })))

    it("checks every referenced id: the community, the person, the employer; names and phones masked without personal read", () =>
      world(({ clinic, party, t, unit }) => Effect.gen(function*() {
        const a = t.actors
        const reg = (personId: string, communityId: string = t.communities[0].id, employerId: string = unit) => ({ personId, communityId, employerId } as never)
        // A resident sees the community but may not register anyone; another community's secretary is not told it exists.
        expect((yield* Effect.flip(party.register(a.resident, reg(t.people.volunteer.id))))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(party.register(a.secretary2, reg(t.people.volunteer.id))))._tag).toBe("NotFound")
        expect(yield* Effect.flip(party.register(a.secretary, reg(t.people.worker2.id)))).toMatchObject({ _tag: "NotFound", entity: "person" })
        // The community must be a community; the employer a unit of the county.
        expect(yield* Effect.flip(party.register(a.secretary, reg(t.people.volunteer.id, t.grids[0].id)))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "communityId" }] })
        expect(yield* Effect.flip(party.register(a.streetAdmin, reg(t.people.volunteer.id, t.grids[0].id)))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "communityId" }] })
        expect(yield* Effect.flip(party.register(a.secretary, reg(t.people.volunteer.id, t.communities[0].id, clinic)))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "employerId" }] })
        expect(yield* Effect.flip(party.register(a.secretary, reg(t.people.volunteer.id, t.communities[0].id, "org_01J00000000000000000000000")))).toMatchObject({ _tag: "NotFound" })
        // A party member registers themselves with the community above their grid.
        const self = yield* party.register(a.member, reg(t.people.member.id))
        expect(self.personId).toBe(t.people.member.id)
        // Without personal read, the name and phone are masked; another county sees nothing.
        const masked = yield* party.get(a.resident, self.id)
        expect(masked).toMatchObject({ masked: true })
        expect(masked.name).not.toBe(t.people.member.name)
        expect(masked.phone).not.toBe("13900000003")
        expect((yield* party.list(a.secretary, t.communities[0].id)).items.map((x) => [x.id, x.masked])).toEqual([[self.id, false]])
        expect((yield* Effect.flip(party.get(a.resident2, self.id)))._tag).toBe("NotFound")
        const other = yield* Effect.flatMap(Grid, (g) => g.createCounty(sys, { code: "999002", name: "邻县" }))
        const outsider = { id: "psn_01J00000000000000000000009", kind: "person" as const, name: "钱区长", grants: [{ role: "county_admin" as const, scope: other.id }] }
        expect((yield* Effect.flip(party.get(outsider as never, self.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(party.execute(outsider as never, self.id, { _tag: "Withdraw" })))._tag).toBe("NotFound")
        expect((yield* Effect.flip(party.report(outsider as never, t.communities[0].id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(party.report(a.resident, t.communities[0].id)))._tag).toBe("Forbidden")
        // Recording service is staff's, not the member's own.
        expect((yield* Effect.flip(party.execute(a.member, self.id, { _tag: "RecordService", kind: "care_visit", hours: 1 })))._tag).toBe("NotFound")
      })))

    it("reports members and hours per employer organisation, community and month, and counts the headline", () =>
      world(({ party, t, unit }) => Effect.gen(function*() {
        const partners = yield* Partners
        const school = yield* partners.register(t.actors.admin, { nodeId: t.county.id, type: "unit", name: "县第一中学" })
        const admin = t.actors.admin
        const m1 = yield* party.register(admin, { personId: t.people.member.id, communityId: t.communities[0].id, employerId: unit as never })
        const m2 = yield* party.register(admin, { personId: t.people.volunteer.id, communityId: t.communities[0].id, employerId: unit as never })
        const m3 = yield* party.register(admin, { personId: t.people.worker2.id, communityId: t.communities[1].id, employerId: school.id })
        yield* party.execute(admin, m1.id, { _tag: "RecordService", kind: "volunteer_service", hours: 4 })
        yield* party.execute(admin, m1.id, { _tag: "RecordService", kind: "grid_patrol", hours: 2 })
        yield* party.execute(admin, m3.id, { _tag: "RecordService", kind: "grid_patrol", hours: 3 })
        const report = yield* party.report(admin, t.county.id, JUNE)
        expect(report.byEmployer).toEqual([
          { employerId: unit, name: "县供电公司", registered: 2, serving: 1, hours: 6, meanHours: 3 },
          { employerId: school.id, name: "县第一中学", registered: 1, serving: 1, hours: 3, meanHours: 3 }
        ].sort((a, b) => (a.employerId < b.employerId ? -1 : 1)))
        expect(report.byCommunity.find((c) => c.communityId === t.communities[0].id)).toEqual({ communityId: t.communities[0].id, name: t.communities[0].name, registered: 2, serving: 1, hours: 6, meanHours: 3 })
        expect(report.byMonth).toEqual([{ month: "2026-06", serving: 2, hours: 9 }])
        expect(report.totals).toEqual({ registered: 3, serving: 2, hours: 9, meanHours: 3 })
        // One employer's report, as its organisation department asks; a community's report sees only its own.
        const one = yield* party.report(admin, t.county.id, { ...JUNE, employerId: unit as never })
        expect(one.totals).toEqual({ registered: 2, serving: 1, hours: 6, meanHours: 3 })
        expect((yield* party.report(t.actors.secretary, t.communities[0].id, JUNE)).totals.registered).toBe(2)
        expect((yield* party.report(admin, t.county.id, { from: "2026-05-01", to: "2026-05-31" })).totals).toEqual({ registered: 0, serving: 0, hours: 0, meanHours: 0 })
        yield* party.execute(admin, m2.id, { _tag: "Withdraw" })
        const [counter] = yield* partyHeadlineCounters
        const window = [new Date(Date.UTC(2026, 4, 31, 16)).toISOString(), new Date(Date.UTC(2026, 5, 30, 16)).toISOString()] as const
        const q = { countyId: t.county.id, rootId: t.county.id, rootPath: [t.county.id], from: JUNE.from, to: JUNE.to, window, timeZone: "Asia/Shanghai" }
        expect(counter!.key).toBe("party_members_serving")
        expect(yield* counter!.count(q)).toBe(3)
        expect(yield* counter!.count({ ...q, rootPath: [t.county.id, t.streets[1].id] })).toBe(1)
      })))

    it("keeps the store's contract: one active registration per person, stale versions, periods, a county's kinds", () =>
      world(({ party, t, unit }) => Effect.gen(function*() {
        const store = yield* PartyStore
        const uow = yield* UnitOfWork
        const m = yield* party.register(t.actors.secretary, { personId: t.people.member.id, communityId: t.communities[0].id, employerId: unit as never })
        const raw = Option.getOrThrow(yield* store.get(m.id))
        expect(yield* Effect.flip(uow.transaction(store.insert(raw)))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        expect(yield* Effect.flip(uow.transaction(store.insert({ ...raw, id: "pmr_01J00000000000000000000000" as never })))).toMatchObject({ _tag: "Conflict", reason: "already_registered" })
        yield* uow.transaction(store.update({ ...raw, status: "withdrawn", withdrawnAt: "2026-06-10T03:00:00.000Z", version: 2 }, 1))
        expect(yield* Effect.flip(uow.transaction(store.update({ ...raw, version: 3 }, 1)))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        yield* uow.transaction(store.insert({ ...raw, id: "pmr_01J00000000000000000000000" as never }))
        expect((yield* store.registrationsIn([t.county.id], "2026-06-10T04:00:00.000Z", "2026-06-11T00:00:00.000Z")).map((r) => r.id)).toEqual(["pmr_01J00000000000000000000000"])
        expect(yield* store.registrationsIn([t.county.id], "2026-06-01T00:00:00.000Z", "2026-06-10T01:00:00.000Z")).toEqual([])
        // A county's own kinds of service.
        const config = yield* party.configure(t.actors.admin, t.county.id, { serviceKinds: [{ code: "night_patrol", labelZh: "夜间巡逻", labelEn: "Night patrol" }] })
        expect(config.version).toBe(1)
        expect((yield* party.getConfig(t.actors.resident, t.county.id)).serviceKinds.map((k) => k.code)).toEqual(["night_patrol"])
        expect((yield* Effect.flip(party.configure(t.actors.secretary, t.county.id, { serviceKinds: [{ code: "x", labelZh: "x", labelEn: "x" }] })))._tag).toBe("NotFound")
      })))
  })
}
