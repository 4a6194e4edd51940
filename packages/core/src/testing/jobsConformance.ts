/**
 * The jobs storage conformance suite. Every adapter calls {@link jobsStoreConformance}
 * from a vitest file and must pass every case: the lease (exclusive, renewed by its
 * holder, taken after expiry, under generated interleavings checked against a model, and
 * for two callers at once), the run key (one run per key, for two claims at once too, an
 * interrupted run taken over once stale, reported with its stored attempts), the runs'
 * record and listing, reminder keys that roll back with their unit of work, the settings'
 * versions, and the runner's catch-up after downtime over the store.
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { systemActor } from "../kernel/actor.js"
import type { Directory } from "../kernel/directory.js"
import type { GridNodeId } from "../kernel/ids.js"
import { IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import { GridStore } from "../grid/store.js"
import { defaultJobsConfig, type JobDefinition, type JobName, type JobRun } from "../jobs/model.js"
import { Jobs } from "../jobs/service.js"
import { JobsStore } from "../jobs/store.js"
import { runnerAt } from "./runner.js"

/**
 * The ports a jobs store is tested with.
 *
 * @category models
 * @since 0.5.0
 */
export type JobsStorePorts = JobsStore | GridStore | Directory | EventLog | UnitOfWork

/**
 * Options of {@link jobsStoreConformance}.
 *
 * @category models
 * @since 0.5.0
 */
export interface JobsConformanceOptions {
  /** Runs of each property test (default 30). */
  readonly propertyRuns?: number
}

/** 2026-06-01 00:00 UTC: 08:00 in China. */
const T0 = Date.UTC(2026, 5, 1, 0, 0, 0)
const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()
const county = "county_x" as GridNodeId

const runOf = (job: string, periodKey: string, startedAt: number, trigger: JobRun["trigger"] = "schedule"): JobRun => ({
  job: job as JobName,
  countyId: county,
  periodKey,
  periodStart: iso(Date.parse(periodKey) - HOUR),
  periodEnd: periodKey,
  trigger,
  status: "running",
  attempts: 1,
  processed: 0,
  changed: 0,
  note: null,
  message: null,
  startedAt: iso(startedAt),
  finishedAt: null
})

/**
 * Registers the jobs store conformance suite. `makeLayer` is called once per case and
 * must return a layer building a fresh, empty store with {@link JobsStorePorts}.
 *
 * @category conformance
 * @since 0.5.0
 */
export const jobsStoreConformance = (
  name: string,
  makeLayer: () => Layer.Layer<JobsStorePorts, unknown>,
  options: JobsConformanceOptions = {}
): void => {
  const runs = options.propertyRuns ?? 30
  const run = runnerAt(T0, () => Layer.mergeAll(Grid.layer, layerKernel).pipe(Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(7)))))

  describe(`jobs store conformance: ${name}`, () => {
    it("a lease is held by one holder until it expires; its holder renews it; a release frees it", () =>
      run(Effect.gen(function*() {
        const store = yield* JobsStore
        const lease = (holder: string, until: number) => ({ name: "runner", holder, expiresAt: iso(until) })
        expect(yield* store.acquireLease(lease("a", T0 + 60_000), iso(T0))).toBe(true)
        expect(yield* store.acquireLease(lease("b", T0 + 90_000), iso(T0 + 1_000))).toBe(false)
        expect(yield* store.acquireLease(lease("a", T0 + 120_000), iso(T0 + 30_000))).toBe(true)
        expect(yield* store.acquireLease(lease("b", T0 + 150_000), iso(T0 + 90_000))).toBe(false)
        expect(yield* store.acquireLease(lease("b", T0 + 180_000), iso(T0 + 120_000))).toBe(true)
        expect(yield* store.acquireLease(lease("a", T0 + 200_000), iso(T0 + 121_000))).toBe(false)
        // Another lease name is another lease.
        expect(yield* store.acquireLease({ name: "other", holder: "a", expiresAt: iso(T0 + 200_000) }, iso(T0 + 121_000))).toBe(true)
        yield* store.releaseLease("runner", "a")
        expect(yield* store.acquireLease(lease("a", T0 + 200_000), iso(T0 + 122_000))).toBe(false)
        yield* store.releaseLease("runner", "b")
        expect(yield* store.acquireLease(lease("a", T0 + 200_000), iso(T0 + 122_000))).toBe(true)
      })))

    it("under any interleaving of holders and times, the lease answers as the model does (property)", () =>
      fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ holder: fc.constantFrom("a", "b", "c"), step: fc.integer({ min: 0, max: 40_000 }), ttl: fc.integer({ min: 1_000, max: 60_000 }), release: fc.boolean() }), { minLength: 1, maxLength: 25 }),
          (steps) =>
            run(Effect.gen(function*() {
              const store = yield* JobsStore
              let model: { holder: string; expiresAt: number } | undefined
              let t = T0
              for (const s of steps) {
                t += s.step
                if (s.release) {
                  yield* store.releaseLease("runner", s.holder)
                  if (model?.holder === s.holder) model = undefined
                  continue
                }
                const expected = model === undefined || model.expiresAt <= t || model.holder === s.holder
                const got = yield* store.acquireLease({ name: "runner", holder: s.holder, expiresAt: iso(t + s.ttl) }, iso(t))
                expect(got).toBe(expected)
                if (expected) model = { holder: s.holder, expiresAt: t + s.ttl }
              }
            }))
        ),
        { numRuns: runs }
      ))

    it("of two holders asking at once, exactly one gets the lease", () =>
      run(Effect.gen(function*() {
        const store = yield* JobsStore
        for (let round = 0; round < 10; round++) {
          const at = T0 + round * 120_000
          const got = yield* Effect.all(["a", "b", "c"].map((holder) => store.acquireLease({ name: `r${round}`, holder, expiresAt: iso(at + 60_000) }, iso(at))), { concurrency: "unbounded" })
          expect(got.filter(Boolean)).toHaveLength(1)
        }
      })))

    it("a run key is claimed once; two claims at once: exactly one wins; an interrupted run is taken over once stale", () =>
      run(Effect.gen(function*() {
        const store = yield* JobsStore
        const key = iso(T0)
        expect(yield* store.claimRun(runOf("j", key, T0), iso(T0 - 600_000))).toBe(1)
        expect(yield* store.claimRun(runOf("j", key, T0 + 1_000), iso(T0 - 600_000))).toBe(0)
        // Another job, another county or another period is another key.
        expect(yield* store.claimRun(runOf("k", key, T0), iso(T0 - 600_000))).toBe(1)
        expect(yield* store.claimRun({ ...runOf("j", key, T0), countyId: "county_y" as GridNodeId }, iso(T0 - 600_000))).toBe(1)
        const claims = yield* Effect.all(Array.from({ length: 5 }, () => store.claimRun(runOf("j", iso(T0 + HOUR), T0 + HOUR), iso(T0))), { concurrency: "unbounded" })
        expect(claims.filter(Boolean)).toHaveLength(1)
        // Still running past the stale bound: taken over by exactly one of two.
        const takeovers = yield* Effect.all([0, 1].map(() => store.claimRun(runOf("j", key, T0 + 700_000), iso(T0 + 100_000))), { concurrency: "unbounded" })
        expect(takeovers.filter(Boolean)).toEqual([2])
        const [taken] = (yield* store.listRuns({ countyId: county, job: "j", limit: 10 })).filter((r) => r.periodKey === key)
        expect(taken).toMatchObject({ attempts: 2, startedAt: iso(T0 + 700_000), status: "running" })
        // A finished run is never taken over.
        yield* store.finishRun({ ...runOf("j", key, T0 + 700_000), status: "ok", processed: 3, changed: 1, finishedAt: iso(T0 + 701_000) })
        expect(yield* store.claimRun(runOf("j", key, T0 + 9 * HOUR), iso(T0 + 8 * HOUR))).toBe(0)
        const [done] = (yield* store.listRuns({ countyId: county, job: "j", limit: 10 })).filter((r) => r.periodKey === key)
        expect(done).toMatchObject({ status: "ok", processed: 3, changed: 1, attempts: 2, finishedAt: iso(T0 + 701_000), note: null, message: null })
      })))

    it("runs are listed newest first, by job; the last scheduled end ignores manual runs", () =>
      run(Effect.gen(function*() {
        const store = yield* JobsStore
        for (let i = 0; i < 6; i++) yield* store.claimRun(runOf(i % 2 === 0 ? "a" : "b", iso(T0 + i * HOUR), T0 + i * HOUR), iso(T0))
        yield* store.claimRun(runOf("a", iso(T0 + 10 * HOUR), T0 + 10 * HOUR, "manual"), iso(T0))
        yield* store.finishRun({ ...runOf("a", iso(T0 + 4 * HOUR), T0 + 4 * HOUR), status: "failed", message: "boom", finishedAt: iso(T0 + 5 * HOUR) })
        const all = yield* store.listRuns({ countyId: county, limit: 100 })
        expect(all.map((r) => r.startedAt)).toEqual([10, 5, 4, 3, 2, 1, 0].map((i) => iso(T0 + i * HOUR)))
        expect((yield* store.listRuns({ countyId: county, job: "a", limit: 2 })).map((r) => r.periodKey)).toEqual([iso(T0 + 10 * HOUR), iso(T0 + 4 * HOUR)])
        expect((yield* store.listRuns({ countyId: county, job: "a", limit: 2 }))[1]).toMatchObject({ status: "failed", message: "boom" })
        expect(yield* store.listRuns({ countyId: "county_y" as GridNodeId, limit: 10 })).toEqual([])
        expect(yield* store.lastScheduledEnd("a", county)).toEqual(Option.some(iso(T0 + 4 * HOUR)))
        expect(yield* store.lastScheduledEnd("c", county)).toEqual(Option.none())
        // Every field comes back as it was stored.
        const one = runOf("z", iso(T0), T0)
        yield* store.claimRun(one, iso(T0))
        expect(yield* store.listRuns({ countyId: county, job: "z", limit: 1 })).toEqual([one])
      })))

    it("a reminder key is recorded once, and not at all when its unit of work rolls back", () =>
      run(Effect.gen(function*() {
        const store = yield* JobsStore
        const uow = yield* UnitOfWork
        expect(yield* store.addReminder("near:x:1", iso(T0))).toBe(true)
        expect(yield* store.addReminder("near:x:1", iso(T0 + 1))).toBe(false)
        const failed = yield* Effect.flip(uow.transaction(Effect.andThen(store.addReminder("missed:x:1", iso(T0)), Effect.fail("rolled back" as const))))
        expect(failed).toBe("rolled back")
        expect(yield* store.addReminder("missed:x:1", iso(T0))).toBe(true)
      })))

    it("reminder keys recorded many at once: the new ones answered, each once, and none when the unit of work rolls back", () =>
      run(Effect.gen(function*() {
        const store = yield* JobsStore
        const uow = yield* UnitOfWork
        yield* store.addReminder("near:y:1", iso(T0))
        expect(yield* store.addReminders(["near:y:1", "near:y:2", "near:y:3", "near:y:2"], iso(T0))).toEqual(["near:y:2", "near:y:3"])
        expect(yield* store.addReminders(["near:y:3"], iso(T0))).toEqual([])
        expect(yield* store.addReminders([], iso(T0))).toEqual([])
        const failed = yield* Effect.flip(uow.transaction(Effect.andThen(store.addReminders(["missed:y:1", "missed:y:2"], iso(T0)), Effect.fail("rolled back" as const))))
        expect(failed).toBe("rolled back")
        expect(yield* store.addReminders(["missed:y:2", "missed:y:1"], iso(T0))).toEqual(["missed:y:2", "missed:y:1"])
        expect(yield* store.addReminder("missed:y:1", iso(T0))).toBe(false)
      })))

    it("settings are saved over the expected version only", () =>
      run(Effect.gen(function*() {
        const store = yield* JobsStore
        const c = yield* (yield* Grid).createCounty(systemActor(), { code: "370898", name: "设置县" })
        expect(yield* store.getConfig(c.id)).toEqual(Option.none())
        const first = { ...defaultJobsConfig(c.id), maxCatchUp: 5, version: 1 }
        yield* store.saveConfig(first, 0)
        expect(yield* store.getConfig(c.id)).toEqual(Option.some(first))
        expect(yield* Effect.flip(store.saveConfig({ ...first, version: 2 }, 0))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        expect(yield* Effect.flip(store.saveConfig({ ...first, version: 3 }, 2))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        yield* store.saveConfig({ ...first, warningHours: 48, version: 2 }, 1)
        expect(Option.getOrThrow(yield* store.getConfig(c.id)).warningHours).toBe(48)
      })))

    it("after downtime the runner runs each missed period once, the latest `maxCatchUp` of them, and a repeat runs nothing", () => catchUp(makeLayer))

    it("a run taken over from a runner that died reports the attempts the store records", () => takenOver(makeLayer))
  })
}

/** The catch-up case, over a fresh store. */
const catchUp = (makeLayer: () => Layer.Layer<JobsStorePorts, unknown>): Promise<void> => {
  const seen: Array<string> = []
  const definitions: ReadonlyArray<JobDefinition> = [
    { name: "test.hourly" as JobName, schedule: "0 * * * *", run: (_, period) => Effect.sync(() => (seen.push(period.key), { processed: 1, changed: 0 })) },
    { name: "test.failing" as JobName, schedule: "0 8 * * *", run: () => Effect.fail(new Error("no network") as never) }
  ]
  const run = runnerAt(T0 + 30 * 60_000, () =>
    Layer.mergeAll(Jobs.layer(definitions), Grid.layer).pipe(
      Layer.provideMerge(layerKernel),
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(9)))
    ))
  return run(Effect.gen(function*() {
    const grid = yield* Grid
    const jobs = yield* Jobs
    const c = yield* grid.createCounty(systemActor(), { code: "370899", name: "测试县" })
    const first = yield* jobs.runDue()
    // A new county runs only the latest period of each job, not the past.
    expect(seen).toEqual([iso(T0)])
    expect(first.runs.map((r) => [r.job, r.status, r.periodEnd])).toEqual([["test.hourly", "ok", iso(T0)], ["test.failing", "failed", iso(T0)]])
    expect(first.runs[1]!.message).toBe("no network")
    expect((yield* jobs.runDue()).runs).toEqual([])
    // Down for 10 hours; the county's bound is 3 periods.
    yield* TestClock.adjust(10 * HOUR)
    const after = yield* jobs.runDue()
    expect(seen).toEqual([T0, T0 + 8 * HOUR, T0 + 9 * HOUR, T0 + 10 * HOUR].map(iso))
    expect(after.skipped).toBe(7)
    // The failed daily run is not repeated: its period is recorded.
    expect(after.runs.map((r) => r.job)).toEqual(["test.hourly", "test.hourly", "test.hourly"])
    expect((yield* jobs.runDue()).runs).toEqual([])
    const recorded = yield* JobsStore.use((s) => s.listRuns({ countyId: c.id, job: "test.hourly", limit: 10 }))
    expect(recorded.map((r) => r.periodKey).sort()).toEqual([T0, T0 + 8 * HOUR, T0 + 9 * HOUR, T0 + 10 * HOUR].map(iso))
    expect(recorded.every((r) => r.status === "ok" && r.periodStart === iso(Date.parse(r.periodEnd) - HOUR))).toBe(true)
  }))
}

/** A stale run under the key the pass claims is taken over: the pass reports the stored attempts. */
const takenOver = (makeLayer: () => Layer.Layer<JobsStorePorts, unknown>): Promise<void> => {
  const definitions: ReadonlyArray<JobDefinition> = [
    { name: "test.hourly" as JobName, schedule: "0 * * * *", run: () => Effect.succeed({ processed: 1, changed: 1 }) }
  ]
  const run = runnerAt(T0 + 30 * 60_000, () =>
    Layer.mergeAll(Jobs.layer(definitions), Grid.layer).pipe(
      Layer.provideMerge(layerKernel),
      Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layerSeeded(9)))
    ))
  return run(Effect.gen(function*() {
    const c = yield* (yield* Grid).createCounty(systemActor(), { code: "370897", name: "接管县" })
    const store = yield* JobsStore
    // A runner claimed the key by hand 30 minutes ago and died: the run is stale by now.
    const dead = { ...runOf("test.hourly", iso(T0), T0, "manual"), countyId: c.id }
    expect(yield* store.claimRun(dead, iso(T0 - 600_000))).toBeTruthy()
    const pass = yield* (yield* Jobs).runDue()
    expect(pass.runs.map((r) => [r.job, r.periodKey, r.status])).toEqual([["test.hourly", iso(T0), "ok"]])
    const [stored] = yield* store.listRuns({ countyId: c.id, job: "test.hourly", limit: 10 })
    expect(stored).toMatchObject({ attempts: 2, status: "ok" })
    expect(pass.runs[0]!.attempts).toBe(stored!.attempts)
  }))
}
