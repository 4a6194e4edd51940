/**
 * The intake storage conformance suite. Every adapter calls {@link intakeStoreConformance}
 * from a vitest file and must pass every case: requests taken on every channel with a
 * reference unique in the county (also when taken at the same time); the hostile callers
 * (another county, another grid, a resident, a guessed reference, a wrong code); the
 * lifecycle with its events; routing to a need, a case or an item in one unit of work and
 * the request following its target; merging; the follow view and its limits; and the
 * store's own contract.
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option, Schema } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { systemActor } from "../kernel/actor.js"
import { Commands } from "../kernel/decider.js"
import type { IdempotencyStore } from "../kernel/idempotency.js"
import { IdGenerator } from "../kernel/ids.js"
import { Identity } from "../kernel/identity.js"
import { layerKernel } from "../kernel/layer.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Deliberation } from "../deliberation/service.js"
import type { DeliberationStore } from "../deliberation/store.js"
import { Grid } from "../grid/service.js"
import { Matching } from "../matching/service.js"
import type { MatchingStore } from "../matching/store.js"
import { Mediation } from "../mediation/service.js"
import type { MediationStore } from "../mediation/store.js"
import { Points } from "../points/service.js"
import type { PointsStore } from "../points/store.js"
import type { IntakeRequest, ReceiveRequest } from "../intake/model.js"
import { layerIntakeReaction } from "../intake/reaction.js"
import { Intake } from "../intake/service.js"
import { IntakeStore } from "../intake/store.js"
import { IntakeFeedEvents } from "../intake/views.js"
import { buildTinyCounty, type TinyCounty } from "./fixtures.js"
import type { StorePorts } from "./conformance.js"
import { runnerAt } from "./runner.js"

/**
 * The ports an intake store is tested with: a request is routed to matching, mediation and
 * deliberation, whose stores (and the ledger matching holds rewards on) come too.
 *
 * @category models
 * @since 0.5.0
 */
export type IntakeStorePorts = IntakeStore | MatchingStore | MediationStore | DeliberationStore | PointsStore | IdempotencyStore | StorePorts

/** 2026-06-01 08:00 UTC: 16:00 in China, on June 1st. */
const T0 = Date.UTC(2026, 5, 1, 8, 0, 0)
const DAY = 86_400_000
const HOUR = 3_600_000

/** The request without a household: at the node given, or at none. */
const atNode = (t: TinyCounty, nodeId?: ReceiveRequest["nodeId"], overrides: Partial<ReceiveRequest> = {}): ReceiveRequest => {
  const { householdId: _, ...rest } = requestOf(t, overrides)
  return nodeId === undefined ? rest : { ...rest, nodeId }
}

const requestOf = (t: TinyCounty, overrides: Partial<ReceiveRequest> = {}): ReceiveRequest => ({
  channel: "walk_in",
  householdId: t.households[0]!.id,
  category: "property",
  resident: { kind: "contact", name: "王秀兰", phone: "13912345678" },
  text: "物业不修电梯，王秀兰电话13912345678",
  ...overrides
})

/**
 * Registers the intake conformance cases for a store. `makeLayer` is called once per case
 * and must build a fresh, empty store providing every port listed in {@link IntakeStorePorts}.
 *
 * @category conformance
 * @since 0.5.0
 */
export const intakeStoreConformance = (name: string, makeLayer: () => Layer.Layer<IntakeStorePorts, unknown>): void => {
  const run = runnerAt(T0, () =>
    Intake.layer.pipe(
      Layer.provideMerge(Layer.mergeAll(Matching.layer, Mediation.layer, Deliberation.layer)),
      Layer.provideMerge(Layer.mergeAll(Points.layer, Grid.layer, Identity.layer, layerKernel)),
      Layer.provideMerge(layerIntakeReaction),
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(37)))
    ))
  const world = <A, E>(f: (t: TinyCounty, intake: Intake["Service"]) => Effect.Effect<A, E, Intake | Grid | Matching | Mediation | Deliberation | Commands | IntakeStorePorts>) =>
    run(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      return yield* f(t, yield* Intake)
    }))
  const events = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))
  const intakeEvents = Effect.map(events, (all) => all.filter((e) => e.type.startsWith("intake.request.")))
  const denied = /NotFound|Forbidden/

  describe(`intake store conformance: ${name}`, () => {
    it("takes a request on every channel with a reference unique in the county and a follow code shown once; the log names no one", () =>
      world((t, intake) => Effect.gen(function*() {
        const channels = ["walk_in", "phone", "hotline_12345", "grid_worker", "mini_program"] as const
        const taken: Array<{ request: IntakeRequest; followCode: string }> = []
        for (const channel of channels) taken.push(yield* intake.receive(t.actors.worker, requestOf(t, { channel })))
        expect(taken.map((r) => r.request.reference)).toEqual([1, 2, 3, 4, 5].map((n) => `MJ-20260601-000${n}`))
        for (const r of taken) {
          expect(r.followCode).toMatch(/^\d{8}$/u)
          expect(r.request).toMatchObject({ status: "received", nodeId: t.units[0].id, countyId: t.county.id, householdId: t.households[0]!.id, version: 1 })
          expect(r.request).not.toHaveProperty("follow")
          expect(JSON.stringify(r.request)).not.toContain(r.followCode)
        }
        expect(new Set(taken.map((r) => r.followCode)).size).toBe(5)
        // A node (a place's) instead of a household; a person of the grid as the resident.
        const placed = yield* intake.receive(t.actors.secretary, atNode(t, t.communities[0].id, { resident: { kind: "person", personId: t.people.resident.id } }))
        expect(placed.request).toMatchObject({ nodeId: t.communities[0].id, householdId: null, resident: { kind: "person", personId: t.people.resident.id } })
        // A new prefix applies to the next reference; the day's serial goes on.
        const config = yield* intake.getConfig(t.actors.worker, t.county.id)
        yield* intake.configure(t.actors.admin, t.county.id, { categories: config.categories, referencePrefix: "SZ", expectedVersion: 0 })
        expect((yield* intake.receive(t.actors.worker, requestOf(t))).request.reference).toBe("SZ-20260601-0007")
        // The next local day (June 2nd begins at 16:00 UTC) starts again at 1.
        yield* TestClock.adjust(8 * HOUR)
        expect((yield* intake.receive(t.actors.worker, requestOf(t))).request.reference).toBe("SZ-20260602-0001")
        const received = (yield* intakeEvents).filter((e) => e.type === "intake.request.received")
        expect(received).toHaveLength(8)
        expect(received[0]).toMatchObject({ aggregateType: "intake.request", aggregateId: taken[0]!.request.id, scope: taken[0]!.request.scope })
        expect(received.map((e) => e.payload["channel"]).slice(0, 5)).toEqual([...channels])
        expect(received[0]!.payload).toEqual({ channel: "walk_in", category: "property", reference: "MJ-20260601-0001" })
        const log = JSON.stringify(yield* events)
        for (const secret of ["王秀兰", "13912345678", "电梯", taken[0]!.followCode]) expect(log).not.toContain(secret)
        // Staff who do not read personal data there see the contact masked.
        const asLeader = yield* Effect.flip(intake.get(t.actors.leader, taken[0]!.request.id))
        expect(asLeader._tag).toMatch(denied)
        expect((yield* intake.get(t.actors.secretary, taken[0]!.request.id)).resident).toEqual({ kind: "contact", name: "王秀兰", phone: "13912345678" })
      })))

    it("refuses another county, another grid, a resident and bad input, writing nothing", () =>
      world((t, intake) => Effect.gen(function*() {
        const other = yield* buildTinyCounty("370813")
        const mine = (yield* intake.receive(t.actors.worker, requestOf(t))).request
        const before = (yield* events).length
        for (const outsider of [t.actors.worker2, t.actors.resident, t.actors.leader, t.actors.volunteer, other.actors.admin]) {
          expect((yield* Effect.flip(intake.receive(outsider, requestOf(t))))._tag).toMatch(denied)
          expect((yield* Effect.flip(intake.get(outsider, mine.id)))._tag).toMatch(denied)
          expect((yield* Effect.flip(intake.accept(outsider, mine.id)))._tag).toMatch(denied)
          expect((yield* Effect.flip(intake.list(outsider, t.grids[0].id)))._tag).toMatch(denied)
        }
        // A grid worker takes requests in but does not handle them.
        expect((yield* Effect.flip(intake.accept(t.actors.worker, mine.id)))._tag).toBe("Forbidden")
        expect((yield* Effect.flip(intake.route(t.actors.secretary2, mine.id, { kind: "referral", department: "住建局", dueDate: "2026-06-10" })))._tag).toBe("NotFound")
        // A resident (a person) outside the receiver's scope; a category the county lacks; no place.
        expect((yield* Effect.flip(intake.receive(t.actors.worker, requestOf(t, { resident: { kind: "person", personId: t.people.resident2.id } }))))._tag).toMatch(denied)
        expect(yield* Effect.flip(intake.receive(t.actors.worker, requestOf(t, { category: "nobody" })))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "category" }] })
        expect(yield* Effect.flip(intake.receive(t.actors.worker, atNode(t)))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "nodeId" }] })
        expect(yield* Effect.flip(intake.receive(t.actors.worker, requestOf(t, { nodeId: t.grids[0].id })))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "nodeId" }] })
        const bad = yield* Effect.flip(intake.receive(t.actors.worker, { ...requestOf(t), channel: "fax" as never, resident: { kind: "contact", name: "王", phone: "123" } }))
        expect(bad).toMatchObject({ _tag: "InvalidInput" })
        expect((bad as { issues: ReadonlyArray<{ path: string }> }).issues.map((i) => i.path).sort()).toEqual(["channel", "resident.phone"])
        expect((yield* events).length).toBe(before)
        // The other county's staff list nothing of this one; this county's serial was not used up.
        expect((yield* intake.list(other.actors.admin, other.county.id)).items).toEqual([])
        expect((yield* intake.receive(t.actors.worker, requestOf(t))).request.reference).toBe("MJ-20260601-0002")
        expect((yield* intake.receive(other.actors.worker, requestOf(other))).request.reference).toBe("MJ-20260601-0001")
      })))

    it("accepts, routes to a department, resolves with a redacted outcome, and lets the resident follow and rate it", () =>
      world((t, intake) => Effect.gen(function*() {
        const { followCode, request } = yield* intake.receive(t.actors.worker, requestOf(t))
        expect((yield* intake.accept(t.actors.secretary, request.id)).status).toBe("accepted")
        expect((yield* Effect.flip(intake.route(t.actors.secretary, request.id, { kind: "referral", department: "住建局", dueDate: "2026-05-31" })))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "dueDate" }] })
        const routed = yield* intake.route(t.actors.secretary, request.id, { kind: "referral", department: "住建局", dueDate: "2026-06-10" })
        expect(routed).toMatchObject({ status: "routed", route: { target: "referral", targetId: null, department: "住建局", dueDate: "2026-06-10" } })
        const resolved = yield* intake.resolve(t.actors.secretary, request.id, { outcome: "已联系王秀兰（13912345678），电梯已修复" })
        expect(resolved.status).toBe("resolved")
        expect(resolved.outcome).not.toContain("王秀兰")
        expect(resolved.outcome).not.toContain("13912345678")
        expect(resolved.outcome).toContain("电梯已修复")
        const seen = yield* intake.follow(t.county.id, { reference: request.reference, code: followCode })
        expect(seen).toMatchObject({ reference: request.reference, status: "resolved", routedTo: "referral", department: "住建局", outcome: resolved.outcome, rating: null })
        expect(JSON.stringify(seen)).not.toMatch(/王秀兰|13912345678|物业不修电梯/u)
        expect((yield* intake.rate(t.county.id, { reference: request.reference, code: followCode, rating: 4 })).rating).toBe(4)
        expect((yield* Effect.flip(intake.rate(t.county.id, { reference: request.reference, code: followCode, rating: 5 })))._tag).toBe("InvalidTransition")
        expect((yield* Effect.flip(intake.accept(t.actors.secretary, request.id)))._tag).toBe("InvalidTransition")
        const log = yield* intakeEvents
        expect(log.map((e) => [e.type, e.payload, e.version])).toEqual([
          ["intake.request.received", { channel: "walk_in", category: "property", reference: request.reference }, 1],
          ["intake.request.accepted", {}, 2],
          ["intake.request.routed", { target: "referral", targetId: null }, 3],
          ["intake.request.resolved", {}, 4],
          ["intake.request.rated", { rating: 4 }, 5]
        ])
        // Every payload is what the feed's schema of its type says, no more.
        const schemas = new Map(IntakeFeedEvents.map((schema) => [schema.fields.type.literal as string, schema]))
        for (const e of log) {
          const schema = schemas.get(e.type)!
          expect(Object.keys(e.payload).sort()).toEqual(Object.keys(schema.fields.payload.fields).sort())
          Schema.decodeUnknownSync(schema)(e)
        }
        // A rejection carries its reason code.
        const other = (yield* intake.receive(t.actors.worker, requestOf(t))).request
        expect((yield* intake.reject(t.actors.secretary, other.id, { reason: "out_of_scope" }))).toMatchObject({ status: "rejected", rejectReason: "out_of_scope" })
        expect((yield* intakeEvents).at(-1)).toMatchObject({ type: "intake.request.rejected", payload: { reason: "out_of_scope" } })
      })))

    it("routes to a need, a case and an item in one unit of work with the staff member's rights, and resolves each request when its target finishes", () =>
      world((t, intake) => Effect.gen(function*() {
        const commands = yield* Commands
        const uow = yield* UnitOfWork
        const a = (yield* intake.receive(t.actors.worker, requestOf(t))).request
        const b = (yield* intake.receive(t.actors.worker, requestOf(t))).request
        const c = (yield* intake.receive(t.actors.worker, requestOf(t))).request
        const need = yield* intake.route(t.actors.secretary, a.id, { kind: "need", need: { nodeId: t.units[0].id, kind: "micro_wish", category: "repairs", title: "修理电梯按钮", dueAt: new Date(T0 + 3 * DAY).toISOString(), reward: null } })
        const kase = yield* intake.route(t.actors.secretary, b.id, { kind: "case", case: { nodeId: t.units[0].id, category: "water_leak", title: "楼上漏水", description: "楼上卫生间漏水", parties: [{ kind: "person", personId: t.people.resident.id, side: "applicant" }] } })
        const item = yield* intake.route(t.actors.secretary, c.id, { kind: "item", item: { nodeId: t.communities[0].id, kind: "suggestion", category: "property", title: "楼道灯坏了", text: "3号楼楼道灯不亮" } })
        expect([need.route!.target, kase.route!.target, item.route!.target]).toEqual(["need", "case", "item"])
        expect((yield* (yield* Matching).get(t.actors.secretary, need.route!.targetId as never)).title).toBe("修理电梯按钮")
        expect((yield* (yield* Mediation).get(t.actors.secretary, kase.route!.targetId as never)).id).toBe(kase.route!.targetId)
        expect((yield* (yield* Deliberation).get(t.actors.secretary, item.route!.targetId as never)).id).toBe(item.route!.targetId)
        // Routed from received: the response is recorded first.
        const log = (yield* intakeEvents).filter((e) => e.aggregateId === a.id)
        expect(log.map((e) => e.type)).toEqual(["intake.request.received", "intake.request.accepted", "intake.request.routed"])
        expect(log[2]!.payload).toEqual({ target: "need", targetId: need.route!.targetId })
        // A target outside the staff member's scope is refused: nothing is written.
        const d = (yield* intake.receive(t.actors.worker, requestOf(t))).request
        const before = (yield* events).length
        const refused = yield* Effect.flip(intake.route(t.actors.secretary, d.id, { kind: "item", item: { nodeId: t.communities[1].id, kind: "suggestion", category: "property", title: "路灯", text: "路灯不亮" } }))
        expect(refused._tag).toMatch(denied)
        expect((yield* events).length).toBe(before)
        expect((yield* intake.get(t.actors.secretary, d.id)).status).toBe("received")
        // The targets finish: each request is resolved once, in the same unit of work.
        const finish = (type: string, aggregate: string, id: string) =>
          uow.transaction(commands.append(systemActor(), new Date(T0 + HOUR).toISOString(), { type: aggregate, id, version: 50 }, [{ type, scope: [t.county.id], payload: {} }]))
        yield* finish("matching.need.confirmed", "need", need.route!.targetId!)
        yield* finish("matching.need.closed", "need", need.route!.targetId!)
        yield* finish("mediation.case.closed", "mediation case", kase.route!.targetId!)
        yield* finish("deliberation.item.opened_elsewhere", "deliberation item", item.route!.targetId!)
        expect((yield* intake.get(t.actors.secretary, c.id)).status).toBe("routed")
        // The item through its own use cases: accepted with a promise, then resolved.
        const deliberation = yield* Deliberation
        const itemId = item.route!.targetId as never
        yield* deliberation.execute(t.actors.secretary, itemId, { _tag: "Accept", unit: "property_company", promisedBy: "2026-06-10" })
        expect((yield* intake.get(t.actors.secretary, c.id)).status).toBe("routed")
        yield* deliberation.execute(t.actors.secretary, itemId, { _tag: "Resolve", resolution: "已更换楼道灯" })
        for (const r of [a, b, c]) expect((yield* intake.get(t.actors.secretary, r.id)).status).toBe("resolved")
        const resolved = (yield* intakeEvents).filter((e) => e.type === "intake.request.resolved")
        expect(resolved.map((e) => e.aggregateId).sort()).toEqual([a.id, b.id, c.id].sort())
        expect(resolved.every((e) => e.actor.kind === "system")).toBe(true)
      })))

    it("merges a duplicate into an open request of the same county, and its follower sees where it went", () =>
      world((t, intake) => Effect.gen(function*() {
        const other = yield* buildTinyCounty("370813")
        const first = (yield* intake.receive(t.actors.worker, requestOf(t))).request
        const dup = yield* intake.receive(t.actors.worker, requestOf(t, { channel: "hotline_12345" }))
        const closed = (yield* intake.receive(t.actors.worker, requestOf(t))).request
        yield* intake.reject(t.actors.secretary, closed.id, { reason: "withdrawn" })
        const foreign = (yield* intake.receive(other.actors.worker, requestOf(other))).request
        expect((yield* Effect.flip(intake.merge(t.actors.secretary, dup.request.id, { into: closed.id })))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "into" }] })
        expect((yield* Effect.flip(intake.merge(t.actors.secretary, dup.request.id, { into: dup.request.id })))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "into" }] })
        expect((yield* Effect.flip(intake.merge(t.actors.secretary, dup.request.id, { into: foreign.id })))._tag).toBe("NotFound")
        expect((yield* Effect.flip(intake.merge(t.actors.worker, dup.request.id, { into: first.id })))._tag).toBe("Forbidden")
        const merged = yield* intake.merge(t.actors.secretary, dup.request.id, { into: first.id })
        expect(merged).toMatchObject({ status: "merged", mergedInto: { id: first.id, reference: first.reference } })
        expect((yield* intakeEvents).at(-1)).toMatchObject({ type: "intake.request.merged", aggregateId: dup.request.id, payload: { into: first.id } })
        expect(yield* intake.follow(t.county.id, { reference: dup.request.reference, code: dup.followCode })).toMatchObject({ status: "merged", mergedInto: first.reference, mergedIntoStatus: "received" })
        expect((yield* Effect.flip(intake.accept(t.actors.secretary, dup.request.id)))._tag).toBe("InvalidTransition")
        expect((yield* Effect.flip(intake.merge(t.actors.secretary, first.id, { into: dup.request.id })))).toMatchObject({ _tag: "InvalidInput", issues: [{ path: "into" }] })
      })))

    it("answers a guessed reference and a wrong code alike, and locks following a request after five wrong codes within an hour", () =>
      world((t, intake) => Effect.gen(function*() {
        const { followCode, request } = yield* intake.receive(t.actors.worker, requestOf(t))
        const wrong = followCode === "00000000" ? "11111111" : "00000000"
        expect((yield* Effect.flip(intake.follow(t.county.id, { reference: "MJ-20260601-0999", code: followCode })))._tag).toBe("NotFound")
        const other = yield* buildTinyCounty("370813")
        expect((yield* Effect.flip(intake.follow(other.county.id, { reference: request.reference, code: followCode })))._tag).toBe("NotFound")
        for (let i = 0; i < 4; i++) expect((yield* Effect.flip(intake.follow(t.county.id, { reference: request.reference, code: wrong })))._tag).toBe("NotFound")
        expect((yield* intake.follow(t.county.id, { reference: request.reference, code: followCode })).status).toBe("received")
        expect((yield* Effect.flip(intake.follow(t.county.id, { reference: request.reference, code: wrong })))._tag).toBe("NotFound")
        const locked = yield* Effect.flip(intake.follow(t.county.id, { reference: request.reference, code: followCode }))
        expect(locked).toMatchObject({ _tag: "Conflict", reason: "follow_locked" })
        expect((yield* Effect.flip(intake.rate(t.county.id, { reference: request.reference, code: followCode, rating: 5 })))).toMatchObject({ reason: "follow_locked" })
        yield* TestClock.adjust(HOUR)
        expect((yield* intake.follow(t.county.id, { reference: request.reference, code: followCode })).status).toBe("received")
        // Wrong codes guessed at the same time all count.
        const second = (yield* intake.receive(t.actors.worker, requestOf(t))).request
        yield* Effect.all(Array.from({ length: 5 }, () => Effect.flip(intake.follow(t.county.id, { reference: second.reference, code: wrong }))), { concurrency: "unbounded" })
        expect((yield* Effect.flip(intake.follow(t.county.id, { reference: second.reference, code: wrong })))).toMatchObject({ reason: "follow_locked" })
        // A rating before the request is closed is refused.
        expect((yield* Effect.flip(intake.rate(t.county.id, { reference: request.reference, code: followCode, rating: 5 })))._tag).toBe("InvalidTransition")
      })))

    it("keeps the store's contract: distinct serials under concurrent intake, one insert per id and reference, writes at the expected version, nothing left by a failed unit of work", () =>
      world((t, intake) => Effect.gen(function*() {
        const store = yield* IntakeStore
        const uow = yield* UnitOfWork
        const many = yield* Effect.all(Array.from({ length: 12 }, () => intake.receive(t.actors.worker, requestOf(t))), { concurrency: "unbounded" })
        const references = many.map((r) => r.request.reference)
        expect(new Set(references).size).toBe(12)
        expect([...references].sort()).toEqual(Array.from({ length: 12 }, (_, i) => `MJ-20260601-${String(i + 1).padStart(4, "0")}`))
        const stored = Option.getOrThrow(yield* store.get(many[0]!.request.id))
        expect(yield* Effect.flip(uow.transaction(store.insert(stored)))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
        expect(yield* Effect.flip(uow.transaction(store.insert({ ...stored, id: "ikr_01J00000000000000000000000" as never })))).toMatchObject({ _tag: "Conflict" })
        expect(yield* Effect.flip(uow.transaction(store.update({ ...stored, version: 5 }, 3)))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        const failed = yield* Effect.flip(uow.transaction(Effect.andThen(store.update({ ...stored, status: "accepted", version: 2 }, 1), Effect.fail("boom" as const))))
        expect(failed).toBe("boom")
        expect(Option.getOrThrow(yield* store.get(stored.id)).status).toBe("received")
        expect(Option.getOrThrow(yield* store.getByReference(t.county.id, stored.reference)).id).toBe(stored.id)
        expect(Option.isNone(yield* store.getByReference(t.streets[0].id, stored.reference))).toBe(true)
        const serial = yield* uow.transaction(store.nextSerial(t.county.id, "2026-07-01"))
        expect(serial).toBe(1)
        expect(yield* Effect.flip(uow.transaction(Effect.andThen(store.nextSerial(t.county.id, "2026-07-01"), Effect.fail("boom" as const))))).toBe("boom")
        expect(yield* uow.transaction(store.nextSerial(t.county.id, "2026-07-01"))).toBe(2)
        const page = yield* store.list({ scope: [t.county.id], limit: 5 })
        expect(page.items).toHaveLength(5)
        expect(page.items.map((r) => r.id)).toEqual([...page.items.map((r) => r.id)].sort())
        expect((yield* store.list({ scope: [t.county.id], after: page.next!, limit: 50 })).items).toHaveLength(7)
        expect((yield* store.list({ scope: [t.county.id, t.streets[1].id], limit: 50 })).items).toEqual([])
        expect((yield* store.list({ scope: [t.county.id], status: "accepted", limit: 50 })).items).toEqual([])
        expect((yield* store.list({ scope: [t.county.id], channel: "walk_in", category: "property", limit: 50 })).items).toHaveLength(12)
        expect(Option.isNone(yield* store.routedTo("need_nothing"))).toBe(true)
        const guard = { requestId: stored.id, failures: 2, windowStart: new Date(T0).toISOString(), lockedUntil: null }
        yield* uow.transaction(store.saveGuard(guard))
        yield* uow.transaction(store.saveGuard({ ...guard, failures: 3 }))
        expect(Option.getOrThrow(yield* store.getGuard(stored.id)).failures).toBe(3)
        expect(Option.isNone(yield* store.getConfig(t.county.id))).toBe(true)
      })))
  })
}
