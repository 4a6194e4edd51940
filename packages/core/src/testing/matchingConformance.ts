/**
 * The matching storage conformance suite. Every adapter calls
 * {@link matchingStoreConformance} from a vitest file and must pass every case: a need's
 * whole life with its requester's reward held, paid once in shares and never more than held;
 * a reward under an earning rule awarded by the actor who attached it, within the caps; the
 * state machine enumerated pair by pair; separation of duties; concurrent claims on a
 * one-slot need; a batch dispatch; profiles and teams bound to people of the actor's scope;
 * the public boards free of personal data (a property); a property over random command
 * sequences (no volunteer above capacity, no need above its slots, rewards paid exactly
 * once); and the store's own contract.
 *
 * The people are the directory's: volunteers are registered with posts, and each acts as
 * the actor the kernel derives from those posts.
 *
 * @since 0.3.0
 */
import { runnerAt } from "./runner.js"
import { Effect, Layer, Option } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Actor } from "../kernel/actor.js"
import { Identity } from "../kernel/identity.js"
import { IdGenerator, type PersonId } from "../kernel/ids.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Directory } from "../kernel/directory.js"
import { Grid } from "../grid/service.js"
import { GridStore } from "../grid/store.js"
import type { AccountId, TransferId } from "../points/model.js"
import { Points } from "../points/service.js"
import { IdempotencyStore } from "../kernel/idempotency.js"
import { PointsStore } from "../points/store.js"
import { needCommandTags, needTransitions, rewardTransferId, workingStates } from "../matching/machine.js"
import type { Need, NeedCommand, NeedCommandTag, NeedState, PostNeed, Volunteer } from "../matching/model.js"
import { Matching } from "../matching/service.js"
import { MatchingStore } from "../matching/store.js"
import { arbitraryPersonalText } from "./personal.js"

/**
 * The ports a matching store is tested with.
 *
 * @category models
 * @since 0.3.0
 */
export type MatchingStorePorts = MatchingStore | PointsStore | IdempotencyStore | GridStore | Directory | EventLog | UnitOfWork

/**
 * Options of {@link matchingStoreConformance}.
 *
 * @category models
 * @since 0.3.0
 */
export interface MatchingConformanceOptions {
  /** Runs of the random-sequence property tests (default 20). */
  readonly propertyRuns?: number
}

import { actorNow, always, commandFor, type Env, HOUR, pathTo, postOf, REQUESTER_FUNDS, setupWorld, sys, T0, type World } from "./matchingWorld.js"

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
  const run = runnerAt(T0, () =>
    Matching.layer.pipe(
      Layer.provideMerge(Layer.mergeAll(Points.layer, Grid.layer, Identity.layer)),
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(11)))
    )
  )
  const world = <A, E>(f: (w: World) => Effect.Effect<A, E, Env>, capacities?: ReadonlyArray<number>) => run(Effect.flatMap(setupWorld(capacities), f))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))
  const balanceOf = (account: AccountId) => Effect.flatMap(Points, (p) => p.balance(sys, account))
  const postedOf = (w: World, person: string) => Effect.map(balanceOf(w.accounts.get(person)!), (b) => b.posted)
  const rewardTransfers = (n: Need) =>
    Effect.flatMap(PointsStore, (s) => s.getTransfers(Array.from({ length: 10 }, (_, i) => rewardTransferId(n.id, i))))
  const volunteersOf = (w: World) => Effect.flatMap(MatchingStore, (s) => s.getVolunteers(w.volunteers.map((v) => v.id as PersonId)))

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
    it("runs a micro-wish from posting to closure: the requester's reward is held, paid once in shares, and the boards show no personal data", () =>
      world((w) => Effect.gen(function*() {
        const matching = yield* Matching
        const posted = yield* matching.post(w.requester, postOf(w, { title: "欧阳芃翀家的水龙头漏水，电话138 1234 5678" }))
        expect(posted).toMatchObject({ state: "open", status: "open", version: 1, requester: { id: w.requester.id, name: "欧阳芃翀" }, slots: 1, reward: { _tag: "requester", points: 20, held: 20 } })
        expect(yield* balanceOf(w.requesterAccount)).toMatchObject({ posted: REQUESTER_FUNDS, held: 20 })
        const board = yield* matching.wishBoard(w.t.communities[0].id)
        expect(board.items.map((c) => [c.id, c.requester])).toEqual([[posted.id, "欧***"]])
        expect(board.items[0]!.title).toBe("欧***家的水龙头漏水，电话*** **** ****")
        expect(JSON.stringify(board)).not.toContain("欧阳芃翀")
        const vol = w.volunteers[1]!
        const claimBoard = yield* matching.claimBoard(vol)
        expect(claimBoard[0]).toMatchObject({ card: { id: posted.id }, eligible: true })
        expect(JSON.stringify(claimBoard)).not.toContain("欧阳芃翀")
        let n = yield* matching.execute(vol, posted.id, { _tag: "Claim" })
        expect(n).toMatchObject({ state: "claimed", assignees: [{ personId: vol.id, via: "claim" }], respondedAt: new Date(T0).toISOString() })
        n = yield* matching.execute(vol, n.id, { _tag: "LogVisit", note: "敲门：水龙头老化" })
        expect(n.state).toBe("visiting")
        n = yield* matching.execute(vol, n.id, { _tag: "ReportDone", note: "已更换" })
        expect(n).toMatchObject({ state: "done", status: "open" })
        const [loaded] = yield* Effect.flatMap(MatchingStore, (s) => s.getVolunteers([vol.id as PersonId]))
        expect(loaded!.load).toBe(0)
        n = yield* matching.execute(w.requester, n.id, { _tag: "Confirm", rating: 5, comment: "谢谢" })
        expect(n).toMatchObject({ state: "confirmed", status: "closed", confirmation: { rating: 5 }, paid: [{ personId: vol.id, points: 20, transferId: rewardTransferId(n.id, 0) }] })
        expect(yield* postedOf(w, vol.id)).toBe(20)
        expect(yield* balanceOf(w.requesterAccount)).toMatchObject({ posted: REQUESTER_FUNDS - 20, held: 0 })
        // Paid by the holder's own consent: the transfer records the requester, never the system.
        const [transfer] = yield* rewardTransfers(n)
        expect(transfer).toMatchObject({ code: "reward", debitAccountId: w.requesterAccount, actorId: w.requester.id })
        // A retried confirmation changes nothing: no second payment, no event.
        const before = (yield* events).length
        const again = yield* matching.execute(w.requester, n.id, { _tag: "Confirm", rating: 5, comment: "谢谢" })
        expect(again).toEqual(n)
        expect((yield* events).length).toBe(before)
        expect(yield* postedOf(w, vol.id)).toBe(20)
        expect(yield* rewardTransfers(n)).toHaveLength(1)
        const [after] = yield* Effect.flatMap(MatchingStore, (s) => s.getVolunteers([vol.id as PersonId]))
        expect(after!.history).toMatchObject({ completed: 1, ratingSum: 5, ratingCount: 1, pointsEarned: 20 })
        n = yield* matching.execute(w.secretary, n.id, { _tag: "Close" })
        expect(n).toMatchObject({ state: "closed", version: 6 })
        const log = (yield* events).filter((e) => e.aggregateId === n.id)
        expect(log.map((e) => e.type)).toEqual([
          "matching.need.posted", "matching.need.claimed", "matching.need.visit_logged", "matching.need.done_reported", "matching.need.confirmed", "matching.need.closed"
        ])
        const all = JSON.stringify(yield* events)
        expect(all).not.toContain("欧阳芃翀")
        expect(all).not.toContain("1234")
        expect((yield* events).filter((e) => e.type === "points.hold.paid")).toHaveLength(1)
      })))

    it("awards a reward under an earning rule as the actor who attached it, within the caps, and releases a requester's reward on cancellation", () =>
      world((w) => Effect.gen(function*() {
        const matching = yield* Matching
        const points = yield* Points
        // A volunteer may not attach a reward from the issuer; the secretary may, under a rule.
        const refused = yield* Effect.flip(matching.post(w.volunteers[0]!, postOf(w, { reward: { fromAccountId: w.issuer, points: 10_000 } })))
        expect(["NotFound", "Forbidden"]).toContain(refused._tag)
        const above = yield* Effect.flip(matching.post(w.secretary, postOf(w, { requester: w.requester.id as PersonId, reward: { points: 10_000 } })))
        expect(above).toMatchObject({ _tag: "InvalidInput" })
        const n0 = yield* matching.post(w.secretary, postOf(w, { requester: w.requester.id as PersonId, slots: 2, reward: { category: "micro_wish" } }))
        expect(n0.reward).toEqual({ _tag: "issuer", category: "micro_wish", quantity: 1, points: 20, awardedBy: w.secretary.id })
        // Its awarder does not work on it.
        expect(yield* Effect.flip(matching.execute(w.secretary, n0.id, { _tag: "Claim" }))).toMatchObject({ _tag: "Conflict", reason: "awarder_cannot_work" })
        const [v1, v2] = [w.volunteers[1]!, w.volunteers[2]!]
        // v2 has already earned 50 of the 60 micro-wish points a day.
        yield* points.award(w.t.gridWorker, { transferId: "cap-1" as TransferId, accountId: w.accounts.get(v2.id)!, category: "micro_wish", quantity: 2 })
        yield* points.award(w.t.gridWorker, { transferId: "cap-2" as TransferId, accountId: w.accounts.get(v2.id)!, category: "door_knock", quantity: 2 })
        for (const v of [v1, v2]) yield* matching.execute(v, n0.id, { _tag: "Claim" })
        yield* matching.execute(v1, n0.id, { _tag: "ReportDone" })
        // Whoever did the work does not confirm it.
        expect((yield* Effect.flip(matching.execute(v1, n0.id, { _tag: "Confirm", rating: 5 })))._tag).toBe("Forbidden")
        const n = yield* matching.execute(w.requester, n0.id, { _tag: "Confirm", rating: 4 })
        expect(n.paid.map((p) => [p.personId, p.points])).toEqual([[v1.id, 20], [v2.id, 20]])
        const transfers = yield* rewardTransfers(n)
        expect(transfers.map((t) => [t.code, t.category, t.actorId, t.debitAccountId])).toEqual([["earn", "micro_wish", w.secretary.id, w.issuer], ["earn", "micro_wish", w.secretary.id, w.issuer]])
        expect(yield* postedOf(w, v2.id)).toBe(70)
        // The next one: v2 has no room left today, v1 has 40.
        const m0 = yield* matching.post(w.secretary, postOf(w, { requester: w.requester.id as PersonId, slots: 2, reward: { category: "micro_wish", quantity: 2 } }))
        for (const v of [v1, v2]) yield* matching.execute(v, m0.id, { _tag: "Claim" })
        yield* matching.execute(v1, m0.id, { _tag: "ReportDone" })
        const m = yield* matching.execute(w.requester, m0.id, { _tag: "Confirm", rating: 5 })
        expect(m.paid.map((p) => [p.personId, p.points])).toEqual([[v1.id, 40]])
        // A requester's reward comes back when the need is cancelled.
        const c = yield* matching.post(w.requester, postOf(w, { slots: 3 }))
        expect(yield* balanceOf(w.requesterAccount)).toMatchObject({ held: 60 })
        yield* matching.execute(w.requester, c.id, { _tag: "Cancel", reason: "不需要了" })
        expect(yield* balanceOf(w.requesterAccount)).toMatchObject({ posted: REQUESTER_FUNDS, held: 0 })
        // From another resident's account, or another street's: refused, nothing held.
        const other = yield* Effect.flip(matching.post(w.t.actors.resident, postOf(w, { reward: { fromAccountId: w.requesterAccount, points: 20 } })))
        expect(["NotFound", "Forbidden"]).toContain(other._tag)
        expect(yield* balanceOf(w.requesterAccount)).toMatchObject({ held: 0 })
      })))

    it("allows exactly the (state, command) pairs of the transition table", () =>
      world((w) => Effect.gen(function*() {
        const matching = yield* Matching
        const states = Object.keys(pathTo) as Array<NeedState>
        for (const state of states) {
          for (const tag of needCommandTags) {
            if (tag === "Post") continue
            const n = yield* needAt(w, state, postOf(w, { slots: 2, reward: null, dueAt: new Date((yield* nowMs) + 48 * HOUR).toISOString() }))
            expect(n.state).toBe(state)
            if (tag === "Expire") yield* TestClock.adjust(49 * HOUR)
            // A grid worker's confirmation, so that a confirmed need is not an identical retry.
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

    it("keeps duties apart: no one works on their own need, and whoever did the work does not confirm it", () =>
      world((w) => Effect.gen(function*() {
        const matching = yield* Matching
        const grid = yield* Grid
        // A volunteer asks for help for herself: she may not claim it, nor be assigned it.
        const v0 = w.volunteers[0]!
        const own = yield* matching.post(v0, postOf(w, { reward: null }))
        expect(yield* Effect.flip(matching.execute(v0, own.id, { _tag: "Claim" }))).toMatchObject({ _tag: "Conflict", reason: "requester_cannot_work" })
        expect(yield* Effect.flip(matching.execute(w.secretary, own.id, { _tag: "Assign", personIds: [v0.id as PersonId] }))).toMatchObject({ reason: "requester_cannot_work" })
        expect((yield* matching.claimBoard(v0)).find((i) => i.card.id === own.id)).toMatchObject({ eligible: false, reason: "own_need" })
        // A grid worker who claimed and did the work may not confirm it, though dispatchers may confirm.
        const p = yield* grid.createPerson(sys, { nodeId: w.t.communities[0].id, code: "WK9", name: "钱网格" })
        yield* grid.assignRole(sys, { personId: p.id, nodeId: w.t.grids[0].id, role: "grid_worker", startDate: "2026-01-01" })
        yield* matching.saveVolunteer(sys, { personId: p.id, homeNodeId: w.t.grids[0].id, skills: [{ skill: "repairs", level: 3 }], availability: always, maxConcurrent: 3 })
        const worker = yield* actorNow(p.id)
        const n = yield* matching.post(w.requester, postOf(w))
        yield* matching.execute(worker, n.id, { _tag: "Claim" })
        yield* matching.execute(worker, n.id, { _tag: "ReportDone" })
        expect((yield* Effect.flip(matching.execute(worker, n.id, { _tag: "Confirm", rating: 5 })))._tag).toBe("Forbidden")
        expect((yield* matching.execute(w.t.gridWorker, n.id, { _tag: "Confirm", rating: 5 })).state).toBe("confirmed")
      })))

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

    it("binds profiles and teams to people of the actor's scope: no takeover, no member from outside, no write for an unchanged profile", () =>
      world((w) => Effect.gen(function*() {
        const matching = yield* Matching
        const grid = yield* Grid
        const t = w.t
        // A volunteer of the other street, and one of another county.
        const far = yield* grid.createPerson(sys, { nodeId: t.communities[1].id, code: "FAR1", name: "蒋志愿" })
        const body = { personId: far.id, homeNodeId: t.communities[1].id, skills: [], availability: always, maxConcurrent: 2 }
        yield* matching.saveVolunteer(sys, body)
        const taken = yield* Effect.flip(matching.saveVolunteer(w.secretary, { ...body, homeNodeId: t.grids[0].id }))
        expect(taken._tag).toBe("NotFound")
        const other = yield* grid.createCounty(sys, { code: "370899", name: "邻县" })
        const farther = yield* grid.createPerson(sys, { nodeId: other.id, code: "FAR2", name: "韩志愿" })
        yield* matching.saveVolunteer(sys, { ...body, personId: farther.id, homeNodeId: other.id })
        expect((yield* Effect.flip(matching.saveVolunteer(w.secretary, { ...body, personId: farther.id, homeNodeId: t.grids[0].id })))._tag).toBe("NotFound")
        expect((yield* matching.getVolunteer(sys, farther.id)).homeNodeId).toBe(other.id)
        // A profile whose current home is outside the actor's scope cannot be moved in, even for a person in scope.
        const local = yield* grid.createPerson(sys, { nodeId: t.communities[0].id, code: "LOC1", name: "杨志愿" })
        yield* matching.saveVolunteer(sys, { ...body, personId: local.id, homeNodeId: t.communities[1].id })
        expect((yield* Effect.flip(matching.saveVolunteer(w.secretary, { ...body, personId: local.id, homeNodeId: t.grids[0].id })))._tag).toBe("NotFound")
        // Someone else's account is not a volunteer's account.
        const stolen = yield* Effect.flip(matching.saveVolunteer(sys, { personId: local.id, homeNodeId: t.grids[0].id, skills: [], availability: always, maxConcurrent: 2, accountId: w.requesterAccount }))
        expect(stolen._tag).toBe("InvalidInput")
        // Teams: every member in scope, their profiles too.
        const team = yield* Effect.flip(matching.createTeam(w.secretary, { name: "红色先锋队", leaderId: w.volunteers[0]!.id as PersonId, homeNodeId: t.communities[0].id, members: [far.id] }))
        expect(team._tag).toBe("NotFound")
        expect((yield* matching.getVolunteer(sys, far.id)).teams).toEqual([])
        // Saving a profile unchanged writes nothing.
        const [v0] = yield* volunteersOf(w)
        const before = (yield* events).length
        const same = yield* matching.saveVolunteer(w.secretary, { personId: v0!.personId, homeNodeId: v0!.homeNodeId, skills: v0!.skills, availability: v0!.availability, maxConcurrent: v0!.maxConcurrent })
        expect(same.version).toBe(v0!.version)
        expect((yield* events).length).toBe(before)
        // The volunteer themself may change their own profile.
        const self = yield* matching.saveVolunteer(w.volunteers[0]!, { personId: v0!.personId, homeNodeId: v0!.homeNodeId, skills: v0!.skills, availability: v0!.availability, maxConcurrent: 5 })
        expect(self).toMatchObject({ maxConcurrent: 5, version: v0!.version + 1, name: v0!.name })
      })))

    it("keeps personal data off the wish board, the claim board and the leaderboard, whatever is typed (property)", () =>
      fc.assert(
        fc.asyncProperty(arbitraryPersonalText, arbitraryPersonalText, (a, b) =>
          run(Effect.gen(function*() {
            const matching = yield* Matching
            const points = yield* Points
            const grid = yield* Grid
            const w = yield* setupWorld([2, 2])
            // Two residents with the generated names live in the community: one asks, one is named in the text.
            const unit = w.t.units[0]
            const hh = yield* grid.createHousehold(sys, { nodeId: unit.id, code: "901", residents: [{ name: a.name, phone: a.phone, idCardNumber: null, relation: "head" }] })
            const asker = yield* grid.createPerson(sys, { nodeId: unit.id, code: "ASK1", name: a.name, householdId: hh.id })
            yield* grid.createHousehold(sys, { nodeId: unit.id, code: "902", residents: [{ name: b.name, phone: b.phone, idCardNumber: null, relation: "head" }] })
            const requester = yield* actorNow(asker.id)
            const title = Array.from(`${a.text}${b.text}`).slice(0, 100).join("").trim()
            const n = yield* matching.post(requester, postOf(w, { title, description: `${b.text}\n${a.text}`, reward: null }))
            const v = w.volunteers[0]!
            yield* matching.execute(v, n.id, { _tag: "Claim" })
            yield* matching.execute(v, n.id, { _tag: "LogVisit", note: b.text })
            yield* matching.execute(v, n.id, { _tag: "ReportDone", note: a.text })
            yield* points.award(w.t.gridWorker, { transferId: "lb" as TransferId, accountId: w.accounts.get(v.id)!, category: "micro_wish", memo: a.text })
            const open = yield* matching.post(requester, postOf(w, { title: Array.from(b.text).slice(0, 100).join("").trim(), reward: null }))
            const wishes = yield* matching.wishBoard(w.t.communities[0].id)
            const claims = yield* matching.claimBoard(w.volunteers[1]!)
            const boards = [yield* points.leaderboard(w.t.actors.resident, w.t.communities[0].id), yield* points.leaderboard(w.t.admin, w.t.county.id)]
            expect(wishes.items.map((c) => c.id)).toContain(open.id)
            expect(claims.map((c) => c.card.id)).toContain(open.id)
            expect(boards[0]!.entries.length).toBeGreaterThan(0)
            // Every text the public views show.
            const texts = [
              ...wishes.items.flatMap((c) => [c.title, c.requester]),
              ...claims.flatMap((c) => [c.card.title, c.card.requester]),
              ...boards.flatMap((board) => board.entries.map((e) => e.name))
            ]
            const seen = texts.join("\n")
            for (const name of [a.name, b.name, "欧阳芃翀", ...w.volunteers.map((x) => x.name)]) expect(seen).not.toContain(name)
            // No run of 7 digits or more survives, however it was spelled.
            const digits = seen.replace(/\p{Nd}/gu, (d) => String(Number.parseInt(d.normalize("NFKC"), 10)))
            expect(digits).not.toMatch(/\d(?:[\s\p{P}\p{S}]*\d){6}/u)
            for (const x of [a.phone, b.phone, a.idCard, b.idCard]) expect(seen).not.toContain(x)
            // Account ids are for those who read points there.
            expect(boards[0]!.entries.every((e) => e.accountId === null)).toBe(true)
          })).then(() => true)
        ),
        { numRuns: Math.max(5, Math.floor((options.propertyRuns ?? 20) / 2)) }
      ), 120_000)

    // Commands that succeeded over the whole run, by tag: a run where every one fails proves nothing.
    const succeeded = new Map<string, number>()
    it("keeps every volunteer within capacity, every need within its slots, pays each reward exactly once and never above what was held (property)", () =>
      fc.assert(
        fc.asyncProperty(
          fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 4 }),
          fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
          // Weighted towards the path to a paid confirmation (claim, report done, confirm).
          fc.array(fc.tuple(fc.oneof(
            ...needCommandTags.filter((t) => t !== "Post" && t !== "Expire" && t !== "AttachReward").map((t) => ({
              arbitrary: fc.constant(t),
              weight: t === "Claim" || t === "ReportDone" || t === "Confirm" ? 5 : 1
            }))
          ), fc.nat(), fc.nat()), { minLength: 20, maxLength: 60 }),
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
                if (result._tag === "Failure") expect(["Conflict", "InvalidTransition", "InvalidInput", "Forbidden"]).toContain(result.failure._tag)
                else succeeded.set(tag, (succeeded.get(tag) ?? 0) + 1)
              }
              const stored = yield* Effect.forEach(needs, (n) => matching.get(w.secretary, n.id))
              const volunteers = yield* volunteersOf(w)
              for (const n of stored) expect(n.assignees.length).toBeLessThanOrEqual(n.slots)
              for (const v of volunteers) {
                expect(v.load).toBeLessThanOrEqual(v.maxConcurrent)
                const working = stored.filter((n) => workingStates.includes(n.state) && n.assignees.some((a) => a.personId === v.personId)).length
                expect(v.load).toBe(working)
              }
              // Rewards: the ledger holds exactly the payments the needs record, once each, from the requester's account only.
              let paidTotal = 0
              let heldTotal = 0
              for (const n of stored) {
                const transfers = yield* rewardTransfers(n)
                expect(transfers.map((t) => t.id).sort()).toEqual(n.paid.map((p) => p.transferId).sort())
                for (const t of transfers) expect(t.debitAccountId).toBe(w.requesterAccount)
                const paid = n.paid.reduce((s, p) => s + p.points, 0)
                if (n.reward?._tag === "requester") expect(paid).toBeLessThanOrEqual(n.reward.held)
                paidTotal += paid
                // Still held: a reward not paid nor released.
                if (n.paid.length === 0 && !["confirmed", "closed", "cancelled", "expired"].includes(n.state) && n.reward?._tag === "requester") heldTotal += n.reward.held
              }
              let balances = 0
              for (const v of w.volunteers) balances += yield* postedOf(w, v.id)
              expect(balances).toBe(paidTotal)
              expect(volunteers.reduce((s, v: Volunteer) => s + v.history.pointsEarned, 0)).toBe(paidTotal)
              expect(yield* balanceOf(w.requesterAccount)).toMatchObject({ posted: REQUESTER_FUNDS - paidTotal, held: heldTotal })
            }), capacities.concat([2, 2, 2]).slice(0, 6))
        ),
        { numRuns: options.propertyRuns ?? 20 }
      ).then(() => {
        for (const tag of ["Claim", "ReportDone", "Confirm"]) expect(succeeded.get(tag) ?? 0, `commands that succeeded: ${JSON.stringify(Object.fromEntries(succeeded))}`).toBeGreaterThan(0)
      }), 180_000)

    it("keeps the store's contract: duplicate ids, stale versions, subtree listings", () =>
      world((w) => Effect.gen(function*() {
        const matching = yield* Matching
        const store = yield* MatchingStore
        const uow = yield* UnitOfWork
        const a = yield* matching.post(w.requester, postOf(w))
        const b = yield* matching.post(w.t.admin, postOf(w, { nodeId: w.t.units[2].id, requester: w.t.people.resident2.id, reward: null }))
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
        const ids = [...w.volunteers.map((v) => v.id)].sort() as Array<PersonId>
        const [v] = yield* store.getVolunteers([ids[0]!])
        const staleV = yield* Effect.flip(uow.transaction(store.saveVolunteer(v!, v!.version + 1)))
        expect(staleV._tag).toBe("Conflict")
        expect(Option.isNone(yield* store.getNeed("need_01JDZ6Y5V6Q2N8W3X4K7H9M0AB" as Need["id"]))).toBe(true)
        const vols = yield* store.listVolunteers({ scope: [...w.t.communities[0].path, w.t.communities[0].id], limit: 4 })
        expect(vols.items.map((x) => x.personId)).toEqual(ids.slice(0, 4))
        expect(vols.next).toBe(ids[3])
        // Work is recorded without a new version: loads and histories are derived.
        yield* uow.transaction(store.recordWork([{ personId: ids[0]!, loadDelta: 1, assignedAt: new Date(T0).toISOString(), completed: null }], new Date(T0).toISOString()))
        const [worked] = yield* store.getVolunteers([ids[0]!])
        expect(worked).toMatchObject({ load: v!.load + 1, version: v!.version })
        const team = yield* matching.createTeam(w.secretary, { name: "红色先锋志愿服务队", leaderId: ids[0]!, homeNodeId: w.t.communities[0].id, members: [ids[1]!] })
        expect(yield* store.getTeam(team.id)).toEqual(Option.some(team))
        expect(yield* matching.listTeams(w.t.admin, w.t.county.id)).toEqual([team])
        expect((yield* Effect.flip(matching.listTeams(w.secretary, w.t.county.id)))._tag).toBe("NotFound")
        expect((yield* store.getVolunteers([ids[1]!]))[0]!.teams).toEqual([team.id])
        // A failed unit of work leaves nothing behind.
        yield* Effect.flip(uow.transaction(Effect.gen(function*() {
          yield* store.updateNeed({ ...a, title: "改", version: 2 }, 1)
          return yield* Effect.fail("boom")
        })))
        expect((yield* matching.get(w.secretary, a.id)).title).toBe(a.title)
      })))
  })
}
