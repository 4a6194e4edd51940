/**
 * Notifications through HTTP, with the hostile cases first: another person's inbox,
 * another county's webhooks, a resident creating webhooks, attempts read by someone who is
 * not the county's staff; then the inbox, preferences, webhooks with their secret shown
 * once and rotated, and the attempts of a delivery.
 */
import { Activities, Deliberation, EventLog, Feed, FollowUp, Grid, Identity, IdGenerator, Intake, Jobs, layerTimedRules, Matching, Mediation, Notifications, notificationsOutbox, Partners, PartyMembers, type PersonId, Places, Points, reacting, Reports, UnitOfWork, Visits } from "@mulin/core"
import { buildTinyCounty, eventOf, layerMemory, type TinyCounty } from "@mulin/core/testing"
import { Effect, Layer } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeHandler, operatorTable, tokenTable, type WebHandler } from "../src/index.js"
import { ok, problem } from "./helpers.js"

describe("notifications over HTTP", () => {
  let web: WebHandler
  let t: TinyCounty
  let other: TinyCounty
  let n: Notifications["Service"]
  let notificationId: string
  const call = (method: string, path: string, token?: string, body?: unknown) =>
    web.handler(new Request(`http://mulin.test${path}`, {
      method,
      headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    }))

  beforeAll(async () => {
    const context = await Effect.runPromise(Effect.context<Grid | Feed | Mediation | Points | Deliberation | Matching | FollowUp | Jobs | Identity | Notifications | EventLog | UnitOfWork | IdGenerator>().pipe(
      Effect.provide(layerTimedRules().pipe(
        Layer.provideMerge(Layer.mergeAll(FollowUp.layer, Visits.layer, Partners.layer, PartyMembers.layer, Intake.layer, Reports.layer())),
        Layer.provideMerge(Layer.mergeAll(Matching.layer, Activities.layer)),
        Layer.provideMerge(Layer.mergeAll(Grid.layer, Mediation.layer, Points.layer, Deliberation.layer, Places.layer, Identity.layer, Notifications.layer())),
        Layer.provideMerge(reacting(notificationsOutbox)),
        Layer.provideMerge(layerMemory()),
        Layer.provideMerge(IdGenerator.layer)
      ))
    ) as Effect.Effect<any, unknown>)
    const inWorld = <A, E>(effect: Effect.Effect<A, E, any>) => Effect.runPromise(Effect.provideContext(effect, context) as Effect.Effect<A, unknown>)
    t = await inWorld(buildTinyCounty())
    other = await inWorld(buildTinyCounty("370813"))
    n = await inWorld(Notifications.use((s) => Effect.succeed(s)))
    const e = await inWorld(eventOf("matching.need.assigned", [t.county.id, t.streets[0].id], { personIds: [t.people.volunteer.id] }, { type: "need", id: "need_1" }))
    await inWorld(Effect.flatMap(UnitOfWork, (u) => u.transaction(Effect.flatMap(EventLog, (log) => log.append([e])))))
    notificationId = `ntf_${e.id.slice(4)}_${t.people.volunteer.id.slice(4)}`
    const tokens: Record<string, PersonId> = {}
    for (const [key, p] of Object.entries(t.people)) tokens[key] = p.id
    tokens["otherAdmin"] = other.people.admin.id
    web = makeHandler({ services: Layer.succeedContext(context), authenticate: tokenTable(tokens) })
  })
  afterAll(() => web?.dispose())

  it("another person's notification is not found; the inbox is one's own", async () => {
    await problem(await call("POST", `/me/inbox/${notificationId}/read`, "member", {}), 404, "not_found")
    expect((await ok(await call("GET", "/me/inbox", "member"))).items).toEqual([])
    const mine = await ok(await call("GET", "/me/inbox?unread=true", "volunteer"))
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([notificationId])
    expect(mine.items[0]).toMatchObject({ template: "need_assigned", read: false, title: { zh: "您有一个新的服务需求" } })
    expect(await ok(await call("POST", `/me/inbox/${notificationId}/read`, "volunteer", {}))).toMatchObject({ read: true })
    expect((await ok(await call("GET", "/me/inbox?unread=true", "volunteer"))).items).toEqual([])
    await problem(await call("GET", "/me/inbox"), 401, "unauthorized")
  })

  it("a resident, a secretary or another county's administrator cannot see or make the county's webhooks", async () => {
    for (const token of ["resident", "secretary", "volunteer"]) {
      const refused = await call("POST", `/counties/${t.county.id}/webhooks`, token, { url: "https://example.org/hook" })
      expect([403, 404]).toContain(refused.status)
      expect([403, 404]).toContain((await call("GET", `/counties/${t.county.id}/webhooks`, token)).status)
    }
    await problem(await call("POST", `/counties/${t.county.id}/webhooks`, "otherAdmin", { url: "https://example.org/hook" }), 404, "not_found")
    await problem(await call("GET", `/counties/${t.county.id}/webhooks`, "otherAdmin"), 404, "not_found")
    expect((await Effect.runPromise(n.listWebhooks(t.admin, t.county.id)))).toEqual([])
  })

  it("the county's staff subscribe a webhook, see its secret once, rotate it and remove it; another county cannot touch it", async () => {
    const made = await ok(await call("POST", `/counties/${t.county.id}/webhooks`, "admin", { url: "https://example.org/hook", eventTypes: ["matching.need.assigned"] }), 201)
    expect(made.secret).toMatch(/^whsec_/u)
    const listed = await ok(await call("GET", `/counties/${t.county.id}/webhooks`, "admin"))
    expect(listed).toHaveLength(1)
    expect(JSON.stringify(listed)).not.toContain(made.secret)
    await problem(await call("POST", `/counties/${other.county.id}/webhooks/${made.webhook.id}/rotate`, "otherAdmin", {}), 404, "not_found")
    await problem(await call("DELETE", `/counties/${other.county.id}/webhooks/${made.webhook.id}`, "otherAdmin"), 404, "not_found")
    const rotated = await ok(await call("POST", `/counties/${t.county.id}/webhooks/${made.webhook.id}/rotate`, "admin", { overlapHours: 2 }))
    expect(rotated.secret).not.toBe(made.secret)
    expect(rotated.webhook.secrets).toHaveLength(2)
    await problem(await call("POST", `/counties/${t.county.id}/webhooks`, "admin", { url: "javascript:alert(1)" }), 422, "invalid_input")
    expect((await call("DELETE", `/counties/${t.county.id}/webhooks/${made.webhook.id}`, "admin")).status).toBe(204)
    expect(await ok(await call("GET", `/counties/${t.county.id}/webhooks`, "admin"))).toEqual([])
  })

  it("preferences: the county's defaults, then one's own; bad quiet hours are refused naming the field", async () => {
    expect(await ok(await call("GET", "/me/notification-preferences", "worker"))).toMatchObject({ channels: ["log"], quietHours: { start: "22:00", end: "07:00" }, digest: false })
    expect(await ok(await call("PUT", "/me/notification-preferences", "worker", { channels: ["sms"], digest: true }))).toMatchObject({ channels: ["sms"], digest: true })
    const bad = await problem(await call("PUT", "/me/notification-preferences", "worker", { quietHours: { start: "7pm", end: "07:00" } }), 422, "invalid_input")
    expect(JSON.stringify(bad)).toContain("quietHours")
    expect(await ok(await call("GET", "/me/notification-preferences", "worker"))).toMatchObject({ channels: ["sms"] })
  })

  it("the attempts of a notification are for its county's staff", async () => {
    await Effect.runPromise(n.deliverDue(new Date(Date.now() + 86_400_000).toISOString()))
    const seen = await ok(await call("GET", `/notifications/${notificationId}/attempts`, "admin"))
    expect(seen.deliveries.map((d: { channel: string; status: string }) => [d.channel, d.status])).toEqual([["log", "delivered"]])
    expect(seen.attempts).toHaveLength(1)
    expect(seen.attempts[0]).toMatchObject({ number: 1, outcome: "delivered", error: null })
    await problem(await call("GET", `/notifications/${notificationId}/attempts`, "otherAdmin"), 404, "not_found")
    for (const token of ["volunteer", "resident"]) expect([403, 404]).toContain((await call("GET", `/notifications/${notificationId}/attempts`, token)).status)
  })

  it("a server built without the notifications service answers its endpoints with 404", async () => {
    const bare = makeHandler({
      services: layerTimedRules().pipe(
        Layer.provideMerge(Layer.mergeAll(FollowUp.layer, Visits.layer, Partners.layer, PartyMembers.layer, Intake.layer, Reports.layer())),
        Layer.provideMerge(Layer.mergeAll(Matching.layer, Activities.layer)),
        Layer.provideMerge(Layer.mergeAll(Grid.layer, Mediation.layer, Points.layer, Deliberation.layer, Places.layer, Identity.layer)),
        Layer.provideMerge(layerMemory()),
        Layer.provide(IdGenerator.layer)
      ),
      authenticate: operatorTable({ system: "tests" })
    })
    const answer = await bare.handler(new Request("http://mulin.test/me/inbox", { headers: { authorization: "Bearer system" } }))
    const body = await problem(answer, 404, "not_found")
    expect(body.detail).toContain("notifications service")
    await bare.dispose()
  })
})
