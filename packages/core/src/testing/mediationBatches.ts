/**
 * The mediation conformance case of bulk work: a supervision run over more cases than one
 * batch escalates each once, in the scan's order, with the versions and events a run of
 * one case at a time gives; the store reads many cases in one call.
 *
 * @since 0.5.0
 */
import { Effect } from "effect"
import { TestClock } from "effect/testing"
import { expect } from "vitest"
import { BATCH_SIZE } from "../kernel/decider.js"
import type { CaseId } from "../mediation/model.js"
import { Mediation } from "../mediation/service.js"
import { MediationStore } from "../mediation/store.js"
import { caseAt, type Env, pathTo, sys, type World } from "./mediationWorld.js"
import type { StoredEvent } from "../kernel/events.js"

/** The case, over a world and the log's events. */
export const supervisionInBatches = <E>(w: World, events: Effect.Effect<ReadonlyArray<StoredEvent>, E, Env>) =>
  Effect.gen(function*() {
    const mediation = yield* Mediation
    const store = yield* MediationStore
    const count = BATCH_SIZE + 5
    const due: Array<CaseId> = []
    for (let i = 0; i < count; i++) due.push((yield* caseAt(w, [])).id)
    const settled = yield* caseAt(w, pathTo.agreed)
    // Many at once: each stored case once, the unknown left out.
    const many = yield* store.getMany([due[0]!, due[1]!, "med_01JDZ6Y5V6Q2N8W3X4K7H9M0ZZ" as CaseId, due[0]!])
    expect(many.map((c) => c.id).sort()).toEqual([due[0]!, due[1]!].sort())
    expect(yield* store.getMany([])).toEqual([])

    yield* TestClock.adjust("25 hours")
    const scanned = (yield* mediation.overdue(sys, w.t.county.id, { limit: 1000 })).map((o) => o.id)
    const before = (yield* events).length
    const run = yield* mediation.runSupervision(sys, { countyId: w.t.county.id })
    expect(run.overdue).toBe(count)
    expect(run.skipped).toEqual([])
    expect(run.escalated.map((x) => x.id)).toEqual(scanned)
    expect(run.escalated.every((x) => x.to === "street" && x.missed === "accept")).toBe(true)
    const logged = (yield* events).slice(before)
    expect(logged.map((e) => e.type)).toEqual(scanned.map(() => "mediation.case.escalated"))
    for (const [i, id] of scanned.entries()) {
      const c = yield* mediation.get(sys, id)
      expect(c).toMatchObject({ state: "escalated", level: "street" })
      expect(logged[i]).toMatchObject({ aggregateId: id, version: c.version, actor: { kind: "system" } })
    }
    expect((yield* mediation.get(sys, settled.id)).state).toBe("agreed")
    expect((yield* mediation.runSupervision(sys, { countyId: w.t.county.id })).escalated).toEqual([])
  })
