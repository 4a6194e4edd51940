/**
 * The scheduled rules' store on PostgreSQL. A lease and a run key are taken with
 * `INSERT … ON CONFLICT … DO UPDATE … WHERE`: of two processes racing for them, one unit of
 * work fails to serialise and, run again, finds the other's row, so each period runs once
 * across every process on the database.
 */
import { type Instant, type JobRun, JobsConfig, JobsStore } from "@mulin/core"
import { Effect, Option, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable } from "../kernel/documents.js"

const RUN = `job, county_id AS "countyId", period_key AS "periodKey", period_start AS "periodStart", period_end AS "periodEnd", trigger, status, attempts, processed, changed, note, message, started_at AS "startedAt", finished_at AS "finishedAt"`

const ACQUIRE =
  "INSERT INTO job_leases (name, holder, expires_at) VALUES ($1, $2, $3) " +
  "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
  "WHERE job_leases.expires_at <= $4 OR job_leases.holder = excluded.holder"
const CLAIM =
  "INSERT INTO job_runs (job, county_id, period_key, period_start, period_end, trigger, status, attempts, processed, changed, note, message, started_at, finished_at) " +
  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) " +
  "ON CONFLICT (county_id, job, period_key) DO UPDATE SET started_at = excluded.started_at, attempts = job_runs.attempts + 1 " +
  "WHERE job_runs.status = 'running' AND job_runs.started_at < $15 RETURNING attempts"
const REMIND = "INSERT INTO job_reminders (key, at) SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING RETURNING key"

const args = (r: JobRun) => [r.job, r.countyId, r.periodKey, r.periodStart, r.periodEnd, r.trigger, r.status, r.attempts, r.processed, r.changed, r.note, r.message, r.startedAt, r.finishedAt]

/** Makes the jobs store over an open database. */
export const makeJobsStore = (db: PostgresDatabase["Service"]): JobsStore["Service"] => {
  const configs = configTable(db, { table: "jobs_configs", entity: "jobs configuration", encode: Schema.encodeSync(JobsConfig), decode: Schema.decodeUnknownSync(JobsConfig) })
  const remind = (keys: ReadonlyArray<string>, at: Instant) => db.write(Effect.map(db.query<{ key: string }>(REMIND, [keys, at]), (rows) => new Set(rows.map((r) => r.key))))
  return JobsStore.of({
    acquireLease: (lease, now) => db.write(Effect.map(db.change(ACQUIRE, [lease.name, lease.holder, lease.expiresAt, now]), (n) => n === 1)),
    releaseLease: (name, holder) => Effect.asVoid(db.write(db.change("DELETE FROM job_leases WHERE name = $1 AND holder = $2", [name, holder]))),
    claimRun: (run, staleBefore) => db.write(Effect.map(db.query<{ attempts: number }>(CLAIM, [...args(run), staleBefore]), (rows) => rows[0]?.attempts ?? 0)),
    finishRun: (r) =>
      Effect.asVoid(db.write(db.change(
        "UPDATE job_runs SET status = $4, processed = $5, changed = $6, note = $7, message = $8, finished_at = $9 WHERE county_id = $2 AND job = $1 AND period_key = $3",
        [r.job, r.countyId, r.periodKey, r.status, r.processed, r.changed, r.note, r.message, r.finishedAt]
      ))),
    lastScheduledEnd: (job, countyId) =>
      Effect.map(db.query<{ end: Instant | null }>("SELECT max(period_end) AS end FROM job_runs WHERE county_id = $2 AND job = $1 AND trigger = 'schedule'", [job, countyId]), (rows) =>
        Option.fromNullishOr(rows[0]?.end)),
    listRuns: (q) =>
      q.job === undefined
        ? db.query<JobRun>(`SELECT ${RUN} FROM job_runs WHERE county_id = $1 ORDER BY started_at DESC, period_key DESC LIMIT $2`, [q.countyId, q.limit])
        : db.query<JobRun>(`SELECT ${RUN} FROM job_runs WHERE county_id = $1 AND job = $2 ORDER BY started_at DESC, period_key DESC LIMIT $3`, [q.countyId, q.job, q.limit]),
    addReminder: (key, at) => Effect.map(remind([key], at), (added) => added.has(key)),
    addReminders: (keys, at) => (keys.length === 0 ? Effect.succeed([]) : Effect.map(remind(keys, at), (added) => keys.filter((k) => added.delete(k)))),
    getConfig: configs.get,
    saveConfig: configs.save
  })
}
