/**
 * The activities port on SQLite: each activity and team whole as JSON in `doc`, with the
 * path (subtree ranges), start, kind, team and status beside it for the queries. A
 * registration rewrites the activity at its version, so of two registrations for the last
 * place exactly one commits.
 */
import { ActivitiesStore, type ActivityQuery, type Conflict, type StorageError } from "@mulin/core"
import { activityTeams, serviceActivities } from "@mulin/sql"
import { Effect } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { documentTable, Filter } from "../kernel/documents.js"
import { conflictsOnly } from "../kernel/errors.js"
import { allRows, raw } from "../kernel/statements.js"

const activities = documentTable(serviceActivities)
const teams = documentTable(activityTeams)
const OF_TEAM = raw<{ readonly doc: string }>("SELECT doc FROM activities WHERE team_id = ? ORDER BY id")

/** The filter of a subtree and period. */
const periodFilter = (q: ActivityQuery): Filter => {
  const filter = new Filter(q.scope)
  if (q.from !== undefined) filter.add("starts_at >= ?", q.from)
  if (q.to !== undefined) filter.add("starts_at < ?", q.to)
  return filter
}

/** Makes the activities store over an open database. */
export const makeActivitiesStore = (db: SqliteDatabase["Service"]): ActivitiesStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)
  return ActivitiesStore.of({
    getActivity: (id) => db.read((s) => activities.get(s, id)),
    insertActivity: (a) => write((s) => activities.insert(s, a)),
    updateActivity: (a, expected) => write((s) => activities.update(s, a, expected)),
    listActivities: (q) => db.read((s) => activities.page(s, periodFilter(q), q.after, q.limit)),
    activitiesIn: (q) =>
      db.read((s) => {
        const filter = periodFilter(q)
        return activities.decodeAll(allRows(s, raw<{ readonly doc: string }>(`SELECT doc FROM activities WHERE ${filter.sql} ORDER BY id`), ...filter.args))
      }),
    activitiesOfTeam: (teamId) => db.read((s) => activities.decodeAll(allRows(s, OF_TEAM, teamId))),
    getTeam: (id) => db.read((s) => teams.get(s, id)),
    insertTeam: (t) => write((s) => teams.insert(s, t)),
    updateTeam: (t, expected) => write((s) => teams.update(s, t, expected)),
    listTeams: ({ after, limit, scope }) => db.read((s) => teams.page(s, new Filter(scope), after, limit))
  })
}
