/**
 * Reactions: work that must happen in the same unit of work as the events that cause it
 * (a notification in the outbox, a rating asked for). A reaction sees every event as it
 * is appended to the log, whoever appends it (a command, an import, a scheduled rule), and
 * writes its own rows before the unit of work commits: if the change rolls back, so does
 * the reaction, and nothing that happened is ever missed.
 *
 * @since 0.5.0
 */
import { Effect, Exit, Layer } from "effect"
import type { StorageError } from "./errors.js"
import type { NewEvent } from "./events.js"
import { EventLog } from "./store.js"

/**
 * One reaction to appended events. It runs inside the open unit of work, after the events
 * are in the log.
 *
 * Contract:
 * - `react` MUST only write through ports that join the open unit of work.
 * - It MUST be deterministic about what it writes for a given event (an event's id is a
 *   stable key for what it causes).
 * - Events it appends through the decorated log are reacted to again: a reaction MUST NOT
 *   cause, directly or through another, the events it reacts to (no loop).
 *
 * @category models
 * @since 0.5.0
 */
export interface Reaction<R = never> {
  /** Names the reaction in errors and traces. */
  readonly name: string
  readonly react: (events: ReadonlyArray<NewEvent>) => Effect.Effect<void, StorageError, R>
}

/**
 * Decorates the store's {@link EventLog} so that every append also runs the given
 * reactions, in order, in the same unit of work. Provide it between the store and the
 * contexts:
 *
 * ```ts
 * contexts.pipe(Layer.provideMerge(reacting(outbox)), Layer.provideMerge(store))
 * ```
 *
 * @category layers
 * @since 0.5.0
 */
export const reacting = <R>(...reactions: ReadonlyArray<Reaction<R>>): Layer.Layer<EventLog, never, EventLog | R> =>
  Layer.effect(EventLog, Effect.gen(function*() {
    const inner = yield* EventLog
    const context = yield* Effect.context<R>()
    // A reaction with nothing to do answers `Effect.void`, a finished exit: those are
    // dropped here, so that an append most reactions ignore does not pay for providing
    // the captured context (a copy of every service) to the fiber.
    const runAll = (events: ReadonlyArray<NewEvent>): Effect.Effect<void, StorageError> => {
      let todo: Array<Effect.Effect<void, StorageError, R>> | undefined
      for (const reaction of reactions) {
        const effect = reaction.react(events)
        if (!(Exit.isExit(effect) && Exit.isSuccess(effect))) (todo ??= []).push(effect)
      }
      if (todo === undefined) return Effect.void
      return Effect.forEach(todo, (effect) => effect, { discard: true }).pipe(Effect.provideContext(context))
    }
    return EventLog.of({
      append: (events) => events.length === 0 ? Effect.void : Effect.andThen(inner.append(events), runAll(events)),
      read: inner.read
    })
  }))
