/**
 * The demo county's partners (睦邻合伙人) and serving party members (在职党员报到): one
 * partner of each type in street 001, the barber's merchant account linked so its free
 * haircut is listed at 0 points, a free service it gave, and two party members employed by
 * the power company registered with community 001/001, with the hours they served (one also
 * by attending the 睦邻节: the party reaction counts it).
 */
import { Effect, Option } from "effect"
import { type AccountId, Activities, Grid, GridStore, type PartnerId, Partners, PartyMembers, type PersonId, Points, systemActor } from "@mulin/core"

/** Registers the demo partners and party members as the system. */
export const seedPartners = (countyCode: string) =>
  Effect.gen(function*() {
    const grid = yield* Grid
    const store = yield* GridStore
    const partners = yield* Partners
    const party = yield* PartyMembers
    const activities = yield* Activities
    const points = yield* Points
    const sys = systemActor("seed")
    const county = Option.getOrThrow(yield* store.findCountyByCode(countyCode))
    const node = (path: string) => Effect.map(grid.findNode(sys, path === "" ? countyCode : `${countyCode}/${path}`), (n) => n.id)
    const person = (code: string) => Effect.map(store.findPersonByCode(county.id, code), (p) => Option.getOrThrow(p).id as PersonId)
    const community = yield* node("001/001")
    const street = yield* node("001")

    const barber = yield* partners.register(sys, { nodeId: community, type: "merchant", name: "老街理发店", serves: [community] })
    yield* partners.register(sys, { nodeId: community, type: "clinic", name: "第一社区卫生服务站" })
    yield* partners.register(sys, { nodeId: street, type: "social_organisation", name: "阳光社工服务中心", serves: [street] })
    const power = yield* partners.register(sys, { nodeId: yield* node(""), type: "unit", name: "国网兖州供电公司" })
    yield* partners.register(sys, { nodeId: community, type: "talent", name: "王师傅剪纸工作室" })

    // The barber's staff member keeps its merchant account; its free haircut for the elderly is listed at 0 points.
    const shopkeeper = yield* person("DEMO-PARTNER")
    yield* partners.execute(sys, barber.id, { _tag: "AddStaff", personId: shopkeeper, role: "店长" })
    const account = yield* points.openAccount(sys, { nodeId: community, kind: "merchant", ownerId: shopkeeper, name: "老街理发店" })
    yield* partners.execute(sys, barber.id, { _tag: "LinkMerchant", merchantAccountId: account.id as AccountId })
    const free = yield* points.publishService(sys, { merchantAccountId: account.id as AccountId, nodeId: community, title: "老人免费理发", pricePoints: 0 })
    yield* partners.recordService(sys, barber.id, { nodeId: community, title: "老人免费理发", serviceId: free.id, people: 8 })

    // Two party members employed by the power company, registered with community 001/001.
    const member = yield* person("DEMO-MEMBER")
    const second = yield* grid.createPerson(sys, { nodeId: community, code: "DEMO-MEMBER2", name: "孔在职" })
    for (const [personId, hours] of [[member, [2, 1.5]], [second.id, [3]]] as const) {
      const r = yield* party.register(sys, { personId, communityId: community, employerId: power.id as PartnerId, commitments: ["volunteer_service", "policy_promotion"] })
      for (const h of hours) yield* party.execute(sys, r.id, { _tag: "RecordService", kind: "volunteer_service", hours: h })
    }
    // The first member attends the 睦邻节 happening now: its planned hours count as her service, without staff recording them.
    const festival = (yield* activities.list(sys, community, { limit: 100 })).items.find((a) => a.kind === "neighbourhood_festival")
    if (festival !== undefined) yield* activities.execute(sys, festival.id, { _tag: "CheckIn", personId: member })
  })
