/**
 * Public views over HTTP with generated residents' data: the wish board (心愿墙, read without
 * a token), the points leaderboard (read as a resident) and the one-window intake's follow
 * view (read with a reference and a code, without a token) show no name, phone or ID-card
 * number planted in any free-text field a need, an account or a request carries — in any
 * spelling: spaces, dashes, brackets, dots, full-width digits.
 */
import { systemActor } from "@mulin/core"
import { arbitraryIdCard, arbitraryMobile, arbitraryName, arbitrarySpelling, findPersonalData } from "@mulin/core/testing"
import { Effect } from "effect"
import fc from "fast-check"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Fixture, setup } from "./helpers.js"

/** A generated resident: name, mobile, ID-card number, and how each number gets written. */
const personal = fc.record({ name: arbitraryName, phone: arbitraryMobile, idCard: arbitraryIdCard, spellPhone: arbitrarySpelling, spellId: arbitrarySpelling })
type Personal = typeof personal extends fc.Arbitrary<infer T> ? T : never

describe("public views over HTTP hold no personal data planted in free text", () => {
  let f: Fixture
  let households = 0
  beforeAll(async () => {
    f = await setup()
    // The volunteer keeps a profile in their grid, to be assigned needs and to claim them.
    await ok(await f.call("POST", "/matching/volunteers", { token: "volunteer", body: { personId: f.tiny.people.volunteer.id, homeNodeId: f.tiny.grids[0].id, skills: [{ skill: "errands", level: 3 }], availability: [], maxConcurrent: 20 } }))
    await ok(await f.call("POST", "/points/accounts", { token: "admin", body: { nodeId: f.tiny.county.id, kind: "issuer", name: "兖州区积分发行" } }), 201)
  })
  afterAll(async () => {
    await f.dispose()
  })

  const ok = async (response: Response, status = 200) => {
    const text = await response.text()
    expect(response.status, text).toBe(status)
    return JSON.parse(text)
  }

  /**
   * Registers generated residents as a household of the first community (its second unit):
   * they are real residents of the county, around every need and account of the community.
   */
  const register = (around: ReadonlyArray<Personal>) =>
    Effect.runPromise(f.grid.createHousehold(systemActor(), {
      nodeId: f.tiny.units[1].id,
      code: `9${String(++households).padStart(3, "0")}`,
      residents: around.map((p, i) => ({ name: p.name, phone: p.phone, idCardNumber: p.idCard, relation: i === 0 ? "head" as const : "other" as const }))
    }))

  /** The fixture county's own residents of the first community (units a1 and a2), with their phones. */
  const fixtureResidents = () => f.tiny.households.slice(0, 2).flatMap((h) => h.residents.map((r) => ({ name: r.name, phone: r.phone })))

  /** Sentences quoting the residents, numbers spelled as each resident's way says; one per field. */
  const quotes = (around: ReadonlyArray<Personal>) => (i: number): string => {
    const p = around[i % around.length]!
    const neighbour = fixtureResidents()[i % 2]!
    return `${p.name}（${p.spellPhone(p.phone)}）证件${p.spellId(p.idCard)}，邻居${neighbour.name}电话${p.spellPhone(neighbour.phone ?? "")}`
  }

  const secretsOf = (around: ReadonlyArray<Personal>) => ({
    names: [...around.map((p) => p.name), ...fixtureResidents().map((r) => r.name)],
    numbers: [...around.flatMap((p) => [p.phone, p.idCard]), ...fixtureResidents().flatMap((r) => (r.phone === null ? [] : [r.phone]))]
  })

  it("property: the wish board shows no resident's name, phone or ID-card number typed into a need's title, description or notes", async () => {
    const community = f.tiny.communities[0].id
    let people = 0
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(personal, { minLength: 1, maxLength: 3, selector: (p) => p.idCard }), fc.integer({ min: 0, max: 2 }), async (around, path) => {
        const household = await register(around)
        // The first of them posts the need, as the resident they now are.
        const token = `wisher-${++people}`
        await f.enrol(token, { nodeId: f.tiny.units[1].id, name: around[0]!.name, householdId: household.id })
        const say = quotes(around)
        const need = await ok(await f.call("POST", "/matching/needs", {
          token,
          body: { nodeId: f.tiny.units[0].id, kind: "micro_wish", category: "errands", title: say(0), description: `${say(1)}\n${say(2)}`, dueAt: new Date(Date.now() + 7 * 86_400_000).toISOString() }
        }), 201)
        const run = (who: string, body: unknown) => f.call("POST", `/matching/needs/${need.id}/commands`, { token: who, body })
        if (path === 0) await ok(await run("secretary", { _tag: "Cancel", reason: say(3) }))
        if (path === 1) {
          await ok(await run("secretary", { _tag: "Assign", personIds: [f.tiny.people.volunteer.id], explanation: say(4) }))
          await ok(await run("volunteer", { _tag: "LogVisit", note: say(5) }))
          await ok(await run("volunteer", { _tag: "ReportDone", note: say(6) }))
          await ok(await run(token, { _tag: "Confirm", rating: 5, comment: say(7) }))
        }
        if (path === 2) {
          await ok(await f.call("POST", `/matching/needs/${need.id}/claim`, { token: "volunteer", body: {} }))
          await ok(await run("volunteer", { _tag: "Release", reason: say(8) }))
        }
        const board = await ok(await f.call("GET", `/public/nodes/${community}/wishes?limit=1000`))
        const card = board.items.find((c: { id: string }) => c.id === need.id)
        // Cancelled needs leave the board; the others stay on it.
        if (path === 0) expect(card).toBeUndefined()
        else expect(card).toMatchObject({ id: need.id, requester: expect.stringMatching(/^\S\*+$/u) })
        expect(findPersonalData(board, secretsOf(around))).toEqual([])
      }),
      { numRuns: 15 }
    )
  }, 120_000)

  it("property: the leaderboard a resident reads shows no holder's name nor anything typed into an account's names, memos and reasons", async () => {
    const community = f.tiny.communities[0].id
    let opened = 0
    let code = 0
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(personal, { minLength: 1, maxLength: 3, selector: (p) => p.idCard }), fc.boolean(), async (around, spelledIn) => {
        const household = await register(around)
        const say = quotes(around)
        for (const [i, p] of around.entries()) {
          // The holder is one of the residents, registered with their name (or, typed by a
          // careless clerk, their name with their phone number written into it).
          const name = spelledIn ? `${p.name}${p.spellPhone(p.phone)}` : p.name
          const person = await ok(await f.call("POST", "/people", { token: "secretary", body: { nodeId: f.tiny.units[1].id, code: `LB${++code}`, name, householdId: household.id } }), 201)
          const account = await ok(await f.call("POST", "/points/accounts", { token: "secretary", body: { nodeId: f.tiny.units[1].id, kind: "person", ownerId: person.id } }), 201)
          opened++
          await ok(await f.call("POST", "/points/awards", { token: "secretary", body: { transferId: `lb-award-${code}`, accountId: account.id, category: "good_conduct", memo: say(i) } }), 201)
          await ok(await f.call("POST", "/points/awards", { token: "worker", body: { transferId: `lb-knock-${code}`, accountId: account.id, category: "door_knock", memo: say(i + 1) } }), 201)
          await ok(await f.call("POST", "/points/adjustments", { token: "secretary", body: { transferId: `lb-adjust-${code}`, accountId: account.id, amount: 3, reason: say(i + 2).slice(0, 200) } }), 201)
        }
        const board = await ok(await f.call("GET", `/nodes/${community}/points/leaderboard?limit=100`, { token: "resident" }))
        // Every account opened so far earned: each is on the board, its name masked, no id shown to a resident.
        expect(board.entries.length).toBeGreaterThanOrEqual(opened)
        for (const entry of board.entries) expect(entry).toMatchObject({ accountId: null, name: expect.stringMatching(/^\S\*+$/u) })
        expect(findPersonalData(board, secretsOf(around))).toEqual([])
      }),
      { numRuns: 15 }
    )
  }, 120_000)

  it("property: the intake's follow view shows no resident's name, phone or ID-card number from the contact, the request's text, a reason or the outcome", async () => {
    const county = f.tiny.county.id
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(personal, { minLength: 1, maxLength: 3, selector: (p) => p.idCard }), fc.integer({ min: 0, max: 2 }), async (around, path) => {
        await register(around)
        const say = quotes(around)
        const p = around[0]!
        const taken = await ok(await f.call("POST", "/intake/requests", {
          token: "worker",
          body: { channel: "phone", householdId: f.tiny.households[0]!.id, category: "property", resident: { kind: "contact", name: p.name, phone: p.phone }, text: `${say(0)}\n${say(1)}` }
        }), 201)
        const id = taken.request.id as string
        if (path === 0) await ok(await f.call("POST", `/intake/requests/${id}/resolve`, { token: "secretary", body: { outcome: say(2) } }))
        if (path === 1) await ok(await f.call("POST", `/intake/requests/${id}/route`, { token: "secretary", body: { kind: "referral", department: "区住建局", dueDate: "2099-01-01" } }))
        if (path === 2) await ok(await f.call("POST", `/intake/requests/${id}/reject`, { token: "secretary", body: { reason: "out_of_scope" } }))
        const view = await ok(await f.call("POST", `/public/counties/${county}/intake/follow`, { body: { reference: taken.request.reference, code: taken.followCode } }))
        expect(view.status).toBe(["resolved", "routed", "rejected"][path])
        expect(findPersonalData(view, secretsOf(around))).toEqual([])
      }),
      { numRuns: 15 }
    )
  }, 120_000)
})
