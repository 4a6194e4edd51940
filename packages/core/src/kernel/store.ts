/**
 * The kernel's ports: the unit of work and the event log. Adapters implement them; use
 * cases are the only code that calls them.
 *
 * @since 0.1.0
 */
import { Context, type Effect } from "effect"
import type { StorageError } from "./errors.js"
import type { NewEvent, StoredEvent } from "./events.js"
import type { GridNodeId } from "./ids.js"

/**
 * Runs an effect as one atomic unit of work.
 *
 * Contract:
 * - Every port call made inside `transaction` MUST commit together when the effect
 *   succeeds, and MUST all be undone when it fails, dies or is interrupted.
 * - Other callers MUST NOT observe a partial unit of work.
 * - Nested calls MUST join the outer unit of work.
 * - Concurrent units of work MUST be serialisable: two that read and then write the same
 *   row never both commit on the same stale read.
 *
 * @category services
 * @since 0.1.0
 */
export class UnitOfWork extends Context.Service<UnitOfWork, {
  /** Runs `effect` as one unit of work, or joins the one already open. */
  readonly transaction: <A, E, R>(effect: Effect.Effect<A, E, R>) => Effect.Effect<A, E | StorageError, R>
}>()("@mulin/core/kernel/UnitOfWork") {}

/**
 * What to read from the event log.
 *
 * @category models
 * @since 0.1.0
 */
export interface EventQuery {
  /** Only events with a position strictly greater than this. */
  readonly after: number
  readonly limit: number
  /** Only events whose scope lies within one of these subtrees (`"*"`: all events). */
  readonly scopes: "*" | ReadonlyArray<GridNodeId>
  /**
   * Only the events of this county (the first node of their scope), in the county's commit
   * order. Without it, the events of every county and the store-wide ones, in position order.
   *
   * @since 0.5.0
   */
  readonly county?: GridNodeId | undefined
}

/**
 * The append-only event log.
 *
 * Contract:
 * - `append` MUST be called inside a {@link UnitOfWork} transaction and MUST commit or roll
 *   back with it.
 * - Positions MUST be unique and MUST strictly increase in commit order *within a county*
 *   (an event's county is the first node of its scope; the store-wide events, with an empty
 *   scope, form one more log of their own), and a committed event MUST never change or
 *   disappear. Across counties, a store with concurrent writers MAY commit a higher position
 *   before a lower one.
 * - `read` MUST return events in position order, only those whose `scope` contains one of
 *   the query's scope nodes (a store-wide event, with an empty scope, only for `"*"`).
 * - `read` with `county` MUST return only that county's events (never a store-wide one);
 *   successive reads of one county with the last position seen as `after` MUST see every
 *   event of that county once, whatever other counties commit meanwhile. A read without
 *   `county` returns every matching event in position order, which on a store with
 *   concurrent writers is not commit order across counties: a cursor over it may skip an
 *   event (tooling, replay and tests read so; integrators read one county at a time).
 *
 * @category services
 * @since 0.1.0
 */
export class EventLog extends Context.Service<EventLog, {
  /** Appends events, in order, to the open unit of work. */
  readonly append: (events: ReadonlyArray<NewEvent>) => Effect.Effect<void, StorageError>
  /** Committed events after a position, in order, within the query's scopes. */
  readonly read: (query: EventQuery) => Effect.Effect<ReadonlyArray<StoredEvent>, StorageError>
}>()("@mulin/core/kernel/EventLog") {}
