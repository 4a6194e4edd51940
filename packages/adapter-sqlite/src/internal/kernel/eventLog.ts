/**
 * The event log on SQLite.
 *
 * An event is visible at a node S when S is in its scope (the path of the node it
 * concerns, root first). Each event stores its scope twice: as node ids, to read it back,
 * and as a path of short integer keys (`'/1/7/42/'`, from `scope_keys`), indexed, because
 * an index on the full ids costs twice as much per append. Visible at S means: the key
 * path starts with the prefix that ends at S's key. A node's prefix changes when it moves
 * and old events keep the old one, so every prefix an event scope has had is recorded in
 * `event_scopes`; a read turns its scope nodes into their prefixes, and each prefix into
 * a range on the index. A read of one county keeps the ranges inside the county's prefixes
 * (SQLite has one writer, so positions commit in order across counties too).
 */
import { EventLog, type EventQuery, type GridNodeId, type NewEvent, StoredEvent } from "@mulin/core"
import { eventReader } from "@mulin/sql"
import { Effect } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { fromPath, toPath, upperBound } from "./paths.js"
import { all, getRow, raw, type Row } from "./statements.js"

const INSERT_EVENT =
  "INSERT INTO events (id, type, aggregate_type, aggregate_id, version, actor, at, scope, scope_key, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
const FIND_KEY = raw<Pick<Row<"scope_keys">, "key">>("SELECT key FROM scope_keys WHERE node_id = ?")
const ADD_KEY = "INSERT INTO scope_keys (node_id) VALUES (?)"
/** The tables an append changes (the grid's cached reads stay). */
const EVENT_TABLES = ["events", "scope_keys", "event_scopes"]
const ADD_PREFIX = "INSERT OR IGNORE INTO event_scopes (node_id, prefix) VALUES (?, ?)"

/** An event as read back, decoded: a corrupt or hand-edited row fails loudly instead of flowing into the domain. */
const decodeEvent: (r: Row<"events">) => StoredEvent = eventReader(fromPath)

/** The prefixes left once those inside another one are dropped (their events are already in range). */
const outermost = (found: ReadonlyArray<string>): Array<string> => {
  const sorted = [...new Set(found)].sort()
  const kept: Array<string> = []
  for (const prefix of sorted) {
    // Sorted, so a containing prefix comes right before the ones it contains.
    if (kept.length === 0 || !prefix.startsWith(kept[kept.length - 1]!)) kept.push(prefix)
  }
  return kept
}

/** Makes the event log over an open database. */
export const makeEventLog = (db: SqliteDatabase["Service"]): EventLog["Service"] => {
  const k = db.kysely

  // Keys and prefixes known to be committed: a node's key never changes, and neither row is
  // ever deleted, so once committed they hold for good. Rows found or added by an append
  // join these only when its transaction commits: a rolled-back key may be reused. Until
  // then they are kept for the rest of their transaction (an import appends its batches in
  // one), once the append that wrote them succeeded: a failed one's savepoint undid them.
  const committedKeys = new Map<string, string>()
  const committedPrefixes = new Set<string>()
  interface Learnt {
    readonly keys: Map<string, string>
    readonly recorded: Set<string>
  }
  const pendingKey = {}
  const learnt = (): Learnt => ({ keys: new Map(), recorded: new Set() })

  const append = (s: StatementSource, events: ReadonlyArray<NewEvent>, pending: Learnt | undefined): Learnt => {
    const insert = s.prepare(INSERT_EVENT)
    // What this call learnt, for the transaction and, once committed, the caches.
    const { keys, recorded } = learnt()
    const keyOf = (id: string): string => {
      let key = committedKeys.get(id) ?? pending?.keys.get(id) ?? keys.get(id)
      if (key === undefined) {
        const found = getRow(s, FIND_KEY, id)
        key = String(found === undefined ? s.prepare(ADD_KEY).run(id).lastInsertRowid : found.key)
        keys.set(id, key)
      }
      return key
    }
    // Within a batch most events share their prefixes: record each once. A bulk write
    // passes the same scope array for every event of one node: its columns are made once.
    const scoped = new Map<ReadonlyArray<string>, { readonly path: string; readonly key: string }>()
    const columnsOf = (scope: ReadonlyArray<string>) => {
      let found = scoped.get(scope)
      if (found === undefined) {
        let prefix = "/"
        for (const id of scope) {
          prefix = `${prefix}${keyOf(id)}/`
          if (committedPrefixes.has(prefix) || pending?.recorded.has(prefix) === true || recorded.has(prefix)) continue
          recorded.add(prefix)
          s.prepare(ADD_PREFIX).run(id, prefix)
        }
        found = { path: toPath(scope), key: scope.length === 0 ? "" : prefix }
        scoped.set(scope, found)
      }
      return found
    }
    let actor: NewEvent["actor"] | undefined
    let actorJson = ""
    for (const event of events) {
      const { key, path } = columnsOf(event.scope)
      if (event.actor !== actor) {
        actor = event.actor
        actorJson = JSON.stringify(actor)
      }
      insert.run(event.id, event.type, event.aggregateType, event.aggregateId, event.version, actorJson, event.at, path, key, JSON.stringify(event.payload))
    }
    return { keys, recorded }
  }

  const remember = (pending: Learnt | undefined) => ({ keys, recorded }: Learnt) => {
    if (keys.size === 0 && recorded.size === 0) return Effect.void
    if (pending !== undefined) {
      for (const [id, key] of keys) pending.keys.set(id, key)
      for (const prefix of recorded) pending.recorded.add(prefix)
    }
    return db.afterCommit(() => {
      for (const [id, key] of keys) committedKeys.set(id, key)
      for (const prefix of recorded) committedPrefixes.add(prefix)
    })
  }

  const read = (s: StatementSource, query: EventQuery): Array<StoredEvent> => {
    const limit = Math.max(0, Math.floor(query.limit))
    if (limit === 0) return []
    let select = k.selectFrom("events").selectAll().where("position", ">", query.after)
    const county = query.county
    if (query.scopes !== "*" || county !== undefined) {
      if (query.scopes !== "*" && query.scopes.length === 0) return []
      // A county's events are those under one of its prefixes (a root never moves, but read
      // every prefix recorded, as for any node); a scope's prefixes are kept when inside one.
      const nodes = query.scopes === "*" ? [county!] : county === undefined ? query.scopes : [...query.scopes, county]
      const found = all(s, k.selectFrom("event_scopes").select(["node_id", "prefix"]).where("node_id", "in", nodes))
      // A county is a root: its prefix is one key (`'/7/'`); a deeper node's prefix is none.
      const counties = county === undefined ? [] : found.filter((r) => r.node_id === county && r.prefix.indexOf("/", 1) === r.prefix.length - 1).map((r) => r.prefix)
      const inside = query.scopes === "*"
        ? counties
        : found.filter((r) => query.scopes.includes(r.node_id as GridNodeId) && (county === undefined || counties.some((c) => r.prefix.startsWith(c)))).map((r) => r.prefix)
      const ranges = outermost(inside)
      if (ranges.length === 0) return []
      select = select.where((eb) => eb.or(ranges.map((p) => eb.and([eb("scope_key", ">=", p), eb("scope_key", "<", upperBound(p))]))))
    }
    return all(s, select.orderBy("position").limit(limit)).map(decodeEvent)
  }

  return EventLog.of({
    append: (events) =>
      events.length === 0
        ? Effect.void
        : Effect.flatMap(db.transactionMemo(pendingKey, learnt), (pending) => Effect.flatMap(db.write((s) => append(s, events, pending), undefined, EVENT_TABLES), remember(pending))),
    read: (query) => db.read((s) => read(s, query))
  })
}
