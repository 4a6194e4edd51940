/**
 * The in-memory activities store: the reference implementation of `ActivitiesStore`, on the
 * unit of work of the in-memory store (`layerMemory`).
 *
 * @since 0.5.0
 */
import { Exit } from "effect"
import type { ActivityTeam, ServiceActivity } from "../activities/model.js"
import { type ActivityQuery, ActivitiesStore } from "../activities/store.js"
import { inScope, versionedDocuments } from "./documents.js"
import type { MemoryKit } from "./kit.js"

const page = <A extends { readonly id: string }>(found: ReadonlyArray<A>, after: string | undefined, limit: number) => {
  const rest = found.filter((x) => after === undefined || x.id > after).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  const n = Math.max(1, Math.floor(limit))
  const items = rest.slice(0, n)
  return { items, next: rest.length > n ? items[items.length - 1]!.id : null }
}

/**
 * Builds the in-memory `ActivitiesStore` on the in-memory store's kit.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeMemoryActivitiesStore = (kit: MemoryKit): ActivitiesStore["Service"] => {
  const activities = versionedDocuments<ServiceActivity>(kit, "activity", (a) => a.id)
  const teams = versionedDocuments<ActivityTeam>(kit, "team", (t) => t.id)
  const read = <A>(f: () => A) => kit.op(() => Exit.succeed(f()))
  const inPeriod = (q: ActivityQuery) => [...activities.docs.values()].filter((a) =>
    inScope(q.scope, a.scope) && (q.from === undefined || a.startsAt >= q.from) && (q.to === undefined || a.startsAt < q.to))

  return ActivitiesStore.of({
    getActivity: activities.get,
    insertActivity: activities.insert,
    updateActivity: activities.update,
    listActivities: (q) => read(() => page(inPeriod(q), q.after, q.limit)),
    activitiesIn: (q) => read(() => inPeriod(q).sort((a, b) => (a.id < b.id ? -1 : 1))),
    activitiesOfTeam: (teamId) => read(() => [...activities.docs.values()].filter((a) => a.teamId === teamId).sort((a, b) => (a.id < b.id ? -1 : 1))),
    getTeam: teams.get,
    insertTeam: teams.insert,
    updateTeam: teams.update,
    listTeams: ({ after, limit, scope }) => read(() => page([...teams.docs.values()].filter((t) => inScope(scope, t.scope)), after, limit))
  })
}
