/**
 * The activities port on PostgreSQL: each activity and team whole as JSON in `doc`. A
 * registration rewrites the activity at its version, so of two registrations for the last
 * place exactly one commits.
 */
import { ActivitiesStore, type ActivityQuery } from "@mulin/core"
import { activityTeams, serviceActivities } from "@mulin/sql"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { documentTable, Filter } from "../kernel/documents.js"

/** The filter of a subtree and period. */
const periodFilter = (q: ActivityQuery): Filter => {
  const filter = new Filter(q.scope)
  if (q.from !== undefined) filter.add("starts_at >= ?", q.from)
  if (q.to !== undefined) filter.add("starts_at < ?", q.to)
  return filter
}

/** Makes the activities store over an open database. */
export const makeActivitiesStore = (db: PostgresDatabase["Service"]): ActivitiesStore["Service"] => {
  const activities = documentTable(db, serviceActivities)
  const teams = documentTable(db, activityTeams)
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
