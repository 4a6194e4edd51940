/**
 * The deliberation port on SQLite.
 *
 * Sessions and items are stored whole, as JSON in `doc` (decoded through the core schema
 * when read back), with the columns the queries need beside them: the materialised path of
 * the node for subtree ranges, the board's sort keys and filters, and the statistics facts
 * for `GROUP BY` over the covering index `deliberation_items_stats`. The whole county's
 * board is read in order from `deliberation_items_county`. Ratings have their own table
 * whose primary key (item, round, resident) makes a second rating fail whatever process
 * attempts it.
 */
import {
  alreadyRated,
  type BoardQuery,
  conflict,
  type Conflict,
  DeliberationConfig,
  DeliberationStore,
  dueAtOf,
  Item,
  ItemRating,
  type ItemStatsGroup,
  onTimeOf,
  Session,
  staleVersion,
  type StorageError
} from "@mulin/core"
import { Effect, Option, Schema } from "effect"
import type { SqliteDatabase } from "../SqliteDatabase.js"
import type { StatementSource } from "../StatementCache.js"
import { countyConfigTable } from "./countyConfig.js"
import { conflictsOnly, isUniqueViolation } from "./errors.js"
import { scopeRange, toPath } from "./paths.js"

const ITEM_COLUMNS = [
  "id", "county_id", "path", "parent_id", "category", "unit", "state", "status", "raised_at", "promised_key", "due_at", "progress",
  "rating_key", "taken_up", "on_time", "ratings", "rating_sum", "rating_high", "version", "doc"
] as const

const INSERT_ITEM = `INSERT INTO deliberation_items (${ITEM_COLUMNS.join(", ")}) VALUES (${ITEM_COLUMNS.map((c) => `@${c}`).join(", ")})`
const UPDATE_ITEM = `UPDATE deliberation_items SET ${ITEM_COLUMNS.filter((c) => c !== "id").map((c) => `${c} = @${c}`).join(", ")} WHERE id = @id AND version = @expected_version`
const GET_ITEM = "SELECT doc FROM deliberation_items WHERE id = ?"
const ITEM_VERSION = "SELECT version FROM deliberation_items WHERE id = ?"
const CHILDREN = "SELECT doc FROM deliberation_items WHERE parent_id = ? ORDER BY id"
const INSERT_SESSION = "INSERT INTO deliberation_sessions (id, county_id, path, held_at, version, doc) VALUES (?, ?, ?, ?, ?, ?)"
const UPDATE_SESSION = "UPDATE deliberation_sessions SET held_at = ?, version = ?, doc = ? WHERE id = ? AND version = ?"
const GET_SESSION = "SELECT doc FROM deliberation_sessions WHERE id = ?"
const SESSION_VERSION = "SELECT version FROM deliberation_sessions WHERE id = ?"
const LIST_SESSIONS = "SELECT doc FROM deliberation_sessions WHERE path >= ? AND path < ? ORDER BY held_at DESC, id DESC LIMIT ? OFFSET ?"
const ADD_RATING = "INSERT INTO deliberation_ratings (item_id, round, resident_id, score, comment, at) VALUES (?, ?, ?, ?, ?, ?)"
const RATINGS = "SELECT item_id, round, resident_id, score, comment, at FROM deliberation_ratings WHERE item_id = ? ORDER BY at, resident_id"

/**
 * The statistics facts of a subtree and period. `child` is the path segment right after the
 * root's prefix (of length `@l`).
 */
export const STATS =
  "SELECT category, unit, state, " +
  "CASE WHEN length(path) > @l THEN substr(path, @l + 1, instr(substr(path, @l + 1), '/') - 1) ELSE '' END AS child, " +
  "taken_up AS takenUp, on_time AS onTime, CASE WHEN due_at IS NOT NULL AND due_at < @now THEN 1 ELSE 0 END AS overdue, " +
  "count(*) AS items, sum(ratings) AS ratings, sum(rating_sum) AS ratingSum, sum(rating_high) AS satisfied " +
  "FROM deliberation_items WHERE path >= @lo AND path < @hi AND raised_at >= @from AND raised_at < @to " +
  "GROUP BY category, unit, state, child, takenUp, onTime, overdue"

const ORDER: Readonly<Record<BoardQuery["sort"], string>> = {
  raised: "raised_at DESC, id DESC",
  promised: "promised_key, id",
  progress: "progress, id",
  rating: "rating_key, id"
}

const encodeItem = Schema.encodeSync(Item)
const decodeItem = Schema.decodeUnknownSync(Item)
const encodeSession = Schema.encodeSync(Session)
const decodeSession = Schema.decodeUnknownSync(Session)
const configs = countyConfigTable({
  table: "deliberation_configs",
  entity: "deliberation configuration",
  encode: Schema.encodeSync(DeliberationConfig),
  decode: Schema.decodeUnknownSync(DeliberationConfig)
})
const decodeRating = Schema.decodeUnknownSync(ItemRating)

/** The row of an item. */
export const itemRow = (i: Item) => ({
  id: i.id,
  county_id: i.countyId,
  path: toPath(i.scope),
  parent_id: i.parentId,
  category: i.category,
  unit: i.unit?.code ?? "",
  state: i.state,
  status: i.status,
  raised_at: i.raisedAt,
  promised_key: i.promisedAt ?? "~",
  due_at: dueAtOf(i),
  progress: i.progress,
  rating_key: i.ratingCount === 0 ? 99 : i.ratingSum / i.ratingCount,
  taken_up: i.acceptedAt === null ? 0 : 1,
  on_time: onTimeOf(i),
  ratings: i.ratingCount,
  rating_sum: i.ratingSum,
  rating_high: i.ratingHigh,
  version: i.version,
  doc: JSON.stringify(encodeItem(i))
})



/**
 * The board's SQL and arguments: the whole county by `county_id` (in index order for the
 * default sort), a subtree by its path range.
 */
export const boardSql = (q: BoardQuery): { readonly sql: string; readonly args: Array<unknown> } => {
  const where: Array<string> = []
  const args: Array<unknown> = []
  if (q.scope.length === 1) {
    where.push("county_id = ?")
    args.push(q.scope[0])
  } else {
    where.push("path >= ?", "path < ?")
    args.push(...scopeRange(q.scope))
  }
  const eq = (column: string, value: string | undefined) => {
    if (value === undefined) return
    where.push(`${column} = ?`)
    args.push(value)
  }
  eq("category", q.category)
  eq("unit", q.unit)
  eq("status", q.status)
  eq("state", q.state)
  if (q.overdue === true) {
    where.push("due_at IS NOT NULL AND due_at < ?")
    args.push(q.now)
  } else if (q.overdue === false) {
    where.push("(due_at IS NULL OR due_at >= ?)")
    args.push(q.now)
  }
  const limit = Math.max(1, Math.floor(q.limit))
  args.push(limit + 1, Math.max(0, Math.floor(q.offset)))
  return { sql: `SELECT doc FROM deliberation_items WHERE ${where.join(" AND ")} ORDER BY ${ORDER[q.sort]} LIMIT ? OFFSET ?`, args }
}

/** Makes the deliberation store over an open database. */
export const makeDeliberationStore = (db: SqliteDatabase["Service"]): DeliberationStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)
  const docs = (rows: ReadonlyArray<unknown>) => (rows as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as unknown)

  return DeliberationStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),

    saveConfig: (config, expectedVersion) => write((s) => configs.save(s, config, expectedVersion)),

    getSession: (id) =>
      db.read((s) => {
        const row = s.prepare(GET_SESSION).get(id) as { doc: string } | undefined
        return row === undefined ? Option.none() : Option.some(decodeSession(JSON.parse(row.doc)))
      }),
    insertSession: (session) =>
      write((s) => {
        try {
          s.prepare(INSERT_SESSION).run(session.id, session.countyId, toPath(session.scope), session.heldAt, session.version, JSON.stringify(encodeSession(session)))
        } catch (error) {
          throw isUniqueViolation(error) ? conflict("duplicate_id", `deliberation session ${session.id} already exists`, `议事会议 ${session.id} 已存在`) : error
        }
      }),
    updateSession: (session, expectedVersion) =>
      write((s) => {
        if (s.prepare(UPDATE_SESSION).run(session.heldAt, session.version, JSON.stringify(encodeSession(session)), session.id, expectedVersion).changes === 0) {
          const row = s.prepare(SESSION_VERSION).get(session.id) as { version: number } | undefined
          throw staleVersion("deliberation session", session.id, expectedVersion, row?.version ?? 0)
        }
      }),
    listSessions: ({ limit, offset, scope }) =>
      db.read((s) => {
        const n = Math.max(1, Math.floor(limit))
        const rows = docs(s.prepare(LIST_SESSIONS).all(...scopeRange(scope), n + 1, Math.max(0, offset))).map((d) => decodeSession(d))
        const more = rows.length > n
        return { items: more ? rows.slice(0, n) : rows, next: more ? String(offset + n) : null }
      }),

    getItem: (id) =>
      db.read((s) => {
        const row = s.prepare(GET_ITEM).get(id) as { doc: string } | undefined
        return row === undefined ? Option.none() : Option.some(decodeItem(JSON.parse(row.doc)))
      }),
    insertItem: (item) =>
      write((s) => {
        try {
          s.prepare(INSERT_ITEM).run(itemRow(item))
        } catch (error) {
          throw isUniqueViolation(error) ? conflict("duplicate_id", `deliberation item ${item.id} already exists`, `议事事项 ${item.id} 已存在`) : error
        }
      }),
    updateItem: (item, expectedVersion) =>
      write((s) => {
        if (s.prepare(UPDATE_ITEM).run({ ...itemRow(item), expected_version: expectedVersion }).changes === 0) {
          const row = s.prepare(ITEM_VERSION).get(item.id) as { version: number } | undefined
          throw staleVersion("deliberation item", item.id, expectedVersion, row?.version ?? 0)
        }
      }),
    children: (parentId) => db.read((s) => docs(s.prepare(CHILDREN).all(parentId)).map((d) => decodeItem(d))),

    addRating: (r) =>
      write((s) => {
        try {
          s.prepare(ADD_RATING).run(r.itemId, r.round, r.residentId, r.score, r.comment, r.at)
        } catch (error) {
          throw isUniqueViolation(error) ? alreadyRated(r.itemId, r.residentId) : error
        }
      }),
    ratings: (itemId) =>
      db.read((s) =>
        (s.prepare(RATINGS).all(itemId) as Array<{ item_id: string; round: number; resident_id: string; score: number; comment: string | null; at: string }>)
          .map((r) => decodeRating({ itemId: r.item_id, round: r.round, residentId: r.resident_id, score: r.score, comment: r.comment, at: r.at }))
      ),

    board: (q) =>
      db.read((s) => {
        const { args, sql } = boardSql(q)
        const limit = Math.max(1, Math.floor(q.limit))
        const rows = docs(s.prepare(sql).all(...args)).map((d) => decodeItem(d))
        const more = rows.length > limit
        return { items: more ? rows.slice(0, limit) : rows, next: more ? String(Math.max(0, Math.floor(q.offset)) + limit) : null }
      }),

    statistics: ({ from, now, scope, to }) =>
      db.read((s) => {
        const [lo, hi] = scopeRange(scope)
        return s.prepare(STATS).all({ l: lo.length, now, lo, hi, from: from ?? "", to: to ?? "~" }) as Array<ItemStatsGroup>
      })
  })
}
