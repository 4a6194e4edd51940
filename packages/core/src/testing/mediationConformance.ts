/**
 * The mediation storage conformance suite. Every adapter calls
 * {@link mediationStoreConformance} from a vitest file and must pass every case: the state
 * machine enumerated pair by pair, authorisation by grid scope and handling level, the
 * people a command references checked through the one scope check, the county's
 * configuration readable by its staff only, the county's calendar, the disclosure without
 * personal data (a property test planting generated residents' names, phones and ID-card
 * numbers in every free-text field), the supervision run under a test clock (once per
 * missed deadline, also when two runs overlap), the statistics, the feed, and the store's
 * own contract (versions, escalation keys, rollback).
 *
 * @since 0.2.0
 */
import { Effect, Exit, Layer, Option } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import type { Directory } from "../kernel/directory.js"
import { Identity } from "../kernel/identity.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import { GridStore } from "../grid/store.js"
import { arbitraryIdCard, arbitraryMobile, arbitraryName, arbitrarySpelling } from "./personal.js"
import { commandTags, decideCase, mediationTransitions, target } from "../mediation/machine.js"
import type { CaseCommand, ExternalParty } from "../mediation/model.js"
import { CaseState as CaseStateSchema } from "../mediation/model.js"
import { defaultMediationConfig } from "../mediation/rules.js"
import { Mediation } from "../mediation/service.js"
import { MediationStore } from "../mediation/store.js"
import { buildTinyCounty } from "./fixtures.js"
import { caseAt, decodeFeed, forward, HOUR, mediationRunner, outsider, participants, pathTo, reportOf, sys, T0, validCommand } from "./mediationWorld.js"
import { supervisionInBatches } from "./mediationBatches.js"

/**
 * The ports a mediation store is tested with.
 *
 * @category models
 * @since 0.2.0
 */
export type MediationStorePorts = MediationStore | GridStore | Directory | EventLog | UnitOfWork

/**
 * Options of {@link mediationStoreConformance}.
 *
 * @category models
 * @since 0.2.0
 */
export interface MediationConformanceOptions {
  /** Runs of the disclosure property test (default 25). */
  readonly propertyRuns?: number
}

/**
 * What a public view must not hold, found in the string leaves of a value: the planted
 * names (also with spaces or punctuation between their characters) and numbers (in any
 * spacing or punctuation, full-width digits too). Returns a line per finding.
 *
 * @category conformance
 * @since 0.4.0
 */
export const findPersonalData = (value: unknown, planted: { readonly names: ReadonlyArray<string>; readonly numbers: ReadonlyArray<string> }): Array<string> => {
  const found: Array<string> = []
  const visit = (v: unknown): void => {
    if (typeof v === "string") {
      const folded = v.normalize("NFKC")
      const digits = folded.replace(/[^0-9Xx]/gu, "")
      const letters = folded.replace(/[\p{P}\p{S}\p{Z}\s]/gu, "")
      for (const n of planted.numbers) if (digits.includes(n)) found.push(`${n} in ${JSON.stringify(v)}`)
      for (const n of planted.names) if (Array.from(n).length >= 2 && letters.includes(n)) found.push(`${n} in ${JSON.stringify(v)}`)
    } else if (Array.isArray(v)) v.forEach(visit)
    else if (typeof v === "object" && v !== null) Object.values(v).forEach(visit)
  }
  visit(value)
  return found
}

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
  const { events, world } = mediationRunner(makeLayer)

  describe(`mediation store conformance: ${name}`, () => {
    it("runs a case through 一听三议三公开 to closure, one event per change, each a feed event without personal data", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        const resident = w.t.people.resident.name
        const reported = yield* mediation.report(w.t.gridWorker, reportOf(w))
        expect(reported).toMatchObject({ state: "reported", status: "open", level: "community", version: 1, countyId: w.t.county.id, nodeId: w.t.units[0].id })
        expect(reported.deadline).toEqual({ kind: "accept", dueAt: new Date(T0 + 24 * HOUR).toISOString() })
        const accepted = yield* mediation.execute(w.secretary, reported.id, { _tag: "Accept", mediators: [w.t.people.mediator.id], expectedVersion: 1 })
        expect(accepted).toMatchObject({ mediators: [w.t.people.mediator.id], deadline: { kind: "hearing", dueAt: new Date(T0 + 72 * HOUR).toISOString() } })
        let c = accepted
        c = yield* mediation.execute(w.mediator, c.id, { _tag: "RecordStatement", party: 0, text: "欧阳芃翀：天花板漏水两周。\n已找过物业。", publishable: true })
        c = yield* mediation.execute(w.mediator, c.id, { _tag: "RecordStatement", party: 1, text: `${resident}：家中有老人，身份证110101199003074477`, publishable: false })
        expect(c.deadline?.kind).toBe("agreement")
        const outOfOrder = yield* Effect.flip(mediation.execute(w.mediator, c.id, { _tag: "RecordRound", round: "joint", participants, outcome: "x" }))
        expect(outOfOrder).toMatchObject({ _tag: "InvalidInput" })
        for (const round of ["proposal", "joint", "decision"] as const) {
          c = yield* mediation.execute(w.mediator, c.id, { _tag: "RecordRound", round, participants: [...participants, { role: "party", name: resident }], outcome: `${round}：同意维修` })
        }
        const refused = yield* Effect.flip(mediation.execute(w.mediator, c.id, { _tag: "RecordAgreement", terms: "维修", consents: [true, false] }))
        expect(refused).toMatchObject({ _tag: "InvalidInput" })
        c = yield* mediation.execute(w.mediator, c.id, { _tag: "RecordAgreement", terms: `${resident}三日内维修`, consents: [true, true] })
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
        expect(disclosure.parties.map((p) => p.side)).toEqual(["applicant", "respondent"])
        expect(disclosure.mediators).toBe(1)
        expect(disclosure.statements).toHaveLength(1)
        expect(disclosure.statements[0]).toMatchObject({ side: "applicant", text: "欧***：天花板漏水两周。\n已找过物业。" })
        expect(disclosure.rounds.map((r) => r.round)).toEqual(["proposal", "joint", "decision"])
        expect(disclosure.rounds[0]!.participants.map((p) => [p.role, p.count])).toEqual([["party", 1], ["party_organisation", 1], ["property_company", 1], ["owners_committee", 1]])
        expect(disclosure.result).toMatchObject({ state: "closed", agreement: `${Array.from(resident)[0]}*三日内维修`, outcome: "已修复" })
        expect(disclosure.satisfaction.ratings).toBe(2)
        const planted = {
          names: [outsider.name, resident, w.t.people.mediator.name, w.t.people.secretary.name, w.t.people.worker.name, outsider.houseNumber!],
          numbers: [outsider.phone!, outsider.idCardNumber!, "110101199003074477"]
        }
        expect(findPersonalData(disclosure, planted)).toEqual([])

        const board = yield* mediation.publicList(w.t.county.id)
        expect(board.items.map((d) => d.caseId)).toEqual([c.id])
        expect(findPersonalData(board, planted)).toEqual([])

        const mine = (yield* events).filter((e) => e.aggregateId === c.id)
        expect(mine.map((e) => e.version)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1))
        expect(mine[0]!.type).toBe("mediation.case.reported")
        expect(mine.every((e) => e.scope.join("/") === c.scope.join("/"))).toBe(true)
        for (const e of mine) expect(decodeFeed(e)._tag, e.type).toBe("Success")
        expect(findPersonalData(mine, { names: planted.names, numbers: planted.numbers })).toEqual([])
        const logged = JSON.stringify(mine)
        for (const value of ["天花板", "维修", w.t.people.resident.id]) expect(logged).not.toContain(value)
      })))

    it("enumerates every (state, command) pair: each follows the transition table or fails with InvalidTransition and writes nothing", () =>
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
            const logged = (yield* events).length
            const result = yield* Effect.result(mediation.execute(sys, c.id, validCommand(w, c, tag as CaseCommand["_tag"])))
            if (to === undefined) {
              expect(result._tag === "Failure" ? result.failure._tag : `succeeded into ${result.success.state}`, `${state} × ${tag}`).toBe("InvalidTransition")
              expect((yield* mediation.get(sys, c.id)).version).toBe(c.version)
              expect((yield* events).length).toBe(logged)
            } else {
              expect(result._tag === "Success" ? result.success.state : result.failure.message, `${state} × ${tag}`).toBe(to)
            }
            checked++
          }
        }
        expect(checked).toBe(CaseStateSchema.literals.length * commandTags.length)
        // Every arrow of the table was exercised from a real state (or is the report arrow).
        expect(mediationTransitions.every((t) => t.from === "start" || CaseStateSchema.literals.includes(t.from))).toBe(true)
      })))

    it("authorises by grid scope and handling level: own mediators, the community, then street and department", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        const c = yield* mediation.report(w.t.gridWorker, reportOf(w))
        // Outside the subtree nothing is admitted to exist; a resident may report but not read.
        expect((yield* Effect.flip(mediation.get(w.t.actors.worker2, c.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(mediation.get(w.housing.actor, c.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(mediation.get(w.t.actors.resident, c.id)))._tag).toBe("NotFound")
        expect((yield* mediation.report(w.t.actors.resident, reportOf(w))).state).toBe("reported")
        expect((yield* Effect.flip(mediation.report(w.t.actors.resident, reportOf(w, { nodeId: w.t.units[2].id }))))._tag).toBe("NotFound")
        // Only community staff accept; a mediator not assigned cannot act.
        expect((yield* Effect.flip(mediation.execute(w.mediator, c.id, { _tag: "Accept", mediators: [w.t.people.mediator.id] })))._tag).toBe("Forbidden")
        yield* mediation.execute(w.secretary, c.id, { _tag: "Accept", mediators: [w.t.people.mediator.id] })
        expect((yield* Effect.flip(mediation.execute(w.otherMediator.actor, c.id, validCommand(w, c, "RecordStatement"))))._tag).toBe("Forbidden")
        let x = yield* mediation.execute(w.mediator, c.id, validCommand(w, c, "RecordStatement"))
        for (let i = 0; i < 3; i++) x = yield* mediation.execute(w.mediator, c.id, validCommand(w, x, "RecordRound"))
        x = yield* mediation.execute(w.mediator, c.id, validCommand(w, x, "RecordNoAgreement"))
        x = yield* mediation.execute(w.mediator, c.id, { _tag: "Escalate", to: "street", reason: "调解未成" })
        expect(x).toMatchObject({ level: "street", streetId: w.t.streets[0].id, supervisor: null })
        // Once with the street, the community's mediator and the other street cannot act.
        expect((yield* Effect.flip(mediation.execute(w.mediator, c.id, { _tag: "Resolve", outcome: "x" })))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(mediation.execute(w.otherStreetAdmin.actor, c.id, { _tag: "Resolve", outcome: "x" })))._tag).toBe("NotFound")
        const toDepartment = yield* Effect.flip(mediation.execute(w.streetAdmin, c.id, { _tag: "Escalate", to: "department", department: "nowhere", reason: "x" }))
        expect(toDepartment).toMatchObject({ _tag: "InvalidInput" })
        x = yield* mediation.execute(w.streetAdmin, c.id, { _tag: "Escalate", to: "department", department: "housing", reason: "需要鉴定" })
        expect(x).toMatchObject({ level: "department", department: { code: "housing", name: "县住建局" }, supervisor: w.housingSupervisor.id })
        // The department sees and acts on what was escalated to it, and nothing else.
        expect((yield* mediation.get(w.housing.actor, c.id)).id).toBe(c.id)
        expect((yield* mediation.get(w.housingSupervisor.actor, c.id)).id).toBe(c.id)
        expect((yield* Effect.flip(mediation.get(w.urban.actor, c.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(mediation.execute(w.streetAdmin, c.id, { _tag: "Resolve", outcome: "x" })))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(mediation.execute(w.housing.actor, c.id, { _tag: "Accept", mediators: [w.t.people.mediator.id] })))._tag).toBe("Forbidden")
        const listed = yield* mediation.list(w.housing.actor, w.t.county.id, { department: "housing" })
        expect(listed.items.map((i) => i.id)).toEqual([c.id])
        expect((yield* Effect.flip(mediation.list(w.housing.actor, w.t.county.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(mediation.list(w.urban.actor, w.t.county.id, { department: "housing" })))._tag).toBe("NotFound")
        x = yield* mediation.execute(w.housing.actor, c.id, { _tag: "Resolve", outcome: `住建局鉴定后维修，${w.t.people.streetAdmin.name}、${w.housing.name}到场` })
        expect(x).toMatchObject({ state: "resolved", resolution: { level: "department" }, reachedLevels: ["community", "street", "department"] })
        // The community publishes it: the names of everyone who acted on the case are masked, wherever they are registered.
        x = yield* mediation.execute(w.secretary, c.id, { _tag: "Disclose" })
        expect(x.state).toBe("disclosed")
        expect(findPersonalData(yield* mediation.disclosure(c.id), { names: [w.t.people.streetAdmin.name, w.housing.name], numbers: [] })).toEqual([])
        // Staff listings mask the topic; supervision needs the right.
        const page = yield* mediation.list(w.secretary, w.t.communities[0].id, { status: "closed" })
        expect(findPersonalData(page, { names: [outsider.name], numbers: [outsider.phone!] })).toEqual([])
        expect((yield* Effect.flip(mediation.runSupervision(w.secretary)))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(mediation.runSupervision(w.streetAdmin, { countyId: w.t.county.id })))._tag).toBe("Forbidden")
        // The run's options are checked as over HTTP: a limit out of range names the field.
        const badLimit = yield* Effect.flip(mediation.runSupervision(sys, { limit: 0 }))
        expect(badLimit._tag === "InvalidInput" ? badLimit.issues.map((i) => i.path) : badLimit._tag).toEqual(["limit"])
        expect((yield* Effect.flip(mediation.configure(w.secretary, w.t.county.id, { reopenWindowDays: 1 })))._tag).toBe("Forbidden")
      })))

    it("loads every person a command references through the one scope check: same county, in the actor's scope, in the right post", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        const other = yield* buildTinyCounty("370813")
        const c = yield* mediation.report(w.t.gridWorker, reportOf(w))
        // Mediators: people of this county who mediate at the case's place.
        expect(yield* Effect.flip(mediation.execute(w.secretary, c.id, { _tag: "Accept", mediators: [other.people.mediator.id] }))).toMatchObject({ _tag: "NotFound", entity: "person" })
        expect(yield* Effect.flip(mediation.execute(w.secretary, c.id, { _tag: "Accept", mediators: [w.t.people.volunteer.id] }))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "mediators.0" }] })
        expect(yield* Effect.flip(mediation.execute(w.secretary, c.id, { _tag: "Accept", mediators: [w.t.people.secretary2.id] }))).toMatchObject({ _tag: "NotFound", entity: "person" })
        expect((yield* mediation.get(sys, c.id)).version).toBe(1)
        // Parties who are people: in the county and where the reporter may report.
        expect(yield* Effect.flip(mediation.report(w.t.actors.resident, reportOf(w, { parties: [outsider, { kind: "person", personId: w.t.people.resident2.id, side: "respondent" }] })))).toMatchObject({ _tag: "NotFound", entity: "person" })
        expect(yield* Effect.flip(mediation.report(sys, reportOf(w, { parties: [{ kind: "person", personId: other.people.resident.id, side: "respondent" }] })))).toMatchObject({ _tag: "NotFound", entity: "person" })
        // Supervisors named on an escalation: people of the county the actor supervises.
        let x = yield* caseAt(w, pathTo.no_agreement)
        expect(yield* Effect.flip(mediation.execute(w.streetAdmin, x.id, { _tag: "Escalate", to: "street", supervisor: other.people.streetAdmin.id, reason: "x" }))).toMatchObject({ _tag: "NotFound", entity: "person" })
        expect(yield* Effect.flip(mediation.execute(w.mediator, x.id, { _tag: "Escalate", to: "street", supervisor: w.t.people.streetAdmin.id, reason: "x" }))).toMatchObject({ _tag: "NotFound", entity: "person" })
        x = yield* mediation.execute(w.streetAdmin, x.id, { _tag: "Escalate", to: "street", supervisor: w.t.people.streetAdmin.id, reason: "街道督办" })
        expect(x.supervisor).toBe(w.t.people.streetAdmin.id)
        // Department staff and supervisors in the registry are people of the county.
        const staffElsewhere = yield* Effect.flip(mediation.configure(w.t.admin, w.t.county.id, { departments: [{ code: "civil", name: "县民政局", categories: [], staff: [other.people.worker.id], supervisor: null }] }))
        expect(staffElsewhere).toMatchObject({ _tag: "NotFound", entity: "person" })
        const supervisorElsewhere = yield* Effect.flip(mediation.configure(w.t.admin, w.t.county.id, { streetSupervisors: [{ streetId: w.t.streets[0].id, supervisor: other.people.streetAdmin.id }] }))
        expect(supervisorElsewhere).toMatchObject({ _tag: "NotFound", entity: "person" })
        const streetElsewhere = yield* Effect.flip(mediation.configure(w.t.admin, w.t.county.id, { streetSupervisors: [{ streetId: other.streets[0].id, supervisor: w.t.people.streetAdmin.id }] }))
        expect(streetElsewhere).toMatchObject({ _tag: "NotFound" })
        const notAStreet = yield* Effect.flip(mediation.configure(w.t.admin, w.t.county.id, { streetSupervisors: [{ streetId: w.t.communities[0].id, supervisor: w.t.people.streetAdmin.id }] }))
        expect(notAStreet).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "streetSupervisors.0.streetId" }] })
        // A mediator whose post ended no longer reads the cases they mediated.
        const leaving = yield* w.enrol(w.t.communities[0].id, "严调解", [{ role: "mediator", nodeId: w.t.communities[0].id }])
        const y = yield* mediation.execute(w.secretary, (yield* mediation.report(w.t.gridWorker, reportOf(w))).id, { _tag: "Accept", mediators: [leaving.id] })
        expect((yield* mediation.get(leaving.actor, y.id)).id).toBe(y.id)
        yield* (yield* Grid).endAssignment(sys, leaving.assignments[0]! as never, { endDate: "2026-05-31" })
        const after = Option.getOrThrow(yield* (yield* Identity).actorOf(leaving.id))
        expect((yield* Effect.flip(mediation.get(after, y.id)))._tag).toBe("NotFound")
      })))

    it("lets only the county's own staff read its configuration, checks it as a whole, and writes nothing for a change that changes nothing", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        for (const staff of [w.t.admin, w.t.actors.streetAdmin, w.t.actors.secretary, w.t.actors.worker, w.t.actors.mediator]) {
          expect((yield* mediation.getConfig(staff, w.t.county.id)).countyId).toBe(w.t.county.id)
        }
        for (const who of [w.t.actors.resident, w.t.actors.volunteer, w.t.actors.partner, w.t.actors.leader, w.t.actors.member]) {
          expect((yield* Effect.flip(mediation.getConfig(who, w.t.county.id)))._tag).toBe("Forbidden")
        }
        expect((yield* Effect.flip(mediation.getConfig(w.housing.actor, w.t.county.id)))._tag).toBe("NotFound")
        const other = yield* buildTinyCounty("370813")
        expect((yield* Effect.flip(mediation.getConfig(other.actors.admin, w.t.county.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(mediation.getConfig(w.t.admin, other.county.id)))._tag).toBe("NotFound")
        expect((yield* Effect.flip(mediation.configure(w.t.admin, other.county.id, { reopenWindowDays: 1 })))._tag).toBe("NotFound")

        // The whole configuration after a change is checked: no department may keep a category that is gone.
        const before = yield* mediation.getConfig(w.t.admin, w.t.county.id)
        const orphan = yield* Effect.flip(mediation.configure(w.t.admin, w.t.county.id, { categories: [{ key: "noise", nameZh: "噪音", nameEn: "noise" }] }))
        expect(orphan).toMatchObject({ _tag: "InvalidInput" })
        expect(orphan._tag === "InvalidInput" && orphan.issues.map((i) => i.path)).toEqual(["departments.0.categories.0", "departments.0.categories.1", "departments.1.categories.0"])
        const stale = yield* Effect.flip(mediation.configure(w.t.admin, w.t.county.id, { reopenWindowDays: 5, expectedVersion: before.version - 1 }))
        expect(stale).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })

        const logged = (yield* events).length
        const same = yield* mediation.configure(w.t.admin, w.t.county.id, { reopenWindowDays: before.reopenWindowDays, departments: before.departments })
        expect(same.version).toBe(before.version)
        expect((yield* events).length).toBe(logged)
        const changed = yield* mediation.configure(w.t.admin, w.t.county.id, { reopenWindowDays: 30, departments: before.departments })
        expect(changed).toMatchObject({ version: before.version + 1, reopenWindowDays: 30 })
        const configEvents = (yield* events).slice(logged)
        expect(configEvents.map((e) => [e.type, e.payload])).toEqual([["mediation.config.changed", { changed: ["reopenWindowDays"] }]])
        expect(decodeFeed(configEvents[0])._tag).toBe("Success")
      })))

    it("counts days, months and 'today' in the county's calendar (Asia/Shanghai), not UTC", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        yield* mediation.configure(w.t.admin, w.t.county.id, { reopenWindowDays: 1 })
        // Resolved at 00:30 China time on 2 June (1 June 16:30 UTC): reopenable until the end of 3 June, China time.
        yield* TestClock.setTime(Date.UTC(2026, 5, 1, 16, 30))
        const early = yield* caseAt(w, pathTo.resolved)
        const late = yield* caseAt(w, pathTo.resolved)
        yield* TestClock.setTime(Date.UTC(2026, 5, 3, 15, 30))                         // 23:30 on 3 June
        expect((yield* mediation.execute(w.secretary, early.id, { _tag: "Reopen", reason: "未履行" })).state).toBe("accepted")
        yield* TestClock.setTime(Date.UTC(2026, 5, 3, 16, 30))                         // 00:30 on 4 June
        expect(yield* Effect.flip(mediation.execute(w.secretary, late.id, { _tag: "Reopen", reason: "未履行" }))).toMatchObject({ _tag: "InvalidInput" })

        // Reported at 23:30 on 30 June and at 00:30 on 1 July, China time; one more a year earlier.
        yield* TestClock.setTime(Date.UTC(2025, 5, 30, 16, 30))
        yield* caseAt(w, [], reportOf(w, { category: "noise" }))
        yield* TestClock.setTime(Date.UTC(2026, 5, 30, 15, 30))
        yield* caseAt(w, [], reportOf(w, { category: "noise" }))
        yield* TestClock.setTime(Date.UTC(2026, 5, 30, 16, 30))
        const july = yield* caseAt(w, [], reportOf(w, { category: "noise" }))
        const inJuly = yield* mediation.statistics(w.t.admin, w.t.county.id, { month: "2026-07" })
        expect(inJuly).toMatchObject({ cases: 1, from: "2026-06-30T16:00:00.000Z", to: "2026-07-31T16:00:00.000Z" })
        expect(inJuly.lastYear).toEqual({ from: "2025-06-30T16:00:00.000Z", to: "2025-07-31T16:00:00.000Z", cases: 1, change: "0.0%" })
        expect(inJuly.byCategory.find((c) => c.category === "noise")).toMatchObject({ count: 1, lastYear: 1 })
        expect((yield* mediation.statistics(w.t.admin, w.t.county.id, { month: "2026-06" })).cases).toBe(3)
        // At 00:30 on 1 July, China time, "this month" is July and "today" is 1 July.
        expect((yield* mediation.statistics(w.t.admin, w.t.county.id, { month: "current" })).from).toBe("2026-06-30T16:00:00.000Z")
        const today = yield* mediation.statistics(w.t.admin, w.t.county.id, { date: "today" })
        expect(today).toMatchObject({ cases: 1, from: "2026-06-30T16:00:00.000Z", to: "2026-07-01T16:00:00.000Z" })
        expect(yield* Effect.flip(mediation.statistics(w.t.admin, w.t.county.id, { month: "2026-07", date: "today" }))).toMatchObject({ _tag: "InvalidInput" })
        expect(july.deadline).toEqual({ kind: "accept", dueAt: "2026-07-01T16:30:00.000Z" })
      })))

    it("reopens a case whose agreement is broken, only within the county's window", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        yield* mediation.configure(w.t.admin, w.t.county.id, { reopenWindowDays: 30 })
        const c = yield* caseAt(w, pathTo.closed)
        yield* TestClock.adjust("29 days")
        const reopened = yield* mediation.execute(w.secretary, c.id, { _tag: "Reopen", reason: "未履行" })
        expect(reopened).toMatchObject({ state: "accepted", status: "open", level: "community", agreement: null, reopenCount: 1, disclosedAt: null, publication: null })
        expect(reopened.deadline?.kind).toBe("hearing")
        expect((yield* mediation.publicList(w.t.county.id)).items).toHaveLength(0)
        const late = yield* caseAt(w, pathTo.resolved)
        yield* TestClock.adjust("32 days")
        expect(yield* Effect.flip(mediation.execute(w.secretary, late.id, { _tag: "Reopen", reason: "x" }))).toMatchObject({ _tag: "InvalidInput" })
        const settledByEscalation = yield* caseAt(w, [...pathTo.escalated, "Resolve"])
        expect(yield* Effect.flip(mediation.execute(w.secretary, settledByEscalation.id, { _tag: "Reopen", reason: "x" }))).toMatchObject({ _tag: "InvalidInput" })
      })))

    it("supervision over more cases than one batch escalates each once, in order, as one by one would", () => world((w) => supervisionInBatches(w, events)))

    it("supervision escalates exactly the overdue cases, once per missed deadline, also when two runs overlap", () =>
      world((w) => Effect.gen(function*() {
        const mediation = yield* Mediation
        const a = yield* caseAt(w, [])                                   // accept due T0+24h
        const b = yield* caseAt(w, ["Accept"])                           // hearing due T0+72h
        const c = yield* caseAt(w, pathTo.agreed)                        // no deadline
        const d = yield* caseAt(w, [], reportOf(w, { category: "parking" }))
        const e = yield* caseAt(w, [])
        yield* TestClock.adjust("23 hours")
        yield* mediation.execute(w.secretary, e.id, { _tag: "Accept", mediators: [w.t.people.mediator.id] }) // in time: hearing due T0+95h
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
        for (const ev of once) expect(decodeFeed(ev)._tag).toBe("Success")
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
          { category: "noise", nameZh: "噪音扰民", nameEn: "noise", count: 1, lastYear: null, change: null },
          { category: "water_leak", nameZh: "漏水渗水", nameEn: "water leaks", count: 2, lastYear: null, change: null },
          { category: "parking", nameZh: "停车纠纷", nameEn: "parking", count: 1, lastYear: null, change: null }
        ])
        expect(s.lastYear).toBeNull()
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

    it("publishes no personal data typed into free text: residents around the case, the people involved, phones and ID numbers in any spelling", () =>
      world((w) => Effect.gen(function*() {
        // The review's findings, as typed: a neighbour and a phone in the topic and a statement,
        // named round participants, a phone in an outcome and one spaced out in the agreement.
        const mediation = yield* Mediation
        const neighbour = w.t.households[1]!.residents[0]!.name
        const staff = w.t.people.worker.name
        const mediatorName = w.t.people.mediator.name
        const c0 = yield* mediation.report(w.t.gridWorker, reportOf(w, { title: `邻居${neighbour}（177 0007 8387）反映漏水`, description: `联系${staff}` }))
        let c = yield* mediation.execute(w.secretary, c0.id, { _tag: "Accept", mediators: [w.t.people.mediator.id] })
        c = yield* mediation.execute(w.mediator, c.id, { _tag: "RecordStatement", party: 0, text: `邻居${neighbour}（177-0007-8387）说漏水，调解员${mediatorName}到场`, publishable: true })
        for (const round of ["proposal", "joint", "decision"] as const) {
          c = yield* mediation.execute(w.mediator, c.id, {
            _tag: "RecordRound",
            round,
            participants: [{ role: "community", name: staff }, { role: "party", name: neighbour }, { role: "other", name: "尹波俊" }],
            outcome: `联系${staff} 13326758505，尹波俊同意`
          })
        }
        c = yield* mediation.execute(w.mediator, c.id, { _tag: "RecordAgreement", terms: "联系134 1177 1502", consents: [true, true] })
        c = yield* mediation.execute(w.mediator, c.id, { _tag: "Resolve", outcome: `联系13326758505，${neighbour}确认` })
        c = yield* mediation.execute(w.secretary, c.id, { _tag: "Disclose" })
        const published = [yield* mediation.disclosure(c.id), yield* mediation.publicList(w.t.county.id)]
        const planted = { names: [neighbour, staff, mediatorName, "尹波俊", outsider.name, w.t.people.resident.name], numbers: ["17700078387", "13326758505", "13411771502"] }
        expect(findPersonalData(published, planted)).toEqual([])
        expect(published[0]).toMatchObject({ rounds: [{ participants: [{ role: "party", count: 1 }, { role: "community", count: 1 }, { role: "other", count: 1 }] }, {}, {}] })
      })))

    it("never publishes generated residents' names, phones or ID-card numbers planted in every free-text field (property)", async () => {
      const spelled = fc.tuple(arbitraryMobile, arbitraryIdCard, arbitrarySpelling, arbitrarySpelling)
      const plan = fc.record({
        // Residents registered around the case (in its community), an outsider party, and their numbers.
        neighbours: fc.uniqueArray(arbitraryName, { minLength: 1, maxLength: 3 }),
        outsider: arbitraryName,
        numbers: fc.array(spelled, { minLength: 1, maxLength: 3 }),
        steps: fc.array(fc.record({ tag: fc.constantFrom(...commandTags.filter((t): t is CaseCommand["_tag"] => t !== "Report")), mention: fc.nat(), publishable: fc.boolean(), forward: fc.boolean() }), { maxLength: 20 })
      })
      let household = 0
      // Commands that succeeded and cases published over the whole run: a run where every command fails proves nothing.
      let succeeded = 0
      let disclosed = 0
      await fc.assert(
        fc.asyncProperty(plan, (p) =>
          world((w) => Effect.gen(function*() {
            const mediation = yield* Mediation
            const grid = yield* Grid
            yield* grid.createHousehold(sys, { nodeId: w.t.units[1].id, code: `9${++household}`, residents: p.neighbours.map((name) => ({ name })) })
            const fixture = [w.t.people.resident.name, w.t.people.mediator.name, w.t.people.secretary.name, w.t.people.worker.name, w.t.people.leader.name, w.t.households[1]!.residents[0]!.name]
            const names = [...p.neighbours, p.outsider, ...fixture]
            const numbers = p.numbers.flatMap(([phone, id]) => [phone, id])
            // A sentence quoting one name and one number, spelled one way or another.
            const mention = (i: number) => {
              const [phone, id, spellPhone, spellId] = p.numbers[i % p.numbers.length]!
              const name = names[i % names.length]!
              return i % 2 === 0 ? `${name}（${spellPhone(phone)}）` : `联系${name}，证件${spellId(id)}`
            }
            const party: ExternalParty = { kind: "external", name: p.outsider, phone: p.numbers[0]![0], idCardNumber: p.numbers[0]![1], houseNumber: "7-1-302", side: "applicant" }
            let c = yield* mediation.report(w.t.gridWorker, {
              ...reportOf(w),
              parties: [party, { kind: "person", personId: w.t.people.resident.id, side: "respondent" }],
              title: `${mention(0)}反映漏水`,
              description: `${mention(1)}\n${mention(2)}`
            })
            const withText = (cmd: CaseCommand, i: number, publishable: boolean): CaseCommand => {
              switch (cmd._tag) {
                case "RecordStatement":
                  return { ...cmd, party: i % c.parties.length, text: `${mention(i)}：墙面渗水\n${mention(i + 3)}`, publishable }
                case "RecordRound":
                  return { ...cmd, participants: [{ role: "party", name: names[i % names.length]! }, { role: "other", name: p.neighbours[0]! }], outcome: `${mention(i + 1)}同意` }
                case "RecordAgreement":
                  return { ...cmd, terms: `${mention(i)}负责维修` }
                case "RecordNoAgreement":
                  return { ...cmd, reason: `${mention(i + 4)}不同意` }
                case "Decline":
                  return { ...cmd, reason: mention(i), referredTo: `${names[i % names.length]!}处` }
                case "Escalate":
                  return { ...cmd, reason: mention(i + 5) }
                case "Resolve":
                  return { ...cmd, outcome: `${mention(i + 2)}确认修复` }
                case "Withdraw":
                  return { ...cmd, reason: mention(i + 6) }
                default:
                  return cmd
              }
            }
            for (const s of p.steps) {
              const tag = s.forward ? forward(c) ?? s.tag : s.tag
              const result = yield* Effect.result(mediation.execute(sys, c.id, withText(validCommand(w, c, tag), s.mention, s.publishable)))
              if (result._tag === "Success") c = result.success
              if (result._tag === "Success") succeeded++
            }
            // Then on to publication, whenever the case can still get there.
            for (let guard = 0; guard < 12 && c.disclosedAt === null; guard++) {
              const tag = forward(c)
              if (tag === undefined) break
              const result = yield* Effect.result(mediation.execute(sys, c.id, withText(validCommand(w, c, tag), guard, true)))
              if (result._tag === "Failure") break
              c = result.success
              succeeded++
            }
            if (c.disclosedAt !== null) disclosed++
            const published = [
              c.disclosedAt === null ? null : yield* mediation.disclosure(c.id),
              yield* mediation.publicList(w.t.county.id, { limit: 1000 }),
              yield* mediation.publicList(w.t.units[0].id, { limit: 1000 })
            ]
            expect(findPersonalData(published, { names, numbers })).toEqual([])
            // Staff listings mask numbers and what the case holds; the feed holds nothing personal.
            expect(findPersonalData(yield* mediation.list(sys, w.t.county.id), { names: [p.outsider], numbers })).toEqual([])
            expect(findPersonalData(yield* events, { names, numbers })).toEqual([])
          })).then(() => true)
        ),
        { numRuns: options.propertyRuns ?? 25 }
      )
      expect(succeeded, "commands that succeeded").toBeGreaterThan(0)
      expect(disclosed, "cases published").toBeGreaterThan(0)
    })
  })
}
