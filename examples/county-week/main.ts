/**
 * `npm run county-week`: a week of one community on a fresh SQLite file, with the county
 * running itself. The services and reactions are the example server's (`countyLayer`):
 * every use case, the scheduled rules, the follow-up (回访) and the notifications outbox.
 * The county's own system is a webhook receiver on loopback, subscribed through the
 * notifications use case; it verifies every signature and drops duplicates by id.
 *
 * Time is a test clock moved through the week at the county's local times (Asia/Shanghai).
 * At each moment the people do what they do, then one pass of the scheduled rules
 * (`Jobs.runDue(at)`) and one of the dispatcher (`Notifications.deliverDue(at)`) run, as
 * the server's loops would: a need is posted and assigned; a mediation case misses its
 * deadlines and is escalated to the street, then to the department (督办); an item's
 * promised date passes; the work is finished and people are asked to rate it (现场评); one
 * rating request is left to lapse (not rated, never satisfied); a request made at night
 * waits for the end of quiet hours.
 *
 * The database lives in a temporary directory, removed at the end unless `--keep`. Exits
 * with 1 when a signature fails or an expected step did not happen.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import { Effect, Option } from "effect"
import { TestClock } from "effect/testing"
import {
  type Actor,
  type AssignableRole,
  type CaseId,
  Deliberation,
  FollowUp,
  Grid,
  type GridNode,
  type GridNodeId,
  type HouseholdId,
  Identity,
  Jobs,
  localDate,
  logChannel,
  Matching,
  Mediation,
  NotificationChannels,
  Notifications,
  type PersonId,
  systemActor
} from "@mulin/core"
import { countyLayer } from "../county-server/app.js"
import { type Received, startReceiver } from "./receiver.js"

const ZONE = "Asia/Shanghai"
const HOUR = 3_600_000
/** Monday 1 June 2026, 00:00 in the county. */
const MONDAY = Date.UTC(2026, 5, 1) - 8 * HOUR
const DAYS = ["周一 Monday", "周二 Tuesday", "周三 Wednesday", "周四 Thursday", "周五 Friday", "周六 Saturday", "周日 Sunday"]
const sys = systemActor("county-week")

/** The instant of a local time on a day of the week (0 = Monday). */
const at = (day: number, hour: number, minute = 0) => MONDAY + day * 24 * HOUR + hour * HOUR + minute * 60_000
const iso = (ms: number) => new Date(ms).toISOString()
const clock = (ms: number) => {
  const local = new Date(ms + 8 * HOUR)
  const day = Math.floor((ms - MONDAY) / (24 * HOUR))
  return `${DAYS[day]?.split(" ")[0] ?? localDate(iso(ms), ZONE)} ${String(local.getUTCHours()).padStart(2, "0")}:${String(local.getUTCMinutes()).padStart(2, "0")}`
}

/** What the week counted; the example's test checks these figures. */
export interface WeekSummary {
  readonly database: string
  /** Notifications received (after de-duplication), by template. */
  readonly byKind: Readonly<Record<string, number>>
  readonly received: number
  readonly duplicatesDropped: number
  readonly signaturesVerified: number
  readonly signaturesRefused: ReadonlyArray<string>
  readonly ratings: { readonly asked: number; readonly given: number; readonly lapsed: number; readonly satisfied: number }
  /** The case's escalations, by level, in order. */
  readonly escalations: ReadonlyArray<string>
  /** Non-urgent notifications made during quiet hours that arrived when they ended. */
  readonly heldOvernight: number
  /** Scheduled-rule runs over the week, and how many failed. */
  readonly jobRuns: number
  readonly jobFailures: number
  /** Expected steps that did not happen (empty on success). */
  readonly problems: ReadonlyArray<string>
}

/** Options of {@link runCountyWeek}. */
export interface WeekOptions {
  readonly log?: ((line: string) => void) | undefined
  /** Keep the temporary directory with the database. */
  readonly keep?: boolean | undefined
}

/** Plays the week; returns its summary. */
export const runCountyWeek = async (options: WeekOptions = {}): Promise<WeekSummary> => {
  const log = options.log ?? console.log
  const dir = mkdtempSync(join(tmpdir(), "mulin-county-week-"))
  const database = join(dir, "county.db")
  let simulated = at(0, 8)
  const names = new Map<string, string>()
  const receiver = await startReceiver({
    now: () => simulated,
    loseFirstAnswer: true,
    onNotification: (n) => log(`  [${clock(n.receivedAt)}] → ${names.get(n.personId) ?? n.personId}  ${n.title.zh} / ${n.title.en}${n.urgency === "urgent" ? " (紧急 urgent)" : ""}\n      ${n.body.zh}`),
    onNote: log
  })
  try {
    const week = await Effect.runPromise(playWeek(receiver, names, log, (ms) => (simulated = ms)).pipe(
      Effect.provide(countyLayer(database, { webhookAllow: ["127.0.0.1/32"] })),
      Effect.provideService(NotificationChannels, [logChannel(() => undefined)]),
      Effect.provide(TestClock.layer())
    ) as Effect.Effect<Omit<WeekSummary, "database" | "byKind" | "received" | "duplicatesDropped" | "signaturesVerified" | "signaturesRefused" | "heldOvernight" | "problems"> & { readonly people: WeekPeople }, unknown>)
    const counts = receiver.counts()
    const byKind: Record<string, number> = {}
    for (const n of receiver.received) byKind[n.template] = (byKind[n.template] ?? 0) + 1
    const heldOvernight = receiver.received.filter((n) => isQuiet(Date.parse(n.createdAt)) && !isQuiet(n.receivedAt) && n.urgency === "normal").length
    const summary: WeekSummary = {
      database: options.keep === true ? database : "(removed)",
      byKind,
      received: receiver.received.length,
      duplicatesDropped: counts.duplicates,
      signaturesVerified: counts.verified,
      signaturesRefused: counts.refused,
      ratings: week.ratings,
      escalations: week.escalations,
      heldOvernight,
      jobRuns: week.jobRuns,
      jobFailures: week.jobFailures,
      problems: expectedSteps(receiver.received, week, counts.duplicates, counts.refused, heldOvernight)
    }
    printSummary(summary, log)
    return summary
  } finally {
    await receiver.close()
    if (options.keep === true) log(`\nThe database is kept at ${database} / 数据库保留在 ${database}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

/** Default quiet hours: 22:00 to 07:00, county time. */
const isQuiet = (ms: number) => {
  const hour = new Date(ms + 8 * HOUR).getUTCHours()
  return hour >= 22 || hour < 7
}

interface WeekPeople {
  readonly volunteer: PersonId
  readonly streetAdmin: PersonId
  readonly department: ReadonlyArray<PersonId>
  readonly mediator: PersonId
  readonly gridWorker: PersonId
  readonly requester: PersonId
  readonly parties: ReadonlyArray<PersonId>
}

/** The steps the week must show; each missing one is named. */
const expectedSteps = (
  got: ReadonlyArray<Received>,
  week: { readonly people: WeekPeople; readonly escalations: ReadonlyArray<string>; readonly ratings: WeekSummary["ratings"]; readonly jobFailures: number },
  duplicates: number,
  refused: ReadonlyArray<string>,
  heldOvernight: number
): ReadonlyArray<string> => {
  const p = week.people
  const has = (what: string, test: (n: Received) => boolean) => (got.some(test) ? [] : [what])
  return [
    ...(refused.length === 0 ? [] : [`${refused.length} signature(s) refused: ${refused.join(", ")}`]),
    ...has("the volunteer is told a need is assigned to them", (n) => n.template === "need_assigned" && n.personId === p.volunteer),
    ...has("the mediator is reminded the case's deadline is near", (n) => n.template === "deadline_near" && n.subject.type === "mediation.case" && n.personId === p.mediator),
    ...has("the mediator is told the case's deadline was missed", (n) => n.template === "deadline_missed" && n.subject.type === "mediation.case" && n.personId === p.mediator),
    ...has("the street is told the case is escalated to it (督办)", (n) => n.template === "case_escalated" && n.personId === p.streetAdmin),
    ...has("the department is told the case is escalated to it (督办)", (n) => n.template === "case_escalated" && p.department.includes(n.personId as PersonId)),
    ...has("the item's responsible person is told its promised date passed", (n) => n.template === "promised_date_passed" && n.personId === p.gridWorker),
    ...has("the requester is asked to rate the need", (n) => n.template === "rating_requested" && n.subject.type === "matching.need" && n.personId === p.requester),
    ...has("the requester is asked to rate the item", (n) => n.template === "rating_requested" && n.subject.type === "deliberation.item" && n.personId === p.requester),
    ...p.parties.flatMap((party) => has(`the party ${party} is asked to rate the case`, (n) => n.template === "rating_requested" && n.subject.type === "mediation.case" && n.personId === party)),
    ...(week.escalations.join(",") === "street,department" ? [] : [`the case was escalated to ${week.escalations.join(", ") || "nothing"}, not the street then the department`]),
    ...(week.ratings.given === 2 ? [] : [`${week.ratings.given} ratings given, not 2`]),
    ...(week.ratings.lapsed === 2 ? [] : [`${week.ratings.lapsed} ratings lapsed, not 2`]),
    ...(duplicates === 1 ? [] : [`${duplicates} duplicates dropped, not 1 (the lost answer)`]),
    ...(heldOvernight === 1 ? [] : [`${heldOvernight} notifications held by quiet hours, not 1`]),
    ...(week.jobFailures === 0 ? [] : [`${week.jobFailures} scheduled runs failed`])
  ]
}

const printSummary = (s: WeekSummary, log: (line: string) => void) => {
  log("\n══ 本周小结 · The week in figures ══")
  log(`Notifications received / 收到通知: ${s.received}`)
  for (const [kind, count] of Object.entries(s.byKind).sort()) log(`  ${kind.padEnd(22)} ${count}`)
  log(`Duplicates dropped / 去重丢弃: ${s.duplicatesDropped}`)
  log(`Signatures verified / 签名验证通过: ${s.signaturesVerified}; refused / 拒绝: ${s.signaturesRefused.length}`)
  log(`Ratings (现场评) asked / 邀请: ${s.ratings.asked}, given / 已评: ${s.ratings.given}, lapsed (not rated) / 逾期未评: ${s.ratings.lapsed}, satisfied / 满意: ${s.ratings.satisfied}`)
  log(`Escalations (督办) / 提级: ${s.escalations.length} (${s.escalations.join(" → ")})`)
  log(`Held overnight by quiet hours / 免打扰时段顺延: ${s.heldOvernight}`)
  log(`Scheduled runs / 定时任务运行: ${s.jobRuns}, failed / 失败: ${s.jobFailures}`)
  log(s.problems.length === 0 ? "Every expected step happened. / 各环节均已发生。" : `MISSING / 缺失:\n${s.problems.map((p) => `  - ${p}`).join("\n")}`)
}

type Receiver = Awaited<ReturnType<typeof startReceiver>>

const playWeek = (receiver: Receiver, names: Map<string, string>, log: (line: string) => void, setSimulated: (ms: number) => void) =>
  Effect.gen(function*() {
    const grid = yield* Grid
    const identity = yield* Identity
    const matching = yield* Matching
    const mediation = yield* Mediation
    const deliberation = yield* Deliberation
    const followUp = yield* FollowUp
    const notifications = yield* Notifications
    const jobs = yield* Jobs

    let jobRuns = 0
    let jobFailures = 0
    let day = -1
    let nowMs = at(0, 8)
    /** Moves the clock to a local time, then runs the scheduled rules and the dispatcher once each. */
    const moment = (d: number, hour: number, minute = 0) =>
      Effect.gen(function*() {
        const ms = at(d, hour, minute)
        yield* TestClock.setTime(ms)
        setSimulated(ms)
        nowMs = ms
        if (d !== day) {
          day = d
          log(`\n── ${DAYS[d]} ${localDate(iso(ms), ZONE)} ──`)
        }
      })
    const pass = Effect.gen(function*() {
      const now = iso(yield* Effect.clockWith((c) => c.currentTimeMillis))
      const report = yield* jobs.runDue(now)
      jobRuns += report.runs.length
      for (const r of report.runs) {
        if (r.status === "failed") {
          jobFailures++
          log(`  ! ${r.job} failed: ${r.message}`)
        } else if (r.changed > 0) log(`  · ${r.job}: ${r.changed} changed`)
      }
      yield* notifications.deliverDue(now)
    })
    const say = (line: string) => Effect.sync(() => log(`  [${clock(nowMs)}] ${line}`))

    // ── Seeding, Monday 08:00: a county of one street, one community, one grid, one building.
    yield* moment(0, 8)
    const county = yield* grid.createCounty(sys, { code: "370831", name: "泗水县" })
    const chain: Array<GridNode> = []
    for (const [code, name] of [["001", "济河街道"], ["001", "泉林社区"], ["G01", "第一网格"], ["3", "3号楼"], ["1", "1单元"]] as const) {
      chain.push(yield* grid.createNode(sys, { parentId: chain[chain.length - 1]?.id ?? county.id, code, name }))
    }
    const [street, community, gridNode, unit] = [chain[0]!, chain[1]!, chain[2]!, chain[4]!]
    let codes = 0
    const person = (nodeId: GridNodeId, name: string, label: string, post?: readonly [AssignableRole, GridNodeId], householdId?: HouseholdId) =>
      Effect.gen(function*() {
        const p = yield* grid.createPerson(sys, { nodeId, code: `P${++codes}`, name, ...(householdId === undefined ? {} : { householdId }) })
        if (post !== undefined) yield* grid.assignRole(sys, { personId: p.id, nodeId: post[1], role: post[0], startDate: "2026-01-01" })
        names.set(p.id, `${name}（${label}）`)
        return p
      })
    const resident = (door: string, name: string) =>
      Effect.gen(function*() {
        const household = yield* grid.createHousehold(sys, { nodeId: unit.id, code: door, residents: [{ name, relation: "head" }] })
        return yield* person(unit.id, name, `居民 ${door}`, undefined, household.id)
      })
    const actorOf = (id: PersonId): Effect.Effect<Actor, unknown> => Effect.map(identity.actorOf(id), (found) => Option.getOrThrow(found))

    const admin = yield* actorOf((yield* person(county.id, "孙立新", "区县管理员", ["county_admin", county.id])).id)
    const streetAdmin = yield* person(street.id, "周海燕", "街道", ["street_admin", street.id])
    const secretary = yield* actorOf((yield* person(community.id, "吴秀兰", "社区书记", ["community_secretary", community.id])).id)
    const workerPerson = yield* person(gridNode.id, "李建国", "网格员", ["grid_worker", gridNode.id])
    const worker = yield* actorOf(workerPerson.id)
    const mediatorPerson = yield* person(community.id, "郑和平", "调解员", ["mediator", community.id])
    const volunteerPerson = yield* person(community.id, "冯晓雨", "志愿者", ["volunteer", community.id])
    const volunteer = yield* actorOf(volunteerPerson.id)
    const officer = yield* person(county.id, "住建局专员", "住建局")
    const chief = yield* person(county.id, "贺建国", "住建局督办人")
    const wang = yield* resident("101", "王桂兰")
    const zhao = yield* resident("201", "赵德胜")
    const qian = yield* resident("301", "钱明")
    const requester = yield* actorOf(wang.id)

    // The county's rules: short mediation deadlines so that a week shows both tiers; a day to rate.
    yield* mediation.configure(admin, county.id, {
      deadlines: { acceptHours: 24, firstHearingHours: 48, agreementHours: 240, escalationHours: 24, streetHours: 48, departmentHours: 72 },
      departments: [{ code: "housing", name: "县住房和城乡建设局", categories: ["water_leak"], staff: [officer.id], supervisor: chief.id }],
      streetSupervisors: [{ streetId: street.id, supervisor: streetAdmin.id }]
    })
    yield* followUp.configure(admin, county.id, { ratingDays: 1 })
    yield* matching.saveVolunteer(secretary, {
      personId: volunteerPerson.id,
      homeNodeId: unit.id,
      skills: [{ skill: "repairs", level: 4 }],
      availability: [0, 1, 2, 3, 4, 5, 6].map((d) => ({ day: d, fromHour: 8, toHour: 22 })),
      maxConcurrent: 2
    })
    // The county's system subscribes to every notification; the secret is shown once.
    const hook = yield* notifications.createWebhook(admin, county.id, { url: receiver.url })
    receiver.setSecret(hook.secret)
    log(`泗水县 济河街道 泉林社区：${names.size} people; the county's system listens on ${receiver.url} (webhook ${hook.webhook.id})`)
    yield* pass

    // ── Monday
    const step = moment
    yield* step(0, 9)
    const need = yield* matching.post(requester, { nodeId: unit.id, kind: "micro_wish", category: "repairs", title: "厨房水龙头漏水", requiredSkills: ["repairs"], dueAt: "2026-06-05" })
    yield* say(`王桂兰 posts a need / 发布需求 ${need.id}: 厨房水龙头漏水`)
    yield* matching.execute(worker, need.id, { _tag: "Assign", personIds: [volunteerPerson.id] })
    yield* say(`网格员 李建国 dispatches it to 冯晓雨 / 派单给志愿者`)
    yield* pass
    yield* step(0, 10)
    const leak = yield* mediation.report(secretary, {
      nodeId: unit.id, category: "water_leak", title: "楼上漏水殃及楼下", description: "201 赵德胜家天花板渗水，疑为 301 卫生间漏水",
      parties: [{ kind: "person", personId: zhao.id, side: "applicant" }, { kind: "person", personId: qian.id, side: "respondent" }]
    })
    yield* mediation.execute(secretary, leak.id, { _tag: "Accept", mediators: [mediatorPerson.id] })
    yield* say(`a leak dispute is reported and accepted / 调解案件受理 ${leak.id}; first hearing within 48 h`)
    yield* pass
    yield* step(0, 11)
    const item = yield* deliberation.raise(secretary, { nodeId: community.id, kind: "suggestion", raisedBy: { _tag: "Person", personId: wang.id }, category: "environment", title: "垃圾清运不及时", text: "3号楼垃圾桶经常满溢" })
    yield* deliberation.execute(secretary, item.id, { _tag: "Accept", unit: "property_company", promisedBy: "2026-06-03", responsible: workerPerson.id })
    yield* say(`an item is taken up, promised by Wednesday / 议事事项受理，承诺周三前办结 ${item.id}`)
    yield* pass
    yield* step(0, 18)
    yield* pass

    // ── Tuesday: the hearing's deadline comes near; at night the volunteer reports the need done.
    for (const hour of [9, 11, 15]) {
      yield* step(1, hour)
      yield* pass
    }
    yield* step(1, 22, 30)
    yield* matching.execute(volunteer, need.id, { _tag: "LogVisit", note: "上门更换水龙头" })
    yield* matching.execute(volunteer, need.id, { _tag: "ReportDone", note: "已更换" })
    yield* say(`冯晓雨 reports the need done / 志愿者反馈已完成 — the rating request waits for the end of quiet hours`)
    yield* pass
    yield* step(1, 23)
    yield* pass

    // ── Wednesday: the held request goes out at 07:00; the case misses its hearing and goes to the street.
    yield* step(2, 7)
    yield* pass
    yield* step(2, 8)
    yield* matching.execute(requester, need.id, { _tag: "Confirm", rating: 5, comment: "修得很好，谢谢" })
    yield* say(`王桂兰 confirms the need and rates it 5 / 确认并评价 5 星`)
    yield* pass
    for (const hour of [11, 15]) {
      yield* step(2, hour)
      yield* pass
    }

    // ── Thursday: the item's promised date has passed; it is resolved and reported back.
    for (const hour of [7, 11]) {
      yield* step(3, hour)
      yield* pass
    }
    yield* step(3, 15)
    yield* deliberation.execute(secretary, item.id, { _tag: "Resolve", resolution: "物业增加清运车次" })
    yield* say(`the item is resolved / 议事事项办结`)
    yield* pass
    yield* step(3, 19)
    const council = yield* deliberation.convene(secretary, { nodeId: community.id, type: "residents_council", heldAt: iso(at(3, 19)), participants: [{ role: "residents", count: 15, names: [] }], agenda: ["通报办理情况"] })
    yield* deliberation.execute(secretary, item.id, { _tag: "ReportBack", sessionId: council.id, note: "在居民议事会上通报" })
    yield* say(`the item is reported back at the residents' council / 居民议事会通报`)
    yield* pass

    // ── Friday: the street's deadline passes and the case goes to the department, which resolves it.
    yield* step(4, 9)
    yield* pass
    yield* step(4, 10)
    yield* deliberation.rate(requester, item.id, { score: 4, comment: "基本满意" })
    yield* say(`王桂兰 rates the item 4 / 评价议事事项 4 分`)
    yield* pass
    yield* step(4, 12)
    yield* pass
    yield* step(4, 15)
    yield* mediation.execute(yield* actorOf(officer.id), leak.id as CaseId, { _tag: "Resolve", outcome: "住建局检测确认防水层老化，301 已维修" })
    yield* say(`the housing bureau resolves the case / 住建局办结案件 — nobody rates it`)
    yield* pass

    // ── The weekend: the day to rate the case passes; the sweep counts it as not rated.
    for (const [d, hour] of [[5, 9], [5, 18], [6, 9], [6, 18]] as const) {
      yield* step(d, hour)
      yield* pass
    }

    const finished = yield* mediation.get(secretary, leak.id)
    const stats = yield* followUp.statistics(admin, county.id)
    return {
      people: {
        volunteer: volunteerPerson.id,
        streetAdmin: streetAdmin.id,
        department: [officer.id, chief.id],
        mediator: mediatorPerson.id,
        gridWorker: workerPerson.id,
        requester: wang.id,
        parties: [zhao.id, qian.id]
      },
      escalations: finished.escalations.map((e) => e.level),
      ratings: { asked: stats.asked, given: stats.rated, lapsed: stats.lapsed, satisfied: stats.satisfied },
      jobRuns,
      jobFailures
    }
  })

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
if (isMain) {
  runCountyWeek({ keep: process.argv.includes("--keep") }).then(
    (summary) => process.exit(summary.problems.length === 0 ? 0 : 1),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    }
  )
}
