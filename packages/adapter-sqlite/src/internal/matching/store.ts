/**
 * The matching port on SQLite. Needs, profiles and teams are stored whole, as JSON in
 * `doc` (decoded through the core schemas when read back), beside the columns the
 * listings need; every write checks the stored version in its `WHERE` clause, so of two
 * claims read at the same version only one can commit.
 */
import { applyWork, type Conflict, duplicateId, MatchingConfig, MatchingStore, Need, type NeedQuery, staleVersion, type StorageError, Team, Volunteer } from "@mulin/core"
import { Effect, Option, Schema } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { conflictsOnly, isUniqueViolation } from "../kernel/errors.js"
import { scopeRange, toPath } from "../kernel/paths.js"

const encodeNeed = Schema.encodeSync(Need)
const decodeNeed = Schema.decodeUnknownSync(Need)
const encodeVolunteer = Schema.encodeSync(Volunteer)
const decodeVolunteer = Schema.decodeUnknownSync(Volunteer)
const encodeTeam = Schema.encodeSync(Team)
const decodeTeam = Schema.decodeUnknownSync(Team)
const configs = countyConfigTable({
  table: "matching_configs",
  entity: "matching configuration",
  encode: Schema.encodeSync(MatchingConfig),
  decode: Schema.decodeUnknownSync(MatchingConfig)
})

const needRow = (n: Need) => ({
  id: n.id,
  county_id: n.countyId,
  path: toPath(n.scope),
  state: n.state,
  status: n.status,
  category: n.category,
  due_at: n.dueAt,
  version: n.version,
  doc: JSON.stringify(encodeNeed(n))
})

const INSERT_NEED = "INSERT INTO matching_needs (id, county_id, path, state, status, category, due_at, version, doc) VALUES (@id, @county_id, @path, @state, @status, @category, @due_at, @version, @doc)"
const UPDATE_NEED = "UPDATE matching_needs SET path = @path, state = @state, status = @status, category = @category, due_at = @due_at, version = @version, doc = @doc WHERE id = @id AND version = @expected"



/** Makes the matching store over an open database. */
export const makeMatchingStore = (db: SqliteDatabase["Service"]): MatchingStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)

  /** Inserts (expected 0) or updates a versioned row of `table`. */
  const versioned = (s: StatementSource, table: string, key: string, entity: string, id: string, columns: Record<string, string | number>, expected: number) => {
    const names = Object.keys(columns)
    if (expected === 0) {
      try {
        s.prepare(`INSERT INTO ${table} (${key}, ${names.join(", ")}) VALUES (@${key}, ${names.map((c) => `@${c}`).join(", ")})`).run({ ...columns, [key]: id })
      } catch (error) {
        throw isUniqueViolation(error) ? duplicateId(entity, id) : error
      }
      return
    }
    const sql = `UPDATE ${table} SET ${names.map((c) => `${c} = @${c}`).join(", ")} WHERE ${key} = @${key} AND version = @expected`
    if (s.prepare(sql).run({ ...columns, [key]: id, expected }).changes === 0) {
      const row = s.prepare(`SELECT version FROM ${table} WHERE ${key} = ?`).get(id) as { version: number } | undefined
      throw staleVersion(entity, id, expected, row?.version ?? 0)
    }
  }

  const listNeeds = (s: StatementSource, q: NeedQuery) => {
    const limit = Math.max(1, Math.floor(q.limit))
    const where: Array<string> = []
    const args: Array<unknown> = []
    if (q.scope.length === 1) {
      where.push("county_id = ?")
      args.push(q.scope[0])
    } else {
      const [lo, hi] = scopeRange(q.scope)
      where.push("path >= ?", "path < ?")
      args.push(lo, hi)
    }
    if (q.states !== undefined) {
      where.push(`state IN (${q.states.map(() => "?").join(", ") || "NULL"})`)
      args.push(...q.states)
    }
    if (q.status !== undefined) {
      where.push("status = ?")
      args.push(q.status)
    }
    if (q.category !== undefined) {
      where.push("category = ?")
      args.push(q.category)
    }
    where.push("id > ?")
    args.push(q.after ?? "")
    const rows = s.prepare(`SELECT id, doc FROM matching_needs WHERE ${where.join(" AND ")} ORDER BY id LIMIT ?`).all(...args, limit + 1) as Array<{ id: string; doc: string }>
    const more = rows.length > limit
    const page = more ? rows.slice(0, limit) : rows
    return { items: page.map((r) => decodeNeed(JSON.parse(r.doc))), next: more ? page[page.length - 1]!.id : null }
  }

  return MatchingStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),
    saveConfig: (config, expectedVersion) => write((s) => configs.save(s, config, expectedVersion)),

    getNeed: (id) =>
      db.read((s) => {
        const row = s.prepare("SELECT doc FROM matching_needs WHERE id = ?").get(id) as { doc: string } | undefined
        return row === undefined ? Option.none() : Option.some(decodeNeed(JSON.parse(row.doc)))
      }),
    insertNeed: (n) =>
      write((s) => {
        try {
          s.prepare(INSERT_NEED).run(needRow(n))
        } catch (error) {
          throw isUniqueViolation(error) ? duplicateId("need", n.id) : error
        }
      }),
    updateNeed: (n, expectedVersion) =>
      write((s) => {
        if (s.prepare(UPDATE_NEED).run({ ...needRow(n), expected: expectedVersion }).changes === 0) {
          const row = s.prepare("SELECT version FROM matching_needs WHERE id = ?").get(n.id) as { version: number } | undefined
          throw staleVersion("need", n.id, expectedVersion, row?.version ?? 0)
        }
      }),
    listNeeds: (q) => db.read((s) => listNeeds(s, q)),

    getVolunteers: (ids) =>
      db.read((s) => {
        if (ids.length === 0) return []
        const out: Array<Volunteer> = []
        // In chunks, under SQLite's limit on bound parameters.
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500)
          const rows = s.prepare(`SELECT doc FROM matching_volunteers WHERE person_id IN (${chunk.map(() => "?").join(", ")})`).all(...chunk) as Array<{ doc: string }>
          for (const r of rows) out.push(decodeVolunteer(JSON.parse(r.doc)))
        }
        return out
      }),
    saveVolunteer: (v, expectedVersion) =>
      write((s) =>
        versioned(s, "matching_volunteers", "person_id", "volunteer", v.personId, {
          county_id: v.countyId,
          path: toPath(v.homeScope),
          version: v.version,
          doc: JSON.stringify(encodeVolunteer(v))
        }, expectedVersion)),
    recordWork: (updates) =>
      db.write((s) => {
        const get = s.prepare("SELECT doc FROM matching_volunteers WHERE person_id = ?")
        const put = s.prepare("UPDATE matching_volunteers SET doc = ? WHERE person_id = ?")
        for (const u of updates) {
          const row = get.get(u.personId) as { doc: string } | undefined
          if (row === undefined) continue
          put.run(JSON.stringify(encodeVolunteer(applyWork(decodeVolunteer(JSON.parse(row.doc)), u))), u.personId)
        }
      }),
    listVolunteers: (q) =>
      db.read((s) => {
        const limit = Math.max(1, Math.floor(q.limit))
        const [lo, hi] = scopeRange(q.scope)
        const rows = s.prepare("SELECT person_id, doc FROM matching_volunteers WHERE path >= ? AND path < ? AND person_id > ? ORDER BY person_id LIMIT ?")
          .all(lo, hi, q.after ?? "", limit + 1) as Array<{ person_id: string; doc: string }>
        const more = rows.length > limit
        const page = more ? rows.slice(0, limit) : rows
        return { items: page.map((r) => decodeVolunteer(JSON.parse(r.doc))), next: more ? page[page.length - 1]!.person_id : null }
      }),

    getTeam: (id) =>
      db.read((s) => {
        const row = s.prepare("SELECT doc FROM matching_teams WHERE id = ?").get(id) as { doc: string } | undefined
        return row === undefined ? Option.none() : Option.some(decodeTeam(JSON.parse(row.doc)))
      }),
    saveTeam: (t, expectedVersion) =>
      write((s) => versioned(s, "matching_teams", "id", "volunteer team", t.id, { county_id: t.countyId, version: t.version, doc: JSON.stringify(encodeTeam(t)) }, expectedVersion)),
    listTeams: (countyId) =>
      db.read((s) =>
        (s.prepare("SELECT doc FROM matching_teams WHERE county_id = ? ORDER BY id").all(countyId) as Array<{ doc: string }>).map((r) => decodeTeam(JSON.parse(r.doc))))
  })
}
