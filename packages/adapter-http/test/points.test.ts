/**
 * The points endpoints through HTTP: problems for floors and caps, the idempotency key,
 * holds with pickup codes, and concurrent redemptions over a real socket.
 */
import { buildTinyLedger, type TinyLedger } from "@mulin/core/testing"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeHandler, type RunningServer, serve, type WebHandler } from "../src/index.js"
import { type Fixture, json, setup } from "./helpers.js"

describe("points over HTTP", () => {
  let f: Fixture
  let l: TinyLedger
  let web: WebHandler
  let server: RunningServer
  const call = (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
    web.handler(new Request(`http://mulin.test${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    }))

  beforeAll(async () => {
    f = await setup()
    l = await Effect.runPromise(buildTinyLedger("370899").pipe(Effect.provide(f.services)))
    Object.assign(f.tokens, {
      admin: l.tiny.people.admin.id,
      secretary: l.secretary.id,
      barber: l.barber.id,
      zhang: l.holders[0].id,
      li: l.holders[1].id,
      outsider: l.tiny.people.worker2.id
    })
    web = makeHandler({ services: f.services, authenticate: f.authenticate })
    server = await serve({ port: 0, host: "127.0.0.1", services: f.services, authenticate: f.authenticate })
  })
  afterAll(async () => {
    await server.close()
    await web.dispose()
    await f.dispose()
  })

  it("awards, answers balance and statement, and replays a write with the same Idempotency-Key", async () => {
    const body = { transferId: "http-award-1", accountId: l.people[0].id, category: "micro_wish", memo: "帮邻居修水管" }
    const first = await call("POST", "/points/awards", "admin", body, { "idempotency-key": "key-1" })
    expect(first.status).toBe(201)
    expect(first.headers.get("idempotency-replayed")).toBeNull()
    const committed = await json(first)
    const again = await call("POST", "/points/awards", "admin", body, { "idempotency-key": "key-1" })
    expect(again.status).toBe(201)
    expect(again.headers.get("idempotency-replayed")).toBe("true")
    expect(await json(again)).toEqual(committed)
    const other = await call("POST", "/points/awards", "admin", { ...body, transferId: "http-award-2" }, { "idempotency-key": "key-1" })
    expect(other.status).toBe(409)
    expect(await json(other)).toMatchObject({ code: "conflict", reason: "idempotency_key_reused" })
    // Without a key, the transfer id alone makes the retry safe.
    expect((await call("POST", "/points/awards", "admin", body)).status).toBe(201)
    const balance = await json(await call("GET", `/points/accounts/${l.people[0].id}/balance`, "zhang"))
    expect(balance).toEqual({ accountId: l.people[0].id, posted: 20, held: 0, available: 20, floor: 0 })
    const statement = await json(await call("GET", `/points/accounts/${l.people[0].id}/statement?limit=10`, "zhang"))
    expect(statement.items.map((i: any) => [i.transfer.id, i.amount, i.balance])).toEqual([["http-award-1", 20, 20]])
    expect((await call("GET", `/points/accounts/${l.people[0].id}/balance`, "outsider")).status).toBe(404)
  })

  it("answers insufficient points and caps with a problem naming the account and the amounts", async () => {
    const poor = await call("POST", "/points/donations", "li", { transferId: "http-d-1", fromAccountId: l.people[1].id, toAccountId: l.charity.id, amount: 5 })
    expect(poor.status).toBe(409)
    expect(poor.headers.get("content-type")).toBe("application/problem+json")
    const problem = await json(poor)
    expect(problem).toMatchObject({ code: "conflict", reason: "insufficient_points" })
    expect(problem.detail).toBe(`account ${l.people[1].id} has 0 points available (posted 0, held 0, floor 0): 5 needed`)
    expect(problem.detailZh).toContain(l.people[1].id)
    await call("POST", "/points/awards", "secretary", { transferId: "http-cap-1", accountId: l.people[1].id, category: "event_attendance", quantity: 4 })
    const capped = await json(await call("POST", "/points/awards", "secretary", { transferId: "http-cap-2", accountId: l.people[1].id, category: "event_attendance" }))
    expect(capped).toMatchObject({ status: 409, reason: "cap_exceeded" })
    expect(capped.detail).toContain("20 of the daily cap of event attendance of 20")
    const invalid = await json(await call("POST", "/points/awards", "secretary", { transferId: "bad id!", accountId: l.people[1].id, category: "x" }))
    expect(invalid).toMatchObject({ status: 422, code: "invalid_input" })
    expect(invalid.errors[0].path).toBe("payload.transferId")
  })

  it("orders a service, confirms it with the pickup code, and keeps the code from the merchant", async () => {
    await call("POST", "/points/adjustments", "system", { transferId: "http-fund-2", accountId: l.people[2].id, amount: 10, reason: "测试" })
    const catalog = await json(await call("GET", `/nodes/${l.tiny.units[0].id}/points/services`, "zhang"))
    expect(catalog.map((s: any) => s.title)).toEqual(["理发"])
    await call("POST", "/points/adjustments", "system", { transferId: "http-fund-0", accountId: l.people[0].id, amount: 40, reason: "测试" })
    const ordered = await call("POST", "/points/orders", "zhang", { transferId: "http-order-1", accountId: l.people[0].id, serviceId: l.haircut.id })
    expect(ordered.status).toBe(201)
    const hold = await json(ordered)
    expect(hold.pickupCode).toMatch(/^\d{6}$/)
    expect((await json(await call("GET", `/points/holds/${hold.id}`, "barber"))).pickupCode).toBeNull()
    const wrong = await call("POST", `/points/holds/${hold.id}/fulfil`, "barber", { transferId: "http-post-1", pickupCode: "x" })
    expect(wrong.status).toBe(422)
    const done = await call("POST", `/points/holds/${hold.id}/fulfil`, "barber", { transferId: "http-post-1", pickupCode: hold.pickupCode }, { "idempotency-key": "fulfil-1" })
    expect(await json(done)).toMatchObject({ status: "posted" })
    const cancel = await call("POST", `/points/holds/${hold.id}/cancel`, "zhang", { transferId: "http-void-1" })
    expect(await json(cancel)).toMatchObject({ status: 409, code: "invalid_transition" })
    const totals = await json(await call("GET", `/nodes/${l.tiny.communities[0].id}/points/totals`, "secretary"))
    expect(totals).toMatchObject({ redeemed: 30 })
    const board = await json(await call("GET", `/nodes/${l.tiny.county.id}/points/leaderboard`, "admin"))
    expect(board.entries.every((e: any) => e.name.endsWith("*"))).toBe(true)
    expect(await json(await call("GET", "/points/verify", "system"))).toMatchObject({ ok: true, sum: 0 })
    expect((await call("GET", "/points/verify", "admin")).status).toBe(403)
  })

  it("lets exactly k of N concurrent redemptions through over a real socket", async () => {
    const account = l.people[2].id
    // People[2] lives in the second community: a service for it.
    const owner = await f.enrol("tea", { nodeId: l.tiny.communities[1].id, name: "茶馆老板" }, [{ role: "partner", nodeId: l.tiny.communities[1].id }])
    const merchant = await json(await call("POST", "/points/accounts", "system", { nodeId: l.tiny.communities[1].id, kind: "merchant", ownerId: owner, name: "茶馆" }))
    const service = await json(await call("POST", "/points/services", "system", { merchantAccountId: merchant.id, nodeId: l.tiny.communities[1].id, title: "茶水", pricePoints: 3 }))
    // 10 points: 3 orders of 3 fit, not 4.
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) =>
      fetch(`${server.url}/points/orders`, {
        method: "POST",
        headers: { authorization: "Bearer system", "content-type": "application/json" },
        body: JSON.stringify({ transferId: `race-${i}`, accountId: account, serviceId: service.id })
      })))
    const statuses = responses.map((r) => r.status).sort()
    expect(statuses.filter((s) => s === 201)).toHaveLength(3)
    expect(statuses.filter((s) => s === 409)).toHaveLength(7)
    const balance = await (await fetch(`${server.url}/points/accounts/${account}/balance`, { headers: { authorization: "Bearer system" } })).json()
    expect(balance).toMatchObject({ posted: 10, held: 9, available: 1 })
  })
})
