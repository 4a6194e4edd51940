/**
 * One way to act. Every context's state changes are **deciders** — `decide` turns a
 * command into events against the current state, `evolve` folds events into the state —
 * and every command runs through one pipeline, {@link Commands.run}:
 *
 * load → authorise → decide → evolve → save with the expected version → append events,
 * then the follow-on effects, all in one unit of work.
 *
 * Version counting and the event log live here, not in the contexts. A command whose
 * decision is no event changes nothing and writes nothing. Follow-on effects (a
 * volunteer's load, a reward) are computed from the state before, the state after and
 * the events, and applied in the same unit of work.
 *
 * @since 0.4.0
 */
import { Cause, Context, Effect, Exit, Layer, Result } from "effect"
import type { Actor } from "./actor.js"
import type { StorageError } from "./errors.js"
import { type NewEvent } from "./events.js"
import { type GridNodeId, IdGenerator } from "./ids.js"
import { EventLog, UnitOfWork } from "./store.js"
import { type Instant, now } from "./time.js"

/**
 * How many items a unit of work of bulk work takes by default: see `Commands.batches`.
 *
 * @category models
 * @since 0.5.0
 */
export const BATCH_SIZE = 200

/**
 * A decider: the pure rules of one aggregate. `decide` MUST NOT read a clock, make ids or
 * do IO: what it needs comes in `context`. Returning no event means "nothing to change".
 *
 * @category models
 * @since 0.4.0
 */
export interface Decider<State, Command, Event, Ctx, Error = unknown> {
  /** The events a command causes in a state (`undefined`: the aggregate does not exist yet), or why it is refused. */
  readonly decide: (state: State | undefined, command: Command, context: Ctx) => Result.Result<ReadonlyArray<Event>, Error>
  /** The state after one event. */
  readonly evolve: (state: State | undefined, event: Event) => State
}

/**
 * Folds events into a state.
 *
 * @category combinators
 * @since 0.4.0
 */
export const fold = <State, Event>(evolve: (state: State | undefined, event: Event) => State, state: State | undefined, events: ReadonlyArray<Event>): State | undefined =>
  events.reduce<State | undefined>(evolve, state)

/**
 * What the log records of one event: its dotted type, the grid path it concerns (who may
 * see it) and its feed payload, which MUST NOT carry personal data.
 *
 * @category models
 * @since 0.4.0
 */
export interface Recorded {
  readonly type: string
  readonly scope: ReadonlyArray<GridNodeId>
  readonly payload: Record<string, unknown>
}

/**
 * A state with a version: the number of events applied to it.
 *
 * @category models
 * @since 0.4.0
 */
export interface Versioned {
  readonly version: number
}

/**
 * One command run through the pipeline.
 *
 * @category models
 * @since 0.4.0
 */
export interface CommandRun<State extends Versioned, Command, Event, Ctx, E, R> {
  readonly actor: Actor
  /** The aggregate's type in the log, e.g. `need`. */
  readonly aggregate: string
  /** The aggregate's id. */
  readonly id: string
  readonly decider: Decider<State, Command, Event, Ctx, E>
  readonly command: Command
  /** The current state, or `undefined` for a new aggregate. Runs in the unit of work. */
  readonly load: Effect.Effect<State | undefined, E, R>
  /** Refuses the command when the actor may not run it on this state (through `Access`). */
  readonly authorize: (state: State | undefined) => Effect.Effect<void, E, R>
  /** What the decider needs besides state and command: the time, new ids, referenced entities. */
  readonly context: (state: State | undefined, at: Instant) => Effect.Effect<Ctx, E, R>
  /**
   * Stores the new state. `expectedVersion` is the version loaded (0 for a new aggregate):
   * the store MUST refuse a stale write with `Conflict` (`version_mismatch`).
   */
  readonly save: (next: State, expectedVersion: number, before: State | undefined) => Effect.Effect<void, E, R>
  /** How each event reads in the log (the feed projection). */
  readonly record: (event: Event, after: State) => Recorded
  /** Follow-on effects of the change, applied in the same unit of work. */
  readonly followOn?: ((before: State | undefined, after: State, events: ReadonlyArray<Event>, at: Instant) => Effect.Effect<void, E, R>) | undefined
}

/**
 * What a command did: the state after it and the events it caused (none: nothing changed).
 *
 * @category models
 * @since 0.4.0
 */
export interface CommandResult<State, Event> {
  readonly state: State
  readonly events: ReadonlyArray<Event>
  readonly at: Instant
}

/**
 * The pipeline every command goes through.
 *
 * @category services
 * @since 0.4.0
 */
export class Commands extends Context.Service<Commands, {
  /**
   * Runs one command in one unit of work (joining the caller's when one is open). The
   * new state's version is the loaded version plus the number of events, and each event
   * is logged with the version it produced.
   */
  readonly run: <State extends Versioned, Command, Event, Ctx, E, R>(
    run: CommandRun<State, Command, Event, Ctx, E, R>
  ) => Effect.Effect<CommandResult<State, Event>, E | StorageError, R>
  /** Appends events recorded outside a decider (imports, bulk jobs) with fresh ids, in the open unit of work. */
  readonly append: (actor: Actor, at: Instant, aggregate: { readonly type: string; readonly id: string; readonly version: number }, recorded: ReadonlyArray<Recorded>) => Effect.Effect<void, StorageError>
  /**
   * {@link append} for several aggregates at once (a scheduled rule's reminders): the same
   * events, ids made together, appended in one call, in the given order.
   *
   * @since 0.5.0
   */
  readonly appendAll: (
    actor: Actor,
    at: Instant,
    entries: ReadonlyArray<{ readonly aggregate: { readonly type: string; readonly id: string; readonly version: number }; readonly recorded: ReadonlyArray<Recorded> }>
  ) => Effect.Effect<void, StorageError>
  /**
   * Bulk work (a scheduled rule over many aggregates) in units of work of at most `size`
   * items (default {@link BATCH_SIZE}): `batch` runs one chunk in one unit of work, which
   * the commands it runs join, each through the same pipeline (same events, versions and
   * scope checks). When a chunk fails it is rolled back and its items run again one by
   * one, each in its own unit of work, through `alone`, which answers their refusals: a
   * refused item costs its chunk the speed of one unit of work, never its neighbours'
   * outcome. Results come in the items' order.
   *
   * @since 0.5.0
   */
  readonly batches: <A, B, E, R, E2, R2>(
    items: ReadonlyArray<A>,
    batch: (chunk: ReadonlyArray<A>) => Effect.Effect<ReadonlyArray<B>, E, R>,
    alone: (item: A) => Effect.Effect<B, E2, R2>,
    size?: number
  ) => Effect.Effect<ReadonlyArray<B>, E2 | StorageError, R | R2>
}>()("@mulin/core/kernel/Commands") {
  /**
   * The pipeline over the unit of work, the event log and the id generator.
   *
   * @category layers
   * @since 0.4.0
   */
  static readonly layer: Layer.Layer<Commands, never, UnitOfWork | EventLog | IdGenerator> = Layer.effect(Commands, Effect.gen(function*() {
    const uow = yield* UnitOfWork
    const log = yield* EventLog
    const ids = yield* IdGenerator

    const made = (ulids: ReadonlyArray<string>, from: number, actor: Actor, at: Instant, aggregate: { readonly type: string; readonly id: string }, first: number, recorded: ReadonlyArray<Recorded>): Array<NewEvent> =>
      recorded.map((r, i) => ({
        id: `evt_${ulids[from + i]!}` as NewEvent["id"],
        type: r.type,
        aggregateType: aggregate.type,
        aggregateId: aggregate.id,
        version: first + i,
        actor: { id: actor.id, kind: actor.kind },
        at,
        scope: r.scope,
        payload: r.payload
      }))
    const events = (actor: Actor, at: Instant, aggregate: { readonly type: string; readonly id: string }, first: number, recorded: ReadonlyArray<Recorded>) =>
      Effect.map(ids.ulids(recorded.length), (ulids): Array<NewEvent> => made(ulids, 0, actor, at, aggregate, first, recorded))

    // One generator function for every command (`fnUntraced`), not one made per command: V8
    // gives each generator function made at run time a hidden class of its own, in the old
    // generation, which keeps what it captured alive through young collections.
    const decideAndSave = Effect.fnUntraced(function*(run: CommandRun<any, any, any, any, any, any>) {
      const before = yield* run.load
      yield* run.authorize(before)
      const at = yield* now
      const context = yield* run.context(before, at)
      const decided = yield* Effect.fromResult(run.decider.decide(before, run.command, context))
      if (decided.length === 0) {
        if (before === undefined) return yield* Effect.die(new Error(`${run.aggregate} ${run.id}: a decider created nothing`))
        return { state: before, events: [], at }
      }
      const version = before?.version ?? 0
      const folded = fold(run.decider.evolve, before, decided)!
      const after = { ...folded, version: version + decided.length }
      yield* run.save(after, version, before)
      yield* log.append(yield* events(run.actor, at, { type: run.aggregate, id: run.id }, version + 1, decided.map((e) => run.record(e, after))))
      if (run.followOn !== undefined) yield* run.followOn(before, after, decided, at)
      return { state: after, events: decided, at }
    })

    return Commands.of({
      run: <State extends Versioned, Command, Event, Ctx, E, R>(run: CommandRun<State, Command, Event, Ctx, E, R>) =>
        uow.transaction(decideAndSave(run)) as Effect.Effect<CommandResult<State, Event>, E | StorageError, R>,
      append: (actor, at, aggregate, recorded) =>
        recorded.length === 0 ? Effect.void : Effect.flatMap(events(actor, at, aggregate, aggregate.version, recorded), log.append),
      appendAll: (actor, at, entries) => {
        const total = entries.reduce((n, e) => n + e.recorded.length, 0)
        return total === 0 ? Effect.void : Effect.flatMap(ids.ulids(total), (ulids) => {
          const all: Array<NewEvent> = []
          for (const e of entries) all.push(...made(ulids, all.length, actor, at, e.aggregate, e.aggregate.version, e.recorded))
          return log.append(all)
        })
      },
      batches: <A, B, E, R, E2, R2>(
        items: ReadonlyArray<A>,
        batch: (chunk: ReadonlyArray<A>) => Effect.Effect<ReadonlyArray<B>, E, R>,
        alone: (item: A) => Effect.Effect<B, E2, R2>,
        size = BATCH_SIZE
      ) =>
        Effect.gen(function*() {
          const n = Math.max(1, Math.floor(size))
          const out: Array<B> = []
          for (let i = 0; i < items.length; i += n) {
            const chunk = items.slice(i, i + n)
            const exit = yield* Effect.exit(uow.transaction(batch(chunk)))
            if (Exit.isSuccess(exit)) {
              out.push(...exit.value)
              continue
            }
            // A defect or an interruption is not a refusal: it ends the work.
            if (Cause.hasDies(exit.cause)) return yield* Effect.die(Cause.squash(exit.cause))
            if (Cause.hasInterrupts(exit.cause)) return yield* Effect.interrupt
            for (const item of chunk) out.push(yield* uow.transaction(alone(item)))
          }
          return out
        })
    })
  }))
}
