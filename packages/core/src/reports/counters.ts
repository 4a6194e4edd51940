/**
 * The headline counters of what Mulin records today: red grids, building leaders, places by
 * kind, volunteer teams, volunteer activities, neighbourhood events and the person-times
 * they reached, and the complaints of the ledger this period and a year before. Other
 * contexts add theirs (`Reports.layer(more)`).
 *
 * | key | what is counted |
 * | --- | --- |
 * | `red_grids` | nodes at the county's `grid` level with a party organisation (红色网格党支部), live today: grid nodes keep no history, so a grid counts when it exists now |
 * | `building_leaders` | distinct people holding a building-leader post on the period's last day |
 * | `places.<kind>` | places of the kind (党群服务中心, 兖新苑服务点, 红帆驿站, …) not archived, registered before the period ended |
 * | `volunteer_teams` | volunteer teams still active, formed before the period ended |
 * | `volunteer_activities` | volunteer-service activities starting in the period, not cancelled |
 * | `neighbourhood_events` | every other activity starting in the period, not cancelled |
 * | `person_times` | attendances (人次) at those neighbourhood events |
 * | `complaints`, `complaints_last_year` | work of the county's complaint categories opened in the period, and in the same period a year before |
 *
 * @since 0.5.0
 */
import { Effect, Option } from "effect"
import type { ActivityQuery } from "../activities/store.js"
import { ActivitiesStore } from "../activities/store.js"
import type { HeadlineCounter, HeadlineQuery } from "../kernel/headline.js"
import { GridStore } from "../grid/store.js"
import { defaultPlaceKinds } from "../places/rules.js"
import { PlacesStore } from "../places/store.js"
import { periodCategoryCounts } from "./rollup.js"
import { defaultReportsConfig, yearBefore } from "./rules.js"
import { ReportsStore } from "./store.js"

const PAGE = 1000

/**
 * The counters of the grid, places, activities and the ledger over their stores.
 *
 * @category constructors
 * @since 0.5.0
 */
export const seedCounters: Effect.Effect<ReadonlyArray<HeadlineCounter>, never, GridStore | PlacesStore | ActivitiesStore | ReportsStore> = Effect.gen(function*() {
  const grid = yield* GridStore
  const places = yield* PlacesStore
  const activities = yield* ActivitiesStore
  const reports = yield* ReportsStore

  const activitiesOf = (q: HeadlineQuery) => {
    const query: ActivityQuery = { scope: q.rootPath, from: q.window[0], to: q.window[1] }
    return Effect.map(activities.activitiesIn(query), (all) => all.filter((a) => a.status !== "cancelled"))
  }
  const complaints = (q: HeadlineQuery, from: string, to: string) =>
    Effect.gen(function*() {
      const config = Option.getOrElse(yield* reports.getConfig(q.countyId), () => defaultReportsConfig(q.countyId))
      const wanted = new Set(config.complaintCategories)
      const facts = yield* periodCategoryCounts(reports, { scope: q.rootPath, from, to, zone: q.timeZone })
      return facts.reduce((n, f) => (wanted.has(f.category) ? n + f.work : n), 0)
    })

  const counters: Array<HeadlineCounter> = [
    {
      key: "red_grids",
      en: "Red grids",
      zh: "红色网格",
      count: (q) =>
        Effect.gen(function*() {
          const county = yield* grid.getCounty(q.countyId)
          const depth = Option.isSome(county) ? county.value.levels.findIndex((l) => l.key === "grid") : -1
          if (depth < 0) return 0
          return (yield* grid.outline(q.rootId)).filter((n) => n.depth === depth && n.hasPartyOrganisation).length
        })
    },
    {
      key: "building_leaders",
      en: "Building leaders",
      zh: "楼栋长",
      count: (q) => Effect.map(grid.currentAssignmentsIn(q.rootId, q.to, ["building_leader"]), (found) => new Set(found.map((a) => a.personId)).size)
    },
    ...defaultPlaceKinds.map((kind): HeadlineCounter => ({
      key: `places.${kind.code}`,
      en: kind.labelEn,
      zh: kind.labelZh,
      count: (q) => Effect.map(places.inSubtree(q.rootPath), (found) => found.filter((p) => p.kind === kind.code && p.createdAt < q.window[1]).length)
    })),
    {
      key: "volunteer_teams",
      en: "Volunteer teams",
      zh: "志愿服务队",
      count: (q) =>
        Effect.gen(function*() {
          let n = 0
          let after: string | undefined
          for (;;) {
            const page = yield* activities.listTeams({ scope: q.rootPath, after, limit: PAGE })
            n += page.items.filter((t) => t.kind === "volunteer" && t.status === "active" && t.createdAt < q.window[1]).length
            if (page.next === null) return n
            after = page.next
          }
        })
    },
    {
      key: "volunteer_activities",
      en: "Volunteer activities",
      zh: "志愿服务活动",
      count: (q) => Effect.map(activitiesOf(q), (found) => found.filter((a) => a.kind === "volunteer_service").length)
    },
    {
      key: "neighbourhood_events",
      en: "Neighbourhood events",
      zh: "邻里活动",
      count: (q) => Effect.map(activitiesOf(q), (found) => found.filter((a) => a.kind !== "volunteer_service").length)
    },
    {
      key: "person_times",
      en: "Person-times reached",
      zh: "服务人次",
      count: (q) => Effect.map(activitiesOf(q), (found) => found.filter((a) => a.kind !== "volunteer_service").reduce((n, a) => n + a.attended.length, 0))
    },
    {
      key: "complaints",
      en: "Complaints",
      zh: "投诉",
      count: (q) => complaints(q, q.from, q.to)
    },
    {
      key: "complaints_last_year",
      en: "Complaints, same period last year",
      zh: "投诉（去年同期）",
      count: (q) => complaints(q, yearBefore(q.from), yearBefore(q.to))
    }
  ]
  return counters
})
