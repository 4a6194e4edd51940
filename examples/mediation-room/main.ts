/**
 * The mediation room (矛盾调解室) of a Xi County community, with the in-memory store:
 * `npx tsx --conditions=@mulin/source examples/mediation-room/main.ts`.
 *
 * Three disputes, "listen once, deliberate three times, publish three times" (一听三议三公开):
 * 1. a noise dispute settled by the community's mediation room;
 * 2. a water leak the community cannot settle: the supervision run escalates it to the
 *    street when the deadline to escalate passes, and to the county housing bureau when
 *    the street's deadline passes, which resolves it;
 * 3. a parking dispute the applicant withdraws.
 * It prints each public disclosure (personal data masked) and the community's statistics.
 * Time is simulated with a test clock, so ten days pass in a moment.
 */
import { resolve } from "node:path"
import { Effect, Layer } from "effect"
import { TestClock } from "effect/testing"
import {
  type Actor,
  type CaseCommand,
  type CaseId,
  type Disclosure,
  Grid,
  IdGenerator,
  Mediation,
  type MediationStatistics,
  systemActor
} from "@mulin/core"
import { layerMemory } from "@mulin/core/testing"

const sys = systemActor("mediation-room")

/** A disclosure as the notice board (公示栏) shows it. */
export const formatDisclosure = (d: Disclosure): string => {
  const lines = [
    `【三公开】${d.topic}  (${d.category.nameZh} · ${d.placeName})`,
    `  当事人: ${d.parties.map((p) => `${p.name} ${p.phone ?? ""} ${p.houseNumber ?? ""}`.trim()).join("; ")}`,
    `  调解员: ${d.mediators.join(", ")}`,
    "  过程:"
  ]
  for (const step of d.process) lines.push(`    ${step.at.slice(0, 16).replace("T", " ")}  [${step.level}] ${step.label.zh}`)
  for (const s of d.statements) lines.push(`  陈述 ${s.party}: ${s.text}`)
  for (const r of d.rounds) lines.push(`  ${r.label.zh}: ${r.outcome}  (${r.participants.join("、")})`)
  for (const e of d.escalations) lines.push(`  督办: ${e.to}，期限 ${e.deadline.slice(0, 10)}，督办人 ${e.supervisor}`)
  lines.push(`  结果: ${d.result.label.zh}${d.result.agreement === null ? "" : `；协议: ${d.result.agreement}`}${d.result.outcome === null ? "" : `；${d.result.outcome}`}`)
  lines.push(`  满意度: ${d.satisfaction.byRating.map((r) => `${r.rating} ${r.count}`).join(", ")}`)
  return lines.join("\n")
}

/** The statistics as one short table. */
export const formatStatistics = (s: MediationStatistics): string =>
  [
    `案件 ${s.cases}（在办 ${s.open}）  响应率 ${s.responseRate.percent}%  解决率 ${s.resolutionRate.percent}%  满意率 ${s.satisfactionRate.percent}%  办结中位时长 ${s.medianHoursToResolve ?? "-"} 小时`,
    `  按类别: ${s.byCategory.map((c) => `${c.nameZh} ${c.count}`).join(", ")}`,
    `  按状态: ${s.byState.map((c) => `${c.state} ${c.count}`).join(", ")}`,
    `  按层级: ${s.byLevel.map((c) => `${c.level} ${c.count}`).join(", ")}`,
    `  按期率: ${s.onTime.map((o) => `${o.level} ${o.onTime}/${o.reached}`).join(", ")}`
  ].join("\n")

/** Runs the three cases; returns what it printed, for the example's test. */
export const runMediationRoom = (log: (line: string) => void = console.log) =>
  Effect.gen(function*() {
    yield* TestClock.setTime(Date.UTC(2026, 5, 1, 1, 0, 0))
    const grid = yield* Grid
    const mediation = yield* Mediation

    // Xi County, one street, one community, one grid, one building, one unit.
    const county = yield* grid.createCounty(sys, { code: "141030", name: "隰县" })
    const street = yield* grid.createNode(sys, { parentId: county.id, code: "001", name: "龙泉镇" })
    const community = yield* grid.createNode(sys, { parentId: street.id, code: "001", name: "城南社区" })
    const g = yield* grid.createNode(sys, { parentId: community.id, code: "G01", name: "第一网格", partyOrganisation: "城南社区第一网格党支部" })
    const building = yield* grid.createNode(sys, { parentId: g.id, code: "3", name: "3号楼" })
    const unit = yield* grid.createNode(sys, { parentId: building.id, code: "2", name: "2单元" })

    const admin: Actor = { id: "admin", kind: "person", name: "县社会工作部", grants: [{ role: "county_admin", scope: county.id }] }
    const secretary: Actor = { id: "secretary", kind: "person", name: "社区书记", grants: [{ role: "community_secretary", scope: community.id }] }
    const mediator: Actor = { id: "mediator", kind: "person", name: "调解员", grants: [{ role: "mediator", scope: community.id }] }
    const housing: Actor = { id: "housing-officer", kind: "person", name: "住建局专员", grants: [] }
    yield* mediation.configure(admin, county.id, {
      departments: [
        { code: "housing", name: "县住房和城乡建设局", categories: ["water_leak", "property_fee"], staff: [housing.id], supervisor: { id: "housing-chief", name: "贺建国" } },
        { code: "urban", name: "县城市管理局", categories: ["parking", "noise"], staff: [], supervisor: null }
      ],
      streetSupervisors: [{ streetId: street.id, supervisor: { id: "street-chief", name: "冯志刚" } }]
    })

    const run = (actor: Actor, id: CaseId, ...commands: ReadonlyArray<CaseCommand>) =>
      Effect.forEach(commands, (command) => mediation.execute(actor, id, command), { discard: true })
    const deliberate = (id: CaseId, outcomes: readonly [string, string, string]) =>
      run(mediator, id,
        { _tag: "RecordRound", round: "proposal", participants: ["网格党支部", "老党员代表"], outcome: outcomes[0] },
        { _tag: "RecordRound", round: "joint", participants: ["物业公司", "社区", "业委会"], outcome: outcomes[1] },
        { _tag: "RecordRound", round: "decision", participants: ["当事人双方", "居民议事会"], outcome: outcomes[2] })
    const accept = { _tag: "Accept", mediators: [{ id: mediator.id, name: "郭秀兰" }] } as const

    // 1. Noise, settled at community level.
    const noise = yield* mediation.report(secretary, {
      nodeId: unit.id, category: "noise", title: "刘桂芳反映楼上深夜噪音", description: "3-2-501 刘桂芳反映 3-2-601 王建军家深夜装修",
      parties: [
        { name: "刘桂芳", phone: "13935712345", idCardNumber: null, houseNumber: "3-2-501", side: "applicant" },
        { name: "王建军", phone: "13835798765", idCardNumber: "142430198503150012", houseNumber: "3-2-601", side: "respondent" }
      ]
    })
    yield* run(secretary, noise.id, accept)
    yield* run(mediator, noise.id,
      { _tag: "RecordStatement", party: 0, text: "刘桂芳：连续一周晚上十点后还在电钻施工", publishable: true },
      { _tag: "RecordStatement", party: 1, text: "王建军：工期紧，电话13835798765可随时联系", publishable: false })
    yield* deliberate(noise.id, ["党支部提议限定施工时段", "物业出具装修管理规定", "双方同意：施工仅限 8:00–12:00、14:00–18:00"])
    yield* run(mediator, noise.id,
      { _tag: "RecordAgreement", terms: "王建军家施工限定在 8:00–12:00、14:00–18:00，违者由物业停工", consents: [true, true] },
      { _tag: "Resolve", outcome: "一周回访，未再发生夜间施工" })
    yield* run(secretary, noise.id, { _tag: "Disclose" })
    yield* run(mediator, noise.id, { _tag: "Rate", ratings: [{ party: 0, rating: "satisfied" }, { party: 1, rating: "basically_satisfied" }] })
    yield* run(secretary, noise.id, { _tag: "Close" })

    // 2. A water leak the community cannot settle; deadlines pass and supervision escalates it.
    const leak = yield* mediation.report(secretary, {
      nodeId: unit.id, category: "water_leak", title: "张秀英家卫生间漏水殃及楼下", description: "楼下赵德胜家天花板渗水",
      parties: [
        { name: "赵德胜", phone: "13700001111", idCardNumber: null, houseNumber: "3-2-301", side: "applicant" },
        { name: "张秀英", phone: "13700002222", idCardNumber: null, houseNumber: "3-2-401", side: "respondent" }
      ]
    })
    yield* run(secretary, leak.id, accept)
    yield* run(mediator, leak.id, { _tag: "RecordStatement", party: 0, text: "赵德胜：天花板渗水已两周", publishable: true })
    yield* deliberate(leak.id, ["党支部提议先查明漏点", "物业称需专业检测，费用分担有分歧", "双方未能就费用达成一致"])
    yield* run(mediator, leak.id, { _tag: "RecordNoAgreement", reason: "维修费用分担分歧较大" })
    yield* TestClock.adjust("25 hours")
    const first = yield* mediation.runSupervision(sys)
    log(`督办巡查 1: ${first.escalated.map((e) => `${e.to}（错过 ${e.missed}）`).join(", ")}`)
    yield* TestClock.adjust("241 hours")
    const second = yield* mediation.runSupervision(sys)
    log(`督办巡查 2: ${second.escalated.map((e) => `${e.to}（错过 ${e.missed}）`).join(", ")}`)
    yield* run(housing, leak.id, { _tag: "Resolve", outcome: "住建局委托检测，确认张秀英家防水层老化，由其承担维修并已完工" })
    yield* run(secretary, leak.id, { _tag: "Disclose" })
    yield* run(secretary, leak.id, { _tag: "Rate", ratings: [{ party: 0, rating: "satisfied" }, { party: 1, rating: "unsatisfied" }] })

    // 3. Parking, withdrawn.
    const parking = yield* mediation.report(secretary, {
      nodeId: unit.id, category: "parking", title: "车位被长期占用", description: "李明的车位被占",
      parties: [{ name: "李明", phone: "13600003333", idCardNumber: null, houseNumber: "3-2-101", side: "applicant" }]
    })
    yield* run(secretary, parking.id, { _tag: "Withdraw", reason: "双方已自行协商解决" })

    const disclosures: Array<Disclosure> = []
    for (const c of [noise, leak, parking]) {
      const result = yield* Effect.result(mediation.disclosure(c.id))
      if (result._tag === "Success") {
        disclosures.push(result.success)
        log(`\n${formatDisclosure(result.success)}`)
      } else {
        log(`\n【未公开】${(yield* mediation.get(secretary, c.id)).title}: ${(yield* mediation.get(secretary, c.id)).state}`)
      }
    }
    const statistics = yield* mediation.statistics(secretary, community.id)
    log(`\n${formatStatistics(statistics)}`)
    return { disclosures, statistics, board: yield* mediation.publicList(county.id) }
  }).pipe(
    Effect.provide(Layer.mergeAll(Grid.layer, Mediation.layer).pipe(Layer.provide([layerMemory(), IdGenerator.layerSeeded(2026)]))),
    Effect.provide(TestClock.layer())
  )

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
if (isMain) {
  Effect.runPromise(runMediationRoom()).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
