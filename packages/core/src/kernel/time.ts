/**
 * Time as the domain sees it: instants as ISO-8601 UTC strings and calendar dates as
 * `YYYY-MM-DD`. The current time is read from Effect's `Clock` service, so `TestClock`
 * makes every use case deterministic.
 *
 * @since 0.1.0
 */
import { Clock, DateTime, Effect, Option, Schema } from "effect"

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
  } as Schema.Annotations.Filter),
  Schema.makeFilter((s: string) => isRealInstant(s), {
    message: "must be a time that exists (a real date, hours 00-23, minutes and seconds 00-59)",
    messageZh: "必须是真实存在的时间（日期真实，时 00-23，分秒 00-59）"
  } as Schema.Annotations.Filter)
)
/** @category schemas @since 0.1.0 */
export type Instant = typeof Instant.Type

const isRealInstant = (s: string): boolean => {
  if (!isRealDate(s.slice(0, 10))) return false
  const hours = Number(s.slice(11, 13))
  const minutes = Number(s.slice(14, 16))
  const seconds = Number(s.slice(17, 19))
  return hours <= 23 && minutes <= 59 && seconds <= 59
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** Whether `s` (`YYYY-MM-DD`, digits already checked) names a day of the Gregorian calendar. Runs on every decoded date: arithmetic, no `Date`. */
function isRealDate(s: string): boolean {
  const year = Number(s.slice(0, 4))
  const month = Number(s.slice(5, 7))
  const day = Number(s.slice(8, 10))
  if (!(month >= 1 && month <= 12 && day >= 1)) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)
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

// ---------------------------------------------------------------------------
// The county's calendar

/**
 * The time zone of a county's calendar when it names none: China Standard Time.
 *
 * @category constants
 * @since 0.4.0
 */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai"

/**
 * An IANA time zone name, e.g. `Asia/Shanghai`, that this runtime knows.
 *
 * @category schemas
 * @since 0.4.0
 */
export const TimeZoneId = Schema.String.check(
  Schema.makeFilter((s: string) => s.length <= 64 && /^[A-Za-z][A-Za-z0-9_+\-/]*$/u.test(s) && Option.isSome(DateTime.zoneMakeNamed(s)), {
    message: "must be an IANA time zone name such as Asia/Shanghai",
    messageZh: "必须是 IANA 时区名称，例如 Asia/Shanghai"
  } as Schema.Annotations.Filter)
)
/** @category schemas @since 0.4.0 */
export type TimeZoneId = typeof TimeZoneId.Type

const zoneOf = (zone: string): DateTime.TimeZone => DateTime.zoneMakeNamedUnsafe(zone)
const zoned = (at: Instant | number, zone: string): DateTime.Zoned =>
  DateTime.makeZonedUnsafe(typeof at === "number" ? at : Date.parse(at), { timeZone: zoneOf(zone) })
const iso = (d: DateTime.DateTime): Instant => new Date(DateTime.toEpochMillis(d)).toISOString()
const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n))

/**
 * The calendar date of an instant in a time zone: `2026-11-25T16:30:00Z` is
 * `2026-11-26` in `Asia/Shanghai`.
 *
 * @category calendar
 * @since 0.4.0
 */
export const localDate = (at: Instant | number, zone: string): CalendarDate => {
  const ms = typeof at === "number" ? at : Date.parse(at)
  const offset = offsetAround(ms, zone)
  if (offset === null) return exactLocalDate(ms, zone)
  const local = new Date(ms + offset)
  const year = local.getUTCFullYear()
  return year < 0 || year > 9999 ? exactLocalDate(ms, zone) : `${String(year).padStart(4, "0")}-${pad2(local.getUTCMonth() + 1)}-${pad2(local.getUTCDate())}`
}

const exactLocalDate = (ms: number, zone: string): CalendarDate => {
  const p = DateTime.toParts(zoned(ms, zone))
  return `${String(p.year).padStart(4, "0")}-${pad2(p.month)}-${pad2(p.day)}`
}

// A zone's offset from UTC by UTC day: asking Intl costs microseconds, and `localDate` runs
// on every request (which posts are current), every dated command and every row of a
// statistics period. A day whose first and last millisecond have the same offset has that
// offset throughout (no zone changes its offset and back within one day); a day that holds
// a change (a few a year) is asked exactly, instant by instant. One entry per zone and day:
// about 70,000 entries cover two centuries of one zone; the cache is emptied past that.
const DAY_MS = 24 * 60 * 60 * 1000
const OFFSETS_KEPT = 1 << 16
const offsets = new Map<string, Map<number, number | null>>()

const offsetAround = (ms: number, zone: string): number | null => {
  if (!Number.isFinite(ms)) return null
  const day = Math.floor(ms / DAY_MS)
  let byDay = offsets.get(zone)
  if (byDay === undefined) offsets.set(zone, byDay = new Map())
  let offset = byDay.get(day)
  if (offset === undefined) {
    const start = day * DAY_MS
    const first = DateTime.zonedOffset(zoned(start, zone))
    offset = first === DateTime.zonedOffset(zoned(start + DAY_MS - 1, zone)) ? first : null
    if (byDay.size >= OFFSETS_KEPT) byDay.clear()
    byDay.set(day, offset)
  }
  return offset
}

/**
 * The calendar month (`YYYY-MM`) of an instant in a time zone.
 *
 * @category calendar
 * @since 0.4.0
 */
export const localMonth = (at: Instant | number, zone: string): string => localDate(at, zone).slice(0, 7)

/**
 * The instant a local calendar date starts in a time zone: `2026-11-26` starts at
 * `2026-11-25T16:00:00.000Z` in `Asia/Shanghai`.
 *
 * @category calendar
 * @since 0.4.0
 */
export const startOfDate = (date: CalendarDate, zone: string): Instant => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number]
  const local = DateTime.makeZonedUnsafe({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0, millisecond: 0 }, { timeZone: zoneOf(zone), adjustForTimeZone: true })
  return iso(local)
}

/**
 * A local calendar date moved by whole days (the Gregorian calendar; no time zone involved).
 *
 * @category calendar
 * @since 0.4.0
 */
export const addDays = (date: CalendarDate, days: number): CalendarDate =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * The local day `[from, to)` an instant falls in, as UTC instants.
 *
 * @category calendar
 * @since 0.4.0
 */
export const dayWindow = (at: Instant | number, zone: string): readonly [Instant, Instant] => {
  const date = localDate(at, zone)
  return [startOfDate(date, zone), startOfDate(addDays(date, 1), zone)]
}

/**
 * The local calendar month `[from, to)` an instant falls in, as UTC instants.
 *
 * @category calendar
 * @since 0.4.0
 */
export const monthWindow = (at: Instant | number, zone: string): readonly [Instant, Instant] => {
  const [y, m] = localMonth(at, zone).split("-").map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01-01` : `${String(y).padStart(4, "0")}-${pad2(m + 1)}-01`
  return [startOfDate(`${String(y).padStart(4, "0")}-${pad2(m)}-01`, zone), startOfDate(next, zone)]
}

/**
 * The same local wall-clock moment moved by `months` months (negative: earlier), clamped
 * to the end of shorter months: what "points older than 12 months" and "the same period a
 * year earlier" mean in the county's calendar.
 *
 * @category calendar
 * @since 0.4.0
 */
export const shiftMonths = (at: Instant, months: number, zone: string): Instant =>
  iso(DateTime.add(zoned(at, zone), { months }))

/**
 * Today's date in a time zone, from the `Clock`.
 *
 * @category constructors
 * @since 0.4.0
 */
export const todayIn = (zone: string): Effect.Effect<CalendarDate> =>
  Effect.map(Clock.currentTimeMillis, (ms) => localDate(ms, zone))
