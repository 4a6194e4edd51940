/**
 * The county's points configuration is checked by the core's `ConfigurePoints` schema
 * whoever calls the use case (not only over HTTP): a bad figure is refused with the field
 * and the rule in English and Chinese, and nothing is written.
 */
import { Effect, Layer, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { ConfigurePoints, defaultPointsConfig, Grid, IdGenerator, Points, systemActor } from "@mulin/core"
import { buildTinyLedger, layerMemory } from "@mulin/core/testing"

const sys = systemActor()

const run = <A, E>(effect: Effect.Effect<A, E, Grid | Points>) =>
  Effect.runPromise(effect.pipe(
    Effect.provide(Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layer))))
  ) as Effect.Effect<A, unknown>)

describe("points configuration", () => {
  it("refuses bad figures through the library, naming the field in English and Chinese, and writes nothing", () =>
    run(Effect.gen(function*() {
      const points = yield* Points
      const l = yield* buildTinyLedger()
      const county = l.tiny.county.id
      const rule = defaultPointsConfig.rules[0]!
      const cases = [
        [{ ...defaultPointsConfig, expiryMonths: 0 }, undefined, "config.expiryMonths"],
        [{ ...defaultPointsConfig, holdTimeoutHours: 1.5 }, undefined, "config.holdTimeoutHours"],
        [{ ...defaultPointsConfig, rules: [rule, rule] }, undefined, "config.rules"],
        [{ ...defaultPointsConfig, rules: [{ ...rule, awardRoles: ["resident"] }] }, undefined, "config.rules.0.awardRoles"],
        [{ ...defaultPointsConfig, pickupCodes: { perHold: 0, perMerchantHour: 20, merchantLockMinutes: 60 } }, undefined, "config.pickupCodes.perHold"],
        [{ ...defaultPointsConfig, expiryMonths: 12 }, 0.5, "expectedVersion"]
      ] as const
      for (const [config, expectedVersion, field] of cases) {
        const refused = yield* Effect.flip(points.configure(sys, county, config as never, expectedVersion))
        expect(refused._tag).toBe("InvalidInput")
        if (refused._tag !== "InvalidInput") continue
        expect(refused.issues.map((i) => i.path)).toContain(field)
        const issue = refused.issues.find((i) => i.path === field)!
        expect(issue.message.length).toBeGreaterThan(0)
        expect(issue.messageZh).toMatch(/[\u4e00-\u9fff]/u)
      }
      expect((yield* points.getConfig(sys, county)).version).toBe(0)
      const saved = yield* points.configure(sys, county, { ...defaultPointsConfig, expiryMonths: 12 }, 0)
      expect(saved).toMatchObject({ version: 1, config: { expiryMonths: 12 } })
    })))

  it("is the schema of the HTTP body: the configuration and the version it replaces", () => {
    const decode = Schema.decodeUnknownSync(ConfigurePoints)
    expect(decode({ config: Schema.encodeSync(ConfigurePoints.fields.config)(defaultPointsConfig), expectedVersion: 3 }).expectedVersion).toBe(3)
    expect(() => decode({ config: {}, expectedVersion: 3 })).toThrow()
    expect(() => decode({ config: Schema.encodeSync(ConfigurePoints.fields.config)(defaultPointsConfig), expectedVersion: "3" })).toThrow()
  })
})
