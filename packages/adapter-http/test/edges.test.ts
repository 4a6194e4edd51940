/**
 * The edges of HTTP, attacked: long URLs, early refusals of large uploads on a real socket,
 * body-less commands, the `WWW-Authenticate` challenge, exact route matching, integers in
 * the query, charsets and bytes that are not UTF-8. Every refusal is a problem body.
 */
import { connect } from "node:net"
import { Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { firstOf, operatorTable, Problem, type RunningServer, serve, tokenTable } from "../src/index.js"
import { type Fixture, json, setup } from "./helpers.js"

const expectProblem = async (response: Response, status: number, code: string) => {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  expect(response.headers.get("content-type")).toBe("application/problem+json")
  const body = JSON.parse(text)
  Schema.decodeUnknownSync(Problem)(body)
  expect(body).toMatchObject({ status, code })
  expect(body.detail).toMatch(/\S/)
  expect(body.detailZh).toMatch(/\S/)
  return body
}

/** Sends raw bytes on a fresh socket and reads the whole answer until the server closes. */
const raw = (port: number, bytes: string): Promise<{ readonly status: number; readonly headers: string; readonly body: string }> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1")
    const chunks: Array<Buffer> = []
    socket.on("data", (c) => chunks.push(c))
    socket.on("error", reject)
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8")
      const split = text.indexOf("\r\n\r\n")
      const head = split === -1 ? text : text.slice(0, split)
      resolve({ status: Number(head.split(" ")[1]), headers: head, body: split === -1 ? "" : text.slice(split + 4) })
    })
    socket.write(bytes)
  })

/**
 * Uploads `size` bytes on a raw socket the way a busy client does: it writes the whole body
 * before it reads anything, then reads the answer to the end. A server that closes the
 * connection on unread bytes resets it, and the client never sees the answer.
 */
const uploadThenRead = (port: number, head: string, size: number): Promise<{ readonly status: number; readonly body: string }> =>
  new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1")
    socket.pause()
    const chunks: Array<Buffer> = []
    socket.on("data", (c) => chunks.push(c))
    socket.on("error", (error) => reject(error))
    socket.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8")
      const split = text.indexOf("\r\n\r\n")
      resolve({ status: Number(text.split(" ")[1]), body: text.slice(split + 4) })
    })
    socket.write(`${head}connection: close\r\ncontent-length: ${size}\r\n\r\n`)
    const chunk = Buffer.alloc(256 * 1024, 0x20)
    let sent = 0
    const pump = () => {
      while (sent < size) {
        const n = Math.min(chunk.length, size - sent)
        sent += n
        const last = sent >= size
        const ok = socket.write(n === chunk.length ? chunk : chunk.subarray(0, n), last ? () => socket.resume() : undefined)
        if (!ok && !last) {
          socket.once("drain", pump)
          return
        }
      }
    }
    pump()
  })

describe("HTTP edges over a real socket", () => {
  let f: Fixture
  let server: RunningServer
  beforeAll(async () => {
    f = await setup()
    server = await serve({ port: 0, services: f.services, authenticate: firstOf(tokenTable(f.tokens), operatorTable({ system: "tests" })), maxBodyBytes: 64 * 1024 })
  })
  afterAll(async () => {
    await server.close()
    await f.dispose()
  })

  it("answers a URL longer than the limit with 414 uri_too_long, as a problem", async () => {
    const response = await fetch(`${server.url}/nodes/${"x".repeat(10_000)}`, { headers: { authorization: "Bearer admin" } })
    // The status line carries the standard reason phrase.
    expect(response.statusText).toBe("URI Too Long")
    const body = await expectProblem(response, 414, "uri_too_long")
    expect(body.limit).toBe(8192)
  })

  it("answers a URL past Node's header limit with 431 and a problem body, not an empty one", async () => {
    const answer = await raw(server.port, `GET /nodes/${"x".repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)
    expect(answer.status).toBe(431)
    expect(answer.headers.toLowerCase()).toContain("content-type: application/problem+json")
    const body = JSON.parse(answer.body)
    Schema.decodeUnknownSync(Problem)(body)
    expect(body).toMatchObject({ status: 431, code: "request_header_fields_too_large" })
    expect(body.detailZh).toMatch(/\S/)
  })

  it("answers a request Node cannot parse with 400 and a problem body", async () => {
    const answer = await raw(server.port, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nbad header line\r\n\r\n")
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body)).toMatchObject({ status: 400, code: "bad_request" })
  })

  it("lets the client read an early 401 on a large upload, not a reset", async () => {
    const answer = await uploadThenRead(server.port, "POST /nodes HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n", 8 * 1024 * 1024)
    expect(answer.status).toBe(401)
    expect(JSON.parse(answer.body)).toMatchObject({ status: 401, code: "unauthorized" })
  })

  it("lets the client read an early 413 on a large upload, not a reset", async () => {
    const answer = await uploadThenRead(server.port, "POST /nodes HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nauthorization: Bearer admin\r\n", 8 * 1024 * 1024)
    expect(answer.status).toBe(413)
    expect(JSON.parse(answer.body)).toMatchObject({ status: 413, code: "payload_too_large", limit: 64 * 1024 })
  })

  it("lets fetch read an early 401 and 413 on a large upload", async () => {
    const body = new Uint8Array(8 * 1024 * 1024).fill(0x20)
    await expectProblem(await fetch(`${server.url}/nodes`, { method: "POST", headers: { "content-type": "application/json" }, body }), 401, "unauthorized")
    await expectProblem(await fetch(`${server.url}/nodes`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer admin" }, body }), 413, "payload_too_large")
    // The server still answers on.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  })

  it("does not read //nodes/x as a request for another host or for /nodes/x", async () => {
    const id = f.tiny.grids[0].id
    const body = await expectProblem(await fetch(`${server.url}//nodes/${id}`, { headers: { authorization: "Bearer admin" } }), 404, "route_not_found")
    expect(body.path).toBe(`//nodes/${id}`)
  })
})

describe("HTTP edges in the fetch handler", () => {
  let f: Fixture
  beforeAll(async () => {
    f = await setup()
  })
  afterAll(() => f.dispose())

  it("accepts an empty body, or {}, for body-less commands", async () => {
    const county = f.tiny.county.id
    for (const body of [{}, undefined]) {
      const options = body === undefined ? { token: "system" } : { token: "system", body }
      expect((await f.call("POST", "/points/jobs/expire-holds", options)).status).toBe(200)
      expect((await f.call("POST", `/counties/${county}/points/expire`, options)).status).toBe(200)
    }
    // An empty body declared as JSON is {} too.
    const declared = await f.call("POST", "/points/jobs/expire-holds", { token: "system", rawBody: "", headers: { "content-type": "application/json" } })
    expect(declared.status, await declared.clone().text()).toBe(200)
    // A command with only optional fields: ending an assignment today.
    const assignment = (await json(await f.call("GET", `/nodes/${f.tiny.grids[0].id}/assignments`, { token: "admin" }))).items[0]
    const ended = await f.call("POST", `/assignments/${assignment.id}/end`, { token: "admin" })
    expect(ended.status, await ended.clone().text()).toBe(200)
    // A command with required fields still names them.
    const missing = await expectProblem(await f.call("POST", "/nodes", { token: "admin" }), 422, "invalid_input")
    expect(missing.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(["payload.parentId", "payload.code", "payload.name"]))
  })

  it("challenges a 401 with WWW-Authenticate: Bearer, and names an invalid token", async () => {
    const path = `/nodes/${f.tiny.grids[0].id}`
    const missing = await f.call("GET", path)
    expect(missing.status).toBe(401)
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer realm="mulin"$/)
    const basic = await f.call("GET", path, { headers: { authorization: "Basic YWRtaW46YWRtaW4=" } })
    expect(basic.headers.get("www-authenticate")).toMatch(/^Bearer realm="mulin"$/)
    const invalid = await f.call("GET", path, { token: "not-a-token" })
    expect(invalid.status).toBe(401)
    expect(invalid.headers.get("www-authenticate")).toMatch(/^Bearer realm="mulin", error="invalid_token"/)
  })

  it("matches routes exactly: case, duplicate and trailing slashes", async () => {
    const id = f.tiny.grids[0].id
    expect((await f.call("GET", `/nodes/${id}`, { token: "admin" })).status).toBe(200)
    for (const path of [`/NODES/${id}`, `/Nodes/${id}`, `//nodes/${id}`, `/nodes//${id}`, `/nodes/${id}/`, "/HEALTHZ", "/healthz/"]) {
      const body = await expectProblem(await f.call("GET", path, { token: "admin" }), 404, "route_not_found")
      expect(body.path).toBe(path)
    }
  })

  it("refuses integers in the query that are not written as integers, naming the field and the rule", async () => {
    const id = f.tiny.grids[0].id
    expect((await f.call("GET", `/nodes/${id}/children?limit=5`, { token: "admin" })).status).toBe(200)
    for (const limit of ["5.0", "1e2", "%2B5", "+5", "%205", "5%20", "0x10", "5_000", ""]) {
      const body = await expectProblem(await f.call("GET", `/nodes/${id}/children?limit=${limit}`, { token: "admin" }), 422, "invalid_input")
      expect(body.errors, limit).toHaveLength(1)
      expect(body.errors[0].path).toBe("query.limit")
      expect(body.errors[0].message).toMatch(/integer/)
      expect(body.errors[0].messageZh).toMatch(/整数/)
    }
    // The range is still checked on a well-written integer.
    const range = await expectProblem(await f.call("GET", `/nodes/${id}/children?limit=0`, { token: "admin" }), 422, "invalid_input")
    expect(range.errors[0].path).toBe("query.limit")
    // Authentication still comes first.
    await expectProblem(await f.call("GET", `/nodes/${id}/children?limit=5.0`), 401, "unauthorized")
  })

  it("refuses a body in a charset other than UTF-8 with 415, naming the charset", async () => {
    const node = JSON.stringify({ parentId: f.tiny.streets[0].id, code: "C9", name: "社区9" })
    for (const contentType of ["application/json; charset=utf-16", "application/json;charset=UTF-16LE", "application/json; charset=iso-8859-1", "application/json; charset=\"gbk\""]) {
      const body = await expectProblem(await f.call("POST", "/nodes", { token: "admin", rawBody: node, headers: { "content-type": contentType } }), 415, "unsupported_media_type")
      expect(body.contentType).toBe(contentType)
      expect(body.detail).toMatch(/UTF-8/)
      expect(body.detailZh).toMatch(/UTF-8/)
    }
    for (const contentType of ["application/json; charset=utf-8", "application/json; charset=\"UTF-8\"", "application/json;charset=utf-8"]) {
      const ok = await f.call("POST", "/nodes", { token: "admin", rawBody: node.replace("C9", `C${contentType.length}`), headers: { "content-type": contentType } })
      expect(ok.status, `${contentType}: ${await ok.clone().text()}`).toBe(201)
    }
  })

  it("refuses bytes that are not UTF-8 with 400, as a problem", async () => {
    const prefix = new TextEncoder().encode(`{"parentId":"${f.tiny.streets[0].id}","code":"C8","name":"`)
    for (const bad of [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xe6, 0x9d]]) {
      const bytes = new Uint8Array([...prefix, ...bad, 0x22, 0x7d])
      const body = await expectProblem(await f.call("POST", "/nodes", { token: "admin", rawBody: bytes, headers: { "content-type": "application/json" } }), 400, "malformed_json")
      expect(body.detail).toMatch(/UTF-8/)
      expect(body.detailZh).toMatch(/UTF-8/)
    }
    // Bad JSON is 400 as before.
    await expectProblem(await f.call("POST", "/nodes", { token: "admin", rawBody: "{nope", headers: { "content-type": "application/json" } }), 400, "malformed_json")
  })
})
