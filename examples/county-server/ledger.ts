/**
 * The ledger of work (工作台账) for a county that upgrades from a version without it: its
 * needs, cases, items and requests are in the event log, but the ledger the reaction keeps
 * starts empty. The server (`main.ts`) and `npm run jobs` call {@link rebuildLedgerOnce} when
 * they start: it replays the log onto the ledger (`Reports.rebuild()`) once per database.
 *
 * How it knows the ledger was built: a key, {@link LEDGER_BUILT}, recorded with the
 * scheduled rules' once-keys (`JobsStore.addReminders`) when a rebuild finished — a new
 * database gets it at its first start, over an empty log. Two processes starting together
 * on one database: the first to take the lease {@link LEDGER_LEASE} rebuilds, the other
 * finds the lease taken and goes on (the reaction keeps the ledger for what it appends
 * meanwhile, and a replay gives the rows the reaction gives). A process stopped during the
 * rebuild leaves no key: once the lease has expired, the next start rebuilds again.
 */
import { Effect } from "effect"
import { JobsStore, now, Reports, UnitOfWork } from "@mulin/core"

/**
 * The once-key of a finished rebuild. A new projection version (a ledger whose rows a newer
 * version computes differently) takes a new key, and every database rebuilds once more.
 */
export const LEDGER_BUILT = "projection:ledger-of-work:v1"

/** The lease a process holds while it rebuilds. */
export const LEDGER_LEASE = "projection:ledger-of-work"

const LEASE_MILLIS = 60 * 60_000

/** Whether the key is recorded, without recording it: the probe's unit of work rolls back when it is new. */
const built = Effect.gen(function*() {
  const jobs = yield* JobsStore
  const uow = yield* UnitOfWork
  const probe = yield* Effect.result(uow.transaction(Effect.flatMap(jobs.addReminders([LEDGER_BUILT], yield* now), (fresh) => (fresh.length > 0 ? Effect.fail("new" as const) : Effect.void))))
  return probe._tag === "Success"
})

/**
 * Rebuilds the ledger of work from the event log unless this database's ledger was built
 * already or another process is building it; answers what it did.
 */
export const rebuildLedgerOnce = (holder: string) =>
  Effect.gen(function*() {
    if (yield* built) return { rebuilt: false, reason: "built" as const, moved: 0 }
    const jobs = yield* JobsStore
    const at = yield* now
    if (!(yield* jobs.acquireLease({ name: LEDGER_LEASE, holder, expiresAt: new Date(Date.parse(at) + LEASE_MILLIS).toISOString() }, at))) {
      return { rebuilt: false, reason: "elsewhere" as const, moved: 0 }
    }
    return yield* Effect.gen(function*() {
      // Another process may have finished between the probe and the lease.
      if (yield* built) return { rebuilt: false, reason: "built" as const, moved: 0 }
      const moved = yield* Reports.rebuild()
      yield* (yield* UnitOfWork).transaction(jobs.addReminders([LEDGER_BUILT], yield* now))
      return { rebuilt: true, reason: "rebuilt" as const, moved }
    }).pipe(Effect.ensuring(Effect.orElseSucceed(jobs.releaseLease(LEDGER_LEASE, holder), () => undefined)))
  })

/** The line a process logs about it. */
export const ledgerLine = (r: { readonly reason: "built" | "elsewhere" | "rebuilt"; readonly moved: number }): string =>
  r.reason === "rebuilt"
    ? `  Ledger of work:    rebuilt from the event log (${r.moved} events moved a row)`
    : r.reason === "elsewhere" ? "  Ledger of work:    being rebuilt by another process" : "  Ledger of work:    built"
