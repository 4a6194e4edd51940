/**
 * What the places context shows: a place as anyone may see it (no contact), the places
 * serving a household nearest first, and the coverage of a subtree's communities.
 *
 * @since 0.5.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../kernel/ids.js"
import { ConfigKey } from "../kernel/vocabulary.js"
import { OpeningHours, PlaceCapacity, PlaceStatus, ServicePlaceId } from "./model.js"

/**
 * A place as the public list and residents see it: no contact person, no personal data,
 * with whether it is open now in the county's time zone.
 *
 * @category views
 * @since 0.5.0
 */
export const PublicPlace = Schema.Struct({
  id: ServicePlaceId,
  nodeId: GridNodeId,
  kind: ConfigKey,
  name: Schema.String,
  address: Schema.NullOr(Schema.String),
  hours: OpeningHours,
  services: Schema.Array(Schema.String),
  capacity: Schema.NullOr(PlaceCapacity),
  status: PlaceStatus,
  openNow: Schema.Boolean
})
/** @category views @since 0.5.0 */
export type PublicPlace = typeof PublicPlace.Type

/**
 * A place serving a household: `distance` is how many levels above the household's node
 * it lies (0: at that node).
 *
 * @category views
 * @since 0.5.0
 */
export const NearbyPlace = Schema.Struct({ ...PublicPlace.fields, distance: Schema.Int })
/** @category views @since 0.5.0 */
export type NearbyPlace = typeof NearbyPlace.Type

/**
 * One community's coverage: live places per kind at it or below, and the kinds it lacks.
 *
 * @category views
 * @since 0.5.0
 */
export const CommunityCoverage = Schema.Struct({
  nodeId: GridNodeId,
  name: Schema.String,
  counts: Schema.Record(Schema.String, Schema.Int),
  missing: Schema.Array(ConfigKey)
})
/** @category views @since 0.5.0 */
export type CommunityCoverage = typeof CommunityCoverage.Type

/**
 * One kind's coverage over the subtree.
 *
 * @category views
 * @since 0.5.0
 */
export const KindCoverage = Schema.Struct({
  code: ConfigKey,
  labelZh: Schema.String,
  labelEn: Schema.String,
  places: Schema.Int,
  communitiesWith: Schema.Int,
  communitiesWithout: Schema.Int
})
/** @category views @since 0.5.0 */
export type KindCoverage = typeof KindCoverage.Type

/**
 * The coverage of a subtree: which communities lack which kind.
 *
 * @category views
 * @since 0.5.0
 */
export const PlaceCoverage = Schema.Struct({
  rootId: GridNodeId,
  communities: Schema.Array(CommunityCoverage),
  kinds: Schema.Array(KindCoverage)
})
/** @category views @since 0.5.0 */
export type PlaceCoverage = typeof PlaceCoverage.Type
