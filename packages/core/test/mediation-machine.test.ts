/**
 * The mediation decider and rules on their own: given events, when a command, then events
 * or an error; the masking helpers; the statistics arithmetic; and the committed state
 * diagram against the transition table.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import {
  type CaseEvent,
  computeStatistics,
  decideCase,
  type DecideContext,
  defaultMediationConfig,
  evolveCase,
  type GridNodeId,
  makeRedactor,
  type MediationCase,
  mediationStatesDocument,
  mermaidStateDiagram,
  type CaseId,
  transitions
} from "@mulin/core"

const county = "node_01JDZ6Y5V6Q2N8W3X4K7H9M0AB" as GridNodeId
const unit = "node_01JDZ6Y5V6Q2N8W3X4K7H9M0AC" as GridNodeId
const actor = { id: "tester", kind: "person" as const }
const config = defaultMediationConfig(county)
const at = (hours: number) => new Date(Date.UTC(2026, 5, 1) + hours * 3_600_000).toISOString()
const ctx = (hours: number, extra: Partial<DecideContext> = {}): DecideContext => ({ at: at(hours), actor, config, ...extra })

/** Given a history of commands at the given hours, the case they produce. */
const given = (steps: ReadonlyArray<readonly [number, Parameters<typeof decideCase>[1]]>): MediationCase => {
  let c: MediationCase | undefined
  for (const [hours, command] of steps) {
    const place = { id: "med_01JDZ6Y5V6Q2N8W3X4K7H9M0AD" as CaseId, countyId: county, nodeId: unit, scope: [county, unit], placeName: "1单元" }
    const events = Result.getOrThrow(decideCase(c, command, ctx(hours, { place })))
    c = events.reduce(evolveCase, c)
  }
  return c!
}

const report = { _tag: "Report" as const, nodeId: unit, category: "noise", title: "噪音", description: "夜间噪音", parties: [{ name: "张三丰", phone: "13812341234", idCardNumber: null, houseNumber: "3-2-501", side: "applicant" as const }] }
const accept = { _tag: "Accept" as const, mediators: [{ id: "m1", name: "孙调解" }] }

describe("mediation decider", () => {
  it("sets the accept deadline from the county's configuration and marks a late acceptance as missed", () => {
    const reported = given([[0, report]])
    expect(reported.deadline).toEqual({ kind: "accept", dueAt: at(24) })
    const onTime = given([[0, report], [23, accept]])
    expect(onTime).toMatchObject({ missedLevels: [], deadline: { kind: "hearing", dueAt: at(23 + 72) } })
    const late = given([[0, report], [25, accept]])
    expect(late.missedLevels).toEqual(["community"])
  })

  it("runs the agreement deadline from acceptance, not from the hearing", () => {
    const heard = given([[0, report], [1, accept], [10, { _tag: "RecordStatement", party: 0, text: "吵", publishable: false }]])
    expect(heard.deadline).toEqual({ kind: "agreement", dueAt: at(1 + 360) })
  })

  it("refuses a command the table does not list, naming the state in both languages", () => {
    const r = decideCase(given([[0, report]]), { _tag: "Resolve", outcome: "x" }, ctx(1))
    expect(Result.isFailure(r)).toBe(true)
    const e = Result.isFailure(r) ? r.failure : undefined
    expect(e).toMatchObject({ _tag: "InvalidTransition", from: "reported", command: "Resolve" })
    expect(e?.messageZh).toContain("已上报")
  })

  it("escalates to the street only when a street lies above the place, and to a department only from the street", () => {
    const c = given([[0, report]])
    const noStreet = decideCase(c, { _tag: "Escalate", to: "street", reason: "x" }, ctx(30, { street: null }))
    expect(Result.isFailure(noStreet) && noStreet.failure._tag).toBe("InvalidInput")
    const skip = decideCase(c, { _tag: "Escalate", to: "department", department: "d", reason: "x" }, ctx(30))
    expect(Result.isFailure(skip) && skip.failure._tag).toBe("InvalidInput")
    const street = { id: county, name: "鼓楼街道", supervisor: null }
    const events = Result.getOrThrow(decideCase(c, { _tag: "Escalate", to: "street", reason: "逾期" }, ctx(30, { street, missed: { kind: "accept", dueAt: at(24) } })))
    const next = events.reduce(evolveCase, c) as MediationCase
    expect(next).toMatchObject({ state: "escalated", level: "street", missedLevels: ["community"], reachedLevels: ["community", "street"], deadline: { kind: "street", dueAt: at(30 + 240) } })
    expect((events[0] as Extract<CaseEvent, { type: "escalated" }>).escalation).toMatchObject({ missed: "accept", supervisor: { id: "system" } })
  })
})

describe("mediation rules", () => {
  it("masks longer personal values first, so one name inside another is not half-masked", () => {
    const redact = makeRedactor({
      parties: [
        { name: "张三", phone: null, idCardNumber: null, houseNumber: null, side: "applicant" },
        { name: "张三丰", phone: "13812341234", idCardNumber: null, houseNumber: "3-2-501", side: "respondent" }
      ],
      mediators: [],
      escalations: [],
      supervisor: null
    })
    expect(redact("张三丰与张三，电话13812341234，住3-2-501")).toBe("张**与张*，电话138****1234，住3-2-***")
  })

  it("computes the median of an even count and percentages of empty sets as zero", () => {
    const s = computeStatistics({ rootId: county, from: null, to: null, facts: { groups: [], resolveHours: [4, 1, 3, 2] }, categories: config.categories })
    expect(s.medianHoursToResolve).toBe(2.5)
    expect(s.responseRate).toEqual({ count: 0, of: 0, percent: 0 })
    expect(s.onTime.map((o) => o.percent)).toEqual([0, 0, 0])
  })
})

describe("docs/mediation-states.md", () => {
  it("matches the transition table (regenerate with scripts/diagrams.ts)", () => {
    const committed = readFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "mediation-states.md"), "utf8")
    expect(committed).toBe(mediationStatesDocument())
    for (const t of transitions) expect(committed).toContain(`${t.from === "start" ? "[*]" : t.from} --> ${t.to} : ${t.command}`)
    expect(mermaidStateDiagram(transitions.slice(1))).not.toBe(mermaidStateDiagram())
  })
})
