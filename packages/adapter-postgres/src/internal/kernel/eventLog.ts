/**
 * The event log on PostgreSQL.
 *
 * Positions come from a sequence, and sequence values are handed out when a row is inserted,
 * not when it commits: two writers may commit positions 11 then 10, and a reader polling
 * `after=9` between the two commits would see 11, move its cursor on, and never see 10. So an
 * append first takes a transaction-scoped advisory lock ({@link FEED_LOCK}) and holds it until
 * its unit of work commits or rolls back: positions are handed out, and become visible, in
 * commit order, and a reader sees a prefix of the log. Units of work that append events
 * therefore serialise from their first append to their commit; the rest of their work (the
 * reads, the decision, the saves before the append) runs concurrently.
 *
 * An append of many events (an import's batch) goes through `COPY … FROM STDIN`, in order.
 *
 * A read returns events whose `scope` (the node ids of their place, root first) shares a node
 * with the query's scopes (`&&`, from a GIN index).
 */
import { EventLog, type NewEvent, storageError, StoredEvent } from "@mulin/core"
import { Effect, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { COPY_FROM } from "./sql.js"

/** The advisory lock key of appends (`'feed'` in ASCII). */
export const FEED_LOCK = 0x66656564

interface EventRow {
  readonly position: number
  readonly id: string
  readonly type: string
  readonly aggregate_type: string
  readonly aggregate_id: string
  readonly version: number
  readonly actor: string
  readonly at: string
  readonly scope: Array<string>
  readonly payload: string
}

const decodeEventSync = Schema.decodeUnknownSync(StoredEvent)
const decodeEvent = (r: EventRow): StoredEvent =>
  decodeEventSync({
    position: r.position,
    id: r.id,
    type: r.type,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    version: r.version,
    actor: JSON.parse(r.actor),
    at: r.at,
    scope: r.scope,
    payload: JSON.parse(r.payload)
  })

const INSERT = `INSERT INTO events (county_id, id, type, aggregate_type, aggregate_id, version, actor, at, scope, payload)
SELECT c, i, t, at_, ai, v, a, w, CASE WHEN s = '' THEN '{}'::text[] ELSE string_to_array(s, '/') END, p
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[])
  WITH ORDINALITY AS e (c, i, t, at_, ai, v, a, w, s, p, n)
ORDER BY n`

const COPY_COLUMNS = ["county_id", "id", "type", "aggregate_type", "aggregate_id", "version", "actor", "at", "scope", "payload"]

const COLUMNS = "position, id, type, aggregate_type, aggregate_id, version, actor, at, scope, payload"

/** Makes the event log over an open database. */
export const makeEventLog = (db: PostgresDatabase["Service"]): EventLog["Service"] => {
  /** Many events (an import's batch) through `COPY … FROM STDIN`, in order: positions follow the rows. */
  const copy = (events: ReadonlyArray<NewEvent>) => {
    const rows = events.map((e) => [e.scope[0] ?? "", e.id, e.type, e.aggregateType, e.aggregateId, e.version, JSON.stringify(e.actor), e.at, e.scope, JSON.stringify(e.payload)])
    return db.write(Effect.gen(function*() {
      yield* db.query("SELECT pg_advisory_xact_lock($1)", [FEED_LOCK])
      yield* Effect.mapError(db.copy("events", COPY_COLUMNS, rows), storageError)
    }))
  }

  const append = (events: ReadonlyArray<NewEvent>) => {
    if (events.length >= COPY_FROM) return copy(events)
    const columns: Array<Array<unknown>> = Array.from({ length: 10 }, () => [])
    for (const e of events) {
      const row = [e.scope[0] ?? "", e.id, e.type, e.aggregateType, e.aggregateId, e.version, JSON.stringify(e.actor), e.at, e.scope.join("/"), JSON.stringify(e.payload)]
      row.forEach((value, i) => columns[i]!.push(value))
    }
    return db.write(Effect.gen(function*() {
      yield* db.query("SELECT pg_advisory_xact_lock($1)", [FEED_LOCK])
      yield* db.query(INSERT, columns)
    }))
  }

  return EventLog.of({
    append: (events) => (events.length === 0 ? Effect.void : append(events)),
    read: (query) => {
      const limit = Math.max(0, Math.floor(query.limit))
      if (limit === 0) return Effect.succeed([])
      if (query.scopes === "*") {
        return Effect.map(db.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`, [query.after, limit]), (rows) => rows.map(decodeEvent))
      }
      if (query.scopes.length === 0) return Effect.succeed([])
      return Effect.map(
        db.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > $1 AND scope && $2::text[] ORDER BY position LIMIT $3`, [query.after, query.scopes, limit]),
        (rows) => rows.map(decodeEvent)
      )
    }
  })
}
