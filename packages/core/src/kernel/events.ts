/**
 * The event envelope. Every accepted command appends its events to one log, in the same
 * unit of work as the state it changed: the log is the audit trail, the source of public
 * timelines, and the outbox integrators poll with `GET /events?after=<cursor>`.
 *
 * @since 0.1.0
 */
import { Effect, Schema } from "effect"
import { ActorRef } from "./actor.js"
import { EventId, GridNodeId, type IdGenerator, newEventId } from "./ids.js"
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

/**
 * What a use case says about one change; {@link makeEvent} gives it an id.
 *
 * @category models
 * @since 0.2.0
 */
export interface EventSpec {
  readonly type: string
  readonly aggregate: { readonly type: string; readonly id: string; readonly version: number }
  readonly actor: ActorRef
  readonly at: Instant
  readonly scope: ReadonlyArray<GridNodeId>
  readonly payload: Record<string, unknown>
}

/**
 * A new event with a fresh id, ready to append.
 *
 * @category constructors
 * @since 0.2.0
 */
export const makeEvent = (spec: EventSpec): Effect.Effect<NewEvent, never, IdGenerator> =>
  Effect.map(newEventId, (id) => ({
    id,
    type: spec.type,
    aggregateType: spec.aggregate.type,
    aggregateId: spec.aggregate.id,
    version: spec.aggregate.version,
    actor: { id: spec.actor.id, kind: spec.actor.kind },
    at: spec.at,
    scope: spec.scope,
    payload: spec.payload
  }))

/**
 * The schema of one type of event as the feed shows it: the envelope, the literal `type`
 * and the schema of its payload. Each context exports the list of its feed events, so the
 * OpenAPI document describes every payload integrators poll. Feed payloads MUST NOT carry
 * personal data (names, phones, ID-card numbers, free text typed by people).
 *
 * @example
 * ```ts
 * const NodeCreated = feedEvent("grid.node.created", { parentId: Schema.NullOr(GridNodeId), level: Schema.String })
 * ```
 *
 * @category constructors
 * @since 0.4.0
 */
export const feedEvent = <const T extends string, const F extends Schema.Struct.Fields>(type: T, payload: F) =>
  Schema.Struct({
    ...StoredEvent.fields,
    type: Schema.Literal(type),
    payload: Schema.Struct(payload)
  }).annotate({ identifier: type.replaceAll(".", "_"), title: type })

/**
 * The feed's catch-all: an event of a type this version does not describe (written by an
 * older or newer version), passed through as it is.
 *
 * @category schemas
 * @since 0.4.0
 */
export const OtherFeedEvent = StoredEvent.annotate({ identifier: "OtherEvent", title: "any other event" })
