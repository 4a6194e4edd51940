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
 *
 * Migration `0011_deliberation_people` ({@link migrateDeliberationPeople}) moves stored
 * items and sessions to people as the one identity, promised dates and public text.
 */
import {
  addDays,
  alreadyRated,
  type BoardQuery,
  conflict,
  type Conflict,
  DeliberationConfig,
  DeliberationStore,
  DEFAULT_TIME_ZONE,
  dueAtOf,
  fromSchemaError,
  DeliberationItem,
  ItemRating,
  type ItemStatsGroup,
  localDate,
  onTimeOf,
  redactorFor,
  Session,
  staleVersion,
  startOfDate,
  type StorageError
} from "@mulin/core"
import type BetterSqlite3 from "better-sqlite3"
import { Effect, Option, Schema } from "effect"
import type { SqliteDatabase } from "../SqliteDatabase.js"
import type { StatementSource } from "../StatementCache.js"
import { countyConfigTable } from "./countyConfig.js"
import { conflictsOnly, isUniqueViolation } from "./errors.js"
import { fromPath, scopeRange, toPath, upperBound } from "./paths.js"

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
const ADD_RATING = "INSERT INTO deliberation_ratings (item_id, round, person_id, score, comment, at) VALUES (?, ?, ?, ?, ?, ?)"
const RATINGS = "SELECT item_id, round, person_id, score, comment, at FROM deliberation_ratings WHERE item_id = ? ORDER BY at, person_id"
const FIND_RATING = "SELECT item_id, round, person_id, score, comment, at FROM deliberation_ratings WHERE item_id = ? AND round = ? AND person_id = ?"

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

const ORDER: Readonly<Record<BoardQuery["sort"], string>> = {
  raised: "raised_at DESC, id DESC",
  promised: "promised_key, id",
  progress: "progress, id",
  rating: "rating_key, id"
}

const decodeItem = Schema.decodeUnknownSync(DeliberationItem)

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
const decodeSession = Schema.decodeUnknownSync(Session)
const configs = countyConfigTable({
  table: "deliberation_configs",
  entity: "deliberation configuration",
  encode: Schema.encodeSync(DeliberationConfig),
  decode: Schema.decodeUnknownSync(DeliberationConfig)
})
const decodeRating = Schema.decodeUnknownSync(ItemRating)
type RatingRow = { item_id: string; round: number; person_id: string; score: number; comment: string | null; at: string }
const ratingOf = (r: RatingRow) => decodeRating({ itemId: r.item_id, round: r.round, personId: r.person_id, score: r.score, comment: r.comment, at: r.at })

/** The row of an item. */
export const itemRow = (i: DeliberationItem) => ({
  id: i.id,
  county_id: i.countyId,
  path: toPath(i.scope),
  parent_id: i.parentId,
  category: i.category,
  unit: i.unit?.code ?? "",
  state: i.state,
  status: i.status,
  raised_at: i.raisedAt,
  promised_key: i.promisedBy ?? "~",
  due_at: dueAtOf(i),
  progress: i.progress,
  rating_key: i.ratingCount === 0 ? 99 : i.ratingSum / i.ratingCount,
  taken_up: i.acceptedAt === null ? 0 : 1,
  on_time: onTimeOf(i),
  ratings: i.ratingCount,
  rating_sum: i.ratingSum,
  rating_high: i.ratingHigh,
  version: i.version,
  doc: JSON.stringify(i)
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
    where.push("due_at IS NOT NULL AND due_at <= ?")
    args.push(q.now)
  } else if (q.overdue === false) {
    where.push("(due_at IS NULL OR due_at > ?)")
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
  const itemOf = itemDecoder(2000)
  const items = (rows: ReadonlyArray<unknown>) => (rows as Array<{ doc: string }>).map((r) => itemOf(r.doc))

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
          s.prepare(INSERT_SESSION).run(session.id, session.countyId, toPath(session.scope), session.heldAt, session.version, JSON.stringify(session))
        } catch (error) {
          throw isUniqueViolation(error) ? conflict("duplicate_id", `deliberation session ${session.id} already exists`, `议事会议 ${session.id} 已存在`) : error
        }
      }),
    updateSession: (session, expectedVersion) =>
      write((s) => {
        if (s.prepare(UPDATE_SESSION).run(session.heldAt, session.version, JSON.stringify(session), session.id, expectedVersion).changes === 0) {
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
        return row === undefined ? Option.none() : Option.some(itemOf(row.doc))
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
    children: (parentId) => db.read((s) => items(s.prepare(CHILDREN).all(parentId))),

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
        const row = s.prepare(FIND_RATING).get(itemId, round, personId) as RatingRow | undefined
        return row === undefined ? Option.none() : Option.some(ratingOf(row))
      }),
    ratings: (itemId) => db.read((s) => (s.prepare(RATINGS).all(itemId) as Array<RatingRow>).map(ratingOf)),

    board: (q) =>
      db.read((s) => {
        const { args, sql } = boardSql(q)
        const limit = Math.max(1, Math.floor(q.limit))
        const rows = items(s.prepare(sql).all(...args))
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

// ---------------------------------------------------------------------------
// Migration 0011: people as the one identity, promised dates, public text

const PSN = /^psn_[0-9A-HJKMNP-TV-Z]{26}$/u

/** The names of the residents and people registered around a node, as `Directory.namesAround` reads them. */
const namesAroundNode = (db: BetterSqlite3.Database, nodeId: string): Array<string> => {
  const node = db.prepare("SELECT county_id, path, depth FROM nodes WHERE id = ?").get(nodeId) as { county_id: string; path: string; depth: number } | undefined
  if (node === undefined) return []
  const county = db.prepare("SELECT levels FROM counties WHERE id = ?").get(node.county_id) as { levels: string } | undefined
  const keys = county === undefined ? [] : (JSON.parse(county.levels) as ReadonlyArray<{ readonly key: string }>).map((l) => l.key)
  const depth = keys.indexOf("community") === -1 ? Math.min(2, Math.max(0, keys.length - 1)) : keys.indexOf("community")
  const root = node.depth > depth ? `/${fromPath(node.path).slice(0, depth + 1).join("/")}/` : node.path
  const names = new Set<string>()
  for (const r of db.prepare("SELECT p.name FROM nodes AS n CROSS JOIN people AS p WHERE n.path >= ? AND n.path < ? AND p.node_id = n.id").all(root, upperBound(root)) as Array<{ name: string }>) names.add(r.name)
  if (node.depth >= depth) {
    const rows = db.prepare("SELECT h.residents FROM nodes AS n CROSS JOIN households AS h WHERE n.path >= ? AND n.path < ? AND h.node_id = n.id AND h.status = 'active'").all(root, upperBound(root)) as Array<{ residents: string }>
    for (const r of rows) for (const resident of JSON.parse(r.residents) as ReadonlyArray<{ readonly name: string }>) names.add(resident.name)
  }
  return [...names]
}

type LegacyNamed = { readonly id?: string; readonly actorId?: string | null; readonly name: string; readonly phone?: string | null }

/** Someone recorded before 0.4: a person when the id is a registered person's, an outsider otherwise. */
const someoneOf = (db: BetterSqlite3.Database, legacy: LegacyNamed | { readonly _tag: string }): unknown => {
  if ("_tag" in legacy) return legacy
  const id = legacy.actorId ?? legacy.id ?? null
  const person = id !== null && PSN.test(id) ? (db.prepare("SELECT id, name FROM people WHERE id = ?").get(id) as { id: string; name: string } | undefined) : undefined
  return person === undefined ? { _tag: "Outside", name: legacy.name, phone: legacy.phone ?? null } : { _tag: "Person", personId: person.id, name: person.name }
}

/**
 * Migration `0011_deliberation_people`: ratings are keyed by person (`person_id`); ratings
 * by ids that are not registered people move to `deliberation_ratings_legacy` (the items'
 * rating counts keep them); every stored item and session is rewritten to the 0.4 model —
 * raisers and conveners become people (or outsiders recorded as such), a promise instant
 * becomes the promised date in the county's calendar with its due instant, and the public
 * text is redacted with the names around the item's node — and its columns recomputed.
 * Running items (taken up, unresolved) get their own index in promised order, so the board
 * of overdue items reads one page of it instead of the county's items.
 * Every rewritten document is decoded through the core schema, and every stored county
 * configuration is checked against the 0.4 rules: one that does not fit fails the
 * migration with the county and the fields named, and the migration then writes nothing.
 */
export const migrateDeliberationPeople = (db: BetterSqlite3.Database): void => {
  for (const row of db.prepare("SELECT county_id, config FROM deliberation_configs").all() as Array<{ county_id: string; config: string }>) {
    const checked = Schema.decodeUnknownResult(DeliberationConfig)(JSON.parse(row.config), { errors: "all" })
    if (checked._tag === "Failure") {
      throw new Error(`the deliberation configuration of county ${row.county_id} does not fit 0.4 (${fromSchemaError(checked.failure).message}); correct it in deliberation_configs and open the database again`)
    }
  }
  db.exec(`
ALTER TABLE deliberation_ratings RENAME COLUMN resident_id TO person_id;
CREATE TABLE deliberation_ratings_legacy (
  item_id   TEXT NOT NULL REFERENCES deliberation_items (id),
  round     INTEGER NOT NULL,
  rater_id  TEXT NOT NULL,
  score     INTEGER NOT NULL,
  comment   TEXT,
  at        TEXT NOT NULL,
  PRIMARY KEY (item_id, round, rater_id)
) STRICT, WITHOUT ROWID;
INSERT INTO deliberation_ratings_legacy (item_id, round, rater_id, score, comment, at)
  SELECT item_id, round, person_id, score, comment, at FROM deliberation_ratings WHERE person_id NOT IN (SELECT id FROM people);
DELETE FROM deliberation_ratings WHERE person_id NOT IN (SELECT id FROM people);
-- The running items of a county in promised order, with their due instants: the overdue board.
CREATE INDEX deliberation_items_due ON deliberation_items (county_id, promised_key, id, due_at) WHERE due_at IS NOT NULL;
`)
  const zoneOf = (countyId: string): string =>
    (db.prepare("SELECT time_zone FROM counties WHERE id = ?").get(countyId) as { time_zone: string } | undefined)?.time_zone ?? DEFAULT_TIME_ZONE
  const sessions = db.prepare("SELECT id, doc FROM deliberation_sessions").all() as Array<{ id: string; doc: string }>
  const putSession = db.prepare("UPDATE deliberation_sessions SET doc = ? WHERE id = ?")
  for (const row of sessions) {
    const doc = JSON.parse(row.doc) as Record<string, unknown> & { convener: LegacyNamed }
    const next = decodeSession({ ...doc, convener: someoneOf(db, doc.convener) })
    putSession.run(JSON.stringify(next), row.id)
  }
  const items = db.prepare("SELECT id, doc FROM deliberation_items").all() as Array<{ id: string; doc: string }>
  const putItem = db.prepare(UPDATE_ITEM.replace(" AND version = @expected_version", ""))
  for (const row of items) {
    const doc = JSON.parse(row.doc) as Record<string, unknown>
    if ("public" in doc) continue
    const old = doc as Record<string, unknown> & {
      countyId: string
      nodeId: string
      raisedBy: LegacyNamed
      title: string
      answer: string | null
      unit: { name: string } | null
      milestones: ReadonlyArray<{ note: string }>
      resolution: string | null
      declineReason: string | null
      promisedAt?: string | null
    }
    const zone = zoneOf(old.countyId)
    const raisedBy = someoneOf(db, old.raisedBy) as { name: string }
    const redact = redactorFor([raisedBy.name, ...namesAroundNode(db, old.nodeId)])
    const promisedBy = old.promisedAt == null ? null : localDate(old.promisedAt, zone)
    const { promisedAt: _, ...rest } = old
    const next = decodeItem({
      ...rest,
      raisedBy,
      responsible: null,
      promisedBy,
      dueAt: promisedBy === null ? null : startOfDate(addDays(promisedBy, 1), zone),
      public: {
        title: redact(old.title),
        answer: old.answer === null ? null : redact(old.answer),
        unit: old.unit === null ? null : redact(old.unit.name),
        milestones: old.milestones.map((m) => redact(m.note)),
        resolution: old.resolution === null ? null : redact(old.resolution),
        declineReason: old.declineReason === null ? null : redact(old.declineReason)
      }
    })
    putItem.run(itemRow(next))
  }
}
