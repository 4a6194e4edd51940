/**
 * Every error is `application/problem+json` with a stable `type` and `code`, `title`,
 * `status`, `detail` and `detailZh`; bad requests are 4xx, never 5xx, never empty.
 */
import { Activities, Deliberation, Feed, FollowUp, Grid, Identity, Intake, Jobs, Matching, Mediation, Partners, PartyMembers, Places, Points, Reports, storageError, Visits } from "@mulin/core"
import { Effect, Layer, Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeHandler, Problem, problemTable } from "../src/index.js"
import { type Fixture, json, setup } from "./helpers.js"

const expectProblem = async (response: Response, status: number, code: string) => {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  expect(response.headers.get("content-type")).toBe("application/problem+json")
  const body = JSON.parse(text)
  Schema.decodeUnknownSync(Problem)(body)
  expect(body).toMatchObject({ code, status, type: `urn:mulin:problem:${code.replaceAll("_", "-")}` })
  expect(body.title).toMatch(/\S/)
  expect(body.detail).toMatch(/\S/)
  expect(body.detailZh).toMatch(/\S/)
  expect(body.detailZh).not.toBe(body.detail)
  return body
}

describe("problem responses", () => {
  let f: Fixture
  beforeAll(async () => {
    f = await setup({ maxBodyBytes: 4096 })
  })
  afterAll(() => f.dispose())

  const createNode = () => ({ parentId: f.tiny.streets[0].id, code: "C7", name: "社区7" })

  it("answers malformed JSON with 400 malformed_json", async () => {
    for (const rawBody of ["{nope", "{\"code\": }", "[1, 2", "\"unterminated"]) {
      await expectProblem(
        await f.call("POST", "/nodes", { token: "admin", rawBody, headers: { "content-type": "application/json" } }),
        400,
        "malformed_json"
      )
    }
  })

  it("answers a body that is not JSON with 415 unsupported_media_type", async () => {
    for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml"]) {
      const body = await expectProblem(
        await f.call("POST", "/nodes", { token: "admin", rawBody: "code=C7", headers: { "content-type": contentType } }),
        415,
        "unsupported_media_type"
      )
      expect(body.contentType).toBe(contentType)
    }
    // JSON with a charset parameter is JSON.
    const ok = await f.call("POST", "/nodes", { token: "admin", rawBody: JSON.stringify(createNode()), headers: { "content-type": "application/json; charset=utf-8" } })
    expect(ok.status).toBe(201)
  })

  it("answers an unknown route with 404 route_not_found", async () => {
    const body = await expectProblem(await f.call("GET", "/nowhere?x=1", { token: "admin" }), 404, "route_not_found")
    expect(body).toMatchObject({ method: "GET", path: "/nowhere" })
    await expectProblem(await f.call("GET", "/"), 404, "route_not_found")
    await expectProblem(await f.call("DELETE", `/nodes/${f.tiny.grids[0].id}`, { token: "admin" }), 404, "route_not_found")
    await expectProblem(await f.call("POST", "/nodes/x/y/z", { token: "admin", body: {} }), 404, "route_not_found")
  })

  it("answers a missing or bad token with 401 unauthorized", async () => {
    const path = `/nodes/${f.tiny.grids[0].id}`
    await expectProblem(await f.call("GET", path), 401, "unauthorized")
    await expectProblem(await f.call("GET", path, { token: "not-a-token" }), 401, "unauthorized")
    await expectProblem(await f.call("GET", path, { headers: { authorization: "Basic YWRtaW46YWRtaW4=" } }), 401, "unauthorized")
    await expectProblem(await f.call("GET", path, { headers: { authorization: "Bearer" } }), 401, "unauthorized")
    // Authentication comes before the body is even read.
    await expectProblem(await f.call("POST", "/nodes", { rawBody: "{nope", headers: { "content-type": "application/json" } }), 401, "unauthorized")
    const response = await f.call("GET", path, { headers: { authorization: "bearer worker" } })
    expect(response.status).toBe(200)
  })

  it("answers an oversized body with 413 payload_too_large, with or without content-length", async () => {
    const big = JSON.stringify({ ...createNode(), name: "x".repeat(5000) })
    const declared = await expectProblem(await f.call("POST", "/nodes", { token: "admin", body: JSON.parse(big) }), 413, "payload_too_large")
    expect(declared.limit).toBe(4096)

    const bytes = new TextEncoder().encode(big)
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 1000) controller.enqueue(bytes.slice(i, i + 1000))
        controller.close()
      }
    })
    const streamed = await f.handler(new Request(`http://mulin.test/nodes`, {
      method: "POST",
      headers: { authorization: "Bearer admin", "content-type": "application/json" },
      body: stream,
      duplex: "half"
    } as RequestInit))
    await expectProblem(streamed, 413, "payload_too_large")

    // Just under the limit is fine.
    const fits = await f.call("POST", "/nodes", { token: "admin", body: { ...createNode(), code: "C8", name: "社区8" } })
    expect(fits.status).toBe(201)
  })

  it("answers a body that breaks the command schema with 422 invalid_input naming every field", async () => {
    const body = await expectProblem(
      await f.call("POST", "/households", { token: "admin", body: { nodeId: "hh_x", code: "", residents: [{ name: " 张三", phone: "12" }], extra: 1 } }),
      422,
      "invalid_input"
    )
    const paths = body.errors.map((e: { path: string }) => e.path)
    expect(paths).toEqual(expect.arrayContaining(["payload.nodeId", "payload.code", "payload.residents.0.name", "payload.residents.0.phone"]))
    for (const e of body.errors) {
      expect(e.message).toMatch(/\S/)
      expect(e.messageZh).toMatch(/\S/)
    }
    expect(body.errors.find((e: { path: string }) => e.path === "payload.residents.0.phone").messageZh).toContain("电话号码")
  })

  it("answers an empty or non-object body with 422", async () => {
    await expectProblem(await f.call("POST", "/nodes", { token: "admin", rawBody: "", headers: { "content-type": "application/json" } }), 422, "invalid_input")
    await expectProblem(await f.call("POST", "/nodes", { token: "admin", body: [1, 2] }), 422, "invalid_input")
    await expectProblem(await f.call("POST", "/nodes", { token: "admin", body: null }), 422, "invalid_input")
  })

  it("answers bad path and query parameters with 422 invalid_input", async () => {
    const params = await expectProblem(await f.call("GET", "/nodes/hh_123", { token: "admin" }), 422, "invalid_input")
    expect(params.errors.map((e: { path: string }) => e.path)).toEqual(["params.id"])
    const query = await expectProblem(await f.call("GET", `/nodes/${f.tiny.grids[0].id}/coverage?date=2026-02-30&limit=x`, { token: "admin" }), 422, "invalid_input")
    expect(query.errors.map((e: { path: string }) => e.path).sort()).toEqual(["query.date", "query.limit"])
  })

  it("answers a rule broken inside a use case with 422 invalid_input", async () => {
    const body = await expectProblem(
      await f.call("POST", "/households", { token: "admin", body: { nodeId: f.tiny.grids[0].id, code: "1", residents: [{ name: "钱进" }] } }),
      422,
      "invalid_input"
    )
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(["nodeId"])
  })

  it("answers an unknown id with 404 not_found and a clash with 409 conflict", async () => {
    // A well-formed id from 1970: ids made in one millisecond differ only in their last characters.
    const missing = f.tiny.grids[0].id.replace(/^node_.{10}/, "node_0000000000")
    const notFound = await expectProblem(await f.call("GET", `/nodes/${missing}`, { token: "admin" }), 404, "not_found")
    expect(notFound).toMatchObject({ entity: "grid node", id: missing })
    const conflict = await expectProblem(
      await f.call("PATCH", `/nodes/${f.tiny.grids[0].id}`, { token: "admin", body: { name: "新名", expectedVersion: 42 } }),
      409,
      "conflict"
    )
    expect(conflict.reason).toBe("version_mismatch")
    const duplicate = await expectProblem(await f.call("POST", "/counties", { token: "system", body: { code: "370812", name: "again" } }), 409, "conflict")
    expect(duplicate.reason).toBe("duplicate_code")
  })

  it("answers a storage failure with 500 storage_error and a failing authenticator with 500 internal_error", async () => {
    const failing = makeHandler({
      services: Layer.mergeAll(Layer.succeed(Grid, { ...f.grid, getNode: () => Effect.fail(storageError(new Error("disk I/O error"))) }), Layer.succeed(Feed, f.feed), Layer.succeed(Mediation, f.mediation), Layer.succeed(Points, f.points), Layer.succeed(Deliberation, f.deliberation), Layer.succeed(Matching, f.matching), Layer.succeed(Places, f.places), Layer.succeed(Activities, f.activities), Layer.succeed(Visits, f.visits), Layer.succeed(Partners, f.partners), Layer.succeed(PartyMembers, f.party), Layer.succeed(Intake, f.intake), Layer.succeed(Reports, f.reports), Layer.succeed(Identity, f.identity), Layer.succeed(FollowUp, f.followUp), Layer.succeed(Jobs, f.jobs)),
      authenticate: (request) => {
        if (request.token === "boom") throw new Error("auth backend down")
        return f.authenticate(request)
      }
    })
    try {
      const get = (token: string) =>
        failing.handler(new Request(`http://mulin.test/nodes/${f.tiny.grids[0].id}`, { headers: { authorization: `Bearer ${token}` } }))
      const storage = await expectProblem(await get("admin"), 500, "storage_error")
      // The driver's own words stay on the server.
      expect(JSON.stringify(storage)).not.toContain("disk I/O error")
      const internal = await expectProblem(await get("boom"), 500, "internal_error")
      expect(JSON.stringify(internal)).not.toContain("auth backend down")
      expect((await failing.handler(new Request("http://mulin.test/healthz"))).status).toBe(200)
    } finally {
      await failing.dispose()
    }
  })

  it("keeps every status in the one table", () => {
    expect(Object.fromEntries(Object.entries(problemTable).map(([tag, i]) => [tag, i.status]))).toEqual({
      MalformedJson: 400,
      Unauthorized: 401,
      Forbidden: 403,
      NotFound: 404,
      RouteNotFound: 404,
      Conflict: 409,
      InvalidTransition: 409,
      PayloadTooLarge: 413,
      UriTooLong: 414,
      UnsupportedMediaType: 415,
      InvalidInput: 422,
      RequestHeaderFieldsTooLarge: 431,
      StorageError: 500,
      InternalError: 500
    })
  })

  it("answers /healthz without a token", async () => {
    const response = await f.call("GET", "/healthz")
    expect(response.status).toBe(200)
    expect(await json(response)).toEqual({ ok: true })
  })
})
