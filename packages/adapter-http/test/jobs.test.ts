/**
 * The scheduled rules through HTTP: the county's administrator lists the jobs with their
 * next due time, runs one now and reads its run back; the county's other staff, a
 * resident, a grid worker and the staff of another county are refused; bad queries and
 * settings are problems naming the field.
 */
import { systemActor } from "@mulin/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Fixture, ok, problem, setup } from "./helpers.js"

describe("scheduled rules over HTTP", () => {
  let f: Fixture
  let county: string
  let otherCounty: string

  beforeAll(async () => {
    f = await setup()
    county = f.tiny.county.id
    otherCounty = (await Effect.runPromise(f.grid.createCounty(systemActor(), { code: "370830", name: "汶上县" }))).id
    await f.enrol("otherAdmin", { nodeId: otherCounty as never, name: "汶上管理员" }, [{ role: "county_admin", nodeId: otherCounty as never }])
  })
  afterAll(() => f.dispose())

  it("lists the county's jobs with their schedule, time zone and next due time", async () => {
    const jobs = await ok(await f.call("GET", `/counties/${county}/jobs`, { token: "admin" }))
    expect(jobs.map((j: { name: string }) => j.name)).toContain("mediation.supervise")
    const expiry = jobs.find((j: { name: string }) => j.name === "points.expire-points")
    expect(expiry).toMatchObject({ schedule: "30 2 * * *", timeZone: "Asia/Shanghai", description: { zh: expect.any(String) } })
    expect(Date.parse(expiry.nextDueAt)).toBeGreaterThan(Date.now() - 1000)
    // 02:30 in China is 18:30 UTC.
    expect(expiry.nextDueAt.slice(11)).toBe("18:30:00.000Z")
  })

  it("runs a job now for the county's administrator and records the run", async () => {
    const ran = await ok(await f.call("POST", `/counties/${county}/jobs/mediation.supervise/run`, { token: "admin", body: {} }))
    expect(ran).toMatchObject({ job: "mediation.supervise", countyId: county, trigger: "manual", status: "ok", processed: 0, changed: 0 })
    const runs = await ok(await f.call("GET", `/counties/${county}/jobs/runs?job=mediation.supervise&limit=5`, { token: "admin" }))
    expect(runs[0]).toEqual(ran)
    const listed = await ok(await f.call("GET", `/counties/${county}/jobs`, { token: "admin" }))
    expect(listed.find((j: { name: string }) => j.name === "mediation.supervise").recentRuns[0]).toEqual(ran)
    expect(await ok(await f.call("GET", `/counties/${county}/jobs/runs?job=points.expire-holds`, { token: "admin" }))).toEqual([])
  })

  it("refuses everyone but the county's administrator, and hides the county from other counties' staff", async () => {
    const before = (await ok(await f.call("GET", `/counties/${county}/jobs/runs`, { token: "admin" }))).length
    for (const token of ["secretary", "streetAdmin", "worker", "resident", "mediator", "volunteer"]) {
      await problem(await f.call("POST", `/counties/${county}/jobs/mediation.supervise/run`, { token, body: {} }), 403, "forbidden")
      await problem(await f.call("GET", `/counties/${county}/jobs`, { token }), 403, "forbidden")
      await problem(await f.call("GET", `/counties/${county}/jobs/runs`, { token }), 403, "forbidden")
      await problem(await f.call("PATCH", `/counties/${county}/jobs/config`, { token, body: { maxCatchUp: 2 } }), 403, "forbidden")
    }
    await problem(await f.call("POST", `/counties/${county}/jobs/mediation.supervise/run`, { token: "otherAdmin", body: {} }), 404, "not_found")
    await problem(await f.call("GET", `/counties/${county}/jobs`, { token: "otherAdmin" }), 404, "not_found")
    await problem(await f.call("POST", `/counties/${otherCounty}/jobs/mediation.supervise/run`, { token: "admin", body: {} }), 404, "not_found")
    await problem(await f.call("POST", `/counties/${county}/jobs/mediation.supervise/run`, { body: {} }), 401, "unauthorized")
    // Nothing ran for the refused calls.
    expect((await ok(await f.call("GET", `/counties/${county}/jobs/runs`, { token: "admin" }))).length).toBe(before)
  })

  it("answers bad input with a problem naming the field; settings change for the administrator", async () => {
    await problem(await f.call("POST", `/counties/${county}/jobs/no.such-job/run`, { token: "admin", body: {} }), 404, "not_found")
    const badJob = await problem(await f.call("POST", `/counties/${county}/jobs/${encodeURIComponent("bad job!")}/run`, { token: "admin", body: {} }), 422, "invalid_input")
    expect(JSON.stringify(badJob)).toContain("name")
    const badLimit = await problem(await f.call("GET", `/counties/${county}/jobs/runs?limit=0`, { token: "admin" }), 422, "invalid_input")
    expect(JSON.stringify(badLimit)).toContain("limit")
    const bad = await problem(await f.call("PATCH", `/counties/${county}/jobs/config`, { token: "admin", body: { maxCatchUp: 0, warningHours: 9999 } }), 422, "invalid_input")
    expect(bad.errors.map((i: { path: string }) => i.path).sort()).toEqual(["payload.maxCatchUp", "payload.warningHours"])
    expect(bad.detailZh).toContain("之间")
    expect(await ok(await f.call("GET", `/counties/${county}/jobs/config`, { token: "admin" }))).toMatchObject({ maxCatchUp: 3, warningHours: 24, version: 0 })
    expect(await ok(await f.call("PATCH", `/counties/${county}/jobs/config`, { token: "admin", body: { warningHours: 48 } }))).toMatchObject({ maxCatchUp: 3, warningHours: 48, version: 1 })
  })
})
