/**
 * The event envelope. Every accepted command appends its events to one log, in the same
 * unit of work as the state it changed: the log is the audit trail, the source of public
 * timelines, and the outbox integrators poll with `GET /events?after=<cursor>`.
 *
 * @since 0.1.0
 */
import { Schema } from "effect"
import { ActorRef } from "./actor.js"
import { EventId, GridNodeId } from "./ids.js"
import { Instant } from "./time.js"

/**
 * An event as a use case emits it, before the log gives it a position.
 *
 * @category models
 * @since 0.1.0
 */
export const NewEvent = Schema.Struct({
  id: EventId,
  /** Dotted type, e.g. `grid.node.created`. */
  type: Schema.String,
  aggregateType: Schema.String,
  aggregateId: Schema.String,
  /** The aggregate's version after this event. */
  version: Schema.Int,
  actor: ActorRef,
  at: Instant,
  /**
   * The grid path (root first) of the node the event concerns: who may see the event is
   * decided by it. Empty for store-wide events.
   */
  scope: Schema.Array(GridNodeId),
  payload: Schema.Record(Schema.String, Schema.Unknown)
})
/** @category models @since 0.1.0 */
export type NewEvent = typeof NewEvent.Type

/**
 * An event in the log, with its position (a strictly increasing integer) as the cursor.
 *
 * @category models
 * @since 0.1.0
 */
export const StoredEvent = Schema.Struct({
  ...NewEvent.fields,
  position: Schema.Int
})
/** @category models @since 0.1.0 */
export type StoredEvent = typeof StoredEvent.Type
