/**
 * The county the mediation conformance cases run in, and the helpers that build cases in
 * it: the people enrolled, the standard report and parties, a valid command of each tag,
 * the path to each state, and the runner that provides a fresh store per case. Shared by
 * the cases of `mediationConformance.ts`; not part of the public face of the testing entry.
 *
 * @since 0.4.0
 */
import { runnerAt } from "./runner.js"
import { Effect, Layer, Option, Schema, type Scope } from "effect"
import { TestClock } from "effect/testing"
import { type Actor, systemActor } from "../kernel/actor.js"
import { Identity } from "../kernel/identity.js"
import { type GridNodeId, IdGenerator, type PersonId } from "../kernel/ids.js"
import { EventLog } from "../kernel/store.js"
import type { AssignableRole } from "../grid/model.js"
import { Grid } from "../grid/service.js"
import type { CaseCommand, CaseState, ExternalParty, MediationCase, Party, ReportCase, RoundParticipant } from "../mediation/model.js"
import { Mediation } from "../mediation/service.js"
import { MediationFeedEvents } from "../mediation/views.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import type { MediationStorePorts } from "./mediationConformance.js"

export const sys = systemActor()
export const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
export const HOUR = 3_600_000
export const POSTS_FROM = "2026-01-01"

export type Env = Mediation | Grid | Identity | MediationStorePorts | IdGenerator | TestClock.TestClock | Scope.Scope

/** Someone enrolled for a test: the person, the actor they are, their posts. */
export interface Enrolled {
  readonly id: PersonId
  readonly name: string
  readonly actor: Actor
  readonly assignments: ReadonlyArray<string>
}

/** The county every case is built in: the tiny county, configured with two departments. */
export interface World {
  readonly t: TinyCounty
  readonly mediator: Actor
  readonly secretary: Actor
  readonly streetAdmin: Actor
  readonly otherMediator: Enrolled
  readonly otherStreetAdmin: Enrolled
  readonly housing: Enrolled
  readonly housingSupervisor: Enrolled
  readonly urban: Enrolled
  readonly enrol: (nodeId: GridNodeId, name: string, posts?: ReadonlyArray<{ readonly role: AssignableRole; readonly nodeId: GridNodeId }>) => Effect.Effect<Enrolled, unknown, Grid | Identity>
}

let enrolled = 0
export const enrol = (nodeId: GridNodeId, name: string, posts: ReadonlyArray<{ readonly role: AssignableRole; readonly nodeId: GridNodeId }> = []) =>
  Effect.gen(function*() {
    const grid = yield* Grid
    const p = yield* grid.createPerson(sys, { nodeId, code: `E${++enrolled}`, name })
    const assignments: Array<string> = []
    for (const post of posts) assignments.push((yield* grid.assignRole(sys, { personId: p.id, nodeId: post.nodeId, role: post.role, startDate: POSTS_FROM })).id)
    const actor = Option.getOrThrow(yield* (yield* Identity).actorOf(p.id))
    return { id: p.id, name, actor, assignments } satisfies Enrolled
  })

export const setupWorld: Effect.Effect<World, unknown, Mediation | Grid | Identity> = Effect.gen(function*() {
  const t = yield* buildTinyCounty()
  const mediation = yield* Mediation
  const otherMediator = yield* enrol(t.communities[0].id, "钟调解", [{ role: "mediator", nodeId: t.communities[0].id }])
  const otherStreetAdmin = yield* enrol(t.streets[1].id, "蒋街道", [{ role: "street_admin", nodeId: t.streets[1].id }])
  const housing = yield* enrol(t.county.id, "沈住建")
  const housingSupervisor = yield* enrol(t.county.id, "钱督办")
  const urban = yield* enrol(t.county.id, "韩城管")
  yield* mediation.configure(sys, t.county.id, {
    departments: [
      { code: "housing", name: "县住建局", categories: ["water_leak", "property_fee"], staff: [housing.id], supervisor: housingSupervisor.id },
      { code: "urban", name: "县城管局", categories: ["parking"], staff: [urban.id], supervisor: null }
    ],
    defaultDepartment: "urban"
  })
  return {
    t,
    mediator: t.actors.mediator,
    secretary: t.actors.secretary,
    streetAdmin: t.actors.streetAdmin,
    otherMediator,
    otherStreetAdmin,
    housing,
    housingSupervisor,
    urban,
    enrol
  }
})

export const outsider: ExternalParty = { kind: "external", name: "欧阳芃翀", phone: "13912345678", idCardNumber: "110101199003074477", houseNumber: "3-2-501", side: "applicant" }

/** The parties of the standard case: someone from outside the county, and the resident of unit a1. */
export const partiesOf = (w: World): ReadonlyArray<Party> => [outsider, { kind: "person", personId: w.t.people.resident.id, side: "respondent" }]

export const reportOf = (w: World, overrides: Partial<ReportCase> = {}): ReportCase => ({
  nodeId: w.t.units[0].id,
  category: "water_leak",
  title: "楼上漏水影响楼下",
  description: "欧阳芃翀反映楼上张伟家卫生间漏水，电话13912345678",
  parties: partiesOf(w),
  attachments: ["photo:ceiling-1"],
  ...overrides
})

export const participants: ReadonlyArray<RoundParticipant> = [
  { role: "party_organisation", name: null },
  { role: "property_company", name: null },
  { role: "owners_committee", name: null }
]

/** A command of each tag that is valid, as far as its content goes, for the case as it is. */
export const validCommand = (w: World, c: MediationCase, tag: CaseCommand["_tag"]): CaseCommand => {
  switch (tag) {
    case "Accept":
      return { _tag: "Accept", mediators: [w.t.people.mediator.id] }
    case "Decline":
      return { _tag: "Decline", reason: "不属于调解范围", referredTo: "司法所" }
    case "RecordStatement":
      return { _tag: "RecordStatement", party: 0, text: "卫生间天花板持续滴水", publishable: true }
    case "RecordRound": {
      const next = (["proposal", "joint", "decision"] as const).find((r) => !c.rounds.some((x) => x.round === r)) ?? "decision"
      return { _tag: "RecordRound", round: next, participants, outcome: "同意先行维修" }
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
      return { _tag: "Rate", ratings: c.parties.map((_, party) => ({ party, rating: party === 0 ? "satisfied" as const : "basically_satisfied" as const })) }
    case "Close":
      return { _tag: "Close" }
    case "Withdraw":
      return { _tag: "Withdraw", reason: "双方已自行和解" }
    case "Reopen":
      return { _tag: "Reopen", reason: "楼上未按协议维修" }
  }
}

/** The commands that bring a new case to each state. */
export const pathTo: Readonly<Record<CaseState, ReadonlyArray<CaseCommand["_tag"]>>> = {
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
export const forward = (c: MediationCase): CaseCommand["_tag"] | undefined => {
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
export const caseAt = (w: World, tags: ReadonlyArray<CaseCommand["_tag"]>, report: ReportCase = reportOf(w)) =>
  Effect.gen(function*() {
    const mediation = yield* Mediation
    let c = yield* mediation.report(sys, report)
    for (const tag of tags) c = yield* mediation.execute(sys, c.id, validCommand(w, c, tag))
    return c
  })

export const decodeFeed = Schema.decodeUnknownResult(Schema.Union(MediationFeedEvents))

/** Runs effects against a fresh store built by `makeLayer`, under a test clock set to {@link T0}. */
export const mediationRunner = (makeLayer: () => Layer.Layer<MediationStorePorts, unknown>) => {
  const run = runnerAt(T0, () =>
    Layer.mergeAll(Mediation.layer, Grid.layer, Identity.layer).pipe(
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(7)))
    )
  )
  const world = <A, E>(f: (w: World) => Effect.Effect<A, E, Env>) => run(Effect.flatMap(setupWorld, f))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))
  return { events, run, world }
}
