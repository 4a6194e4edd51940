/**
 * How the conformance suites run a case: against the services built over a fresh store,
 * under a test clock set to the case's start, in a scope of its own.
 *
 * @since 0.4.0
 */
import { Effect, type Layer, type Scope } from "effect"
import { TestClock } from "effect/testing"

/**
 * Runs effects under a test clock set to `start`, with `services` (built anew for each run,
 * so each case gets a fresh store) and a scope closed when the run ends.
 *
 * @category conformance
 * @since 0.4.0
 */
export const runnerAt = <R>(start: number, services: () => Layer.Layer<R, unknown>) =>
<A, E>(effect: Effect.Effect<A, E, R | TestClock.TestClock | Scope.Scope>): Promise<A> =>
  Effect.runPromise(
    Effect.gen(function*() {
      yield* TestClock.setTime(start)
      return yield* effect
    }).pipe(
      Effect.scoped,
      Effect.provide(services()),
      Effect.provide(TestClock.layer())
    ) as Effect.Effect<A, unknown>
  )
