/**
 * Migration `0011_deliberation_people`: people as the one identity, promised dates and
 * public text for the stored deliberation items and sessions. The shapes it writes are
 * those of 0.4.0; later versions migrate from them.
 */
import { addDays, DEFAULT_TIME_ZONE, DeliberationConfig, fromSchemaError, localDate, redactorFor, startOfDate } from "@mulin/core"
import { decodeItem, decodeSession, itemRow } from "@mulin/sql"
import type BetterSqlite3 from "better-sqlite3"
import { Schema } from "effect"
import { fromPath, upperBound } from "../kernel/paths.js"

const ITEM_COLUMNS = [
  "id", "county_id", "path", "parent_id", "category", "unit", "state", "status", "raised_at", "promised_key", "due_at", "progress",
  "rating_key", "taken_up", "on_time", "ratings", "rating_sum", "rating_high", "version", "doc"
] as const

const UPDATE_ITEM = `UPDATE deliberation_items SET ${ITEM_COLUMNS.filter((c) => c !== "id").map((c) => `${c} = @${c}`).join(", ")} WHERE id = @id AND version = @expected_version`
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
