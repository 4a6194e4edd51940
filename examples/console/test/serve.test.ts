import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { gunzipSync } from "node:zlib"
import { Layer, ManagedRuntime } from "effect"
import { serve, tokenTable } from "@mulin/adapter-http"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { countyLayer } from "../../county-server/app.js"
import { isStale, mountConsole } from "../serve.js"

// A built console (a page, a hashed script, a stylesheet) beside the real API on one server.
const dist = mkdtempSync(join(tmpdir(), "mulin-console-"))
mkdirSync(join(dist, "assets"))
const page = `<!doctype html><html lang="zh-CN"><body><div id="app"></div>${"<!-- 睦邻 -->".repeat(100)}</body></html>`
const script = `console.log(${JSON.stringify("x".repeat(4000))})`
writeFileSync(join(dist, "index.html"), page)
writeFileSync(join(dist, "assets", "index-abc123.js"), script)
writeFileSync(join(dist, "assets", "index-abc123.css"), "body{color:red}")

const runtime = ManagedRuntime.make(countyLayer(":memory:"))
let url = ""
let close = async () => {}
beforeAll(async () => {
  const server = await serve({ port: 0, services: Layer.succeedContext(await runtime.context()), authenticate: tokenTable({}) })
  expect(mountConsole(server.server, dist)).toBe(true)
  url = server.url
  close = server.close
})
afterAll(async () => {
  await close()
  await runtime.dispose()
})

describe("the console beside the API", () => {
  it("serves the page at / and at the console's routes (a reload works), never cached", async () => {
    for (const path of ["/", "/signin", "/c/grid", "/r/node_01ABC/board?x=1"]) {
      const response = await fetch(`${url}${path}`)
      expect(response.status, path).toBe(200)
      expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8")
      expect(response.headers.get("cache-control")).toBe("no-cache")
      expect(await response.text()).toBe(page)
    }
  })

  it("serves hashed assets with their content type, gzip when asked and a year's immutable cache", async () => {
    const js = await fetch(`${url}/assets/index-abc123.js`, { headers: { "accept-encoding": "identity" } })
    expect(js.headers.get("content-type")).toBe("text/javascript; charset=utf-8")
    expect(js.headers.get("cache-control")).toBe("public, max-age=31536000, immutable")
    expect(await js.text()).toBe(script)
    const css = await fetch(`${url}/assets/index-abc123.css`)
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8")
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      import("node:http").then(({ get }) => get(`${url}/assets/index-abc123.js`, { headers: { "accept-encoding": "gzip" } }, (res) => {
        const chunks: Array<Buffer> = []
        res.on("data", (c: Buffer) => chunks.push(c))
        res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }))
      }).on("error", reject), reject)
    })
    expect(raw.encoding).toBe("gzip")
    expect(raw.body.length).toBeLessThan(script.length / 10)
    expect(gunzipSync(raw.body).toString()).toBe(script)
  })

  it("leaves the API where it is: its routes, its problems and its 404s", async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ ok: true })
    const doc = await fetch(`${url}/openapi.json`)
    expect(doc.headers.get("content-type")).toContain("application/json")
    const refused = await fetch(`${url}/me`)
    expect(refused.status).toBe(401)
    expect(refused.headers.get("content-type")).toBe("application/problem+json")
    const missing = await fetch(`${url}/assets/nothing.js`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get("content-type")).toBe("application/problem+json")
    const post = await fetch(`${url}/c/grid`, { method: "POST" })
    expect(post.status).toBe(404)
  })
})

describe("whether the console needs building", () => {
  it("is when the build is missing or older than a source, and is not once it is newer", () => {
    const root = mkdtempSync(join(tmpdir(), "mulin-console-root-"))
    mkdirSync(join(root, "src", "pages"), { recursive: true })
    writeFileSync(join(root, "src", "pages", "Page.vue"), "<template></template>")
    writeFileSync(join(root, "index.html"), "<html></html>")
    expect(isStale(root)).toBe(true)
    mkdirSync(join(root, "dist"))
    writeFileSync(join(root, "dist", "index.html"), "<html></html>")
    const later = new Date(Date.now() + 60_000)
    utimesSync(join(root, "dist", "index.html"), later, later)
    expect(isStale(root)).toBe(false)
    const evenLater = new Date(Date.now() + 120_000)
    utimesSync(join(root, "src", "pages", "Page.vue"), evenLater, evenLater)
    expect(isStale(root)).toBe(true)
  })
})
