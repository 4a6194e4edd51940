/**
 * The county's matching configuration: read by its staff, changed through the pipeline with
 * its decider, each change validated by the core schema ({@link ConfigureMatching}) whoever
 * calls, and the merged whole validated again.
 *
 * @since 0.4.0
 */
import { Effect, Result, Schema } from "effect"
import type { Decider, Recorded } from "../../kernel/decider.js"
import { fromSchemaError, invalidField, staleVersion } from "../../kernel/errors.js"
import type { GridNodeId } from "../../kernel/ids.js"
import type { Instant } from "../../kernel/time.js"
import { ConfigureMatching, MatchingConfig } from "../model.js"
import { defaultMatchingConfig } from "../rules.js"
import type { Matching, MatchingError } from "../service.js"
import type { Kit } from "./kit.js"

const decodeConfigure = Schema.decodeUnknownEffect(ConfigureMatching)
const decodeConfig = Schema.decodeUnknownResult(MatchingConfig)
const encodeConfig = Schema.encodeSync(MatchingConfig)
const encodeChecked = Schema.encodeUnknownResult(MatchingConfig)

/**
 * Changes to a county's configuration: merged into the stored one (or the defaults),
 * validated as a whole; the same values again change nothing; a stale `expectedVersion` is a
 * `Conflict`.
 *
 * @category rules
 * @since 0.4.0
 */
export const matchingConfigDecider: Decider<
  MatchingConfig,
  { readonly _tag: "Configure"; readonly countyId: GridNodeId; readonly changes: Partial<MatchingConfig>; readonly expectedVersion?: number | undefined },
  { readonly type: "changed"; readonly config: MatchingConfig; readonly changed: ReadonlyArray<string> },
  { readonly at: Instant },
  MatchingError
> = {
  decide: (state, command, ctx) => {
    const current = state ?? defaultMatchingConfig(command.countyId)
    // (A county without a configuration of its own is loaded with the defaults, at version 0.)
    if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
      return Result.fail(staleVersion("matching configuration", command.countyId, command.expectedVersion, current.version))
    }
    const merged = { ...current, ...command.changes, countyId: command.countyId }
    // Encoding checks the values too: a decider given nonsense refuses it rather than throw.
    const encoded = encodeChecked({ ...merged, version: 0, updatedAt: null })
    if (Result.isFailure(encoded)) return Result.fail(fromSchemaError(encoded.failure))
    const checked = decodeConfig(encoded.success)
    if (Result.isFailure(checked)) return Result.fail(fromSchemaError(checked.failure))
    const same = JSON.stringify(encodeConfig({ ...current, version: 0, updatedAt: null })) === JSON.stringify(encodeConfig({ ...merged, version: 0, updatedAt: null }))
    if (same) return Result.succeed([])
    return Result.succeed([{ type: "changed", config: { ...merged, updatedAt: ctx.at }, changed: Object.keys(command.changes) }])
  },
  evolve: (_, e) => e.config
}

/** The use cases of the county's configuration. */
export const makeConfiguration = (kit: Kit): Pick<Matching["Service"], "getConfig" | "configure"> => {
  const { access, commands, loadConfig, store } = kit
  return {
    getConfig: (actor, countyId) =>
      Effect.gen(function*() {
        yield* access.inCounty(actor, "county.config.read", countyId)
        return yield* loadConfig(countyId)
      }),

    configure: (actor, countyId, input) =>
      Effect.gen(function*() {
        const county = yield* access.at(actor, "matching.manage", countyId)
        if (county.parentId !== null) return yield* Effect.fail(invalidField("countyId", "must be a county", "必须是区县"))
        // The core schema validates, whoever calls (not only the HTTP layer).
        const command = yield* decodeConfigure(input).pipe(Effect.mapError((e) => fromSchemaError(e)))
        const { expectedVersion, ...given } = command
        const changes = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) as Partial<MatchingConfig>
        const result = yield* commands.run({
          actor,
          aggregate: "matching configuration",
          id: countyId,
          decider: matchingConfigDecider,
          command: { _tag: "Configure", countyId, changes, expectedVersion },
          // A county without a configuration of its own has the defaults, at version 0.
          load: loadConfig(countyId),
          authorize: () => Effect.void,
          context: (_, at) => Effect.succeed({ at }),
          save: (next, expected) => store.saveConfig(next, expected),
          record: (e): Recorded => ({ type: "matching.config.changed", scope: [countyId], payload: { changed: e.changed } })
        })
        return result.state
      }),
  }
}
