/** Activities' rows: activities and teams, whole as JSON in `doc`. */
import { ActivityTeam, ServiceActivity } from "@mulin/core"
import { Schema } from "effect"
import { toPath } from "./paths.js"
import { documentShape } from "./shape.js"

const decodeActivity = Schema.decodeUnknownSync(ServiceActivity)
const decodeTeam = Schema.decodeUnknownSync(ActivityTeam)

/**
 * The table of activities.
 *
 * @category activities
 * @since 0.5.0
 */
export const serviceActivities = documentShape({
  table: "activities",
  entity: "activity",
  id: (a: ServiceActivity) => a.id,
  row: (a) => ({ id: a.id, county_id: a.countyId, path: toPath(a.scope), kind: a.kind, team_id: a.teamId, starts_at: a.startsAt, status: a.status, version: a.version, doc: JSON.stringify(a) }),
  decode: (doc) => decodeActivity(JSON.parse(doc))
})

/**
 * The table of volunteer and lecture teams.
 *
 * @category activities
 * @since 0.5.0
 */
export const activityTeams = documentShape({
  table: "activity_teams",
  entity: "team",
  id: (t: ActivityTeam) => t.id,
  row: (t) => ({ id: t.id, county_id: t.countyId, path: toPath(t.scope), version: t.version, doc: JSON.stringify(t) }),
  decode: (doc) => decodeTeam(JSON.parse(doc))
})
