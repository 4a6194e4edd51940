/**
 * The intake reaction: a request routed to a need, a mediation case or a deliberation item
 * follows its target. In the unit of work of the event that finishes the target, the
 * request is resolved (once: a later finishing event of the same target changes nothing).
 *
 * | event | the request routed to it |
 * | --- | --- |
 * | `matching.need.confirmed`, `matching.need.closed` | resolved |
 * | `mediation.case.resolved`, `mediation.case.closed` | resolved |
 * | `deliberation.item.resolved`, `deliberation.item.closed` | resolved |
 *
 * A referral is resolved by staff. Other events cost one set lookup each.
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option } from "effect"
import { systemActor } from "../kernel/actor.js"
import { Commands, type Decider } from "../kernel/decider.js"
import type { Conflict, InvalidInput, InvalidTransition, StorageError } from "../kernel/errors.js"
import type { NewEvent } from "../kernel/events.js"
import type { IdGenerator } from "../kernel/ids.js"
import { type Reaction, reacting } from "../kernel/reactions.js"
import { EventLog, type UnitOfWork } from "../kernel/store.js"
import { type IntakeCommand, type IntakeContext, intakeDecider } from "./machine.js"
import type { IntakeEvent, StoredIntakeRequest } from "./model.js"
import { IntakeStore } from "./store.js"
import { INTAKE_AGGREGATE, recordIntakeEvent } from "./views.js"

const SYSTEM = systemActor()
const decider: Decider<StoredIntakeRequest, IntakeCommand, IntakeEvent, IntakeContext, Conflict | InvalidInput | InvalidTransition | StorageError> = intakeDecider

/**
 * The event types that finish a request's target.
 *
 * @category constants
 * @since 0.5.0
 */
export const intakeResolvingEvents: ReadonlySet<string> = new Set([
  "matching.need.confirmed",
  "matching.need.closed",
  "mediation.case.resolved",
  "mediation.case.closed",
  "deliberation.item.resolved",
  "deliberation.item.closed"
])

/**
 * Builds the reaction over the intake store and the command pipeline it writes through.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeIntakeReaction: Effect.Effect<Reaction, never, Commands | IntakeStore> = Effect.gen(function*() {
  const commands = yield* Commands
  const store = yield* IntakeStore
  const resolve = (event: NewEvent): Effect.Effect<void, StorageError> =>
    Effect.flatMap(store.routedTo(event.aggregateId), (found) =>
      Option.isNone(found) || found.value.status !== "routed" ? Effect.void : Effect.orDie(commands.run({
        actor: SYSTEM,
        aggregate: INTAKE_AGGREGATE,
        id: found.value.id,
        decider,
        command: { _tag: "Resolve", outcome: null },
        load: Effect.map(store.get(found.value.id), Option.getOrUndefined),
        authorize: () => Effect.void,
        context: (_, at) => Effect.succeed({ at, actor: { id: SYSTEM.id, kind: SYSTEM.kind } }),
        save: (next, expected) => store.update(next, expected),
        record: recordIntakeEvent
      })))
  return {
    name: "intake",
    react: (events) => {
      let todo: Array<Effect.Effect<void, StorageError>> | undefined
      for (const e of events) if (intakeResolvingEvents.has(e.type)) (todo ??= []).push(resolve(e))
      return todo === undefined ? Effect.void : Effect.all(todo, { discard: true })
    }
  } satisfies Reaction
})

/**
 * Decorates the store's {@link EventLog} with the intake reaction. Its own events are
 * appended to the log it decorates: put this layer above the reactions that must see them
 * (follow-up, notifications), e.g.
 * `contexts.pipe(Layer.provideMerge(layerIntakeReaction), Layer.provideMerge(FollowUp.layerReaction), …)`.
 *
 * @category layers
 * @since 0.5.0
 */
export const layerIntakeReaction: Layer.Layer<EventLog, never, EventLog | UnitOfWork | IdGenerator | IntakeStore> =
  Layer.unwrap(Effect.map(makeIntakeReaction, (reaction) => reacting(reaction))).pipe(
    // A pipeline of its own over the log below the reaction (fresh: the shared one is built over the decorated log).
    Layer.provide(Layer.fresh(Commands.layer))
  )
