/**
 * Deliberation through HTTP: a session, items answered on the spot and followed up, a
 * resident's rating (once), the public progress board without a token, statistics, and
 * the problems a refused command answers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Fixture, setup } from "./helpers.js"

const raiser = { name: "欧阳芃翀", phone: "13912345678", idCardNumber: "110101199003074477", actorId: null }

describe("deliberation over HTTP", () => {
  let f: Fixture
  beforeAll(async () => {
    f = await setup()
  })
  afterAll(async () => {
    await f.dispose()
  })

  const ok = async (response: Response, status = 200) => {
    const text = await response.text()
    expect(response.status, text).toBe(status)
    return JSON.parse(text)
  }
  const problem = async (response: Response, status: number, code: string) => {
    const text = await response.text()
    expect(response.status, text).toBe(status)
    expect(response.headers.get("content-type")).toBe("application/problem+json")
    expect(JSON.parse(text).code).toBe(code)
  }

  it("runs a round table: raise, answer, follow up, report back, rate once; the public board is masked", async () => {
    const community = f.tiny.communities[0].id
    const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString()
    const session = await ok(await f.call("POST", "/deliberation/sessions", {
      token: "secretary",
      body: { nodeId: community, type: "round_table", heldAt: at(-1), convener: { id: "secretary-1", name: "李书记" }, participants: [{ role: "residents", count: 15, names: [] }], agenda: ["楼道照明"] }
    }), 201)
    const later = await ok(await f.call("POST", "/deliberation/sessions", {
      token: "secretary",
      body: { nodeId: community, type: "reception_day", heldAt: at(1), convener: { id: "secretary-1", name: "李书记" }, participants: [], agenda: [] }
    }), 201)
    const raise = (title: string) => f.call("POST", "/deliberation/items", { token: "resident", body: { nodeId: community, kind: "suggestion", sessionId: session.id, raisedBy: raiser, category: "property", title, text: `${raiser.name}（${raiser.phone}）反映${title}` } })
    const a = await ok(await raise("楼道灯不亮"), 201)
    const b = await ok(await raise("垃圾桶太少"), 201)
    const run = (id: string, body: unknown, token = "secretary") => f.call("POST", `/deliberation/items/${id}/commands`, { token, body })
    await ok(await run(a.id, { _tag: "Answer", answer: "物业当场答应今天修好" }))
    await problem(await run(a.id, { _tag: "Accept", unit: "property_company", promisedAt: at(5) }), 409, "invalid_transition")
    await problem(await run(b.id, { _tag: "Accept", unit: "nobody", promisedAt: at(5) }), 422, "invalid_input")
    await ok(await run(b.id, { _tag: "Accept", unit: "property_company", promisedAt: at(5) }))
    await ok(await run(b.id, { _tag: "RecordMilestone", note: "已采购", progress: 50 }))
    await ok(await run(b.id, { _tag: "Resolve", resolution: "新增垃圾桶 6 个" }))
    await ok(await run(b.id, { _tag: "ReportBack", sessionId: later.id, note: "接待日通报" }))
    const rated = await ok(await f.call("POST", `/deliberation/items/${b.id}/ratings`, { token: "resident", body: { score: 4, comment: "及时" } }))
    expect(rated).toMatchObject({ state: "rated", ratingCount: 1 })
    await problem(await f.call("POST", `/deliberation/items/${b.id}/ratings`, { token: "resident", body: { score: 5 } }), 409, "conflict")

    const boardResponse = await f.call("GET", `/public/nodes/${f.tiny.county.id}/deliberation?sort=raised`)
    const boardText = await boardResponse.text()
    expect(boardResponse.status, boardText).toBe(200)
    const board = JSON.parse(boardText)
    expect(board.items.map((i: { id: string }) => i.id)).toEqual([b.id, a.id])
    expect(board.items[0]).toMatchObject({ state: "rated", unit: "物业公司", progress: 100, rating: 4, raisedBy: "欧***", overdue: false })
    for (const secret of [raiser.name, raiser.phone, raiser.idCardNumber]) expect(boardText).not.toContain(secret)
    const closed = await ok(await f.call("GET", `/public/nodes/${f.tiny.county.id}/deliberation?status=closed&overdue=false`))
    expect(closed.items.map((i: { id: string }) => i.id)).toEqual([a.id])

    const stats = await ok(await f.call("GET", `/nodes/${community}/deliberation/statistics`, { token: "secretary" }))
    expect(stats).toMatchObject({ raised: 2, answeredOnSpot: 1, takenUp: 1, resolved: 1 })
    // A resident of a unit cannot even see the community's node.
    await problem(await f.call("GET", `/nodes/${community}/deliberation/statistics`, { token: "resident" }), 404, "not_found")
    await problem(await f.call("GET", `/nodes/${community}/deliberation/statistics`), 401, "unauthorized")
    const item = await ok(await f.call("GET", `/deliberation/items/${b.id}`, { token: "secretary" }))
    expect(item.raisedBy).toEqual(raiser)
    const config = await ok(await f.call("GET", `/counties/${f.tiny.county.id}/deliberation/config`, { token: "admin" }))
    expect(config.sessionTypes.map((t: { key: string }) => t.key)).toContain("reception_day")
  })
})
