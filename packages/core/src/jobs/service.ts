/**
 * The runner of the scheduled rules. `runDue` runs, for every county and job, each period
 * due since the last recorded one under its run key (a second attempt of a key does
 * nothing); `tick` does it under the lease, so one runner works at a time across the
 * processes sharing a store; `runner` ticks for ever. County staff list the jobs and their
 * runs and run one now.
 *
 * @since 0.5.0
 */
import { Cause, Context, Duration, Effect, Exit, Layer, Option, Result, Schedule, Schema } from "effect"
import { Access } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import { fromSchemaError, type Forbidden, type InvalidInput, notFound, type NotFound, type Conflict, type StorageError } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import { type Instant, now } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import { ConfigureJobs, defaultJobsConfig, type JobCounty, type JobDefinition, type JobPeriod, type JobRun, type JobsConfig, type JobTrigger } from "./model.js"
import { duePeriods, lastFiring, nextFiring, scheduleIn } from "./rules.js"
import { JobsStore } from "./store.js"
import { type JobView, jobView } from "./views.js"

/**
 * What one pass did: the runs it made (finished), and how many missed periods it left
 * out because they were older than the county's catch-up bound.
 *
 * @category models
 * @since 0.5.0
 */
export interface PassReport {
  readonly at: Instant
  readonly runs: ReadonlyArray<JobRun>
  readonly skipped: number
  /** The lease was lost during the pass, which stopped it. */
  readonly leaseLost: boolean
}

/**
 * Options of {@link Jobs.layer}.
 *
 * @category models
 * @since 0.5.0
 */
export interface JobsOptions {
  /** The lease's name (default `mulin.jobs`): runners sharing a store and a name run one at a time. */
  readonly leaseName?: string | undefined
  /** How long a lease lasts unless renewed (default 60 s). */
  readonly leaseMillis?: number | undefined
  /** A run still `running` after this long is taken over as interrupted (default 10 min). */
  readonly staleMillis?: number | undefined
}

/**
 * Options of {@link JobsService.runner}.
 *
 * @category models
 * @since 0.5.0
 */
export interface RunnerOptions {
  /** This runner's name in the lease, unique among the processes sharing the store. */
  readonly holder: string
  /** Time between ticks (default 30 s). */
  readonly every?: Duration.Input | undefined
  /** Called with each pass's report (and with the error of a pass that failed). */
  readonly onPass?: ((report: PassReport | null, error?: unknown) => Effect.Effect<void>) | undefined
}

type Fx<A> = Effect.Effect<A, NotFound | Forbidden | InvalidInput | Conflict | StorageError>

/**
 * What the runner offers; see {@link Jobs}.
 *
 * @category models
 * @since 0.5.0
 */
export interface JobsService {
  /** The registered jobs, in the order a pass runs them. */
  readonly definitions: ReadonlyArray<Pick<JobDefinition<unknown>, "name" | "schedule" | "description">>
  /**
   * Runs, for every county and job, each period due at `at` (default: now) since the last
   * recorded one, oldest first, each under its run key; a key already recorded is not run
   * again. Authorises nothing: it is the runner's own work, as the system.
   */
  readonly runDue: (at?: Instant) => Effect.Effect<PassReport, StorageError>
  /** {@link runDue} under the lease: `null` when another holder has it. */
  readonly tick: (holder: string) => Effect.Effect<PassReport | null, StorageError>
  /** Ticks for ever, every `options.every`; a pass that fails is reported and the next tick comes. */
  readonly runner: (options: RunnerOptions) => Effect.Effect<never>
  /** Gives the lease up (at shutdown), if `holder` holds it. */
  readonly release: (holder: string) => Effect.Effect<void, StorageError>
  /** Runs one job for a county now (`jobs.run` in the county: its staff). */
  readonly runNow: (actor: Actor, job: string, countyId: GridNodeId) => Fx<JobRun>
  /** The county's jobs with their schedule, next due time and recent runs (`jobs.read` in the county). */
  readonly list: (actor: Actor, countyId: GridNodeId) => Fx<ReadonlyArray<JobView>>
  /** The county's runs, newest first, of one job when named (`jobs.read` in the county). */
  readonly runs: (actor: Actor, countyId: GridNodeId, query?: { readonly job?: string | undefined; readonly limit?: number | undefined }) => Fx<ReadonlyArray<JobRun>>
  /** The county's job settings, or the defaults (`jobs.read` in the county). */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<JobsConfig>
  /** Changes the county's job settings (`jobs.run` in the county). */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureJobs) => Fx<JobsConfig>
}

const decodeConfigure = Schema.decodeUnknownEffect(ConfigureJobs)

const messageOf = (cause: Cause.Cause<unknown>): string => {
  const error = Cause.squash(cause)
  if (typeof error === "object" && error !== null && "message" in error && typeof error.message === "string") return error.message
  return String(error)
}

/**
 * The runner of the scheduled rules.
 *
 * @category services
 * @since 0.5.0
 */
export class Jobs extends Context.Service<Jobs, JobsService>()("@mulin/core/jobs/Jobs") {
  /**
   * The runner of `definitions` (run in this order in every pass), over the jobs store and
   * the grid's counties. What the definitions need is taken when the layer is built.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer = <R = never>(definitions: ReadonlyArray<JobDefinition<R>>, options: JobsOptions = {}): Layer.Layer<Jobs, never, JobsStore | GridStore | Access | R> =>
    Layer.effect(Jobs, Effect.gen(function*() {
      const context = yield* Effect.context<R>()
      return makeJobs({ store: yield* JobsStore, grid: yield* GridStore, access: yield* Access, definitions, options, provide: (effect) => Effect.provideContext(effect, context) })
    }))
}

interface Deps<R> {
  readonly store: JobsStore["Service"]
  readonly grid: GridStore["Service"]
  readonly access: Access["Service"]
  readonly definitions: ReadonlyArray<JobDefinition<R>>
  readonly options: JobsOptions
  readonly provide: <A, E>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E>
}

const makeJobs = <R>({ access, definitions, grid, options, provide, store }: Deps<R>): JobsService => {
  const leaseName = options.leaseName ?? "mulin.jobs"
  const leaseMillis = options.leaseMillis ?? 60_000
  const staleMillis = options.staleMillis ?? 600_000
  const byName = new Map(definitions.map((d) => [d.name as string, d]))
  if (byName.size !== definitions.length) throw new Error("Jobs.layer: two jobs share a name")

  const configOf = (countyId: GridNodeId) => Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultJobsConfig(countyId)))
  const cronOf = (definition: JobDefinition<R>, zone: string) => {
    const parsed = scheduleIn(definition.schedule, zone)
    // A job's schedule is code, checked by the tests of whoever registers it.
    if (Result.isFailure(parsed)) throw new Error(`job ${definition.name}: ${parsed.failure.message}`)
    return parsed.success
  }
  const counties = Effect.map(grid.listCounties, (all) => all.map((c): JobCounty => ({ id: c.id, timeZone: c.timeZone })))

  /** Claims the period and runs it; `undefined` when its key was claimed already. */
  const execute = (definition: JobDefinition<R>, county: JobCounty, period: JobPeriod, trigger: JobTrigger) =>
    Effect.gen(function*() {
      const startedAt = yield* now
      const run: JobRun = {
        job: definition.name,
        countyId: county.id,
        periodKey: period.key,
        periodStart: period.start,
        periodEnd: period.end,
        trigger,
        status: "running",
        attempts: 1,
        processed: 0,
        changed: 0,
        note: null,
        message: null,
        startedAt,
        finishedAt: null
      }
      const staleBefore = new Date(Date.parse(startedAt) - staleMillis).toISOString()
      const attempts = yield* store.claimRun(run, staleBefore)
      if (attempts === 0) return undefined
      const exit = yield* Effect.exit(provide(definition.run(county, period)))
      const finishedAt = yield* now
      const claimed: JobRun = { ...run, attempts }
      const done: JobRun = Exit.isSuccess(exit)
        ? { ...claimed, status: "ok", processed: exit.value.processed, changed: exit.value.changed, note: exit.value.note ?? null, finishedAt }
        : { ...claimed, status: "failed", message: messageOf(exit.cause), finishedAt }
      yield* store.finishRun(done)
      return done
    })

  const pass = (at: Instant | undefined, renew: Effect.Effect<boolean, StorageError>) =>
    Effect.gen(function*() {
      const time = at ?? (yield* now)
      const ms = Date.parse(time)
      const runs: Array<JobRun> = []
      let skipped = 0
      for (const county of yield* counties) {
        const config = yield* configOf(county.id)
        for (const definition of definitions) {
          const cron = cronOf(definition, county.timeZone)
          const last = yield* store.lastScheduledEnd(definition.name, county.id)
          const due = duePeriods(cron, Option.getOrUndefined(last), ms, config.maxCatchUp)
          skipped += due.skipped
          for (const period of due.due) {
            if (!(yield* renew)) return { at: time, runs, skipped, leaseLost: true }
            const done = yield* execute(definition, county, period, "schedule")
            if (done !== undefined) runs.push(done)
          }
        }
      }
      return { at: time, runs, skipped, leaseLost: false }
    })

  const acquire = (holder: string) =>
    Effect.flatMap(now, (at) => store.acquireLease({ name: leaseName, holder, expiresAt: new Date(Date.parse(at) + leaseMillis).toISOString() }, at))

  const tick = (holder: string) =>
    Effect.flatMap(acquire(holder), (held) => (held ? pass(undefined, acquire(holder)) : Effect.succeed(null)))

  const countyOf = (actor: Actor, action: "jobs.read" | "jobs.run", countyId: GridNodeId) =>
    Effect.gen(function*() {
      const place = yield* access.inCounty(actor, action, countyId)
      const county = yield* grid.getCounty(place.id)
      return { id: place.id, timeZone: Option.match(county, { onNone: () => "Asia/Shanghai", onSome: (c) => c.timeZone }) }
    })
  const definitionOf = (name: string) => {
    const found = byName.get(name)
    return found === undefined ? Effect.fail(notFound("job", name)) : Effect.succeed(found)
  }

  return {
    definitions: definitions.map((d) => ({ name: d.name, schedule: d.schedule, description: d.description })),
    runDue: (at) => pass(at, Effect.succeed(true)),
    tick,
    runner: ({ every, holder, onPass }) =>
      tick(holder).pipe(
        // A pass that fails or dies is reported; the next tick comes all the same.
        Effect.matchCauseEffect({
          onFailure: (cause) => onPass?.(null, Cause.squash(cause)) ?? Effect.logWarning("a pass of the scheduled rules failed", cause),
          onSuccess: (report) => (report === null ? Effect.void : onPass?.(report) ?? Effect.void)
        }),
        Effect.repeat(Schedule.spaced(every ?? Duration.seconds(30))),
        Effect.andThen(Effect.never)
      ),
    release: (holder) => store.releaseLease(leaseName, holder),

    runNow: (actor, job, countyId) =>
      Effect.gen(function*() {
        const county = yield* countyOf(actor, "jobs.run", countyId)
        const definition = yield* definitionOf(job)
        const at = yield* now
        const cron = cronOf(definition, county.timeZone)
        const period: JobPeriod = { start: lastFiring(cron, Date.parse(at)).toISOString(), end: at, key: `manual:${at}` }
        const done = yield* execute(definition, county, period, "manual")
        if (done !== undefined) return done
        const again = yield* store.listRuns({ countyId: county.id, job, limit: 20 })
        return again.find((r) => r.periodKey === period.key) ?? (yield* Effect.die(new Error("a claimed run is missing")))
      }),

    list: (actor, countyId) =>
      Effect.gen(function*() {
        const county = yield* countyOf(actor, "jobs.read", countyId)
        const at = Date.parse(yield* now)
        const recent = yield* store.listRuns({ countyId: county.id, limit: 20 * Math.max(1, definitions.length) })
        return definitions.map((d) =>
          jobView(d, county, nextFiring(cronOf(d, county.timeZone), at).toISOString(), recent.filter((r) => r.job === d.name).slice(0, 5))
        )
      }),

    runs: (actor, countyId, query = {}) =>
      Effect.gen(function*() {
        const county = yield* countyOf(actor, "jobs.read", countyId)
        if (query.job !== undefined) yield* definitionOf(query.job)
        return yield* store.listRuns({ countyId: county.id, job: query.job, limit: Math.min(Math.max(1, Math.floor(query.limit ?? 50)), 500) })
      }),

    getConfig: (actor, countyId) => Effect.flatMap(countyOf(actor, "jobs.read", countyId), (county) => configOf(county.id)),

    configure: (actor, countyId, input) =>
      Effect.gen(function*() {
        const county = yield* countyOf(actor, "jobs.run", countyId)
        const command = yield* Effect.mapError(decodeConfigure(input, { errors: "all" }), (e) => fromSchemaError(e))
        const before = yield* configOf(county.id)
        const after: JobsConfig = { ...before, ...command, version: before.version + 1 }
        if (after.maxCatchUp === before.maxCatchUp && after.warningHours === before.warningHours) return before
        yield* store.saveConfig(after, before.version)
        return after
      })
  }
}
