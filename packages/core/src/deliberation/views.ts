/**
 * What deliberation queries return: the public progress board (晾晒) with every personal
 * field masked, and the statistics.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../kernel/ids.js"
import { Instant } from "../kernel/time.js"
import { ItemId, ItemKind, ItemState, ItemStatus } from "./model.js"

/**
 * One row of the public progress board: no personal data, the raiser's name masked.
 *
 * @category views
 * @since 0.3.0
 */
export const BoardRow = Schema.Struct({
  id: ItemId,
  nodeId: GridNodeId,
  placeName: Schema.String,
  kind: ItemKind,
  category: Schema.Struct({ key: Schema.String, nameZh: Schema.String, nameEn: Schema.String }),
  title: Schema.String,
  /** The raiser's name masked (张*). */
  raisedBy: Schema.String,
  raisedAt: Instant,
  state: ItemState,
  stateLabel: Schema.Struct({ en: Schema.String, zh: Schema.String }),
  status: ItemStatus,
  unit: Schema.NullOr(Schema.String),
  promisedAt: Schema.NullOr(Instant),
  progress: Schema.Number,
  overdue: Schema.Boolean,
  answer: Schema.NullOr(Schema.String),
  resolution: Schema.NullOr(Schema.String),
  parentId: Schema.NullOr(ItemId),
  /** Average rating (1–5) once rated, and how many rated. */
  rating: Schema.NullOr(Schema.Number),
  ratings: Schema.Int
})
/** @category views @since 0.3.0 */
export type BoardRow = typeof BoardRow.Type

/**
 * How the board is ordered: newest raised first (default), by promised date (soonest
 * first), by progress (least first) or by rating (lowest first).
 *
 * @category views
 * @since 0.3.0
 */
export const BoardSort = Schema.Literals(["raised", "promised", "progress", "rating"])
/** @category views @since 0.3.0 */
export type BoardSort = typeof BoardSort.Type

const Rate = Schema.Struct({ count: Schema.Int, of: Schema.Int, percent: Schema.Number })

/**
 * Deliberation statistics of a subtree and period (`[from, to)`, by when items were raised).
 *
 * - `raised`, `answeredOnSpot`, `takenUp` (accepted for follow-up), `resolved`, `overdue`
 *   (taken up, unresolved, past the promised date now);
 * - per responsible unit: items taken up, the on-time rate (resolved by the promised date,
 *   of those resolved) and satisfaction (average rating and ratings of 4 or 5);
 * - per grid node directly below the root: the average rating;
 * - per category: items raised now and in the same period a year earlier, and the change
 *   (e.g. `"-19.5%"`; `null` when there were none a year earlier).
 *
 * @category views
 * @since 0.3.0
 */
export const DeliberationStatistics = Schema.Struct({
  rootId: GridNodeId,
  from: Schema.NullOr(Instant),
  to: Schema.NullOr(Instant),
  raised: Schema.Int,
  answeredOnSpot: Schema.Int,
  takenUp: Schema.Int,
  resolved: Schema.Int,
  overdue: Schema.Int,
  open: Schema.Int,
  byState: Schema.Array(Schema.Struct({ state: ItemState, count: Schema.Int })),
  byUnit: Schema.Array(Schema.Struct({
    unit: Schema.String,
    name: Schema.String,
    takenUp: Schema.Int,
    resolved: Schema.Int,
    overdue: Schema.Int,
    onTime: Rate,
    ratings: Schema.Int,
    averageRating: Schema.NullOr(Schema.Number),
    satisfied: Rate
  })),
  byNode: Schema.Array(Schema.Struct({ nodeId: Schema.String, raised: Schema.Int, ratings: Schema.Int, averageRating: Schema.NullOr(Schema.Number) })),
  byCategory: Schema.Array(Schema.Struct({
    category: Schema.String,
    nameZh: Schema.String,
    nameEn: Schema.String,
    count: Schema.Int,
    lastYear: Schema.NullOr(Schema.Int),
    change: Schema.NullOr(Schema.String)
  }))
})
/** @category views @since 0.3.0 */
export type DeliberationStatistics = typeof DeliberationStatistics.Type
