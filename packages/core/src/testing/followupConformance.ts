/**
 * The follow-up storage conformance suite (回访): a store passes it when, with the
 * follow-up's reaction on its event log and a test clock moved through weeks, finished work
 * is asked to be rated once, an unrated request lapses once as not rated, the questionnaire
 * goes out once and "not solved" reopens the work; and when its port keeps the contract
 * (versions, the sweep's due list, who is waited for, statistics, rollback).
 *
 * @since 0.5.0
 */
import { Effect, Option } from "effect"
import { describe, expect, it } from "vitest"
import type { Directory } from "../kernel/directory.js"
import type { IdempotencyStore } from "../kernel/idempotency.js"
import type { GridNodeId } from "../kernel/ids.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import type { GridStore } from "../grid/store.js"
import type { DeliberationStore } from "../deliberation/store.js"
import type { MatchingStore } from "../matching/store.js"
import { Matching } from "../matching/service.js"
import type { MediationStore } from "../mediation/store.js"
import { Mediation } from "../mediation/service.js"
import type { PointsStore } from "../points/store.js"
import { Deliberation } from "../deliberation/service.js"
import type { FollowUpRecord, Subject } from "../followup/model.js"
import { questionnaireIdOf } from "../followup/rules.js"
import { FollowUp } from "../followup/service.js"
import { FollowUpStore } from "../followup/store.js"
import { actorNow, caseResolved, days, type Env, eventsOf, followUpRunner, itemReported, type LoopWorld, needDone, otherCounty, setupLoop, sys } from "./followupWorld.js"

/**
 * The ports the follow-up suite needs: the follow-up store and every store of the work it
 * follows up (needs pay rewards through the ledger).
 *
 * @category conformance
 * @since 0.5.0
 */
export type FollowUpStorePorts = FollowUpStore | GridStore | Directory | EventLog | UnitOfWork | PointsStore | IdempotencyStore | MatchingStore | MediationStore | DeliberationStore

const only = <A>(xs: ReadonlyArray<A>): A => {
  expect(xs).toHaveLength(1)
  return xs[0]!
}

const forSubject = (subject: Subject, id: string) => Effect.flatMap(FollowUpStore, (s) => s.forSubject(subject, id))

/** The state of the work followed up, read through its own context. */
const stateOf = (w: LoopWorld, subject: Subject, id: string) =>
  subject === "matching.need"
    ? Effect.map(Effect.flatMap(Matching, (m) => m.get(sys, id as never)), (n) => n.state as string)
    : subject === "mediation.case"
    ? Effect.map(Effect.flatMap(Mediation, (m) => m.get(sys, id as never)), (c) => c.state as string)
    : Effect.map(Effect.flatMap(Deliberation, (d) => d.get(w.t.actors.secretary, id as never)), (i) => i.state as string)

/** A need done, and the follow-up it asked for, with the ports to write more. */
const oneNeedAsked = Effect.gen(function*() {
  const w = yield* setupLoop
  const store = yield* FollowUpStore
  const uow = yield* UnitOfWork
  const n = yield* needDone(w)
  return { w, n, store, uow, f: only(yield* store.forSubject("matching.need", n.id)) }
})

/**
 * Registers the follow-up conformance cases for a store. `makeLayer` must build a fresh,
 * empty store each time it is called.
 *
 * @category conformance
 * @since 0.5.0
 */
export const followUpStoreConformance = (name: string, makeLayer: () => import("effect").Layer.Layer<FollowUpStorePorts, unknown>): void => {
  const run = followUpRunner(makeLayer)

  describe(`${name}: follow-up store conformance`, () => {
    /** Finishes the work, and walks the loop through weeks: asked → lapsed (not rated) → questionnaire → not solved. */
    const loop = (subject: Subject, finish: (w: LoopWorld) => Effect.Effect<{ readonly id: string; readonly state: string }, unknown, Env>, reopenedTo: string | null) =>
      run(Effect.gen(function*() {
        const w = yield* setupLoop
        const followUp = yield* FollowUp
        const work = yield* finish(w)
        const asked = only(yield* forSubject(subject, work.id))
        expect(asked).toMatchObject({ subject, subjectId: work.id, rating: "asked", requestedOn: "2026-06-01", dueDate: "2026-06-08", questionnaireOn: "2026-06-29" })
        expect(only(yield* eventsOf("followup.rating.requested")).payload).toEqual({ subject, subjectId: work.id, personIds: asked.personIds, dueDate: "2026-06-08" })
        const person = asked.personIds[0]!
        const mine = yield* followUp.mine(yield* actorNow(person))
        expect(mine.map((m) => [m.id, m.rating?.dueDate, m.questionnaire])).toEqual([[asked.id, "2026-06-08", null]])

        // The last day to rate is still open; the day after, it lapses, once, as not rated.
        yield* days(7)
        expect(yield* followUp.sweep(w.t.county.id)).toEqual({ processed: 0, changed: 0 })
        yield* days(1)
        expect(yield* followUp.sweep(w.t.county.id)).toEqual({ processed: 1, changed: 1 })
        expect(yield* followUp.sweep(w.t.county.id)).toEqual({ processed: 0, changed: 0 })
        expect(only(yield* eventsOf("followup.rating.lapsed")).payload).toEqual({ subject, subjectId: work.id, personIds: asked.personIds })
        const lapsed = yield* followUp.statistics(w.t.admin, w.t.county.id)
        expect(lapsed).toMatchObject({ asked: asked.personIds.length, rated: 0, lapsed: asked.personIds.length, satisfied: 0, satisfactionRate: 0, ratedRate: 0 })

        // Four weeks after the work was finished: the questionnaire, once.
        yield* days(19)
        expect(yield* followUp.sweep(w.t.county.id)).toEqual({ processed: 0, changed: 0 })
        yield* days(1)
        expect((yield* followUp.sweep(w.t.county.id)).changed).toBe(1)
        expect((yield* followUp.sweep(w.t.county.id)).changed).toBe(0)
        const sent = only(yield* eventsOf("followup.questionnaire.sent"))
        expect(sent.payload).toEqual({ subject, subjectId: work.id, personIds: asked.personIds, questionnaireId: questionnaireIdOf(asked.id) })
        const waiting = only(yield* followUp.mine(yield* actorNow(person)))
        expect(waiting.rating).toBeNull()
        expect(waiting.questionnaire?.id).toBe(questionnaireIdOf(asked.id))

        // "Not solved" reopens the work through its own context.
        const answered = yield* followUp.answer(yield* actorNow(person), questionnaireIdOf(asked.id), { solved: false, comment: "还是不行，电话 139 1234 5678" })
        const reopened = reopenedTo !== null
        expect(answered).toEqual({ questionnaireId: questionnaireIdOf(asked.id), subject, subjectId: work.id, solved: false, reopened })
        expect(yield* stateOf(w, subject, work.id)).toBe(reopenedTo ?? work.state)
        const answer = only(yield* eventsOf("followup.questionnaire.answered"))
        expect(answer.payload).toEqual({ subject, subjectId: work.id, solved: false, reopened })
        expect(JSON.stringify(answer.payload)).not.toContain("139")
        expect(yield* followUp.mine(yield* actorNow(person))).toEqual([])
        const stats = yield* followUp.statistics(w.t.admin, w.t.county.id)
        expect(stats).toMatchObject({ followUps: 1, questionnairesSent: asked.personIds.length, answered: 1, solved: 0, notSolved: 1, reopened: reopened ? 1 : 0, satisfactionRate: 0 })
        // Later sweeps find nothing more to do.
        yield* days(30)
        expect(yield* followUp.sweep(w.t.county.id)).toEqual({ processed: 0, changed: 0 })
      }))

    it("a need done: the requester is asked, lapses unrated, gets the questionnaire, and 'not solved' reopens the need", () =>
      loop("matching.need", needDone, "open"))

    it("a case resolved: the parties who are people are asked, and 'not solved' reopens the case", () =>
      loop("mediation.case", caseResolved, "accepted"))

    // The raiser's "not solved" reopens the item whatever its rating: here it lapsed unrated.
    it("an item reported back: the raiser is asked, lapses unrated, gets the questionnaire, and 'not solved' reopens the item", () =>
      loop("deliberation.item", itemReported, "in_progress"))

    it("an item rated poorly by its raiser: the questionnaire's 'not solved' reopens it", () =>
      run(Effect.gen(function*() {
        const w = yield* setupLoop
        const followUp = yield* FollowUp
        const item = yield* itemReported(w)
        yield* (yield* Deliberation).rate(w.t.actors.resident, item.id, { score: 1 })
        yield* days(28)
        expect((yield* followUp.sweep(w.t.county.id)).changed).toBe(1)
        const f = only(yield* forSubject("deliberation.item", item.id))
        expect(f).toMatchObject({ rating: "rated", questionnaire: "sent", lapsed: [] })
        expect(yield* followUp.answer(w.t.actors.resident, questionnaireIdOf(f.id), { solved: false })).toMatchObject({ reopened: true })
        expect(yield* stateOf(w, "deliberation.item", item.id)).toBe("in_progress")
      })))

    it("an item rated well by its raiser and closed: the questionnaire's 'not solved' still reopens it, as the system", () =>
      run(Effect.gen(function*() {
        const w = yield* setupLoop
        const followUp = yield* FollowUp
        const deliberation = yield* Deliberation
        const item = yield* itemReported(w)
        yield* deliberation.rate(w.t.actors.resident, item.id, { score: 5 })
        yield* deliberation.execute(w.t.admin, item.id, { _tag: "Close" })
        // Nobody acting themself reopens an item as not solved: it is the follow-up's, run by the system.
        expect((yield* Effect.flip(deliberation.reopenNotSolved(w.t.admin, item.id, { personId: w.t.people.resident.id, reason: "x" })))._tag).toBe("Forbidden")
        yield* days(28)
        expect((yield* followUp.sweep(w.t.county.id)).changed).toBe(1)
        const f = only(yield* forSubject("deliberation.item", item.id))
        expect(yield* followUp.answer(w.t.actors.resident, questionnaireIdOf(f.id), { solved: false })).toMatchObject({ reopened: true })
        expect(yield* stateOf(w, "deliberation.item", item.id)).toBe("in_progress")
        const reopened = (yield* eventsOf("deliberation.item.reopened")).filter((e) => e.aggregateId === item.id)
        expect(reopened.map((e) => e.actor.kind)).toEqual(["system"])
      })))

    it("a rating given marks the request rated: nothing lapses, and satisfaction counts it", () =>
      run(Effect.gen(function*() {
        const w = yield* setupLoop
        const followUp = yield* FollowUp
        const n = yield* needDone(w)
        yield* days(2)
        yield* (yield* Matching).execute(w.requester, n.id, { _tag: "Confirm", rating: 5 })
        const f = only(yield* forSubject("matching.need", n.id))
        expect(f.rating).toBe("rated")
        yield* days(10)
        expect((yield* followUp.sweep(w.t.county.id)).changed).toBe(0)
        expect(yield* eventsOf("followup.rating.lapsed")).toEqual([])
        expect(yield* followUp.statistics(w.t.admin, w.t.county.id)).toMatchObject({ asked: 1, rated: 1, satisfied: 1, lapsed: 0, satisfactionRate: 1 })
      })))

    it("a case's ratings mark the parties who are people; an item rated by its raiser is rated", () =>
      run(Effect.gen(function*() {
        const w = yield* setupLoop
        const mediation = yield* Mediation
        const c = yield* caseResolved(w)
        yield* mediation.execute(sys, c.id, { _tag: "Disclose" })
        const disclosed = yield* mediation.get(sys, c.id)
        yield* mediation.execute(sys, c.id, { _tag: "Rate", ratings: disclosed.parties.map((_, party) => ({ party, rating: "unsatisfied" as const })) })
        expect(only(yield* forSubject("mediation.case", c.id))).toMatchObject({ rating: "rated", ratings: [{ personId: w.t.people.resident.id, satisfied: false }] })
        const item = yield* itemReported(w)
        yield* (yield* Deliberation).rate(w.t.actors.resident, item.id, { score: 2 })
        expect(only(yield* forSubject("deliberation.item", item.id))).toMatchObject({ rating: "rated", ratings: [{ personId: w.t.people.resident.id, satisfied: false }] })
        const stats = yield* (yield* FollowUp).statistics(w.t.admin, w.t.county.id)
        expect(stats).toMatchObject({ followUps: 2, asked: 2, rated: 2, satisfied: 0, satisfactionRate: 0 })
      })))

    it("an item rated on the raiser's behalf is found by the sweep instead of lapsing", () =>
      run(Effect.gen(function*() {
        const w = yield* setupLoop
        const item = yield* itemReported(w)
        yield* (yield* Deliberation).rate(w.t.actors.secretary, item.id, { score: 5, personId: w.t.people.resident.id })
        yield* days(8)
        yield* (yield* FollowUp).sweep(w.t.county.id)
        expect(only(yield* forSubject("deliberation.item", item.id))).toMatchObject({ rating: "rated", lapsed: [] })
      })))

    it("remind_once: reminded once after the last day, then lapsed after the same days again", () =>
      run(Effect.gen(function*() {
        const w = yield* setupLoop
        const followUp = yield* FollowUp
        const config = yield* followUp.configure(w.t.admin, w.t.county.id, { lapseRule: "remind_once", ratingDays: 3 })
        expect(config).toMatchObject({ ratingDays: 3, lapseRule: "remind_once", questionnaireWeeks: 4, version: 1 })
        const n = yield* needDone(w)
        yield* days(4)
        yield* followUp.sweep(w.t.county.id)
        yield* followUp.sweep(w.t.county.id)
        expect(only(yield* eventsOf("followup.rating.reminded")).payload).toMatchObject({ subjectId: n.id, dueDate: "2026-06-07" })
        expect(yield* eventsOf("followup.rating.lapsed")).toEqual([])
        yield* days(3)
        yield* followUp.sweep(w.t.county.id)
        yield* followUp.sweep(w.t.county.id)
        expect(only(yield* eventsOf("followup.rating.lapsed")).payload).toMatchObject({ subjectId: n.id })
      })))

    it("only the person asked answers, once, and only once the questionnaire is out", () =>
      run(Effect.gen(function*() {
        const w = yield* setupLoop
        const followUp = yield* FollowUp
        const n = yield* needDone(w)
        const f = only(yield* forSubject("matching.need", n.id))
        const q = questionnaireIdOf(f.id)
        const early = yield* Effect.flip(followUp.answer(w.requester, q, { solved: true }))
        expect(early._tag).toBe("InvalidTransition")
        yield* days(28)
        yield* followUp.sweep(w.t.county.id)
        const t2 = yield* otherCounty
        const refusals = []
        for (const actor of [w.t.actors.resident, w.t.actors.worker2, w.t.actors.secretary2, t2.admin, t2.actors.resident]) {
          refusals.push((yield* Effect.flip(followUp.answer(actor, q, { solved: false })))._tag)
        }
        expect(refusals).toEqual(["NotFound", "NotFound", "NotFound", "NotFound", "NotFound"])
        // Staff who see the work still do not answer for the person.
        expect((yield* Effect.flip(followUp.answer(w.t.actors.secretary, q, { solved: true })))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(followUp.answer(sys, q, { solved: true })))._tag).toBe("Forbidden")
        const bad = yield* Effect.flip(followUp.answer(w.requester, q, { solved: "yes" as never }))
        expect(bad).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "solved" }] })
        expect(yield* followUp.answer(w.requester, q, { solved: true })).toMatchObject({ solved: true, reopened: false })
        expect((yield* Effect.flip(followUp.answer(w.requester, q, { solved: false })))._tag).toBe("Conflict")
        expect(yield* stateOf(w, "matching.need", n.id)).toBe("done")
        expect(yield* followUp.statistics(w.t.admin, w.t.county.id)).toMatchObject({ answered: 1, solved: 1, notSolved: 0, reopened: 0, solvedRate: 1 })
      })))

    it("configuration and statistics are staff's: checked fields, other counties and residents refused", () =>
      run(Effect.gen(function*() {
        const w = yield* setupLoop
        const followUp = yield* FollowUp
        const bad = yield* Effect.flip(followUp.configure(w.t.admin, w.t.county.id, { ratingDays: 0, questionnaireWeeks: 27, lapseRule: "satisfied" as never }))
        expect(bad._tag).toBe("InvalidInput")
        expect((bad as unknown as { readonly issues: ReadonlyArray<{ readonly path: string }> }).issues.map((i) => i.path).sort()).toEqual(["lapseRule", "questionnaireWeeks", "ratingDays"])
        expect((yield* Effect.flip(followUp.configure(w.t.actors.secretary, w.t.county.id, { ratingDays: 3 })))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(followUp.configure(w.t.actors.resident, w.t.county.id, { ratingDays: 3 })))._tag).toBe("Forbidden")
        const t2 = yield* otherCounty
        expect((yield* Effect.flip(followUp.configure(t2.admin, w.t.county.id, { ratingDays: 3 })))._tag).toBe("NotFound")
        expect((yield* Effect.flip(followUp.statistics(t2.admin, w.t.county.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(followUp.statistics(w.t.actors.resident, w.t.communities[0].id)))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(followUp.statistics(w.t.actors.secretary2, w.t.communities[0].id)))._tag).toBe("NotFound")
        expect(yield* followUp.getConfig(w.t.admin, w.t.county.id)).toMatchObject({ ratingDays: 7, lapseRule: "not_rated", questionnaireWeeks: 4, version: 0 })
      })))

    it("a subtree's statistics count only its own work", () =>
      run(Effect.gen(function*() {
        const w = yield* setupLoop
        yield* needDone(w)
        const followUp = yield* FollowUp
        expect(yield* followUp.statistics(w.t.actors.secretary, w.t.communities[0].id)).toMatchObject({ followUps: 1 })
        expect(yield* followUp.statistics(w.t.actors.secretary2, w.t.communities[1].id)).toMatchObject({ followUps: 0, satisfactionRate: null })
        expect(yield* followUp.statistics(w.t.admin, w.t.county.id, { from: "2026-06-02" })).toMatchObject({ followUps: 0 })
        expect(yield* followUp.statistics(w.t.admin, w.t.county.id, { from: "2026-06-01", to: "2026-06-01" })).toMatchObject({ followUps: 1 })
      })))

    it("the request rolls back with the change that finished the work", () =>
      run(Effect.gen(function*() {
        const w = yield* setupLoop
        const uow = yield* UnitOfWork
        const failed = yield* Effect.flip(uow.transaction(Effect.andThen(needDone(w), Effect.fail("refused" as const))))
        expect(failed).toBe("refused")
        expect(yield* eventsOf("followup.rating.requested")).toEqual([])
        expect(yield* Effect.flatMap(FollowUpStore, (s) => s.due(w.t.county.id, "2099-01-01", 10))).toEqual([])
      })))

    it("a sweep works through more follow-ups than one batch, each once", () =>
      run(Effect.gen(function*() {
        const { f, store, uow, w } = yield* oneNeedAsked
        yield* uow.transaction(Effect.forEach(Array.from({ length: 230 }, (_, i) => i), (i) =>
          store.save({ ...f, id: `fup_01JDZ6Y5V6Q2N8W3X4K7H9${String(i).padStart(4, "0")}` as FollowUpRecord["id"], subjectId: `need_${i}` }, 0), { discard: true }))
        yield* days(8)
        const followUp = yield* FollowUp
        expect(yield* followUp.sweep(w.t.county.id)).toEqual({ processed: 231, changed: 231 })
        expect(yield* followUp.sweep(w.t.county.id)).toEqual({ processed: 0, changed: 0 })
        expect(yield* eventsOf("followup.rating.lapsed")).toHaveLength(231)
      })))

    it("the port: versions, the due list in order, who is waited for", () =>
      run(Effect.gen(function*() {
        const { f, store, uow, w } = yield* oneNeedAsked
        const copy: FollowUpRecord = { ...f, id: "fup_01JDZ6Y5V6Q2N8W3X4K7H9M0AB" as FollowUpRecord["id"], questionnaireOn: "2026-06-03" }
        const dup = yield* Effect.flip(uow.transaction(store.save(f, 0)))
        expect(dup).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        const stale = yield* Effect.flip(uow.transaction(store.save({ ...f, version: 9 }, 7)))
        expect(stale).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        yield* uow.transaction(store.save(copy, 0))
        expect((yield* store.due(w.t.county.id, "2026-06-02", 10)).map((x) => x.id)).toEqual([])
        expect((yield* store.due(w.t.county.id, "2026-06-03", 10)).map((x) => x.id)).toEqual([copy.id])
        expect((yield* store.due(w.t.county.id, "2026-06-09", 10)).map((x) => x.id)).toEqual([copy.id, f.id])
        expect((yield* store.due(w.t.county.id, "2026-06-09", 1)).map((x) => x.id)).toEqual([copy.id])
        expect((yield* store.due("node_01JDZ6Y5V6Q2N8W3X4K7H9M0AB" as GridNodeId, "2026-06-09", 10))).toEqual([])
        expect((yield* store.waitingFor(w.requester.id as never)).map((x) => x.id)).toEqual([copy.id, f.id].sort())
        const done = { ...f, rating: "rated" as const, ratings: [{ personId: f.personIds[0]!, satisfied: true, at: f.requestedAt }], version: f.version + 1 }
        yield* uow.transaction(store.save(done, f.version))
        expect(Option.getOrThrow(yield* store.get(f.id))).toEqual(done)
        expect((yield* store.waitingFor(w.requester.id as never)).map((x) => x.id)).toEqual([copy.id])
        expect((yield* store.due(w.t.county.id, "2026-06-09", 10)).map((x) => x.id)).toEqual([copy.id])
        const stats = yield* store.statistics({ scope: [w.t.county.id] })
        expect(stats).toEqual([{ subject: "matching.need", followUps: 2, asked: 2, rated: 1, satisfied: 1, lapsed: 0, questionnairesSent: 0, answered: 0, solved: 0, notSolved: 0, reopened: 0 }])
        expect(yield* store.statistics({ scope: [w.t.county.id, w.t.streets[1].id] })).toEqual([])
      })))
  })
}
