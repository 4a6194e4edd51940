/**
 * The mediation deciders and rules on their own: given events, when a command, then events
 * or an error; the input vocabulary of commands and configuration; the masking of a
 * publication; the statistics arithmetic; the feed projection; and the committed state
 * diagram against the transition table.
 */
import { readFileSync } from "node:fs"
import { join } from "node:path"
import { Result, Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type CaseEvent,
  CaseCommand,
  caseDecider,
  type CaseId,
  computeStatistics,
  mediationConfigDecider,
  ConfigureMediation,
  type DecideCommand,
  type DecideContext,
  defaultMediationConfig,
  type GridNodeId,
  logPayload,
  MediationCase,
  MediationFeedEvents,
  mediationStatesDocument,
  type PersonId,
  publicationOf,
  recordCaseEvent,
  ReportCase,
  commandTags,
  mediationTransitions
} from "@mulin/core"
import { arbitraryIdCard, arbitraryMobile, arbitraryName, arbitrarySpelling, findPersonalData, given } from "@mulin/core/testing"

const county = "node_01JDZ6Y5V6Q2N8W3X4K7H9M0AB" as GridNodeId
const unit = "node_01JDZ6Y5V6Q2N8W3X4K7H9M0AC" as GridNodeId
const caseId = "med_01JDZ6Y5V6Q2N8W3X4K7H9M0AD" as CaseId
const mediator = "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0AE" as PersonId
const neighbour = "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0AF" as PersonId
const actor = { id: "psn_01JDZ6Y5V6Q2N8W3X4K7H9M0AG", kind: "person" as const }
const config = defaultMediationConfig(county)
const at = (hours: number) => new Date(Date.UTC(2026, 5, 1) + hours * 3_600_000).toISOString()
const place = { id: caseId, countyId: county, nodeId: unit, scope: [county, unit], placeName: "1单元" }
const ctx = (hours: number, extra: Partial<DecideContext> = {}): DecideContext => ({ at: at(hours), actor, config, place, ...extra })

const report: DecideCommand = {
  _tag: "Report",
  nodeId: unit,
  category: "noise",
  title: "噪音",
  description: "夜间噪音",
  parties: [
    { kind: "external", name: "张三丰", phone: "13812341234", idCardNumber: null, houseNumber: "3-2-501", side: "applicant" },
    { kind: "person", personId: neighbour, side: "respondent" }
  ]
}
const accept: DecideCommand = { _tag: "Accept", mediators: [mediator] }

/** The events of running `steps` (hours, command) from nothing. */
const history = (steps: ReadonlyArray<readonly [number, DecideCommand] | readonly [number, DecideCommand, Partial<DecideContext>]>): Array<CaseEvent> => {
  const events: Array<CaseEvent> = []
  for (const [hours, command, extra] of steps) {
    const state = events.reduce<MediationCase | undefined>(caseDecider.evolve, undefined)
    events.push(...Result.getOrThrow(caseDecider.decide(state, command, ctx(hours, extra))))
  }
  return events
}
const rounds = (from: number): ReadonlyArray<readonly [number, DecideCommand]> =>
  (["proposal", "joint", "decision"] as const).map((round, i) => [from + i, { _tag: "RecordRound", round, participants: [{ role: "party_organisation", name: null }], outcome: "商议" }] as const)

describe("mediation decider (given / when / then)", () => {
  it("reports a case with the accept deadline of the county's configuration", () => {
    const after = given(caseDecider, []).when(report, ctx(0)).thenMatches([{ type: "reported", at: at(0) }])
    expect(after).toMatchObject({ state: "reported", deadline: { kind: "accept", dueAt: at(24) }, publication: null })
  })

  it("marks a late acceptance as a missed deadline of the community", () => {
    const onTime = given(caseDecider, history([[0, report]])).when(accept, ctx(23)).thenMatches([{ type: "accepted", mediators: [mediator] }])
    expect(onTime).toMatchObject({ missedLevels: [], deadline: { kind: "hearing", dueAt: at(23 + 72) } })
    const late = given(caseDecider, history([[0, report]])).when(accept, ctx(25)).thenMatches([{ type: "accepted" }])
    expect(late?.missedLevels).toEqual(["community"])
  })

  it("runs the agreement deadline from acceptance, not from the hearing", () => {
    const heard = given(caseDecider, history([[0, report], [1, accept]]))
      .when({ _tag: "RecordStatement", party: 0, text: "吵\n每晚都吵", publishable: false }, ctx(10))
      .thenMatches([{ type: "statement_recorded" }])
    expect(heard?.deadline).toEqual({ kind: "agreement", dueAt: at(1 + 360) })
  })

  it("refuses a command the table does not list, naming the state in both languages", () => {
    const e = given(caseDecider, history([[0, report]])).when({ _tag: "Resolve", outcome: "x" }, ctx(1)).thenFails("InvalidTransition", { from: "reported", command: "Resolve" })
    expect(e.messageZh).toContain("已上报")
  })

  it("refuses a stale expected version with a conflict", () => {
    given(caseDecider, history([[0, report]])).when({ _tag: "Accept", mediators: [mediator], expectedVersion: 7 }, ctx(1)).thenFails("Conflict", { reason: "version_mismatch" })
  })

  it("escalates to the street only when a street lies above the place, and to a department only from the street", () => {
    const reported = history([[0, report]])
    given(caseDecider, reported).when({ _tag: "Escalate", to: "street", reason: "x" }, ctx(30, { street: null })).thenFails("InvalidInput")
    given(caseDecider, reported).when({ _tag: "Escalate", to: "department", department: "d", reason: "x" }, ctx(30)).thenFails("InvalidInput")
    const street = { id: county, name: "鼓楼街道", supervisor: null }
    const next = given(caseDecider, reported)
      .when({ _tag: "Escalate", to: "street", reason: "逾期" }, ctx(30, { street, missed: { kind: "accept", dueAt: at(24) } }))
      .thenMatches([{ type: "escalated", escalation: { missed: "accept", supervisor: null } }])
    expect(next).toMatchObject({ state: "escalated", level: "street", missedLevels: ["community"], reachedLevels: ["community", "street"], deadline: { kind: "street", dueAt: at(30 + 240) } })
  })

  it("decides nothing when the supervision run escalates for a deadline the case no longer runs against", () => {
    const accepted = history([[0, report], [23, accept]])
    const street = { id: county, name: "鼓楼街道", supervisor: null }
    // The scan saw the accept deadline; the case was accepted in time meanwhile.
    given(caseDecider, accepted).when({ _tag: "Escalate", to: "street", reason: "逾期" }, ctx(30, { street, missed: { kind: "accept", dueAt: at(24) } })).thenNothing()
    given(caseDecider, history([[0, report]])).when({ _tag: "Escalate", to: "street", reason: "逾期" }, ctx(30, { street, missed: { kind: "accept", dueAt: at(25) } })).thenNothing()
  })

  it("counts the reopening window in local days of the county's calendar", () => {
    const settled = history([[0, report], [1, accept], [2, { _tag: "RecordStatement", party: 0, text: "吵", publishable: true }], ...rounds(3),
      [6, { _tag: "RecordAgreement", terms: "限时施工", consents: [true, true] }], [6, { _tag: "Resolve", outcome: "已履行" }]])
    const resolvedAt = Date.UTC(2026, 5, 1, 6)                        // 14:00 on 1 June, China time
    const window = { ...config, reopenWindowDays: 1 }
    const when = (ms: number, zone: string) => ({ at: new Date(ms).toISOString(), actor, config: window, zone })
    const reopen: DecideCommand = { _tag: "Reopen", reason: "未履行" }
    // Until 23:59 on 2 June in Shanghai (15:59 UTC); 1 June 16:00 UTC is already 2 June there.
    given(caseDecider, settled).when(reopen, when(Date.UTC(2026, 5, 2, 15, 30), "Asia/Shanghai")).thenMatches([{ type: "reopened" }])
    given(caseDecider, settled).when(reopen, when(Date.UTC(2026, 5, 2, 16, 30), "Asia/Shanghai")).thenFails("InvalidInput")
    // The same instants in a county on UTC: the window ends at midnight UTC.
    given(caseDecider, settled).when(reopen, when(Date.UTC(2026, 5, 2, 23, 30), "UTC")).thenMatches([{ type: "reopened" }])
    given(caseDecider, settled).when(reopen, when(Date.UTC(2026, 5, 3, 0, 30), "UTC")).thenFails("InvalidInput")
    expect(resolvedAt).toBe(Date.parse(at(6)))
  })

  it("reports only a known category at a known place, naming the field", () => {
    given(caseDecider).when({ ...report, category: "parking_fight" } as DecideCommand, ctx(0)).thenFails("InvalidInput", { issues: [{ path: "category" }] })
    given(caseDecider).when(report, { at: at(0), actor, config }).thenFails("InvalidInput", { issues: [{ path: "nodeId" }] })
  })

  it("holds the rounds in order: proposal, joint, decision; an agreement only after the decision, with every party's consent", () => {
    const heard = history([[0, report], [1, accept], [2, { _tag: "RecordStatement", party: 0, text: "吵", publishable: true }]])
    const round = (r: "proposal" | "joint" | "decision"): DecideCommand => ({ _tag: "RecordRound", round: r, participants: [{ role: "party_organisation", name: null }], outcome: "商议" })
    given(caseDecider, heard).when(round("joint"), ctx(3)).thenFails("InvalidInput", { issues: [{ path: "round" }] })
    given(caseDecider, heard).when(round("proposal"), ctx(3)).thenMatches([{ type: "round_recorded", round: { round: "proposal" } }])
    const twoRounds = history([[0, report], [1, accept], [2, { _tag: "RecordStatement", party: 0, text: "吵", publishable: true }], [3, round("proposal")], [4, round("joint")]])
    given(caseDecider, twoRounds).when({ _tag: "RecordAgreement", terms: "限时施工", consents: [true, true] }, ctx(5)).thenFails("InvalidInput", { issues: [{ path: "" }] })
    const deliberated = history([[0, report], [1, accept], [2, { _tag: "RecordStatement", party: 0, text: "吵", publishable: true }], ...rounds(3)])
    given(caseDecider, deliberated).when({ _tag: "RecordAgreement", terms: "限时施工", consents: [true] }, ctx(6)).thenFails("InvalidInput", { issues: [{ path: "consents" }] })
    given(caseDecider, deliberated).when({ _tag: "RecordAgreement", terms: "限时施工", consents: [true, false] }, ctx(6)).thenFails("InvalidInput", { issues: [{ path: "consents.1" }] })
    given(caseDecider, deliberated).when({ _tag: "RecordAgreement", terms: "限时施工", consents: [true, true] }, ctx(6)).thenMatches([{ type: "agreement_recorded", agreement: { consents: [true, true] } }])
  })

  it("rates each party of the case once; reopens only a case settled by an agreement", () => {
    const settled = history([[0, report], [1, accept], [2, { _tag: "RecordStatement", party: 0, text: "吵", publishable: true }], ...rounds(3),
      [6, { _tag: "RecordAgreement", terms: "限时施工", consents: [true, true] }], [6, { _tag: "Resolve", outcome: "已履行" }], [7, { _tag: "Disclose" }]])
    given(caseDecider, settled).when({ _tag: "Rate", ratings: [{ party: 0, rating: "satisfied" }, { party: 0, rating: "satisfied" }] }, ctx(8)).thenFails("InvalidInput", { issues: [{ path: "ratings.1.party" }] })
    given(caseDecider, settled).when({ _tag: "Rate", ratings: [{ party: 2, rating: "satisfied" }] }, ctx(8)).thenFails("InvalidInput", { issues: [{ path: "ratings.0.party" }] })
    given(caseDecider, settled).when({ _tag: "Rate", ratings: [{ party: 1, rating: "unsatisfied" }] }, ctx(8)).thenMatches([{ type: "rated" }])
    const street = { id: county, name: "鼓楼街道", supervisor: null }
    const resolvedByStreet = history([[0, report], [30, { _tag: "Escalate", to: "street", reason: "逾期" }, { street }], [31, { _tag: "Resolve", outcome: "街道调处" }]])
    given(caseDecider, resolvedByStreet).when({ _tag: "Reopen", reason: "未履行" }, ctx(32)).thenFails("InvalidInput", { issues: [{ path: "" }] })
  })

  it("publishes, on disclosure, the masked text: names given by the context and held by the case, and every long digit run", () => {
    const settled = history([[0, { ...report, title: "张三丰（134 1177 1502）反映邻居李四噪音" } as DecideCommand], [1, accept],
      [2, { _tag: "RecordStatement", party: 0, text: "李四说：打１７７－０００７－８３８７", publishable: true }],
      [2, { _tag: "RecordStatement", party: 1, text: "不公开", publishable: false }], ...rounds(3),
      [6, { _tag: "RecordAgreement", terms: "李 四限时施工", consents: [true, true] }], [6, { _tag: "Resolve", outcome: "联系13326758505" }]])
    const after = given(caseDecider, settled).when({ _tag: "Disclose" }, ctx(7, { names: ["李四"] })).thenMatches([{ type: "disclosed" }])
    expect(after?.publication).toMatchObject({
      topic: "张**（*** **** ****）反映邻居李*噪音",
      statements: ["李*说：打***－****－****"],
      outcomes: ["商议", "商议", "商议"],
      agreement: "李*限时施工",
      outcome: "联系***********"
    })
  })
})

describe("configuration decider", () => {
  const base = { ...config, version: 3 }
  const cctx = { at: at(0), actor }
  it("changes what differs and names it; a change that changes nothing decides nothing", () => {
    given(mediationConfigDecider, [], base).when({ reopenWindowDays: 30, categories: config.categories }, cctx)
      .thenMatches([{ type: "changed", changed: ["reopenWindowDays"], config: { reopenWindowDays: 30, version: 3 } }])
    given(mediationConfigDecider, [], base).when({ reopenWindowDays: config.reopenWindowDays, deadlines: config.deadlines }, cctx).thenNothing()
    given(mediationConfigDecider, [], base).when({ reopenWindowDays: 1, expectedVersion: 2 }, cctx).thenFails("Conflict", { reason: "version_mismatch" })
  })

  it("checks the whole configuration after the change", () => {
    const withDepartment = { ...base, departments: [{ code: "housing", name: "县住建局", categories: ["water_leak"], staff: [], supervisor: null }] }
    const e = given(mediationConfigDecider, [], withDepartment).when({ categories: [{ key: "noise", nameZh: "噪音", nameEn: "noise" }] }, cctx).thenFails("InvalidInput")
    expect(e).toMatchObject({ issues: [{ path: "departments.0.categories.0" }] })
    given(mediationConfigDecider, [], withDepartment).when({ defaultDepartment: "urban" }, cctx).thenFails("InvalidInput", { issues: [{ path: "defaultDepartment" }] })
  })
})

describe("mediation input", () => {
  const decode = <S extends Schema.Top>(schema: S) => (input: unknown) => Schema.decodeUnknownResult(schema as never)(input) as Result.Result<unknown, Schema.SchemaError>
  const command = decode(CaseCommand)
  const configure = decode(ConfigureMediation)

  it("takes statements, outcomes, agreements and reasons as prose: line breaks yes, control, bidi and zero-width characters no", () => {
    expect(command({ _tag: "RecordStatement", party: 0, text: "第一段：漏水。\n第二段：已报物业。", publishable: false })._tag).toBe("Success")
    expect(command({ _tag: "Resolve", outcome: "已修复\r\n已回访" })._tag).toBe("Success")
    expect(command({ _tag: "RecordAgreement", terms: "维修\u202E费用", consents: [true] })._tag).toBe("Failure")
    expect(command({ _tag: "Withdraw", reason: "撤回\u200B" })._tag).toBe("Failure")
    expect(command({ _tag: "RecordNoAgreement", reason: "x\u0007" })._tag).toBe("Failure")
    expect(command({ _tag: "Decline", reason: " " })._tag).toBe("Failure")
  })

  it("takes names and titles as one line, keys as ASCII codes, people by id, instants that exist", () => {
    const base = { nodeId: unit, category: "noise", title: "噪音", description: "夜间\n噪音", parties: [{ kind: "person", personId: neighbour, side: "applicant" }] }
    expect(decode(ReportCase)(base)._tag).toBe("Success")
    expect(decode(ReportCase)({ ...base, title: "噪音\n扰民" })._tag).toBe("Failure")
    expect(decode(ReportCase)({ ...base, category: "噪音" })._tag).toBe("Failure")
    expect(decode(ReportCase)({ ...base, parties: [{ kind: "person", personId: "mediator-1", side: "applicant" }] })._tag).toBe("Failure")
    expect(decode(ReportCase)({ ...base, parties: [{ name: "张三", phone: null, idCardNumber: null, houseNumber: null, side: "applicant" }] })._tag).toBe("Failure")
    expect(decode(ReportCase)({ ...base, parties: [base.parties[0], base.parties[0]] })._tag).toBe("Failure")
    expect(decode(ReportCase)({ ...base, parties: [{ kind: "external", name: "张\u202E三", phone: null, idCardNumber: null, houseNumber: null, side: "applicant" }] })._tag).toBe("Failure")
    expect(command({ _tag: "Accept", mediators: ["mediator-1"] })._tag).toBe("Failure")
    expect(command({ _tag: "Accept", mediators: [mediator, mediator] })._tag).toBe("Failure")
    expect(command({ _tag: "Escalate", to: "street", reason: "x", deadline: "2026-02-30T10:00:00Z" })._tag).toBe("Failure")
    expect(command({ _tag: "Escalate", to: "street", reason: "x", deadline: "2026-02-28T24:00:00Z" })._tag).toBe("Failure")
    expect(command({ _tag: "RecordRound", round: "proposal", participants: [{ role: "party", name: "张三\n李四" }], outcome: "x" })._tag).toBe("Failure")
    expect(command({ _tag: "RecordStatement", party: -1, text: "x", publishable: true })._tag).toBe("Failure")
  })

  it("checks a configuration change in the core schema: unique keys and codes, departments taking known categories", () => {
    const category = { key: "noise", nameZh: "噪音", nameEn: "noise" }
    expect(configure({ categories: [category, category] })._tag).toBe("Failure")
    expect(configure({ categories: [{ ...category, key: "噪音" }] })._tag).toBe("Failure")
    const department = { code: "housing", name: "县住建局", categories: ["noise"], staff: [], supervisor: null }
    expect(configure({ departments: [department, department] })._tag).toBe("Failure")
    expect(configure({ departments: [{ ...department, staff: ["dept-housing-1"] }] })._tag).toBe("Failure")
    expect(configure({ departments: [{ ...department, staff: [mediator, mediator] }] })._tag).toBe("Failure")
    expect(configure({ categories: [category], departments: [{ ...department, categories: ["parking"] }] })._tag).toBe("Failure")
    expect(configure({ departments: [department], defaultDepartment: "urban" })._tag).toBe("Failure")
    expect(configure({ reopenWindowDays: 1.5 })._tag).toBe("Failure")
    expect(configure({ categories: [category], departments: [department], defaultDepartment: "housing" })._tag).toBe("Success")
  })
})

describe("mediation rules", () => {
  it("masks, in a publication, the names of the case's outsiders and participants and the given names, also spelled apart", () => {
    const c = caseDecider.evolve(undefined, Result.getOrThrow(caseDecider.decide(undefined, { ...report, title: "张 三 丰与张三" } as DecideCommand, ctx(0)))[0]!)
    const p = publicationOf(c, config, ["张三"])
    expect(p.topic).toBe("张**与张*")
    expect(p.category).toEqual({ key: "noise", nameZh: "噪音扰民", nameEn: "noise" })
  })

  it("keeps planted residents' names, phones and ID-card numbers out of every published text (property)", () => {
    fc.assert(fc.property(arbitraryName, arbitraryName, arbitraryMobile, arbitraryIdCard, arbitrarySpelling, arbitrarySpelling, (outsider, resident, phone, id, spellPhone, spellId) => {
      const text = `${resident}（${spellPhone(phone)}）与${outsider}，证件${spellId(id)}`
      const events = history([[0, { ...report, title: "漏水", description: text, parties: [{ kind: "external", name: outsider, phone, idCardNumber: id, houseNumber: null, side: "applicant" }] } as DecideCommand],
        [1, accept], [2, { _tag: "RecordStatement", party: 0, text, publishable: true }],
        ...(["proposal", "joint", "decision"] as const).map((round, i) => [3 + i, { _tag: "RecordRound", round, participants: [{ role: "party", name: resident }], outcome: text }] as const),
        [6, { _tag: "RecordAgreement", terms: text, consents: [true] }], [6, { _tag: "Resolve", outcome: text }]])
      const c = events.reduce<MediationCase | undefined>(caseDecider.evolve, undefined)!
      expect(findPersonalData(publicationOf(c, config, [resident]), { names: [outsider, resident], numbers: [phone, id] })).toEqual([])
    }), { numRuns: 200 })
  })

  it("computes the median of an even count and percentages of empty sets as zero", () => {
    const s = computeStatistics({ rootId: county, from: null, to: null, facts: { groups: [], resolveHours: [4, 1, 3, 2] }, categories: config.categories })
    expect(s.medianHoursToResolve).toBe(2.5)
    expect(s.responseRate).toEqual({ count: 0, of: 0, percent: 0 })
    expect(s.onTime.map((o) => o.percent)).toEqual([0, 0, 0])
    expect(s.lastYear).toBeNull()
  })

  it("projects every event to a feed event of its own schema, without names, person ids or free text", () => {
    const events = history([[0, report], [1, accept], [2, { _tag: "RecordStatement", party: 0, text: "张三丰说吵", publishable: true }], ...rounds(3),
      [6, { _tag: "RecordNoAgreement", reason: "张三丰不同意" }]])
    const c = events.reduce<MediationCase | undefined>(caseDecider.evolve, undefined)!
    const feed = Schema.decodeUnknownSync(Schema.Union(MediationFeedEvents))
    events.forEach((e, i) => {
      const recorded = recordCaseEvent(e, c)
      const stored = { id: "evt_01JDZ6Y5V6Q2N8W3X4K7H9M0AH", type: recorded.type, aggregateType: "mediation case", aggregateId: c.id, version: i + 1, actor, at: e.at, scope: recorded.scope, payload: recorded.payload, position: i + 1 }
      expect(feed(stored).type).toBe(`mediation.case.${e.type}`)
      const payload = JSON.stringify(logPayload(e))
      for (const value of ["张三丰", "13812341234", "3-2-501", mediator, neighbour, "吵"]) expect(payload).not.toContain(value)
    })
    expect(new Set(MediationFeedEvents.map((s) => s.fields.type.literal)).size).toBe(MediationFeedEvents.length)
  })
})

describe("docs/mediation-states.md", () => {
  const committed = readFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "mediation-states.md"), "utf8")

  it("is the document generated from the transition table (regenerate with scripts/diagrams.ts)", () => {
    expect(committed).toBe(mediationStatesDocument())
  })

  it("draws exactly the transitions the decider makes: every state × every command, enumerated", () => {
    const drawn = new Set([...committed.matchAll(/^ {2}(\S+) --> (\S+) : (\w+)$/gmu)].map(([, from, to, command]) => `${from} --> ${to} : ${command}`))
    expect(drawn.size).toBe(mediationTransitions.length)
    const street = { id: county, name: "鼓楼街道", supervisor: null }
    const housing = { ...config, departments: [{ code: "housing", name: "县住建局", categories: ["noise"], staff: [], supervisor: null }] }
    const at = (hours: number, extra: Partial<DecideContext> = {}) => ctx(hours, { street, ...extra, config: housing })
    const statement: DecideCommand = { _tag: "RecordStatement", party: 0, text: "吵", publishable: true }
    const round = (r: "proposal" | "joint" | "decision"): DecideCommand => ({ _tag: "RecordRound", round: r, participants: [{ role: "party_organisation", name: null }], outcome: "商议" })
    const agreement: DecideCommand = { _tag: "RecordAgreement", terms: "限时施工", consents: [true, true] }
    const noAgreement: DecideCommand = { _tag: "RecordNoAgreement", reason: "不同意" }
    const toStreet: DecideCommand = { _tag: "Escalate", to: "street", reason: "调解未成" }
    const commands: Record<string, ReadonlyArray<DecideCommand>> = {
      Accept: [accept],
      Decline: [{ _tag: "Decline", reason: "不属于调解范围", referredTo: "司法所" }],
      RecordStatement: [statement],
      RecordRound: [round("proposal"), round("joint"), round("decision")],
      RecordAgreement: [agreement],
      RecordNoAgreement: [noAgreement],
      Escalate: [toStreet, { _tag: "Escalate", to: "department", department: "housing", reason: "需鉴定" }],
      Resolve: [{ _tag: "Resolve", outcome: "已修复" }],
      Disclose: [{ _tag: "Disclose" }],
      Rate: [{ _tag: "Rate", ratings: [{ party: 0, rating: "satisfied" }, { party: 1, rating: "basically_satisfied" }] }],
      Close: [{ _tag: "Close" }],
      Withdraw: [{ _tag: "Withdraw", reason: "已和解" }],
      Reopen: [{ _tag: "Reopen", reason: "未履行" }]
    }
    // The ways to each state: steps from nothing, an hour apart.
    const heard = [report, accept, statement]
    const deliberating = [...heard, round("proposal"), round("joint"), round("decision")]
    const settled = [...deliberating, agreement, { _tag: "Resolve", outcome: "已修复" } as DecideCommand]
    const ways: ReadonlyArray<ReadonlyArray<DecideCommand>> = [
      [report], [report, accept], [report, commands.Decline![0]!], heard, [...heard, round("proposal")], deliberating,
      [...deliberating, agreement], [...deliberating, noAgreement], [...deliberating, noAgreement, toStreet], [report, toStreet], settled,
      [...settled, { _tag: "Disclose" }], [...settled, { _tag: "Disclose" }, commands.Rate![0]!], [...settled, { _tag: "Disclose" }, commands.Rate![0]!, { _tag: "Close" }],
      [report, commands.Withdraw![0]!]
    ]
    const made = new Set<string>()
    const reported = history([[0, report]]).reduce<MediationCase | undefined>(caseDecider.evolve, undefined)!
    made.add(`[*] --> ${reported.state} : Report`)
    for (const way of ways) {
      const events: Array<CaseEvent> = []
      way.forEach((command, hour) => {
        const state = events.reduce<MediationCase | undefined>(caseDecider.evolve, undefined)
        events.push(...Result.getOrThrow(caseDecider.decide(state, command, at(hour))))
      })
      const c = events.reduce<MediationCase | undefined>(caseDecider.evolve, undefined)!
      for (const tag of commandTags) {
        for (const command of commands[tag] ?? []) {
          const r = given(caseDecider, events).when(command, at(way.length)).result
          if (Result.isSuccess(r) && r.success.length > 0) made.add(`${c.state} --> ${r.success.reduce(caseDecider.evolve, c).state} : ${tag}`)
        }
      }
    }
    expect([...made].sort()).toEqual([...drawn].sort())
  })
})
