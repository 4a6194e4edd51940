/**
 * Reports through HTTP: the authorisation matrix over every reports route (each role of the
 * tiny county, another community, another county, no token), and the hostile review: a
 * period or cursor that is not one is refused naming the field, another community's work
 * never shows, and a need posted through the API is in the ledger in the same step.
 */
import { systemActor } from "@mulin/core"
import { Effect } from "effect"
import { OpenApi } from "effect/http-api"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MulinApi } from "../src/index.js"
import { checkMatrix, type Fixture, type MatrixRow, ok, operationsTagged, problem, setup } from "./helpers.js"

const sys = systemActor()
const HOUR = 3_600_000

describe("reports over HTTP", () => {
  let f: Fixture
  beforeAll(async () => {
    f = await setup()
    const other = await Effect.runPromise(f.grid.createCounty(sys, { code: "999002", name: "邻县" }))
    await f.enrol("otherAdmin", { nodeId: other.id, name: "邻县管理员" }, [{ role: "county_admin", nodeId: other.id }])
  })
  afterAll(() => f.dispose())

  let n = 0
  const rows = (): ReadonlyArray<MatrixRow> => {
    const t = f.tiny
    const c1 = t.communities[0].id
    const staff = { admin: 200, streetAdmin: 200, secretary: 200 }
    const hostile = { worker: 404, leader: 404, resident: 403, secretary2: 404, worker2: 404, resident2: 404, otherAdmin: 404, none: 401 }
    return [
      { operationId: "getKpiReport", request: () => ({ method: "GET", path: `/nodes/${c1}/reports/kpis?month=2026-06` }), expect: { ...staff, ...hostile } },
      { operationId: "listWorkLedger", request: () => ({ method: "GET", path: `/nodes/${c1}/reports/ledger?limit=10` }), expect: { ...staff, ...hostile } },
      { operationId: "getHeadlineReport", request: () => ({ method: "GET", path: `/nodes/${c1}/reports/headline` }), expect: { ...staff, ...hostile } },
      { operationId: "getReportsConfig", request: () => ({ method: "GET", path: `/counties/${t.county.id}/reports/config` }), expect: { ...staff, secretary2: 200, worker: 403, resident: 403, otherAdmin: 404, none: 401 } },
      {
        operationId: "configureReports",
        request: () => ({ method: "PATCH", path: `/counties/${t.county.id}/reports/config`, body: { responseHours: 24 + (++n % 2) } }),
        expect: { admin: 200, streetAdmin: 403, secretary: 403, worker: 403, resident: 403, otherAdmin: 404, none: 401 }
      }
    ]
  }

  it("covers every reports route in the matrix", () => {
    expect(new Set(rows().map((r) => r.operationId))).toEqual(operationsTagged(OpenApi.fromApi(MulinApi), ["Reports"]))
  })

  it("answers each role as the matrix says: staff in scope read, others are refused or not told the node exists", async () => {
    await checkMatrix(f, rows())
  })

  it("refuses a period, cursor or setting that is not one, naming the field", async () => {
    const c1 = f.tiny.communities[0].id
    const month = await problem(await f.call("GET", `/nodes/${c1}/reports/kpis?month=2026-13`, { token: "admin" }), 422, "invalid_input")
    expect(JSON.stringify(month)).toContain("month")
    const to = await problem(await f.call("GET", `/nodes/${c1}/reports/kpis?from=2026-06-10&to=2026-06-01`, { token: "admin" }), 422, "invalid_input")
    expect(to.errors[0]).toMatchObject({ path: "to", messageZh: "不能早于 from" })
    const after = await problem(await f.call("GET", `/nodes/${c1}/reports/ledger?after=nonsense`, { token: "admin" }), 422, "invalid_input")
    expect(after.errors[0].path).toBe("after")
    const hours = await problem(await f.call("PATCH", `/counties/${f.tiny.county.id}/reports/config`, { token: "admin", body: { responseHours: 0 } }), 422, "invalid_input")
    expect(hours.errors[0].path).toBe("payload.responseHours")
  })

  it("puts a need posted through the API in the ledger of its subtree only, in the same step", async () => {
    const t = f.tiny
    const need = { nodeId: t.units[0].id, kind: "micro_wish", category: "repairs", title: "修理水龙头", dueAt: new Date(Date.now() + 72 * HOUR).toISOString(), reward: null }
    const posted = await ok(await f.call("POST", "/matching/needs", { token: "secretary", body: need }), 201)
    const mine = await ok(await f.call("GET", `/nodes/${t.communities[0].id}/reports/ledger`, { token: "secretary" }))
    expect(mine.items).toContainEqual(expect.objectContaining({ kind: "need", id: posted.id, category: "repairs", channel: "direct", outcome: "open", nodeId: t.units[0].id }))
    // The row carries no personal data: no title, no requester.
    expect(JSON.stringify(mine.items)).not.toContain("修理水龙头")
    const theirs = await ok(await f.call("GET", `/nodes/${t.communities[1].id}/reports/ledger`, { token: "secretary2" }))
    expect(theirs.items.map((r: { id: string }) => r.id)).not.toContain(posted.id)
    const kpis = await ok(await f.call("GET", `/nodes/${t.county.id}/reports/kpis`, { token: "admin" }))
    expect(kpis.byKind).toContainEqual(expect.objectContaining({ kind: "need", work: 1 }))
    await problem(await f.call("GET", `/nodes/${t.communities[0].id}/reports/ledger`, { token: "secretary2" }), 404, "not_found")
  })
})
