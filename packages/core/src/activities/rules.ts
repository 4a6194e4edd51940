/**
 * The activities context's pure policy: the kinds' names, the feed projection of events,
 * the view a caller gets of an activity, the report of a subtree and period in the county's
 * calendar, and a team's service hours.
 *
 * @since 0.5.0
 */
import type { Recorded } from "../kernel/decider.js"
import type { GridNodeId, PersonId } from "../kernel/ids.js"
import { type CalendarDate, localMonth } from "../kernel/time.js"
import type { Labels } from "../kernel/vocabulary.js"
import { CHECK_IN_ATTEMPTS } from "./machine.js"
import type { ActivityEvent, ActivityKind, ActivityRoster, ActivityTeam, ServiceActivity, TeamEvent } from "./model.js"
import type { ActivityReport, ActivityView, TeamHours } from "./views.js"

/**
 * The names of the kinds of activity.
 *
 * @category models
 * @since 0.5.0
 */
export const activityKindLabels: Labels<ActivityKind> = {
  neighbourhood_festival: { zh: "睦邻节", en: "neighbourhood festival" },
  neighbourhood_fair: { zh: "睦邻大集", en: "neighbourhood fair" },
  charity_market: { zh: "公益市集", en: "charity market" },
  night_school: { zh: "夜校", en: "night school" },
  festival: { zh: "节日活动", en: "festival event" },
  lecture: { zh: "宣讲", en: "lecture" },
  volunteer_service: { zh: "志愿服务", en: "volunteer service" }
}

/**
 * How an activity event reads in the log: counts, never a person.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordActivityEvent = (event: ActivityEvent, after: ServiceActivity): Recorded => {
  const type = `activities.activity.${event.type}`
  const lists = { registered: after.registered.length, waiting: after.waiting.length }
  switch (event.type) {
    case "planned":
      return { type, scope: after.scope, payload: { kind: after.kind, nodeId: after.nodeId, teamId: after.teamId } }
    case "registered":
    case "waitlisted":
    case "withdrawn":
    case "promoted":
      return { type, scope: after.scope, payload: lists }
    case "checked_in":
      return { type, scope: after.scope, payload: { attended: after.attended.length, by: event.by } }
    case "code_rejected":
      return { type, scope: after.scope, payload: { locked: event.attempts >= CHECK_IN_ATTEMPTS } }
    case "code_reissued":
      return { type, scope: after.scope, payload: {} }
    case "hours_recorded":
      return { type, scope: after.scope, payload: { members: event.hours.length } }
    case "cancelled":
      return { type, scope: after.scope, payload: {} }
    case "completed":
      return { type, scope: after.scope, payload: { attended: after.attended.length } }
  }
}

/**
 * How a team event reads in the log.
 *
 * @category rules
 * @since 0.5.0
 */
export const recordTeamEvent = (event: TeamEvent, after: ActivityTeam): Recorded => ({
  type: `activities.team.${event.type}`,
  scope: after.scope,
  payload: event.type === "formed" ? { kind: after.kind, nodeId: after.nodeId, members: after.members.length } : event.type === "changed" ? { members: after.members.length } : {}
})

/**
 * The view of an activity for a caller (`me`); `code`, the check-in code, only in the answer
 * to the staff who just issued it (it is stored as a hash and shown nowhere else).
 *
 * @category rules
 * @since 0.5.0
 */
export const activityView = (a: ServiceActivity, me: string, code?: string): ActivityView => {
  const registered = a.registered.findIndex((e) => e.personId === me)
  const waiting = a.waiting.findIndex((e) => e.personId === me)
  return {
    id: a.id,
    nodeId: a.nodeId,
    placeId: a.placeId,
    kind: a.kind,
    title: a.title,
    topic: a.topic,
    teamId: a.teamId,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    capacity: a.capacity,
    status: a.status,
    registered: a.registered.length,
    waiting: a.waiting.length,
    attended: a.attended.length,
    mine: registered >= 0 ? { list: "registered", position: registered + 1 } : waiting >= 0 ? { list: "waiting", position: waiting + 1 } : null,
    attendedByMe: a.attended.some((e) => e.personId === me),
    checkInCode: code ?? null,
    checkInLocked: (a.wrongCodes.find((w) => w.personId === me)?.attempts ?? 0) >= CHECK_IN_ATTEMPTS,
    version: a.version
  }
}

/**
 * An activity as its managers read it: without the check-in code's hash and salt.
 *
 * @category rules
 * @since 0.5.0
 */
export const activityRoster = ({ codeHash: _h, codeSalt: _s, ...rest }: ServiceActivity): ActivityRoster => rest

const bump = <K>(map: Map<K, { activities: number; personTimes: number }>, key: K, personTimes: number) => {
  const row = map.get(key) ?? { activities: 0, personTimes: 0 }
  row.activities++
  row.personTimes += personTimes
  map.set(key, row)
}
const sortedBy = <K extends string>(map: Map<K, { activities: number; personTimes: number }>) => [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))

/**
 * The report of the activities of a subtree (whose root's path, root last, is `rootPath`)
 * that started in the period: activities, person-times (one per person per activity),
 * distinct residents, registrations and service hours, by kind, by month of the county's
 * calendar (`zone`) and by the node right below the root. Cancelled activities do not count.
 *
 * @category rules
 * @since 0.5.0
 */
export const activityReportOf = (
  rootPath: ReadonlyArray<GridNodeId>,
  period: { readonly from: CalendarDate | null; readonly to: CalendarDate | null },
  zone: string,
  activities: ReadonlyArray<ServiceActivity>
): ActivityReport => {
  const byKind = new Map<ActivityKind, { activities: number; personTimes: number }>()
  const byMonth = new Map<string, { activities: number; personTimes: number }>()
  const byChild = new Map<GridNodeId, { activities: number; personTimes: number }>()
  const people = new Set<PersonId>()
  let count = 0
  let personTimes = 0
  let registrations = 0
  let serviceHours = 0
  for (const a of activities) {
    if (a.status === "cancelled") continue
    const n = a.attended.length
    count++
    personTimes += n
    registrations += a.registered.length
    for (const h of a.hours) serviceHours += h.hours
    for (const e of a.attended) people.add(e.personId)
    bump(byKind, a.kind, n)
    bump(byMonth, localMonth(a.startsAt, zone), n)
    const child = a.scope[rootPath.length]
    if (child !== undefined) bump(byChild, child, n)
  }
  return {
    rootId: rootPath[rootPath.length - 1]!,
    from: period.from,
    to: period.to,
    activities: count,
    personTimes,
    distinctResidents: people.size,
    registrations,
    serviceHours,
    byKind: sortedBy(byKind).map(([kind, c]) => ({ kind, ...c })),
    byMonth: sortedBy(byMonth).map(([month, c]) => ({ month, ...c })),
    byChild: sortedBy(byChild).map(([nodeId, c]) => ({ nodeId, ...c }))
  }
}

/**
 * A team's service hours per member over its activities (cancelled ones excluded).
 *
 * @category rules
 * @since 0.5.0
 */
export const teamHoursOf = (team: ActivityTeam, activities: ReadonlyArray<ServiceActivity>): TeamHours => {
  const live = activities.filter((a) => a.status !== "cancelled" && a.teamId === team.id)
  const members = team.members.map((m) => {
    const given = live.flatMap((a) => a.hours.filter((h) => h.personId === m.personId))
    return { ...m, hours: given.reduce((s, h) => s + h.hours, 0), activities: given.length }
  })
  return { teamId: team.id, members, totalHours: live.reduce((s, a) => s + a.hours.reduce((t, h) => t + h.hours, 0), 0), activities: live.length }
}
