/**
 * What deliberation queries return: the public progress board (晾晒), built from the free
 * text redacted when it was written, and the statistics.
 *
 * @since 0.3.0
 */
import { Schema } from "effect"
import { GridNodeId } from "../kernel/ids.js"
import { CalendarDate, Instant } from "../kernel/time.js"
import { CategoryCount } from "../kernel/vocabulary.js"
import { ItemId, ItemKind, ItemState, ItemStatus } from "./model.js"

/**
 * One row of the public progress board: no personal data. The raiser's name is masked
 * (张*); the title, the responsible unit, the milestones, the answer, the resolution and the
 * reason of a decline are the item's public text, redacted when written: names of the people
 * involved and of the residents and people around the item's node masked, and every phone
 * and ID-card number in any spacing or punctuation.
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
  /** The last day of the promise, in the county's calendar. */
  promisedBy: Schema.NullOr(CalendarDate),
  progress: Schema.Number,
  /** Taken up, unresolved, and the promised day is over in the county's calendar. */
  overdue: Schema.Boolean,
  milestones: Schema.Array(Schema.Struct({ note: Schema.String, progress: Schema.Int, at: Instant })),
  answer: Schema.NullOr(Schema.String),
  resolution: Schema.NullOr(Schema.String),
  declineReason: Schema.NullOr(Schema.String),
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
 * Deliberation statistics of a subtree and period: the items raised from the start of the
 * local day `from` to the end of the local day `to`, in the county's time zone.
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
  /** The county's time zone, in which the period's days are counted. */
  timeZone: Schema.String,
  /** The first day of the period, or `null` from the beginning. */
  from: Schema.NullOr(CalendarDate),
  /** The last day of the period (inclusive), or `null` up to now. */
  to: Schema.NullOr(CalendarDate),
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
  byCategory: Schema.Array(CategoryCount)
})
/** @category views @since 0.3.0 */
export type DeliberationStatistics = typeof DeliberationStatistics.Type
