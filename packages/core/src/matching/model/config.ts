/**
 * The schemas of a county's matching configuration (need categories, the ranking's weights,
 * the levels' depths, the radius, pruning) and of the command that changes it.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../../kernel/ids.js"
import { Instant } from "../../kernel/time.js"
import { Text } from "../../kernel/text.js"
import { MatchingKey } from "./needs.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

const optional = Schema.optionalKey

// ---------------------------------------------------------------------------
// Configuration

/**
 * A need category the county offers (repairs, elder care, errands, …).
 *
 * @category models
 * @since 0.3.0
 */
export const NeedCategory = Schema.Struct({ key: MatchingKey, nameZh: Text(30), nameEn: Text(60) })
/** @category models @since 0.3.0 */
export type NeedCategory = typeof NeedCategory.Type

const Weight = Schema.Finite.check(Schema.isBetween({ minimum: 0, maximum: 1 }, rule("must be a number from 0 to 1", "必须是 0 到 1 之间的数")))

/**
 * The weights of the ranking score's parts: each in [0, 1], not all 0.
 *
 * @category models
 * @since 0.3.0
 */
export const Weights = Schema.Struct({
  skill: Weight,
  distance: Weight,
  availability: Weight,
  load: Weight,
  fairness: Weight,
  rating: Weight
}).check(Schema.makeFilter((w: { readonly [k: string]: number }) => Object.values(w).some((x) => x > 0), rule("must not all be 0", "不能全部为 0")))

const Depth = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 20 }, rule("must be a whole number from 0 to 20", "必须是 0 到 20 之间的整数")))

/**
 * The depths (0 = county) of the community, grid and building levels, in that order.
 *
 * @category models
 * @since 0.4.0
 */
export const LevelDepths = Schema.Struct({ community: Depth, grid: Depth, building: Depth }).check(
  Schema.makeFilter((d: { readonly community: number; readonly grid: number; readonly building: number }) => d.community < d.grid && d.grid < d.building, rule(
    "must go down the tree: community < grid < building",
    "必须自上而下：社区 < 网格 < 楼栋"
  ))
)

/**
 * The need categories a county offers: 1 to 100, keys unique.
 *
 * @category models
 * @since 0.4.0
 */
export const NeedCategories = Schema.Array(NeedCategory).check(
  Schema.isMinLength(1),
  Schema.isMaxLength(100),
  Schema.makeFilter((cs: ReadonlyArray<{ readonly key: string }>) => new Set(cs.map((c) => c.key)).size === cs.length, rule("category keys must be unique", "类别代码不能重复"))
)
/** @category models @since 0.3.0 */
export type Weights = typeof Weights.Type

/**
 * A county's matching configuration.
 *
 * @category models
 * @since 0.3.0
 */
export const MatchingConfig = Schema.Struct({
  countyId: GridNodeId,
  categories: NeedCategories,
  weights: Weights,
  /** Depths (0 = county) of the community, grid and building levels, for grid distance. */
  depths: LevelDepths,
  /** Volunteers must share the ancestor at this depth with the need (2: same community). */
  radiusDepth: Depth,
  /** Dispatch keeps at most this many best candidates per need (pruning). */
  candidatesPerNeed: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 })),
  version: Schema.Int,
  updatedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.3.0 */
export type MatchingConfig = typeof MatchingConfig.Type

// ---------------------------------------------------------------------------
// Commands

/**
 * Changes to a county's matching configuration, each validated (weights in [0, 1], depths in
 * order, unique categories, …), whoever calls the use case.
 *
 * @category commands
 * @since 0.4.0
 */
export const ConfigureMatching = Schema.Struct({
  categories: optional(NeedCategories),
  weights: optional(Weights),
  depths: optional(LevelDepths),
  radiusDepth: optional(Depth),
  candidatesPerNeed: optional(Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 }))),
  expectedVersion: optional(Schema.Int)
})
/** @category commands @since 0.3.0 */
export type ConfigureMatching = typeof ConfigureMatching.Type
