/**
 * The matching endpoints through HTTP: the whole flow of a need, and 100 concurrent claims
 * on a one-slot need over a real socket — exactly one wins, 99 get a clear 409, and the
 * ledger and the event log agree.
 */
import { type AccountId, type PersonId, systemActor, type TransferId } from "@mulin/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type RunningServer, serve } from "../src/index.js"
import { type Fixture, setup } from "./helpers.js"

describe("matching over HTTP", () => {
  let f: Fixture
  let server: RunningServer
  let requesterAccount: AccountId
  const accounts = new Map<PersonId, AccountId>()
  const sys = systemActor()
  const call = (method: string, path: string, token: string | undefined, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })

  beforeAll(async () => {
    f = await setup()
    const community = f.tiny.communities[0].id
    await Effect.runPromise(f.points.openAccount(sys, { nodeId: f.tiny.county.id, kind: "issuer", name: "积分发行" }))
    for (let i = 0; i < 100; i++) {
      const unit = f.tiny.units[i % 2]!
      const id = await f.enrol(`vol-${i}`, { nodeId: community, name: `志愿者${i}` }, [{ role: "volunteer", nodeId: community }])
      const account = await Effect.runPromise(f.points.openAccount(sys, { nodeId: unit.id, kind: "person", ownerId: id }))
      accounts.set(id, account.id)
      await Effect.runPromise(f.matching.saveVolunteer(sys, {
        personId: id,
        homeNodeId: unit.id,
        skills: [{ skill: "repairs", level: 3 }],
        availability: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromHour: 0, toHour: 24 })),
        maxConcurrent: 2,
        accountId: account.id
      }))
    }
    const requester = await f.enrol("requester", { nodeId: f.tiny.units[0].id, name: "欧阳芃翀", householdId: f.tiny.households[0]!.id })
    requesterAccount = (await Effect.runPromise(f.points.openAccount(sys, { nodeId: f.tiny.units[0].id, kind: "person", ownerId: requester }))).id
    await Effect.runPromise(f.points.adjust(sys, { transferId: "fund-requester" as TransferId, accountId: requesterAccount, amount: 100, reason: "opening balance" }))
    server = await serve({ port: 0, host: "127.0.0.1", services: f.services, authenticate: f.authenticate })
  })
  afterAll(async () => {
    await server.close()
  })

  it("lets exactly one of 100 concurrent claims take a one-slot need; the 99 others get 409 slots_full", async () => {
    const posted = await call("POST", "/matching/needs", "requester", {
      nodeId: f.tiny.units[0].id,
      kind: "micro_wish",
      category: "repairs",
      title: "帮忙修门锁",
      requiredSkills: ["repairs"],
      dueAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
      reward: { points: 30, fromAccountId: requesterAccount }
    })
    expect(posted.status).toBe(201)
    const need = await posted.json()
    const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => call("POST", `/matching/needs/${need.id}/claim`, `vol-${i}`, {})))
    const bodies = await Promise.all(responses.map((r) => r.json()))
    const won = responses.flatMap((r, i) => (r.status === 200 ? [i] : []))
    const lost = responses.flatMap((r, i) => (r.status === 409 ? [bodies[i]] : []))
    expect(won).toHaveLength(1)
    expect(lost).toHaveLength(99)
    for (const problem of lost) {
      expect(problem).toMatchObject({ code: "conflict", reason: "slots_full" })
      expect(problem.detail).toContain("your claim lost the race")
      expect(problem.detailZh).toContain("认领未成功")
    }
    const winner = `vol-${won[0]}`
    const winnerId = f.tokens[winner]!

    // The winner visits, finishes; the requester confirms twice (a retry): one payment.
    expect((await call("POST", `/matching/needs/${need.id}/commands`, winner, { _tag: "LogVisit", note: "已上门" })).status).toBe(200)
    expect((await call("POST", `/matching/needs/${need.id}/commands`, winner, { _tag: "ReportDone" })).status).toBe(200)
    for (let i = 0; i < 2; i++) {
      const confirmed = await call("POST", `/matching/needs/${need.id}/commands`, "requester", { _tag: "Confirm", rating: 5, comment: "修好了" })
      expect(confirmed.status).toBe(200)
      expect(await confirmed.json()).toMatchObject({ state: "confirmed", paid: [{ personId: winnerId, points: 30 }] })
    }
    const balance = await (await call("GET", `/points/accounts/${accounts.get(winnerId)}/balance`, "system")).json()
    expect(balance.posted).toBe(30)
    expect(await (await call("GET", `/points/accounts/${requesterAccount}/balance`, "requester")).json()).toMatchObject({ posted: 70, held: 0 })

    // The ledger and the event log agree: one claim, one confirmation, one payout of the held reward.
    const events: Array<{ type: string; aggregateId: string; payload: any }> = (await (await call("GET", `/events?after=0&limit=1000&county=${f.tiny.county.id}`, "system")).json()).items
    const mine = events.filter((e) => e.aggregateId === need.id)
    expect(mine.map((e) => e.type)).toEqual(["matching.need.posted", "matching.need.claimed", "matching.need.visit_logged", "matching.need.done_reported", "matching.need.confirmed"])
    expect(mine[1]!.payload).toEqual({ personId: winnerId })
    const paid = mine[4]!.payload.paid as Array<{ transferId: string }>
    const payouts = events.filter((e) => e.type === "points.hold.paid")
    expect(payouts).toHaveLength(1)
    expect(JSON.stringify(payouts[0]!.payload)).toContain(paid[0]!.transferId)
    for (const id of accounts.values()) {
      const b = await (await call("GET", `/points/accounts/${id}/balance`, "system")).json()
      expect(b.posted).toBe(id === accounts.get(winnerId) ? 30 : 0)
    }

    // The public wish board masks the requester.
    const board = await (await call("GET", `/public/nodes/${f.tiny.communities[0].id}/wishes`, undefined)).json()
    expect(board.items.find((c: { id: string }) => c.id === need.id)).toMatchObject({ requester: "欧***", state: "confirmed" })
    expect(JSON.stringify(board)).not.toContain("欧阳芃翀")
  }, 60_000)

  it("ranks, dispatches and explains over HTTP; refuses an illegal command with 409 invalid_transition", async () => {
    const posted = await (await call("POST", "/matching/needs", "secretary", {
      nodeId: f.tiny.units[1].id,
      kind: "public_interest",
      category: "errands",
      title: "社区义诊搬运",
      dueAt: new Date(Date.now() + 48 * 3_600_000).toISOString(),
      slots: 3,
      urgency: "high"
    })).json()
    const ranking = await (await call("GET", `/matching/needs/${posted.id}/ranking?limit=5`, "secretary")).json()
    expect(ranking.candidates).toHaveLength(5)
    expect(ranking.candidates[0].explanation).toMatch(/^score/)
    const report = await (await call("POST", `/nodes/${f.tiny.communities[0].id}/matching/dispatch`, "secretary", {})).json()
    expect(report.assignments.filter((a: { needId: string }) => a.needId === posted.id)).toHaveLength(3)
    expect(report.total).toBeGreaterThanOrEqual(report.greedyTotal)
    const illegal = await call("POST", `/matching/needs/${posted.id}/commands`, "secretary", { _tag: "Confirm", rating: 4 })
    expect(illegal.status).toBe(409)
    expect((await illegal.json()).code).toBe("invalid_transition")
    const denied = await call("POST", `/nodes/${f.tiny.communities[0].id}/matching/dispatch`, "vol-1", {})
    expect(denied.status).toBe(403)
  })
})
