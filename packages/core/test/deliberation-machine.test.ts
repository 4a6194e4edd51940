/**
 * The deliberation deciders, given / when / then: the item lifecycle, sessions and the
 * county's configuration, with the county's calendar and the redaction of public text; the
 * pure rules beside them; and the state diagram against the transition table.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import {
  deliberationConfigDecider,
  countyCalendar,
  dateYearEarlier,
  defaultDeliberationConfig,
  deliberationStatesDocument,
  type GridNodeId,
  type DeliberationItem,
  type ItemDecideCommand,
  type ItemDecideContext,
  itemDecider,
  type ItemEvent,
  itemStatusOf,
  itemTransitions,
  percentChange,
  periodWindow,
  type PersonId,
  redactorFor,
  rollUp,
  type Session,
  sessionDecider
} from "@mulin/core"
import { given } from "@mulin/core/testing"
import { Result } from "effect"
import { describe, expect, it } from "vitest"

const county = "node_01J00000000000000000000000" as GridNodeId
const config = defaultDeliberationConfig(county)
const actor = { id: "psn_01J00000000000000000000001", kind: "person" as const }
const resident = { _tag: "Person" as const, personId: "psn_01J00000000000000000000002" as PersonId, name: "王五" }
/** 2026-06-01 16:00 in China. */
const AT = "2026-06-01T08:00:00.000Z"
const place = { id: "dli_01J00000000000000000000000" as DeliberationItem["id"], countyId: county, nodeId: county, scope: [county], placeName: "兖州区" }
const ctx = (extra: Partial<ItemDecideContext> = {}, at = AT): ItemDecideContext => ({
  at,
  actor,
  config,
  calendar: countyCalendar("Asia/Shanghai", at),
  redact: redactorFor(["王五"]),
  place,
  raiser: resident,
  ...extra
})
const raise = { _tag: "Raise" as const, nodeId: county, kind: "micro_idea" as const, category: "property", title: "王五：加装座椅", text: "小区门口加装座椅，电话 139 1234 5678" }
const raisedEvent = (): ItemEvent => {
  const r = itemDecider.decide(undefined, raise, ctx())
  if (r._tag !== "Success") throw new Error("not raised")
  return r.success[0]!
}
type Happening = ItemEvent extends infer E ? E extends ItemEvent ? Omit<E, "at" | "actor"> : never : never
const at = (iso: string, event: Happening) => ({ at: iso, actor, ...event }) as ItemEvent
const accepted = at(AT, { type: "accepted", unit: { code: "community", name: "社区居委会" }, publicUnit: "社区居委会", promisedBy: "2026-06-10", dueAt: "2026-06-10T16:00:00.000Z", responsible: null })
const resolved = at(AT, { type: "resolved", resolution: "已安装", publicResolution: "已安装" })
const session: Session = {
  id: "dls_01J00000000000000000000009" as Session["id"],
  countyId: county,
  nodeId: county,
  scope: [county],
  placeName: "兖州区",
  type: "round_table",
  heldAt: "2026-06-02T08:00:00.000Z",
  convener: resident,
  participants: [],
  agenda: [],
  minutes: null,
  version: 1,
  updatedAt: AT
}
const reported = at(AT, { type: "reported_back", sessionId: session.id, note: "通报" })

describe("the item decider, given / when / then", () => {
  it("raises an item with the public title redacted, and refuses an unknown category or a raise without a raiser", () => {
    const item = given(itemDecider).when(raise, ctx()).thenMatches([{ type: "raised" }])!
    expect(item).toMatchObject({ state: "raised", status: "open", kind: "micro_idea", progress: 0, raisedBy: resident, title: "王五：加装座椅", public: { title: "王*：加装座椅" } })
    given(itemDecider).when({ ...raise, category: "nope" }, ctx()).thenFails("InvalidInput", { issues: [{ path: "category" }] })
    given(itemDecider).when(raise, ctx({ raiser: undefined })).thenFails("InvalidInput", { issues: [{ path: "raisedBy" }] })
  })

  it("refuses a session held elsewhere: an item raised at a session lies at its node or below", () => {
    const elsewhere = { ...session, nodeId: "node_01J000000000000000000000ZZ" as GridNodeId }
    given(itemDecider).when({ ...raise, sessionId: session.id }, ctx({ session: elsewhere })).thenFails("InvalidInput", { issues: [{ path: "sessionId" }] })
    given(itemDecider).when({ ...raise, sessionId: session.id }, ctx({ session })).thenMatches([{ type: "raised", initial: { sessionId: session.id } }])
  })

  it("answers with the public answer redacted, and refuses what the table does not allow", () => {
    const spec = given(itemDecider, [raisedEvent()])
    spec.when({ _tag: "Answer", answer: "王五 你好，已处理（13912345678）" }, ctx()).then([at(AT, { type: "answered", answer: "王五 你好，已处理（13912345678）", publicAnswer: "王* 你好，已处理（***********）" })])
    given(itemDecider, [raisedEvent(), accepted]).when({ _tag: "Answer", answer: "x" }, ctx()).thenFails("InvalidTransition", { from: "accepted", command: "Answer" })
  })

  it("accepts a promise by a date in the county's calendar: due at the start of the next day there, refused once the date is over there", () => {
    const spec = given(itemDecider, [raisedEvent()])
    spec.when({ _tag: "Accept", unit: "community", promisedBy: "2026-06-10" }, ctx()).then([accepted])
    // 2026-06-11 00:30 in China is still 2026-06-10 in UTC.
    spec.when({ _tag: "Accept", unit: "community", promisedBy: "2026-06-10" }, ctx({}, "2026-06-10T16:30:00.000Z")).thenFails("InvalidInput", { issues: [{ path: "promisedBy" }] })
    spec.when({ _tag: "Accept", unit: "community", promisedBy: "2026-06-10" }, ctx({}, "2026-06-10T15:30:00.000Z")).thenMatches([{ type: "accepted", dueAt: "2026-06-10T16:00:00.000Z" }])
    spec.when({ _tag: "Accept", unit: "nobody", promisedBy: "2026-06-10" }, ctx()).thenFails("InvalidInput", { issues: [{ path: "unit" }] })
    spec.when({ _tag: "Accept", unit: "community", promisedBy: "2026-06-10", responsible: resident.personId }, ctx()).thenFails("InvalidInput", { issues: [{ path: "responsible" }] })
    spec.when({ _tag: "Accept", unit: "community", promisedBy: "2026-06-10", responsible: resident.personId }, ctx({ responsible: resident })).thenMatches([{ type: "accepted", responsible: resident }])
  })

  it("records a milestone with its public note; the same milestone again is nothing", () => {
    const spec = given(itemDecider, [raisedEvent(), accepted])
    const stepped = spec.when({ _tag: "RecordMilestone", note: "王五家已装", progress: 40 }, ctx()).thenMatches([{ type: "milestone_recorded", publicNote: "王*家已装" }])!
    expect(stepped).toMatchObject({ state: "in_progress", progress: 40, public: { milestones: ["王*家已装"] } })
    const again = given(itemDecider, [raisedEvent(), accepted, at(AT, { type: "milestone_recorded", milestone: { note: "王五家已装", progress: 40, at: AT }, publicNote: "王*家已装" })])
    again.when({ _tag: "RecordMilestone", note: "王五家已装", progress: 40 }, ctx()).thenNothing()
    again.when({ _tag: "RecordMilestone", note: "王五家已装", progress: 50 }, ctx()).thenMatches([{ type: "milestone_recorded" }])
  })

  it("records a person's rating once per round: the same person again is a conflict; the system rates for no one", () => {
    const spec = given(itemDecider, [raisedEvent(), accepted, resolved, reported])
    spec.when({ _tag: "Rate", score: 4 }, ctx({ rater: { personId: resident.personId, alreadyRated: false } })).then([at(AT, { type: "rated", personId: resident.personId, round: 0, score: 4, comment: null })])
    spec.when({ _tag: "Rate", score: 4 }, ctx({ rater: { personId: resident.personId, alreadyRated: true } })).thenFails("Conflict", { reason: "already_rated" })
    spec.when({ _tag: "Rate", score: 4 }, ctx()).thenFails("InvalidInput", { issues: [{ path: "personId" }] })
  })

  it("votes count against the configuration; the same vote again is nothing", () => {
    const vote = { _tag: "Vote" as const, sessionId: session.id, members: 9, present: 6, inFavour: 4, against: 1, abstained: 1 }
    const spec = given(itemDecider, [raisedEvent()])
    const voted = spec.when(vote, ctx({ session })).thenMatches([{ type: "voted", vote: { quorumMet: true, passed: true } }])!
    expect(voted.state).toBe("raised")
    spec.when(vote, ctx()).thenFails("InvalidInput", { issues: [{ path: "sessionId" }] })
    given(itemDecider, [raisedEvent(), at(AT, { type: "voted", vote: { ...vote, quorumMet: true, passed: true, at: AT } })]).when(vote, ctx({ session })).thenNothing()
  })

  it("merges only into an item of the same county named in the context", () => {
    const spec = given(itemDecider, [raisedEvent()])
    const target = { ...spec.state!, id: "dli_01J0000000000000000000000T" as DeliberationItem["id"] }
    spec.when({ _tag: "Merge", into: target.id }, ctx()).thenFails("InvalidInput", { issues: [{ path: "into" }] })
    spec.when({ _tag: "Merge", into: target.id }, ctx({ mergeTarget: { ...target, countyId: "node_01J0000000000000000000000X" as GridNodeId } })).thenFails("InvalidInput")
    spec.when({ _tag: "Merge", into: target.id }, ctx({ mergeTarget: target })).then([at(AT, { type: "merged", into: target.id })])
  })

  it("rolls a parent's progress up from its children; a roll-up that changes nothing is nothing", () => {
    const spec = given(itemDecider, [raisedEvent()])
    const children = [{ weight: 1, progress: 100, state: "resolved" as const }, { weight: 3, progress: 20, state: "in_progress" as const }]
    const parent = spec.when({ _tag: "RollUp" }, ctx({ children })).then([at(AT, { type: "progress_rolled_up", progress: 40, children: 2 })])!
    expect(parent).toMatchObject({ progress: 40, children: 2, state: "raised" })
    given(itemDecider, [raisedEvent(), at(AT, { type: "progress_rolled_up", progress: 40, children: 2 })]).when({ _tag: "RollUp" }, ctx({ children })).thenNothing()
  })

  it("reopens only a poorly rated item, clearing the public resolution", () => {
    const rated = at(AT, { type: "rated", personId: resident.personId, round: 0, score: 1, comment: null })
    const spec = given(itemDecider, [raisedEvent(), accepted, resolved, reported, rated])
    const reopened = spec.when({ _tag: "Reopen", reason: "没修好" }, ctx()).thenMatches([{ type: "reopened" }])!
    expect(reopened).toMatchObject({ state: "in_progress", reopenCount: 1, resolution: null, public: { resolution: null }, ratingCount: 0 })
    const good = at(AT, { type: "rated", personId: resident.personId, round: 0, score: 5, comment: null })
    given(itemDecider, [raisedEvent(), accepted, resolved, reported, good]).when({ _tag: "Reopen", reason: "x" }, ctx()).thenFails("InvalidInput")
  })

  it("reopens an item its raiser answered \"not solved\" in a follow-up, whatever its rating, from the states after reporting back, as the system", () => {
    const system = ctx({ actor: { id: "system:followup", kind: "system" } })
    const notSolved = { _tag: "ReopenNotSolved" as const, personId: resident.personId, reason: "回访：未解决" }
    const good = at(AT, { type: "rated", personId: resident.personId, round: 0, score: 5, comment: null })
    const closed = at(AT, { type: "closed" } as Happening)
    // Reported back and never rated (the rating lapsed), well rated, closed after a good rating.
    for (const way of [[raisedEvent(), accepted, resolved, reported], [raisedEvent(), accepted, resolved, reported, good], [raisedEvent(), accepted, resolved, reported, good, closed]]) {
      const reopened = given(itemDecider, way).when(notSolved, system).thenMatches([{ type: "reopened", reason: "回访：未解决", actor: { kind: "system" } }])!
      expect(reopened).toMatchObject({ state: "in_progress", reopenCount: 1, resolution: null, ratingCount: 0 })
    }
    // Not before reporting back; not for someone else than the raiser; not by a person acting themself.
    given(itemDecider, [raisedEvent(), accepted, resolved]).when(notSolved, system).thenFails("InvalidTransition")
    given(itemDecider, [raisedEvent(), accepted, resolved, reported, good]).when({ ...notSolved, personId: "psn_01J00000000000000000000003" as PersonId }, system).thenFails("InvalidInput", { issues: [{ path: "personId" }] })
    given(itemDecider, [raisedEvent(), accepted, resolved, reported]).when(notSolved, ctx()).thenFails("InvalidInput")
  })
})

describe("the session and configuration deciders, given / when / then", () => {
  const sctx = { at: AT, actor, config, place: { id: session.id, countyId: county, nodeId: county, scope: [county], placeName: "兖州区" }, convener: resident }
  const convene = { _tag: "Convene" as const, nodeId: county, type: "round_table", heldAt: session.heldAt, participants: [], agenda: [] }

  it("convenes a session of a configured type once; the same minutes again are nothing", () => {
    const s = given(sessionDecider).when(convene, sctx).thenMatches([{ type: "convened", initial: { convener: resident, type: "round_table" } }])!
    expect(s.minutes).toBeNull()
    given(sessionDecider).when({ ...convene, type: "tea_party" }, sctx).thenFails("InvalidInput", { issues: [{ path: "type" }] })
    given(sessionDecider).when(convene, { ...sctx, convener: undefined }).thenFails("InvalidInput", { issues: [{ path: "convener" }] })
    const convened = { type: "convened" as const, at: AT, actor, initial: session }
    given(sessionDecider, [convened]).when(convene, sctx).thenFails("InvalidTransition")
    given(sessionDecider, [convened]).when({ _tag: "RecordMinutes", minutes: "一、\n二、" }, sctx).then([{ type: "minutes_recorded", at: AT, actor, minutes: "一、\n二、" }])
    given(sessionDecider, [convened, { type: "minutes_recorded", at: AT, actor, minutes: "一、\n二、" }]).when({ _tag: "RecordMinutes", minutes: "一、\n二、" }, sctx).thenNothing()
  })

  it("changes a configuration naming what changed; the same values again are nothing", () => {
    const spec = given(deliberationConfigDecider, [], config)
    spec.when({ quorum: 0.5, majority: 0.5 }, { at: AT, actor }).thenMatches([{ type: "configured", changed: ["quorum"] }])
    spec.when({ majority: 0.5, categories: config.categories }, { at: AT, actor }).thenNothing()
  })
})

describe("deliberation rules", () => {
  it("keeps each (state, command) pair once and the coarse status consistent", () => {
    const keys = itemTransitions.map((t) => `${t.from}|${t.command}`)
    expect(new Set(keys).size).toBe(keys.length)
    expect((["answered", "closed", "merged", "declined"] as const).map(itemStatusOf)).toEqual(["closed", "closed", "closed", "closed"])
    expect(itemStatusOf("resolved")).toBe("open")
  })

  it("rolls progress up as the weighted average, leaving out merged and declined children", () => {
    expect(rollUp([])).toBe(0)
    expect(rollUp([{ weight: 1, progress: 100, state: "resolved" }, { weight: 3, progress: 20, state: "in_progress" }])).toBe(40)
    expect(rollUp([{ weight: 1, progress: 50, state: "in_progress" }, { weight: 5, progress: 0, state: "declined" }])).toBe(50)
  })

  it("formats the year-on-year change the seed reports", () => {
    expect(percentChange(200, 161)).toBe("-19.5%")
    expect(percentChange(40, 50)).toBe("+25.0%")
    expect(percentChange(0, 5)).toBeNull()
  })

  it("counts periods in local days of the county's time zone, and the same days a year earlier", () => {
    expect(dateYearEarlier("2026-06-01")).toBe("2025-06-01")
    expect(dateYearEarlier("2028-02-29")).toBe("2027-02-28")
    expect(periodWindow("2026-06-01", "2026-06-30", "Asia/Shanghai")).toEqual({ from: "2026-05-31T16:00:00.000Z", to: "2026-06-30T16:00:00.000Z" })
    expect(periodWindow(undefined, "2026-06-30", "UTC")).toEqual({ from: undefined, to: "2026-07-01T00:00:00.000Z" })
  })
})

describe("docs/deliberation-states.md", () => {
  const committed = readFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "deliberation-states.md"), "utf8")

  it("matches the transition table", () => {
    expect(committed).toBe(deliberationStatesDocument())
  })

  it("draws exactly the transitions the item decider makes: every state × every command, enumerated", () => {
    const drawn = new Set([...committed.matchAll(/^ {2}(\S+) --> (\S+) : (\w+)$/gmu)].map(([, from, to, command]) => `${from} --> ${to} : ${command}`))
    expect(drawn.size).toBe(itemTransitions.length)
    const target = { ...given(itemDecider, [raisedEvent()]).state!, id: "dli_01J0000000000000000000000T" as DeliberationItem["id"] }
    const rater = { personId: "psn_01J00000000000000000000003" as PersonId, alreadyRated: false }
    const full = ctx({ session, mergeTarget: target, rater })
    const commands: ReadonlyArray<ItemDecideCommand> = [
      raise,
      { _tag: "Answer", answer: "已答复" },
      { _tag: "Accept", unit: "community", promisedBy: "2026-06-10" },
      { _tag: "Vote", sessionId: session.id, members: 9, present: 6, inFavour: 4, against: 1, abstained: 1 },
      { _tag: "RecordMilestone", note: "推进", progress: 50 },
      { _tag: "Resolve", resolution: "已安装" },
      { _tag: "ReportBack", sessionId: session.id, note: "通报" },
      { _tag: "Rate", score: 2 },
      { _tag: "Close" },
      { _tag: "Merge", into: target.id },
      { _tag: "Decline", reason: "不属于本级" },
      { _tag: "Reopen", reason: "没修好" },
      { _tag: "ReopenNotSolved", personId: resident.personId, reason: "回访：未解决" }
    ]
    const poor = at(AT, { type: "rated", personId: resident.personId, round: 0, score: 1, comment: null })
    const closed = at(AT, { type: "closed" } as Happening)
    const ways: ReadonlyArray<ReadonlyArray<ItemEvent>> = [
      [raisedEvent()],
      [raisedEvent(), at(AT, { type: "answered", answer: "x", publicAnswer: "x" })],
      [raisedEvent(), accepted],
      [raisedEvent(), accepted, at(AT, { type: "milestone_recorded", milestone: { note: "装", progress: 40, at: AT }, publicNote: "装" })],
      [raisedEvent(), accepted, resolved],
      [raisedEvent(), accepted, resolved, reported],
      [raisedEvent(), accepted, resolved, reported, poor],
      [raisedEvent(), accepted, resolved, reported, poor, closed],
      [raisedEvent(), at(AT, { type: "merged", into: target.id })],
      [raisedEvent(), at(AT, { type: "declined", reason: "x", publicReason: "x" } as Happening)]
    ]
    const made = new Set<string>()
    const raised = given(itemDecider).when(raise, full).result
    if (Result.isSuccess(raised)) made.add(`[*] --> ${raised.success.reduce(itemDecider.evolve, undefined as never).state} : Raise`)
    for (const way of ways) {
      const from = given(itemDecider, way).state!
      for (const command of commands) {
        // The follow-up's reopening is the system's, on the raiser's behalf.
        const r = given(itemDecider, way).when(command, command._tag === "ReopenNotSolved" ? { ...full, actor: { id: "system:followup", kind: "system" } } : full).result
        if (Result.isSuccess(r) && r.success.length > 0) made.add(`${from.state} --> ${r.success.reduce(itemDecider.evolve, from).state} : ${command._tag}`)
      }
    }
    expect(new Set(ways.map((w) => given(itemDecider, w).state!.state)).size).toBe(ways.length)
    expect([...made].sort()).toEqual([...drawn].sort())
  })
})
