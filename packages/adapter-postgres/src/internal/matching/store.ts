/**
 * The matching port on PostgreSQL: needs, profiles and teams whole as JSON in `doc`; every
 * write checks the stored version in its `WHERE` clause, so of two claims read at the same
 * version only one commits (the other's unit of work fails to serialise, runs again, and
 * then finds the need taken).
 */
import { applyWork, MatchingStore, Volunteer } from "@mulin/core"
import { matchingConfigs, matchingNeeds, matchingTeams, matchingVolunteers } from "@mulin/sql"
import { Effect, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"

const encodeVolunteer = Schema.encodeSync(Volunteer)

/** Makes the matching store over an open database. */
export const makeMatchingStore = (db: PostgresDatabase["Service"]): MatchingStore["Service"] => {
  const configs = configTable(db, matchingConfigs)
  const needs = documentTable(db, matchingNeeds)
  const volunteers = documentTable(db, matchingVolunteers)
  const teams = documentTable(db, matchingTeams)

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
