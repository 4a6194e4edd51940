/**
 * The schemas of the low-cost service catalog (低偿服务): a partner's service priced in
 * points, and the commands that publish and change it.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../../kernel/ids.js"
import { Instant } from "../../kernel/time.js"
import { Prose, Text } from "../../kernel/text.js"
import { AccountId, Count, PointsAmount, ServiceId } from "./ledger.js"

const optional = Schema.optionalKey

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
  pricePoints: PointsAmount,
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
  pricePoints: PointsAmount,
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
  pricePoints: optional(PointsAmount),
  cashFen: optional(Count),
  stock: optional(Schema.NullOr(Count)),
  dailyCapacity: optional(Schema.NullOr(PointsAmount)),
  status: optional(Schema.Literals(["active", "withdrawn"])),
  expectedVersion: optional(Schema.Int)
})
/** @category commands @since 0.2.0 */
export type UpdateService = typeof UpdateService.Type
