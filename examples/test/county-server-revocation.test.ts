/**
 * Access ends at once on the example server's SQLite file, however it ends: a post ended
 * over the API, a post ended or a person moved out by another process writing the same
 * file (`npm run jobs`, an import), a node archived. Every request after it is refused,
 * even when the same person made the same request a moment before.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import BetterSqlite3 from "better-sqlite3"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { addDays, localDate } from "@mulin/core"
import { start } from "../county-server/main.js"

const dir = mkdtempSync(join(tmpdir(), "mulin-revocation-"))
const file = join(dir, "county.db")
let server: Awaited<ReturnType<typeof start>>
afterAll(async () => {
  await server?.close()
  rmSync(dir, { recursive: true, force: true })
})
beforeAll(async () => {
  server = await start({ PORT: "0", MULIN_DB: file, MULIN_SEED_HOUSEHOLDS: "120", MULIN_JOBS: "off", MULIN_DELIVERY: "off" }, () => {})
})

const call = (path: string, token: string, init: { readonly method?: string; readonly body?: unknown } = {}) =>
  fetch(`${server.url}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) })
  })
const json = async (response: Response, status = 200) => {
  const text = await response.text()
  expect(response.status, text).toBe(status)
  return JSON.parse(text)
}
const today = () => localDate(Date.now(), "Asia/Shanghai")
const nodeAt = async (path: string): Promise<string> => (await json(await call(`/lookup/node?path=${path}`, "demo-county-admin"))).id
const personOf = (token: string) => server.tokens[token]!

/** Reads `path` as `token` a few times, so whatever the server keeps of the answer is warm. */
const readsAgain = async (path: string, token: string) => {
  for (let i = 0; i < 3; i++) await json(await call(path, token))
}

describe("examples/county-server: access ends at once", () => {
  it("refuses the very next request of a grid worker whose post the secretary ended over the API", async () => {
    const grid = await nodeAt("370812/001/001/G01")
    const community = await nodeAt("370812/001/001")
    await readsAgain(`/nodes/${grid}`, "demo-grid-worker")
    await readsAgain(`/nodes/${grid}/households?limit=5`, "demo-grid-worker")
    const posts = await json(await call(`/nodes/${community}/assignments?limit=1000`, "demo-secretary"))
    const post = posts.items.find((a: { personId: string; role: string }) => a.personId === personOf("demo-grid-worker") && a.role === "grid_worker")
    await json(await call(`/assignments/${post.id}/end`, "demo-secretary", { method: "POST", body: { endDate: addDays(today(), -1) } }))
    expect([403, 404]).toContain((await call(`/nodes/${grid}`, "demo-grid-worker")).status)
    expect([403, 404]).toContain((await call(`/nodes/${grid}/households?limit=5`, "demo-grid-worker")).status)
  })

  it("refuses the very next request of a person whose post another process ended on the same file", async () => {
    const street = await nodeAt("370812/001")
    await readsAgain(`/nodes/${street}`, "demo-street-admin")
    const other = new BetterSqlite3(file)
    try {
      other.pragma("busy_timeout = 5000")
      const ended = other.prepare("UPDATE assignments SET end_date = ?, version = version + 1 WHERE person_id = ? AND role = 'street_admin'")
        .run(addDays(today(), -1), personOf("demo-street-admin"))
      expect(ended.changes).toBe(1)
    } finally {
      other.close()
    }
    expect([403, 404]).toContain((await call(`/nodes/${street}`, "demo-street-admin")).status)
  })

  it("refuses the very next request of a county administrator whose post another process removed, and of one whose county moved them out", async () => {
    const county = await nodeAt("370812")
    await readsAgain(`/nodes/${county}`, "demo-county-admin")
    expect([403, 404]).toContain((await call(`/nodes/${county}`, "demo-wenshang-admin")).status)
    const other = new BetterSqlite3(file)
    try {
      other.pragma("busy_timeout = 5000")
      expect(other.prepare("DELETE FROM assignments WHERE person_id = ?").run(personOf("demo-county-admin")).changes).toBeGreaterThan(0)
    } finally {
      other.close()
    }
    expect([403, 404]).toContain((await call(`/nodes/${county}`, "demo-county-admin")).status)
    // Another county's administrator never saw this county, cached or not.
    expect([403, 404]).toContain((await call(`/nodes/${county}`, "demo-wenshang-admin")).status)
  })

  it("answers the node as it is now after another process renamed it", async () => {
    const wenshang = (await json(await call("/counties", "demo-wenshang-admin")))[0].id as string
    const before = await json(await call(`/nodes/${wenshang}`, "demo-wenshang-admin"))
    await readsAgain(`/nodes/${wenshang}`, "demo-wenshang-admin")
    const other = new BetterSqlite3(file)
    try {
      other.pragma("busy_timeout = 5000")
      other.prepare("UPDATE nodes SET name = ?, version = version + 1 WHERE id = ?").run("汶上县（改）", wenshang)
    } finally {
      other.close()
    }
    const after = await json(await call(`/nodes/${wenshang}`, "demo-wenshang-admin"))
    expect(after.name).toBe("汶上县（改）")
    expect(after.version).toBe(before.version + 1)
  })
})
