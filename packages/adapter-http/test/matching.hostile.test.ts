/**
 * The hostile review of needs and volunteer matching, through HTTP: rewards spent from
 * another resident's account or minted past the caps, self-claims and self-confirmations,
 * profiles taken over, teams with out-of-scope members, personal data on the public wish
 * board, configuration read by every role, and bad input.
 */
import { type AccountId, systemActor } from "@mulin/core"
import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { type Fixture, json, setup } from "./helpers.js"

const sys = systemActor()
const always = [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromHour: 0, toHour: 24 }))
const dueIn = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString()

describe("matching: the hostile review", () => {
  let f: Fixture
  let issuer: AccountId
  let other: AccountId
  let volunteerAccount: AccountId
  let workerAccount: AccountId
  const posted = (token: string, body: Record<string, unknown>) =>
    f.call("POST", "/matching/needs", { token, body: { nodeId: f.tiny.units[0].id, kind: "micro_wish", category: "repairs", title: "帮忙修门锁", dueAt: dueIn(72), ...body } })
  const command = (token: string, id: string, body: unknown) => f.call("POST", `/matching/needs/${id}/commands`, { token, body })
  const balance = async (id: AccountId) => (await Effect.runPromise(f.points.balance(sys, id))).posted

  beforeAll(async () => {
    f = await setup()
    const t = f.tiny
    issuer = (await Effect.runPromise(f.points.openAccount(sys, { nodeId: t.county.id, kind: "issuer", name: "积分发行" }))).id
    // Another street's resident, with 100 points.
    other = (await Effect.runPromise(f.points.openAccount(sys, { nodeId: t.units[2].id, kind: "person", ownerId: t.people.resident2.id, name: t.people.resident2.name }))).id
    await Effect.runPromise(f.points.adjust(sys, { transferId: "fund-other" as never, accountId: other, amount: 100, reason: "opening balance" }))
    volunteerAccount = (await Effect.runPromise(f.points.openAccount(sys, { nodeId: t.grids[0].id, kind: "person", ownerId: t.people.volunteer.id, name: t.people.volunteer.name }))).id
    workerAccount = (await Effect.runPromise(f.points.openAccount(sys, { nodeId: t.grids[0].id, kind: "person", ownerId: t.people.worker.id, name: t.people.worker.name }))).id
    for (const [who, account] of [[t.people.volunteer, volunteerAccount], [t.people.worker, workerAccount]] as const) {
      const saved = await f.call("POST", "/matching/volunteers", { token: "system", body: { personId: who.id, name: who.name, homeNodeId: t.grids[0].id, skills: [{ skill: "repairs", level: 3 }], availability: always, maxConcurrent: 10, accountId: account } })
      expect(saved.status, await saved.clone().text()).toBe(200)
    }
  })

  it("refuses a reward paid from another resident's account, and moves nothing", async () => {
    const response = await posted("volunteer", { reward: { points: 20, fromAccountId: other } })
    if (response.status < 300) {
      const need = await json(response)
      await command("volunteer", need.id, { _tag: "Claim" })
      await command("volunteer", need.id, { _tag: "ReportDone" })
      await command("volunteer", need.id, { _tag: "Confirm", rating: 5 })
    }
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await balance(other)).toBe(100)
    expect(await balance(volunteerAccount)).toBe(0)
  })

  it("refuses a secretary's reward paid from another street's account", async () => {
    const response = await posted("secretary", { reward: { points: 20, fromAccountId: other } })
    expect(response.status).toBe(404)
    expect(await balance(other)).toBe(100)
  })

  it("refuses an issuer reward a volunteer sets to 10,000 points past the caps", async () => {
    const response = await posted("volunteer", { reward: { points: 10_000, fromAccountId: issuer } })
    if (response.status < 300) {
      const need = await json(response)
      await command("volunteer", need.id, { _tag: "Claim" })
      await command("volunteer", need.id, { _tag: "ReportDone" })
      await command("volunteer", need.id, { _tag: "Confirm", rating: 5 })
    }
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(await balance(volunteerAccount)).toBe(0)
  })

  it("refuses a requester claiming their own need, and a dispatcher assigning the requester", async () => {
    const need = await json(await posted("volunteer", {}))
    const claim = await command("volunteer", need.id, { _tag: "Claim" })
    expect(claim.status).toBe(409)
    expect(await json(claim)).toMatchObject({ reason: "requester_cannot_work" })
    const assign = await command("secretary", need.id, { _tag: "Assign", personIds: [f.tiny.people.volunteer.id] })
    expect(assign.status).toBe(409)
  })

  it("refuses a volunteer confirming their own work", async () => {
    const need = await json(await posted("resident", {}))
    expect((await command("worker", need.id, { _tag: "Claim" })).status).toBe(200)
    expect((await command("worker", need.id, { _tag: "ReportDone" })).status).toBe(200)
    const confirm = await command("worker", need.id, { _tag: "Confirm", rating: 5 })
    expect(confirm.status).toBe(403)
    expect((await command("resident", need.id, { _tag: "Confirm", rating: 5 })).status).toBe(200)
  })

  it("refuses a secretary taking over another street's volunteer profile, or another county's", async () => {
    const t = f.tiny
    const outsider = await f.enrol("vol-s2", { nodeId: t.communities[1].id, name: "蒋志愿" }, [{ role: "volunteer", nodeId: t.communities[1].id }])
    const body = { personId: outsider, name: "蒋志愿", homeNodeId: t.communities[1].id, skills: [{ skill: "repairs", level: 3 }], availability: always, maxConcurrent: 2 }
    expect((await f.call("POST", "/matching/volunteers", { token: "system", body })).status).toBe(200)
    const renamed = await f.call("POST", "/matching/volunteers", { token: "secretary", body: { ...body, name: "改名", homeNodeId: t.grids[0].id } })
    expect(renamed.status).toBe(404)
    const kept = await json(await f.call("GET", `/matching/volunteers/${outsider}`, { token: "system" }))
    expect(kept).toMatchObject({ name: "蒋志愿", homeNodeId: t.communities[1].id })
    // Another county's volunteer.
    const far = await Effect.runPromise(Effect.gen(function*() {
      const county = yield* f.grid.createCounty(sys, { code: "370899", name: "邻县" })
      const p = yield* f.grid.createPerson(sys, { nodeId: county.id, code: "FAR1", name: "韩志愿" })
      return { county, p }
    }))
    expect((await f.call("POST", "/matching/volunteers", { token: "system", body: { ...body, personId: far.p.id, name: "韩志愿", homeNodeId: far.county.id } })).status).toBe(200)
    const moved = await f.call("POST", "/matching/volunteers", { token: "secretary", body: { ...body, personId: far.p.id, name: "韩志愿", homeNodeId: t.grids[0].id } })
    expect(moved.status).toBe(404)
    expect(await json(await f.call("GET", `/matching/volunteers/${far.p.id}`, { token: "system" }))).toMatchObject({ homeNodeId: far.county.id })
  })

  it("refuses a team with a member outside the actor's scope, and writes nothing to that profile", async () => {
    const t = f.tiny
    const outsider = await f.enrol("vol-s2b", { nodeId: t.communities[1].id, name: "沈志愿" }, [{ role: "volunteer", nodeId: t.communities[1].id }])
    expect((await f.call("POST", "/matching/volunteers", { token: "system", body: { personId: outsider, name: "沈志愿", homeNodeId: t.communities[1].id, skills: [], availability: always, maxConcurrent: 2 } })).status).toBe(200)
    const team = await f.call("POST", "/matching/teams", { token: "secretary", body: { name: "红色先锋队", leaderId: t.people.volunteer.id, homeNodeId: t.communities[0].id, members: [outsider] } })
    expect(team.status).toBe(404)
    expect((await json(await f.call("GET", `/matching/volunteers/${outsider}`, { token: "system" }))).teams).toEqual([])
  })

  it("shows the wish board's titles redacted: no requester name, no phone", async () => {
    const name = f.tiny.people.resident.name
    const need = await json(await posted("resident", { title: `${name}想要一台收音机，电话138 1234 0000` }))
    const board = await json(await f.call("GET", `/public/nodes/${f.tiny.communities[0].id}/wishes`))
    const card = board.items.find((c: { id: string }) => c.id === need.id)
    expect(card.title).not.toContain(name)
    expect(card.title).not.toMatch(/138 1234 0000/)
    expect(JSON.stringify(board)).not.toContain(name)
  })

  it("keeps the county's matching configuration from residents and volunteers", async () => {
    for (const token of ["resident", "volunteer"]) {
      const response = await f.call("GET", `/counties/${f.tiny.county.id}/matching/config`, { token })
      expect(response.status, token).toBeGreaterThanOrEqual(403)
    }
    expect((await f.call("GET", `/counties/${f.tiny.county.id}/matching/config`, { token: "worker" })).status).toBe(200)
  })

  it("refuses a due date that does not exist and free text with control characters", async () => {
    const bad = await json(await posted("resident", { dueAt: "2026-02-30T10:00:00.000Z" }))
    expect(bad).toMatchObject({ status: 422, code: "invalid_input" })
    expect(JSON.stringify(bad.errors)).toContain("must be a time that exists")
    const bidi = await posted("resident", { description: "请联系\u202E楼下" })
    expect(bidi.status).toBe(422)
    const need = await json(await posted("resident", {}))
    expect((await command("worker", need.id, { _tag: "Claim" })).status).toBe(200)
    expect((await command("worker", need.id, { _tag: "LogVisit", note: "已上门\u200B" })).status).toBe(422)
  })

  it("writes nothing for a profile saved again unchanged", async () => {
    const t = f.tiny
    const body = { personId: t.people.volunteer.id, name: t.people.volunteer.name, homeNodeId: t.grids[0].id, skills: [{ skill: "repairs", level: 3 }], availability: always, maxConcurrent: 10, accountId: volunteerAccount }
    const before = (await json(await f.call("GET", `/events?after=0&limit=1000&county=${f.tiny.county.id}`, { token: "system" }))).items.length
    const saved = await json(await f.call("POST", "/matching/volunteers", { token: "system", body }))
    const after = (await json(await f.call("GET", `/events?after=0&limit=1000&county=${f.tiny.county.id}`, { token: "system" }))).items.length
    expect(after).toBe(before)
    expect(saved.version).toBe(1)
  })
})
