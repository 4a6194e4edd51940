/**
 * The seed's headline figures (红色网格, 楼栋长, 报到党员, 睦邻合伙人, 阵地, 志愿服务队, 活动与
 * 人次, …) come from every context: each context that holds one contributes a
 * {@link HeadlineCounter}, and the county report asks every counter for the same subtree
 * and period. The report checks the caller's scope once, at the subtree's root; a counter
 * only counts.
 *
 * @since 0.5.0
 */
import type { Effect } from "effect"
import type { StorageError } from "./errors.js"
import type { GridNodeId } from "./ids.js"
import type { CalendarDate, Instant } from "./time.js"

/**
 * What a headline counter counts over: a subtree and a period of the county's calendar.
 *
 * @category models
 * @since 0.5.0
 */
export interface HeadlineQuery {
  readonly countyId: GridNodeId
  /** The subtree's root. */
  readonly rootId: GridNodeId
  /** The root's full path, county first and the root last (`pathOf(root)`). */
  readonly rootPath: ReadonlyArray<GridNodeId>
  /** First day of the period, inclusive, in the county's calendar. */
  readonly from: CalendarDate
  /** Last day of the period, inclusive, in the county's calendar. */
  readonly to: CalendarDate
  /** `from`'s first instant and the instant after `to`'s last, in the county's time zone. */
  readonly window: readonly [Instant, Instant]
  /** The county's IANA time zone. */
  readonly timeZone: string
}

/**
 * One headline figure: a stable key (`party_members_serving`), its label in English and
 * Chinese, and how to count it. Counts of things that exist (places, teams, partners) count
 * those active at some time in the period; counts of things that happen (activities,
 * person-times) count those that happened in it.
 *
 * @category models
 * @since 0.5.0
 */
export interface HeadlineCounter {
  readonly key: string
  readonly en: string
  readonly zh: string
  readonly count: (query: HeadlineQuery) => Effect.Effect<number, StorageError>
}
