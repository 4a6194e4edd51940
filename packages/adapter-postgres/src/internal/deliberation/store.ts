/**
 * The deliberation port on PostgreSQL: sessions and items whole as JSON in `doc`; the board
 * pages by offset in one of four orders; statistics group the items of a subtree and period
 * by the child of the root they lie under.
 */
import {
  alreadyRated,
  DeliberationItem,
  DeliberationStore,
  ItemRating,
  type ItemStatsGroup,
  Session
} from "@mulin/core"
import { BOARD_ORDER, decodeItem, decodeSession, deliberationConfigs, deliberationItems, deliberationSessions } from "@mulin/sql"
import { Effect, Option, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"
import { toPath, upperBound } from "../kernel/paths.js"
import { sqlState } from "../kernel/runner.js"
import { classify } from "../kernel/sql.js"

const decodeRating = Schema.decodeUnknownSync(ItemRating)
const RATING = `item_id AS "itemId", round, person_id AS "personId", score, comment, at`

/** Makes the deliberation store over an open database. */
export const makeDeliberationStore = (db: PostgresDatabase["Service"]): DeliberationStore["Service"] => {
  const configs = configTable(db, deliberationConfigs)
  const sessions = documentTable(db, deliberationSessions)
  const items = documentTable(db, deliberationItems)
  const decodeAll = (rows: ReadonlyArray<{ doc: string }>, decode: (doc: string) => unknown) => rows.map((r) => decode(JSON.parse(r.doc)))

  return DeliberationStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    getSession: sessions.get,
    insertSession: sessions.insert,
    updateSession: sessions.update,
    listSessions: ({ limit, offset, scope }) => {
      const n = Math.max(1, Math.floor(limit))
      const filter = new Filter(scope)
      return Effect.map(
        db.query<{ doc: string }>(`SELECT doc FROM deliberation_sessions WHERE ${filter.sql} ORDER BY held_at DESC, id DESC LIMIT ${n + 1} OFFSET ${Math.max(0, Math.floor(offset))}`, filter.args),
        (rows) => {
          const found = decodeAll(rows, decodeSession) as Array<Session>
          const more = found.length > n
          return { items: more ? found.slice(0, n) : found, next: more ? String(offset + n) : null }
        }
      )
    },
    getItem: items.get,
    insertItem: items.insert,
    updateItem: items.update,
    children: (parentId) => items.where(new Filter().eq("parent_id", parentId)),
    addRating: (r) =>
      db.write(db.run("INSERT INTO deliberation_ratings (county_id, item_id, round, person_id, score, comment, at) SELECT county_id, $1, $2, $3, $4, $5, $6 FROM deliberation_items WHERE id = $1", [
        r.itemId, r.round, r.personId, r.score, r.comment, r.at
      ]).pipe(Effect.asVoid, Effect.mapError((error) => (sqlState(error) === "23505" ? alreadyRated(r.itemId, r.personId) : classify(error))))),
    findRating: (itemId, round, personId) =>
      Effect.map(db.query(`SELECT ${RATING} FROM deliberation_ratings WHERE item_id = $1 AND round = $2 AND person_id = $3`, [itemId, round, personId]), (rows) =>
        rows.length === 0 ? Option.none() : Option.some(decodeRating(rows[0]))),
    ratings: (itemId) => Effect.map(db.query(`SELECT ${RATING} FROM deliberation_ratings WHERE item_id = $1 ORDER BY at, person_id`, [itemId]), (rows) => rows.map((r) => decodeRating(r))),
    board: (q) => {
      const filter = new Filter(q.scope).eq("category", q.category).eq("unit", q.unit).eq("status", q.status).eq("state", q.state)
      if (q.overdue === true) filter.add("due_at IS NOT NULL AND due_at <= ?", q.now)
      else if (q.overdue === false) filter.add("(due_at IS NULL OR due_at > ?)", q.now)
      const limit = Math.max(1, Math.floor(q.limit))
      const offset = Math.max(0, Math.floor(q.offset))
      return Effect.map(
        db.query<{ doc: string }>(`SELECT doc FROM deliberation_items WHERE ${filter.sql} ORDER BY ${BOARD_ORDER[q.sort]} LIMIT ${limit + 1} OFFSET ${offset}`, filter.args),
        (rows) => {
          const found = decodeAll(rows, decodeItem) as Array<DeliberationItem>
          const more = found.length > limit
          return { items: more ? found.slice(0, limit) : found, next: more ? String(offset + limit) : null }
        }
      )
    },
    statistics: ({ from, now, scope, to }) => {
      const lo = toPath(scope)
      const hi = lo === "" ? "~" : upperBound(lo)
      return db.query<ItemStatsGroup>(
        `SELECT category, unit, state, CASE WHEN length(path) > $1 THEN split_part(substr(path, $1 + 1), '/', 1) ELSE '' END AS child, ` +
          `taken_up AS "takenUp", on_time AS "onTime", CASE WHEN due_at IS NOT NULL AND due_at <= $2 THEN 1 ELSE 0 END AS overdue, ` +
          `count(*) AS items, sum(ratings) AS ratings, sum(rating_sum) AS "ratingSum", sum(rating_high) AS satisfied ` +
          "FROM deliberation_items WHERE path >= $3 AND path < $4 AND raised_at >= $5 AND raised_at < $6 GROUP BY 1, 2, 3, 4, 5, 6, 7",
        [lo.length, now, lo, hi, from ?? "", to ?? "~"]
      )
    }
  })
}
