/**
 * The matching port on SQLite. Needs, profiles and teams are stored whole, as JSON in
 * `doc` (decoded through the core schemas when read back), beside the columns the
 * listings need; every write checks the stored version in its `WHERE` clause, so of two
 * claims read at the same version only one can commit.
 */
import { applyWork, type Conflict, MatchingStore, type NeedQuery, type StorageError, Volunteer } from "@mulin/core"
import { matchingConfigs, matchingNeeds, matchingTeams, matchingVolunteers } from "@mulin/sql"
import { Effect, Schema } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { documentTable, Filter } from "../kernel/documents.js"
import { conflictsOnly } from "../kernel/errors.js"
import { allRows, getRow, raw } from "../kernel/statements.js"
import { scopeRange } from "../kernel/paths.js"

const encodeVolunteer = Schema.encodeSync(Volunteer)
const decodeVolunteer = Schema.decodeUnknownSync(Volunteer)
const configs = countyConfigTable(matchingConfigs)

const needs = documentTable(matchingNeeds)
const volunteers = documentTable(matchingVolunteers)
const teams = documentTable(matchingTeams)

const VOLUNTEER_DOC = raw<{ readonly doc: string }>("SELECT doc FROM matching_volunteers WHERE person_id = ?")
const VOLUNTEER_PAGE = raw<{ readonly person_id: string; readonly doc: string }>(
  "SELECT person_id, doc FROM matching_volunteers WHERE path >= ? AND path < ? AND person_id > ? ORDER BY person_id LIMIT ?"
)
const TEAMS = raw<{ readonly doc: string }>("SELECT doc FROM matching_teams WHERE county_id = ? ORDER BY id")

/** Makes the matching store over an open database. */
export const makeMatchingStore = (db: SqliteDatabase["Service"]): MatchingStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)

  const listNeeds = (s: StatementSource, q: NeedQuery) => {
    const filter = new Filter(q.scope)
    if (q.states !== undefined) filter.add(`state IN (${q.states.map(() => "?").join(", ") || "NULL"})`, ...q.states)
    filter.eq("status", q.status).eq("category", q.category)
    if (q.dueBefore !== undefined) filter.add("due_at < ?", q.dueBefore)
    return needs.page(s, filter, q.after, q.limit)
  }

  return MatchingStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),
    saveConfig: (config, expectedVersion) => write((s) => configs.save(s, config, expectedVersion)),

    getNeed: (id) => db.read((s) => needs.get(s, id)),
    insertNeed: (n) => write((s) => needs.insert(s, n)),
    updateNeed: (n, expectedVersion) => write((s) => needs.update(s, n, expectedVersion)),
    listNeeds: (q) => db.read((s) => listNeeds(s, q)),

    getVolunteers: (ids) =>
      db.read((s) => {
        if (ids.length === 0) return []
        const out: Array<Volunteer> = []
        // In chunks, under SQLite's limit on bound parameters.
        for (let i = 0; i < ids.length; i += 500) {
          const chunk = ids.slice(i, i + 500)
          out.push(...volunteers.decodeAll(allRows(s, raw<{ readonly doc: string }>(`SELECT doc FROM matching_volunteers WHERE person_id IN (${chunk.map(() => "?").join(", ")})`), ...chunk)))
        }
        return out
      }),
    saveVolunteer: (v, expectedVersion) => write((s) => volunteers.save(s, v, expectedVersion)),
    recordWork: (updates) =>
      db.write((s) => {
        const put = s.prepare("UPDATE matching_volunteers SET doc = ? WHERE person_id = ?")
        for (const u of updates) {
          const row = getRow(s, VOLUNTEER_DOC, u.personId)
          if (row === undefined) continue
          put.run(JSON.stringify(encodeVolunteer(applyWork(decodeVolunteer(JSON.parse(row.doc)), u))), u.personId)
        }
      }),
    listVolunteers: (q) =>
      db.read((s) => {
        const limit = Math.max(1, Math.floor(q.limit))
        const [lo, hi] = scopeRange(q.scope)
        const rows = allRows(s, VOLUNTEER_PAGE, lo, hi, q.after ?? "", limit + 1)
        const more = rows.length > limit
        const page = more ? rows.slice(0, limit) : rows
        return { items: volunteers.decodeAll(page), next: more ? page[page.length - 1]!.person_id : null }
      }),

    getTeam: (id) => db.read((s) => teams.get(s, id)),
    saveTeam: (t, expectedVersion) => write((s) => teams.save(s, t, expectedVersion)),
    listTeams: (countyId) => db.read((s) => teams.decodeAll(allRows(s, TEAMS, countyId)))
  })
}
