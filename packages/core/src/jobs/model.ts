/**
 * Scheduled rules: what a job is (a name, a cron schedule read in each county's time zone,
 * and the work of one period), the record of each run, a county's settings for its jobs,
 * and the reminders the deadline rules append to the log.
 *
 * @since 0.5.0
 */
import { type Effect, Schema } from "effect"
import { type Conflict, type DomainError, type StorageError } from "../kernel/errors.js"
import { feedEvent } from "../kernel/events.js"
import { GridNodeId, PersonId } from "../kernel/ids.js"
import { Code } from "../kernel/text.js"
import { Instant } from "../kernel/time.js"

const rule = (message: string, messageZh: string) => ({ message, messageZh }) as Schema.Annotations.Filter

/**
 * A job's name: an ASCII code such as `matching.expire-needs`.
 *
 * @category schemas
 * @since 0.5.0
 */
export const JobName = Code
/** @category models @since 0.5.0 */
export type JobName = typeof JobName.Type

/**
 * The county a job runs for: its root node and the time zone its schedule is read in.
 *
 * @category models
 * @since 0.5.0
 */
export interface JobCounty {
  readonly id: GridNodeId
  readonly timeZone: string
}

/**
 * One period of a schedule: from the previous time the schedule fired (exclusive) to the
 * time it fires (inclusive). `key` names it in the run key: the same period always has the
 * same key.
 *
 * @category models
 * @since 0.5.0
 */
export const JobPeriod = Schema.Struct({
  start: Instant,
  end: Instant,
  key: Schema.String
})
/** @category models @since 0.5.0 */
export type JobPeriod = typeof JobPeriod.Type

/**
 * What one run did: how many things it looked at, how many it changed, and a short note.
 *
 * @category models
 * @since 0.5.0
 */
export const JobOutcome = Schema.Struct({
  processed: Schema.Int,
  changed: Schema.Int,
  note: Schema.optionalKey(Schema.String)
})
/** @category models @since 0.5.0 */
export type JobOutcome = typeof JobOutcome.Type

/**
 * A scheduled rule. `schedule` is a 5-field cron expression (`minute hour day month
 * weekday`) read in the county's time zone: `"0 2 * * *"` runs at 02:00 county time. `run`
 * does the work of one period for one county, as the county's system actor; it MUST be
 * safe to repeat for the same period (a run interrupted by a crash is run again).
 *
 * @category models
 * @since 0.5.0
 */
export interface JobDefinition<R = never> {
  readonly name: JobName
  readonly schedule: string
  /** What it does, in English and Chinese, for the job list. */
  readonly description?: { readonly en: string; readonly zh: string } | undefined
  readonly run: (county: JobCounty, period: JobPeriod) => Effect.Effect<JobOutcome, StorageError | Conflict | DomainError, R>
}

/**
 * How a run was started: by the schedule or by county staff.
 *
 * @category models
 * @since 0.5.0
 */
export const JobTrigger = Schema.Literals(["schedule", "manual"])
/** @category models @since 0.5.0 */
export type JobTrigger = typeof JobTrigger.Type

/**
 * Where a run is: started, finished well, or failed (with the message).
 *
 * @category models
 * @since 0.5.0
 */
export const JobRunStatus = Schema.Literals(["running", "ok", "failed"])
/** @category models @since 0.5.0 */
export type JobRunStatus = typeof JobRunStatus.Type

/**
 * The record of one run, keyed by `(job, countyId, periodKey)`: at most one per key.
 *
 * @category models
 * @since 0.5.0
 */
export const JobRun = Schema.Struct({
  job: JobName,
  countyId: GridNodeId,
  periodKey: Schema.String,
  periodStart: Instant,
  periodEnd: Instant,
  trigger: JobTrigger,
  status: JobRunStatus,
  /** How many times the run was started (more than 1: taken over after an interruption). */
  attempts: Schema.Int,
  processed: Schema.Int,
  changed: Schema.Int,
  note: Schema.NullOr(Schema.String),
  /** Why it failed. */
  message: Schema.NullOr(Schema.String),
  startedAt: Instant,
  finishedAt: Schema.NullOr(Instant)
})
/** @category models @since 0.5.0 */
export type JobRun = typeof JobRun.Type

/**
 * A county's settings for its scheduled rules.
 *
 * - `maxCatchUp`: after downtime, how many missed periods of each job are run (the latest
 *   ones, each once); older missed periods are skipped.
 * - `warningHours`: how long before a deadline the "deadline near" reminder is given.
 *
 * @category models
 * @since 0.5.0
 */
export const JobsConfig = Schema.Struct({
  countyId: GridNodeId,
  maxCatchUp: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 1000 }, rule("must be from 1 to 1000", "必须在 1 到 1000 之间"))),
  warningHours: Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: 720 }, rule("must be from 1 to 720 hours", "必须在 1 到 720 小时之间"))),
  version: Schema.Int
})
/** @category models @since 0.5.0 */
export type JobsConfig = typeof JobsConfig.Type

/**
 * A change of a county's job settings; absent fields keep their value.
 *
 * @category commands
 * @since 0.5.0
 */
export const ConfigureJobs = Schema.Struct({
  maxCatchUp: Schema.optionalKey(JobsConfig.fields.maxCatchUp),
  warningHours: Schema.optionalKey(JobsConfig.fields.warningHours)
})
/** @category commands @since 0.5.0 */
export type ConfigureJobs = typeof ConfigureJobs.Type

/**
 * The settings of a county that has set none.
 *
 * @category constructors
 * @since 0.5.0
 */
export const defaultJobsConfig = (countyId: GridNodeId): JobsConfig => ({ countyId, maxCatchUp: 3, warningHours: 24, version: 0 })

/**
 * A lease: who runs the scheduled rules until when.
 *
 * @category models
 * @since 0.5.0
 */
export interface JobLease {
  readonly name: string
  readonly holder: string
  readonly expiresAt: Instant
}

// ---------------------------------------------------------------------------
// Reminders

/**
 * What a reminder is about.
 *
 * @category schemas
 * @since 0.5.0
 */
export const ReminderSubject = Schema.Literals(["mediation.case", "deliberation.item", "matching.need", "intake.request"])
/** @category models @since 0.5.0 */
export type ReminderSubject = typeof ReminderSubject.Type

/**
 * The payload of `reminder.deadline_near` and `reminder.deadline_missed`: the subject, the
 * deadline and its kind, and the people responsible (ids only).
 *
 * @category schemas
 * @since 0.5.0
 */
export const ReminderPayload = {
  subject: ReminderSubject,
  subjectId: Schema.String,
  deadline: Instant,
  kind: Schema.String,
  personIds: Schema.Array(PersonId)
}

/**
 * The two reminder event types.
 *
 * @category models
 * @since 0.5.0
 */
export type ReminderType = "reminder.deadline_near" | "reminder.deadline_missed"

/**
 * The feed events the scheduled rules append: a deadline within the county's warning
 * window, and a deadline passed. Each is appended once per subject, kind and deadline.
 *
 * @category schemas
 * @since 0.5.0
 */
export const JobsFeedEvents = [
  feedEvent("reminder.deadline_near", ReminderPayload),
  feedEvent("reminder.deadline_missed", ReminderPayload)
] as const
