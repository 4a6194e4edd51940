/**
 * The event log's rows. The one difference between the dialects is how a row's scope is
 * stored (a materialised path on SQLite, an array of ids on PostgreSQL), so the reader of a
 * row takes the scope's reader.
 */
import { StoredEvent } from "@mulin/core"
import { Schema } from "effect"

/**
 * A row of `events` as read, its scope of type `S`.
 *
 * @category events
 * @since 0.5.0
 */
export interface EventRow<S> {
  readonly position: number
  readonly id: string
  readonly type: string
  readonly aggregate_type: string
  readonly aggregate_id: string
  readonly version: number
  /** The actor reference as JSON. */
  readonly actor: string
  readonly at: string
  readonly scope: S
  /** The payload as JSON. */
  readonly payload: string
}

const decodeEventSync = Schema.decodeUnknownSync(StoredEvent)

/**
 * The reader of event rows whose scope `scopeOf` reads: each row decoded through the core's
 * schema, so a corrupt or hand-edited row fails loudly instead of flowing into the domain.
 *
 * @category events
 * @since 0.5.0
 */
export const eventReader = <S>(scopeOf: (scope: S) => ReadonlyArray<string>) => (r: EventRow<S>): StoredEvent =>
  decodeEventSync({
    position: r.position,
    id: r.id,
    type: r.type,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    version: r.version,
    actor: JSON.parse(r.actor),
    at: r.at,
    scope: scopeOf(r.scope),
    payload: JSON.parse(r.payload)
  })
