/**
 * The periods mediation statistics cover, in the county's calendar.
 *
 * @since 0.4.0
 */
import { Schema } from "effect"
import { CalendarDate, Instant } from "../kernel/time.js"
import { rule } from "./parts.js"

const optional = Schema.optionalKey

// ---------------------------------------------------------------------------
// Statistics periods

/**
 * A calendar month, e.g. `2026-07`.
 *
 * @category schemas
 * @since 0.4.0
 */
export const YearMonth = Schema.String.check(
  Schema.isPattern(/^\d{4}-(0[1-9]|1[0-2])$/u, rule("must be a month like 2026-07", "必须是月份，例如 2026-07"))
)

/**
 * The period statistics cover, in the county's calendar: `month` (`YYYY-MM`, or
 * `current`: this month where the county is), `date` (a local day, or `today`), or
 * `from`/`to` instants (`[from, to)`, either side open). One of the three at most.
 *
 * @category schemas
 * @since 0.4.0
 */
export const MediationStatisticsPeriod = Schema.Struct({
  from: optional(Instant),
  to: optional(Instant),
  month: optional(Schema.Union([YearMonth, Schema.Literal("current")])),
  date: optional(Schema.Union([CalendarDate, Schema.Literal("today")]))
})
/** @category schemas @since 0.4.0 */
export type MediationStatisticsPeriod = typeof MediationStatisticsPeriod.Type
