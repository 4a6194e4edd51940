/**
 * The pure rules of scheduling: reading a job's cron schedule in a county's time zone, the
 * periods due since the last recorded one (each missed period once, the latest few after a
 * long downtime), the next time a job is due, and the key of a reminder.
 *
 * @since 0.5.0
 */
import { Cron, Result } from "effect"
import { invalidField, type InvalidInput } from "../kernel/errors.js"
import type { Instant } from "../kernel/time.js"
import type { JobPeriod, ReminderType } from "./model.js"

const cache = new Map<string, Cron.Cron>()

/**
 * A job's schedule read in a time zone: a 5-field cron expression. Fails naming the field
 * `schedule` when the expression or the zone is not valid.
 *
 * @category constructors
 * @since 0.5.0
 */
export const scheduleIn = (schedule: string, timeZone: string): Result.Result<Cron.Cron, InvalidInput> => {
  const key = `${timeZone}\u0000${schedule}`
  const hit = cache.get(key)
  if (hit !== undefined) return Result.succeed(hit)
  if (schedule.trim().split(/\s+/).length !== 5) {
    return Result.fail(invalidField("schedule", "must be a cron expression of 5 fields (minute hour day month weekday)", "必须是 5 段的 cron 表达式（分 时 日 月 周）"))
  }
  const parsed = Cron.parse(schedule, timeZone)
  if (Result.isFailure(parsed)) return Result.fail(invalidField("schedule", `is not a valid cron expression: ${parsed.failure.message}`, "不是有效的 cron 表达式"))
  if (cache.size > 1000) cache.clear()
  cache.set(key, parsed.success)
  return Result.succeed(parsed.success)
}

const iso = (d: Date): Instant => d.toISOString()

/**
 * The period that ends when the schedule fires at `end`: from the previous firing.
 *
 * @category constructors
 * @since 0.5.0
 */
export const periodEndingAt = (cron: Cron.Cron, end: Date): JobPeriod => ({
  start: iso(Cron.prev(cron, end)),
  end: iso(end),
  key: iso(end)
})

/**
 * The latest time the schedule fired at or before `at`.
 *
 * @category getters
 * @since 0.5.0
 */
export const lastFiring = (cron: Cron.Cron, at: number): Date => Cron.prev(cron, new Date(at + 1))

/**
 * The next time the schedule fires after `at`.
 *
 * @category getters
 * @since 0.5.0
 */
export const nextFiring = (cron: Cron.Cron, at: number): Date => Cron.next(cron, new Date(at))

/**
 * What is due at `at`, oldest first: every period that ended after `lastEnd` (the end of
 * the last recorded period) and at or before `at`, at most the latest `maxCatchUp` of them;
 * `skipped` counts the older ones left out (by the length of the oldest period run: exact
 * for a regular schedule, close for one that is not). Without a recorded period, only the latest
 * period is due: a new job or county does not replay the past.
 *
 * @category constructors
 * @since 0.5.0
 */
export const duePeriods = (cron: Cron.Cron, lastEnd: Instant | undefined, at: number, maxCatchUp: number): { readonly due: ReadonlyArray<JobPeriod>; readonly skipped: number } => {
  const last = lastEnd === undefined ? undefined : Date.parse(lastEnd)
  const limit = lastEnd === undefined ? 1 : Math.max(1, maxCatchUp)
  const due: Array<JobPeriod> = []
  let end = lastFiring(cron, at)
  while ((last === undefined || end.getTime() > last) && due.length < limit) {
    const start = Cron.prev(cron, end)
    due.unshift({ start: iso(start), end: iso(end), key: iso(end) })
    end = start
  }
  let skipped = 0
  if (last !== undefined && due.length === limit && Date.parse(due[0]!.start) > last) {
    // The older missed periods, counted by the length of the oldest one run (exact for a
    // regular schedule) rather than by walking an unbounded past one firing at a time.
    const length = Date.parse(due[0]!.end) - Date.parse(due[0]!.start)
    skipped = Math.max(1, Math.round((Date.parse(due[0]!.start) - last) / length))
  }
  return { due, skipped }
}

/**
 * The key of one reminder: the same subject, deadline kind, deadline and type always give
 * the same key, so it is given once.
 *
 * @category constructors
 * @since 0.5.0
 */
export const reminderKey = (type: ReminderType, subject: string, subjectId: string, kind: string, deadline: Instant): string =>
  `${type === "reminder.deadline_near" ? "near" : "missed"}:${subject}:${subjectId}:${kind}:${deadline}`
