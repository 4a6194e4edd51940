/**
 * Household visits through HTTP: the authorisation matrix over every visits route (each
 * role of the tiny county, another grid, another county, no token), and the hostile review:
 * a follow-up outside the visitor's scope writes nothing, a visit in the future and a bad
 * follow-up are refused naming the field, and the findings never reach the feed.
 */
import { systemActor } from "@mulin/core"
import { Effect } from "effect"
import { OpenApi } from "effect/http-api"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MulinApi } from "../src/index.js"
import { checkMatrix, type Fixture, type MatrixRow, ok, operationsTagged, problem, setup } from "./helpers.js"

const sys = systemActor()
const HOUR = 3_600_000

describe("household visits over HTTP", () => {
  let f: Fixture
  let visitId: string
  beforeAll(async () => {
    f = await setup()
    const other = await Effect.runPromise(f.grid.createCounty(sys, { code: "999002", name: "邻县" }))
    await f.enrol("otherAdmin", { nodeId: other.id, name: "邻县管理员" }, [{ role: "county_admin", nodeId: other.id }])
    visitId = (await ok(await f.call("POST", "/visits", { token: "worker", body: { householdId: f.tiny.households[0]!.id, visitedAt: new Date(Date.now() - HOUR).toISOString(), reason: "routine", findings: "独居，血压偏高，电话13812340000" } }), 201)).id
  })
  afterAll(() => f.dispose())

  let n = 0
  const rows = (): ReadonlyArray<MatrixRow> => {
    const t = f.tiny
    const hh = t.households[0]!.id
    const g1 = t.grids[0].id
    const staff = { admin: 200, streetAdmin: 200, secretary: 200, worker: 200 }
    const hostile = { leader: 403, member: 403, resident: 403, worker2: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
    return [
      {
        operationId: "recordVisit",
        request: () => ({ method: "POST", path: "/visits", body: { householdId: hh, visitedAt: new Date(Date.now() - HOUR).toISOString(), reason: "care", findings: `回访${++n}` } }),
        expect: { admin: 201, streetAdmin: 201, secretary: 201, worker: 201, ...hostile }
      },
      { operationId: "getVisit", request: () => ({ method: "GET", path: `/visits/${visitId}` }), expect: { ...staff, ...hostile } },
      { operationId: "listVisits", request: () => ({ method: "GET", path: `/nodes/${g1}/visits` }), expect: { ...staff, ...hostile, leader: 404 } },
      { operationId: "listOverdueVisits", request: () => ({ method: "GET", path: `/nodes/${g1}/visits/overdue` }), expect: { ...staff, ...hostile, leader: 404 } },
      { operationId: "getCareHousehold", request: () => ({ method: "GET", path: `/households/${hh}/care` }), expect: { ...staff, ...hostile } },
      {
        operationId: "markCareHousehold",
        request: () => ({ method: "PUT", path: `/households/${hh}/care`, body: { categories: ++n % 2 === 0 ? ["elderly_alone"] : ["disability"] } }),
        expect: { ...staff, ...hostile }
      },
      { operationId: "getVisitsConfig", request: () => ({ method: "GET", path: `/counties/${t.county.id}/visits/config` }), expect: { ...staff, worker2: 200, secretary2: 200, resident: 403, otherAdmin: 404, none: 401 } },
      {
        operationId: "configureVisits",
        request: () => ({ method: "PATCH", path: `/counties/${t.county.id}/visits/config`, body: { categories: [{ code: "elderly_alone", labelZh: "独居老人", labelEn: "Elderly living alone", frequencyDays: 7 }], reasons: [{ code: "routine", labelZh: "例行走访", labelEn: "Routine" }, { code: "care", labelZh: "关爱探访", labelEn: "Care" }] } }),
        expect: { admin: 200, secretary: 404, worker: 404, resident: 404, otherAdmin: 404, none: 401 }
      }
    ]
  }

  it("covers every visits route in the matrix", () => {
    expect(new Set(rows().map((r) => r.operationId))).toEqual(operationsTagged(OpenApi.fromApi(MulinApi), ["Visits"]))
  })

  it("answers each role as the matrix says: staff and the grid's worker act, others are refused or not told the household exists", async () => {
    await checkMatrix(f, rows())
  })

  it("writes nothing when a follow-up lies outside the visitor's scope, and names the field of a bad visit or follow-up", async () => {
    const t = f.tiny
    const events = async () => (await Effect.runPromise(f.grid.events(sys, { limit: 10_000, county: f.tiny.county.id }))).items.length
    const before = await events()
    const body = { householdId: t.households[0]!.id, visitedAt: new Date(Date.now() - HOUR).toISOString(), reason: "care", findings: "漏水" }
    const need = { nodeId: t.units[0].id, kind: "micro_wish", category: "repairs", title: "修理水龙头", dueAt: new Date(Date.now() + 72 * HOUR).toISOString(), reward: null }
    // The item is at community 2: outside the worker's scope, so the need before it is undone too.
    await problem(await f.call("POST", "/visits", { token: "worker", body: { ...body, followUps: [{ kind: "need", need }, { kind: "item", item: { nodeId: t.communities[1].id, kind: "suggestion", category: "property", title: "路灯", text: "路灯不亮" } }] } }), 404, "not_found")
    // Another grid's household.
    await problem(await f.call("POST", "/visits", { token: "worker", body: { ...body, householdId: t.households[2]!.id } }), 404, "not_found")
    const future = await problem(await f.call("POST", "/visits", { token: "worker", body: { ...body, visitedAt: new Date(Date.now() + HOUR).toISOString() } }), 422, "invalid_input")
    expect(future.errors[0]).toMatchObject({ path: "visitedAt", messageZh: "不能晚于当前时间" })
    const badNeed = await problem(await f.call("POST", "/visits", { token: "worker", body: { ...body, followUps: [{ kind: "need", need: { ...need, title: "" } }] } }), 422, "invalid_input")
    expect(badNeed.errors.map((e: { path: string }) => e.path)).toContain("followUps.0.need.title")
    const reason = await problem(await f.call("POST", "/visits", { token: "worker", body: { ...body, reason: "gossip" } }), 422, "invalid_input")
    expect(reason.errors[0].path).toBe("reason")
    expect(await events()).toBe(before)
    // The same visit with its need in scope goes through, raising the need in the same step.
    const visit = await ok(await f.call("POST", "/visits", { token: "worker", body: { ...body, followUps: [{ kind: "need", need }] } }), 201)
    expect(visit.followUps).toEqual([{ kind: "need", id: expect.stringMatching(/^need_/) }])
    expect((await ok(await f.call("GET", `/matching/needs/${visit.followUps[0].id}`, { token: "worker" }))).title).toBe("修理水龙头")
  })

  it("keeps the findings and the categories out of the feed", async () => {
    await ok(await f.call("PUT", `/households/${f.tiny.households[0]!.id}/care`, { token: "worker", body: { categories: [] } }))
    await ok(await f.call("PUT", `/households/${f.tiny.households[0]!.id}/care`, { token: "worker", body: { categories: ["elderly_alone"] } }))
    const feed = JSON.stringify((await ok(await f.call("GET", "/events?limit=1000", { token: "admin" }))).items.filter((e: { type: string }) => e.type.startsWith("visits.")))
    expect(feed).toContain("visits.visit.recorded")
    for (const secret of ["血压", "13812340000", "elderly_alone"]) expect(feed).not.toContain(secret)
  })
})
