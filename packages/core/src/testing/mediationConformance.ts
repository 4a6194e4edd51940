/**
 * The mediation storage conformance suite. Every adapter calls
 * {@link mediationStoreConformance} from a vitest file and must pass every case: the state
 * machine enumerated pair by pair, authorisation by grid scope and handling level, the
 * masking of disclosures (a property test over generated personal data), the supervision
 * run under a test clock (once per missed deadline, also when two runs overlap), the
 * statistics, and the store's own contract (versions, escalation keys, rollback).
 *
 * @since 0.2.0
 */
import { Effect, Exit, Layer, Option, type Scope } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { type Actor, systemActor } from "../kernel/actor.js"
import { IdGenerator } from "../kernel/ids.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import { GridStore } from "../grid/store.js"
import { isValidIdCard } from "../kernel/text.js"
import { arbitraryIdCard } from "./personal.js"
import { commandTags, decideCase, target, transitions } from "../mediation/machine.js"
import type { CaseCommand, CaseState, MediationCase, Party, ReportCase } from "../mediation/model.js"
import { CaseState as CaseStateSchema } from "../mediation/model.js"
import { defaultMediationConfig } from "../mediation/rules.js"
import { Mediation } from "../mediation/service.js"
import { MediationStore } from "../mediation/store.js"
import { actorWith, buildTinyCounty, type TinyCounty } from "./fixtures.js"

/**
 * The ports a mediation store is tested with.
 *
 * @category models
 * @since 0.2.0
 */
export type MediationStorePorts = MediationStore | GridStore | EventLog | UnitOfWork

/**
 * Options of {@link mediationStoreConformance}.
 *
 * @category models
 * @since 0.2.0
 */
export interface MediationConformanceOptions {
  /** Runs of the disclosure-masking property test (default 25). */
  readonly propertyRuns?: number
}

const sys = systemActor()
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
const HOUR = 3_600_000

type Env = Mediation | Grid | MediationStorePorts | IdGenerator | TestClock.TestClock | Scope.Scope

/** The county every case is built in: the tiny county, configured with two departments. */
interface World {
  readonly t: TinyCounty
  readonly mediator: Actor
  readonly otherMediator: Actor
  readonly secretary: Actor
  readonly streetAdmin: Actor
  readonly otherStreetAdmin: Actor
  readonly housing: Actor
  readonly urban: Actor
}

const setupWorld: Effect.Effect<World, unknown, Mediation | Grid> = Effect.gen(function*() {
  const t = yield* buildTinyCounty()
  const mediation = yield* Mediation
  yield* mediation.configure(sys, t.county.id, {
    departments: [
      { code: "housing", name: "县住建局", categories: ["water_leak", "property_fee"], staff: ["dept-housing-1"], supervisor: { id: "sup-housing", name: "钱督办" } },
      { code: "urban", name: "县城管局", categories: ["parking"], staff: ["dept-urban-1"], supervisor: null }
    ],
    defaultDepartment: "urban"
  })
  return {
    t,
    mediator: actorWith("mediator-1", { role: "mediator", scope: t.communities[0].id }),
    otherMediator: actorWith("mediator-2", { role: "mediator", scope: t.communities[0].id }),
    secretary: actorWith("secretary-1", { role: "community_secretary", scope: t.communities[0].id }),
    streetAdmin: actorWith("street-1", { role: "street_admin", scope: t.streets[0].id }),
    otherStreetAdmin: actorWith("street-2", { role: "street_admin", scope: t.streets[1].id }),
    housing: actorWith("dept-housing-1"),
    urban: actorWith("dept-urban-1")
  }
})

const parties: ReadonlyArray<Party> = [
  { name: "欧阳芃翀", phone: "13912345678", idCardNumber: "110101199003074477", houseNumber: "3-2-501", side: "applicant" },
  { name: "司马婕", phone: "13787654321", idCardNumber: null, houseNumber: "3-2-401", side: "respondent" }
]

const reportOf = (w: World, overrides: Partial<ReportCase> = {}): ReportCase => ({
  nodeId: w.t.units[0].id,
  category: "water_leak",
  title: "楼上漏水影响楼下",
  description: "欧阳芃翀反映楼上司马婕家卫生间漏水，电话13912345678",
  parties,
  attachments: ["photo:ceiling-1"],
  ...overrides
})

const mediatorStaff = { id: "mediator-1", name: "孙调解" }

/** A command of each tag that is valid, as far as its content goes, for the case as it is. */
const validCommand = (c: MediationCase, tag: CaseCommand["_tag"]): CaseCommand => {
  switch (tag) {
    case "Accept":
      return { _tag: "Accept", mediators: [mediatorStaff] }
    case "Decline":
      return { _tag: "Decline", reason: "不属于调解范围", referredTo: "司法所" }
    case "RecordStatement":
      return { _tag: "RecordStatement", party: 0, text: "卫生间天花板持续滴水", publishable: true }
    case "RecordRound": {
      const next = (["proposal", "joint", "decision"] as const).find((r) => !c.rounds.some((x) => x.round === r)) ?? "decision"
      return { _tag: "RecordRound", round: next, participants: ["网格党支部", "物业公司", "业委会"], outcome: "同意先行维修" }
    }
    case "RecordAgreement":
      return { _tag: "RecordAgreement", terms: "楼上三日内维修防水层，费用由楼上承担", consents: c.parties.map(() => true) }
    case "RecordNoAgreement":
      return { _tag: "RecordNoAgreement", reason: "双方对费用分担无法达成一致" }
    case "Escalate":
      return c.level === "community"
        ? { _tag: "Escalate", to: "street", reason: "社区调解未成" }
        : { _tag: "Escalate", to: "department", department: "housing", reason: "需住建部门鉴定" }
    case "Resolve":
      return { _tag: "Resolve", outcome: "防水层已修复，双方确认" }
    case "Disclose":
      return { _tag: "Disclose" }
    case "Rate":
      return { _tag: "Rate", ratings: [{ party: 0, rating: "satisfied" }, { party: 1, rating: "basically_satisfied" }] }
    case "Close":
      return { _tag: "Close" }
    case "Withdraw":
      return { _tag: "Withdraw", reason: "双方已自行和解" }
    case "Reopen":
      return { _tag: "Reopen", reason: "楼上未按协议维修" }
  }
}

/** The commands that bring a new case to each state. */
const pathTo: Readonly<Record<CaseState, ReadonlyArray<CaseCommand["_tag"]>>> = {
  reported: [],
  accepted: ["Accept"],
  declined: ["Decline"],
  hearing: ["Accept", "RecordStatement"],
  deliberation: ["Accept", "RecordStatement", "RecordRound", "RecordRound", "RecordRound"],
  agreed: ["Accept", "RecordStatement", "RecordRound", "RecordRound", "RecordRound", "RecordAgreement"],
  no_agreement: ["Accept", "RecordStatement", "RecordRound", "RecordRound", "RecordRound", "RecordNoAgreement"],
  escalated: ["Accept", "RecordStatement", "RecordRound", "RecordRound", "RecordRound", "RecordNoAgreement", "Escalate"],
  resolved: ["Accept", "RecordStatement", "RecordRound", "RecordRound", "RecordRound", "RecordAgreement", "Resolve"],
  disclosed: ["Accept", "RecordStatement", "RecordRound", "RecordRound", "RecordRound", "RecordAgreement", "Resolve", "Disclose"],
  rated: ["Accept", "RecordStatement", "RecordRound", "RecordRound", "RecordRound", "RecordAgreement", "Resolve", "Disclose", "Rate"],
  closed: ["Accept", "RecordStatement", "RecordRound", "RecordRound", "RecordRound", "RecordAgreement", "Resolve", "Disclose", "Rate", "Close"],
  withdrawn: ["Withdraw"]
}

/** The next step towards publication (三公开) from a case's state, if there is one. */
const forward = (c: MediationCase): CaseCommand["_tag"] | undefined => {
  switch (c.state) {
    case "reported":
      return "Accept"
    case "accepted":
      return "RecordStatement"
    case "hearing":
      return "RecordRound"
    case "deliberation":
      return c.rounds.some((r) => r.round === "decision") ? "RecordAgreement" : "RecordRound"
    case "agreed":
    case "escalated":
      return "Resolve"
    case "no_agreement":
      return "Escalate"
    case "resolved":
      return "Disclose"
    default:
      return undefined
  }
}

/** Reports a case and drives it along `tags` as the system actor. */
const caseAt = (w: World, tags: ReadonlyArray<CaseCommand["_tag"]>, report: ReportCase = reportOf(w)) =>
  Effect.gen(function*() {
    const mediation = yield* Mediation
    let c = yield* mediation.report(sys, report)
    for (const tag of tags) c = yield* mediation.execute(sys, c.id, validCommand(c, tag))
    return c
  })

const sensitive = (ps: ReadonlyArray<Party>): Array<string> =>
  ps.flatMap((p) => [p.name, ...(p.phone === null ? [] : [p.phone]), ...(p.idCardNumber === null ? [] : [p.idCardNumber]), ...(p.houseNumber === null ? [] : [p.houseNumber])])

/**
 * Registers the mediation conformance cases for a store. `makeLayer` is called once per
 * case and must build a fresh, empty store providing every port listed in
 * {@link MediationStorePorts}.
 *
 * @category conformance
 * @since 0.2.0
 */
export const mediationStoreConformance = (
  name: string,
  makeLayer: () => Layer.Layer<MediationStorePorts, unknown>,
  options: MediationConformanceOptions = {}
): void => {
  const run = <A, E>(effect: Effect.Effect<A, E, Env>): Promise<A> =>
    Effect.runPromise(
      Effect.gen(function*() {
        yield* TestClock.setTime(T0)
        return yield* effect
      }).pipe(
        Effect.scoped,
        Effect.provide(
          Layer.mergeAll(Mediation.layer, Grid.layer).pipe(
            Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(7)))
          )
        ),
        Effect.provide(TestClock.layer())
      ) as Effect.Effect<A, unknown>
    )
  const world = <A, E>(f: (w: World) => Effect.Effect<A, E, Env>) => run(Effect.flatMap(setupWorld, f))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))

  describe(`mediation store conformance: ${name}`, () => {
    it("runs a case through 一听三议三公开 to closure, one event per change, none with personal data", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        const reported = yield* mediation.report(w.t.gridWorker, reportOf(w))
        expect(reported).toMatchObject({ state: "reported", status: "open", level: "community", version: 1, countyId: w.t.county.id, nodeId: w.t.units[0].id })
        expect(reported.deadline).toEqual({ kind: "accept", dueAt: new Date(T0 + 24 * HOUR).toISOString() })
        const accepted = yield* mediation.execute(w.secretary, reported.id, { _tag: "Accept", mediators: [mediatorStaff], expectedVersion: 1 })
        expect(accepted.deadline).toEqual({ kind: "hearing", dueAt: new Date(T0 + 72 * HOUR).toISOString() })
        let c = accepted
        c = yield* mediation.execute(w.mediator, c.id, { _tag: "RecordStatement", party: 0, text: "欧阳芃翀：天花板漏水两周", publishable: true })
        c = yield* mediation.execute(w.mediator, c.id, { _tag: "RecordStatement", party: 1, text: "司马婕：家中有老人，身份证110101199003074477", publishable: false })
        expect(c.deadline?.kind).toBe("agreement")
        const outOfOrder = yield* Effect.flip(mediation.execute(w.mediator, c.id, { _tag: "RecordRound", round: "joint", participants: ["物业"], outcome: "x" }))
        expect(outOfOrder).toMatchObject({ _tag: "InvalidInput" })
        for (const round of ["proposal", "joint", "decision"] as const) {
          c = yield* mediation.execute(w.mediator, c.id, { _tag: "RecordRound", round, participants: ["网格党支部", "物业公司"], outcome: `${round}：同意维修` })
        }
        const refused = yield* Effect.flip(mediation.execute(w.mediator, c.id, { _tag: "RecordAgreement", terms: "维修", consents: [true, false] }))
        expect(refused).toMatchObject({ _tag: "InvalidInput" })
        c = yield* mediation.execute(w.mediator, c.id, { _tag: "RecordAgreement", terms: "司马婕三日内维修", consents: [true, true] })
        c = yield* mediation.execute(w.mediator, c.id, { _tag: "Resolve", outcome: "已修复" })
        expect(c).toMatchObject({ state: "resolved", status: "closed", resolution: { level: "community" } })
        const notYet = yield* Effect.flip(mediation.disclosure(c.id))
        expect(notYet._tag).toBe("NotFound")
        c = yield* mediation.execute(w.secretary, c.id, { _tag: "Disclose" })
        c = yield* mediation.execute(w.mediator, c.id, { _tag: "Rate", ratings: [{ party: 0, rating: "satisfied" }, { party: 1, rating: "unsatisfied" }] })
        c = yield* mediation.execute(w.secretary, c.id, { _tag: "Close" })
        expect(c).toMatchObject({ state: "closed", status: "closed", version: 12, missedLevels: [], reachedLevels: ["community"] })
        expect(yield* mediation.get(w.mediator, c.id)).toEqual(c)

        const disclosure = yield* mediation.disclosure(c.id)
        expect(disclosure.parties.map((p) => p.name)).toEqual(["欧***", "司**"])
        expect(disclosure.parties[0]).toMatchObject({ phone: "139****5678", idCardNumber: "1101**********4477", houseNumber: "3-2-***" })
        expect(disclosure.statements).toHaveLength(1)
        expect(disclosure.statements[0]!.text).toBe("欧***：天花板漏水两周")
        expect(disclosure.rounds.map((r) => r.round)).toEqual(["proposal", "joint", "decision"])
        expect(disclosure.result).toMatchObject({ state: "closed", agreement: "司**三日内维修", outcome: "已修复" })
        expect(disclosure.satisfaction.ratings).toBe(2)
        expect(disclosure.mediators).toEqual(["孙**"])
        const text = JSON.stringify(disclosure)
        for (const value of sensitive(parties)) expect(text).not.toContain(value)

        const board = yield* mediation.publicList(w.t.county.id)
        expect(board.items.map((d) => d.caseId)).toEqual([c.id])

        const mine = (yield* events).filter((e) => e.aggregateId === c.id)
        expect(mine.map((e) => e.version)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
        expect(mine[0]!.type).toBe("mediation.case.reported")
        expect(mine.every((e) => e.scope.join("/") === c.scope.join("/"))).toBe(true)
        const logged = JSON.stringify(mine)
        for (const value of [...sensitive(parties), "天花板", "维修"]) expect(logged).not.toContain(value)
      })))

    it("enumerates every (state, command) pair: each follows the transition table or fails with InvalidTransition", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        const config = { ...defaultMediationConfig(w.t.county.id) }
        let checked = 0
        for (const state of CaseStateSchema.literals) {
          for (const tag of commandTags) {
            const c = yield* caseAt(w, pathTo[state])
            expect(c.state).toBe(state)
            const to = target(state, tag)
            if (tag === "Report") {
              // Reporting is the only command without a case: on an existing one the decider refuses it.
              const r = decideCase(c, { _tag: "Report", ...reportOf(w) }, { at: c.updatedAt, actor: sys, config })
              expect(r._tag === "Failure" && r.failure._tag).toBe("InvalidTransition")
              checked++
              continue
            }
            const result = yield* Effect.result(mediation.execute(sys, c.id, validCommand(c, tag as CaseCommand["_tag"])))
            if (to === undefined) {
              expect(result._tag === "Failure" ? result.failure._tag : `succeeded into ${result.success.state}`, `${state} × ${tag}`).toBe("InvalidTransition")
              const after = yield* mediation.get(sys, c.id)
              expect(after.version).toBe(c.version)
            } else {
              expect(result._tag === "Success" ? result.success.state : result.failure.message, `${state} × ${tag}`).toBe(to)
            }
            checked++
          }
        }
        expect(checked).toBe(CaseStateSchema.literals.length * commandTags.length)
        // Every arrow of the table was exercised from a real state (or is the report arrow).
        expect(transitions.every((t) => t.from === "start" || CaseStateSchema.literals.includes(t.from))).toBe(true)
      })))

    it("authorises by grid scope and handling level: own mediators, the community, then street and department", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        const outsider = actorWith("worker-2", { role: "grid_worker", scope: w.t.grids[1].id })
        const c = yield* mediation.report(w.t.gridWorker, reportOf(w))
        // Outside the subtree nothing is admitted to exist; a resident may report but not read.
        expect((yield* Effect.flip(mediation.get(outsider, c.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(mediation.get(w.housing, c.id)))._tag).toBe("NotFound")
        const resident = actorWith("resident-9", { role: "resident", scope: w.t.units[0].id })
        expect((yield* mediation.report(resident, reportOf(w))).state).toBe("reported")
        expect((yield* Effect.flip(mediation.report(resident, reportOf(w, { nodeId: w.t.units[2].id }))))._tag).toBe("NotFound")
        // Only community staff accept; a mediator not assigned cannot act.
        expect((yield* Effect.flip(mediation.execute(w.mediator, c.id, { _tag: "Accept", mediators: [mediatorStaff] })))._tag).toBe("Forbidden")
        yield* mediation.execute(w.secretary, c.id, { _tag: "Accept", mediators: [mediatorStaff] })
        expect((yield* Effect.flip(mediation.execute(w.otherMediator, c.id, validCommand(c, "RecordStatement"))))._tag).toBe("Forbidden")
        let x = yield* mediation.execute(w.mediator, c.id, validCommand(c, "RecordStatement"))
        for (let i = 0; i < 3; i++) x = yield* mediation.execute(w.mediator, c.id, validCommand(x, "RecordRound"))
        x = yield* mediation.execute(w.mediator, c.id, validCommand(x, "RecordNoAgreement"))
        x = yield* mediation.execute(w.mediator, c.id, { _tag: "Escalate", to: "street", reason: "调解未成" })
        expect(x).toMatchObject({ level: "street", streetId: w.t.streets[0].id, supervisor: { id: "system" } })
        // Once with the street, the community's mediator and the other street cannot act.
        expect((yield* Effect.flip(mediation.execute(w.mediator, c.id, { _tag: "Resolve", outcome: "x" })))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(mediation.execute(w.otherStreetAdmin, c.id, { _tag: "Resolve", outcome: "x" })))._tag).toBe("NotFound")
        const toDepartment = yield* Effect.flip(mediation.execute(w.streetAdmin, c.id, { _tag: "Escalate", to: "department", department: "nowhere", reason: "x" }))
        expect(toDepartment).toMatchObject({ _tag: "InvalidInput" })
        x = yield* mediation.execute(w.streetAdmin, c.id, { _tag: "Escalate", to: "department", department: "housing", reason: "需要鉴定" })
        expect(x).toMatchObject({ level: "department", department: { code: "housing", name: "县住建局" }, supervisor: { id: "sup-housing" } })
        // The department sees and acts on what was escalated to it, and nothing else.
        expect((yield* mediation.get(w.housing, c.id)).id).toBe(c.id)
        expect((yield* Effect.flip(mediation.get(w.urban, c.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(mediation.execute(w.streetAdmin, c.id, { _tag: "Resolve", outcome: "x" })))._tag).toBe("Forbidden")
        const listed = yield* mediation.list(w.housing, w.t.county.id, { department: "housing" })
        expect(listed.items.map((i) => i.id)).toEqual([c.id])
        expect((yield* Effect.flip(mediation.list(w.housing, w.t.county.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(mediation.list(w.urban, w.t.county.id, { department: "housing" })))._tag).toBe("NotFound")
        x = yield* mediation.execute(w.housing, c.id, { _tag: "Resolve", outcome: "住建局鉴定后维修" })
        expect(x).toMatchObject({ state: "resolved", resolution: { level: "department" }, reachedLevels: ["community", "street", "department"] })
        // The community publishes it.
        x = yield* mediation.execute(w.secretary, c.id, { _tag: "Disclose" })
        expect(x.state).toBe("disclosed")
        // Staff listings carry no personal data; supervision needs the right.
        const page = yield* mediation.list(w.secretary, w.t.communities[0].id, { status: "closed" })
        expect(JSON.stringify(page)).not.toContain(parties[0]!.name)
        expect((yield* Effect.flip(mediation.runSupervision(w.secretary)))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(mediation.runSupervision(w.streetAdmin, { countyId: w.t.county.id })))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(mediation.configure(w.secretary, w.t.county.id, { reopenWindowDays: 1 })))._tag).toBe("Forbidden")
      })))

    it("reopens a case whose agreement is broken, only within the county's window", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        yield* mediation.configure(w.t.admin, w.t.county.id, { reopenWindowDays: 30 })
        const c = yield* caseAt(w, pathTo.closed)
        yield* TestClock.adjust("29 days")
        const reopened = yield* mediation.execute(w.secretary, c.id, { _tag: "Reopen", reason: "未履行" })
        expect(reopened).toMatchObject({ state: "accepted", status: "open", level: "community", agreement: null, reopenCount: 1, disclosedAt: null })
        expect(reopened.deadline?.kind).toBe("hearing")
        expect((yield* mediation.publicList(w.t.county.id)).items).toHaveLength(0)
        const late = yield* caseAt(w, pathTo.resolved)
        yield* TestClock.adjust("31 days")
        expect(yield* Effect.flip(mediation.execute(w.secretary, late.id, { _tag: "Reopen", reason: "x" }))).toMatchObject({ _tag: "InvalidInput" })
        const settledByEscalation = yield* caseAt(w, [...pathTo.escalated, "Resolve"])
        expect(yield* Effect.flip(mediation.execute(w.secretary, settledByEscalation.id, { _tag: "Reopen", reason: "x" }))).toMatchObject({ _tag: "InvalidInput" })
      })))

    it("supervision escalates exactly the overdue cases, once per missed deadline, also when two runs overlap", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        const a = yield* caseAt(w, [])                                   // accept due T0+24h
        const b = yield* caseAt(w, ["Accept"])                           // hearing due T0+72h
        const c = yield* caseAt(w, pathTo.agreed)                        // no deadline
        const d = yield* caseAt(w, [], reportOf(w, { category: "parking" }))
        const e = yield* caseAt(w, [])
        yield* TestClock.adjust("23 hours")
        yield* mediation.execute(w.secretary, e.id, { _tag: "Accept", mediators: [mediatorStaff] }) // in time: hearing due T0+95h
        expect(yield* mediation.overdue(sys, w.t.county.id)).toEqual([])
        expect((yield* mediation.runSupervision(sys)).escalated).toEqual([])

        yield* TestClock.adjust("2 hours")                               // T0+25h
        const overdue = yield* mediation.overdue(w.secretary, w.t.communities[0].id)
        expect(overdue.map((o) => o.id).sort()).toEqual([a.id, d.id].sort())
        expect(overdue.every((o) => o.deadline === "accept" && o.escalatesTo === "street" && o.hoursOverdue === 1)).toBe(true)
        const [r1, r2] = yield* Effect.all([mediation.runSupervision(sys), mediation.runSupervision(sys)], { concurrency: "unbounded" })
        const escalatedIds = [...r1.escalated, ...r2.escalated].map((x) => x.id).sort()
        expect(escalatedIds).toEqual([a.id, d.id].sort())
        expect(r1.overdue + r2.overdue).toBeGreaterThanOrEqual(2)
        expect((yield* mediation.runSupervision(sys)).overdue).toBe(0)
        const escalations = (yield* events).filter((ev) => ev.type === "mediation.case.escalated")
        expect(escalations.map((ev) => ev.aggregateId).sort()).toEqual([a.id, d.id].sort())
        expect(escalations.every((ev) => ev.actor.kind === "system" && (ev.payload as { missed: string }).missed === "accept")).toBe(true)
        const aNow = yield* mediation.get(sys, a.id)
        expect(aNow).toMatchObject({ state: "escalated", level: "street", missedLevels: ["community"], deadline: { kind: "street" } })
        expect((yield* mediation.get(sys, c.id)).state).toBe("agreed")

        yield* TestClock.adjust("48 hours")                              // T0+73h: b's hearing missed
        const second = yield* mediation.runSupervision(w.t.admin, { countyId: w.t.county.id })
        expect(second.escalated).toEqual([{ id: b.id, to: "street", missed: "hearing" }])

        yield* TestClock.adjust("240 hours")                             // T0+313h: the street's 10 days for a and d are over; e's hearing was missed
        const third = yield* mediation.runSupervision(sys)
        expect(third.escalated.map((x) => [x.id, x.to, x.missed]).sort()).toEqual([[a.id, "department", "street"], [d.id, "department", "street"], [e.id, "street", "hearing"]].sort())
        expect(third.skipped).toEqual([])
        expect((yield* mediation.get(sys, a.id)).department?.code).toBe("housing")   // takes water leaks
        expect((yield* mediation.get(sys, d.id)).department?.code).toBe("urban")     // takes parking
        expect((yield* mediation.get(sys, a.id)).missedLevels).toEqual(["community", "street"])

        yield* TestClock.adjust("481 hours")                             // departments' 20 days are over for a and d
        const fourth = yield* mediation.runSupervision(sys)
        expect(fourth.escalated.map((x) => [x.id, x.to]).sort()).toEqual([[b.id, "department"], [e.id, "department"]].sort())
        // Nothing is above a department: its overdue cases are reported, not escalated.
        expect(fourth.skipped.map((x) => x.id).sort()).toEqual([a.id, d.id].sort())
        expect((yield* mediation.overdue(sys, w.t.county.id)).filter((o) => o.escalatesTo === null).map((o) => o.id).sort()).toEqual([a.id, d.id].sort())
        const once = (yield* events).filter((ev) => ev.type === "mediation.case.escalated")
        expect(once).toHaveLength(8)
        expect(new Set(once.map((ev) => `${ev.aggregateId}/${(ev.payload as { level: string }).level}`)).size).toBe(8)
      })))

    it("records each escalation key once in the store: a reused key is a conflict and writes nothing", () =>
      world((w) => Effect.gen(function*() {
        const store = yield* MediationStore
        const uow = yield* UnitOfWork
        const c = yield* caseAt(w, [])
        const moved = { ...c, version: c.version + 1, title: "改" }
        yield* uow.transaction(store.update(moved, c.version, "accept@x"))
        const again = yield* Effect.flip(uow.transaction(store.update({ ...moved, version: moved.version + 1, title: "再改" }, moved.version, "accept@x")))
        expect(again).toMatchObject({ _tag: "Conflict", reason: "already_escalated" })
        expect(Option.getOrThrow(yield* store.get(c.id)).title).toBe("改")
        const stale = yield* Effect.flip(uow.transaction(store.update({ ...moved, title: "旧" }, c.version)))
        expect(stale).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        const dup = yield* Effect.flip(uow.transaction(store.insert(c)))
        expect(dup).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        // A failed unit of work undoes the key and the case together.
        const exit = yield* Effect.exit(uow.transaction(Effect.andThen(store.update({ ...moved, version: moved.version + 1 }, moved.version, "street@y"), Effect.fail("boom"))))
        expect(Exit.isFailure(exit)).toBe(true)
        expect(Option.getOrThrow(yield* store.get(c.id)).version).toBe(moved.version)
        yield* uow.transaction(store.update({ ...moved, version: moved.version + 1 }, moved.version, "street@y"))
        const v0 = yield* Effect.flip(uow.transaction(store.saveConfig({ ...defaultMediationConfig(w.t.county.id), version: 1 }, 0)))
        expect(v0).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
      })))

    it("computes statistics by category, state and level, with rates, median time and on-time rate per level", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        const closed = yield* caseAt(w, pathTo.closed)                    // resolved at community, rated satisfied + basically
        yield* caseAt(w, pathTo.declined)
        yield* caseAt(w, pathTo.withdrawn, reportOf(w, { category: "noise" }))
        yield* caseAt(w, [], reportOf(w, { category: "parking", nodeId: w.t.units[2].id }))
        yield* TestClock.adjust("25 hours")
        yield* mediation.runSupervision(sys)                              // the parking case misses acceptance
        const s = yield* mediation.statistics(w.t.admin, w.t.county.id)
        expect(s.cases).toBe(4)
        expect(s.byCategory).toEqual([
          { category: "noise", nameZh: "噪音扰民", nameEn: "noise", count: 1 },
          { category: "water_leak", nameZh: "漏水渗水", nameEn: "water leaks", count: 2 },
          { category: "parking", nameZh: "停车纠纷", nameEn: "parking", count: 1 }
        ])
        expect(s.byState).toEqual([{ state: "declined", count: 1 }, { state: "escalated", count: 1 }, { state: "closed", count: 1 }, { state: "withdrawn", count: 1 }])
        expect(s.byLevel).toEqual([{ level: "community", count: 3 }, { level: "street", count: 1 }])
        expect(s.responseRate).toEqual({ count: 2, of: 4, percent: 50 })
        expect(s.resolutionRate).toEqual({ count: 1, of: 1, percent: 100 })
        expect(s.satisfactionRate).toEqual({ count: 2, of: 2, percent: 100 })
        expect(s.medianHoursToResolve).toBe(0)
        expect(s.onTime).toEqual([
          { level: "community", reached: 4, onTime: 3, percent: 75 },
          { level: "street", reached: 1, onTime: 1, percent: 100 },
          { level: "department", reached: 0, onTime: 0, percent: 0 }
        ])
        expect(s.open).toBe(1)
        const street2 = yield* mediation.statistics(w.t.admin, w.t.streets[1].id)
        expect(street2.cases).toBe(1)
        const later = yield* mediation.statistics(w.t.admin, w.t.county.id, { from: new Date(T0 + HOUR).toISOString() })
        expect(later.cases).toBe(0)
        expect((yield* Effect.flip(mediation.statistics(w.t.gridWorker, w.t.county.id)))._tag).toBe("NotFound")
        expect(closed.state).toBe("closed")
      })))

    it("never publishes a party's name, phone, ID-card or house number (property, generated personal data)", async () => {
      const surname = fc.constantFrom("欧阳", "司马", "诸葛", "上官", "慕容", "夏侯", "皇甫", "尉迟")
      const given = fc.string({ unit: fc.constantFrom(..."芃翀婕骁晗玥骞彧璟瑄珩昶"), minLength: 1, maxLength: 2 })
      const phone = fc.tuple(fc.constantFrom("3", "5", "7", "8", "9"), fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 9, maxLength: 9 })).map(([b, r]) => `1${b}${r}`)
      const idCard = arbitraryIdCard
      const party = fc.record({
        name: fc.tuple(surname, given).map(([s, g]) => s + g),
        phone: fc.option(phone, { nil: null }),
        idCardNumber: fc.option(idCard, { nil: null }),
        houseNumber: fc.option(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 101, max: 2899 })).map(([b, u, d]) => `${b}-${u}-${d}`), { nil: null }),
        side: fc.constantFrom("applicant" as const, "respondent" as const, "other" as const)
      })
      const step = fc.record({ tag: fc.constantFrom(...commandTags.filter((t): t is CaseCommand["_tag"] => t !== "Report")), mention: fc.nat(), publishable: fc.boolean(), forward: fc.boolean() })
      await fc.assert(
        fc.asyncProperty(fc.array(party, { minLength: 1, maxLength: 4 }), fc.array(step, { maxLength: 25 }), (ps, steps) =>
          world((w) => Effect.gen(function*() {
            const mediation = yield* Mediation
            for (const p of ps) expect(p.idCardNumber === null || isValidIdCard(p.idCardNumber)).toBe(true)
            // Free text that quotes the parties' personal data, as real records do.
            const mention = (i: number) => {
              const p = ps[i % ps.length]!
              return `${p.name}（${p.phone ?? "无电话"}，${p.idCardNumber ?? "无证件"}，${p.houseNumber ?? "无门牌"}）称`
            }
            let c = yield* mediation.report(sys, { ...reportOf(w), parties: ps, title: `${mention(0)}漏水`, description: mention(1) })
            const withText = (cmd: CaseCommand, i: number, publishable: boolean): CaseCommand => {
              switch (cmd._tag) {
                case "RecordStatement":
                  return { ...cmd, party: i % ps.length, text: `${mention(i)}：墙面渗水`, publishable }
                case "RecordRound":
                  return { ...cmd, participants: [ps[i % ps.length]!.name, "物业公司"], outcome: `${mention(i + 1)}同意` }
                case "RecordAgreement":
                  return { ...cmd, terms: `${mention(i)}负责维修` }
                case "Resolve":
                  return { ...cmd, outcome: `${mention(i + 2)}确认修复` }
                case "Rate":
                  return { ...cmd, ratings: ps.map((_, party) => ({ party, rating: "satisfied" as const })) }
                default:
                  return cmd
              }
            }
            for (const s of steps) {
              const tag = s.forward ? forward(c) ?? s.tag : s.tag
              const result = yield* Effect.result(mediation.execute(sys, c.id, withText(validCommand(c, tag), s.mention, s.publishable)))
              if (result._tag === "Success") c = result.success
            }
            // Then on to publication, whenever the case can still get there.
            for (let guard = 0; guard < 12 && c.disclosedAt === null; guard++) {
              const tag = forward(c)
              if (tag === undefined) break
              const result = yield* Effect.result(mediation.execute(sys, c.id, withText(validCommand(c, tag), guard, true)))
              if (result._tag === "Failure") break
              c = result.success
            }
            const published = JSON.stringify([
              c.disclosedAt === null ? null : yield* mediation.disclosure(c.id),
              yield* mediation.publicList(w.t.county.id, { limit: 1000 }),
              yield* mediation.list(sys, w.t.county.id)
            ])
            for (const value of sensitive(ps)) expect(published).not.toContain(value)
            const logged = JSON.stringify(yield* events)
            for (const value of sensitive(ps)) expect(logged).not.toContain(value)
          })).then(() => true)
        ),
        { numRuns: options.propertyRuns ?? 25 }
      )
    })
  })
}

