/**
 * The deliberation port on SQLite.
 *
 * Sessions and items are stored whole, as JSON in `doc`, with the columns the queries need beside them: the materialised path of
 * the node for subtree ranges, the board's sort keys and filters (an item is overdue from
 * its `due_at` on), and the statistics facts for `GROUP BY` over the covering index
 * `deliberation_items_stats`. The whole county's board is read in order from
 * `deliberation_items_county`. Ratings have their own table whose primary key (item, round,
 * person) makes a second rating fail whatever process attempts it.
 *
 * A document is decoded through the core schema when it is read back. It is written as the
 * value itself: the encoded form of `DeliberationItem` and `Session` is the value (plain JSON, no
 * transformation; a test pins it), and the value was built by the deciders from decoded
 * commands, so encoding it again through the schema would only check it twice.
 */
import {
  alreadyRated,
  type BoardQuery,
  type Conflict,
  DeliberationStore,
  DeliberationItem,
  ItemRating,
  type ItemStatsGroup,
  type StorageError
} from "@mulin/core"
import { BOARD_ORDER, decodeItem, deliberationConfigs, deliberationItems, deliberationSessions } from "@mulin/sql"
import { Effect, Option, Schema } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { documentTable, Filter } from "../kernel/documents.js"
import { conflictsOnly, isUniqueViolation } from "../kernel/errors.js"
import { allRows, getRow, raw, type Row } from "../kernel/statements.js"
import { scopeRange } from "../kernel/paths.js"

const CHILDREN = raw<{ readonly doc: string }>("SELECT doc FROM deliberation_items WHERE parent_id = ? ORDER BY id")
const LIST_SESSIONS = raw<{ readonly doc: string }>("SELECT doc FROM deliberation_sessions WHERE path >= ? AND path < ? ORDER BY held_at DESC, id DESC LIMIT ? OFFSET ?")
const ADD_RATING = "INSERT INTO deliberation_ratings (item_id, round, person_id, score, comment, at) VALUES (?, ?, ?, ?, ?, ?)"
const RATINGS = raw<RatingRow>("SELECT item_id, round, person_id, score, comment, at FROM deliberation_ratings WHERE item_id = ? ORDER BY at, person_id")
const FIND_RATING = raw<RatingRow>("SELECT item_id, round, person_id, score, comment, at FROM deliberation_ratings WHERE item_id = ? AND round = ? AND person_id = ?")

/**
 * The statistics facts of a subtree and period. `child` is the path segment right after the
 * root's prefix (of length `@l`).
 */
export const STATS =
  "SELECT category, unit, state, " +
  "CASE WHEN length(path) > @l THEN substr(path, @l + 1, instr(substr(path, @l + 1), '/') - 1) ELSE '' END AS child, " +
  "taken_up AS takenUp, on_time AS onTime, CASE WHEN due_at IS NOT NULL AND due_at <= @now THEN 1 ELSE 0 END AS overdue, " +
  "count(*) AS items, sum(ratings) AS ratings, sum(rating_sum) AS ratingSum, sum(rating_high) AS satisfied " +
  "FROM deliberation_items WHERE path >= @lo AND path < @hi AND raised_at >= @from AND raised_at < @to " +
  "GROUP BY category, unit, state, child, takenUp, onTime, overdue"



/**
 * Remembers the item decoded from a document text, so the public board — read over and over —
 * decodes each stored document once. An entry is reused only for the very same text, so an
 * item written since (or a write rolled back) is decoded afresh. At most `size` entries, the
 * least recently used dropped first.
 */
export const itemDecoder = (size: number) => {
  const decoded = new Map<string, DeliberationItem>()
  return (doc: string): DeliberationItem => {
    const found = decoded.get(doc)
    if (found !== undefined) {
      decoded.delete(doc)
      decoded.set(doc, found)
      return found
    }
    const item = decodeItem(JSON.parse(doc))
    decoded.set(doc, item)
    if (decoded.size > size) decoded.delete(decoded.keys().next().value!)
    return item
  }
}
const sessions = documentTable(deliberationSessions)
const configs = countyConfigTable(deliberationConfigs)
const decodeRating = Schema.decodeUnknownSync(ItemRating)
type RatingRow = Row<"deliberation_ratings">
const ratingOf = (r: RatingRow) => decodeRating({ itemId: r.item_id, round: r.round, personId: r.person_id, score: r.score, comment: r.comment, at: r.at })

/**
 * The board's SQL and arguments: the whole county by `county_id` (in index order for the
 * default sort), a subtree by its path range.
 */
export const boardSql = (q: BoardQuery): { readonly sql: string; readonly args: Array<unknown> } => {
  const filter = new Filter(q.scope).eq("category", q.category).eq("unit", q.unit).eq("status", q.status).eq("state", q.state)
  if (q.overdue === true) filter.add("due_at IS NOT NULL AND due_at <= ?", q.now)
  else if (q.overdue === false) filter.add("(due_at IS NULL OR due_at > ?)", q.now)
  const limit = Math.max(1, Math.floor(q.limit))
  return { sql: `SELECT doc FROM deliberation_items WHERE ${filter.sql} ORDER BY ${BOARD_ORDER[q.sort]} LIMIT ? OFFSET ?`, args: [...filter.args, limit + 1, Math.max(0, Math.floor(q.offset))] }
}

/** Makes the deliberation store over an open database. */
export const makeDeliberationStore = (db: SqliteDatabase["Service"]): DeliberationStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)
  const items = documentTable({ ...deliberationItems, decode: itemDecoder(2000) })

  return DeliberationStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),

    saveConfig: (config, expectedVersion) => write((s) => configs.save(s, config, expectedVersion)),

    getSession: (id) => db.read((s) => sessions.get(s, id)),
    insertSession: (session) => write((s) => sessions.insert(s, session)),
    updateSession: (session, expectedVersion) => write((s) => sessions.update(s, session, expectedVersion)),
    listSessions: ({ limit, offset, scope }) =>
      db.read((s) => {
        const n = Math.max(1, Math.floor(limit))
        const rows = sessions.decodeAll(allRows(s, LIST_SESSIONS, ...scopeRange(scope), n + 1, Math.max(0, offset)))
        const more = rows.length > n
        return { items: more ? rows.slice(0, n) : rows, next: more ? String(offset + n) : null }
      }),

    getItem: (id) => db.read((s) => items.get(s, id)),
    insertItem: (item) => write((s) => items.insert(s, item)),
    updateItem: (item, expectedVersion) => write((s) => items.update(s, item, expectedVersion)),
    children: (parentId) => db.read((s) => items.decodeAll(allRows(s, CHILDREN, parentId))),

    addRating: (r) =>
      write((s) => {
        try {
          s.prepare(ADD_RATING).run(r.itemId, r.round, r.personId, r.score, r.comment, r.at)
        } catch (error) {
          throw isUniqueViolation(error) ? alreadyRated(r.itemId, r.personId) : error
        }
      }),
    findRating: (itemId, round, personId) =>
      db.read((s) => {
        const row = getRow(s, FIND_RATING, itemId, round, personId)
        return row === undefined ? Option.none() : Option.some(ratingOf(row))
      }),
    ratings: (itemId) => db.read((s) => allRows(s, RATINGS, itemId).map(ratingOf)),

    board: (q) =>
      db.read((s) => {
        const { args, sql } = boardSql(q)
        const limit = Math.max(1, Math.floor(q.limit))
        const rows = items.decodeAll(allRows(s, raw<{ readonly doc: string }>(sql), ...args))
        const more = rows.length > limit
        return { items: more ? rows.slice(0, limit) : rows, next: more ? String(Math.max(0, Math.floor(q.offset)) + limit) : null }
      }),

    statistics: ({ from, now, scope, to }) =>
      db.read((s) => {
        const [lo, hi] = scopeRange(scope)
        return allRows(s, raw<ItemStatsGroup>(STATS), { l: lo.length, now, lo, hi, from: from ?? "", to: to ?? "~" })
      })
  })
}
