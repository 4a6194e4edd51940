/**
 * Mediation through HTTP: the main flow from a resident's report to the public board,
 * authorisation by grid scope and handling level, the configuration for the county's
 * staff only, the supervision run, the problems a refused command answers, and the public
 * endpoints read without a token holding no personal data (a property planting generated
 * residents' names, phones and ID-card numbers in every free-text field).
 */
import { systemActor } from "@mulin/core"
import { arbitraryIdCard, arbitraryMobile, arbitraryName, arbitrarySpelling, findPersonalData } from "@mulin/core/testing"
import { Effect } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeClient } from "../src/client.js"
import { makeHandler, type WebHandler } from "../src/index.js"
import { type Fixture, ok, problem, setup } from "./helpers.js"

const outsider = { kind: "external", name: "欧阳芃翀", phone: "13912345678", idCardNumber: "110101199003074477", houseNumber: "3-2-501", side: "applicant" }
const participants = [{ role: "property_company", name: null }, { role: "owners_committee", name: null }]

describe("mediation over HTTP", () => {
  let f: Fixture
  let web: WebHandler
  let call: (method: string, path: string, token?: string, body?: unknown) => Promise<Response>
  let housing: string
  let supervisor: string

  beforeAll(async () => {
    f = await setup()
    housing = await f.enrol("housing", { nodeId: f.tiny.county.id, name: "住建局王科长" })
    supervisor = await f.enrol("supervisor", { nodeId: f.tiny.county.id, name: "钱督办" })
    web = makeHandler({ services: f.services, authenticate: f.authenticate })
    call = (method, path, token, body) => {
      const headers: Record<string, string> = {}
      if (token !== undefined) headers["authorization"] = `Bearer ${token}`
      if (body !== undefined) headers["content-type"] = "application/json"
      return web.handler(new Request(`http://mulin.test${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) }))
    }
  })
  afterAll(async () => {
    await web.dispose()
    await f.dispose()
  })

  const command = (token: string, id: string, body: unknown) => call("POST", `/mediation/cases/${id}/commands`, token, body)

  it("runs a case from a resident's report through escalation to the public board", async () => {
    const county = f.tiny.county.id
    const config = await ok(await call("PATCH", `/counties/${county}/mediation/config`, "admin", {
      departments: [{ code: "housing", name: "县住建局", categories: ["water_leak"], staff: [housing], supervisor }]
    }))
    expect(config).toMatchObject({ version: 1, deadlines: { acceptHours: 24, firstHearingHours: 72, agreementHours: 360 } })
    await problem(await call("PATCH", `/counties/${county}/mediation/config`, "secretary", { reopenWindowDays: 1 }), 403, "forbidden")

    const resident = f.tiny.people.resident
    const report = {
      nodeId: f.tiny.units[0].id,
      category: "water_leak",
      title: "楼上漏水",
      description: "欧阳芃翀反映漏水。\n已两周。",
      parties: [outsider, { kind: "person", personId: resident.id, side: "respondent" }]
    }
    const c = await ok(await call("POST", "/mediation/cases", "resident", report), 201)
    expect(c).toMatchObject({ state: "reported", level: "community", version: 1 })
    await problem(await call("GET", `/mediation/cases/${c.id}`), 401, "unauthorized")
    await problem(await call("GET", `/mediation/cases/${c.id}`, "resident"), 404, "not_found")
    expect((await ok(await call("GET", `/mediation/cases/${c.id}`, "worker"))).parties).toEqual(report.parties)

    const mediator = f.tiny.people.mediator.id
    await problem(await command("mediator", c.id, { _tag: "Accept", mediators: [mediator] }), 403, "forbidden")
    await problem(await command("secretary", c.id, { _tag: "Accept", mediators: ["mediator-1"] }), 422, "invalid_input")
    await problem(await command("secretary", c.id, { _tag: "Accept", mediators: [f.tiny.people.secretary2.id] }), 404, "not_found")
    await ok(await command("secretary", c.id, { _tag: "Accept", mediators: [mediator], expectedVersion: 1 }))
    await problem(await command("secretary", c.id, { _tag: "Disclose" }), 409, "invalid_transition")
    await problem(await command("secretary", c.id, { _tag: "Accept", mediators: [], expectedVersion: 2 }), 422, "invalid_input")
    await problem(await command("secretary", c.id, { _tag: "Teleport" }), 422, "invalid_input")
    await ok(await command("mediator", c.id, { _tag: "RecordStatement", party: 0, text: "欧阳芃翀：漏水两周。\n物业未处理。", publishable: true }))
    for (const round of ["proposal", "joint", "decision"]) {
      await ok(await command("mediator", c.id, { _tag: "RecordRound", round, participants, outcome: "需鉴定" }))
    }
    await ok(await command("mediator", c.id, { _tag: "RecordNoAgreement", reason: "费用分担无法一致" }))
    expect(await ok(await command("mediator", c.id, { _tag: "Escalate", to: "street", reason: "社区调解未成" }))).toMatchObject({ level: "street" })
    await problem(await command("mediator", c.id, { _tag: "Resolve", outcome: "x" }), 403, "forbidden")
    await problem(await call("GET", `/mediation/cases/${c.id}`, "housing"), 404, "not_found")
    expect(await ok(await command("streetAdmin", c.id, { _tag: "Escalate", to: "department", department: "housing", reason: "需鉴定" }))).toMatchObject({ level: "department", supervisor })
    const listed = await ok(await call("GET", `/nodes/${county}/mediation/cases?department=housing`, "housing"))
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([c.id])
    await ok(await command("housing", c.id, { _tag: "Resolve", outcome: "住建局鉴定后维修完毕" }))
    await problem(await call("GET", `/public/mediation/cases/${c.id}`), 404, "not_found")
    await ok(await command("secretary", c.id, { _tag: "Disclose" }))

    // The public board needs no token and shows nothing personal.
    const planted = { names: [outsider.name, resident.name, f.tiny.people.mediator.name, "住建局王科长", "钱督办", outsider.houseNumber], numbers: [outsider.phone, outsider.idCardNumber] }
    const body = await ok(await call("GET", `/public/mediation/cases/${c.id}`))
    expect(body.parties.map((p: { side: string }) => p.side)).toEqual(["applicant", "respondent"])
    expect(body.statements[0]).toMatchObject({ side: "applicant", text: "欧***：漏水两周。\n物业未处理。" })
    expect(body.escalations.map((e: { to: string }) => e.to)).toEqual([f.tiny.streets[0].name, "县住建局"])
    expect(body.mediators).toBe(1)
    expect(findPersonalData(body, planted)).toEqual([])
    const board = await ok(await call("GET", `/public/nodes/${county}/mediation`))
    expect(board.items).toHaveLength(1)
    expect(findPersonalData(board, planted)).toEqual([])

    const stats = await ok(await call("GET", `/nodes/${county}/mediation/statistics`, "admin"))
    expect(stats).toMatchObject({ cases: 1, responseRate: { percent: 100 }, resolutionRate: { percent: 100 }, lastYear: null })
    expect(stats.onTime.map((o: { level: string; reached: number }) => [o.level, o.reached])).toEqual([["community", 1], ["street", 1], ["department", 1]])
    const thisMonth = await ok(await call("GET", `/nodes/${county}/mediation/statistics?month=current`, "admin"))
    expect(thisMonth).toMatchObject({ cases: 1, lastYear: { cases: 0 } })
    expect(await ok(await call("GET", `/nodes/${county}/mediation/statistics?date=today`, "admin"))).toMatchObject({ cases: 1 })
    await problem(await call("GET", `/nodes/${county}/mediation/statistics`, "worker"), 404, "not_found")
    await problem(await call("GET", `/nodes/${county}/mediation/statistics?from=yesterday`, "admin"), 422, "invalid_input")
    await problem(await call("GET", `/nodes/${county}/mediation/statistics?month=2026-13`, "admin"), 422, "invalid_input")
    await problem(await call("GET", `/nodes/${county}/mediation/statistics?month=current&date=today`, "admin"), 422, "invalid_input")
  })

  it("serves the configuration to the county's staff only, and takes keys as ASCII codes", async () => {
    const county = f.tiny.county.id
    for (const token of ["admin", "secretary", "worker", "mediator"]) await ok(await call("GET", `/counties/${county}/mediation/config`, token))
    for (const token of ["resident", "volunteer", "partner", "leader", "member"]) await problem(await call("GET", `/counties/${county}/mediation/config`, token), 403, "forbidden")
    await problem(await call("GET", `/counties/${county}/mediation/config`, "housing"), 404, "not_found")
    await problem(await call("GET", `/nodes/${county}/mediation/cases?category=${encodeURIComponent("漏水")}`, "admin"), 422, "invalid_input")
    await problem(await call("PATCH", `/counties/${county}/mediation/config`, "admin", { categories: [{ key: "noise", nameZh: "噪音", nameEn: "noise" }, { key: "noise", nameZh: "噪音", nameEn: "noise" }] }), 422, "invalid_input")
  })

  it("publishes no generated resident's name, phone or ID-card number typed into any free-text field (property)", async () => {
    const sys = systemActor()
    let household = 0
    await fc.assert(fc.asyncProperty(
      fc.uniqueArray(arbitraryName, { minLength: 1, maxLength: 3 }),
      arbitraryName,
      fc.tuple(arbitraryMobile, arbitraryIdCard, arbitrarySpelling, arbitrarySpelling),
      async (neighbours, outsiderName, [phone, id, spellPhone, spellId]) => {
        await Effect.runPromise(f.grid.createHousehold(sys, { nodeId: f.tiny.units[1].id, code: `8${++household}`, residents: neighbours.map((name) => ({ name })) }))
        const names = [...neighbours, outsiderName, f.tiny.people.mediator.name, f.tiny.people.resident.name]
        const say = (i: number) => `${names[i % names.length]}（${spellPhone(phone)}）证件${spellId(id)}`
        const c = await ok(await call("POST", "/mediation/cases", "worker", {
          nodeId: f.tiny.units[0].id,
          category: "noise",
          title: say(0),
          description: `${say(1)}\n${say(2)}`,
          parties: [{ kind: "external", name: outsiderName, phone, idCardNumber: id, houseNumber: null, side: "applicant" }, { kind: "person", personId: f.tiny.people.resident.id, side: "respondent" }]
        }), 201)
        await ok(await command("secretary", c.id, { _tag: "Accept", mediators: [f.tiny.people.mediator.id] }))
        await ok(await command("mediator", c.id, { _tag: "RecordStatement", party: 0, text: `${say(3)}\n${say(4)}`, publishable: true }))
        for (const [i, round] of ["proposal", "joint", "decision"].entries()) {
          await ok(await command("mediator", c.id, { _tag: "RecordRound", round, participants: [{ role: "party", name: names[i % names.length] }, { role: "other", name: neighbours[0] }], outcome: say(5 + i) }))
        }
        await ok(await command("mediator", c.id, { _tag: "RecordAgreement", terms: say(8), consents: [true, true] }))
        await ok(await command("mediator", c.id, { _tag: "Resolve", outcome: say(9) }))
        await ok(await command("secretary", c.id, { _tag: "Disclose" }))
        const published = [
          await ok(await call("GET", `/public/mediation/cases/${c.id}`)),
          await ok(await call("GET", `/public/nodes/${f.tiny.units[0].id}/mediation?limit=1000`))
        ]
        expect(findPersonalData(published, { names, numbers: [phone, id] })).toEqual([])
      }
    ), { numRuns: 8 })
  })

  it("lists overdue cases and lets only a supervisor run the supervision", async () => {
    const county = f.tiny.county.id
    const report = { nodeId: f.tiny.units[1].id, category: "noise", title: "夜间噪音", description: "广场舞", parties: [outsider] }
    await ok(await call("POST", "/mediation/cases", "worker", report), 201)
    expect(await ok(await call("GET", `/nodes/${f.tiny.grids[0].id}/mediation/overdue`, "worker"))).toEqual([])
    await problem(await call("POST", "/mediation/supervision", "secretary", {}), 403, "forbidden")
    await problem(await call("POST", "/mediation/supervision", "admin", {}), 403, "forbidden")
    const run = await ok(await call("POST", "/mediation/supervision", "admin", { countyId: county }))
    expect(run).toMatchObject({ overdue: 0, escalated: [], skipped: [] })
    expect(await ok(await call("POST", "/mediation/supervision", "system", {}))).toMatchObject({ overdue: 0 })
  })

  it("serves the mediation endpoints through the typed client", async () => {
    const result = await Effect.runPromise(Effect.gen(function*() {
      const api = yield* makeClient({ baseUrl: "http://mulin.test", fetch: (input, init) => web.handler(new Request(input as string, init)), token: "admin" })
      const config = yield* api.mediation.config({ params: { id: f.tiny.county.id } })
      const page = yield* api.mediation.list({ params: { id: f.tiny.county.id }, query: {} })
      const stats = yield* api.mediation.statistics({ params: { id: f.tiny.county.id }, query: { month: "current" } })
      return { categories: config.categories.length, cases: page.items.length, month: stats.from }
    }))
    expect(result.categories).toBeGreaterThan(5)
    expect(result.cases).toBeGreaterThan(0)
    expect(result.month).not.toBeNull()
  })
})
