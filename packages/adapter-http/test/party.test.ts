/**
 * Partners (睦邻合伙人) and party members' registration (在职党员报到) through HTTP: the
 * authorisation matrix over every route of both groups (each role of the tiny county,
 * another community, another county, no token), the hostile review (ids from elsewhere in a
 * body, bad hours, a second registration, nothing half-written), and names and phones kept
 * from those who may not read personal data and from the feed.
 */
import { type Partner, type PersonId, systemActor } from "@mulin/core"
import { Effect } from "effect"
import { OpenApi } from "effect/http-api"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MulinApi } from "../src/index.js"
import { checkMatrix, type Fixture, type MatrixRow, ok, operationsTagged, problem, setup } from "./helpers.js"

const sys = systemActor()

describe("partners and party members over HTTP", () => {
  let f: Fixture
  let clinic: Partner
  let unit: Partner
  let registrationId: string
  const spare: Array<PersonId> = []
  beforeAll(async () => {
    f = await setup()
    const t = f.tiny
    clinic = await Effect.runPromise(f.partners.register(sys, { nodeId: t.communities[0].id, type: "clinic", name: "社区卫生服务站" }))
    unit = await Effect.runPromise(f.partners.register(sys, { nodeId: t.county.id, type: "unit", name: "县供电公司" }))
    registrationId = (await Effect.runPromise(f.party.register(sys, { personId: t.people.member.id, communityId: t.communities[0].id, employerId: unit.id }))).id
    for (let i = 0; i < 8; i++) spare.push((await Effect.runPromise(f.grid.createPerson(sys, { nodeId: t.communities[0].id, code: `PM${i}`, name: `在职党员${i}`, phone: `1370000000${i}` }))).id)
    // Another county's administrator, who must find nothing here.
    const neighbour = await Effect.runPromise(f.grid.createCounty(sys, { code: "999003", name: "邻县" }))
    await f.enrol("otherAdmin", { nodeId: neighbour.id, name: "邻县管理员" }, [{ role: "county_admin", nodeId: neighbour.id }])
  })
  afterAll(() => f.dispose())

  let n = 0
  const rows = (): ReadonlyArray<MatrixRow> => {
    const c1 = f.tiny.communities[0].id
    const t = f.tiny
    const manage = { admin: 0, streetAdmin: 0, secretary: 0, resident: 403, partner: 403, worker: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
    const staff = (status: number) => ({ ...manage, admin: status, streetAdmin: status, secretary: status })
    const read = { admin: 200, secretary: 200, resident: 200, partner: 200, worker: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
    return [
      { operationId: "registerPartner", request: () => ({ method: "POST", path: "/partners", body: { nodeId: c1, type: "talent", name: `新能人${++n}` } }), expect: staff(201) },
      { operationId: "runPartnerCommand", request: () => ({ method: "POST", path: `/partners/${clinic.id}/commands`, body: { _tag: "Update", name: `社区卫生服务站${++n}` } }), expect: staff(200) },
      { operationId: "recordPartnerService", request: () => ({ method: "POST", path: `/partners/${clinic.id}/services`, body: { nodeId: c1, title: "义诊", people: 5 } }), expect: staff(201) },
      { operationId: "getPartner", request: () => ({ method: "GET", path: `/partners/${clinic.id}` }), expect: read },
      { operationId: "listPartners", request: () => ({ method: "GET", path: `/nodes/${c1}/partners` }), expect: read },
      { operationId: "getPartnerReport", request: () => ({ method: "GET", path: `/nodes/${c1}/partners/report` }), expect: staff(200) },
      {
        operationId: "registerPartyMember",
        request: () => ({ method: "POST", path: "/party/members", body: { personId: spare[n++ % spare.length], communityId: c1, employerId: unit.id } }),
        expect: { ...staff(201), mediator: 403, member: 404 }
      },
      {
        operationId: "runPartyMemberCommand",
        request: () => ({ method: "POST", path: `/party/members/${registrationId}/commands`, body: { _tag: "RecordService", kind: "care_visit", hours: 1 } }),
        expect: { ...staff(200), mediator: 403, member: 404 }
      },
      { operationId: "getPartyMember", request: () => ({ method: "GET", path: `/party/members/${registrationId}` }), expect: { ...read, member: 200 } },
      { operationId: "listPartyMembers", request: () => ({ method: "GET", path: `/nodes/${c1}/party/members` }), expect: read },
      { operationId: "getPartyReport", request: () => ({ method: "GET", path: `/nodes/${c1}/party/report` }), expect: staff(200) },
      { operationId: "getPartyConfig", request: () => ({ method: "GET", path: `/counties/${t.county.id}/party/config` }), expect: { admin: 200, secretary: 200, resident: 200, secretary2: 200, otherAdmin: 404, none: 401 } },
      {
        operationId: "configureParty",
        request: () => ({ method: "PATCH", path: `/counties/${t.county.id}/party/config`, body: { serviceKinds: [{ code: "care_visit", labelZh: "走访帮扶", labelEn: "Visits and help" }, { code: "grid_patrol", labelZh: "网格巡查", labelEn: "Grid patrol" }] } }),
        expect: { admin: 200, secretary: 404, resident: 404, otherAdmin: 404, none: 401 }
      }
    ]
  }

  it("covers every route of both groups, and answers each role as the matrix says: staff act in their subtree, residents read, others are not told the object exists", async () => {
    expect(new Set(rows().map((r) => r.operationId))).toEqual(operationsTagged(OpenApi.fromApi(MulinApi), ["Partners", "Party members"]))
    await checkMatrix(f, rows())
  })

  it("refuses ids from elsewhere, bad hours and a second registration with the field named, writing nothing", async () => {
    const t = f.tiny
    const events = () => Effect.runPromise(Effect.map(f.grid.events(sys, { limit: 10_000, county: f.tiny.county.id }), (page) => page.items.length))
    const merchant = await Effect.runPromise(f.points.openAccount(sys, { nodeId: t.communities[0].id, kind: "merchant", ownerId: t.people.partner.id, name: "便民超市" }))
    const before = await events()
    const body = { nodeId: t.communities[0].id, type: "merchant", name: "便民超市" }
    await problem(await f.call("POST", "/partners", { token: "secretary", body: { ...body, serves: [t.communities[1].id] } }), 404, "not_found")
    await problem(await f.call("POST", "/partners", { token: "secretary2", body }), 404, "not_found")
    const staff = await problem(await f.call("POST", `/partners/${clinic.id}/commands`, { token: "secretary", body: { _tag: "AddStaff", personId: t.people.worker2.id, role: "医生" } }), 404, "not_found")
    expect(staff.entity).toBe("person")
    const hours = await problem(await f.call("POST", `/party/members/${registrationId}/commands`, { token: "secretary", body: { _tag: "RecordService", kind: "care_visit", hours: 0.3 } }), 422, "invalid_input")
    expect(hours.errors[0].path).toBe("payload.hours")
    expect(hours.errors[0].messageZh).toMatch(/半小时/u)
    const employer = await problem(await f.call("POST", "/party/members", { token: "secretary", body: { personId: spare[7], communityId: t.communities[0].id, employerId: clinic.id } }), 422, "invalid_input")
    expect(employer.errors[0].path).toBe("employerId")
    const again = await problem(await f.call("POST", "/party/members", { token: "secretary", body: { personId: t.people.member.id, communityId: t.communities[0].id, employerId: unit.id } }), 409, "conflict")
    expect(again.reason).toBe("already_registered")
    // A merchant that is no partner's lists nothing at 0 points.
    const free = await problem(await f.call("POST", "/points/services", { token: "partner", body: { merchantAccountId: merchant.id, nodeId: t.communities[0].id, title: "免费送货", pricePoints: 0 } }), 422, "invalid_input")
    expect(free.errors[0].path).toBe("pricePoints")
    expect(free.errors[0].messageZh).toMatch(/合伙人/u)
    expect(await events()).toBe(before)
  })

  it("shows names and phones to staff who read personal data, masked to residents, never in the feed", async () => {
    const t = f.tiny
    const full = await ok(await f.call("GET", `/party/members/${registrationId}`, { token: "secretary" }))
    expect(full).toMatchObject({ name: t.people.member.name, phone: "13900000003", masked: false })
    const masked = await ok(await f.call("GET", `/party/members/${registrationId}`, { token: "resident" }))
    expect(masked.masked).toBe(true)
    expect(masked.name).not.toBe(t.people.member.name)
    expect(masked.phone).not.toContain("0000003")
    const report = await ok(await f.call("GET", `/nodes/${t.communities[0].id}/party/report`, { token: "secretary" }))
    expect(report.byEmployer[0]).toMatchObject({ employerId: unit.id, name: "县供电公司" })
    const feed = await ok(await f.call("GET", "/events?limit=1000", { token: "admin" }))
    const party = (feed.items as Array<{ type: string; payload: unknown }>).filter((e) => e.type.startsWith("party.") || e.type.startsWith("partners."))
    expect(party.length).toBeGreaterThan(0)
    const text = JSON.stringify(party)
    for (const v of [t.people.member.name, "13900000003", t.people.member.id]) expect(text).not.toContain(v)
  })
})
