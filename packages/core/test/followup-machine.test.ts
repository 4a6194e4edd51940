import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  addDays,
  type CalendarDate,
  defaultFollowUpConfig,
  factsOf,
  followUpConfigDecider,
  followUpDates,
  followUpDecider,
  type FollowUpEvent,
  followUpIdOf,
  type FollowUpRecord,
  type GridNodeId,
  type Instant,
  nextDateOf,
  type PersonId,
  questionnaireIdOf,
  questionnaireTransitions,
  ratingTransitions,
  statisticsOf
} from "@mulin/core"
import { given } from "@mulin/core/testing"

const AT = "2026-06-01T08:00:00.000Z" as Instant
const county = "node_01JDZ6Y5V6Q2N8W3X4K7H9M0AB" as GridNodeId
const alice = "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0A1" as PersonId
const bob = "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0A2" as PersonId
const ctx = { at: AT, actor: { id: "system", kind: "system" as const } }
const as = (id: PersonId) => ({ at: AT, actor: { id, kind: "person" as const } })

const record = (over: Partial<FollowUpRecord> = {}): FollowUpRecord => ({
  id: followUpIdOf("evt_01JDZ6Y5V6Q2N8W3X4K7H9M0AC"),
  countyId: county,
  nodeId: county,
  scope: [county],
  subject: "mediation.case",
  subjectId: "med_01JDZ6Y5V6Q2N8W3X4K7H9M0AD",
  personIds: [alice, bob],
  requestedAt: AT,
  requestedOn: "2026-06-01",
  ...followUpDates("2026-06-01", defaultFollowUpConfig(county)),
  ratingDays: 7,
  lapseRule: "not_rated",
  rating: "asked",
  ratings: [],
  lapsed: [],
  questionnaire: "waiting",
  questionnaireSentAt: null,
  answers: [],
  version: 0,
  updatedAt: AT,
  ...over
})
const requested = (over: Partial<FollowUpRecord> = {}): FollowUpEvent => ({ ...ctx, type: "requested", initial: record(over) })
const rated = (personId: PersonId, satisfied = true): FollowUpEvent => ({ ...ctx, type: "rated", ratings: [{ personId, satisfied, at: AT }] })

describe("follow-up decider", () => {
  it("is asked once per event that finished the work; a second request changes nothing", () => {
    given(followUpDecider).when({ _tag: "Request", followUp: record() }, ctx).then([requested()])
    given(followUpDecider, [requested()]).when({ _tag: "Request", followUp: record() }, ctx).thenNothing()
  })

  it("the rating is open through its last day and lapses the day after, as not rated, for those who did not rate", () => {
    const spec = given(followUpDecider, [requested(), rated(alice)])
    spec.when({ _tag: "Sweep", today: "2026-06-08" }, ctx).thenNothing()
    const after = spec.when({ _tag: "Sweep", today: "2026-06-09" }, ctx).then([{ ...ctx, type: "lapsed", personIds: [bob] }])
    expect(after).toMatchObject({ rating: "lapsed", lapsed: [bob] })
    expect(factsOf(after!)).toMatchObject({ asked: 2, rated: 1, satisfied: 1, lapsed: 1 })
    // Lapsed: a rating that comes late changes nothing.
    given(followUpDecider, [requested(), rated(alice), { ...ctx, type: "lapsed", personIds: [bob] }]).when({ _tag: "Rate", ratings: [{ personId: bob, satisfied: true, at: AT }] }, ctx).thenNothing()
  })

  it("rated once everyone asked rated; the same person rating twice, or someone not asked, changes nothing", () => {
    const spec = given(followUpDecider, [requested(), rated(alice)])
    spec.when({ _tag: "Rate", ratings: [{ personId: alice, satisfied: false, at: AT }] }, ctx).thenNothing()
    spec.when({ _tag: "Rate", ratings: [{ personId: "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0A3" as PersonId, satisfied: true, at: AT }] }, ctx).thenNothing()
    expect(spec.when({ _tag: "Rate", ratings: [{ personId: bob, satisfied: false, at: AT }] }, ctx).then([rated(bob, false)])).toMatchObject({ rating: "rated" })
  })

  it("remind_once: reminded once with the same days again, then lapsed", () => {
    const remind = [requested({ lapseRule: "remind_once" })]
    given(followUpDecider, remind).when({ _tag: "Sweep", today: "2026-06-09" }, ctx).then([{ ...ctx, type: "reminded", personIds: [alice, bob], dueDate: "2026-06-15" }])
    const reminded = [...remind, { ...ctx, type: "reminded" as const, personIds: [alice, bob], dueDate: "2026-06-15" as CalendarDate }]
    given(followUpDecider, reminded).when({ _tag: "Sweep", today: "2026-06-15" }, ctx).thenNothing()
    given(followUpDecider, reminded).when({ _tag: "Sweep", today: "2026-06-16" }, ctx).then([{ ...ctx, type: "lapsed", personIds: [alice, bob] }])
  })

  it("the questionnaire goes out on its day, once; each person asked answers once, for themselves", () => {
    const spec = given(followUpDecider, [requested(), rated(alice), rated(bob)])
    spec.when({ _tag: "Sweep", today: "2026-06-28" }, ctx).thenNothing()
    spec.when({ _tag: "Sweep", today: "2026-06-29" }, ctx).then([{ ...ctx, type: "questionnaire_sent", personIds: [alice, bob] }])
    const answer = { _tag: "Answer" as const, personId: alice, solved: false, comment: null, reopened: true }
    spec.when(answer, as(alice)).thenFails("InvalidTransition")
    const sent = given(followUpDecider, [requested(), rated(alice), rated(bob), { ...ctx, type: "questionnaire_sent", personIds: [alice, bob] }])
    sent.when({ _tag: "Sweep", today: "2026-12-01" }, ctx).thenNothing()
    sent.when(answer, as(bob)).thenFails("Forbidden")
    sent.when({ ...answer, personId: "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0A3" as PersonId }, as("psn_01JDZ6Y5V6Q2N8W3X4K7H9M0A3" as PersonId)).thenFails("Forbidden")
    const once = sent.when(answer, as(alice)).then([{ ...as(alice), type: "questionnaire_answered", answer: { personId: alice, solved: false, comment: null, reopened: true, at: AT } }])
    expect(once).toMatchObject({ questionnaire: "sent" })
    given(followUpDecider, [requested(), { ...ctx, type: "questionnaire_sent", personIds: [alice, bob] }, { ...as(alice), type: "questionnaire_answered", answer: { personId: alice, solved: false, comment: null, reopened: true, at: AT } }])
      .when(answer, as(alice)).thenFails("Conflict", { reason: "already_answered" })
  })

  it("every arrow of the tables is a decision the decider makes", () => {
    expect(ratingTransitions.map((t) => `${t.from}-${t.step}->${t.to}`)).toContain("asked-Lapse->lapsed")
    expect(questionnaireTransitions.map((t) => `${t.from}-${t.step}->${t.to}`)).toEqual(["start-Request->waiting", "waiting-Send->sent", "sent-Answer->sent", "sent-Answer->answered"])
    // No arrow leaves rated or lapsed: the sweep leaves them alone.
    for (const state of ["rated", "lapsed"] as const) {
      expect(ratingTransitions.some((t) => t.from === state)).toBe(false)
      const f = record({ rating: state, questionnaire: "answered" })
      expect(Result.getOrThrow(followUpDecider.decide(f, { _tag: "Sweep", today: "2099-01-01" }, ctx))).toEqual([])
      expect(nextDateOf(f)).toBeNull()
    }
  })

  it("property: a sweep run again on the same day or any earlier one decides nothing; lapsed is never satisfied", () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 200 }),
      fc.integer({ min: 0, max: 200 }),
      fc.constantFrom("not_rated" as const, "remind_once" as const),
      fc.subarray([alice, bob]),
      (first, back, lapseRule, raters) => {
        let state: FollowUpRecord | undefined = followUpDecider.evolve(undefined, requested({ lapseRule }))
        for (const p of raters) state = followUpDecider.evolve(state, rated(p, true))
        const today = addDays("2026-06-01", first)
        for (const e of Result.getOrThrow(followUpDecider.decide(state, { _tag: "Sweep", today }, ctx))) state = followUpDecider.evolve(state, e)
        expect(Result.getOrThrow(followUpDecider.decide(state, { _tag: "Sweep", today: addDays(today, -back) }, ctx))).toEqual([])
        const facts = factsOf(state!)
        expect(facts.satisfied).toBeLessThanOrEqual(facts.rated)
        expect(facts.rated + facts.lapsed).toBeLessThanOrEqual(facts.asked)
        const stats = statisticsOf(county, {}, [facts])
        if (stats.satisfactionRate !== null) expect(stats.satisfactionRate).toBeLessThanOrEqual(stats.ratedRate!)
      }
    ))
  })

  it("ids: a follow-up per event, its questionnaire with the same ULID", () => {
    const id = followUpIdOf("evt_01JDZ6Y5V6Q2N8W3X4K7H9M0AC")
    expect(id).toBe("fup_01JDZ6Y5V6Q2N8W3X4K7H9M0AC")
    expect(questionnaireIdOf(id)).toBe("fuq_01JDZ6Y5V6Q2N8W3X4K7H9M0AC")
  })
})

describe("follow-up configuration decider", () => {
  const current = defaultFollowUpConfig(county)
  it("checks the days, the weeks and the rule, naming each field", () => {
    const failure = given(followUpConfigDecider, [], current).when({ ratingDays: 61, questionnaireWeeks: 0, lapseRule: "counted_satisfied" as never }, ctx).thenFails("InvalidInput")
    expect((failure as { readonly issues: ReadonlyArray<{ readonly path: string }> }).issues.map((i) => i.path).sort()).toEqual(["lapseRule", "questionnaireWeeks", "ratingDays"])
  })
  it("a change that changes nothing decides nothing; a stale version is refused", () => {
    given(followUpConfigDecider, [], current).when({ ratingDays: 7 }, ctx).thenNothing()
    given(followUpConfigDecider, [], current).when({ ratingDays: 5, expectedVersion: 3 }, ctx).thenFails("Conflict", { reason: "version_mismatch" })
    given(followUpConfigDecider, [], current).when({ ratingDays: 60, questionnaireWeeks: 26 }, ctx).thenMatches([{ type: "changed", changed: ["ratingDays", "questionnaireWeeks"] }])
  })
})
