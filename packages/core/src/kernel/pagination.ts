/**
 * Cursor pagination. A cursor is opaque to callers: pass back `next` to get the next page.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"

/**
 * How many items one page holds at most.
 *
 * @category models
 * @since 0.1.0
 */
export const MAX_PAGE_SIZE = 1000

/**
 * A page size: 1 to {@link MAX_PAGE_SIZE}.
 *
 * @category schemas
 * @since 0.1.0
 */
export const PageLimit = Schema.Int.check(
  Schema.isBetween({ minimum: 1, maximum: MAX_PAGE_SIZE }, {
    message: `must be an integer from 1 to ${MAX_PAGE_SIZE}`,
    messageZh: `必须是 1 到 ${MAX_PAGE_SIZE} 之间的整数`
  } as Schema.Annotations.Filter)
)

/**
 * Which page to read.
 *
 * @category models
 * @since 0.1.0
 */
export interface PageRequest {
  /** The `next` cursor of the previous page; absent for the first page. */
  readonly after?: string | undefined
  /** Page size, default 100. */
  readonly limit?: number | undefined
}

/**
 * One page of results.
 *
 * @category models
 * @since 0.1.0
 */
export interface Page<A> {
  readonly items: ReadonlyArray<A>
  /** Pass as `after` to read on; `null` when this was the last page. */
  readonly next: string | null
}

/**
 * The schema of a page of `item`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Page = <S extends Schema.Top>(item: S) =>
  Schema.Struct({ items: Schema.Array(item), next: Schema.NullOr(Schema.String) })

/** The default page size. @category models @since 0.1.0 */
export const DEFAULT_PAGE_SIZE = 100
