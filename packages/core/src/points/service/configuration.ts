/**
 * The county's points configuration: read by its staff, replaced through the pipeline with
 * the configuration decider, validated by the core schema whoever calls.
 *
 * @since 0.4.0
 */
import { Effect, Schema } from "effect"
import type { Recorded } from "../../kernel/decider.js"
import { fromSchemaError, invalidField } from "../../kernel/errors.js"
import { pointsConfigDecider } from "../machine.js"
import { ConfigurePoints } from "../rules.js"
import type { Points } from "../service.js"
import type { Kit } from "./kit.js"

const encodeConfigure = Schema.encodeUnknownEffect(ConfigurePoints)
const decodeConfigure = Schema.decodeUnknownEffect(ConfigurePoints)

/** The use cases of the county's configuration. */
export const makeConfiguration = (kit: Kit): Pick<Points["Service"], "getConfig" | "configure"> => {
  const { access, commands, configOf, store } = kit
  return {
    getConfig: (actor, countyId) =>
      Effect.gen(function*() {
        yield* access.inCounty(actor, "county.config.read", countyId)
        const { config, version } = yield* configOf(countyId)
        return { countyId, version, config }
      }),

    configure: (actor, countyId, input, expectedVersionGiven) =>
      Effect.gen(function*() {
        const county = yield* access.at(actor, "points.configure", countyId)
        if (county.parentId !== null) return yield* Effect.fail(invalidField("countyId", "must be a county", "必须是区县"))
        // The core schema validates, whoever calls (not only the HTTP layer): a bad figure is InvalidInput, never a defect.
        const { config, expectedVersion } = yield* Effect.flatMap(encodeConfigure({ config: input, expectedVersion: expectedVersionGiven }), decodeConfigure).pipe(
          Effect.mapError((e) => fromSchemaError(e))
        )
        const result = yield* commands.run({
          actor,
          aggregate: "points configuration",
          id: countyId,
          decider: pointsConfigDecider,
          command: { _tag: "Configure", countyId, config, expectedVersion },
          // A county without a configuration of its own has the defaults, at version 0.
          load: Effect.map(configOf(countyId), (c) => ({ countyId, config: c.config, version: c.version })),
          authorize: () => Effect.void,
          context: () => Effect.succeed(undefined),
          save: (next, expected) => store.saveConfig(countyId, next.config, expected),
          record: (e): Recorded => ({ type: "points.config.updated", scope: [countyId], payload: { rules: e.config.rules.map((r) => r.category) } })
        })
        return { countyId, version: result.state.version, config: result.state.config }
      })
  }
}
