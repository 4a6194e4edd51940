/**
 * A county's scheduled rules (`/counties/{id}/jobs…`): the jobs with their schedule, next
 * due time and recent runs, the runs, one run now, and the county's settings. For the
 * county's staff only (`jobs.read`, `jobs.run` in the county).
 *
 * @since 0.5.0
 */
import { ConfigureJobs, JobName, JobRun, JobsConfig, JobView } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { doc, GridErrors, nodeParams } from "./shared.js"

/**
 * How many runs `GET /counties/{id}/jobs/runs` answers at most: 1 to 500.
 *
 * @category schemas
 * @since 0.5.0
 */
export const RunsLimit = Schema.NumberFromString.check(Schema.isInt(), Schema.isBetween({ minimum: 1, maximum: 500 }))

/**
 * The body of `POST /counties/{id}/jobs/{name}/run`: empty (`{}`).
 *
 * @category schemas
 * @since 0.5.0
 */
export const RunJobRequest = Schema.Struct({})

/**
 * The scheduled rules of a county (定时任务).
 *
 * @category api
 * @since 0.5.0
 */
export class JobsGroup extends HttpApiGroup.make("jobs")
  .add(
    HttpApiEndpoint.get("list", "/counties/:id/jobs", { params: nodeParams, success: Schema.Array(JobView), error: GridErrors })
      .annotateMerge(doc("listJobs", "A county's scheduled rules", "Each job with its cron schedule (read in the county's time zone), when it is next due and its latest runs. Needs `jobs.read` in the county (its staff).")),
    HttpApiEndpoint.get("runs", "/counties/:id/jobs/runs", {
      params: nodeParams,
      query: { job: Schema.optional(JobName), limit: Schema.optional(RunsLimit) },
      success: Schema.Array(JobRun),
      error: GridErrors
    }).annotateMerge(doc("listJobRuns", "A county's job runs, newest first", "Each run with its period, outcome (ok or failed with the message), counts and times; of one job with `job`. Needs `jobs.read` in the county.")),
    HttpApiEndpoint.get("config", "/counties/:id/jobs/config", { params: nodeParams, success: JobsConfig, error: GridErrors })
      .annotateMerge(doc("getJobsConfig", "A county's settings for its scheduled rules", "How many missed periods are caught up after downtime, and how long before a deadline the reminder is given. The defaults until the county sets its own. Needs `jobs.read` in the county.")),
    HttpApiEndpoint.post("run", "/counties/:id/jobs/:name/run", { params: { id: nodeParams.id, name: JobName }, payload: RunJobRequest, success: JobRun, error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("runJobNow", "Run one job for a county now", "Runs the job at once, for the period since it last fired, and records the run (trigger `manual`). The rules are safe to repeat. Needs `jobs.run` in the county (its staff).")),
    HttpApiEndpoint.patch("configure", "/counties/:id/jobs/config", { params: nodeParams, payload: ConfigureJobs, success: JobsConfig, error: GridErrors })
      .middleware(BodyGuard)
      .annotateMerge(doc("configureJobs", "Change a county's settings for its scheduled rules", "Needs `jobs.run` in the county."))
  )
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Scheduled rules", description: "定时任务：到期提醒、超时作废、过期、督办升级" })) {}
