/**
 * The grid worker of grid 1 (网格员) through HTTP: every grid operation, inside its grid and
 * outside it. Outside, every request answers 403 or 404 and changes nothing; inside, the
 * request succeeds where the grid worker's role allows it (reads, household records) and
 * answers 403 where it does not (structure, people, assignments).
 */
import { systemActor } from "@mulin/core"
import { Effect } from "effect"
import { OpenApi } from "effect/http-api"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MulinApi } from "../src/index.js"
import { type Fixture, json, setup } from "./helpers.js"

interface Req {
  readonly method: "GET" | "POST" | "PATCH"
  readonly path: string
  readonly body?: unknown
}

interface Case {
  readonly operationId: string
  /** A request inside grid 1, and what the grid worker gets. */
  readonly inside: Req
  readonly insideStatus: number
  /** Requests that touch something outside grid 1. */
  readonly outside: ReadonlyArray<Req>
}

const sys = systemActor()

describe("A grid worker's token cannot read or change anything outside its subtree", () => {
  let f: Fixture
  let cases: ReadonlyArray<Case>
  let otherCounty: { readonly id: string; readonly nodeId: string }
  let personInside: string
  let personOutside: string
  let assignmentInside: string
  let assignmentOutside: string

  beforeAll(async () => {
    f = await setup()
    const { tiny, grid } = f
    const [gridA, gridB] = tiny.grids
    const extra = await Effect.runPromise(Effect.gen(function*() {
      const county = yield* grid.createCounty(sys, { code: "999001", name: "邻县" })
      const street = yield* grid.createNode(sys, { parentId: county.id, code: "X1", name: "邻县街道" })
      const pIn = yield* grid.createPerson(sys, { nodeId: gridA.id, code: "V1", name: "志愿者甲" })
      const pOut = yield* grid.createPerson(sys, { nodeId: gridB.id, code: "V2", name: "志愿者乙" })
      const aIn = yield* grid.assignRole(sys, { personId: pIn.id, nodeId: gridA.id, role: "volunteer", startDate: "2026-01-01" })
      const aOut = yield* grid.assignRole(sys, { personId: pOut.id, nodeId: gridB.id, role: "volunteer", startDate: "2026-01-01" })
      return { county, street, pIn, pOut, aIn, aOut }
    }))
    otherCounty = { id: extra.county.id, nodeId: extra.street.id }
    personInside = extra.pIn.id
    personOutside = extra.pOut.id
    assignmentInside = extra.aIn.id
    assignmentOutside = extra.aOut.id

    const [unitA1] = tiny.units
    const unitB1 = tiny.units[2]
    const [buildingA, buildingB] = tiny.buildings
    const hhIn = tiny.households[0]!
    const hhOut = tiny.households[2]!
    const community = tiny.communities[0]
    const county = tiny.county

    cases = [
      // The whole store only: no grid worker may create a county.
      { operationId: "createCounty", inside: { method: "POST", path: "/counties", body: { code: "999002", name: "新县" } }, insideStatus: 403, outside: [] },
      { operationId: "listCounties", inside: { method: "GET", path: "/counties" }, insideStatus: 200, outside: [] },
      // The county's template is readable by anyone working inside it.
      { operationId: "getCounty", inside: { method: "GET", path: `/counties/${county.id}` }, insideStatus: 200, outside: [{ method: "GET", path: `/counties/${otherCounty.id}` }] },
      { operationId: "createNode", inside: { method: "POST", path: "/nodes", body: { parentId: buildingA.id, code: "9", name: "9单元" } }, insideStatus: 403, outside: [{ method: "POST", path: "/nodes", body: { parentId: buildingB.id, code: "9", name: "9单元" } }, { method: "POST", path: "/nodes", body: { parentId: otherCounty.nodeId, code: "C9", name: "社区" } }] },
      { operationId: "getNode", inside: { method: "GET", path: `/nodes/${unitA1.id}` }, insideStatus: 200, outside: [{ method: "GET", path: `/nodes/${gridB.id}` }, { method: "GET", path: `/nodes/${community.id}` }, { method: "GET", path: `/nodes/${otherCounty.nodeId}` }] },
      { operationId: "findNode", inside: { method: "GET", path: "/lookup/node?path=370812/S1/C1/G1/B1" }, insideStatus: 200, outside: [{ method: "GET", path: "/lookup/node?path=370812/S2/C2/G2" }, { method: "GET", path: "/lookup/node?path=370812/S1" }] },
      { operationId: "updateNode", inside: { method: "PATCH", path: `/nodes/${buildingA.id}`, body: { name: "改名楼" } }, insideStatus: 403, outside: [{ method: "PATCH", path: `/nodes/${buildingB.id}`, body: { name: "改名楼" } }] },
      { operationId: "moveNode", inside: { method: "POST", path: `/nodes/${tiny.units[1].id}/move`, body: { newParentId: buildingA.id } }, insideStatus: 403, outside: [{ method: "POST", path: `/nodes/${tiny.units[3].id}/move`, body: { newParentId: buildingA.id } }, { method: "POST", path: `/nodes/${tiny.units[1].id}/move`, body: { newParentId: buildingB.id } }] },
      { operationId: "archiveNode", inside: { method: "POST", path: `/nodes/${tiny.units[1].id}/archive`, body: { cascade: true } }, insideStatus: 403, outside: [{ method: "POST", path: `/nodes/${tiny.units[3].id}/archive`, body: { cascade: true } }] },
      { operationId: "listAncestors", inside: { method: "GET", path: `/nodes/${unitA1.id}/ancestors` }, insideStatus: 200, outside: [{ method: "GET", path: `/nodes/${unitB1.id}/ancestors` }] },
      { operationId: "listChildren", inside: { method: "GET", path: `/nodes/${gridA.id}/children` }, insideStatus: 200, outside: [{ method: "GET", path: `/nodes/${gridB.id}/children` }, { method: "GET", path: `/nodes/${community.id}/children` }] },
      { operationId: "getSummary", inside: { method: "GET", path: `/nodes/${gridA.id}/summary` }, insideStatus: 200, outside: [{ method: "GET", path: `/nodes/${gridB.id}/summary` }, { method: "GET", path: `/nodes/${county.id}/summary` }] },
      { operationId: "getCoverage", inside: { method: "GET", path: `/nodes/${gridA.id}/coverage` }, insideStatus: 200, outside: [{ method: "GET", path: `/nodes/${gridB.id}/coverage` }, { method: "GET", path: `/nodes/${county.id}/coverage` }] },
      { operationId: "listHouseholds", inside: { method: "GET", path: `/nodes/${gridA.id}/households` }, insideStatus: 200, outside: [{ method: "GET", path: `/nodes/${gridB.id}/households` }, { method: "GET", path: `/nodes/${county.id}/households` }] },
      { operationId: "listPeople", inside: { method: "GET", path: `/nodes/${gridA.id}/people` }, insideStatus: 200, outside: [{ method: "GET", path: `/nodes/${gridB.id}/people` }, { method: "GET", path: `/nodes/${community.id}/people` }] },
      { operationId: "listAssignments", inside: { method: "GET", path: `/nodes/${gridA.id}/assignments` }, insideStatus: 200, outside: [{ method: "GET", path: `/nodes/${gridB.id}/assignments` }, { method: "GET", path: `/nodes/${county.id}/assignments` }] },
      { operationId: "createHousehold", inside: { method: "POST", path: "/households", body: { nodeId: unitA1.id, code: "102", residents: [{ name: "钱进", phone: "13812349999" }] } }, insideStatus: 201, outside: [{ method: "POST", path: "/households", body: { nodeId: unitB1.id, code: "102", residents: [{ name: "钱进" }] } }] },
      { operationId: "getHousehold", inside: { method: "GET", path: `/households/${hhIn.id}` }, insideStatus: 200, outside: [{ method: "GET", path: `/households/${hhOut.id}` }] },
      { operationId: "updateHousehold", inside: { method: "PATCH", path: `/households/${hhIn.id}`, body: { code: "101A" } }, insideStatus: 200, outside: [{ method: "PATCH", path: `/households/${hhOut.id}`, body: { code: "101A" } }] },
      { operationId: "whoServes", inside: { method: "GET", path: `/households/${hhIn.id}/servers` }, insideStatus: 200, outside: [{ method: "GET", path: `/households/${hhOut.id}/servers` }] },
      { operationId: "createPerson", inside: { method: "POST", path: "/people", body: { nodeId: gridA.id, code: "V3", name: "志愿者丙" } }, insideStatus: 403, outside: [{ method: "POST", path: "/people", body: { nodeId: gridB.id, code: "V4", name: "志愿者丁" } }] },
      { operationId: "getPerson", inside: { method: "GET", path: `/people/${personInside}` }, insideStatus: 200, outside: [{ method: "GET", path: `/people/${personOutside}` }] },
      { operationId: "updatePerson", inside: { method: "PATCH", path: `/people/${personInside}`, body: { name: "志愿者戊" } }, insideStatus: 403, outside: [{ method: "PATCH", path: `/people/${personOutside}`, body: { name: "志愿者戊" } }, { method: "PATCH", path: `/people/${personInside}`, body: { nodeId: gridB.id } }] },
      { operationId: "listSubjects", inside: { method: "GET", path: `/people/${personInside}/subjects` }, insideStatus: 403, outside: [{ method: "GET", path: `/people/${personOutside}/subjects` }] },
      { operationId: "linkSubject", inside: { method: "POST", path: `/people/${personInside}/subjects`, body: { issuer: "demo", subject: "in" } }, insideStatus: 403, outside: [{ method: "POST", path: `/people/${personOutside}/subjects`, body: { issuer: "demo", subject: "out" } }] },
      { operationId: "unlinkSubject", inside: { method: "POST", path: `/people/${personInside}/subjects/unlink`, body: { issuer: "demo", subject: "in" } }, insideStatus: 403, outside: [{ method: "POST", path: `/people/${personOutside}/subjects/unlink`, body: { issuer: "demo", subject: "out" } }] },
      { operationId: "assignRole", inside: { method: "POST", path: "/assignments", body: { personId: personInside, nodeId: buildingA.id, role: "building_leader" } }, insideStatus: 403, outside: [{ method: "POST", path: "/assignments", body: { personId: personOutside, nodeId: buildingB.id, role: "building_leader" } }] },
      { operationId: "endAssignment", inside: { method: "POST", path: `/assignments/${assignmentInside}/end`, body: {} }, insideStatus: 403, outside: [{ method: "POST", path: `/assignments/${assignmentOutside}/end`, body: {} }] },
      // The feed hides what lies outside (checked below), it does not refuse.
      { operationId: "listEvents", inside: { method: "GET", path: "/events?limit=1000" }, insideStatus: 200, outside: [] }
    ]
  })

  afterAll(() => f.dispose())

  const send = (r: Req) => f.call(r.method, r.path, { token: "worker", ...(r.body === undefined ? {} : { body: r.body }) })

  it("covers every grid operation of the API", () => {
    const spec = OpenApi.fromApi(MulinApi)
    // Points, mediation, deliberation, places, activities, visits, partners, party, intake, reports, follow-up, notifications and
    // scheduled-rules operations are scoped the same way; their cases are in points.test.ts, mediation.test.ts, deliberation.test.ts,
    // places.test.ts, activities.test.ts, visits.test.ts, party.test.ts, intake.test.ts, reports.test.ts, followup.test.ts,
    // notifications.test.ts and jobs.test.ts; the exports' in examples/test/county-exports.test.ts.
    const elsewhere = new Set(["Points", "Mediation", "Public mediation board", "Deliberation", "Public progress board", "Matching", "Public wish board", "Follow-up", "Notifications", "Scheduled rules", "Places", "Public places", "Activities", "Visits", "Exports", "Partners", "Party members", "Intake", "Follow a request", "Reports"])
    const operationIds = Object.values(spec.paths).flatMap((item) =>
      Object.values(item as Record<string, { operationId: string; tags?: ReadonlyArray<string> }>)
        .filter((op) => !op.tags?.some((tag) => elsewhere.has(tag)))
        .map((op) => op.operationId))
    expect(new Set(cases.map((c) => c.operationId))).toEqual(new Set(operationIds.filter((id) => id !== "health" && id !== "whoAmI")))
  })

  it("is refused (403/404) outside grid 1, and nothing changes", async () => {
    const all = () => Effect.runPromise(f.grid.events(sys, { limit: 1000, county: f.tiny.county.id }))
    const before = (await all()).items.length
    const hhOut = f.tiny.households[2]!
    for (const c of cases) {
      for (const r of c.outside) {
        const response = await send(r)
        const body = await json(response)
        expect([403, 404], `${c.operationId} ${r.method} ${r.path}`).toContain(response.status)
        expect(response.headers.get("content-type")).toBe("application/problem+json")
        expect(["forbidden", "not_found"]).toContain(body.code)
      }
    }
    expect((await all()).items.length).toBe(before)
    const still = await Effect.runPromise(f.grid.getHousehold(sys, hhOut.id))
    expect(still.code).toBe(hhOut.code)
    expect(still.version).toBe(hhOut.version)
  })

  it("succeeds inside grid 1 where the grid worker's role allows, and is refused where it does not", async () => {
    for (const c of cases) {
      const response = await send(c.inside)
      const body = await json(response)
      expect(response.status, `${c.operationId} ${c.inside.method} ${c.inside.path}: ${JSON.stringify(body)}`).toBe(c.insideStatus)
      if (c.insideStatus === 403) expect(body.code).toBe("forbidden")
    }
  })

  it("lists and reads only what lies in grid 1", async () => {
    const { tiny } = f
    const counties = await json(await f.call("GET", "/counties", { token: "worker" }))
    expect(counties.map((c: { id: string }) => c.id)).toEqual([tiny.county.id])
    expect(counties.map((c: { id: string }) => c.id)).not.toContain(otherCounty.id)

    const ancestors = await json(await f.call("GET", `/nodes/${tiny.units[0].id}/ancestors`, { token: "worker" }))
    expect(ancestors.map((n: { id: string }) => n.id)).toEqual([tiny.grids[0].id, tiny.buildings[0].id])

    const households = await json(await f.call("GET", `/nodes/${tiny.grids[0].id}/households`, { token: "worker" }))
    expect(households.items.length).toBeGreaterThanOrEqual(2)
    for (const h of households.items) expect(tiny.units.slice(0, 2).map((u) => u.id)).toContain(h.nodeId)
    // The grid worker sees personal data in its own grid.
    expect(households.items.every((h: { masked: boolean }) => !h.masked)).toBe(true)

    const feed = await json(await f.call("GET", "/events?limit=1000", { token: "worker" }))
    expect(feed.items.length).toBeGreaterThan(0)
    for (const e of feed.items) expect(e.scope).toContain(tiny.grids[0].id)
  })
})

describe("A community secretary's writes stop at its community", () => {
  let f: Fixture
  beforeAll(async () => {
    f = await setup()
  })
  afterAll(() => f.dispose())

  const send = (method: "POST" | "PATCH", path: string, body: unknown) => f.call(method, path, { token: "secretary", body })
  const status = async (response: Response) => {
    const body = await json(response)
    return { status: response.status, code: body.code as string | undefined, body }
  }

  it("changes the structure, people and assignments inside community 1 only", async () => {
    const { tiny } = f
    const [buildingA, buildingB] = tiny.buildings
    // Outside its community the secretary is not even told the target exists.
    const refused = async (response: Response) => {
      const r = await status(response)
      expect(r.status, JSON.stringify(r.body)).toBe(404)
      expect(r.code).toBe("not_found")
    }
    const ok = async (response: Response, expected: number) => {
      const r = await status(response)
      expect(r.status, JSON.stringify(r.body)).toBe(expected)
      return r.body
    }

    const building = await ok(await send("POST", "/nodes", { parentId: tiny.grids[0].id, code: "B9", name: "9号楼" }), 201)
    await refused(await send("POST", "/nodes", { parentId: tiny.grids[1].id, code: "B9", name: "9号楼" }))

    await ok(await send("PATCH", `/nodes/${building.id}`, { name: "九号楼" }), 200)
    await refused(await send("PATCH", `/nodes/${buildingB.id}`, { name: "九号楼" }))

    await ok(await send("POST", `/nodes/${tiny.units[1].id}/move`, { newParentId: building.id }), 200)
    await refused(await send("POST", `/nodes/${tiny.units[0].id}/move`, { newParentId: buildingB.id }))
    await refused(await send("POST", `/nodes/${tiny.units[3].id}/move`, { newParentId: buildingA.id }))

    await ok(await send("POST", `/nodes/${building.id}/archive`, { cascade: true }), 200)
    await refused(await send("POST", `/nodes/${tiny.units[3].id}/archive`, { cascade: true }))

    const person = await ok(await send("POST", "/people", { nodeId: tiny.grids[0].id, code: "S1", name: "孙干事" }), 201)
    await refused(await send("POST", "/people", { nodeId: tiny.grids[1].id, code: "S2", name: "周干事" }))

    const assignment = await ok(await send("POST", "/assignments", { personId: person.id, nodeId: buildingA.id, role: "building_leader", startDate: "2026-01-01" }), 201)
    await refused(await send("POST", "/assignments", { personId: person.id, nodeId: buildingB.id, role: "building_leader", startDate: "2026-01-01" }))
    // Every id in a body goes through the scope check: a person or a household of community 2 is not found.
    await refused(await send("POST", "/assignments", { personId: tiny.people.worker2.id, nodeId: buildingA.id, role: "building_leader", startDate: "2026-01-01" }))
    await refused(await send("POST", "/people", { nodeId: tiny.grids[0].id, code: "S4", name: "郑干事", householdId: tiny.households[2]!.id }))
    await refused(await send("PATCH", `/people/${person.id}`, { nodeId: tiny.grids[1].id }))

    await ok(await send("POST", `/assignments/${assignment.id}/end`, { endDate: "2026-06-30" }), 200)
    const outside = await Effect.runPromise(Effect.gen(function*() {
      const p = yield* f.grid.createPerson(sys, { nodeId: tiny.grids[1].id, code: "S3", name: "吴干事" })
      return yield* f.grid.assignRole(sys, { personId: p.id, nodeId: tiny.grids[1].id, role: "volunteer", startDate: "2026-01-01" })
    }))
    await refused(await send("POST", `/assignments/${outside.id}/end`, { endDate: "2026-06-30" }))
  })
})
