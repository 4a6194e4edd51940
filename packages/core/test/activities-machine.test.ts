/**
 * The activity and team deciders read as given / when / then; the transition table
 * enumerated; and a property over any sequence of registrations and withdrawals: never more
 * registered than the capacity, the waiting list in the order people joined it, the first
 * waiting promoted when a place frees up.
 */
import { activityDecider, CHECK_IN_ATTEMPTS, type ActivityDecideContext, type ActivityEvent, ActivityStatus, activityTeamDecider, activityTransitions, type ActivityTeam, type ActivityId, type GridNodeId, type PersonId, type ServiceActivity } from "@mulin/core"
import { given } from "@mulin/core/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const at = "2026-06-01T08:00:00.000Z"
const actor = { id: "psn_staff", kind: "person" } as const
const scope = ["node_county", "node_street", "node_c1"] as unknown as ReadonlyArray<GridNodeId>
const id = "act_01KT000000000000000000000A" as ActivityId
const p = (n: number) => `psn_${String(n).padStart(26, "0")}` as PersonId
const organiser = { personId: p(99), name: "吴书记" }
const team: ActivityTeam = {
  id: "tem_01KT000000000000000000000A" as ActivityTeam["id"], countyId: scope[0]!, nodeId: scope[2]!, scope, kind: "lecture", name: "百姓宣讲团",
  leader: { personId: p(1), name: "甲" }, members: [{ personId: p(1), name: "甲" }, { personId: p(2), name: "乙" }], topics: ["民法典"], status: "active", createdAt: at, version: 1
}
const planCtx: ActivityDecideContext = { at, actor, plan: { id, countyId: scope[0]!, scope, organiser, team: undefined, code: { hash: "h1", salt: "s1" } } }
const plan = { _tag: "Plan" as const, nodeId: scope[2]!, kind: "night_school" as const, title: "夜校：智能手机课", startsAt: "2026-06-01T10:00:00.000Z", endsAt: "2026-06-01T12:00:00.000Z", capacity: 2 }
const planned = (capacity: number | null = 2): ActivityEvent => {
  const r = activityDecider.decide(undefined, { ...plan, ...(capacity === null ? { capacity: undefined } : { capacity }) } as never, planCtx)
  if (r._tag === "Failure") throw new Error("plan failed")
  return r.success[0]!
}
const as = (n: number, extra: Partial<ActivityDecideContext> = {}): ActivityDecideContext => ({ at, actor, person: p(n), ...extra })

describe("the activity decider", () => {
  it("plans an activity with its organiser and code; refuses an end before the start and a lecture without a topic, naming the field", () => {
    const state = given(activityDecider).when(plan, planCtx).thenMatches([{ type: "planned", activity: { status: "planned", capacity: 2, codeHash: "h1", codeSalt: "s1", wrongCodes: [], organiser } }])
    expect(state?.registered).toEqual([])
    given(activityDecider).when({ ...plan, endsAt: plan.startsAt }, planCtx).thenFails("InvalidInput", { issues: [{ path: "endsAt" }] })
    given(activityDecider).when({ ...plan, kind: "lecture" }, planCtx).thenFails("InvalidInput", { issues: [{ path: "topic" }] })
    given(activityDecider).when({ ...plan, kind: "lecture", topic: "民法典进社区" }, { ...planCtx, plan: { ...planCtx.plan!, team: { ...team, kind: "volunteer" } } }).thenFails("InvalidInput", { issues: [{ path: "teamId" }] })
  })

  it("registers up to the capacity, then waits; a withdrawal promotes the first waiting", () => {
    const history: Array<ActivityEvent> = [planned()]
    history.push(...given(activityDecider, history).when({ _tag: "Register" }, as(1)).result.pipe((r) => (r._tag === "Success" ? r.success : [])))
    given(activityDecider, history).when({ _tag: "Register" }, as(1)).thenNothing()
    const two = [...history, { type: "registered", at, actor, personId: p(2) } as ActivityEvent]
    given(activityDecider, two).when({ _tag: "Register" }, as(3)).then([{ type: "waitlisted", at, actor, personId: p(3) }])
    const three = [...two, { type: "waitlisted", at, actor, personId: p(3) } as ActivityEvent]
    const after = given(activityDecider, three).when({ _tag: "Withdraw" }, as(1)).then([{ type: "withdrawn", at, actor, personId: p(1) }, { type: "promoted", at, actor, personId: p(3) }])
    expect(after!.registered.map((e) => e.personId)).toEqual([p(2), p(3)])
    expect(after!.waiting).toEqual([])
  })

  it("checks in with the right code within the window, once; staff need no code", () => {
    const history = [planned()]
    const right = { codeMatches: true }
    given(activityDecider, history).when({ _tag: "CheckIn" }, as(1, right)).thenFails("InvalidInput", { issues: [{ path: "code" }] })
    const state = given(activityDecider, history).when({ _tag: "CheckIn", code: "123456" }, as(1, right)).then([{ type: "checked_in", at, actor, personId: p(1), by: "code" }])
    expect(state!.attended).toHaveLength(1)
    given(activityDecider, [...history, { type: "checked_in", at, actor, personId: p(1), by: "code" }]).when({ _tag: "CheckIn", code: "123456" }, as(1, right)).thenNothing()
    given(activityDecider, history).when({ _tag: "CheckIn" }, as(2, { byStaff: true })).then([{ type: "checked_in", at, actor, personId: p(2), by: "staff" }])
    given(activityDecider, history).when({ _tag: "CheckIn", code: "123456" }, as(1, { ...right, at: "2026-06-02T08:00:00.000Z" })).thenFails("InvalidInput")
  })

  it("counts wrong codes per person; after the limit the right code is refused too, staff still check the person in, a new code does not lift it", () => {
    const history: Array<ActivityEvent> = [planned()]
    for (let n = 1; n <= CHECK_IN_ATTEMPTS; n++) {
      const rejected: ActivityEvent = { type: "code_rejected", at, actor, personId: p(1), attempts: n }
      given(activityDecider, history).when({ _tag: "CheckIn", code: "000000" }, as(1, { codeMatches: false })).then([rejected])
      history.push(rejected)
    }
    const reissued = [...history, { type: "code_reissued", at, actor, codeHash: "h2", codeSalt: "s2" } as ActivityEvent]
    given(activityDecider, reissued).when({ _tag: "CheckIn", code: "123456" }, as(1, { codeMatches: true })).thenFails("InvalidInput", { issues: [{ path: "code" }] })
    // Another person is not locked by p(1)'s tries.
    given(activityDecider, reissued).when({ _tag: "CheckIn", code: "123456" }, as(2, { codeMatches: true })).then([{ type: "checked_in", at, actor, personId: p(2), by: "code" }])
    given(activityDecider, reissued).when({ _tag: "CheckIn", personId: p(1) }, as(1, { byStaff: true })).then([{ type: "checked_in", at, actor, personId: p(1), by: "staff" }])
  })

  it("re-issues the code as a new hash", () => {
    const state = given(activityDecider, [planned()]).when({ _tag: "ReissueCode" }, { at, actor, code: { hash: "h2", salt: "s2" } }).then([{ type: "code_reissued", at, actor, codeHash: "h2", codeSalt: "s2" }])
    expect(state).toMatchObject({ codeHash: "h2", codeSalt: "s2" })
  })

  it("records hours of the team's members only", () => {
    const withTeam: ActivityEvent = { ...planned(), activity: { ...(planned() as Extract<ActivityEvent, { type: "planned" }>).activity, teamId: team.id } } as ActivityEvent
    given(activityDecider, [withTeam]).when({ _tag: "RecordHours", hours: [{ personId: p(2), hours: 2 }] }, { at, actor, team }).thenMatches([{ type: "hours_recorded" }])
    given(activityDecider, [withTeam]).when({ _tag: "RecordHours", hours: [{ personId: p(5), hours: 2 }] }, { at, actor, team }).thenFails("InvalidInput", { issues: [{ path: "hours.0.personId" }] })
  })

  it("follows the transition table for every (status, command) pair", () => {
    const into: Record<ActivityStatus, ReadonlyArray<ActivityEvent>> = {
      planned: [planned()],
      cancelled: [planned(), { type: "cancelled", at, actor, reason: "下雨" }],
      completed: [planned(), { type: "completed", at, actor }]
    }
    const commands = [{ _tag: "Register" }, { _tag: "Withdraw" }, { _tag: "CheckIn" }, { _tag: "ReissueCode" }, { _tag: "RecordHours", hours: [{ personId: p(1), hours: 1 }] }, { _tag: "Cancel", reason: "r" }, { _tag: "Complete" }] as const
    for (const status of ActivityStatus.literals) {
      for (const command of commands) {
        const r = given(activityDecider, into[status]).when(command, { at, actor, person: p(1), byStaff: true, code: { hash: "h", salt: "s" }, team: { ...team, members: [{ personId: p(1), name: "甲" }] } })
        if (activityTransitions[status][command._tag] === undefined) expect(r.result._tag === "Failure" && r.result.failure._tag, `${status} ${command._tag}`).toBe("InvalidTransition")
        else expect(r.result._tag === "Failure" ? r.result.failure._tag : "ok", `${status} ${command._tag}`).not.toBe("InvalidTransition")
      }
    }
  })

  it("property: never more registered than the capacity; the waiting list keeps its order; a freed place goes to the first waiting", () => {
    const op = fc.record({ register: fc.boolean(), who: fc.integer({ min: 0, max: 11 }) })
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 60 }), (capacity, ops) => {
      let state: ServiceActivity | undefined = activityDecider.evolve(undefined, planned(capacity))
      const joinedWaiting: Array<PersonId> = []
      for (const o of ops) {
        const before: ServiceActivity = state!
        const r = activityDecider.decide(before, { _tag: o.register ? "Register" : "Withdraw" }, as(o.who))
        if (r._tag === "Failure") return false
        state = r.success.reduce<ServiceActivity | undefined>(activityDecider.evolve, before)
        for (const e of r.success) {
          if (e.type !== "waitlisted") continue
          const again = joinedWaiting.indexOf(e.personId)
          if (again >= 0) joinedWaiting.splice(again, 1)
          joinedWaiting.push(e.personId)
        }
        const s = state!
        expect(s.registered.length).toBeLessThanOrEqual(capacity)
        // Someone waits only when every place is taken.
        if (s.waiting.length > 0) expect(s.registered.length).toBe(capacity)
        // The waiting list is in the order people joined it.
        expect(s.waiting.map((e) => e.personId)).toEqual(joinedWaiting.filter((x) => s.waiting.some((e) => e.personId === x)))
        // A freed place goes to whoever waited first.
        const promoted = r.success.filter((e) => e.type === "promoted")
        if (promoted.length > 0) expect(promoted[0]!.personId).toBe(before.waiting[0]!.personId)
        const everyone = [...s.registered, ...s.waiting].map((e) => e.personId)
        expect(new Set(everyone).size).toBe(everyone.length)
      }
      return true
    }), { numRuns: 300 })
  })
})

describe("the team decider", () => {
  const formed = { type: "formed" as const, at, actor, team }
  it("keeps the leader a member, refuses the leader leaving, and changes nothing when nothing changes", () => {
    const people = new Map([[p(3), { personId: p(3), name: "丙" }]])
    const after = given(activityTeamDecider, [formed]).when({ _tag: "Update", join: [p(3)] }, { at, actor, people }).thenMatches([{ type: "changed" }])
    expect(after!.members.map((m) => m.personId)).toEqual([p(1), p(2), p(3)])
    given(activityTeamDecider, [formed]).when({ _tag: "Update", leave: [p(1)] }, { at, actor, people }).thenFails("InvalidInput", { issues: [{ path: "leave" }] })
    given(activityTeamDecider, [formed]).when({ _tag: "Update", name: team.name }, { at, actor, people }).thenNothing()
    given(activityTeamDecider, [formed, { type: "disbanded", at, actor }]).when({ _tag: "Disband" }, { at, actor, people }).thenFails("InvalidTransition")
  })
})
