/**
 * The event log on PostgreSQL.
 *
 * Positions come from a sequence, and sequence values are handed out when a row is inserted,
 * not when it commits: two writers may commit positions 11 then 10, and a reader polling
 * `after=9` between the two commits would see 11, move its cursor on, and never see 10. So an
 * append first takes a transaction-scoped advisory lock on its county's feed
 * (`pg_advisory_xact_lock(FEED_LOCK, hashtext(county_id))`, the two-int form) and holds it
 * until its unit of work commits or rolls back: within one county, positions are handed out,
 * and become visible, in commit order, and a reader of that county sees a prefix of its log.
 * Units of work that append in one county serialise from their first append to their commit;
 * units of work in different counties do not wait for each other (a hash collision only makes
 * two counties share a lock). The store-wide events (`county_id ''`) have their own key. An
 * append that spans counties takes their locks in the order of their ids; two units of work
 * that still lock two counties in opposite orders deadlock, and the runner runs one again.
 *
 * Across counties, positions are unique but not committed in order: a read without a county
 * may skip an event committed late. Integrators read one county at a time (the primary key
 * `(county_id, position)` answers it), each with its own cursor.
 *
 * An append of many events (an import's batch) goes through `COPY … FROM STDIN`, in order.
 *
 * A read returns events whose `scope` (the node ids of their place, root first) shares a node
 * with the query's scopes (`&&`, from a GIN index).
 */
import { EventLog, type NewEvent, storageError } from "@mulin/core"
import { type EventRow as SqlEventRow, eventReader } from "@mulin/sql"
import { Effect } from "effect"
import { type PostgresDatabase, prepared } from "../../PostgresDatabase.js"
import { COPY_FROM } from "./sql.js"

/** The class key of the feed locks (`'feed'` in ASCII); the county's id, hashed, is the second key. */
export const FEED_LOCK = 0x66656564

type EventRow = SqlEventRow<Array<string>>

/** An event as read back, decoded. */
const decodeEvent = eventReader((scope: Array<string>) => scope)

const INSERT = prepared(`INSERT INTO events (county_id, id, type, aggregate_type, aggregate_id, version, actor, at, scope, payload)
SELECT c, i, t, at_, ai, v, a, w, CASE WHEN s = '' THEN '{}'::text[] ELSE string_to_array(s, '/') END, p
FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::text[])
  WITH ORDINALITY AS e (c, i, t, at_, ai, v, a, w, s, p, n)
ORDER BY n`)
const LOCK_ONE = prepared("SELECT pg_advisory_xact_lock($1, hashtext($2))")

const COPY_COLUMNS = ["county_id", "id", "type", "aggregate_type", "aggregate_id", "version", "actor", "at", "scope", "payload"]

const COLUMNS = "position, id, type, aggregate_type, aggregate_id, version, actor, at, scope, payload"

/** Makes the event log over an open database. */
export const makeEventLog = (db: PostgresDatabase["Service"]): EventLog["Service"] => {
  /** Locks the feeds of the events' counties, in the order of their ids. */
  const lock = (events: ReadonlyArray<NewEvent>) => {
    const first = events[0]!.scope[0] ?? ""
    // Sent without waiting: it travels with the insert, and a deadlock is the insert's failure.
    if (events.every((e) => (e.scope[0] ?? "") === first)) return db.send(LOCK_ONE, [FEED_LOCK, first])
    const counties = [...new Set(events.map((e) => e.scope[0] ?? ""))].sort()
    return db.query("SELECT pg_advisory_xact_lock($1, hashtext(c)) FROM unnest($2::text[]) WITH ORDINALITY AS k (c, n) ORDER BY n", [FEED_LOCK, counties])
  }

  /** Many events (an import's batch) through `COPY … FROM STDIN`, in order: positions follow the rows. */
  const copy = (events: ReadonlyArray<NewEvent>) => {
    const rows = events.map((e) => [e.scope[0] ?? "", e.id, e.type, e.aggregateType, e.aggregateId, e.version, JSON.stringify(e.actor), e.at, e.scope, JSON.stringify(e.payload)])
    return db.write(Effect.gen(function*() {
      yield* lock(events)
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
      yield* lock(events)
      yield* db.query(INSERT, columns)
    }))
  }

  return EventLog.of({
    append: (events) => (events.length === 0 ? Effect.void : append(events)),
    read: (query) => {
      const limit = Math.max(0, Math.floor(query.limit))
      if (limit === 0) return Effect.succeed([])
      if (query.scopes !== "*" && query.scopes.length === 0) return Effect.succeed([])
      const params: Array<unknown> = [query.after]
      const where = ["position > $1"]
      if (query.county !== undefined) {
        params.push(query.county)
        where.push(`county_id = $${params.length}`)
      }
      if (query.scopes !== "*") {
        params.push(query.scopes)
        where.push(`scope && $${params.length}::text[]`)
      }
      params.push(limit)
      return Effect.map(
        db.query<EventRow>(`SELECT ${COLUMNS} FROM events WHERE ${where.join(" AND ")} ORDER BY position LIMIT $${params.length}`, params),
        (rows) => rows.map(decodeEvent)
      )
    }
  })
}
