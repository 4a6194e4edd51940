/**
 * Time as the domain sees it: instants as ISO-8601 UTC strings and calendar dates as
 * `YYYY-MM-DD`. The current time is read from Effect's `Clock` service, so `TestClock`
 * makes every use case deterministic.
 *
 * @since 0.1.0
 */
import { Clock, Effect, Schema } from "effect"

/**
 * An instant, e.g. `2026-11-26T08:30:00.000Z`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Instant = Schema.String.check(
  Schema.isPattern(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/u, {
    message: "must be an ISO-8601 UTC time like 2026-11-26T08:30:00.000Z",
    messageZh: "必须是 ISO-8601 UTC 时间，例如 2026-11-26T08:30:00.000Z"
  } as Schema.Annotations.Filter)
)
/** @category schemas @since 0.1.0 */
export type Instant = typeof Instant.Type

const isRealDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/**
 * A calendar date, e.g. `2026-11-26`.
 *
 * @category schemas
 * @since 0.1.0
 */
export const CalendarDate = Schema.String.check(
  Schema.isPattern(/^\d{4}-\d{2}-\d{2}$/u, {
    message: "must be a date like 2026-11-26",
    messageZh: "必须是日期，例如 2026-11-26"
  } as Schema.Annotations.Filter),
  Schema.makeFilter(isRealDate, {
    message: "must be a real calendar date",
    messageZh: "必须是真实存在的日期"
  } as Schema.Annotations.Filter)
)
/** @category schemas @since 0.1.0 */
export type CalendarDate = typeof CalendarDate.Type

/**
 * The current instant from the `Clock`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const now: Effect.Effect<Instant> = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString())

/**
 * Today's date (UTC) from the `Clock`.
 *
 * @category constructors
 * @since 0.1.0
 */
export const today: Effect.Effect<CalendarDate> = Effect.map(now, (iso) => iso.slice(0, 10))
