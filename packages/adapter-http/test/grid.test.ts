/**
 * The grid over HTTP against the hostile review: a command that changes nothing writes
 * nothing, access follows the grid's current posts on the very next request, people are
 * the one identity (their records and sign-in subjects), the county's calendar, and input
 * that must be refused with the field and the rule.
 */
import { addDays, todayIn } from "@mulin/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeHandler } from "../src/index.js"
import { type Fixture, json, setup } from "./helpers.js"

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const withCheck = (body: string): string => {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * ID_WEIGHTS[i]!
  return body + "10X98765432"[sum % 11]!
}

describe("grid over HTTP", () => {
  let f: Fixture
  beforeAll(async () => {
    f = await setup()
  })
  afterAll(() => f.dispose())

  const ok = async (response: Response, status = 200) => {
    const text = await response.text()
    expect(response.status, text).toBe(status)
    return JSON.parse(text)
  }
  const eventCount = async () => (await Effect.runPromise(f.grid.events({ id: "system", kind: "system", name: "system", grants: [{ role: "system", scope: "*" }] }, { limit: 1000, county: f.tiny.county.id }))).items.length
  const today = () => Effect.runSync(todayIn("Asia/Shanghai"))

  it("leaves the version and the feed unchanged on identical PATCHes of a household, a node and a person", async () => {
    const hh = f.tiny.households[0]!
    const body = { code: hh.code, residents: [{ name: "张伟", phone: "13812340000", relation: "head" }] }
    const before = await eventCount()
    for (let i = 0; i < 30; i++) {
      const h = await ok(await f.call("PATCH", `/households/${hh.id}`, { token: "worker", body }))
      expect(h.version).toBe(hh.version)
    }
    const building = f.tiny.buildings[0]
    for (let i = 0; i < 5; i++) expect((await ok(await f.call("PATCH", `/nodes/${building.id}`, { token: "secretary", body: { name: building.name } }))).version).toBe(building.version)
    const leader = f.tiny.people.leader
    for (let i = 0; i < 5; i++) expect((await ok(await f.call("PATCH", `/people/${leader.id}`, { token: "secretary", body: { name: "王楼长", phone: "13900000002" } }))).version).toBe(leader.version)
    expect(await eventCount()).toBe(before)
    const changed = await ok(await f.call("PATCH", `/households/${hh.id}`, { token: "worker", body: { ...body, code: "101A" } }))
    expect(changed.version).toBe(hh.version + 1)
    expect(await eventCount()).toBe(before + 1)
  })

  it("updates a person and links, lists and unlinks sign-in subjects, with problem responses", async () => {
    const { tiny } = f
    const person = await ok(await f.call("POST", "/people", { token: "secretary", body: { nodeId: tiny.communities[0].id, code: "H1", name: "何居民" } }), 201)
    const moved = await ok(await f.call("PATCH", `/people/${person.id}`, { token: "secretary", body: { nodeId: tiny.units[0].id, householdId: tiny.households[0]!.id, phone: "13700000009" } }))
    expect(moved).toMatchObject({ nodeId: tiny.units[0].id, householdId: tiny.households[0]!.id, phone: "13700000009", version: 2 })
    expect((await f.call("PATCH", `/people/${person.id}`, { token: "worker", body: { name: "何" } })).status).toBe(403)
    expect((await f.call("PATCH", `/people/${person.id}`, { token: "secretary2", body: { name: "何" } })).status).toBe(404)

    const subject = { issuer: "https://sso.yanzhou.gov.cn", subject: "sub-42" }
    const link = await ok(await f.call("POST", `/people/${person.id}/subjects`, { token: "secretary", body: subject }), 201)
    expect(link).toMatchObject({ ...subject, personId: person.id })
    expect(await ok(await f.call("GET", `/people/${person.id}/subjects`, { token: "secretary" }))).toMatchObject([subject])
    const taken = await f.call("POST", `/people/${tiny.people.leader.id}/subjects`, { token: "secretary", body: subject })
    expect(taken.status).toBe(409)
    expect((await json(taken)).reason).toBe("subject_linked")
    expect((await f.call("GET", `/people/${person.id}/subjects`, { token: "worker" })).status).toBe(403)

    // The linked subject signs the person in: a resident of community 1 now.
    const viaSubject = makeHandler({ services: f.services, authenticate: (r) => (r.token === undefined ? undefined : { _tag: "Subject", issuer: subject.issuer, subject: r.token }) })
    try {
      const signedIn = await viaSubject.handler(new Request(`http://mulin.test/nodes/${tiny.communities[0].id}`, { headers: { authorization: "Bearer sub-42" } }))
      expect(signedIn.status).toBe(200)
      expect(await ok(await f.call("POST", `/people/${person.id}/subjects/unlink`, { token: "secretary", body: subject }))).toEqual([])
      const after = await viaSubject.handler(new Request(`http://mulin.test/nodes/${tiny.communities[0].id}`, { headers: { authorization: "Bearer sub-42" } }))
      expect(after.status).toBe(401)
    } finally {
      await viaSubject.dispose()
    }
    const again = await f.call("POST", `/people/${person.id}/subjects/unlink`, { token: "secretary", body: subject })
    expect(again.status).toBe(404)
    expect(again.headers.get("content-type")).toBe("application/problem+json")
  })

  it("creates a county in its time zone and refuses one that does not exist", async () => {
    const bad = await f.call("POST", "/counties", { token: "system", body: { code: "SF1", name: "旧金山", timeZone: "Mars/Olympus" } })
    expect(bad.status).toBe(422)
    expect((await json(bad)).errors.map((e: { path: string }) => e.path)).toEqual(["payload.timeZone"])
    const county = await ok(await f.call("POST", "/counties", { token: "system", body: { code: "SF1", name: "旧金山", timeZone: "America/Los_Angeles" } }), 201)
    expect(county.timeZone).toBe("America/Los_Angeles")
    expect((await ok(await f.call("GET", `/counties/${county.id}`, { token: "system" }))).timeZone).toBe("America/Los_Angeles")
    expect((await ok(await f.call("GET", `/counties/${f.tiny.county.id}`, { token: "admin" }))).timeZone).toBe("Asia/Shanghai")
  })

  it("refuses bad names, codes and ID-card numbers and an empty household with 422 naming the field and the rule", async () => {
    const unit = f.tiny.units[1].id
    const cases: ReadonlyArray<readonly [unknown, string, RegExp]> = [
      [{ nodeId: unit, code: "201", residents: [{ name: "张\u0000三" }] }, "payload.residents.0.name", /control/],
      [{ nodeId: unit, code: "201", residents: [{ name: "张\uD800三" }] }, "payload.residents.0.name", /surrogate/],
      [{ nodeId: unit, code: "201", residents: [{ name: "张\u202E三" }] }, "payload.residents.0.name", /bidirectional/],
      [{ nodeId: unit, code: "201", residents: [{ name: "张\u200B三" }] }, "payload.residents.0.name", /zero-width/],
      [{ nodeId: unit, code: "201", residents: [{ name: "张\u0007三" }] }, "payload.residents.0.name", /control/],
      [{ nodeId: unit, code: "201", residents: [{ name: "张\n三" }] }, "payload.residents.0.name", /one line/],
      [{ nodeId: unit, code: "\u0661\u0660\u0661", residents: [{ name: "张三" }] }, "payload.code", /ASCII/],
      [{ nodeId: unit, code: "\u041E101", residents: [{ name: "张三" }] }, "payload.code", /ASCII/],
      [{ nodeId: unit, code: "201", residents: [{ name: "张三", idCardNumber: withCheck("11010519990230002") }] }, "payload.residents.0.idCardNumber", /birth date/],
      [{ nodeId: unit, code: "201", residents: [{ name: "张三", idCardNumber: withCheck("11010520990101002") }] }, "payload.residents.0.idCardNumber", /birth date/],
      [{ nodeId: unit, code: "201", residents: [] }, "payload.residents", /at least one resident/]
    ]
    const before = await eventCount()
    for (const [body, path, rule] of cases) {
      const response = await f.call("POST", "/households", { token: "worker", body })
      const text = await response.text()
      expect(response.status, text).toBe(422)
      const problem = JSON.parse(text)
      expect(problem.code).toBe("invalid_input")
      const issue = problem.errors.find((e: { path: string; message: string }) => e.path === path && rule.test(e.message))
      expect(issue, `${path} ${rule}: ${text}`).toBeDefined()
      expect(issue.messageZh).toMatch(/[\u4e00-\u9fff]/u)
    }
    const person = f.tiny.people.leader.id
    const named = await f.call("PATCH", `/people/${person}`, { token: "secretary", body: { name: "王\u202E长" } })
    expect(named.status).toBe(422)
    expect(await eventCount()).toBe(before)
  })

  // Last: it ends the fixture grid worker's post.
  it("refuses the very next request of a grid worker whose post ended yesterday, and grants nothing for a post that starts tomorrow", async () => {
    const grid1 = f.tiny.grids[0].id
    await ok(await f.call("GET", `/nodes/${grid1}`, { token: "worker" }))
    const posts = await ok(await f.call("GET", `/nodes/${f.tiny.communities[0].id}/assignments?limit=1000`, { token: "secretary" }))
    const post = posts.items.find((a: { personId: string; role: string }) => a.personId === f.tiny.people.worker.id && a.role === "grid_worker")
    const yesterday = addDays(today(), -1)
    await ok(await f.call("POST", `/assignments/${post.id}/end`, { token: "secretary", body: { endDate: yesterday } }))
    const refused = await f.call("GET", `/nodes/${grid1}`, { token: "worker" })
    expect([403, 404]).toContain(refused.status)
    expect((await f.call("GET", `/households/${f.tiny.households[0]!.id}`, { token: "worker" })).status).toBe(404)

    const newcomer = await f.enrol("newcomer", { nodeId: f.tiny.communities[0].id, name: "新网格员" })
    await ok(await f.call("POST", "/assignments", { token: "secretary", body: { personId: newcomer, nodeId: grid1, role: "grid_worker", startDate: addDays(today(), 1) } }), 201)
    expect([403, 404]).toContain((await f.call("GET", `/nodes/${grid1}`, { token: "newcomer" })).status)
    await ok(await f.call("POST", "/assignments", { token: "secretary", body: { personId: newcomer, nodeId: grid1, role: "grid_worker", startDate: today() } }), 201)
    await ok(await f.call("GET", `/nodes/${grid1}`, { token: "newcomer" }))
  })
})
