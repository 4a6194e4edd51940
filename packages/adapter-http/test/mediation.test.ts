/**
 * Mediation through HTTP: the main flow from a resident's report to the public board,
 * authorisation by grid scope and handling level, the supervision run, and the problems a
 * refused command answers.
 */
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeClient } from "../src/client.js"
import { makeHandler, type WebHandler } from "../src/index.js"
import { type Fixture, setup } from "./helpers.js"

const parties = [
  { name: "欧阳芃翀", phone: "13912345678", idCardNumber: "110101199003074477", houseNumber: "3-2-501", side: "applicant" },
  { name: "司马婕", phone: "13787654321", idCardNumber: null, houseNumber: "3-2-401", side: "respondent" }
]
const personal = ["欧阳芃翀", "司马婕", "13912345678", "13787654321", "110101199003074477", "3-2-501", "3-2-401"]

describe("mediation over HTTP", () => {
  let f: Fixture
  let web: WebHandler
  let call: (method: string, path: string, token?: string, body?: unknown) => Promise<Response>

  beforeAll(async () => {
    f = await setup()
    f.tokens["street"] = f.tiny.people.streetAdmin.id
    await f.enrol("housing", { nodeId: f.tiny.county.id, name: "住建局王科长" })
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

  const ok = async (response: Response, status = 200) => {
    const text = await response.text()
    expect(response.status, text).toBe(status)
    return JSON.parse(text)
  }
  const problem = async (response: Response, status: number, code: string) => {
    const text = await response.text()
    expect(response.status, text).toBe(status)
    expect(response.headers.get("content-type")).toBe("application/problem+json")
    expect(JSON.parse(text).code).toBe(code)
  }
  const command = (token: string, id: string, body: unknown) => call("POST", `/mediation/cases/${id}/commands`, token, body)

  it("runs a case from a resident's report through escalation to the public board", async () => {
    const county = f.tiny.county.id
    const config = await ok(await call("PATCH", `/counties/${county}/mediation/config`, "admin", {
      departments: [{ code: "housing", name: "县住建局", categories: ["water_leak"], staff: ["dept-housing-1"], supervisor: { id: "sup-1", name: "钱督办" } }]
    }))
    expect(config).toMatchObject({ version: 1, deadlines: { acceptHours: 24, firstHearingHours: 72, agreementHours: 360 } })
    await problem(await call("PATCH", `/counties/${county}/mediation/config`, "secretary", { reopenWindowDays: 1 }), 403, "forbidden")

    const report = { nodeId: f.tiny.units[0].id, category: "water_leak", title: "楼上漏水", description: "欧阳芃翀反映漏水", parties }
    const c = await ok(await call("POST", "/mediation/cases", "resident", report), 201)
    expect(c).toMatchObject({ state: "reported", level: "community", version: 1 })
    await problem(await call("GET", `/mediation/cases/${c.id}`), 401, "unauthorized")
    await problem(await call("GET", `/mediation/cases/${c.id}`, "resident"), 404, "not_found")
    expect((await ok(await call("GET", `/mediation/cases/${c.id}`, "worker"))).parties[0].name).toBe("欧阳芃翀")

    await problem(await command("mediator", c.id, { _tag: "Accept", mediators: [{ id: "mediator-1", name: "孙调解" }] }), 403, "forbidden")
    await ok(await command("secretary", c.id, { _tag: "Accept", mediators: [{ id: "mediator-1", name: "孙调解" }], expectedVersion: 1 }))
    await problem(await command("secretary", c.id, { _tag: "Disclose" }), 409, "invalid_transition")
    await problem(await command("secretary", c.id, { _tag: "Accept", mediators: [], expectedVersion: 2 }), 422, "invalid_input")
    await problem(await command("secretary", c.id, { _tag: "Teleport" }), 422, "invalid_input")
    await ok(await command("mediator", c.id, { _tag: "RecordStatement", party: 0, text: "欧阳芃翀：漏水两周", publishable: true }))
    for (const round of ["proposal", "joint", "decision"]) {
      await ok(await command("mediator", c.id, { _tag: "RecordRound", round, participants: ["物业公司", "业委会"], outcome: "需鉴定" }))
    }
    await ok(await command("mediator", c.id, { _tag: "RecordNoAgreement", reason: "费用分担无法一致" }))
    expect(await ok(await command("mediator", c.id, { _tag: "Escalate", to: "street", reason: "社区调解未成" }))).toMatchObject({ level: "street" })
    await problem(await command("mediator", c.id, { _tag: "Resolve", outcome: "x" }), 403, "forbidden")
    await problem(await call("GET", `/mediation/cases/${c.id}`, "housing"), 404, "not_found")
    expect(await ok(await command("street", c.id, { _tag: "Escalate", to: "department", department: "housing", reason: "需鉴定" }))).toMatchObject({ level: "department", supervisor: { id: "sup-1" } })
    const listed = await ok(await call("GET", `/nodes/${county}/mediation/cases?department=housing`, "housing"))
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([c.id])
    await ok(await command("housing", c.id, { _tag: "Resolve", outcome: "住建局鉴定后维修完毕" }))
    await problem(await call("GET", `/public/mediation/cases/${c.id}`), 404, "not_found")
    await ok(await command("secretary", c.id, { _tag: "Disclose" }))

    // The public board needs no token and shows nothing personal.
    const disclosure = await call("GET", `/public/mediation/cases/${c.id}`)
    const text = await disclosure.clone().text()
    const body = await ok(disclosure)
    expect(body.parties.map((p: { name: string }) => p.name)).toEqual(["欧***", "司**"])
    expect(body.statements[0].text).toBe("欧***：漏水两周")
    expect(body.escalations.map((e: { to: string }) => e.to)).toEqual([f.tiny.streets[0].name, "县住建局"])
    for (const value of personal) expect(text).not.toContain(value)
    const board = await call("GET", `/public/nodes/${county}/mediation`)
    const boardText = await board.clone().text()
    expect((await ok(board)).items).toHaveLength(1)
    for (const value of personal) expect(boardText).not.toContain(value)

    const stats = await ok(await call("GET", `/nodes/${county}/mediation/statistics`, "admin"))
    expect(stats).toMatchObject({ cases: 1, responseRate: { percent: 100 }, resolutionRate: { percent: 100 } })
    expect(stats.onTime.map((o: { level: string; reached: number }) => [o.level, o.reached])).toEqual([["community", 1], ["street", 1], ["department", 1]])
    await problem(await call("GET", `/nodes/${county}/mediation/statistics`, "worker"), 404, "not_found")
    await problem(await call("GET", `/nodes/${county}/mediation/statistics?from=yesterday`, "admin"), 422, "invalid_input")
  })

  it("lists overdue cases and lets only a supervisor run the supervision", async () => {
    const county = f.tiny.county.id
    const report = { nodeId: f.tiny.units[1].id, category: "noise", title: "夜间噪音", description: "广场舞", parties: [parties[0]] }
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
      return { categories: config.categories.length, cases: page.items.length }
    }))
    expect(result.categories).toBeGreaterThan(5)
    expect(result.cases).toBeGreaterThan(0)
  })
})
