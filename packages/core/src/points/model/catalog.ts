/**
 * The schemas of the low-cost service catalog (低偿服务): a partner's service priced in
 * points, and the commands that publish and change it.
 *
 * @since 0.4.0
 */
import { Context, Effect, Schema } from "effect"
import type { StorageError } from "../../kernel/errors.js"
import { GridNodeId } from "../../kernel/ids.js"
import { Instant } from "../../kernel/time.js"
import { Prose, Text } from "../../kernel/text.js"
import { AccountId, Count, PointsAmount, ServiceId } from "./ledger.js"

const optional = Schema.optionalKey

/**
 * A catalog item's price in points: a whole number from 0 to 10^12. 0 is a partner's free
 * service (睦邻合伙人的免费服务), accepted only on a merchant account that
 * {@link FreeServiceProviders} names as a partner's.
 *
 * @category schemas
 * @since 0.5.0
 */
export const CatalogPrice = Schema.Int.check(Schema.isBetween({ minimum: 0, maximum: 1_000_000_000_000 }, {
  message: "must be a whole number of points from 0 (a partner's free service) to 10^12",
  messageZh: "必须是 0（合伙人的免费服务）到 10^12 之间的整数积分"
} as Schema.Annotations.Filter))

/**
 * Which merchant accounts belong to a partner organisation, whose free services (0 points)
 * the catalog accepts. Without a provider none does: every item costs at least 1 point.
 * The partners context provides it (`partnerFreeServices`).
 *
 * @category services
 * @since 0.5.0
 */
export const FreeServiceProviders = Context.Reference<FreeServiceCheck>("@mulin/core/points/FreeServiceProviders", {
  defaultValue: () => ({ isPartnerMerchant: () => Effect.succeed(false) })
})

/**
 * What {@link FreeServiceProviders} answers: whether a merchant account is a partner's.
 *
 * @category models
 * @since 0.5.0
 */
export interface FreeServiceCheck {
  readonly isPartnerMerchant: (merchantAccountId: AccountId) => Effect.Effect<boolean, StorageError>
}

/**
 * A low-cost service (低偿服务) a partner publishes: priced in points and optionally a cash
 * part, with stock or a daily capacity, for residents of one grid subtree. (Named
 * `Service` before 0.4.0.)
 *
 * @category models
 * @since 0.4.0
 */
export const CatalogService = Schema.Struct({
  id: ServiceId,
  countyId: GridNodeId,
  /** The root of the subtree it serves. */
  nodeId: GridNodeId,
  /** The merchant account the points go to. */
  merchantAccountId: AccountId,
  title: Text(60),
  /** Free text (may be empty). */
  description: Schema.String,
  /** 0 only for a partner's free service. */
  pricePoints: CatalogPrice,
  cashFen: Count,
  /** Units left (`null`: unlimited). An order takes one per unit; a cancelled or expired order gives them back. */
  stock: Schema.NullOr(Count),
  /** Orders accepted per day (`null`: unlimited). */
  dailyCapacity: Schema.NullOr(PointsAmount),
  status: Schema.Literals(["active", "withdrawn"]),
  version: Schema.Int,
  createdAt: Instant,
  updatedAt: Instant
})
/** @category models @since 0.4.0 */
export type CatalogService = typeof CatalogService.Type

// ---------------------------------------------------------------------------
// Commands

/**
 * Publish a service in the catalog.
 *
 * @category commands
 * @since 0.2.0
 */
export const PublishService = Schema.Struct({
  merchantAccountId: AccountId,
  nodeId: GridNodeId,
  title: Text(60),
  description: optional(Prose(500)),
  pricePoints: CatalogPrice,
  cashFen: optional(Count),
  stock: optional(Schema.NullOr(Count)),
  dailyCapacity: optional(Schema.NullOr(PointsAmount))
})
/** @category commands @since 0.2.0 */
export type PublishService = typeof PublishService.Type

/**
 * Change a service's price, stock, capacity or status.
 *
 * @category commands
 * @since 0.2.0
 */
export const UpdateService = Schema.Struct({
  title: optional(Text(60)),
  description: optional(Prose(500)),
  pricePoints: optional(CatalogPrice),
  cashFen: optional(Count),
  stock: optional(Schema.NullOr(Count)),
  dailyCapacity: optional(Schema.NullOr(PointsAmount)),
  status: optional(Schema.Literals(["active", "withdrawn"])),
  expectedVersion: optional(Schema.Int)
})
/** @category commands @since 0.2.0 */
export type UpdateService = typeof UpdateService.Type
