/**
 * The jobs port on SQLite. The lease is taken in one statement (an upsert that changes the
 * row only when it has expired or its holder renews it), so of two processes at once one
 * gets it; a run is claimed in one statement on its primary key (an upsert that takes over
 * only a stale `running` row), so a key runs once whatever process claims it.
 */
import { type GridNodeId, type Instant, type JobRun, JobsConfig, JobsStore } from "@mulin/core"
import { Effect, Option, Schema } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { conflictsOnly } from "../kernel/errors.js"
import { allRows, getRow, raw, type Row } from "../kernel/statements.js"

type RunRow = Row<"job_runs">

const ACQUIRE =
  "INSERT INTO job_leases (name, holder, expires_at) VALUES (?, ?, ?) " +
  "ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at " +
  "WHERE job_leases.expires_at <= ? OR job_leases.holder = excluded.holder"
const RELEASE = "DELETE FROM job_leases WHERE name = ? AND holder = ?"
const CLAIM =
  "INSERT INTO job_runs (job, county_id, period_key, period_start, period_end, trigger, status, attempts, processed, changed, note, message, started_at, finished_at) " +
  "VALUES (@job, @county_id, @period_key, @period_start, @period_end, @trigger, @status, @attempts, @processed, @changed, @note, @message, @started_at, @finished_at) " +
  "ON CONFLICT (job, county_id, period_key) DO UPDATE SET started_at = excluded.started_at, attempts = job_runs.attempts + 1 " +
  "WHERE job_runs.status = 'running' AND job_runs.started_at < @stale_before RETURNING attempts"
const FINISH =
  "UPDATE job_runs SET status = @status, processed = @processed, changed = @changed, note = @note, message = @message, finished_at = @finished_at " +
  "WHERE job = @job AND county_id = @county_id AND period_key = @period_key"
const LAST = raw<{ readonly end: string | null }>("SELECT max(period_end) AS end FROM job_runs WHERE job = ? AND county_id = ? AND trigger = 'schedule'")
const RUNS = raw<RunRow>("SELECT * FROM job_runs WHERE county_id = ? ORDER BY started_at DESC, period_key DESC LIMIT ?")
const RUNS_OF = raw<RunRow>("SELECT * FROM job_runs WHERE county_id = ? AND job = ? ORDER BY started_at DESC, period_key DESC LIMIT ?")
const REMIND = "INSERT INTO job_reminders (key, at) VALUES (?, ?) ON CONFLICT DO NOTHING"

const configs = countyConfigTable({
  table: "jobs_configs",
  entity: "jobs configuration",
  encode: Schema.encodeSync(JobsConfig),
  decode: Schema.decodeUnknownSync(JobsConfig)
})

const rowOf = (r: JobRun): RunRow => ({
  job: r.job,
  county_id: r.countyId,
  period_key: r.periodKey,
  period_start: r.periodStart,
  period_end: r.periodEnd,
  trigger: r.trigger,
  status: r.status,
  attempts: r.attempts,
  processed: r.processed,
  changed: r.changed,
  note: r.note,
  message: r.message,
  started_at: r.startedAt,
  finished_at: r.finishedAt
})

const runOf = (r: RunRow): JobRun => ({
  job: r.job,
  countyId: r.county_id,
  periodKey: r.period_key,
  periodStart: r.period_start,
  periodEnd: r.period_end,
  trigger: r.trigger,
  status: r.status,
  attempts: r.attempts,
  processed: r.processed,
  changed: r.changed,
  note: r.note,
  message: r.message,
  startedAt: r.started_at,
  finishedAt: r.finished_at
})

/** Makes the jobs store over an open database. */
export const makeJobsStore = (db: SqliteDatabase["Service"]): JobsStore["Service"] =>
  JobsStore.of({
    acquireLease: (lease, now) => db.write((s) => s.prepare(ACQUIRE).run(lease.name, lease.holder, lease.expiresAt, now).changes === 1),
    releaseLease: (name, holder) => Effect.asVoid(db.write((s) => s.prepare(RELEASE).run(name, holder))),
    claimRun: (run, staleBefore) =>
      db.write((s) => (s.prepare(CLAIM).get({ ...rowOf(run), stale_before: staleBefore }) as { readonly attempts: number } | undefined)?.attempts ?? 0),
    finishRun: (run) => Effect.asVoid(db.write((s) => s.prepare(FINISH).run(rowOf(run)))),
    lastScheduledEnd: (job, countyId) => db.readOne((s) => Option.fromNullishOr(getRow(s, LAST, job, countyId)?.end as Instant | null | undefined)),
    listRuns: (q) => db.readOne((s) => (q.job === undefined ? allRows(s, RUNS, q.countyId, q.limit) : allRows(s, RUNS_OF, q.countyId, q.job, q.limit)).map(runOf)),
    addReminder: (key, at) => db.write((s) => s.prepare(REMIND).run(key, at).changes === 1),
    addReminders: (keys, at) =>
      keys.length === 0 ? Effect.succeed([]) : db.write((s) => {
        const insert = s.prepare(REMIND)
        return keys.filter((key) => insert.run(key, at).changes === 1)
      }),
    getConfig: (countyId: GridNodeId) => db.read((s) => configs.get(s, countyId)),
    saveConfig: (config, expectedVersion) => db.write((s) => configs.save(s, config, expectedVersion), conflictsOnly)
  })
