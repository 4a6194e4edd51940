/**
 * The matching port on PostgreSQL: needs, profiles and teams whole as JSON in `doc`; every
 * write checks the stored version in its `WHERE` clause, so of two claims read at the same
 * version only one commits (the other's unit of work fails to serialise, runs again, and
 * then finds the need taken).
 */
import { applyWork, MatchingConfig, MatchingStore, Need, Team, Volunteer } from "@mulin/core"
import { Effect, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"
import { toPath } from "../kernel/paths.js"

const encodeNeed = Schema.encodeSync(Need)
const decodeNeed = Schema.decodeUnknownSync(Need)
const encodeVolunteer = Schema.encodeSync(Volunteer)
const decodeVolunteer = Schema.decodeUnknownSync(Volunteer)
const encodeTeam = Schema.encodeSync(Team)
const decodeTeam = Schema.decodeUnknownSync(Team)

/** Makes the matching store over an open database. */
export const makeMatchingStore = (db: PostgresDatabase["Service"]): MatchingStore["Service"] => {
  const configs = configTable(db, { table: "matching_configs", entity: "matching configuration", encode: Schema.encodeSync(MatchingConfig), decode: Schema.decodeUnknownSync(MatchingConfig) })
  const needs = documentTable(db, {
    table: "matching_needs",
    entity: "need",
    id: (n: Need) => n.id,
    row: (n) => ({ county_id: n.countyId, id: n.id, path: toPath(n.scope), state: n.state, status: n.status, category: n.category, due_at: n.dueAt, version: n.version, doc: JSON.stringify(encodeNeed(n)) }),
    decode: (doc) => decodeNeed(JSON.parse(doc))
  })
  const volunteers = documentTable(db, {
    table: "matching_volunteers",
    key: "person_id",
    entity: "volunteer",
    id: (v: Volunteer) => v.personId,
    row: (v) => ({ county_id: v.countyId, person_id: v.personId, path: toPath(v.homeScope), version: v.version, doc: JSON.stringify(encodeVolunteer(v)) }),
    decode: (doc) => decodeVolunteer(JSON.parse(doc))
  })
  const teams = documentTable(db, {
    table: "matching_teams",
    entity: "volunteer team",
    id: (t: Team) => t.id,
    row: (t) => ({ county_id: t.countyId, id: t.id, version: t.version, doc: JSON.stringify(encodeTeam(t)) }),
    decode: (doc) => decodeTeam(JSON.parse(doc))
  })

  return MatchingStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    getNeed: needs.get,
    insertNeed: needs.insert,
    updateNeed: needs.update,
    listNeeds: (q) => {
      const filter = new Filter(q.scope).any("state", q.states).eq("status", q.status).eq("category", q.category)
      if (q.dueBefore !== undefined) filter.add("due_at < ?", q.dueBefore)
      return needs.page(filter, q.after, q.limit)
    },
    getVolunteers: volunteers.getMany,
    saveVolunteer: volunteers.save,
    recordWork: (updates) =>
      db.write(Effect.forEach(updates, (u) =>
        Effect.flatMap(volunteers.get(u.personId), (found) =>
          found._tag === "None"
            ? Effect.void
            : db.change("UPDATE matching_volunteers SET doc = $3 WHERE county_id = $1 AND person_id = $2", [
              found.value.countyId,
              u.personId,
              JSON.stringify(encodeVolunteer(applyWork(found.value, u)))
            ]).pipe(Effect.asVoid)), { discard: true })),
    listVolunteers: (q) => volunteers.page(new Filter(q.scope), q.after, q.limit),
    getTeam: teams.get,
    saveTeam: teams.save,
    listTeams: (countyId) => teams.where(new Filter([countyId]))
  })
}
