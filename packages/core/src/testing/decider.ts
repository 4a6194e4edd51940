/**
 * Given / when / then for deciders: a decider's rules read as its tests.
 *
 * ```ts
 * given(needDecider, [posted]).when(claim, ctx).then([claimed])
 * given(needDecider, [posted, claimed]).when(claimBySomeoneElse, ctx).thenFails("Conflict")
 * ```
 *
 * @since 0.4.0
 */
import { Result } from "effect"
import { expect } from "vitest"
import type { Decider } from "../kernel/decider.js"

/**
 * What `when` returns: assertions on the events or the error.
 *
 * @category models
 * @since 0.4.0
 */
export interface Then<State, Event, E> {
  /** The decision was exactly these events (compared deeply). */
  readonly then: (events: ReadonlyArray<Event>) => State | undefined
  /** The decision was these events, compared by a partial match of each. */
  readonly thenMatches: (events: ReadonlyArray<Partial<Event> | Record<string, unknown>>) => State | undefined
  /** The decision was an error with this tag (and these fields, when given). */
  readonly thenFails: (tag: string, fields?: Record<string, unknown>) => E
  /** The decision changed nothing: no event. */
  readonly thenNothing: () => void
  /** The raw result. */
  readonly result: Result.Result<ReadonlyArray<Event>, E>
}

/**
 * Starts a specification: the decider and the events that happened before.
 *
 * @category constructors
 * @since 0.4.0
 */
export const given = <State, Command, Event, Ctx, E>(decider: Decider<State, Command, Event, Ctx, E>, history: ReadonlyArray<NoInfer<Event>> = [], initial?: NoInfer<State>) => {
  const state = history.reduce<State | undefined>(decider.evolve, initial)
  return {
    /** The state the history leads to. */
    state,
    /** Decides a command in that state, with its context. */
    when: (command: Command, context: Ctx): Then<State, Event, E> => {
      const result = decider.decide(state, command, context)
      const after = (events: ReadonlyArray<Event>) => events.reduce<State | undefined>(decider.evolve, state)
      return {
        result,
        then: (events) => {
          if (Result.isFailure(result)) expect.fail(`expected events, got the error ${JSON.stringify(result.failure)}`)
          expect(result.success).toEqual(events)
          return after(result.success)
        },
        thenMatches: (events) => {
          if (Result.isFailure(result)) expect.fail(`expected events, got the error ${JSON.stringify(result.failure)}`)
          expect(result.success).toHaveLength(events.length)
          events.forEach((e, i) => expect(result.success[i]).toMatchObject(e as object))
          return after(result.success)
        },
        thenFails: (tag, fields) => {
          if (Result.isSuccess(result)) expect.fail(`expected ${tag}, got the events ${JSON.stringify(result.success)}`)
          expect((result.failure as { _tag?: unknown })._tag).toBe(tag)
          if (fields !== undefined) expect(result.failure).toMatchObject(fields)
          return result.failure
        },
        thenNothing: () => {
          if (Result.isFailure(result)) expect.fail(`expected no event, got the error ${JSON.stringify(result.failure)}`)
          expect(result.success).toEqual([])
        }
      }
    }
  }
}
