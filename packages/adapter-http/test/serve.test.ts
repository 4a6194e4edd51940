/**
 * `serve()` on a real socket (127.0.0.1, a free port) with the platform's `fetch`.
 */
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeClient } from "../src/client.js"
import { firstOf, operatorTable, type RunningServer, serve, tokenTable } from "../src/index.js"
import { type Fixture, json, setup } from "./helpers.js"

describe("serve() on node:http", () => {
  let f: Fixture
  let server: RunningServer
  beforeAll(async () => {
    f = await setup()
    server = await serve({ port: 0, host: "127.0.0.1", services: f.services, authenticate: firstOf(tokenTable(f.tokens), operatorTable({ system: "tests" })), maxBodyBytes: 64 * 1024 })
  })
  afterAll(async () => {
    await server.close()
    await f.dispose()
  })

  it("listens on the port it was given", () => {
    expect(server.port).toBeGreaterThan(0)
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`)
  })

  it("serves health, the OpenAPI document and the grid over the network", async () => {
    const health = await fetch(`${server.url}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ ok: true })

    const doc = await (await fetch(`${server.url}/openapi.json`)).json()
    expect(doc.openapi).toBe("3.1.0")

    const created = await fetch(`${server.url}/nodes`, {
      method: "POST",
      headers: { authorization: "Bearer admin", "content-type": "application/json" },
      body: JSON.stringify({ parentId: f.tiny.streets[1].id, code: "C5", name: "社区5" })
    })
    expect(created.status).toBe(201)
    const node = await created.json()
    expect(node).toMatchObject({ code: "C5", level: "community", parentId: f.tiny.streets[1].id })

    const read = await fetch(`${server.url}/nodes/${node.id}`, { headers: { authorization: "Bearer admin" } })
    expect(await read.json()).toEqual(node)
  })

  it("answers bad requests with problems over the network", async () => {
    const expectProblem = async (response: Response, status: number, code: string) => {
      expect(response.status).toBe(status)
      expect(response.headers.get("content-type")).toBe("application/problem+json")
      expect(await json(response)).toMatchObject({ status, code })
    }
    await expectProblem(await fetch(`${server.url}/nodes/${f.tiny.grids[0].id}`), 401, "unauthorized")
    await expectProblem(await fetch(`${server.url}/nodes/${f.tiny.grids[1].id}`, { headers: { authorization: "Bearer worker" } }), 404, "not_found")
    await expectProblem(await fetch(`${server.url}/missing`), 404, "route_not_found")
    await expectProblem(
      await fetch(`${server.url}/nodes`, { method: "POST", headers: { authorization: "Bearer admin", "content-type": "application/json" }, body: "{oops" }),
      400,
      "malformed_json"
    )
    await expectProblem(
      await fetch(`${server.url}/nodes`, { method: "POST", headers: { authorization: "Bearer admin", "content-type": "text/csv" }, body: "a,b" }),
      415,
      "unsupported_media_type"
    )
    await expectProblem(
      await fetch(`${server.url}/nodes`, {
        method: "POST",
        headers: { authorization: "Bearer admin", "content-type": "application/json" },
        body: JSON.stringify({ parentId: f.tiny.streets[1].id, code: "C6", name: "x".repeat(100_000) })
      }),
      413,
      "payload_too_large"
    )
    // Chunked, without content-length: the limit is enforced while reading.
    const chunk = new TextEncoder().encode(" ".repeat(16 * 1024))
    let sent = 0
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk)
        else controller.close()
      }
    })
    await expectProblem(
      await fetch(`${server.url}/nodes`, {
        method: "POST",
        headers: { authorization: "Bearer admin", "content-type": "application/json" },
        body: stream,
        duplex: "half"
      } as RequestInit),
      413,
      "payload_too_large"
    )
    await expectProblem(
      await fetch(`${server.url}/nodes`, { method: "POST", headers: { authorization: "Bearer admin", "content-type": "application/json" }, body: "{}" }),
      422,
      "invalid_input"
    )
  })

  it("works with the typed client over the network", async () => {
    const names = await Effect.runPromise(Effect.gen(function*() {
      const client = yield* makeClient({ baseUrl: server.url, token: "worker" })
      const page = yield* client.nodes.children({ params: { id: f.tiny.grids[0].id }, query: {} })
      return page.items.map((n) => n.name)
    }))
    expect(names).toEqual([f.tiny.buildings[0].name])
  })
})
