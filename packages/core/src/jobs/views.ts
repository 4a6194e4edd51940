/**
 * What county staff see of the scheduled rules: each job with its schedule, the county's
 * time zone it is read in, when it is next due and its recent runs.
 *
 * @since 0.5.0
 */
import { Schema } from "effect"
import { Instant } from "../kernel/time.js"
import { type JobCounty, type JobDefinition, JobName, JobRun } from "./model.js"

/**
 * One job as a county's staff see it.
 *
 * @category views
 * @since 0.5.0
 */
export const JobView = Schema.Struct({
  name: JobName,
  schedule: Schema.String,
  timeZone: Schema.String,
  description: Schema.NullOr(Schema.Struct({ en: Schema.String, zh: Schema.String })),
  nextDueAt: Instant,
  /** The latest runs, newest first. */
  recentRuns: Schema.Array(JobRun)
})
/** @category views @since 0.5.0 */
export type JobView = typeof JobView.Type

/**
 * The view of a job for a county.
 *
 * @category views
 * @since 0.5.0
 */
export const jobView = (definition: Pick<JobDefinition<unknown>, "name" | "schedule" | "description">, county: JobCounty, nextDueAt: Instant, recentRuns: ReadonlyArray<JobRun>): JobView => ({
  name: definition.name,
  schedule: definition.schedule,
  timeZone: county.timeZone,
  description: definition.description ?? null,
  nextDueAt,
  recentRuns
})
