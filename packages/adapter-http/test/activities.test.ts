/**
 * Activities, teams and lectures through HTTP: the authorisation matrix over every
 * activities route (each role of the tiny county, another community, another county, no
 * token), the hostile review (ids from elsewhere in a body, a wrong code, bad input named,
 * nothing half-written), attendance points paid once, and the report.
 */
import { type ActivityView, CHECK_IN_ATTEMPTS, systemActor } from "@mulin/core"
import { Effect } from "effect"
import { OpenApi } from "effect/http-api"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MulinApi } from "../src/index.js"
import { checkMatrix, type Fixture, type MatrixRow, ok, operationsTagged, problem, setup } from "./helpers.js"

const sys = systemActor()



describe("activities over HTTP", () => {
  let f: Fixture
  let act: ActivityView
  let teamId: string
  const soon = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()
  const body = (extra: Record<string, unknown> = {}) => ({ nodeId: f.tiny.communities[0].id, kind: "night_school", title: "夜校：智能手机课", startsAt: soon(0.5), endsAt: soon(2.5), capacity: 30, ...extra })

  beforeAll(async () => {
    f = await setup()
    act = await ok(await f.call("POST", "/activities", { token: "secretary", body: body() }), 201)
    teamId = (await ok(await f.call("POST", "/activities/teams", { token: "secretary", body: { nodeId: f.tiny.communities[0].id, kind: "volunteer", name: "红帆志愿队", leaderId: f.tiny.people.volunteer.id } }), 201)).id
    const other = await Effect.runPromise(f.grid.createCounty(sys, { code: "999001", name: "邻县" }))
    await f.enrol("otherAdmin", { nodeId: other.id, name: "邻县管理员" }, [{ role: "county_admin", nodeId: other.id }])
  })
  afterAll(() => f.dispose())

  const c1 = () => f.tiny.communities[0].id
  let n = 0
  const rows = (): ReadonlyArray<MatrixRow> => [
    {
      operationId: "planActivity",
      request: () => ({ method: "POST", path: "/activities", body: body({ title: `睦邻节 ${++n}`, kind: "neighbourhood_festival" }) }),
      expect: { admin: 201, streetAdmin: 201, secretary: 201, resident: 403, partner: 403, mediator: 403, worker: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
    },
    {
      operationId: "runActivityCommand",
      request: () => ({ method: "POST", path: `/activities/${act.id}/commands`, body: { _tag: "Register" } }),
      // Joining for oneself: everyone whose grants reach the node and who holds activities.join; the mediator does not.
      expect: { admin: 200, secretary: 200, resident: 200, partner: 200, worker: 200, volunteer: 200, mediator: 403, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
    },
    {
      operationId: "formActivityTeam",
      request: () => ({ method: "POST", path: "/activities/teams", body: { nodeId: c1(), kind: "lecture", name: `宣讲团${++n}`, leaderId: f.tiny.people.member.id } }),
      expect: { admin: 201, streetAdmin: 201, secretary: 201, resident: 403, partner: 403, worker: 404, secretary2: 404, otherAdmin: 404, none: 401 }
    },
    {
      operationId: "runActivityTeamCommand",
      request: () => ({ method: "POST", path: `/activities/teams/${teamId}/commands`, body: { _tag: "Update", name: `红帆志愿队${++n}` } }),
      expect: { admin: 200, secretary: 200, resident: 403, partner: 403, worker: 404, secretary2: 404, otherAdmin: 404, none: 401 }
    },
    {
      operationId: "getActivity",
      request: () => ({ method: "GET", path: `/activities/${act.id}` }),
      expect: { admin: 200, secretary: 200, resident: 200, partner: 200, worker: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
    },
    {
      operationId: "getActivityRoster",
      request: () => ({ method: "GET", path: `/activities/${act.id}/roster` }),
      expect: { admin: 200, secretary: 200, resident: 403, partner: 403, worker: 404, secretary2: 404, otherAdmin: 404, none: 401 }
    },
    {
      operationId: "getActivityTeam",
      request: () => ({ method: "GET", path: `/activities/teams/${teamId}` }),
      expect: { admin: 200, secretary: 200, resident: 200, worker: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
    },
    {
      operationId: "getActivityTeamHours",
      request: () => ({ method: "GET", path: `/activities/teams/${teamId}/hours` }),
      expect: { admin: 200, secretary: 200, resident: 403, worker: 404, secretary2: 404, otherAdmin: 404, none: 401 }
    },
    {
      operationId: "listActivities",
      request: () => ({ method: "GET", path: `/nodes/${c1()}/activities` }),
      expect: { admin: 200, secretary: 200, resident: 200, worker: 404, secretary2: 404, otherAdmin: 404, none: 401 }
    },
    {
      operationId: "getActivityReport",
      request: () => ({ method: "GET", path: `/nodes/${c1()}/activities/report?from=2026-01-01&to=2026-12-31` }),
      expect: { admin: 200, secretary: 200, resident: 200, worker: 404, secretary2: 404, otherAdmin: 404, none: 401 }
    },
    {
      operationId: "listActivityTeams",
      request: () => ({ method: "GET", path: `/nodes/${c1()}/activities/teams` }),
      expect: { admin: 200, secretary: 200, resident: 200, worker: 404, secretary2: 404, otherAdmin: 404, none: 401 }
    }
  ]

  it("covers every activities route in the matrix", () => {
    expect(new Set(rows().map((r) => r.operationId))).toEqual(operationsTagged(OpenApi.fromApi(MulinApi), ["Activities"]))
  })

  it("answers each role as the matrix says", async () => {
    await checkMatrix(f, rows())
  })

  it("refuses ids from elsewhere, a wrong code and bad input, naming the field, and writes nothing", async () => {
    const t = f.tiny
    const events = async () => (await Effect.runPromise(f.grid.events(sys, { limit: 10_000, county: f.tiny.county.id }))).items.length
    const before = await events()
    const run = (token: string, command: unknown) => f.call("POST", `/activities/${act.id}/commands`, { token, body: command })
    expect((await problem(await run("secretary", { _tag: "Register", personId: t.people.resident2.id }), 404, "not_found")).entity).toBe("person")
    await problem(await run("secretary2", { _tag: "Cancel", reason: "x" }), 404, "not_found")
    const farTeam = await ok(await f.call("POST", "/activities/teams", { token: "secretary2", body: { nodeId: t.communities[1].id, kind: "volunteer", name: "社区2志愿队", leaderId: t.people.worker2.id } }), 201)
    const afterTeam = await events()
    await problem(await f.call("POST", "/activities", { token: "secretary", body: body({ teamId: farTeam.id }) }), 404, "not_found")
    await problem(await f.call("POST", "/activities/teams", { token: "secretary", body: { nodeId: t.communities[0].id, kind: "volunteer", name: "队", leaderId: t.people.worker2.id } }), 404, "not_found")
    const shape = await problem(await run("resident", { _tag: "CheckIn", code: "12ab" }), 422, "invalid_input")
    expect(shape.errors[0].path).toBe("payload.code")
    const ends = await problem(await f.call("POST", "/activities", { token: "secretary", body: body({ endsAt: soon(0) }) }), 422, "invalid_input")
    expect(ends.errors[0].path).toBe("endsAt")
    const kind = await problem(await f.call("POST", "/activities", { token: "secretary", body: body({ kind: "party" }) }), 422, "invalid_input")
    expect(kind.errors[0].path).toBe("payload.kind")
    expect(await events()).toBe(afterTeam)
    expect(afterTeam).toBe(before + 1)
  })

  it("counts wrong check-in codes across requests and locks the guesser out after the limit; only staff check them in then", async () => {
    const fresh: ActivityView = await ok(await f.call("POST", "/activities", { token: "secretary", body: body({ kind: "festival", title: "中秋游园" }) }), 201)
    const code = fresh.checkInCode!
    const run = (token: string, command: unknown) => f.call("POST", `/activities/${fresh.id}/commands`, { token, body: command })
    const guesses = Array.from({ length: 10 }, (_, i) => String(i).repeat(6)).filter((g) => g !== code)
    for (let i = 0; i < CHECK_IN_ATTEMPTS; i++) {
      const wrong = await problem(await run("resident", { _tag: "CheckIn", code: guesses[i] }), 422, "invalid_input")
      expect(wrong.errors[0].path).toBe("code")
      expect(wrong.errors[0].messageZh).toMatch(/[\u4e00-\u9fff]/u)
    }
    const locked = await problem(await run("resident", { _tag: "CheckIn", code }), 422, "invalid_input")
    expect(locked.errors[0]).toMatchObject({ path: "code", message: expect.stringContaining("only its staff") })
    const seen: ActivityView = await ok(await f.call("GET", `/activities/${fresh.id}`, { token: "resident" }))
    expect(seen).toMatchObject({ attendedByMe: false, checkInLocked: true, checkInCode: null })
    // Issuing a code is for staff; the code is shown in that answer only, never in a read or the roster.
    await problem(await run("resident", { _tag: "ReissueCode" }), 403, "forbidden")
    const reissued: ActivityView = await ok(await run("secretary", { _tag: "ReissueCode" }))
    expect(reissued.checkInCode).toMatch(/^\d{6}$/u)
    expect((await ok(await f.call("GET", `/activities/${fresh.id}`, { token: "secretary" }))).checkInCode).toBeNull()
    const roster = await ok(await f.call("GET", `/activities/${fresh.id}/roster`, { token: "secretary" }))
    expect(JSON.stringify(roster)).not.toMatch(new RegExp(`${code}|${reissued.checkInCode}|codeHash|codeSalt`, "u"))
    await problem(await run("resident", { _tag: "CheckIn", code: reissued.checkInCode }), 422, "invalid_input")
    expect((await ok(await run("secretary", { _tag: "CheckIn", personId: f.tiny.people.resident.id }))).attended).toBe(1)
    const feed = JSON.stringify((await Effect.runPromise(f.grid.events(sys, { limit: 10_000, county: f.tiny.county.id }))).items.filter((e) => e.aggregateId === fresh.id).map((e) => e.payload))
    expect(feed).not.toMatch(new RegExp(`${code}|${reissued.checkInCode}|${f.tiny.people.resident.id}`, "u"))
  })

  it("checks in with the code once, pays the attendance points once, and counts the person-time in the report", async () => {
    const t = f.tiny
    await Effect.runPromise(f.points.openAccount(sys, { nodeId: t.county.id, kind: "issuer", name: "积分发行" }))
    const account = await Effect.runPromise(f.points.openAccount(sys, { nodeId: t.units[0].id, kind: "person", ownerId: t.people.resident.id }))
    const fresh: ActivityView = await ok(await f.call("POST", "/activities", { token: "secretary", body: body({ kind: "charity_market", title: "公益市集" }) }), 201)
    expect(fresh.checkInCode).toMatch(/^\d{6}$/u)
    const seen = await ok(await f.call("GET", `/activities/${fresh.id}`, { token: "resident" }))
    expect(seen.checkInCode).toBeNull()
    for (let i = 0; i < 2; i++) {
      const done = await ok(await f.call("POST", `/activities/${fresh.id}/commands`, { token: "resident", body: { _tag: "CheckIn", code: fresh.checkInCode } }))
      expect(done.attendedByMe).toBe(true)
    }
    expect((await Effect.runPromise(f.points.balance(sys, account.id))).posted).toBe(5)
    const report = await ok(await f.call("GET", `/nodes/${t.communities[0].id}/activities/report`, { token: "secretary" }))
    expect(report.personTimes).toBeGreaterThanOrEqual(1)
    expect(report.distinctResidents).toBeGreaterThanOrEqual(1)
    expect(report.byKind.find((k: { kind: string }) => k.kind === "charity_market")).toMatchObject({ activities: 1, personTimes: 1 })
    expect(JSON.stringify(report)).not.toContain(t.people.resident.id)
  })
})
