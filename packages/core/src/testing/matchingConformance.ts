/**
 * The matching storage conformance suite. Every adapter calls
 * {@link matchingStoreConformance} from a vitest file and must pass every case: a need's
 * whole life with its reward paid once through the ledger, the state machine enumerated
 * pair by pair, concurrent claims on a one-slot need, a batch dispatch, the masked wish
 * board, a property test over random command sequences (no volunteer above capacity, no
 * need above its slots, rewards paid exactly once), and the store's own contract.
 *
 * @since 0.3.0
 */
import { Effect, Layer, Option, type Scope } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type Actor, systemActor } from "../kernel/actor.js"
import { IdGenerator } from "../kernel/ids.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import { GridStore } from "../grid/store.js"
import type { AccountId } from "../points/model.js"
import { Points } from "../points/service.js"
import { IdempotencyStore } from "../kernel/idempotency.js"
import { PointsStore } from "../points/store.js"
import { needCommandTags, needTransitions, rewardTransferId, workingStates } from "../matching/machine.js"
import type { Need, NeedCommand, NeedCommandTag, NeedState, PostNeed, Volunteer } from "../matching/model.js"
import { Matching } from "../matching/service.js"
import { MatchingStore } from "../matching/store.js"
import { actorWith, buildTinyCounty, type TinyCounty } from "./fixtures.js"

/**
 * The ports a matching store is tested with.
 *
 * @category models
 * @since 0.3.0
 */
export type MatchingStorePorts = MatchingStore | PointsStore | IdempotencyStore | GridStore | EventLog | UnitOfWork

/**
 * Options of {@link matchingStoreConformance}.
 *
 * @category models
 * @since 0.3.0
 */
export interface MatchingConformanceOptions {
  /** Runs of the random-sequence property test (default 20). */
  readonly propertyRuns?: number
}

const sys = systemActor()
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
const HOUR = 3_600_000
const always = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromHour: 0, toHour: 24 }))

type Env = Matching | Points | Grid | MatchingStorePorts | IdGenerator | TestClock.TestClock | Scope.Scope

interface World {
  readonly t: TinyCounty
  readonly issuer: AccountId
  readonly secretary: Actor
  readonly requester: Actor
  /** Volunteers v0…v5 living in units of community 1, with points accounts. */
  readonly volunteers: ReadonlyArray<Actor>
  readonly accounts: ReadonlyMap<string, AccountId>
}

const setupWorld = (capacities: ReadonlyArray<number> = [2, 2, 2, 2, 2, 2]): Effect.Effect<World, unknown, Matching | Points | Grid> =>
  Effect.gen(function*() {
    const t = yield* buildTinyCounty()
    const matching = yield* Matching
    const points = yield* Points
    const issuer = yield* points.openAccount(sys, { nodeId: t.county.id, kind: "issuer", name: "积分发行" })
    const community = t.communities[0].id
    const volunteers: Array<Actor> = []
    const accounts = new Map<string, AccountId>()
    for (const [i, cap] of capacities.entries()) {
      const id = `vol-${i}`
      const unit = t.units[i % 2]!
      const account = yield* points.openAccount(sys, { nodeId: unit.id, kind: "person", ownerId: id, name: `志愿者${i}` })
      accounts.set(id, account.id)
      yield* matching.saveVolunteer(sys, {
        personId: id,
        name: `志愿者${i}`,
        homeNodeId: unit.id,
        skills: [{ skill: "repairs", level: 1 + (i % 5) }, { skill: "errands", level: 3 }],
        availability: always,
        maxConcurrent: cap,
        accountId: account.id
      })
      volunteers.push(actorWith(id, { role: "volunteer", scope: community }))
    }
    return {
      t,
      issuer: issuer.id,
      secretary: actorWith("secretary-1", { role: "community_secretary", scope: community }),
      requester: { ...actorWith("res-1", { role: "resident", scope: community }), name: "欧阳芃翀" },
      volunteers,
      accounts
    }
  })

const postOf = (w: World, overrides: Partial<PostNeed> = {}): PostNeed => ({
  nodeId: w.t.units[0].id,
  kind: "micro_wish",
  category: "repairs",
  title: "修理漏水的水龙头",
  requiredSkills: ["repairs"],
  dueAt: new Date(T0 + 72 * HOUR).toISOString(),
  slots: 1,
  reward: { points: 20, fromAccountId: w.issuer },
  ...overrides
})

/** The commands that bring a new need to each state, with the actor of each step. */
const pathTo: Readonly<Record<NeedState, ReadonlyArray<NeedCommandTag>>> = {
  open: [],
  claimed: ["Claim"],
  assigned: ["Assign"],
  visiting: ["Claim", "LogVisit"],
  done: ["Claim", "ReportDone"],
  confirmed: ["Claim", "ReportDone", "Confirm"],
  closed: ["Claim", "ReportDone", "Confirm", "Close"],
  cancelled: ["Cancel"],
  expired: ["Expire"]
}

/** A command of each tag, valid as far as its content goes, and who runs it. */
const commandFor = (w: World, n: Need, tag: Exclude<NeedCommandTag, "Post">): readonly [Actor, NeedCommand] => {
  const first = n.assignees[0]?.personId ?? "vol-0"
  const free = w.volunteers.find((v) => !n.assignees.some((a) => a.personId === v.id))!.id
  switch (tag) {
    case "Claim":
      return [w.volunteers.find((v) => v.id === free)!, { _tag: "Claim" }]
    case "Assign":
      return [w.secretary, { _tag: "Assign", personIds: [free], explanation: "最近" }]
    case "Release":
      return [w.secretary, { _tag: "Release", personId: first, reason: "临时有事" }]
    case "Reassign":
      return [w.secretary, { _tag: "Reassign", from: first, to: free, reason: "换人" }]
    case "LogVisit":
      return [w.secretary, { _tag: "LogVisit", note: "已上门查看" }]
    case "ReportDone":
      return [w.secretary, { _tag: "ReportDone", note: "已修好" }]
    case "Confirm":
      return [w.requester, { _tag: "Confirm", rating: 5, comment: "很满意" }]
    case "Reopen":
      return [w.requester, { _tag: "Reopen", reason: "还在漏" }]
    case "Close":
      return [w.secretary, { _tag: "Close" }]
    case "Cancel":
      return [w.requester, { _tag: "Cancel", reason: "不需要了" }]
    case "Expire":
      return [sys, { _tag: "Expire" }]
  }
}

/**
 * Registers the matching conformance cases for a store. `makeLayer` is called once per
 * case and must build a fresh, empty store providing every port listed in
 * {@link MatchingStorePorts}.
 *
 * @category conformance
 * @since 0.3.0
 */
export const matchingStoreConformance = (
  name: string,
  makeLayer: () => Layer.Layer<MatchingStorePorts, unknown>,
  options: MatchingConformanceOptions = {}
): void => {
  const run = <A, E>(effect: Effect.Effect<A, E, Env>): Promise<A> =>
    Effect.runPromise(
      Effect.gen(function*() {
        yield* TestClock.setTime(T0)
        return yield* effect
      }).pipe(
        Effect.scoped,
        Effect.provide(
          Matching.layer.pipe(
            Layer.provideMerge(Layer.mergeAll(Points.layer, Grid.layer)),
            Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(11)))
          )
        ),
        Effect.provide(TestClock.layer())
      ) as Effect.Effect<A, unknown>
    )
  const world = <A, E>(f: (w: World) => Effect.Effect<A, E, Env>, capacities?: ReadonlyArray<number>) => run(Effect.flatMap(setupWorld(capacities), f))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))
  const balanceOf = (w: World, person: string) => Effect.flatMap(Points, (p) => Effect.map(p.balance(sys, w.accounts.get(person)!), (b) => b.posted))
  const rewardTransfers = (n: Need) =>
    Effect.flatMap(PointsStore, (s) => s.getTransfers(Array.from({ length: 10 }, (_, i) => rewardTransferId(n.id, i))))
  const volunteersOf = (w: World) => Effect.flatMap(MatchingStore, (s) => s.getVolunteers(w.volunteers.map((v) => v.id)))

  /** Posts a need and drives it to `state`. */
  const needAt = (w: World, state: NeedState, post: PostNeed = postOf(w)) =>
    Effect.gen(function*() {
      const matching = yield* Matching
      let n = yield* matching.post(w.requester, post)
      for (const tag of pathTo[state]) {
        if (tag === "Post") continue
        if (tag === "Expire") yield* TestClock.adjust(Date.parse(n.dueAt) - (yield* nowMs) + HOUR)
        const [actor, command] = commandFor(w, n, tag)
        n = yield* matching.execute(actor, n.id, command)
      }
      return n
    })
  const nowMs = Effect.clockWith((c) => c.currentTimeMillis)

  describe(`matching store conformance: ${name}`, () => {
    it("runs a micro-wish from posting to closure and pays the reward once, also when the confirmation is retried", () =>
      world((w) => Effect.gen(function*() {
        const matching = yield* Matching
        const posted = yield* matching.post(w.requester, postOf(w))
        expect(posted).toMatchObject({ state: "open", status: "open", version: 1, requester: { id: "res-1", name: "欧阳芃翀" }, slots: 1 })
        const board = yield* matching.wishBoard(w.t.communities[0].id)
        expect(board.items.map((c) => [c.id, c.requester])).toEqual([[posted.id, "欧***"]])
        expect(JSON.stringify(board)).not.toContain("欧阳芃翀")
        const vol = w.volunteers[1]!
        const claimBoard = yield* matching.claimBoard(vol)
        expect(claimBoard[0]).toMatchObject({ card: { id: posted.id }, eligible: true })
        let n = yield* matching.execute(vol, posted.id, { _tag: "Claim" })
        expect(n).toMatchObject({ state: "claimed", assignees: [{ personId: vol.id, via: "claim" }], respondedAt: new Date(T0).toISOString() })
        n = yield* matching.execute(vol, n.id, { _tag: "LogVisit", note: "敲门：水龙头老化" })
        expect(n.state).toBe("visiting")
        n = yield* matching.execute(vol, n.id, { _tag: "ReportDone", note: "已更换" })
        expect(n).toMatchObject({ state: "done", status: "open" })
        const [loaded] = yield* Effect.flatMap(MatchingStore, (s) => s.getVolunteers([vol.id]))
        expect(loaded!.load).toBe(0)
        n = yield* matching.execute(w.requester, n.id, { _tag: "Confirm", rating: 5, comment: "谢谢" })
        expect(n).toMatchObject({ state: "confirmed", status: "closed", confirmation: { rating: 5 }, paid: [{ personId: vol.id, points: 20, transferId: rewardTransferId(n.id, 0) }] })
        expect(yield* balanceOf(w, vol.id)).toBe(20)
        // A retried confirmation replays: the same transfer, no second payment.
        const again = yield* matching.execute(w.requester, n.id, { _tag: "Confirm", rating: 5, comment: "谢谢" })
        expect(again).toEqual(n)
        expect(yield* balanceOf(w, vol.id)).toBe(20)
        expect(yield* rewardTransfers(n)).toHaveLength(1)
        const [after] = yield* Effect.flatMap(MatchingStore, (s) => s.getVolunteers([vol.id]))
        expect(after!.history).toMatchObject({ completed: 1, ratingSum: 5, ratingCount: 1, pointsEarned: 20 })
        n = yield* matching.execute(w.secretary, n.id, { _tag: "Close" })
        expect(n).toMatchObject({ state: "closed", version: 6 })
        const log = (yield* events).filter((e) => e.aggregateId === n.id)
        expect(log.map((e) => e.type)).toEqual([
          "matching.need.posted", "matching.need.claimed", "matching.need.visit_logged", "matching.need.done_reported", "matching.need.confirmed", "matching.need.closed"
        ])
        expect(JSON.stringify(log)).not.toContain("欧阳芃翀")
        const paidEvents = (yield* events).filter((e) => e.type === "points.transfers.committed")
        expect(paidEvents).toHaveLength(1)
      })))

    it("allows exactly the (state, command) pairs of the transition table", () =>
      world((w) => Effect.gen(function*() {
        const matching = yield* Matching
        const states = Object.keys(pathTo) as Array<NeedState>
        for (const state of states) {
          for (const tag of needCommandTags) {
            if (tag === "Post") continue
            const n = yield* needAt(w, state, postOf(w, { slots: 2, dueAt: new Date((yield* nowMs) + 48 * HOUR).toISOString() }))
            expect(n.state).toBe(state)
            if (tag === "Expire") yield* TestClock.adjust(49 * HOUR)
            // A grid worker's confirmation, so that a confirmed need is not an identical retry (a replay).
            const [actor, command] = tag === "Confirm" ? [w.secretary, { _tag: "Confirm", rating: 4, comment: "复核" } as const] : commandFor(w, n, tag)
            const result = yield* Effect.result(matching.execute(actor, n.id, command))
            const targets = needTransitions.filter((t) => t.from === state && t.command === tag).map((t) => t.to)
            if (targets.length === 0) {
              expect(result._tag === "Failure" && result.failure._tag, `${state} × ${tag}`).toBe("InvalidTransition")
            } else {
              expect(result._tag, `${state} × ${tag}: ${result._tag === "Failure" ? result.failure.message : ""}`).toBe("Success")
              if (result._tag === "Success") {
                expect(targets, `${state} × ${tag}`).toContain(result.success.state)
                // Free the volunteers for the next pairs.
                if (workingStates.includes(result.success.state)) yield* matching.execute(w.requester, n.id, { _tag: "Cancel", reason: "测试结束" })
              }
            }
          }
        }
        // Expire is the system's alone.
        const open = yield* matching.post(w.requester, postOf(w, { dueAt: new Date((yield* nowMs) + HOUR).toISOString() }))
        yield* TestClock.adjust(2 * HOUR)
        const byPerson = yield* Effect.flip(matching.execute(w.secretary, open.id, { _tag: "Expire" }))
        expect(byPerson._tag).toBe("Forbidden")
        const report = yield* matching.expireOverdue(w.secretary, w.t.communities[0].id)
        expect(report.expired).toContain(open.id)
      }), [20, 20, 20, 20, 20, 20]))

    it("lets exactly one of many concurrent claims take a one-slot need; the others say they lost", () =>
      world((w) => Effect.gen(function*() {
        const matching = yield* Matching
        const n = yield* matching.post(w.requester, postOf(w))
        const results = yield* Effect.all(w.volunteers.map((v) => Effect.result(matching.execute(v, n.id, { _tag: "Claim" }))), { concurrency: "unbounded" })
        const won = results.filter((r) => r._tag === "Success")
        const lost = results.flatMap((r) => (r._tag === "Failure" ? [r.failure] : []))
        expect(won).toHaveLength(1)
        expect(lost).toHaveLength(w.volunteers.length - 1)
        for (const e of lost) expect(e).toMatchObject({ _tag: "Conflict", reason: "slots_full" })
        expect(lost[0]!.message).toContain("claim lost")
        const stored = yield* matching.get(w.secretary, n.id)
        expect(stored.assignees).toHaveLength(1)
        expect((yield* events).filter((e) => e.type === "matching.need.claimed")).toHaveLength(1)
        const loads = (yield* volunteersOf(w)).reduce((s, v) => s + v.load, 0)
        expect(loads).toBe(1)
      })))

    it("dispatches the open needs of a subtree optimally, most urgent first, each with its explanation", () =>
      world((w) => Effect.gen(function*() {
        const matching = yield* Matching
        const urgent = yield* matching.post(w.requester, postOf(w, { urgency: "critical", slots: 2 }))
        const normal = yield* matching.post(w.requester, postOf(w, { urgency: "normal", category: "errands", requiredSkills: ["errands"] }))
        const tutoring = yield* matching.post(w.requester, postOf(w, { category: "tutoring", requiredSkills: ["tutoring"] }))
        const plan = yield* matching.dispatch(w.secretary, w.t.communities[0].id, { dryRun: true })
        expect(plan.applied).toBe(false)
        expect((yield* matching.get(w.secretary, urgent.id)).state).toBe("open")
        const report = yield* matching.dispatch(w.secretary, w.t.communities[0].id)
        expect(report.assignments.map((a) => a.needId)).toEqual([urgent.id, urgent.id, normal.id])
        expect(report.unassigned).toEqual([tutoring.id])
        expect(report.total).toBeGreaterThanOrEqual(report.greedyTotal)
        for (const a of report.assignments) expect(a.explanation).toMatch(/score/)
        const after = yield* matching.get(w.secretary, urgent.id)
        expect(after).toMatchObject({ state: "assigned" })
        expect(after.assignees.map((a) => a.via)).toEqual(["dispatch", "dispatch"])
        const ranking = yield* matching.rank(w.secretary, tutoring.id)
        expect(ranking.candidates).toEqual([])
        expect(ranking.rejected["missing_skill"]).toBe(w.volunteers.length)
        const volunteers = yield* volunteersOf(w)
        for (const v of volunteers) expect(v.load).toBeLessThanOrEqual(v.maxConcurrent)
      })))

    it("keeps every volunteer within capacity, every need within its slots, and pays each reward exactly once (property)", () =>
      fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 4 }),
          fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
          fc.array(fc.tuple(fc.constantFrom(...needCommandTags.filter((t) => t !== "Post" && t !== "Expire")), fc.nat(), fc.nat()), { minLength: 5, maxLength: 40 }),
          (capacities, slots, steps) =>
            world((w) => Effect.gen(function*() {
              const matching = yield* Matching
              const needs: Array<Need> = []
              for (const s of slots) needs.push(yield* matching.post(w.requester, postOf(w, { slots: s })))
              for (const [tag, which, who] of steps) {
                const n = yield* matching.get(w.secretary, needs[which % needs.length]!.id)
                const [actor0, command0] = commandFor(w, n, tag as Exclude<NeedCommandTag, "Post">)
                const volunteer = w.volunteers[who % w.volunteers.length]!
                const [actor, command]: readonly [Actor, NeedCommand] = tag === "Claim" ? [volunteer, { _tag: "Claim" }] : [actor0, command0]
                const result = yield* Effect.result(matching.execute(actor, n.id, command))
                if (result._tag === "Failure") expect(["Conflict", "InvalidTransition", "InvalidInput"]).toContain(result.failure._tag)
              }
              const stored = yield* Effect.forEach(needs, (n) => matching.get(w.secretary, n.id))
              const volunteers = yield* volunteersOf(w)
              for (const n of stored) expect(n.assignees.length).toBeLessThanOrEqual(n.slots)
              for (const v of volunteers) {
                expect(v.load).toBeLessThanOrEqual(v.maxConcurrent)
                const working = stored.filter((n) => workingStates.includes(n.state) && n.assignees.some((a) => a.personId === v.personId)).length
                expect(v.load).toBe(working)
              }
              // Rewards: the ledger holds exactly the payments the needs record, once each.
              let paidTotal = 0
              for (const n of stored) {
                const transfers = yield* rewardTransfers(n)
                expect(transfers.map((t) => t.id).sort()).toEqual(n.paid.map((p) => p.transferId).sort())
                if (n.paid.length > 0) expect(n.reward).not.toBeNull()
                paidTotal += n.paid.reduce((s, p) => s + p.points, 0)
              }
              let balances = 0
              for (const v of w.volunteers) balances += yield* balanceOf(w, v.id)
              expect(balances).toBe(paidTotal)
              expect(volunteers.reduce((s, v: Volunteer) => s + v.history.pointsEarned, 0)).toBe(paidTotal)
            }), capacities.concat([2, 2, 2]).slice(0, 6))
        ),
        { numRuns: options.propertyRuns ?? 20 }
      ), 120_000)

    it("keeps the store's contract: duplicate ids, stale versions, subtree listings", () =>
      world((w) => Effect.gen(function*() {
        const matching = yield* Matching
        const store = yield* MatchingStore
        const uow = yield* UnitOfWork
        const a = yield* matching.post(w.requester, postOf(w))
        const b = yield* matching.post(w.t.admin, postOf(w, { nodeId: w.t.units[2].id }))
        const outside = yield* Effect.flip(matching.post(w.requester, postOf(w, { nodeId: w.t.units[2].id })))
        expect(outside._tag).toBe("NotFound")
        const dup = yield* Effect.flip(uow.transaction(store.insertNeed(a)))
        expect(dup).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        const stale = yield* Effect.flip(uow.transaction(store.updateNeed({ ...a, version: 5 }, 3)))
        expect(stale).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        const c1 = yield* store.listNeeds({ scope: [...w.t.communities[0].path, w.t.communities[0].id], limit: 10 })
        expect(c1.items.map((n) => n.id)).toEqual([a.id])
        const all = yield* store.listNeeds({ scope: [w.t.county.id], limit: 1 })
        expect(all.items.map((n) => n.id)).toEqual([a.id < b.id ? a.id : b.id])
        expect(all.next).not.toBeNull()
        const open = yield* store.listNeeds({ scope: [w.t.county.id], states: ["open"], status: "open", category: "repairs", limit: 10 })
        expect(open.items).toHaveLength(2)
        const [v] = yield* store.getVolunteers(["vol-0"])
        const staleV = yield* Effect.flip(uow.transaction(store.saveVolunteer(v!, v!.version + 1)))
        expect(staleV._tag).toBe("Conflict")
        expect(Option.isNone(yield* store.getNeed("need_01JDZ6Y5V6Q2N8W3X4K7H9M0AB" as Need["id"]))).toBe(true)
        const vols = yield* store.listVolunteers({ scope: [...w.t.communities[0].path, w.t.communities[0].id], limit: 4 })
        expect(vols.items.map((x) => x.personId)).toEqual(["vol-0", "vol-1", "vol-2", "vol-3"])
        expect(vols.next).toBe("vol-3")
        const team = yield* matching.createTeam(w.secretary, { name: "红色先锋志愿服务队", leaderId: "vol-0", homeNodeId: w.t.communities[0].id, members: ["vol-1"] })
        expect(yield* store.getTeam(team.id)).toEqual(Option.some(team))
        expect(yield* matching.listTeams(w.t.admin, w.t.county.id)).toEqual([team])
        expect((yield* Effect.flip(matching.listTeams(w.secretary, w.t.county.id)))._tag).toBe("NotFound")
        expect((yield* store.getVolunteers(["vol-1"]))[0]!.teams).toEqual([team.id])
        // A failed unit of work leaves nothing behind.
        yield* Effect.flip(uow.transaction(Effect.gen(function*() {
          yield* store.updateNeed({ ...a, title: "改", version: 2 }, 1)
          return yield* Effect.fail("boom")
        })))
        expect((yield* matching.get(w.secretary, a.id)).title).toBe(a.title)
      })))
  })
}
