/**
 * Deliberation through HTTP: a session, items answered on the spot and followed up, a
 * person's rating (once), the public progress board without a token — free of the names,
 * phones and ID-card numbers planted in its free text — statistics, the staff-only
 * configuration, references across scopes, and the problems bad input answers.
 */
import { localDate, systemActor } from "@mulin/core"
import { arbitraryIdCard, arbitraryMobile, arbitraryName, arbitrarySpelling, leakIn } from "@mulin/core/testing"
import { Effect } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Fixture, ok, problem, setup } from "./helpers.js"

describe("deliberation over HTTP", () => {
  let f: Fixture
  beforeAll(async () => {
    f = await setup()
  })
  afterAll(async () => {
    await f.dispose()
  })

  const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
  /** A date `days` from today in the county's calendar. */
  const day = (days: number) => localDate(Date.now() + days * 86_400_000, "Asia/Shanghai")
  const convene = (token: string, nodeId: string, heldAt: string, type = "round_table") =>
    f.call("POST", "/deliberation/sessions", { token, body: { nodeId, type, heldAt, participants: [{ role: "residents", count: 15, names: [] }], agenda: ["楼道照明"] } })
  const run = (id: string, body: unknown, token = "secretary") => f.call("POST", `/deliberation/items/${id}/commands`, { token, body })

  it("runs a round table: raise, answer, follow up, report back, rate once; the public board is masked", async () => {
    const community = f.tiny.communities[0].id
    const session = await ok(await convene("secretary", community, at(-1)), 201)
    expect(session.convener).toEqual({ _tag: "Person", personId: f.tiny.people.secretary.id, name: f.tiny.people.secretary.name })
    const later = await ok(await convene("secretary", community, at(1), "reception_day"), 201)
    const raise = (title: string) =>
      f.call("POST", "/deliberation/items", { token: "resident", body: { nodeId: community, kind: "suggestion", sessionId: session.id, category: "property", title, text: `${f.tiny.people.resident.name}（13812340000）反映${title}\n请尽快处理` } })
    const a = await ok(await raise("楼道灯不亮"), 201)
    expect(a.raisedBy).toEqual({ _tag: "Person", personId: f.tiny.people.resident.id, name: f.tiny.people.resident.name })
    const b = await ok(await raise("垃圾桶太少"), 201)
    await ok(await run(a.id, { _tag: "Answer", answer: "物业当场答应今天修好" }))
    await problem(await run(a.id, { _tag: "Accept", unit: "property_company", promisedBy: day(5) }), 409, "invalid_transition")
    await problem(await run(b.id, { _tag: "Accept", unit: "nobody", promisedBy: day(5) }), 422, "invalid_input")
    await ok(await run(b.id, { _tag: "Accept", unit: "property_company", promisedBy: day(5) }))
    await ok(await run(b.id, { _tag: "RecordMilestone", note: "已采购", progress: 50 }))
    await ok(await run(b.id, { _tag: "Resolve", resolution: "新增垃圾桶 6 个" }))
    await ok(await run(b.id, { _tag: "ReportBack", sessionId: later.id, note: "接待日通报" }))
    const rated = await ok(await f.call("POST", `/deliberation/items/${b.id}/ratings`, { token: "resident", body: { score: 4, comment: "及时" } }))
    expect(rated).toMatchObject({ state: "rated", ratingCount: 1 })
    const again = await problem(await f.call("POST", `/deliberation/items/${b.id}/ratings`, { token: "resident", body: { score: 5 } }), 409, "conflict")
    expect(again.reason).toBe("already_rated")

    const boardResponse = await f.call("GET", `/public/nodes/${f.tiny.county.id}/deliberation?sort=raised`)
    const boardText = await boardResponse.text()
    expect(boardResponse.status, boardText).toBe(200)
    const board = JSON.parse(boardText)
    expect(board.items.map((i: { id: string }) => i.id)).toEqual([b.id, a.id])
    expect(board.items[0]).toMatchObject({ state: "rated", unit: "物业公司", progress: 100, rating: 4, raisedBy: "张*", overdue: false, promisedBy: day(5), milestones: [{ note: "已采购", progress: 50 }] })
    for (const secret of [f.tiny.people.resident.name, "13812340000"]) expect(boardText).not.toContain(secret)
    const closed = await ok(await f.call("GET", `/public/nodes/${f.tiny.county.id}/deliberation?status=closed&overdue=false`))
    expect(closed.items.map((i: { id: string }) => i.id)).toEqual([a.id])

    const stats = await ok(await f.call("GET", `/nodes/${community}/deliberation/statistics?from=${day(-1)}&to=${day(0)}`, { token: "secretary" }))
    expect(stats).toMatchObject({ raised: 2, answeredOnSpot: 1, takenUp: 1, resolved: 1, timeZone: "Asia/Shanghai", from: day(-1), to: day(0) })
    // A resident sees the community's node but may not read its statistics.
    await problem(await f.call("GET", `/nodes/${community}/deliberation/statistics`, { token: "resident" }), 403, "forbidden")
    await problem(await f.call("GET", `/nodes/${community}/deliberation/statistics`, { token: "resident2" }), 404, "not_found")
    await problem(await f.call("GET", `/nodes/${community}/deliberation/statistics`), 401, "unauthorized")
    const item = await ok(await f.call("GET", `/deliberation/items/${b.id}`, { token: "secretary" }))
    expect(item.raisedBy.personId).toBe(f.tiny.people.resident.id)
    const mine = await ok(await f.call("GET", `/deliberation/items/${b.id}`, { token: "resident" }))
    expect(mine.id).toBe(b.id)
    await problem(await f.call("GET", `/deliberation/items/${b.id}`, { token: "resident2" }), 404, "not_found")
  })

  it("keeps the configuration to the county's staff (hostile review 4)", async () => {
    const config = await ok(await f.call("GET", `/counties/${f.tiny.county.id}/deliberation/config`, { token: "admin" }))
    expect(config.sessionTypes.map((t: { key: string }) => t.key)).toContain("reception_day")
    await ok(await f.call("GET", `/counties/${f.tiny.county.id}/deliberation/config`, { token: "worker" }))
    await problem(await f.call("GET", `/counties/${f.tiny.county.id}/deliberation/config`, { token: "resident" }), 403, "forbidden")
    await problem(await f.call("GET", `/counties/${f.tiny.county.id}/deliberation/config`, { token: "volunteer" }), 403, "forbidden")
    const bad = await problem(await f.call("PATCH", `/counties/${f.tiny.county.id}/deliberation/config`, { token: "admin", body: { quorum: 0, majority: 0.3 } }), 422, "invalid_input")
    expect(bad.errors.map((i: { path: string }) => i.path).sort()).toEqual(["payload.majority", "payload.quorum"])
  })

  it("answers not found for an id from another community in a body (hostile review 1)", async () => {
    const theirs = await ok(await convene("secretary2", f.tiny.communities[1].id, at(-1)), 201)
    const raise = await problem(await f.call("POST", "/deliberation/items", {
      token: "resident",
      body: { nodeId: f.tiny.communities[0].id, kind: "suggestion", sessionId: theirs.id, category: "property", title: "借用别的社区的会议", text: "x" }
    }), 404, "not_found")
    expect(raise.detail).toContain(theirs.id)
    const item = await ok(await f.call("POST", "/deliberation/items", { token: "secretary2", body: { nodeId: f.tiny.communities[1].id, kind: "suggestion", category: "property", title: "他们的事项", text: "x" } }), 201)
    const ours = await ok(await f.call("POST", "/deliberation/items", { token: "secretary", body: { nodeId: f.tiny.communities[0].id, kind: "suggestion", category: "property", title: "我们的事项", text: "x" } }), 201)
    await problem(await run(ours.id, { _tag: "Merge", into: item.id }), 404, "not_found")
    await problem(await f.call("POST", "/deliberation/items", {
      token: "secretary",
      body: { nodeId: f.tiny.communities[0].id, kind: "suggestion", category: "property", title: "冒名", text: "x", raisedBy: { _tag: "Person", personId: f.tiny.people.resident2.id } }
    }), 404, "not_found")
  })

  it("answers 422 naming the field for bad input: one-line titles, ASCII keys, dates that exist (hostile review 6)", async () => {
    const community = f.tiny.communities[0].id
    const raise = (body: Record<string, unknown>) =>
      f.call("POST", "/deliberation/items", { token: "secretary", body: { nodeId: community, kind: "suggestion", category: "property", title: "标题", text: "第一行\n第二行", ...body } })
    await ok(await raise({}), 201)
    const title = await problem(await raise({ title: "标\n题" }), 422, "invalid_input")
    expect(title.errors[0].path).toBe("payload.title")
    expect(title.errors[0].messageZh).toMatch(/[\u4e00-\u9fff]/u)
    const category = await problem(await f.call("GET", `/public/nodes/${community}/deliberation?category=${encodeURIComponent("停车")}`), 422, "invalid_input")
    expect(category.errors[0].path).toBe("query.category")
    const from = await problem(await f.call("GET", `/nodes/${community}/deliberation/statistics?from=2026-02-30`, { token: "secretary" }), 422, "invalid_input")
    expect(from.errors[0].path).toBe("query.from")
    const item = await ok(await raise({}), 201)
    const promised = await problem(await run(item.id, { _tag: "Accept", unit: "community", promisedBy: "2026-02-30" }), 422, "invalid_input")
    expect(promised.errors[0].path).toBe("payload.promisedBy")
  })

  it("property: the public board over HTTP shows no name, phone or ID-card number planted in any free-text field (hostile review 3)", async () => {
    const personal = fc.record({ name: arbitraryName, phone: arbitraryMobile, idCard: arbitraryIdCard, spellPhone: arbitrarySpelling, spellId: arbitrarySpelling })
    const community = f.tiny.communities[0].id
    const later = await ok(await convene("secretary", community, at(2)), 201)
    let household = 0
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(personal, { minLength: 1, maxLength: 3, selector: (p) => p.idCard }), personal, fc.integer({ min: 0, max: 2 }), async (around, outsider, path) => {
        await Effect.runPromise(f.grid.createHousehold(systemActor(), {
          nodeId: f.tiny.units[1].id,
          code: `8${String(++household).padStart(2, "0")}`,
          residents: around.map((p, i) => ({ name: p.name, phone: p.phone, idCardNumber: p.idCard, relation: i === 0 ? "head" as const : "other" as const }))
        }))
        const neighbour = f.tiny.households[0]!.residents[0]!.name
        const quote = (i: number) => {
          const p = around[i % around.length]!
          return `${p.name}（${p.spellPhone(p.phone)}）\n身份证${p.spellId(p.idCard)}，邻居${neighbour}，来人${outsider.name}电话${outsider.spellPhone(outsider.phone)}`
        }
        await ok(await f.call("PATCH", `/counties/${f.tiny.county.id}/deliberation/config`, { token: "admin", body: { units: [{ code: "repair", name: `${around[0]!.name}维修队` }, { code: "community", name: "社区居委会" }, { code: "property_company", name: "物业公司" }] } }))
        const c = await ok(await f.call("POST", "/deliberation/items", {
          token: "secretary",
          body: { nodeId: community, kind: "suggestion", category: "property", raisedBy: { _tag: "Outside", name: outsider.name, phone: outsider.phone }, title: `${around[0]!.name}${outsider.spellPhone(outsider.phone)}反映`, text: quote(0) }
        }), 201)
        if (path === 0) await ok(await run(c.id, { _tag: "Answer", answer: quote(1) }))
        if (path === 1) {
          await ok(await run(c.id, { _tag: "Accept", unit: "repair", promisedBy: day(3) }))
          await ok(await run(c.id, { _tag: "RecordMilestone", note: quote(2), progress: 50 }))
          await ok(await run(c.id, { _tag: "Resolve", resolution: quote(3) }))
          await ok(await run(c.id, { _tag: "ReportBack", sessionId: later.id, note: quote(4) }))
        }
        if (path === 2) await ok(await run(c.id, { _tag: "Decline", reason: quote(5) }))
        const response = await f.call("GET", `/public/nodes/${community}/deliberation?limit=1000`)
        const board = JSON.parse(await response.text())
        const row = board.items.find((r: { id: string }) => r.id === c.id)
        expect(row).toBeDefined()
        const secrets = { names: [...around.map((p) => p.name), outsider.name, neighbour], numbers: [...around.flatMap((p) => [p.phone, p.idCard]), outsider.phone] }
        const shown = [row.title, row.raisedBy, row.placeName, row.unit, row.answer, row.resolution, row.declineReason, row.category.nameZh, row.category.nameEn, ...row.milestones.map((m: { note: string }) => m.note)]
        for (const text of shown) if (text !== null) expect(leakIn(text, secrets), text).toBeUndefined()
      }),
      { numRuns: 15 }
    )
  }, 120_000)
})
