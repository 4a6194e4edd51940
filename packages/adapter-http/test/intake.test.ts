/**
 * One-window intake through HTTP: the authorisation matrix over every intake route (each
 * role of the tiny county, another grid, another county, no token), and the hostile review:
 * a guessed reference and a wrong code answer alike and lock after five, a routing outside
 * the caller's scope writes nothing, bad input names the field, and the feed carries no
 * personal data.
 */
import { type IntakeRequestId, type ReceiveRequest, systemActor } from "@mulin/core"
import { Effect } from "effect"
import { OpenApi } from "effect/http-api"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MulinApi } from "../src/index.js"
import { checkMatrix, type Fixture, type MatrixRow, ok, operationsTagged, problem, setup } from "./helpers.js"

const sys = systemActor()
const HOUR = 3_600_000

describe("one-window intake over HTTP", () => {
  let f: Fixture
  let requestId: string
  let followed: { reference: string; code: string }
  const pools: Record<string, Array<{ id: string; reference: string; code: string }>> = {}
  const body = (): ReceiveRequest => ({
    channel: "hotline_12345",
    householdId: f.tiny.households[0]!.id,
    category: "property",
    resident: { kind: "contact", name: "王秀兰", phone: "13912345678" },
    text: "物业不修电梯，王秀兰电话13912345678"
  })
  const take = () => Effect.runPromise(Effect.map(f.intake.receive(f.tiny.actors.worker, body()), (r) => ({ id: r.request.id as string, reference: r.request.reference, code: r.followCode })))

  beforeAll(async () => {
    f = await setup()
    const other = await Effect.runPromise(f.grid.createCounty(sys, { code: "999003", name: "邻县" }))
    await f.enrol("otherAdmin", { nodeId: other.id, name: "邻县管理员" }, [{ role: "county_admin", nodeId: other.id }])
    const first = await take()
    requestId = first.id
    followed = { reference: first.reference, code: first.code }
    for (const name of ["accept", "route", "resolve", "reject", "merge", "rate"]) {
      pools[name] = []
      for (let i = 0; i < 12; i++) pools[name]!.push(await take())
    }
    for (const r of pools["rate"]!) await Effect.runPromise(f.intake.resolve(f.tiny.actors.secretary, r.id as IntakeRequestId, {}))
  })
  afterAll(() => f.dispose())

  const pop = (name: string) => pools[name]!.pop()!
  const rows = (): ReadonlyArray<MatrixRow> => {
    const t = f.tiny
    const g1 = t.grids[0].id
    const handlers = { admin: 200, streetAdmin: 200, secretary: 200 }
    const hostile = { worker: 403, leader: 403, member: 403, resident: 403, worker2: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
    const everyone = { admin: 200, secretary: 200, worker: 200, leader: 200, resident: 200, worker2: 200, otherAdmin: 200, none: 200 }
    return [
      { operationId: "receiveIntakeRequest", request: () => ({ method: "POST", path: "/intake/requests", body: body() }), expect: { ...hostile, ...handlers, admin: 201, streetAdmin: 201, secretary: 201, worker: 201 } },
      { operationId: "getIntakeRequest", request: () => ({ method: "GET", path: `/intake/requests/${requestId}` }), expect: { ...hostile, ...handlers, worker: 200 } },
      { operationId: "listIntakeRequests", request: () => ({ method: "GET", path: `/nodes/${g1}/intake` }), expect: { ...hostile, ...handlers, worker: 200, leader: 404 } },
      { operationId: "acceptIntakeRequest", request: () => ({ method: "POST", path: `/intake/requests/${pop("accept").id}/accept`, body: {} }), expect: { ...hostile, ...handlers } },
      {
        operationId: "routeIntakeRequest",
        request: () => ({ method: "POST", path: `/intake/requests/${pop("route").id}/route`, body: { kind: "referral", department: "住建局", dueDate: "2099-01-01" } }),
        expect: { ...hostile, ...handlers }
      },
      { operationId: "resolveIntakeRequest", request: () => ({ method: "POST", path: `/intake/requests/${pop("resolve").id}/resolve`, body: { outcome: "已修复" } }), expect: { ...hostile, ...handlers } },
      { operationId: "rejectIntakeRequest", request: () => ({ method: "POST", path: `/intake/requests/${pop("reject").id}/reject`, body: { reason: "withdrawn" } }), expect: { ...hostile, ...handlers } },
      { operationId: "mergeIntakeRequest", request: () => ({ method: "POST", path: `/intake/requests/${pop("merge").id}/merge`, body: { into: requestId } }), expect: { ...hostile, ...handlers } },
      { operationId: "getIntakeConfig", request: () => ({ method: "GET", path: `/counties/${t.county.id}/intake/config` }), expect: { ...handlers, worker: 200, worker2: 200, secretary2: 200, resident: 403, otherAdmin: 404, none: 401 } },
      {
        operationId: "configureIntake",
        request: () => ({ method: "PATCH", path: `/counties/${t.county.id}/intake/config`, body: { categories: [{ code: "property", labelZh: "物业", labelEn: "Property" }], referencePrefix: "YZ" } }),
        expect: { admin: 200, secretary: 404, worker: 404, resident: 404, otherAdmin: 404, none: 401 }
      },
      { operationId: "followIntakeRequest", request: () => ({ method: "POST", path: `/public/counties/${t.county.id}/intake/follow`, body: followed }), expect: everyone },
      {
        operationId: "rateIntakeRequest",
        request: () => {
          const r = pop("rate")
          return { method: "POST", path: `/public/counties/${t.county.id}/intake/rate`, body: { reference: r.reference, code: r.code, rating: 5 } }
        },
        expect: everyone
      }
    ]
  }

  it("covers every intake route in the matrix", () => {
    expect(new Set(rows().map((r) => r.operationId))).toEqual(operationsTagged(OpenApi.fromApi(MulinApi), ["Intake", "Follow a request"]))
  })

  it("answers each role as the matrix says: staff handle, the grid's worker takes requests in, others are refused or not told the request exists", async () => {
    await checkMatrix(f, rows())
  })

  it("answers a guessed reference and a wrong code alike, and locks following after five wrong codes", async () => {
    const { code, reference } = await take()
    const path = `/public/counties/${f.tiny.county.id}/intake/follow`
    const wrong = code === "00000000" ? "11111111" : "00000000"
    await problem(await f.call("POST", path, { body: { reference: "MJ-20000101-0001", code } }), 404, "not_found")
    for (let i = 0; i < 5; i++) await problem(await f.call("POST", path, { body: { reference, code: wrong } }), 404, "not_found")
    const locked = await problem(await f.call("POST", path, { body: { reference, code } }), 409, "conflict")
    expect(locked).toMatchObject({ reason: "follow_locked" })
    expect(locked.detailZh).toContain("一小时")
  })

  it("writes nothing when a routing target lies outside the caller's scope, names the field of bad input, and keeps the feed free of personal data", async () => {
    const t = f.tiny
    const r = await take()
    const events = async () => (await Effect.runPromise(f.grid.events(sys, { limit: 10_000, county: f.tiny.county.id }))).items.length
    const before = await events()
    await problem(await f.call("POST", `/intake/requests/${r.id}/route`, { token: "secretary", body: { kind: "item", item: { nodeId: t.communities[1].id, kind: "suggestion", category: "property", title: "路灯", text: "路灯不亮" } } }), 404, "not_found")
    const badNeed = await problem(await f.call("POST", `/intake/requests/${r.id}/route`, { token: "secretary", body: { kind: "need", need: { nodeId: t.units[0].id, kind: "micro_wish", category: "repairs", title: "", dueAt: new Date(Date.now() + 72 * HOUR).toISOString(), reward: null } } }), 422, "invalid_input")
    expect(badNeed.errors.map((e: { path: string }) => e.path)).toContain("need.title")
    const badIntake = await problem(await f.call("POST", "/intake/requests", { token: "worker", body: { ...body(), channel: "fax", category: "gossip" } }), 422, "invalid_input")
    expect(badIntake.errors.map((e: { path: string }) => e.path)).toContain("payload.channel")
    expect(await events()).toBe(before)
    const routed = await ok(await f.call("POST", `/intake/requests/${r.id}/route`, { token: "secretary", body: { kind: "need", need: { nodeId: t.units[0].id, kind: "micro_wish", category: "repairs", title: "修电梯按钮", dueAt: new Date(Date.now() + 72 * HOUR).toISOString(), reward: null } } }))
    expect(routed.route).toMatchObject({ target: "need", targetId: expect.stringMatching(/^need_/) })
    const seen = await ok(await f.call("POST", `/public/counties/${t.county.id}/intake/follow`, { body: { reference: r.reference, code: r.code } }))
    expect(seen).toMatchObject({ status: "routed", routedTo: "need" })
    const feed = JSON.stringify((await ok(await f.call("GET", "/events?limit=1000", { token: "admin" }))).items.filter((e: { type: string }) => e.type.startsWith("intake.")))
    expect(feed).toContain("intake.request.routed")
    for (const secret of ["王秀兰", "13912345678", "电梯", r.code]) expect(feed).not.toContain(secret)
  })
})
