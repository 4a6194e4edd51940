/**
 * The row types of the scheduled rules' tables (see `schema.ts`), part of `Tables`.
 *
 * @since 0.5.0
 */
import type { GridNodeId, JobName, JobRun } from "@mulin/core"
import type { CountyConfigTable } from "../../Tables.js"

/**
 * Who runs the scheduled rules until when.
 *
 * @category models
 * @since 0.5.0
 */
export interface JobLeaseTable {
  readonly name: string
  readonly holder: string
  readonly expires_at: string
}

/**
 * One run of a job for a county and period, keyed by the three.
 *
 * @category models
 * @since 0.5.0
 */
export interface JobRunTable {
  readonly job: JobName
  readonly county_id: GridNodeId
  readonly period_key: string
  readonly period_start: string
  readonly period_end: string
  readonly trigger: JobRun["trigger"]
  readonly status: JobRun["status"]
  readonly attempts: number
  readonly processed: number
  readonly changed: number
  readonly note: string | null
  readonly message: string | null
  readonly started_at: string
  readonly finished_at: string | null
}

/**
 * Each reminder given, by its key.
 *
 * @category models
 * @since 0.5.0
 */
export interface JobReminderTable {
  readonly key: string
  readonly at: string
}

/** @category models @since 0.5.0 */
export interface JobsTables {
  readonly job_leases: JobLeaseTable
  readonly job_runs: JobRunTable
  readonly job_reminders: JobReminderTable
  readonly jobs_configs: CountyConfigTable
}
