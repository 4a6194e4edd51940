/**
 * A month of deliberation in one Xi County community, with the in-memory store:
 * `npm run round-table`.
 *
 * June 2026 in 城南社区: cadres come down for two round tables (圆桌会), the residents'
 * council (居民议事会) votes on a micro-idea, and a Yanzhou-style reception day (接待日, the
 * community secretary with the property manager) takes more. Some suggestions are answered
 * on the spot (现场答复); others are taken up by a responsible unit with a promised date,
 * their progress is published (晾晒), they are reported back at a later session (通报) and
 * residents rate the result (现场评); one poorly rated item is reopened. The same month a
 * year earlier is seeded too, so the statistics show the change per category, counted in
 * China's calendar. The community secretary and the residents are people: the secretary
 * holds a post, the residents live in households, and their actors are derived from that.
 * It prints the public progress board (its text redacted when written) and the statistics.
 * Time is simulated with a test clock.
 */
import { resolve } from "node:path"
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import {
  type Actor,
  type BoardRow,
  Deliberation,
  type DeliberationStatistics,
  Grid,
  Identity,
  IdGenerator,
  type DeliberationItem,
  layerKernel,
  type PersonId,
  type RaiseItem,
  systemActor
} from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"

const sys = systemActor("round-table")
/** A moment in China time (UTC+8); months count from 0 as in `Date.UTC`. */
const day = (d: number, hour = 9, month = 5, year = 2026) => Date.UTC(year, month, d, hour - 8, 0, 0)
const iso = (ms: number) => new Date(ms).toISOString()

/** One row of the progress board as the notice board (公示栏) shows it. */
export const formatRow = (r: BoardRow): string =>
  [
    `${r.overdue ? "⚠" : " "} ${r.title}`.padEnd(16),
    `${r.category.nameZh} · ${r.stateLabel.zh}`,
    r.unit === null ? "" : `责任单位 ${r.unit}`,
    r.promisedBy === null ? "" : `承诺 ${r.promisedBy}`,
    `进度 ${r.progress}%`,
    r.rating === null ? "" : `评分 ${r.rating}（${r.ratings}人）`,
    `提出人 ${r.raisedBy}`
  ].filter((s) => s !== "").join("  ")

/** The statistics as the monthly report prints them. */
export const formatStatistics = (s: DeliberationStatistics): string => {
  const lines = [
    `【统计】${s.from} – ${s.to}（${s.timeZone}）: 提出 ${s.raised}，现场答复 ${s.answeredOnSpot}，认领办理 ${s.takenUp}，办结 ${s.resolved}，逾期 ${s.overdue}`
  ]
  for (const u of s.byUnit) {
    lines.push(`  ${u.name}: 认领 ${u.takenUp}，办结 ${u.resolved}，按期办结率 ${u.onTime.of === 0 ? "—" : `${u.onTime.percent}%`}，满意率 ${u.satisfied.of === 0 ? "—" : `${u.satisfied.percent}%`}，平均评分 ${u.averageRating ?? "—"}`)
  }
  for (const c of s.byCategory) lines.push(`  ${c.nameZh}: ${c.count} 件（去年同期 ${c.lastYear ?? "—"}，同比 ${c.change ?? "—"}）`)
  return lines.join("\n")
}

/** The residents of 3号楼2单元 who take part: name, phone, ID-card number. */
const households = [
  { door: "101", name: "刘桂芳", phone: "13935712345", idCardNumber: "142430198503150019" },
  { door: "102", name: "王建军", phone: "13835798765", idCardNumber: null },
  { door: "201", name: "赵德胜", phone: null, idCardNumber: null },
  { door: "202", name: "张秀英", phone: "15935700001", idCardNumber: null }
] as const

/** Runs the month; returns the board and the statistics, for the example's test. */
export const runRoundTable = (log: (line: string) => void = console.log) =>
  Effect.gen(function*() {
    yield* TestClock.setTime(day(1, 8, 5, 2025))
    const grid = yield* Grid
    const identity = yield* Identity
    const d = yield* Deliberation

    const county = yield* grid.createCounty(sys, { code: "141030", name: "隰县" })
    const street = yield* grid.createNode(sys, { parentId: county.id, code: "001", name: "龙泉镇" })
    const community = yield* grid.createNode(sys, { parentId: street.id, code: "001", name: "城南社区" })
    const g = yield* grid.createNode(sys, { parentId: community.id, code: "G01", name: "第一网格" })
    const building = yield* grid.createNode(sys, { parentId: g.id, code: "3", name: "3号楼" })
    const unit = yield* grid.createNode(sys, { parentId: building.id, code: "2", name: "2单元" })

    // People are the one identity: the secretary holds a post, residents live in households.
    const actorOf = (personId: PersonId) =>
      Effect.flatMap(identity.actorOf(personId), (found) => (found._tag === "Some" ? Effect.succeed(found.value) : Effect.die(new Error(`no person ${personId}`))))
    const secretaryPerson = yield* grid.createPerson(sys, { nodeId: community.id, code: "SEC1", name: "韩书记" })
    yield* grid.assignRole(sys, { personId: secretaryPerson.id, nodeId: community.id, role: "community_secretary", startDate: "2025-01-01" })
    const residents: Array<{ readonly id: PersonId; readonly actor: Actor }> = []
    for (const [i, h] of households.entries()) {
      const household = yield* grid.createHousehold(sys, { nodeId: unit.id, code: h.door, residents: [{ name: h.name, phone: h.phone, idCardNumber: h.idCardNumber, relation: "head" }] })
      const person = yield* grid.createPerson(sys, { nodeId: unit.id, code: `R${i + 1}`, name: h.name, householdId: household.id })
      residents.push({ id: person.id, actor: yield* actorOf(person.id) })
    }
    const secretary = yield* actorOf(secretaryPerson.id)

    const raise = (who: number, fields: Omit<RaiseItem, "nodeId" | "raisedBy" | "kind"> & { readonly kind?: RaiseItem["kind"] }) =>
      d.raise(secretary, { nodeId: community.id, kind: "suggestion", raisedBy: { _tag: "Person", personId: residents[who]!.id }, ...fields })
    const run = (item: DeliberationItem, command: Parameters<typeof d.execute>[2]) => d.execute(secretary, item.id, command)
    const at = (ms: number) => TestClock.setTime(ms)

    // June 2025: 41 property complaints, answered at talk points.
    for (let i = 0; i < 41; i++) {
      const item = yield* raise(i % 4, { category: "property", title: `物业问题${i + 1}`, text: "物业服务不到位" })
      yield* run(item, { _tag: "Answer", answer: "已转物业当场处理" })
    }

    // --- June 2026 -----------------------------------------------------------
    const convene = (when: number, type: string, agenda: ReadonlyArray<string>) =>
      Effect.flatMap(at(when), () =>
        d.convene(secretary, {
          nodeId: community.id,
          type,
          heldAt: iso(when),
          participants: [
            { role: "residents", count: 18, names: [] },
            { role: "cadres", count: 3, names: ["县社会工作部", "龙泉镇"] },
            { role: "property_company", count: 1, names: ["安居物业"] }
          ],
          agenda
        }))

    const rt1 = yield* convene(day(3, 19), "round_table", ["楼道照明", "停车", "小区改造"])
    log(`【圆桌会】2026-06-03 城南社区：干部下沉，居民提出意见建议`)
    const light = yield* raise(0, { sessionId: rt1.id, category: "property", title: "楼道灯不亮", text: "3号楼2单元楼道灯坏了一个月，刘桂芳反映" })
    yield* run(light, { _tag: "Answer", answer: "物业经理当场承诺今晚更换" })
    const parking = yield* raise(1, { sessionId: rt1.id, category: "parking", title: "停车位不足", text: "晚上车辆乱停，消防通道被占" })
    yield* run(parking, { _tag: "Accept", unit: "urban", promisedBy: "2026-06-20" })
    const renovation = yield* raise(2, { sessionId: rt1.id, kind: "topic", category: "facilities", title: "老旧小区改造", text: "屋顶漏水、外墙脱落" })
    yield* run(renovation, { _tag: "Accept", unit: "housing", promisedBy: "2026-09-30" })
    const roof = yield* raise(2, { parentId: renovation.id, weight: 2, category: "facilities", title: "屋顶防水", text: "屋顶重做防水" })
    const wall = yield* raise(2, { parentId: renovation.id, weight: 1, category: "facilities", title: "外墙保温", text: "外墙保温层修复" })
    const garbage = yield* raise(3, { sessionId: rt1.id, category: "environment", title: "垃圾清运不及时", text: "垃圾桶满溢" })
    yield* run(garbage, { _tag: "Accept", unit: "property_company", promisedBy: "2026-06-10" })
    const drain = yield* raise(1, { sessionId: rt1.id, category: "facilities", title: "下水道堵塞", text: "一楼返水" })
    yield* run(drain, { _tag: "Accept", unit: "property_company", promisedBy: "2026-06-12" })
    const duplicate = yield* raise(3, { sessionId: rt1.id, category: "parking", title: "晚上停车难", text: "停车难" })
    yield* run(duplicate, { _tag: "Merge", into: parking.id })
    const declined = yield* raise(0, { sessionId: rt1.id, category: "other", title: "要求物业免费", text: "物业费全免" })
    yield* run(declined, { _tag: "Decline", reason: "物业费标准由业主大会决定，已说明政策" })
    const bench = yield* raise(3, { kind: "micro_idea", category: "elderly", title: "门口加装休息座椅", text: "老人买菜回来没地方歇脚" })

    for (const [w, item] of [[8, roof], [9, wall]] as const) {
      yield* at(day(w))
      yield* run(item, { _tag: "Accept", unit: "housing", promisedBy: "2026-09-30" })
    }
    yield* at(day(9, 15))
    yield* run(parking, { _tag: "RecordMilestone", note: "划定临时停车位 40 个", progress: 50 })
    yield* run(garbage, { _tag: "RecordMilestone", note: "增加清运车次", progress: 40 })
    yield* run(roof, { _tag: "RecordMilestone", note: "完成招标", progress: 30 })
    yield* run(wall, { _tag: "RecordMilestone", note: "施工队进场", progress: 60 })
    yield* at(day(11, 10))
    yield* run(drain, { _tag: "Resolve", resolution: "疏通主管道" })
    yield* at(day(15, 10))
    yield* run(parking, { _tag: "RecordMilestone", note: "消防通道划线", progress: 90 })
    yield* run(parking, { _tag: "Resolve", resolution: "新增停车位 40 个，消防通道划线并设专人巡查" })

    const council = yield* convene(day(17, 19), "residents_council", ["通报办理情况", "休息座椅"])
    log(`【居民议事会】2026-06-17：通报办理结果，表决微点子`)
    yield* run(bench, { _tag: "Vote", sessionId: council.id, members: 11, present: 9, inFavour: 7, against: 1, abstained: 1 })
    yield* run(bench, { _tag: "Accept", unit: "community", promisedBy: "2026-07-05" })
    for (const item of [parking, drain]) yield* run(item, { _tag: "ReportBack", sessionId: council.id, note: "在居民议事会上通报" })
    for (const [who, score] of [[0, 5], [1, 4], [3, 5]] as const) {
      yield* d.rate(residents[who]!.actor, parking.id, { score, comment: score === 5 ? "停车秩序好多了" : "基本满意" })
    }
    yield* run(parking, { _tag: "Close" })
    // 王建军 rates on the spot; 赵德胜 hands in a paper form the secretary records for him.
    yield* d.rate(residents[1]!.actor, drain.id, { score: 2, comment: "又堵了" })
    yield* d.rate(secretary, drain.id, { score: 1, comment: "又堵了", personId: residents[2]!.id })
    yield* run(drain, { _tag: "Reopen", reason: "居民评价不满意，一楼仍返水" })

    const reception = yield* convene(day(24, 9), "reception_day", ["物业服务"])
    log(`【接待日】2026-06-24：社区书记+物业经理接待居民`)
    const fee = yield* raise(2, { sessionId: reception.id, category: "property", title: "物业费用公示", text: "希望公开物业费收支" })
    yield* run(fee, { _tag: "Answer", answer: "物业经理承诺每季度在公示栏公开收支" })
    const lift = yield* raise(0, { sessionId: reception.id, category: "property", title: "电梯经常停运", text: "电梯每周停两三次，电话13935712345" })
    yield* run(lift, { _tag: "Accept", unit: "property_company", promisedBy: "2026-07-10" })
    // The rest of the month's property complaints, answered at the talk point (街坊说事点).
    for (let i = 0; i < 30; i++) {
      const item = yield* raise(i % 4, { category: "property", title: `说事点${i + 1}`, text: "物业小事" })
      yield* run(item, { _tag: "Answer", answer: "网格员当场协调" })
    }

    yield* at(day(30, 20))
    const board = yield* d.board(community.id, { sort: "promised", status: "open", limit: 20 })
    log("\n【晾晒】城南社区办理进度（未办结，按承诺日期）")
    for (const row of board.items) log(`  ${formatRow(row)}`)
    const answered = yield* d.board(community.id, { state: "answered", limit: 3 })
    log(`\n【现场答复】${answered.items.map((r) => r.title).join("、")} …`)
    const overdue = yield* d.board(community.id, { overdue: true })
    log(`【逾期】${overdue.items.map((r) => `${r.title}（${r.unit}）`).join("、")}`)

    // June in the county's calendar, against June a year earlier.
    const statistics = yield* d.statistics(secretary, community.id, { from: "2026-06-01", to: "2026-06-30" })
    log(`\n${formatStatistics(statistics)}`)
    return { board, overdue, statistics, renovation: yield* d.get(secretary, renovation.id) }
  }).pipe(
    Effect.provide(Layer.mergeAll(Grid.layer, Deliberation.layer, layerKernel).pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layerSeeded(2026))))),
    Effect.provide(TestClock.layer())
  )

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
if (isMain) {
  Effect.runPromise(runRoundTable()).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
