/**
 * The county's matching configuration: read by its staff only, and validated by the core
 * schema whoever calls the use case (not only over HTTP). A due date given as a calendar date
 * means the end of that day in the county's calendar.
 */
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import { describe, expect, it } from "vitest"
import { Grid, IdGenerator, Matching, Points } from "@mulin/core"
import { buildTinyCounty, layerMemory } from "@mulin/core/testing"

/** A UTC instant from a China wall-clock time (UTC+8). */
const china = (y: number, m: number, d: number, h: number, min: number) => Date.UTC(y, m - 1, d, h - 8, min)

const run = <A, E>(effect: Effect.Effect<A, E, Grid | Points | Matching>) =>
  Effect.runPromise(effect.pipe(
    Effect.provide(Matching.layer.pipe(Layer.provideMerge(Layer.mergeAll(Grid.layer, Points.layer)), Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layer)))),
    Effect.provide(TestClock.layer())
  ) as Effect.Effect<A, unknown>)

describe("matching configuration", () => {
  it("is read by the county's staff only", () =>
    run(Effect.gen(function*() {
      const matching = yield* Matching
      const t = yield* buildTinyCounty()
      for (const actor of [t.actors.resident, t.actors.volunteer, t.actors.partner]) {
        const refused = yield* Effect.flip(matching.getConfig(actor, t.county.id))
        expect(["Forbidden", "NotFound"]).toContain(refused._tag)
      }
      for (const actor of [t.actors.admin, t.actors.secretary, t.actors.worker]) expect((yield* matching.getConfig(actor, t.county.id)).countyId).toBe(t.county.id)
    })))

  it("refuses weights outside [0, 1], depths out of order and duplicate categories, naming the field", () =>
    run(Effect.gen(function*() {
      const matching = yield* Matching
      const t = yield* buildTinyCounty()
      const weights = { skill: 5, distance: 0.25, availability: 0.1, load: 0.1, fairness: 0.15, rating: 0.1 }
      const bad = yield* Effect.flip(matching.configure(t.admin, t.county.id, { weights }))
      expect(bad._tag).toBe("InvalidInput")
      expect(bad.message).toContain("weights.skill")
      const nan = yield* Effect.flip(matching.configure(t.admin, t.county.id, { weights: { ...weights, skill: Number.NaN } }))
      expect(nan._tag).toBe("InvalidInput")
      const depths = yield* Effect.flip(matching.configure(t.admin, t.county.id, { depths: { community: 3, grid: 2, building: 4 } }))
      expect(depths._tag).toBe("InvalidInput")
      const radius = yield* Effect.flip(matching.configure(t.admin, t.county.id, { radiusDepth: -1 }))
      expect(radius._tag).toBe("InvalidInput")
      expect((yield* matching.getConfig(t.admin, t.county.id)).version).toBe(0)
    })))

  it("names the field of every limit with its rule in English and Chinese, and writes nothing", () =>
    run(Effect.gen(function*() {
      const matching = yield* Matching
      const t = yield* buildTinyCounty()
      const cases = [
        [{ candidatesPerNeed: 0 }, "candidatesPerNeed"],
        [{ candidatesPerNeed: 1001 }, "candidatesPerNeed"],
        [{ expectedVersion: 0.5 }, "expectedVersion"],
        [{ categories: [] }, "categories"],
        [{ categories: [{ key: "repairs", nameZh: "维修", nameEn: "repairs" }, { key: "repairs", nameZh: "维修", nameEn: "repairs" }] }, "categories"],
        [{ radiusDepth: 21 }, "radiusDepth"],
        [{ weights: { skill: 0, distance: 0, availability: 0, load: 0, fairness: 0, rating: 0 } }, "weights"]
      ] as const
      for (const [command, field] of cases) {
        const refused = yield* Effect.flip(matching.configure(t.admin, t.county.id, command as never))
        expect(refused._tag).toBe("InvalidInput")
        if (refused._tag !== "InvalidInput") continue
        const issue = refused.issues.find((i) => i.path === field)
        expect(issue, field).toBeDefined()
        expect(issue!.messageZh, field).toMatch(/[\u4e00-\u9fff]/u)
      }
      expect((yield* matching.getConfig(t.admin, t.county.id)).version).toBe(0)
    })))

  it("takes a calendar due date as the end of that day in the county's calendar", () =>
    run(Effect.gen(function*() {
      const matching = yield* Matching
      yield* TestClock.setTime(china(2026, 6, 1, 23, 30))
      const t = yield* buildTinyCounty()
      const post = { nodeId: t.units[0].id, kind: "micro_wish", category: "repairs", title: "修门锁", dueAt: "2026-06-01" } as const
      const tonight = yield* matching.post(t.actors.resident, post as never)
      expect(tonight.dueAt).toBe("2026-06-01T16:00:00.000Z")
      yield* TestClock.setTime(china(2026, 6, 2, 0, 30))
      const late = yield* Effect.flip(matching.post(t.actors.resident, post as never))
      expect(late._tag).toBe("InvalidInput")
    })))
})
