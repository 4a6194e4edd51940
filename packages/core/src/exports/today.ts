/**
 * The exports of the contexts as they are: the activities report by kind, month and node
 * below the root; the places' coverage of the communities; the households overdue for a
 * visit. Each is built from the same view the JSON API answers with, through the caller's
 * own rights, so a sheet shows exactly what the JSON shows.
 *
 * @since 0.5.0
 */
import { Effect } from "effect"
import { Activities } from "../activities/service.js"
import { activityKindLabels } from "../activities/rules.js"
import type { GridNodeId } from "../kernel/ids.js"
import type { Sheet, SheetCell, SheetColumn, SheetExport } from "../kernel/sheet.js"
import { localDate } from "../kernel/time.js"
import { Places } from "../places/service.js"
import { Visits } from "../visits/service.js"

const column = (key: string, en: string, zh: string): SheetColumn => ({ key, en, zh })
const counted = [column("activities", "Activities", "活动场次"), column("personTimes", "Person-times", "参与人次")]
type Row = Readonly<Record<string, SheetCell>>

/**
 * The activities report (`GET /activities/nodes/{id}/report`) as three sheets: by kind, by
 * month of the county's calendar, by node right below the root; plus the totals.
 *
 * @category exports
 * @since 0.5.0
 */
export const activitiesExports: Effect.Effect<ReadonlyArray<SheetExport>, never, Activities> = Effect.gen(function*() {
  const activities = yield* Activities
  return [{
  name: "activities-report",
  en: "Activities report",
  zh: "活动统计",
  sheets: (q) =>
    Effect.map(activities.report(q.actor, q.rootId, { from: q.from, to: q.to }), (r): ReadonlyArray<Sheet> => [
      {
        name: "合计",
        columns: [column("from", "From", "开始日期"), column("to", "To", "结束日期"), ...counted, column("distinctResidents", "Distinct residents", "服务居民数"), column("registrations", "Registrations", "报名人次"), column("serviceHours", "Service hours", "志愿服务时长")],
        rows: [{ from: q.from, to: q.to, activities: r.activities, personTimes: r.personTimes, distinctResidents: r.distinctResidents, registrations: r.registrations, serviceHours: r.serviceHours }]
      },
      {
        name: "按类型",
        columns: [column("kind", "Kind", "活动类型"), ...counted],
        rows: r.byKind.map((k) => ({ kind: activityKindLabels[k.kind].zh, activities: k.activities, personTimes: k.personTimes }))
      },
      { name: "按月份", columns: [column("month", "Month", "月份"), ...counted], rows: r.byMonth.map((m) => ({ ...m })) },
      { name: "按下级节点", columns: [column("nodeId", "Node", "节点"), ...counted], rows: r.byChild.map((c) => ({ ...c })) }
    ])
}]
})

/**
 * The places' coverage (`GET /places/nodes/{id}/coverage`): a sheet of communities with a
 * column per kind of place and the kinds each lacks, and a sheet of kinds.
 *
 * @category exports
 * @since 0.5.0
 */
export const placesExports: Effect.Effect<ReadonlyArray<SheetExport>, never, Places> = Effect.gen(function*() {
  const places = yield* Places
  return [{
  name: "places-coverage",
  en: "Service places coverage",
  zh: "阵地覆盖情况",
  sheets: (q) =>
    Effect.map(places.coverage(q.actor, q.rootId), (c): ReadonlyArray<Sheet> => {
      const label = new Map(c.kinds.map((k) => [k.code, k.labelZh]))
      return [
        {
          name: "社区覆盖",
          columns: [column("nodeId", "Node", "节点"), column("name", "Community", "社区"), ...c.kinds.map((k) => column(`kind:${k.code}`, k.labelEn, k.labelZh)), column("missing", "Missing kinds", "缺少的阵地类型")],
          rows: c.communities.map((m): Row => ({
            nodeId: m.nodeId,
            name: m.name,
            ...Object.fromEntries(c.kinds.map((k) => [`kind:${k.code}`, m.counts[k.code] ?? 0])),
            missing: m.missing.map((code) => label.get(code) ?? code).join("、")
          }))
        },
        {
          name: "按类型",
          columns: [column("code", "Code", "代码"), column("label", "Kind", "阵地类型"), column("places", "Places", "阵地数"), column("communitiesWith", "Communities with", "已覆盖社区数"), column("communitiesWithout", "Communities without", "未覆盖社区数")],
          rows: c.kinds.map((k) => ({ code: k.code, label: k.labelZh, places: k.places, communitiesWith: k.communitiesWith, communitiesWithout: k.communitiesWithout }))
        }
      ]
    })
}]
})

/**
 * The households of the subtree overdue for a visit today (`GET /visits/nodes/{id}/visits/overdue`,
 * every page): the same fields as the JSON (ids, never a name), the last visit as a date
 * of the county's calendar.
 *
 * @category exports
 * @since 0.5.0
 */
export const visitsExports: Effect.Effect<ReadonlyArray<SheetExport>, never, Visits> = Effect.gen(function*() {
  const visits = yield* Visits
  return [{
  name: "visits-overdue",
  en: "Households overdue for a visit",
  zh: "逾期未走访户",
  sheets: (q) =>
    Effect.gen(function*() {
      const rows: Array<Row> = []
      let after: string | undefined
      for (;;) {
        const page = yield* visits.overdue(q.actor, q.rootId as GridNodeId, after === undefined ? { limit: 1000 } : { after, limit: 1000 })
        for (const h of page.items) {
          rows.push({
            householdId: h.householdId,
            nodeId: h.nodeId,
            categories: h.categories.join("、"),
            frequencyDays: h.frequencyDays,
            lastVisit: h.lastVisitAt === null ? null : localDate(h.lastVisitAt, q.timeZone),
            dueDate: h.dueDate,
            daysOverdue: h.daysOverdue
          })
        }
        if (page.next === null) break
        after = page.next
      }
      const sheet: Sheet = {
        name: "逾期未走访",
        columns: [
          column("householdId", "Household", "户"), column("nodeId", "Node", "节点"), column("categories", "Categories", "关爱类别"),
          column("frequencyDays", "Every (days)", "走访周期（天）"), column("lastVisit", "Last visit", "上次走访"), column("dueDate", "Due", "应走访日期"),
          column("daysOverdue", "Days overdue", "逾期天数")
        ],
        rows
      }
      return [sheet]
    })
}]
})
