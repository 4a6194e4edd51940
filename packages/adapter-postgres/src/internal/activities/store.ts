/**
 * The activities port on PostgreSQL: each activity and team whole as JSON in `doc`. A
 * registration rewrites the activity at its version, so of two registrations for the last
 * place exactly one commits.
 */
import { ActivitiesStore, ActivityTeam, type ActivityQuery, ServiceActivity } from "@mulin/core"
import { Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { documentTable, Filter } from "../kernel/documents.js"
import { toPath } from "../kernel/paths.js"

const decodeActivity = Schema.decodeUnknownSync(ServiceActivity)
const decodeTeam = Schema.decodeUnknownSync(ActivityTeam)

/** The filter of a subtree and period. */
const periodFilter = (q: ActivityQuery): Filter => {
  const filter = new Filter(q.scope)
  if (q.from !== undefined) filter.add("starts_at >= ?", q.from)
  if (q.to !== undefined) filter.add("starts_at < ?", q.to)
  return filter
}

/** Makes the activities store over an open database. */
export const makeActivitiesStore = (db: PostgresDatabase["Service"]): ActivitiesStore["Service"] => {
  const activities = documentTable(db, {
    table: "activities",
    entity: "activity",
    id: (a: ServiceActivity) => a.id,
    row: (a) => ({ county_id: a.countyId, id: a.id, path: toPath(a.scope), kind: a.kind, team_id: a.teamId, starts_at: a.startsAt, status: a.status, version: a.version, doc: JSON.stringify(a) }),
    decode: (doc) => decodeActivity(JSON.parse(doc))
  })
  const teams = documentTable(db, {
    table: "activity_teams",
    entity: "team",
    id: (t: ActivityTeam) => t.id,
    row: (t) => ({ county_id: t.countyId, id: t.id, path: toPath(t.scope), version: t.version, doc: JSON.stringify(t) }),
    decode: (doc) => decodeTeam(JSON.parse(doc))
  })
  return ActivitiesStore.of({
    getActivity: activities.get,
    insertActivity: activities.insert,
    updateActivity: activities.update,
    listActivities: (q) => activities.page(periodFilter(q), q.after, q.limit),
    activitiesIn: (q) => activities.where(periodFilter(q)),
    activitiesOfTeam: (teamId) => activities.where(new Filter().eq("team_id", teamId)),
    getTeam: teams.get,
    insertTeam: teams.insert,
    updateTeam: teams.update,
    listTeams: ({ after, limit, scope }) => teams.page(new Filter(scope), after, limit)
  })
}
