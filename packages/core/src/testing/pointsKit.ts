/**
 * What the ledger's conformance cases share: a clock moved by hand, a runner building the
 * services over a fresh store for each case, and the consistency check.
 *
 * @since 0.4.0
 */
import { Clock, Effect, Layer } from "effect"
import { expect } from "vitest"
import { systemActor } from "../kernel/actor.js"
import type { IdempotencyStore } from "../kernel/idempotency.js"
import { IdGenerator } from "../kernel/ids.js"
import { EventLog, type UnitOfWork } from "../kernel/store.js"
import { Grid } from "../grid/service.js"
import type { GridStore } from "../grid/store.js"
import type { AccountId, Transfer, TransferId } from "../points/model.js"
import { replay } from "../points/rules.js"
import { Points } from "../points/service.js"
import { PointsStore } from "../points/store.js"

/**
 * The ports a ledger store provides.
 *
 * @category models
 * @since 0.2.0
 */
export type PointsStorePorts = GridStore | EventLog | UnitOfWork | PointsStore | IdempotencyStore

export const sys = systemActor()
/** 2026-06-01 10:00 in China (02:00 UTC). */
export const START = Date.UTC(2026, 5, 1, 2, 0, 0)
export const HOUR = 3_600_000
export const DAY = 24 * HOUR

/** A clock the test moves by hand; monotonic time and sleeps stay real. */
const manualClock = (start: number) =>
  Effect.map(Clock.Clock, (real) => {
    let now = start
    const clock: Clock.Clock = {
      currentTimeMillisUnsafe: () => now,
      currentTimeMillis: Effect.sync(() => now),
      currentTimeNanosUnsafe: () => BigInt(now) * 1_000_000n,
      currentTimeNanos: Effect.sync(() => BigInt(now) * 1_000_000n),
      monotonicTimeNanosUnsafe: () => real.monotonicTimeNanosUnsafe(),
      monotonicTimeNanos: real.monotonicTimeNanos,
      sleep: (d) => real.sleep(d)
    }
    return { clock, advance: (ms: number) => Effect.sync(() => void (now += ms)) }
  })

export const id = (s: string) => s as TransferId

/** The services a case runs with. */
export type PointsEnv = Grid | Points | PointsStorePorts | IdGenerator

/** The helpers of the cases over one store. */
export const pointsKit = (makeLayer: () => Layer.Layer<PointsStorePorts, unknown>) => {
  type Env = PointsEnv
  const run = <A, E>(f: (advance: (ms: number) => Effect.Effect<void>) => Effect.Effect<A, E, Env>): Promise<A> =>
    Effect.runPromise(
      Effect.gen(function*() {
        const { advance, clock } = yield* manualClock(START)
        const services = Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layer)))
        return yield* f(advance).pipe(Effect.provide(services), Effect.provideService(Clock.Clock, clock))
      }).pipe(Effect.scoped) as Effect.Effect<A, unknown>
    )
  const allEvents = EventLog.use((log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))
  const allTransfers = Effect.gen(function*() {
    const store = yield* PointsStore
    const all: Array<Transfer> = []
    for (let after = 0; ;) {
      const page = yield* store.transfers(after, 1000)
      if (page.length === 0) return all
      all.push(...page)
      after = page[page.length - 1]!.seq
    }
  })
  const balanceOf = (account: AccountId) => Points.use((p) => p.balance(sys, account))

  /** Every stored balance equals the replay of every transfer, and the posted balances sum to zero. */
  const expectConsistent = Effect.gen(function*() {
    const store = yield* PointsStore
    const all = yield* allTransfers
    const computed = replay(all)
    const report = yield* Points.use((p) => p.verify(sys))
    expect(report.differences).toEqual([])
    expect(report).toMatchObject({ ok: true, sum: 0, transfers: all.length })
    const accounts = yield* store.getAccounts([...computed.keys()] as Array<AccountId>)
    for (const a of accounts) expect({ posted: a.posted, held: a.held }).toEqual(computed.get(a.id))
  })
  return { run, allEvents, allTransfers, balanceOf, expectConsistent }
}

/** The helpers of the cases over one store. */
export type PointsKit = ReturnType<typeof pointsKit>
