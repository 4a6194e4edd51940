/**
 * The hostile review of the credit points, through HTTP: accounts opened for anyone,
 * account ids on the leaderboard, pickup codes guessed without limit, configuration read
 * by every role, and bad input.
 */
import { type AccountId, systemActor } from "@mulin/core"
import { buildTinyLedger, type TinyLedger } from "@mulin/core/testing"
import { Effect } from "effect"
import { beforeAll, describe, expect, it } from "vitest"
import { type Fixture, json, setup } from "./helpers.js"

const sys = systemActor()

describe("points: the hostile review", () => {
  let f: Fixture
  let l: TinyLedger
  let account: AccountId

  beforeAll(async () => {
    f = await setup()
    l = await Effect.runPromise(buildTinyLedger("370899").pipe(Effect.provide(f.services)))
    Object.assign(f.tokens, {
      zhang: l.holders[0].id,
      barber: l.barber.id,
      admin2: l.tiny.people.admin.id,
      secretary2x: l.tiny.people.secretary.id,
      worker2x: l.tiny.people.worker.id
    })
    account = l.people[0].id
    await Effect.runPromise(f.points.adjust(sys, { transferId: "fund-zhang" as never, accountId: account, amount: 200, reason: "opening balance" }))
  })

  it("refuses staff opening a person account for someone of another street", async () => {
    const response = await f.call("POST", "/points/accounts", { token: "secretary2x", body: { nodeId: l.tiny.units[1].id, kind: "person", ownerId: l.tiny.people.worker2.id, name: l.tiny.people.worker2.name } })
    expect(response.status).toBe(404)
  })

  it("refuses staff making themselves the holder of a merchant account", async () => {
    const response = await f.call("POST", "/points/accounts", { token: "worker2x", body: { nodeId: l.tiny.grids[0].id, kind: "merchant", ownerId: l.tiny.people.worker.id, name: "网格小卖部" } })
    expect(response.status).toBeGreaterThanOrEqual(400)
    const free = await f.call("POST", "/points/accounts", { token: "secretary2x", body: { nodeId: l.tiny.units[1].id, kind: "person", ownerId: "anyone-at-all", name: "某人" } })
    expect(free.status).toBe(422)
  })

  it("shows residents a leaderboard without account ids", async () => {
    await Effect.runPromise(f.points.award(l.tiny.actors.admin, { transferId: "lb-1" as never, accountId: account, category: "good_conduct" }))
    const board = await json(await f.call("GET", `/nodes/${l.tiny.communities[0].id}/points/leaderboard`, { token: "zhang" }))
    expect(board.entries.length).toBeGreaterThan(0)
    expect(JSON.stringify(board)).not.toContain(account)
    for (const e of board.entries) expect(e.name).toMatch(/\*$/)
  })

  it("locks a hold after a few wrong pickup codes: the right code no longer works, and the lock is an event", async () => {
    const order = await json(await f.call("POST", "/points/orders", { token: "zhang", body: { transferId: "guess-1", accountId: account, serviceId: l.haircut.id } }))
    const code = order.pickupCode as string
    const statuses: Array<number> = []
    for (let i = 0; i < 300; i++) {
      const guess = String(i).padStart(6, "0")
      if (guess === code) continue
      statuses.push((await f.call("POST", `/points/holds/${order.id}/fulfil`, { token: "barber", body: { transferId: "guess-post", pickupCode: guess } })).status)
    }
    expect(statuses.slice(0, 5).every((s) => s === 422)).toBe(true)
    expect(statuses.slice(5).every((s) => s === 409)).toBe(true)
    const right = await f.call("POST", `/points/holds/${order.id}/fulfil`, { token: "barber", body: { transferId: "guess-post", pickupCode: code } })
    expect(right.status).toBe(409)
    expect(await json(right)).toMatchObject({ reason: "hold_locked" })
    const events = (await json(await f.call("GET", `/events?after=0&limit=1000&county=${l.tiny.county.id}`, { token: "system" }))).items as Array<{ type: string; aggregateId: string }>
    expect(events.filter((e) => e.aggregateId === order.id).map((e) => e.type)).toContain("points.hold.locked")
    // The holder asks for a new code: the old one is void, the new one works.
    const reissued = await json(await f.call("POST", `/points/holds/${order.id}/code`, { token: "zhang", body: {} }))
    expect(reissued.pickupCode).toMatch(/^\d{6}$/)
    const done = await f.call("POST", `/points/holds/${order.id}/fulfil`, { token: "barber", body: { transferId: "guess-post", pickupCode: reissued.pickupCode } })
    expect(done.status).toBe(200)
  })

  it("lets the county's staff read its points configuration, and no one else", async () => {
    const response = await f.call("GET", `/counties/${l.tiny.county.id}/points/config`, { token: "zhang" })
    expect(response.status).toBeGreaterThanOrEqual(403)
    expect((await f.call("GET", `/counties/${l.tiny.county.id}/points/config`, { token: "barber" })).status).toBeGreaterThanOrEqual(403)
    for (const token of ["admin2", "worker2x", "secretary2x"]) expect((await f.call("GET", `/counties/${l.tiny.county.id}/points/config`, { token })).status, token).toBe(200)
  })

  it("refuses memos and service descriptions with control or invisible characters", async () => {
    const memo = await f.call("POST", "/points/awards", { token: "admin2", body: { transferId: "memo-1", accountId: account, category: "door_knock", memo: "敲门\u202E" } })
    expect(memo.status).toBe(422)
    const description = await f.call("POST", "/points/services", { token: "barber", body: { merchantAccountId: l.merchant.id, nodeId: l.tiny.communities[0].id, title: "剪发", description: "便宜\u200B", pricePoints: 5 } })
    expect(description.status).toBe(422)
  })

  it("writes nothing when the configuration is saved again unchanged", async () => {
    const current = await json(await f.call("GET", `/counties/${l.tiny.county.id}/points/config`, { token: "admin2" }))
    const before = (await json(await f.call("GET", `/events?after=0&limit=1000&county=${l.tiny.county.id}`, { token: "system" }))).items.length
    const saved = await json(await f.call("PUT", `/counties/${l.tiny.county.id}/points/config`, { token: "admin2", body: { config: current.config } }))
    const after = (await json(await f.call("GET", `/events?after=0&limit=1000&county=${l.tiny.county.id}`, { token: "system" }))).items.length
    expect(after).toBe(before)
    expect(saved.version).toBe(current.version)
  })
})
