/**
 * The county the follow-up conformance cases run in: the contexts whose work is followed
 * up, wired over a fresh store with the follow-up's reaction on its event log, a test
 * clock, and helpers that finish a need, a case and an item. Shared by the cases of
 * `followupConformance.ts`; not part of the public face of the testing entry.
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option, type Scope } from "effect"
import { TestClock } from "effect/testing"
import { type Actor, systemActor } from "../kernel/actor.js"
import { Identity } from "../kernel/identity.js"
import { IdGenerator, type PersonId } from "../kernel/ids.js"
import { EventLog } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import { Deliberation } from "../deliberation/service.js"
import { Matching } from "../matching/service.js"
import { Mediation } from "../mediation/service.js"
import { Points } from "../points/service.js"
import { FollowUp } from "../followup/service.js"
import type { FollowUpStorePorts } from "./followupConformance.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import { validCommand, pathTo as casePath, reportOf, type World as MediationWorld } from "./mediationWorld.js"
import { runnerAt } from "./runner.js"

export const sys = systemActor()
/** 2026-06-01 08:00 UTC: 16:00 in China, a Monday. */
export const T0 = Date.UTC(2026, 5, 1, 8)
export const DAY = 86_400_000

export type Env = FollowUp | Matching | Mediation | Deliberation | Points | Grid | Identity | FollowUpStorePorts | IdGenerator | TestClock.TestClock | Scope.Scope

/** The services over a fresh store whose event log runs the follow-up's reaction. */
export const followUpServices = (makeLayer: () => Layer.Layer<FollowUpStorePorts, unknown>) => {
  const store = Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(11))
  const logged = FollowUp.layerReaction.pipe(Layer.provideMerge(store))
  const contexts = Matching.layer.pipe(Layer.provideMerge(Layer.mergeAll(Grid.layer, Mediation.layer, Points.layer, Deliberation.layer, Identity.layer)))
  return FollowUp.layer.pipe(Layer.provideMerge(contexts), Layer.provideMerge(logged))
}

/** Runs effects against a fresh store under a test clock set to {@link T0}. */
export const followUpRunner = (makeLayer: () => Layer.Layer<FollowUpStorePorts, unknown>) =>
  runnerAt(T0, () => followUpServices(makeLayer)) as <A, E>(effect: Effect.Effect<A, E, Env>) => Promise<A>

export const actorNow = (id: PersonId) => Effect.flatMap(Identity, (identity) => Effect.map(identity.actorOf(id), Option.getOrThrow))

/** Moves the test clock forward by whole days. */
export const days = (n: number) => TestClock.adjust(n * DAY)

/** The events of the log of a type. */
export const eventsOf = (type: string) =>
  Effect.map(Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" })), (all) => all.filter((e) => e.type === type))

export interface LoopWorld {
  readonly t: TinyCounty
  /** A resident of unit a2 who asks for help. */
  readonly requester: Actor
  readonly volunteer: Actor
}

let people = 0
export const setupLoop = Effect.gen(function*() {
  const t = yield* buildTinyCounty()
  const grid = yield* Grid
  const matching = yield* Matching
  const points = yield* Points
  const v = yield* grid.createPerson(sys, { nodeId: t.communities[0].id, code: `FV${++people}`, name: "志愿者甲" })
  yield* grid.assignRole(sys, { personId: v.id, nodeId: t.communities[0].id, role: "volunteer", startDate: "2026-01-01" })
  const account = yield* points.openAccount(sys, { nodeId: t.units[0].id, kind: "person", ownerId: v.id })
  yield* matching.saveVolunteer(sys, {
    personId: v.id,
    homeNodeId: t.units[0].id,
    skills: [{ skill: "repairs", level: 3 }],
    availability: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromHour: 0, toHour: 24 })),
    maxConcurrent: 3,
    accountId: account.id
  })
  const r = yield* grid.createPerson(sys, { nodeId: t.units[1].id, code: `FR${++people}`, name: "欧阳芃翀", householdId: t.households[1]!.id })
  return { t, requester: yield* actorNow(r.id), volunteer: yield* actorNow(v.id) } satisfies LoopWorld
})

/** A need posted by the requester, claimed by the volunteer and reported done by the secretary. */
export const needDone = (w: LoopWorld) =>
  Effect.gen(function*() {
    const matching = yield* Matching
    const n = yield* matching.post(w.requester, {
      nodeId: w.t.units[1].id,
      kind: "micro_wish",
      category: "repairs",
      title: "修理漏水的水龙头",
      requiredSkills: ["repairs"],
      dueAt: new Date(T0 + 3 * DAY).toISOString(),
      slots: 1
    })
    yield* matching.execute(w.volunteer, n.id, { _tag: "Claim" })
    return yield* matching.execute(w.t.actors.secretary, n.id, { _tag: "ReportDone", note: "已修好" })
  })

/** A case between an outsider and the resident of unit a1, settled by an agreement and resolved. */
export const caseResolved = (w: LoopWorld) =>
  Effect.gen(function*() {
    const mediation = yield* Mediation
    const mw = { t: w.t } as MediationWorld
    let c = yield* mediation.report(sys, reportOf(mw))
    for (const tag of casePath.resolved) c = yield* mediation.execute(sys, c.id, validCommand(mw, c, tag))
    return c
  })

/** An item raised by the resident of unit a1, resolved and reported back at a later session. */
export const itemReported = (w: LoopWorld) =>
  Effect.gen(function*() {
    const d = yield* Deliberation
    const s = w.t.actors.secretary
    const later = yield* d.convene(s, { nodeId: w.t.communities[0].id, type: "round_table", heldAt: new Date(T0 + DAY).toISOString(), participants: [], agenda: [] })
    const item = yield* d.raise(w.t.actors.resident, { nodeId: w.t.communities[0].id, kind: "suggestion", category: "property", title: "楼道灯坏了", text: "三号楼楼道灯不亮" })
    yield* d.execute(s, item.id, { _tag: "Accept", unit: "property_company", promisedBy: "2026-06-10" })
    yield* d.execute(s, item.id, { _tag: "Resolve", resolution: "已更换" })
    return yield* d.execute(s, item.id, { _tag: "ReportBack", sessionId: later.id, note: "通报" })
  })

/** A person of another county, for hostile cases. */
export const otherCounty = Effect.gen(function*() {
  const t2 = yield* buildTinyCounty("370813")
  return t2
})
