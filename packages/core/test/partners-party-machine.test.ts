/**
 * The partner and registration deciders read as given / when / then, both transition
 * tables enumerated, the tally of hours as a property, and the reports' arithmetic.
 */
import {
  type GridNodeId, type Partner, type PartnerCommand, type PartnerDecideContext, partnerDecider, type PartnerEvent, type PartnerId, partnerReportOf, PartnerStatus, partnerTransitions,
  type PartyServiceId, partyReportOf, type Provision, type ProvisionId, type Registration, type RegistrationCommand, type RegistrationDecideContext, registrationDecider,
  type RegistrationEvent, type RegistrationId, RegistrationStatus, registrationTransitions, defaultPartyServiceKinds, memberView, partnerReportSheet, partyReportSheet
} from "@mulin/core"
import { given } from "@mulin/core/testing"
import { Result } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const at = "2026-06-10T02:00:00.000Z"
const actor = { id: "psn_01", kind: "person" } as const
const county = "node_county" as GridNodeId
const scope = [county, "node_street" as GridNodeId, "node_c1" as GridNodeId]
const partnerId = "org_01KT000000000000000000000A" as PartnerId
const pctx: PartnerDecideContext = { at, actor, partner: { id: partnerId, countyId: county, scope } }
const partner: Partner = {
  id: partnerId, countyId: county, nodeId: scope[2]!, scope, type: "merchant", name: "老陈理发店", serves: [scope[2]!], staff: [], merchantAccountIds: [],
  status: "active", createdAt: at, updatedAt: at, withdrawnAt: null, version: 0
}
const registered: PartnerEvent = { type: "registered", at, actor, partner }

describe("the partner decider", () => {
  it("registers a partner serving its own node unless told otherwise", () => {
    given(partnerDecider).when({ _tag: "Register", nodeId: scope[2]!, type: "merchant", name: "老陈理发店" }, pctx).then([registered])
  })

  it("adds staff with a role once, removes them, links a merchant account once", () => {
    const staff = { personId: "psn_02" as Partner["staff"][number]["personId"], name: "陈理发", role: "店长" }
    const withStaff = given(partnerDecider, [registered]).when({ _tag: "AddStaff", personId: staff.personId, role: "店长" }, { ...pctx, staff }).then([{ type: "staffAdded", at, actor, staff }])
    expect(withStaff?.staff).toEqual([staff])
    const history: Array<PartnerEvent> = [registered, { type: "staffAdded", at, actor, staff }]
    given(partnerDecider, history).when({ _tag: "AddStaff", personId: staff.personId, role: "店长" }, { ...pctx, staff }).thenNothing()
    given(partnerDecider, history).when({ _tag: "RemoveStaff", personId: staff.personId }, pctx).thenMatches([{ type: "staffRemoved" }])
    given(partnerDecider, [registered]).when({ _tag: "RemoveStaff", personId: staff.personId }, pctx).thenNothing()
    given(partnerDecider, [registered]).when({ _tag: "AddStaff", personId: staff.personId, role: "店长" }, pctx).thenFails("InvalidInput")
    const account = "acct_01" as Partner["merchantAccountIds"][number]
    given(partnerDecider, [registered, { type: "merchantLinked", at, actor, merchantAccountId: account }]).when({ _tag: "LinkMerchant", merchantAccountId: account }, pctx).thenNothing()
  })

  it("keeps every withdrawal when reinstated, one kept before the history existed included", () => {
    const later = "2026-07-01T00:00:00.000Z"
    const twice = given(partnerDecider, [registered, { type: "withdrawn", at, actor }, { type: "reinstated", at: later, actor }, { type: "withdrawn", at: later, actor }]).state!
    expect(twice).toMatchObject({ status: "withdrawn", withdrawnAt: later, withdrawals: [{ withdrawnAt: at, reinstatedAt: later }, { withdrawnAt: later, reinstatedAt: null }] })
    const stored: Partner = { ...partner, status: "withdrawn", withdrawnAt: at }
    const back = partnerDecider.evolve(stored, { type: "reinstated", at: later, actor })
    expect(back).toMatchObject({ status: "active", withdrawnAt: null, withdrawals: [{ withdrawnAt: at, reinstatedAt: later }] })
  })

  it("follows the transition table for every (status, command) pair", () => {
    const commands: ReadonlyArray<PartnerCommand> = [
      { _tag: "Update", name: "新名" }, { _tag: "RemoveStaff", personId: "psn_09" as never }, { _tag: "LinkMerchant", merchantAccountId: "acct_09" as never },
      { _tag: "Withdraw" }, { _tag: "Reinstate" }
    ]
    const into: Record<PartnerStatus, ReadonlyArray<PartnerEvent>> = { active: [registered], withdrawn: [registered, { type: "withdrawn", at, actor }] }
    for (const status of PartnerStatus.literals) {
      for (const command of commands) {
        const result = partnerDecider.decide(given(partnerDecider, into[status]).state, command, pctx)
        const allowed = partnerTransitions[status][command._tag] !== undefined
        expect(Result.isSuccess(result) || (result.failure as { _tag: string })._tag !== "InvalidTransition", `${status} ${command._tag}`).toBe(allowed)
      }
    }
  })
})

const regId = "pmr_01KT000000000000000000000A" as RegistrationId
const kinds = defaultPartyServiceKinds.map((k) => k.code)
const rctx: RegistrationDecideContext = { at, actor, kinds, today: "2026-06-10", registeredOn: "2026-06-01", service: { id: "psr_01" as PartyServiceId, servedAt: "2026-06-09T16:00:00.000Z" } }
const registration: Registration = {
  id: regId, countyId: county, personId: "psn_03" as Registration["personId"], communityId: scope[2]!, scope, employerId: partnerId, commitments: ["care_visit"],
  status: "active", hours: 0, services: 0, registeredAt: "2026-06-01T02:00:00.000Z", withdrawnAt: null, updatedAt: at, version: 0
}
const joined: RegistrationEvent = { type: "registered", at, actor, registration }

describe("the registration decider", () => {
  it("refuses commitments the county does not keep, naming the field", () => {
    given(registrationDecider).when({ _tag: "Register", registration: { ...registration, commitments: ["dancing"] } }, rctx).thenFails("InvalidInput", {})
    given(registrationDecider).when({ _tag: "Register", registration }, rctx).then([joined])
  })

  it("records a service of a known kind on a day from the registration to today", () => {
    given(registrationDecider, [joined]).when({ _tag: "RecordService", kind: "care_visit", hours: 1.5 }, rctx)
      .thenMatches([{ type: "serviceRecorded", service: { hours: 1.5, servedOn: "2026-06-10", employerId: partnerId, registrationId: regId } }])
    for (const servedOn of ["2026-06-11", "2026-05-31"]) {
      expect(given(registrationDecider, [joined]).when({ _tag: "RecordService", kind: "care_visit", hours: 1, servedOn }, rctx).thenFails("InvalidInput")).toMatchObject({ issues: [{ path: "servedOn" }] })
    }
    expect(given(registrationDecider, [joined]).when({ _tag: "RecordService", kind: "dancing", hours: 1 }, rctx).thenFails("InvalidInput")).toMatchObject({ issues: [{ path: "kind" }] })
  })

  it("follows the transition table for every (status, command) pair", () => {
    const commands: ReadonlyArray<RegistrationCommand> = [{ _tag: "Commit", commitments: ["grid_patrol"] }, { _tag: "RecordService", kind: "care_visit", hours: 1 }, { _tag: "Withdraw" }]
    const into: Record<RegistrationStatus, ReadonlyArray<RegistrationEvent>> = { active: [joined], withdrawn: [joined, { type: "withdrawn", at, actor }] }
    for (const status of RegistrationStatus.literals) {
      for (const command of commands) {
        const result = registrationDecider.decide(given(registrationDecider, into[status]).state, command, rctx)
        expect(Result.isSuccess(result), `${status} ${command._tag}`).toBe(registrationTransitions[status][command._tag] !== undefined)
      }
    }
  })

  it("tallies exactly the hours recorded, whatever their order (property)", () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 48 }), { maxLength: 30 }), (halves) => {
      let state = given(registrationDecider, [joined]).state
      for (const h of halves) {
        const result = registrationDecider.decide(state, { _tag: "RecordService", kind: "grid_patrol", hours: h / 2 }, rctx)
        if (Result.isFailure(result)) return false
        state = result.success.reduce(registrationDecider.evolve, state)
      }
      return state!.services === halves.length && state!.hours * 2 === halves.reduce((n, h) => n + h, 0)
    }))
  })
})

describe("the reports", () => {
  it("mask a member's name and phone without personal read", () => {
    const open = memberView(registration, { name: "赵党员", phone: "13900000003" }, true)
    const masked = memberView(registration, { name: "赵党员", phone: "13900000003" }, false)
    expect(open).toMatchObject({ name: "赵党员", phone: "13900000003", masked: false })
    expect(masked.masked).toBe(true)
    expect(masked.name).not.toContain("党员")
    expect(masked.phone).not.toBe("13900000003")
  })

  it("sum a partner's services by kind and type (property: totals equal the sum of the lines)", () => {
    fc.assert(fc.property(fc.array(fc.record({ p: fc.integer({ min: 0, max: 3 }), free: fc.boolean(), people: fc.integer({ min: 1, max: 50 }), points: fc.integer({ min: 0, max: 100 }) })), (rows) => {
      const provisions: Array<Provision> = rows.map((r, i) => ({
        id: `pvd_${i}` as ProvisionId, countyId: county, partnerId: `org_${r.p}` as PartnerId, partnerType: r.p % 2 === 0 ? "merchant" : "clinic", nodeId: scope[2]!, scope,
        kind: r.free ? "free" : "redemption", title: "理发", serviceId: null, people: r.people, points: r.free ? 0 : r.points, providedAt: at
      }))
      const report = partnerReportOf(scope[2]!, { from: "2026-06-01", to: "2026-06-30" }, 4, provisions, [])
      const services = report.partners.reduce((n, l) => n + l.freeServices + l.redemptions, 0)
      return services === rows.length && report.byType.reduce((n, t) => n + t.services, 0) === rows.length &&
        report.totals.people === rows.reduce((n, r) => n + r.people, 0) && report.totals.freeServices === rows.filter((r) => r.free).length
    }))
  })

  it("read as sheets with bilingual headers, one row per line and the totals", () => {
    const window = ["2026-06-01T00:00:00.000Z", "2026-07-01T00:00:00.000Z"] as const
    const report = partyReportOf({ rootId: county, from: "2026-06-01", to: "2026-06-30", window, employerId: null, monthOf: (x) => x.slice(0, 7) }, [registration], [], new Map([[partnerId as string, "县供电公司"]]))
    const sheet = partyReportSheet(report)
    expect(sheet.columns.map((c) => c.zh)).toEqual(["工作单位", "报到人数", "参与服务人数", "服务时长（小时）", "人均时长（小时）"])
    expect(sheet.rows).toEqual([{ employer: "县供电公司", registered: 1, serving: 0, hours: 0, meanHours: 0 }, { employer: "合计 Total", registered: 1, serving: 0, hours: 0, meanHours: 0 }])
    const partners = partnerReportSheet(partnerReportOf(scope[2]!, { from: "2026-06-01", to: "2026-06-30" }, 1, [], []))
    expect(partners.rows).toEqual([])
    expect(partners.columns.every((c) => c.en.length > 0 && c.zh.length > 0)).toBe(true)
  })

  it("count a member registered before the period's end and not withdrawn before its start", () => {
    const window = ["2026-06-01T00:00:00.000Z", "2026-07-01T00:00:00.000Z"] as const
    const regs = [registration, { ...registration, id: "pmr_2" as RegistrationId, status: "withdrawn" as const, withdrawnAt: "2026-05-20T00:00:00.000Z" }]
    const report = partyReportOf({ rootId: county, from: "2026-06-01", to: "2026-06-30", window, employerId: null, monthOf: (x) => x.slice(0, 7) }, regs, [], new Map())
    expect(report.totals).toEqual({ registered: 1, serving: 0, hours: 0, meanHours: 0 })
  })
})
