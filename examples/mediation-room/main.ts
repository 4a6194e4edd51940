/**
 * The mediation room (矛盾调解室) of a Xi County community, with the in-memory store:
 * `npm run mediation-room` (or `npx tsx --conditions=@mulin/source examples/mediation-room/main.ts`).
 *
 * Everyone involved is a person of the county, acting as the actor their posts make them:
 * the community secretary, the mediator, the street's and the housing bureau's staff, and
 * the residents who are parties. Three disputes, "listen once, deliberate three times,
 * publish three times" (一听三议三公开):
 * 1. a noise dispute settled by the community's mediation room;
 * 2. a water leak the community cannot settle: the supervision run escalates it to the
 *    street when the deadline to escalate passes, and to the county housing bureau when
 *    the street's deadline passes, which resolves it;
 * 3. a parking dispute the applicant withdraws.
 * It prints each public disclosure (no personal data: what people typed is masked when it
 * is published, parties appear by side) and the community's statistics, with dates in the
 * county's calendar. Time is simulated with a test clock, so ten days pass in a moment.
 */
import { resolve } from "node:path"
import { Effect, Layer, Option } from "effect"
import { TestClock } from "effect/testing"
import {
  type Actor,
  type AssignableRole,
  type CaseCommand,
  type CaseId,
  DEFAULT_TIME_ZONE,
  type Disclosure,
  Grid,
  type GridNodeId,
  type HouseholdId,
  Identity,
  IdGenerator,
  Mediation,
  type MediationStatistics,
  type RoundParticipant,
  systemActor
} from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"

const sys = systemActor("mediation-room")

/** An instant as the county's wall clock shows it: `2026-06-01 09:00`. */
export const localTime = (at: string, zone: string = DEFAULT_TIME_ZONE): string => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date(at))
      .map((p) => [p.type, p.value])
  )
  return `${parts["year"]}-${parts["month"]}-${parts["day"]} ${parts["hour"]}:${parts["minute"]}`
}

/** A disclosure as the notice board (公示栏) shows it. */
export const formatDisclosure = (d: Disclosure): string => {
  const lines = [
    `【三公开】${d.topic}  (${d.category.nameZh} · ${d.placeName})`,
    `  当事人: ${d.parties.map((p) => p.label.zh).join("、")}；调解员 ${d.mediators} 名`,
    "  过程:"
  ]
  for (const step of d.process) lines.push(`    ${localTime(step.at)}  [${step.level}] ${step.label.zh}`)
  for (const s of d.statements) lines.push(`  陈述（${s.label.zh}）: ${s.text.replaceAll("\n", " / ")}`)
  for (const r of d.rounds) lines.push(`  ${r.label.zh}: ${r.outcome}  (${r.participants.map((p) => `${p.label.zh}${p.count > 1 ? ` ${p.count} 人` : ""}`).join("、")})`)
  for (const e of d.escalations) lines.push(`  督办: ${e.to}，期限 ${localTime(e.deadline)}`)
  lines.push(`  结果: ${d.result.label.zh}${d.result.agreement === null ? "" : `；协议: ${d.result.agreement}`}${d.result.outcome === null ? "" : `；${d.result.outcome}`}`)
  lines.push(`  满意度: ${d.satisfaction.byRating.map((r) => `${r.rating} ${r.count}`).join(", ")}`)
  return lines.join("\n")
}

/** The statistics as one short table. */
export const formatStatistics = (s: MediationStatistics): string =>
  [
    `案件 ${s.cases}（在办 ${s.open}）  响应率 ${s.responseRate.percent}%  解决率 ${s.resolutionRate.percent}%  满意率 ${s.satisfactionRate.percent}%  办结中位时长 ${s.medianHoursToResolve ?? "-"} 小时`,
    `  按类别: ${s.byCategory.map((c) => `${c.nameZh} ${c.count}${c.lastYear === null ? "" : `（去年同期 ${c.lastYear}）`}`).join(", ")}`,
    `  按状态: ${s.byState.map((c) => `${c.state} ${c.count}`).join(", ")}`,
    `  按层级: ${s.byLevel.map((c) => `${c.level} ${c.count}`).join(", ")}`,
    `  按期率: ${s.onTime.map((o) => `${o.level} ${o.onTime}/${o.reached}`).join(", ")}`
  ].join("\n")

/** Runs the three cases; returns what it printed, for the example's test. */
export const runMediationRoom = (log: (line: string) => void = console.log) =>
  Effect.gen(function*() {
    yield* TestClock.setTime(Date.UTC(2026, 5, 1, 1, 0, 0))
    const grid = yield* Grid
    const identity = yield* Identity
    const mediation = yield* Mediation

    // Xi County, one street, one community, one grid, one building, one unit.
    const county = yield* grid.createCounty(sys, { code: "141030", name: "隰县" })
    const street = yield* grid.createNode(sys, { parentId: county.id, code: "001", name: "龙泉镇" })
    const community = yield* grid.createNode(sys, { parentId: street.id, code: "001", name: "城南社区" })
    const g = yield* grid.createNode(sys, { parentId: community.id, code: "G01", name: "第一网格", partyOrganisation: "城南社区第一网格党支部" })
    const building = yield* grid.createNode(sys, { parentId: g.id, code: "3", name: "3号楼" })
    const unit = yield* grid.createNode(sys, { parentId: building.id, code: "2", name: "2单元" })

    // The people: staff with their posts, and residents who live in the unit.
    let codes = 0
    const person = (nodeId: GridNodeId, name: string, posts: ReadonlyArray<readonly [AssignableRole, GridNodeId]> = [], householdId?: HouseholdId) =>
      Effect.gen(function*() {
        const p = yield* grid.createPerson(sys, { nodeId, code: `P${++codes}`, name, ...(householdId === undefined ? {} : { householdId }) })
        for (const [role, at] of posts) yield* grid.assignRole(sys, { personId: p.id, nodeId: at, role, startDate: "2026-01-01" })
        return p
      })
    const actor = (id: Parameters<typeof identity.actorOf>[0]): Effect.Effect<Actor, unknown> => Effect.map(identity.actorOf(id), Option.getOrThrow)
    const resident = (door: string, name: string) =>
      Effect.gen(function*() {
        const household = yield* grid.createHousehold(sys, { nodeId: unit.id, code: door, residents: [{ name, relation: "head" }] })
        return yield* person(unit.id, name, [], household.id)
      })
    const admin = yield* actor((yield* person(county.id, "县社会工作部", [["county_admin", county.id]])).id)
    const secretary = yield* actor((yield* person(community.id, "社区书记", [["community_secretary", community.id]])).id)
    const mediatorPerson = yield* person(community.id, "郭秀兰", [["mediator", community.id]])
    const mediator = yield* actor(mediatorPerson.id)
    const housingOfficer = yield* person(county.id, "住建局专员")
    const housing = yield* actor(housingOfficer.id)
    const housingChief = yield* person(county.id, "贺建国")
    const streetChief = yield* person(street.id, "冯志刚", [["street_admin", street.id]])
    const liu = yield* resident("501", "刘桂芳")
    const wang = yield* resident("601", "王建军")
    const zhao = yield* resident("301", "赵德胜")
    const li = yield* resident("101", "李明")

    yield* mediation.configure(admin, county.id, {
      departments: [
        { code: "housing", name: "县住房和城乡建设局", categories: ["water_leak", "property_fee"], staff: [housingOfficer.id], supervisor: housingChief.id },
        { code: "urban", name: "县城市管理局", categories: ["parking", "noise"], staff: [], supervisor: null }
      ],
      streetSupervisors: [{ streetId: street.id, supervisor: streetChief.id }]
    })

    const run = (as: Actor, id: CaseId, ...commands: ReadonlyArray<CaseCommand>) =>
      Effect.forEach(commands, (command) => mediation.execute(as, id, command), { discard: true })
    const round = (...roles: ReadonlyArray<RoundParticipant["role"]>): ReadonlyArray<RoundParticipant> => roles.map((role) => ({ role, name: null }))
    const deliberate = (id: CaseId, outcomes: readonly [string, string, string]) =>
      run(mediator, id,
        { _tag: "RecordRound", round: "proposal", participants: [...round("party_organisation"), { role: "other", name: "老党员代表高志远" }], outcome: outcomes[0] },
        { _tag: "RecordRound", round: "joint", participants: round("property_company", "community", "owners_committee"), outcome: outcomes[1] },
        { _tag: "RecordRound", round: "decision", participants: round("party", "party", "residents_council"), outcome: outcomes[2] })
    const accept = { _tag: "Accept", mediators: [mediatorPerson.id] } as const

    // 1. Noise, settled at community level.
    const noise = yield* mediation.report(secretary, {
      nodeId: unit.id, category: "noise", title: "刘桂芳反映楼上深夜噪音", description: "3-2-501 刘桂芳反映 3-2-601 王建军家深夜装修",
      parties: [{ kind: "person", personId: liu.id, side: "applicant" }, { kind: "person", personId: wang.id, side: "respondent" }]
    })
    yield* run(secretary, noise.id, accept)
    yield* run(mediator, noise.id,
      { _tag: "RecordStatement", party: 0, text: "刘桂芳：连续一周晚上十点后还在电钻施工。\n楼下赵德胜也听到了，可打 139 3571 2345 找我。", publishable: true },
      { _tag: "RecordStatement", party: 1, text: "王建军：工期紧，电话13835798765可随时联系", publishable: false })
    yield* deliberate(noise.id, ["党支部提议限定施工时段", "物业出具装修管理规定", "双方同意：施工仅限上午8点至12点、下午2点至6点"])
    yield* run(mediator, noise.id,
      { _tag: "RecordAgreement", terms: "王建军家施工限定在上午8点至12点、下午2点至6点，违者由物业停工", consents: [true, true] },
      { _tag: "Resolve", outcome: "一周回访，未再发生夜间施工" })
    yield* run(secretary, noise.id, { _tag: "Disclose" })
    yield* run(mediator, noise.id, { _tag: "Rate", ratings: [{ party: 0, rating: "satisfied" }, { party: 1, rating: "basically_satisfied" }] })
    yield* run(secretary, noise.id, { _tag: "Close" })

    // 2. A water leak the community cannot settle; deadlines pass and supervision escalates it.
    //    The owner upstairs lets the flat and lives outside the county: an external party.
    const leak = yield* mediation.report(secretary, {
      nodeId: unit.id, category: "water_leak", title: "张秀英家卫生间漏水殃及楼下", description: "楼下赵德胜家天花板渗水",
      parties: [
        { kind: "person", personId: zhao.id, side: "applicant" },
        { kind: "external", name: "张秀英", phone: "13700002222", idCardNumber: null, houseNumber: "3-2-401", side: "respondent" }
      ]
    })
    yield* run(secretary, leak.id, accept)
    yield* run(mediator, leak.id, { _tag: "RecordStatement", party: 0, text: "赵德胜：天花板渗水已两周，张秀英电话 137-0000-2222 打不通", publishable: true })
    yield* deliberate(leak.id, ["党支部提议先查明漏点", "物业称需专业检测，费用分担有分歧", "双方未能就费用达成一致"])
    yield* run(mediator, leak.id, { _tag: "RecordNoAgreement", reason: "维修费用分担分歧较大" })
    yield* TestClock.adjust("25 hours")
    const first = yield* mediation.runSupervision(admin, { countyId: county.id })
    log(`督办巡查 1: ${first.escalated.map((e) => `${e.to}（错过 ${e.missed}）`).join(", ")}`)
    yield* TestClock.adjust("241 hours")
    const second = yield* mediation.runSupervision(admin, { countyId: county.id })
    log(`督办巡查 2: ${second.escalated.map((e) => `${e.to}（错过 ${e.missed}）`).join(", ")}`)
    yield* run(housing, leak.id, { _tag: "Resolve", outcome: "住建局委托检测，确认张秀英家防水层老化，由其承担维修并已完工" })
    yield* run(secretary, leak.id, { _tag: "Disclose" })
    yield* run(secretary, leak.id, { _tag: "Rate", ratings: [{ party: 0, rating: "satisfied" }, { party: 1, rating: "unsatisfied" }] })

    // 3. Parking, withdrawn.
    const parking = yield* mediation.report(secretary, {
      nodeId: unit.id, category: "parking", title: "车位被长期占用", description: "李明的车位被占",
      parties: [{ kind: "person", personId: li.id, side: "applicant" }]
    })
    yield* run(secretary, parking.id, { _tag: "Withdraw", reason: "双方已自行协商解决" })

    const disclosures: Array<Disclosure> = []
    for (const c of [noise, leak, parking]) {
      const result = yield* Effect.result(mediation.disclosure(c.id))
      if (result._tag === "Success") {
        disclosures.push(result.success)
        log(`\n${formatDisclosure(result.success)}`)
      } else {
        const staffView = yield* mediation.get(secretary, c.id)
        log(`\n【未公开】${staffView.title}: ${staffView.state}`)
      }
    }
    const statistics = yield* mediation.statistics(secretary, community.id, { month: "current" })
    log(`\n${formatStatistics(statistics)}`)
    return { disclosures, statistics, board: yield* mediation.publicList(county.id) }
  }).pipe(
    Effect.provide(Layer.mergeAll(Grid.layer, Mediation.layer, Identity.layer).pipe(Layer.provide([layerMemory(), IdGenerator.layerSeeded(2026)]))),
    Effect.provide(TestClock.layer())
  )

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
if (isMain) {
  Effect.runPromise(runMediationRoom()).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
