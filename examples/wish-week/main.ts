/**
 * A wish week (微心愿周) in one community, with the in-memory store:
 * `npm run wish-week`.
 *
 * 100 residents (people living in households) post 200 needs (micro-wishes, urgent
 * problems, service requests and a few public-interest projects); 50 volunteers (people
 * with a volunteer post) register their skills, homes and free hours. Every eighth resident
 * puts up a reward from their own points account (held when posted); the community
 * secretary attaches a reward under the county's micro-wish rule to the others (awarded by
 * the secretary, within the caps). The secretary runs a batch dispatch (派单), volunteers
 * claim from their claim boards (认领), knock on doors (敲门行动), report the needs done, and
 * the residents confirm with a rating — one says the leak is not fixed, and the need is
 * reopened and done again. Every actor is the one the kernel derives from a person's posts.
 * It prints the fulfilment report by category and by grid (response time, completion rate,
 * satisfaction) and the points each volunteer earned. Time is simulated with a test clock,
 * so a week passes in a moment.
 */
import { resolve } from "node:path"
import { Effect, Layer, Option } from "effect"
import { TestClock } from "effect/testing"
import {
  type AccountId,
  type Actor,
  type GridNode,
  Grid,
  Identity,
  IdGenerator,
  Matching,
  type Need,
  type NeedKind,
  type PersonId,
  Points,
  systemActor,
  type TransferId,
  type Urgency,
  type Volunteer
} from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"

const sys = systemActor("wish-week")
const HOUR = 3_600_000

/** A small deterministic random source, so every run prints the same week. */
const random = (seed: number) => () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}

const categories = ["repairs", "elder_care", "errands", "tutoring", "health", "legal_advice"] as const
const titles: Readonly<Record<(typeof categories)[number], string>> = {
  repairs: "修理水龙头",
  elder_care: "陪独居老人就医",
  errands: "代购药品",
  tutoring: "辅导孩子数学",
  health: "上门测血压",
  legal_advice: "咨询赡养纠纷"
}
const surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
const given = "秀英桂兰建国志强淑珍玉梅国华海燕丽娟明"

/** One row of the fulfilment report. */
export interface FulfilmentRow {
  readonly key: string
  readonly needs: number
  readonly responded: number
  readonly meanResponseHours: number | null
  readonly completed: number
  readonly completionRate: number
  readonly meanRating: number | null
  readonly satisfied: number
}

/** The fulfilment report of needs grouped by `keyOf`: response, completion, satisfaction. */
export const fulfilment = (needs: ReadonlyArray<Need>, keyOf: (n: Need) => string): Array<FulfilmentRow> => {
  const groups = new Map<string, Array<Need>>()
  for (const n of needs) groups.set(keyOf(n), [...(groups.get(keyOf(n)) ?? []), n])
  return [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, list]) => {
    const responded = list.filter((n) => n.respondedAt !== null)
    const completed = list.filter((n) => n.state === "confirmed" || n.state === "closed")
    const rated = completed.flatMap((n) => (n.confirmation === null ? [] : [n.confirmation.rating]))
    const hours = responded.map((n) => (Date.parse(n.respondedAt!) - Date.parse(n.postedAt)) / HOUR)
    return {
      key,
      needs: list.length,
      responded: responded.length,
      meanResponseHours: hours.length === 0 ? null : Math.round((hours.reduce((s, h) => s + h, 0) / hours.length) * 10) / 10,
      completed: completed.length,
      completionRate: Math.round((completed.length / list.length) * 1000) / 10,
      meanRating: rated.length === 0 ? null : Math.round((rated.reduce((s, r) => s + r, 0) / rated.length) * 100) / 100,
      satisfied: rated.filter((r) => r >= 4).length
    }
  })
}

const table = (title: string, rows: ReadonlyArray<FulfilmentRow>): Array<string> => [
  title,
  `  ${"".padEnd(14)} ${"需求".padStart(4)} ${"响应".padStart(4)} ${"平均响应(小时)".padStart(8)} ${"完成".padStart(4)} ${"完成率".padStart(6)} ${"满意度".padStart(5)} ${"满意(≥4)".padStart(6)}`,
  ...rows.map((r) =>
    `  ${r.key.padEnd(14)} ${String(r.needs).padStart(4)} ${String(r.responded).padStart(4)} ${String(r.meanResponseHours ?? "-").padStart(12)} ${String(r.completed).padStart(4)} ${`${r.completionRate}%`.padStart(7)} ${String(r.meanRating ?? "-").padStart(6)} ${String(r.satisfied).padStart(8)}`)
]

/** Runs the week; returns what the example's test checks. */
export const runWishWeek = (log: (line: string) => void = console.log) =>
  Effect.gen(function*() {
    const start = Date.UTC(2026, 5, 1, 0, 0, 0) // Monday
    yield* TestClock.setTime(start)
    const rnd = random(2026)
    const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(rnd() * xs.length)]!
    const grid = yield* Grid
    const matching = yield* Matching
    const points = yield* Points

    const identity = yield* Identity
    const actorOf = (id: PersonId) => Effect.map(identity.actorOf(id), Option.getOrThrow)

    // Sishui County, one street, one community of 4 grids × 3 buildings, one unit each.
    const county = yield* grid.createCounty(sys, { code: "370831", name: "泗水县" })
    const street = yield* grid.createNode(sys, { parentId: county.id, code: "001", name: "济河街道" })
    const community = yield* grid.createNode(sys, { parentId: street.id, code: "001", name: "泉林社区" })
    const buildings: Array<GridNode> = []
    const units: Array<GridNode> = []
    const gridName = new Map<string, string>()
    for (let g = 1; g <= 4; g++) {
      const gridNode = yield* grid.createNode(sys, { parentId: community.id, code: `G0${g}`, name: `第${g}网格` })
      gridName.set(gridNode.id, gridNode.name)
      for (let b = 1; b <= 3; b++) {
        const building = yield* grid.createNode(sys, { parentId: gridNode.id, code: `${g}${b}`, name: `${g}-${b}号楼` })
        buildings.push(building)
        units.push(yield* grid.createNode(sys, { parentId: building.id, code: "1", name: "1单元" }))
      }
    }
    const secretaryPerson = yield* grid.createPerson(sys, { nodeId: community.id, code: "SEC1", name: "孔书记" })
    yield* grid.assignRole(sys, { personId: secretaryPerson.id, nodeId: community.id, role: "community_secretary", startDate: "2026-01-01" })
    const secretary = yield* actorOf(secretaryPerson.id)
    yield* points.openAccount(sys, { nodeId: county.id, kind: "issuer", name: "泗水县志愿积分" })

    // 50 volunteers: people with a volunteer post, skills, a home building, free hours, how many needs at once.
    const volunteers: Array<Actor> = []
    for (let i = 0; i < 50; i++) {
      const home = units[i % units.length]!
      const name = `${surnames[i % surnames.length]}${given[(i * 3) % given.length]}${given[(i * 7 + 1) % given.length]}`
      const person = yield* grid.createPerson(sys, { nodeId: community.id, code: `V${String(i).padStart(2, "0")}`, name })
      yield* grid.assignRole(sys, { personId: person.id, nodeId: community.id, role: "volunteer", startDate: "2026-01-01" })
      const account = yield* points.openAccount(sys, { nodeId: home.id, kind: "person", ownerId: person.id })
      const skills = [...new Set([categories[i % categories.length]!, pick(categories), pick(categories)])].map((skill) => ({ skill, level: 1 + Math.floor(rnd() * 5) }))
      const days = [...new Set([pick([0, 1, 2, 3, 4, 5, 6]), pick([0, 1, 2, 3, 4, 5, 6]), pick([0, 1, 2, 3, 4, 5, 6]), i % 7])]
      yield* matching.saveVolunteer(secretary, {
        personId: person.id,
        homeNodeId: home.id,
        skills,
        // Local (China) time: 08:00 to 22:00.
        availability: days.map((day) => ({ day, fromHour: 8, toHour: 22 })),
        maxConcurrent: 2 + (i % 3),
        tags: i % 5 === 0 ? ["party_member"] : i % 7 === 0 ? ["five_elders"] : [],
        accountId: account.id
      })
      volunteers.push(yield* actorOf(person.id))
    }
    log(`泉林社区：${volunteers.length} 名志愿者登记技能与空闲时间`)

    // 100 residents, each in a household; every eighth has points of their own to put up as a reward.
    const residents: Array<{ readonly actor: Actor; readonly account: AccountId | null }> = []
    for (let i = 0; i < 100; i++) {
      const unit = units[i % units.length]!
      const name = `${surnames[(i * 11) % surnames.length]}${given[i % given.length]}${given[(i * 5 + 2) % given.length]}`
      const household = yield* grid.createHousehold(sys, { nodeId: unit.id, code: `${100 + i}`, residents: [{ name, phone: null, idCardNumber: null, relation: "head" }] })
      const person = yield* grid.createPerson(sys, { nodeId: unit.id, code: `R${i}`, name, householdId: household.id })
      let account: AccountId | null = null
      if (i % 8 === 0) {
        account = (yield* points.openAccount(secretary, { nodeId: unit.id, kind: "person", ownerId: person.id })).id
        yield* points.adjust(secretary, { transferId: `opening-${i}` as TransferId, accountId: account, amount: 100, reason: "此前敲门行动积分（补录）" })
      }
      residents.push({ actor: yield* actorOf(person.id), account })
    }

    // 200 needs posted over Monday.
    const requesters = new Map<string, Actor>()
    const posted: Array<Need> = []
    let held = 0
    let attached = 0
    for (let i = 0; i < 200; i++) {
      yield* TestClock.adjust(Math.floor(rnd() * 5) * 60_000 + 60_000)
      const category = pick(categories)
      const kind: NeedKind = i % 40 === 0 ? "public_interest" : pick(["micro_wish", "micro_wish", "urgent_problem", "service_request"])
      const urgency: Urgency = kind === "urgent_problem" ? pick(["high", "critical"]) : pick(["low", "normal", "normal"])
      const resident = residents[i % residents.length]!
      const building = buildings[Math.floor(rnd() * buildings.length)]!
      const slots = kind === "public_interest" ? 3 : 1
      const own = resident.account !== null && i % 2 === 0
      let need = yield* matching.post(resident.actor, {
        nodeId: building.id,
        kind,
        category,
        title: titles[category],
        requiredSkills: [category],
        urgency,
        dueAt: new Date(start + (72 + Math.floor(rnd() * 72)) * HOUR).toISOString(),
        slots,
        reward: own ? { fromAccountId: resident.account!, points: 10 } : null
      })
      if (own) held++
      else {
        // The secretary attaches a reward under the county's micro-wish rule: awarded by the secretary, within the caps.
        need = yield* matching.execute(secretary, need.id, { _tag: "AttachReward", category: "micro_wish" })
        attached++
      }
      requesters.set(need.id, resident.actor)
      posted.push(need)
    }
    log(`居民发布 ${posted.length} 条需求（微心愿、急难小事、一口式受理、公益项目）：${held} 条由居民以本人积分悬赏（冻结），${attached} 条由社区书记按“认领微心愿”规则设定奖励`)

    const openOf = () => Effect.map(matching.list(secretary, community.id, { limit: 1000 }), (p) => p.items)
    const finish = (needs: ReadonlyArray<Need>, reopen: boolean) =>
      Effect.gen(function*() {
        let reopened: Need | undefined
        for (const n of needs) {
          const first = n.assignees[0]
          if (first === undefined) continue
          const volunteer = volunteers.find((v) => v.id === first.personId)!
          let current = yield* matching.execute(volunteer, n.id, { _tag: "LogVisit", note: "敲门走访，了解情况" })
          if (rnd() < 0.1) continue // some are still in hand at the end of the week
          current = yield* matching.execute(volunteer, n.id, { _tag: "ReportDone", note: "已办结" })
          const requester = requesters.get(n.id)!
          if (reopen && reopened === undefined && n.category === "repairs") {
            reopened = yield* matching.execute(requester, n.id, { _tag: "Reopen", reason: "水龙头还在滴水，没修好" })
            continue
          }
          yield* matching.execute(requester, current.id, { _tag: "Confirm", rating: pick([3, 4, 4, 5, 5, 5]), comment: "谢谢志愿者" })
        }
        return reopened
      })

    // Monday noon: a third of the volunteers claim from their boards, nearest first.
    yield* TestClock.adjust(2 * HOUR)
    let claims = 0
    let lost = 0
    for (const v of volunteers.filter((_, i) => i % 3 === 0)) {
      const board = yield* matching.claimBoard(v, { limit: 5 })
      const item = board.find((i) => i.eligible)
      if (item === undefined) continue
      const r = yield* Effect.result(matching.execute(v, item.card.id, { _tag: "Claim" }))
      if (r._tag === "Success") claims++
      else lost++
    }
    log(`认领: ${claims} 条需求被志愿者自行认领${lost > 0 ? `（${lost} 次未抢到）` : ""}`)


    // Monday evening: the batch dispatch of the rest.
    yield* TestClock.adjust(6 * HOUR)
    const first = yield* matching.dispatch(secretary, community.id)
    log(`\n派单（第一轮）: ${first.assignments.length} 个指派，总分 ${(first.total / 1e6).toFixed(2)}（贪心 ${(first.greedyTotal / 1e6).toFixed(2)}），未派出 ${first.unassigned.length}`)
    for (const a of first.assignments.slice(0, 3)) log(`  ${a.needId.slice(-6)} → ${a.personId}: ${a.explanationZh}`)

    // Tuesday to Thursday: visits, completions, confirmations, and one "not solved".
    yield* TestClock.adjust(16 * HOUR)
    const working1 = (yield* openOf()).filter((n) => n.state === "claimed" || n.state === "assigned")
    const reopened = yield* finish(working1, true)
    if (reopened !== undefined) log(`重新打开: ${reopened.id.slice(-6)}（${reopened.reason}）`)

    // Thursday: a second dispatch for what is still open, then the same again.
    yield* TestClock.adjust(24 * HOUR)
    const second = yield* matching.dispatch(secretary, community.id)
    log(`派单（第二轮）: ${second.assignments.length} 个指派，未派出 ${second.unassigned.length}`)
    yield* TestClock.adjust(12 * HOUR)
    const working2 = (yield* openOf()).filter((n) => n.state === "claimed" || n.state === "assigned")
    yield* finish(working2, false)

    // Sunday: what is past due and never taken expires.
    yield* TestClock.adjust(72 * HOUR)
    const expired = yield* matching.expireOverdue(secretary, community.id)
    log(`过期: ${expired.expired.length} 条`)

    const all = yield* openOf()
    const byCategory = fulfilment(all, (n) => n.category)
    const byGrid = fulfilment(all, (n) => gridName.get(n.scope[3]!) ?? "?")
    log("")
    for (const line of table("完成情况 · 按类别", byCategory)) log(line)
    log("")
    for (const line of table("完成情况 · 按网格", byGrid)) log(line)

    // Points earned per volunteer, from the ledger.
    const earned: Array<{ readonly personId: string; readonly name: string; readonly completed: number; readonly points: number }> = []
    const profiles = (yield* matching.listVolunteers(secretary, community.id, { limit: 1000 })).items
    for (const v of profiles as ReadonlyArray<Volunteer>) {
      const balance = yield* points.balance(sys, v.accountId!)
      earned.push({ personId: v.personId, name: v.name, completed: v.history.completed, points: balance.posted })
    }
    earned.sort((a, b) => b.points - a.points || (a.personId < b.personId ? -1 : 1))
    log("\n志愿者积分（前 10 名）")
    for (const e of earned.slice(0, 10)) log(`  ${e.personId} ${e.name.padEnd(4)} 完成 ${String(e.completed).padStart(2)}  积分 ${e.points}`)
    const pointsTotal = earned.reduce((s, e) => s + e.points, 0)
    const paid = all.reduce((s, n) => s + n.paid.reduce((t, p) => t + p.points, 0), 0)
    log(`  合计 ${pointsTotal} 分，${earned.filter((e) => e.points > 0).length} 名志愿者获得积分`)
    return { needs: all, byCategory, byGrid, earned, pointsTotal, paid, reopened, first, second, claims, board: yield* matching.wishBoard(community.id, { limit: 1000 }) }
  }).pipe(
    Effect.provide(Matching.layer.pipe(
      Layer.provideMerge(Layer.mergeAll(Grid.layer, Points.layer, Identity.layer)),
      Layer.provide([layerMemory(), IdGenerator.layerSeeded(2026)])
    )),
    Effect.provide(TestClock.layer())
  )

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
if (isMain) {
  Effect.runPromise(runWishWeek()).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
