/**
 * The intake request decider read as given / when / then, its transition table enumerated,
 * a property over any sequence of commands, and the reference number and follow-code guard.
 */
import {
  followGuardAfterFailure,
  followLocked,
  formatReference,
  type GridNodeId,
  type IntakeCommand,
  type IntakeContext,
  intakeDecider,
  type IntakeEvent,
  type IntakeRequestId,
  IntakeStatus,
  intakeTransitions,
  openIntakeStatuses,
  type StoredIntakeRequest
} from "@mulin/core"
import { given } from "@mulin/core/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const at = "2026-12-06T02:00:00.000Z"
const actor = { id: "psn_01", kind: "person" } as const
const county = "node_county" as GridNodeId
const id = "ikr_01KT000000000000000000000A" as IntakeRequestId
const ctx: IntakeContext = { at, actor }
const draft: Omit<StoredIntakeRequest, "reference" | "receivedAt"> = {
  id, countyId: county, nodeId: county, scope: [county], householdId: null, channel: "phone", category: "property",
  resident: { kind: "contact", name: "王秀兰", phone: "13912345678" }, text: "电梯坏了", status: "received",
  receivedBy: actor, acceptedAt: null, routedAt: null, closedAt: null, route: null, rejectReason: null, outcome: null,
  mergedInto: null, rating: null, version: 0, follow: { hash: "h", salt: "s" }
}
const receive: IntakeCommand = { _tag: "Receive", request: draft }
const received: IntakeEvent = { type: "received", at, actor, patch: { ...draft, reference: "SZ-20261206-0042", receivedAt: at } }
const referral = { target: "referral", targetId: null, department: "住建局", dueDate: "2026-12-20" } as const
const other = { id: "ikr_01KT000000000000000000000B" as IntakeRequestId, reference: "SZ-20261206-0001" }

const commands: ReadonlyArray<IntakeCommand> = [
  { _tag: "Accept" },
  { _tag: "Route", route: referral },
  { _tag: "Resolve", outcome: null },
  { _tag: "Reject", reason: "out_of_scope", outcome: null },
  { _tag: "Merge", into: other },
  { _tag: "Rate", rating: 5 }
]
const mergeCtx: IntakeContext = { ...ctx, intoStatus: "accepted" }
const contextOf = (c: IntakeCommand): IntakeContext => (c._tag === "Merge" ? mergeCtx : ctx)

describe("the intake request decider", () => {
  it("receives a request once, with the reference the context gives and the time of intake", () => {
    const state = given(intakeDecider).when(receive, { ...ctx, reference: "SZ-20261206-0042" }).then([received])
    expect(state).toMatchObject({ status: "received", reference: "SZ-20261206-0042", receivedAt: at })
    given(intakeDecider).when(receive, ctx).thenFails("InvalidInput")
    given(intakeDecider, [received]).when(receive, { ...ctx, reference: "x" }).thenFails("InvalidTransition")
  })

  it("records the response before routing or resolving a request not yet accepted", () => {
    given(intakeDecider, [received]).when({ _tag: "Route", route: referral }, ctx).thenMatches([
      { type: "accepted", patch: { status: "accepted", acceptedAt: at } },
      { type: "routed", patch: { status: "routed", routedAt: at, route: referral } }
    ])
    given(intakeDecider, [received]).when({ _tag: "Resolve", outcome: "已修复" }, ctx).thenMatches([{ type: "accepted" }, { type: "resolved", patch: { outcome: "已修复" } }])
    given(intakeDecider, [received]).when({ _tag: "Reject", reason: "withdrawn", outcome: null }, ctx).thenMatches([{ type: "rejected", patch: { rejectReason: "withdrawn" } }])
  })

  it("merges only into another, open request", () => {
    given(intakeDecider, [received]).when({ _tag: "Merge", into: other }, mergeCtx).thenMatches([{ type: "merged", patch: { status: "merged", mergedInto: other } }])
    given(intakeDecider, [received]).when({ _tag: "Merge", into: { id, reference: "x" } }, mergeCtx).thenFails("InvalidInput", { issues: [{ path: "into" }] })
    for (const status of ["resolved", "rejected", "merged"] as const) {
      given(intakeDecider, [received]).when({ _tag: "Merge", into: other }, { ...ctx, intoStatus: status }).thenFails("InvalidInput", { issues: [{ path: "into" }] })
    }
  })

  it("is rated once, after it is closed", () => {
    const resolved: IntakeEvent = { type: "resolved", at, actor, patch: { status: "resolved", closedAt: at, outcome: null } }
    given(intakeDecider, [received, resolved]).when({ _tag: "Rate", rating: 4 }, ctx).then([{ type: "rated", at, actor, patch: { rating: 4 } }])
    given(intakeDecider, [received, resolved, { type: "rated", at, actor, patch: { rating: 4 } }]).when({ _tag: "Rate", rating: 5 }, ctx).thenFails("InvalidTransition")
    given(intakeDecider, [received]).when({ _tag: "Rate", rating: 5 }, ctx).thenFails("InvalidTransition")
  })

  it("follows the transition table for every (status, command) pair", () => {
    for (const status of IntakeStatus.literals) {
      const history: Array<IntakeEvent> = [received, { type: "accepted", at, actor, patch: { status } }]
      for (const command of commands) {
        const result = given(intakeDecider, history).when(command, contextOf(command)).result
        const to = intakeTransitions[status][command._tag as Exclude<IntakeCommand["_tag"], "Receive">]
        expect(result._tag, `${status} × ${command._tag}`).toBe(to === undefined ? "Failure" : "Success")
      }
    }
  })

  it("never leaves a closed status, never rates twice, and counts a response before any route (any sequence of commands)", () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...commands), { maxLength: 12 }), (sequence) => {
      let state = given(intakeDecider, [received]).state!
      let rated = 0
      for (const command of sequence) {
        const result = intakeDecider.decide(state, command, contextOf(command))
        if (result._tag === "Failure") continue
        const before = state.status
        state = result.success.reduce<StoredIntakeRequest>((s, e) => intakeDecider.evolve(s, e), state)
        if (!openIntakeStatuses.includes(before)) expect(state.status).toBe(before)
        if (command._tag === "Rate") rated++
        if (state.status === "routed") expect(state.acceptedAt).not.toBeNull()
      }
      expect(rated).toBeLessThanOrEqual(1)
    }))
  })
})

describe("the reference number and the follow code's guard", () => {
  it("writes the prefix, the local date and a serial of at least four digits", () => {
    expect(formatReference("SZ", "2026-12-06", 42)).toBe("SZ-20261206-0042")
    expect(formatReference("MJ", "2026-12-06", 12345)).toBe("MJ-20261206-12345")
    fc.assert(fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (a, b) =>
      (formatReference("SZ", "2026-12-06", a) === formatReference("SZ", "2026-12-06", b)) === (a === b)))
  })

  it("locks after five wrong codes within an hour, for an hour; failures an hour apart do not add up", () => {
    const t = (minutes: number) => new Date(Date.parse(at) + minutes * 60_000).toISOString()
    let guard = followGuardAfterFailure(id, undefined, t(0))
    for (let i = 1; i < 4; i++) guard = followGuardAfterFailure(id, guard, t(i * 10))
    expect(guard).toMatchObject({ failures: 4, lockedUntil: null })
    expect(followLocked(guard, t(40))).toBe(false)
    guard = followGuardAfterFailure(id, guard, t(50))
    expect(guard).toMatchObject({ failures: 5, lockedUntil: t(110) })
    expect(followLocked(guard, t(109))).toBe(true)
    expect(followLocked(guard, t(110))).toBe(false)
    const fresh = followGuardAfterFailure(id, followGuardAfterFailure(id, undefined, t(0)), t(61))
    expect(fresh).toMatchObject({ failures: 1, windowStart: t(61), lockedUntil: null })
  })
})
