/**
 * The follow-up (回访) through HTTP: a resolved case asks its party to rate, the party sees
 * it under `/me/followups`, the questionnaire weeks later is answered only by that person
 * (another resident, staff of another grid, staff who see the case: refused), "not solved"
 * reopens the case; the configuration is the county's staff's and the statistics the
 * subtree's staff's.
 */
import { type CaseId, type GridNodeId, systemActor } from "@mulin/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Fixture, ok, problem, setup } from "./helpers.js"

const sys = systemActor()
const DAY = 86_400_000

describe("follow-up over HTTP", () => {
  let f: Fixture
  let caseId: CaseId
  let questionnaire: string

  beforeAll(async () => {
    f = await setup()
    caseId = await Effect.runPromise(Effect.gen(function*() {
      const m = f.mediation
      let c = yield* m.report(sys, {
        nodeId: f.tiny.units[0].id,
        category: "water_leak",
        title: "楼上漏水影响楼下",
        description: "卫生间漏水",
        parties: [{ kind: "person", personId: f.tiny.people.resident.id, side: "applicant" }],
        attachments: []
      })
      const participants = [{ role: "party_organisation" as const, name: null }]
      c = yield* m.execute(sys, c.id, { _tag: "Accept", mediators: [f.tiny.people.mediator.id] })
      c = yield* m.execute(sys, c.id, { _tag: "RecordStatement", party: 0, text: "天花板滴水", publishable: false })
      for (const round of ["proposal", "joint", "decision"] as const) c = yield* m.execute(sys, c.id, { _tag: "RecordRound", round, participants, outcome: "同意维修" })
      c = yield* m.execute(sys, c.id, { _tag: "RecordAgreement", terms: "三日内维修", consents: [true] })
      c = yield* m.execute(sys, c.id, { _tag: "Resolve", outcome: "已修复" })
      return c.id
    }))
  })
  afterAll(() => f.dispose())

  it("the party who is a person finds the rating asked under /me/followups; others find nothing", async () => {
    const mine = await ok(await f.call("GET", "/me/followups", { token: "resident" }))
    expect(mine).toHaveLength(1)
    expect(mine[0]).toMatchObject({ subject: "mediation.case", subjectId: caseId, rating: { state: "asked" }, questionnaire: null })
    expect(await ok(await f.call("GET", "/me/followups", { token: "resident2" }))).toEqual([])
    expect(await ok(await f.call("GET", "/me/followups", { token: "secretary" }))).toEqual([])
    await problem(await f.call("GET", "/me/followups"), 401, "unauthorized")
  })

  it("the feed shows the request with ids and a day, nothing personal", async () => {
    const page = await ok(await f.call("GET", "/events?limit=1000", { token: "admin" }))
    const requested = page.items.filter((e: { type: string }) => e.type === "followup.rating.requested")
    expect(requested.map((e: { payload: unknown }) => e.payload)).toEqual([
      { subject: "mediation.case", subjectId: caseId, personIds: [f.tiny.people.resident.id], dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }
    ])
  })

  it("only the person asked answers the questionnaire; 'not solved' reopens the case", async () => {
    const swept = await Effect.runPromise(f.followUp.sweep(f.tiny.county.id, new Date(Date.now() + 29 * DAY).toISOString()))
    expect(swept.changed).toBe(1)
    const mine = await ok(await f.call("GET", "/me/followups", { token: "resident" }))
    questionnaire = mine[0].questionnaire.id
    expect(mine[0].questionnaire.question).toEqual({ en: "Was it solved?", zh: "问题解决了吗？" })
    const path = `/followup/questionnaires/${questionnaire}/answers`
    await problem(await f.call("POST", path, { token: "resident2", body: { solved: false } }), 404, "not_found")
    await problem(await f.call("POST", path, { token: "worker2", body: { solved: false } }), 404, "not_found")
    await problem(await f.call("POST", path, { token: "secretary2", body: { solved: false } }), 404, "not_found")
    await problem(await f.call("POST", path, { token: "secretary", body: { solved: true } }), 403, "forbidden")
    await problem(await f.call("POST", "/followup/questionnaires/fuq_01JDZ6Y5V6Q2N8W3X4K7H9M0AB/answers", { token: "resident", body: { solved: true } }), 404, "not_found")
    const bad = await problem(await f.call("POST", path, { token: "resident", body: { solved: "no" } }), 422, "invalid_input")
    expect(bad.errors.map((i: { path: string }) => i.path)).toEqual(["payload.solved"])
    const answered = await ok(await f.call("POST", path, { token: "resident", body: { solved: false, comment: "还在漏" } }))
    expect(answered).toEqual({ questionnaireId: questionnaire, subject: "mediation.case", subjectId: caseId, solved: false, reopened: true })
    expect((await Effect.runPromise(f.mediation.get(sys, caseId))).state).toBe("accepted")
    await problem(await f.call("POST", path, { token: "resident", body: { solved: true } }), 409, "conflict")
    expect(await ok(await f.call("GET", "/me/followups", { token: "resident" }))).toEqual([])
  })

  it("the configuration is the county's staff's, every field checked", async () => {
    const county = f.tiny.county.id
    expect(await ok(await f.call("GET", `/counties/${county}/followup/config`, { token: "admin" }))).toMatchObject({ ratingDays: 7, lapseRule: "not_rated", questionnaireWeeks: 4 })
    await problem(await f.call("PATCH", `/counties/${county}/followup/config`, { token: "secretary", body: { ratingDays: 3 } }), 403, "forbidden")
    await problem(await f.call("PATCH", `/counties/${county}/followup/config`, { token: "resident", body: { ratingDays: 3 } }), 403, "forbidden")
    const bad = await problem(await f.call("PATCH", `/counties/${county}/followup/config`, { token: "admin", body: { ratingDays: 61, questionnaireWeeks: 0, lapseRule: "satisfied" } }), 422, "invalid_input")
    expect(bad.errors.map((i: { path: string }) => i.path).sort()).toEqual(["payload.lapseRule", "payload.questionnaireWeeks", "payload.ratingDays"])
    expect(await ok(await f.call("PATCH", `/counties/${county}/followup/config`, { token: "admin", body: { lapseRule: "remind_once" } }))).toMatchObject({ lapseRule: "remind_once", version: 1 })
  })

  it("statistics are for the subtree's staff, and never count a lapsed rating as satisfied", async () => {
    await Effect.runPromise(f.followUp.sweep(f.tiny.county.id, new Date(Date.now() + 40 * DAY).toISOString()))
    const stats = await ok(await f.call("GET", `/nodes/${f.tiny.county.id}/followup/statistics`, { token: "admin" }))
    expect(stats).toMatchObject({ followUps: 1, asked: 1, rated: 0, lapsed: 1, satisfied: 0, satisfactionRate: 0, answered: 1, notSolved: 1, reopened: 1 })
    const community: GridNodeId = f.tiny.communities[0].id
    expect(await ok(await f.call("GET", `/nodes/${community}/followup/statistics`, { token: "secretary" }))).toMatchObject({ followUps: 1 })
    await problem(await f.call("GET", `/nodes/${community}/followup/statistics`, { token: "secretary2" }), 404, "not_found")
    await problem(await f.call("GET", `/nodes/${community}/followup/statistics`, { token: "resident" }), 403, "forbidden")
    await problem(await f.call("GET", `/nodes/${community}/followup/statistics?from=2026-13-01`, { token: "secretary" }), 422, "invalid_input")
  })
})
