/**
 * The activities storage conformance suite. Every adapter calls
 * {@link activitiesStoreConformance} from a vitest file and must pass every case: an
 * activity from planning through registration, the waiting list, check-in by the code and
 * by staff, with attendance points paid once through the ledger under the rule's caps; the
 * scope checks of every referenced id; teams and their service hours; the report by kind,
 * month of the county's calendar and subtree; and the store's own contract.
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { type Actor, systemActor } from "../kernel/actor.js"
import type { Directory } from "../kernel/directory.js"
import type { IdempotencyStore } from "../kernel/idempotency.js"
import { IdGenerator, type PersonId } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { Secrets } from "../kernel/secrets.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import type { GridStore } from "../grid/store.js"
import { Places } from "../places/service.js"
import type { PlacesStore } from "../places/store.js"
import { Points } from "../points/service.js"
import { PointsStore } from "../points/store.js"
import { Activities, attendanceTransferId } from "../activities/service.js"
import { CHECK_IN_ATTEMPTS } from "../activities/machine.js"
import { ActivitiesFeedEvents, type PlanActivity } from "../activities/model.js"
import { ActivitiesStore } from "../activities/store.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import { runnerAt } from "./runner.js"

/**
 * The ports an activities store is tested with (points and places included: attendance
 * pays points, activities are held at places).
 *
 * @category models
 * @since 0.5.0
 */
export type ActivitiesStorePorts = ActivitiesStore | PlacesStore | PointsStore | IdempotencyStore | GridStore | Directory | EventLog | UnitOfWork

/** 2026-06-01 (a Monday) 08:00 UTC: 16:00 in China. */
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()
const sys = systemActor()
const decodeFeed = Schema.decodeUnknownResult(Schema.Union(ActivitiesFeedEvents))

type Env = Activities | Points | Places | Grid | ActivitiesStorePorts

interface World {
  readonly t: TinyCounty
  readonly a: Activities["Service"]
  readonly secretary: Actor
  /** A new resident of household a1 with a points account, as the kernel derives their actor. */
  readonly resident: (withAccount?: boolean) => Effect.Effect<{ readonly actor: Actor; readonly id: PersonId; readonly account: string | undefined }, unknown, Env>
  readonly balance: (account: string) => Effect.Effect<number, unknown, Env>
}

const plan = (t: TinyCounty, overrides: { readonly [K in keyof PlanActivity]?: PlanActivity[K] | undefined } = {}): PlanActivity => {
  const all: Record<string, unknown> = { nodeId: t.communities[0].id, kind: "night_school", title: "夜校：智能手机课", startsAt: iso(T0), endsAt: iso(T0 + 2 * HOUR), capacity: 2, ...overrides }
  for (const k of Object.keys(all)) if (all[k] === undefined) delete all[k]
  return all as PlanActivity
}

/**
 * An activity as stored before migration `0023_activity_codes`: the check-in code in plain
 * text, no count of wrong codes. For the adapters' migration tests.
 *
 * @category fixtures
 * @since 0.5.0
 */
export const activityBeforeCodeHashes = (code: string, countyId: string, nodeId: string) => ({
  id: "act_01KT000000000000000000000A", countyId, nodeId, scope: [countyId, nodeId], placeId: null, kind: "night_school", title: "夜校",
  topic: null, teamId: null, organiser: { personId: "psn_01KT000000000000000000000A", name: "吴" }, startsAt: "2026-06-01T08:00:00.000Z", endsAt: "2026-06-01T10:00:00.000Z",
  capacity: null, registered: [], waiting: [], attended: [], hours: [], checkInCode: code, status: "planned", createdAt: "2026-05-01T00:00:00.000Z", version: 3
})

/**
 * The salted hash `Secrets.hash` gives for a code: what a migrated activity must hold.
 *
 * @category fixtures
 * @since 0.5.0
 */
export const checkInCodeHash = (code: string, salt: string): Promise<string> =>
  Effect.runPromise(Effect.gen(function*() {
    const secrets = yield* Secrets
    return yield* secrets.hash(code, salt)
  }))

/**
 * Registers the activities conformance cases for a store. `makeLayer` is called once per
 * case and must build a fresh, empty store providing every port in {@link ActivitiesStorePorts}.
 *
 * @category conformance
 * @since 0.5.0
 */
export const activitiesStoreConformance = (name: string, makeLayer: () => Layer.Layer<ActivitiesStorePorts, unknown>): void => {
  const run = runnerAt(T0, () =>
    Activities.layer.pipe(
      Layer.provideMerge(Layer.mergeAll(Points.layer, Places.layer, Grid.layer, layerKernel)),
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(31)))
    ))
  const world = <A, E>(f: (w: World) => Effect.Effect<A, E, Env>) =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const points = yield* Points
      const grid = yield* Grid
      yield* points.openAccount(sys, { nodeId: t.county.id, kind: "issuer", name: "积分发行" })
      let n = 0
      const resident: World["resident"] = (withAccount = true) =>
        Effect.gen(function*() {
          const k = ++n
          const p = yield* grid.createPerson(sys, { nodeId: t.units[0].id, code: `AR${k}`, name: `居民${"甲乙丙丁戊己庚辛壬癸"[k % 10]}${k}`, householdId: t.households[0]!.id })
          const account = withAccount ? (yield* points.openAccount(sys, { nodeId: t.units[0].id, kind: "person", ownerId: p.id })).id : undefined
          return { actor: { id: p.id, kind: "person" as const, name: p.name, grants: [{ role: "resident" as const, scope: t.communities[0].id }] }, id: p.id, account }
        })
      const balance = (account: string) => Effect.map(points.balance(sys, account as never), (b) => b.posted)
      return yield* f({ t, a: yield* Activities, secretary: t.actors.secretary, resident, balance })
    }))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))

  describe(`activities store conformance: ${name}`, () => {
    it("registers to capacity, waits in order, promotes on withdrawal, checks in by code and by staff; points once per person", () =>
      world((w) => Effect.gen(function*() {
        const { a, secretary } = w
        const planned = yield* a.plan(secretary, plan(w.t))
        expect(planned.checkInCode).toMatch(/^\d{6}$/u)
        const [r1, r2, r3, r4] = [yield* w.resident(), yield* w.resident(), yield* w.resident(), yield* w.resident(false)]
        expect((yield* a.get(r1.actor, planned.id)).checkInCode).toBeNull()
        // Shown once: not even its managers read it again.
        expect((yield* a.get(secretary, planned.id)).checkInCode).toBeNull()
        yield* a.execute(r1.actor, planned.id, { _tag: "Register" })
        yield* a.execute(r2.actor, planned.id, { _tag: "Register" })
        const waiting = yield* a.execute(r3.actor, planned.id, { _tag: "Register" })
        expect(waiting).toMatchObject({ registered: 2, waiting: 1, mine: { list: "waiting", position: 1 } })
        // Staff register someone else; a second registration changes nothing.
        yield* a.execute(secretary, planned.id, { _tag: "Register", personId: r4.id })
        expect((yield* a.execute(r3.actor, planned.id, { _tag: "Register" })).version).toBe(5)
        const promoted = yield* a.execute(r1.actor, planned.id, { _tag: "Withdraw" })
        expect(promoted).toMatchObject({ registered: 2, waiting: 1 })
        expect((yield* a.get(r3.actor, planned.id)).mine).toEqual({ list: "registered", position: 2 })
        const roster = yield* a.roster(secretary, planned.id)
        expect(JSON.stringify(roster)).not.toContain(planned.checkInCode!)
        expect(roster).not.toHaveProperty("codeHash")
        expect(roster.registered.map((e) => e.personId)).toEqual([r2.id, r3.id])
        expect(roster.waiting.map((e) => e.personId)).toEqual([r4.id])

        // Check-in: a wrong code is refused naming the field; the right one pays 5 points once.
        expect(yield* Effect.flip(a.execute(r2.actor, planned.id, { _tag: "CheckIn", code: planned.checkInCode === "000000" ? "111111" : "000000" }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "code" }] })
        const code = planned.checkInCode!
        expect((yield* a.execute(r2.actor, planned.id, { _tag: "CheckIn", code })).attendedByMe).toBe(true)
        expect(yield* w.balance(r2.account!)).toBe(5)
        yield* a.execute(r2.actor, planned.id, { _tag: "CheckIn", code })
        yield* a.execute(secretary, planned.id, { _tag: "CheckIn", personId: r2.id })
        expect(yield* w.balance(r2.account!)).toBe(5)
        // Staff check in a walk-in without the code; one without an account has it opened at their node, as staff open accounts, and is paid.
        yield* a.execute(secretary, planned.id, { _tag: "CheckIn", personId: r1.id })
        const done = yield* a.execute(secretary, planned.id, { _tag: "CheckIn", personId: r4.id })
        expect(done.attended).toBe(3)
        expect(yield* w.balance(r1.account!)).toBe(5)
        const opened = yield* (yield* PointsStore).findAccount(w.t.county.id, "person", r4.id)
        expect(Option.map(opened, (o) => ({ nodeId: o.nodeId, kind: o.kind }))).toEqual(Option.some({ nodeId: w.t.units[0].id, kind: "person" }))
        expect(yield* w.balance(Option.getOrThrow(opened).id)).toBe(5)
        expect((yield* events).filter((e) => e.type === "points.account.opened" && e.scope.includes(w.t.units[0].id)).length).toBeGreaterThan(0)
        const transfers = (yield* events).filter((e) => e.type.startsWith("points.") && JSON.stringify(e).includes(attendanceTransferId(planned.id, r2.id)))
        expect(transfers.length).toBeGreaterThan(0)

        const logged = (yield* events).filter((e) => e.aggregateId === planned.id)
        expect(logged.map((e) => e.type)).toContain("activities.activity.promoted")
        // Every event of the activity reads as its feed schema says.
        for (const e of logged) expect(decodeFeed(e)._tag, e.type).toBe("Success")
        const text = JSON.stringify(logged.map((e) => e.payload))
        for (const v of [r1.id, r2.id, r3.id, r4.id, code, "智能手机"]) expect(text).not.toContain(v)
      })))

    it("refuses guessing the check-in code: wrong codes count per person across requests, lock after the limit, and stay locked under a new code", () =>
      world((w) => Effect.gen(function*() {
        const { a, secretary } = w
        const planned = yield* a.plan(secretary, plan(w.t, { capacity: undefined }))
        const code = planned.checkInCode!
        const [guesser, other] = [yield* w.resident(), yield* w.resident()]
        const guesses = ["000000", "111111", "222222", "333333", "444444", "555555", "666666"].filter((g) => g !== code)
        for (const [i, guess] of guesses.slice(0, CHECK_IN_ATTEMPTS).entries()) {
          const refused = yield* Effect.flip(a.execute(guesser.actor, planned.id, { _tag: "CheckIn", code: guess }))
          expect(refused).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "code" }] })
          expect(JSON.stringify(refused)).toContain(i + 1 < CHECK_IN_ATTEMPTS ? `${CHECK_IN_ATTEMPTS - i - 1} tries left` : "only its staff")
        }
        // The right code no longer works for the guesser, in a later request, nor after a new code.
        expect(yield* Effect.flip(a.execute(guesser.actor, planned.id, { _tag: "CheckIn", code }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "code", message: expect.stringContaining("only its staff") }] })
        const reissued = yield* a.execute(secretary, planned.id, { _tag: "ReissueCode" })
        const next = reissued.checkInCode!
        expect(next).toMatch(/^\d{6}$/u)
        expect((yield* Effect.flip(a.execute(guesser.actor, planned.id, { _tag: "CheckIn", code: next })))._tag).toBe("InvalidInput")
        const seen = yield* a.get(guesser.actor, planned.id)
        expect(seen).toMatchObject({ attendedByMe: false, checkInLocked: true, checkInCode: null })
        expect(yield* w.balance(guesser.account!)).toBe(0)
        // The old code stops working when a new one is issued; the new one works for others.
        if (next !== code) expect((yield* Effect.flip(a.execute(other.actor, planned.id, { _tag: "CheckIn", code })))._tag).toBe("InvalidInput")
        expect((yield* a.execute(other.actor, planned.id, { _tag: "CheckIn", code: next })).attendedByMe).toBe(true)
        // A resident cannot issue a code; staff still check the locked person in.
        expect((yield* Effect.flip(a.execute(guesser.actor, planned.id, { _tag: "ReissueCode" })))._tag).toBe("Forbidden")
        expect((yield* a.execute(secretary, planned.id, { _tag: "CheckIn", personId: guesser.id })).attended).toBe(2)
        // Nothing of either code, their hash or salt, in the log or the roster.
        const stored = yield* a.roster(secretary, planned.id)
        expect(stored.wrongCodes).toContainEqual({ personId: guesser.id, attempts: CHECK_IN_ATTEMPTS })
        const logged = (yield* events).filter((e) => e.aggregateId === planned.id)
        for (const e of logged) expect(decodeFeed(e)._tag, e.type).toBe("Success")
        expect(logged.filter((e) => e.type === "activities.activity.code_rejected").map((e) => e.payload).slice(0, CHECK_IN_ATTEMPTS)).toEqual([...Array.from({ length: CHECK_IN_ATTEMPTS - 1 }, () => ({ locked: false })), { locked: true }])
        const payloads = JSON.stringify(logged.map((e) => e.payload))
        for (const v of [code, next, guesser.id]) expect(payloads).not.toContain(v)
        const text = JSON.stringify([logged, stored])
        expect(text).not.toMatch(/codeHash|codeSalt/u)
      })))

    it("lets concurrent registrations for the last places through up to the capacity, the rest waiting", () =>
      world((w) => Effect.gen(function*() {
        const act = yield* w.a.plan(w.secretary, plan(w.t, { capacity: 3 }))
        const people = yield* Effect.forEach(Array.from({ length: 10 }), () => w.resident(false))
        const outcomes = yield* Effect.forEach(people, (p) => Effect.result(w.a.execute(p.actor, act.id, { _tag: "Register" })), { concurrency: "unbounded" })
        const roster = yield* w.a.roster(w.secretary, act.id)
        // Whatever interleaving the store allows, no registration is lost or doubled beyond what committed.
        const committed = outcomes.filter((o) => o._tag === "Success").length
        expect(roster.registered).toHaveLength(Math.min(3, committed))
        expect(roster.registered.length + roster.waiting.length).toBe(committed)
        for (const o of outcomes) if (o._tag === "Failure") expect(o.failure).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
      })))

    it("pays attendance under the rule's daily cap, across activities of the day", () =>
      world((w) => Effect.gen(function*() {
        const r = yield* w.resident()
        for (let i = 0; i < 6; i++) {
          const act = yield* w.a.plan(w.secretary, plan(w.t, { title: `睦邻节 ${i}`, kind: "neighbourhood_festival", capacity: undefined }))
          yield* w.a.execute(r.actor, act.id, { _tag: "CheckIn", code: act.checkInCode! })
        }
        // event_attendance: 5 points each, at most 20 a day.
        expect(yield* w.balance(r.account!)).toBe(20)
      })))

    it("checks every referenced id against the caller's scope and county", () =>
      world((w) => Effect.gen(function*() {
        const { a, t } = w
        const act = yield* a.plan(w.secretary, plan(t))
        expect((yield* Effect.flip(a.get(t.actors.resident2, act.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(a.execute(t.actors.resident2, act.id, { _tag: "Register" })))._tag).toBe("NotFound")
        expect((yield* Effect.flip(a.plan(t.actors.secretary2, plan(t))))._tag).toBe("NotFound")
        expect((yield* Effect.flip(a.plan(t.actors.resident, plan(t))))._tag).toBe("Forbidden")
        expect(yield* Effect.flip(a.execute(w.secretary, act.id, { _tag: "Register", personId: t.people.resident2.id }))).toMatchObject({ _tag: "NotFound", entity: "person" })
        expect((yield* Effect.flip(a.execute(t.actors.resident, act.id, { _tag: "Register", personId: t.people.worker.id })))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(a.execute(t.actors.resident, act.id, { _tag: "Cancel", reason: "x" })))._tag).toBe("Forbidden")
        expect(yield* Effect.flip(a.plan(sys, plan(t)))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "organiserId" }] })
        const places = yield* Places
        const far = yield* places.register(sys, { nodeId: t.communities[1].id, kind: "council_hall", name: "社区2议事厅" })
        expect((yield* Effect.flip(a.plan(w.secretary, plan(t, { placeId: far.id }))))._tag).toBe("NotFound")
        const farTeam = yield* a.formTeam(t.actors.secretary2, { nodeId: t.communities[1].id, kind: "volunteer", name: "社区2志愿队", leaderId: t.people.worker2.id })
        expect((yield* Effect.flip(a.plan(w.secretary, plan(t, { teamId: farTeam.id }))))._tag).toBe("NotFound")
        expect((yield* Effect.flip(a.formTeam(w.secretary, { nodeId: t.communities[0].id, kind: "volunteer", name: "志愿队", leaderId: t.people.worker2.id })))._tag).toBe("NotFound")
        expect(yield* Effect.flip(a.plan(w.secretary, plan(t, { endsAt: iso(T0 - HOUR) })))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "endsAt" }] })
        // A resident of the community joins an activity of its street.
        const street = yield* a.plan(t.actors.streetAdmin, plan(t, { nodeId: t.streets[0].id, kind: "neighbourhood_fair", title: "睦邻大集" }))
        expect((yield* a.execute(t.actors.resident, street.id, { _tag: "Register" })).mine).toEqual({ list: "registered", position: 1 })
      })))

    it("runs a lecture by a lecture team at a place; members' hours add up per member", () =>
      world((w) => Effect.gen(function*() {
        const { a, t } = w
        const places = yield* Places
        const hall = yield* places.register(w.secretary, { nodeId: t.communities[0].id, kind: "council_hall", name: "居民议事厅" })
        const team = yield* a.formTeam(w.secretary, { nodeId: t.communities[0].id, kind: "lecture", name: "百姓宣讲团", leaderId: t.people.member.id, memberIds: [t.people.volunteer.id], topics: ["民法典"] })
        expect(team.members.map((m) => m.personId)).toEqual([t.people.member.id, t.people.volunteer.id])
        const lecture = yield* a.plan(w.secretary, plan(t, { kind: "lecture", topic: "民法典进社区", teamId: team.id, placeId: hall.id, title: "宣讲：民法典" }))
        expect(lecture).toMatchObject({ placeId: hall.id, teamId: team.id, topic: "民法典进社区" })
        yield* a.execute(w.secretary, lecture.id, { _tag: "RecordHours", hours: [{ personId: t.people.member.id, hours: 2 }, { personId: t.people.volunteer.id, hours: 1.5 }] })
        expect(yield* Effect.flip(a.execute(w.secretary, lecture.id, { _tag: "RecordHours", hours: [{ personId: t.people.worker.id, hours: 2 }] }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "hours.0.personId" }] })
        const second = yield* a.plan(w.secretary, plan(t, { kind: "lecture", topic: "防诈骗", teamId: team.id, title: "宣讲：防诈骗" }))
        yield* a.execute(w.secretary, second.id, { _tag: "RecordHours", hours: [{ personId: t.people.member.id, hours: 1 }] })
        const hours = yield* a.teamHours(w.secretary, team.id)
        expect(hours).toMatchObject({ totalHours: 4.5, activities: 2 })
        expect(hours.members.map((m) => [m.personId, m.hours, m.activities])).toEqual([[t.people.member.id, 3, 2], [t.people.volunteer.id, 1.5, 1]])
        expect((yield* Effect.flip(a.teamHours(t.actors.resident, team.id)))._tag).toBe("Forbidden")
        const changed = yield* a.executeTeam(w.secretary, team.id, { _tag: "Update", leave: [t.people.volunteer.id] })
        expect(changed.members).toHaveLength(1)
        yield* a.executeTeam(w.secretary, team.id, { _tag: "Disband" })
        expect(yield* Effect.flip(a.plan(w.secretary, plan(t, { kind: "lecture", topic: "x", teamId: team.id })))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "teamId" }] })
        expect((yield* a.listTeams(w.secretary, t.communities[0].id)).items.map((x) => x.id)).toEqual([team.id])
      })))

    it("reports activities, person-times and distinct residents by kind, month of the county's calendar and subtree", () =>
      world((w) => Effect.gen(function*() {
        const { a, t } = w
        const [r1, r2] = [yield* w.resident(false), yield* w.resident(false)]
        const attend = (id: string, ...who: ReadonlyArray<PersonId>) => Effect.forEach(who, (p) => a.execute(w.secretary, id as never, { _tag: "CheckIn", personId: p }), { discard: true })
        const june = yield* a.plan(w.secretary, plan(t, { kind: "charity_market", title: "公益市集" }))
        yield* attend(june.id, r1.id, r2.id)
        const june2 = yield* a.plan(w.secretary, plan(t, { nodeId: t.grids[0].id, kind: "neighbourhood_festival", title: "睦邻节" }))
        yield* attend(june2.id, r1.id)
        // 2026-06-30 17:00 UTC is 1 July 01:00 in China: a July activity.
        const july = yield* a.plan(w.secretary, plan(t, { kind: "festival", title: "七一活动", startsAt: iso(Date.UTC(2026, 5, 30, 17)), endsAt: iso(Date.UTC(2026, 5, 30, 19)) }))
        const cancelled = yield* a.plan(w.secretary, plan(t, { title: "取消的夜校" }))
        yield* a.execute(w.secretary, cancelled.id, { _tag: "Cancel", reason: "下雨" })
        const report = yield* a.report(t.actors.streetAdmin, t.streets[0].id)
        expect(report).toMatchObject({ activities: 3, personTimes: 3, distinctResidents: 2 })
        expect(report.byMonth).toEqual([{ month: "2026-06", activities: 2, personTimes: 3 }, { month: "2026-07", activities: 1, personTimes: 0 }])
        expect(report.byKind.map((k) => [k.kind, k.activities, k.personTimes])).toEqual([["charity_market", 1, 2], ["festival", 1, 0], ["neighbourhood_festival", 1, 1]])
        expect(report.byChild).toEqual([{ nodeId: t.communities[0].id, activities: 3, personTimes: 3 }])
        const julyOnly = yield* a.report(w.secretary, t.communities[0].id, { from: "2026-07-01", to: "2026-07-31" })
        expect(julyOnly).toMatchObject({ activities: 1, byChild: [] })
        expect(julyOnly.byKind[0]!.kind).toBe("festival")
        expect((yield* a.report(t.actors.secretary2, t.communities[1].id)).activities).toBe(0)
        expect((yield* Effect.flip(a.report(t.actors.secretary2, t.communities[0].id)))._tag).toBe("NotFound")
        expect((yield* a.list(w.secretary, t.communities[0].id, { from: "2026-07-01" })).items.map((x) => x.id)).toEqual([july.id])
        expect(JSON.stringify(report)).not.toContain(r1.id)
      })))

    it("keeps the store's contract: one insert per id, writes at the expected version, nothing left by a failed unit of work", () =>
      world((w) => Effect.gen(function*() {
        const store = yield* ActivitiesStore
        const uow = yield* UnitOfWork
        const planned = yield* w.a.plan(w.secretary, plan(w.t))
        const stored = Option.getOrThrow(yield* store.getActivity(planned.id))
        expect(yield* Effect.flip(uow.transaction(store.insertActivity(stored)))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        expect(yield* Effect.flip(uow.transaction(store.updateActivity({ ...stored, version: 9 }, 4)))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        const failed = yield* Effect.flip(uow.transaction(Effect.andThen(store.updateActivity({ ...stored, title: "改名", version: 2 }, 1), Effect.fail("boom" as const))))
        expect(failed).toBe("boom")
        expect(Option.getOrThrow(yield* store.getActivity(planned.id)).title).toBe(stored.title)
        // Two registrations read at one version: exactly one commits.
        const r = yield* w.resident(false)
        const one = store.updateActivity({ ...stored, registered: [{ personId: r.id, at: stored.createdAt }], version: 2 }, 1)
        const results = yield* Effect.all([Effect.result(uow.transaction(one)), Effect.result(uow.transaction(one))])
        expect(results.filter((x) => x._tag === "Success")).toHaveLength(1)
        expect((yield* store.activitiesIn({ scope: [w.t.county.id, w.t.streets[1].id] })).length).toBe(0)
      })))
  })
}
