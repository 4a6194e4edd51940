/**
 * The in-memory jobs store: the reference implementation of `JobsStore`. Leases, runs and
 * reminder keys live in maps; every operation runs under the in-memory store's lock or in
 * its open unit of work, so a claim or a lease is decided by one caller at a time.
 *
 * @since 0.5.0
 */
import { Exit, Option } from "effect"
import type { MemoryKit } from "./kit.js"
import { staleVersion } from "../kernel/errors.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Instant } from "../kernel/time.js"
import type { JobLease, JobRun, JobsConfig } from "../jobs/model.js"
import { JobsStore } from "../jobs/store.js"

const runKey = (job: string, countyId: string, periodKey: string) => `${job}\u0000${countyId}\u0000${periodKey}`

/**
 * Builds the in-memory `JobsStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeMemoryJobsStore = ({ op }: MemoryKit): JobsStore["Service"] => {
  const leases = new Map<string, JobLease>()
  const runs = new Map<string, JobRun>()
  const reminders = new Map<string, Instant>()
  const configs = new Map<GridNodeId, JobsConfig>()

  const read = <A>(f: () => A) => op(() => Exit.succeed(f()))
  const put = <K, V>(map: Map<K, V>, key: K, value: V, tx: { readonly undo: Array<() => void> } | undefined) => {
    const before = map.get(key)
    map.set(key, value)
    tx?.undo.push(() => (before === undefined ? map.delete(key) : map.set(key, before)))
  }

  return JobsStore.of({
    acquireLease: (lease, now) =>
      op((tx) => {
        const held = leases.get(lease.name)
        if (held !== undefined && held.expiresAt > now && held.holder !== lease.holder) return Exit.succeed(false)
        put(leases, lease.name, lease, tx)
        return Exit.succeed(true)
      }),
    releaseLease: (name, holder) =>
      op((tx) => {
        const held = leases.get(name)
        if (held !== undefined && held.holder === holder) {
          leases.delete(name)
          tx?.undo.push(() => leases.set(name, held))
        }
        return Exit.void
      }),
    claimRun: (run, staleBefore) =>
      op((tx) => {
        const key = runKey(run.job, run.countyId, run.periodKey)
        const stored = runs.get(key)
        if (stored === undefined) {
          put(runs, key, run, tx)
          return Exit.succeed(run.attempts)
        }
        if (stored.status !== "running" || !(stored.startedAt < staleBefore)) return Exit.succeed(0)
        put(runs, key, { ...stored, startedAt: run.startedAt, attempts: stored.attempts + 1 }, tx)
        return Exit.succeed(stored.attempts + 1)
      }),
    finishRun: (run) =>
      op((tx) => {
        const key = runKey(run.job, run.countyId, run.periodKey)
        const stored = runs.get(key)
        if (stored !== undefined) {
          put(runs, key, { ...stored, status: run.status, processed: run.processed, changed: run.changed, note: run.note, message: run.message, finishedAt: run.finishedAt }, tx)
        }
        return Exit.void
      }),
    lastScheduledEnd: (job, countyId) =>
      read(() => {
        let last: Instant | undefined
        for (const r of runs.values()) {
          if (r.job === job && r.countyId === countyId && r.trigger === "schedule" && (last === undefined || r.periodEnd > last)) last = r.periodEnd
        }
        return Option.fromNullishOr(last)
      }),
    listRuns: (q) =>
      read(() =>
        [...runs.values()]
          .filter((r) => r.countyId === q.countyId && (q.job === undefined || r.job === q.job))
          .sort((a, b) => (a.startedAt > b.startedAt ? -1 : a.startedAt < b.startedAt ? 1 : a.periodKey > b.periodKey ? -1 : 1))
          .slice(0, q.limit)
      ),
    addReminder: (key, at) =>
      op((tx) => {
        if (reminders.has(key)) return Exit.succeed(false)
        put(reminders, key, at, tx)
        return Exit.succeed(true)
      }),
    addReminders: (keys, at) =>
      op((tx) => {
        const added: Array<string> = []
        for (const key of keys) {
          if (reminders.has(key)) continue
          put(reminders, key, at, tx)
          added.push(key)
        }
        return Exit.succeed(added)
      }),
    getConfig: (countyId) => read(() => Option.fromNullishOr(configs.get(countyId))),
    saveConfig: (config, expectedVersion) =>
      op((tx) => {
        const actual = configs.get(config.countyId)?.version ?? 0
        if (actual !== expectedVersion) return Exit.fail(staleVersion("jobs configuration", config.countyId, expectedVersion, actual))
        put(configs, config.countyId, config, tx)
        return Exit.void
      })
  })
}
