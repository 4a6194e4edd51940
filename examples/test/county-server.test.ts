import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { GridImport, IdGenerator, systemActor } from "@mulin/core"
import { layerMemory } from "@mulin/adapter-sqlite"
import { loadConfig } from "../county-server/config.js"
import { readFolder } from "../county-server/import.js"
import { start } from "../county-server/main.js"
import { runQuickstart } from "../quickstart/main.js"

const dir = mkdtempSync(join(tmpdir(), "mulin-example-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("examples/county-server", () => {
  it("seeds an empty database once, serves the API with the demo tokens, and reopens without reseeding", async () => {
    const env = { PORT: "0", MULIN_DB: join(dir, "county.db"), MULIN_SEED_HOUSEHOLDS: "600" }
    const lines: Array<string> = []
    const first = await start(env, (l) => lines.push(l))
    let countyId: string
    try {
      expect(lines.join("\n")).toContain("demo-grid-worker")
      const get = (path: string, token: string) => fetch(`${first.url}${path}`, { headers: { authorization: `Bearer ${token}` } })
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200)
      const counties = await (await get("/counties", "demo-county-admin")).json() as Array<{ id: string; code: string }>
      expect(counties.map((c) => c.code)).toEqual(["370812"])
      countyId = counties[0]!.id
      const coverage = await (await get(`/nodes/${countyId}/coverage?limit=3`, "demo-county-admin")).json() as { units: number; fullyCovered: { count: number } }
      expect(coverage.units).toBeGreaterThan(0)
      expect(coverage.fullyCovered.count).toBeLessThan(coverage.units)
      const grid = await (await get("/lookup/node?path=370812/001/001/G01", "demo-grid-worker")).json() as { id: string; level: string }
      expect(grid.level).toBe("grid")
      const households = await (await get(`/nodes/${grid.id}/households?limit=1`, "demo-grid-worker")).json() as { items: Array<{ id: string; masked: boolean }> }
      expect(households.items[0]?.masked).toBe(false)
      expect((await get(`/nodes/${countyId}/summary`, "demo-grid-worker")).status).toBe(404)
    } finally {
      await first.close()
    }
    const again: Array<string> = []
    const second = await start(env, (l) => again.push(l))
    try {
      const counties = await (await fetch(`${second.url}/counties`, { headers: { authorization: "Bearer demo-county-admin" } })).json() as Array<{ id: string }>
      expect(counties.map((c) => c.id)).toEqual([countyId])
    } finally {
      await second.close()
    }
  })

  it("lets exactly k of N concurrent redemptions through, against the example server", async () => {
    const server = await start({ PORT: "0", MULIN_DB: join(dir, "points.db"), MULIN_SEED_HOUSEHOLDS: "300" }, () => {})
    try {
      const call = (method: string, path: string, body?: unknown) =>
        fetch(`${server.url}${path}`, {
          method,
          headers: { authorization: "Bearer demo-county-admin", ...(body === undefined ? {} : { "content-type": "application/json" }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        })
      const json = async (r: Response) => {
        expect(r.status, await r.clone().text()).toBeLessThan(300)
        return r.json() as Promise<{ id: string }>
      }
      const county = await json(await call("GET", "/lookup/node?path=370812"))
      const community = await json(await call("GET", "/lookup/node?path=370812/001/001"))
      await json(await call("POST", "/points/accounts", { nodeId: county.id, kind: "issuer", name: "兖州区积分发行" }))
      // Account holders are people: a resident, and the barber, a partner's staff member.
      const zhang = await json(await call("POST", "/people", { nodeId: community.id, code: "PTS-RES1", name: "张伟" }))
      const barber = await json(await call("POST", "/people", { nodeId: community.id, code: "PTS-BAR1", name: "王理发" }))
      await json(await call("POST", "/assignments", { personId: barber.id, nodeId: community.id, role: "partner", startDate: "2020-01-01" }))
      const resident = await json(await call("POST", "/points/accounts", { nodeId: community.id, kind: "person", ownerId: zhang.id }))
      const merchant = await json(await call("POST", "/points/accounts", { nodeId: community.id, kind: "merchant", ownerId: barber.id, name: "老王理发店" }))
      await json(await call("POST", "/points/adjustments", { transferId: "opening-1", accountId: resident.id, amount: 10, reason: "opening balance" }))
      const service = await json(await call("POST", "/points/services", { merchantAccountId: merchant.id, nodeId: community.id, title: "理发", pricePoints: 3 }))
      // 10 points buy three orders of 3, not four.
      const statuses = (await Promise.all(Array.from({ length: 10 }, (_, i) =>
        call("POST", "/points/orders", { transferId: `race-${i}`, accountId: resident.id, serviceId: service.id })
      ))).map((r) => r.status)
      expect(statuses.filter((s) => s === 201)).toHaveLength(3)
      expect(statuses.filter((s) => s === 409)).toHaveLength(7)
      expect(await (await call("GET", `/points/accounts/${resident.id}/balance`)).json()).toMatchObject({ posted: 10, held: 9, available: 1 })
    } finally {
      await server.close()
    }
  })

  it("lets exactly one of 100 concurrent claims take a one-slot need, against the example server", async () => {
    // The example server's token table, from a file: a county admin and 100 volunteers.
    const tokensFile = join(dir, "tokens.json")
    writeFileSync(tokensFile, JSON.stringify([
      { token: "admin", name: "admin", role: "county_admin", scope: "370812" },
      ...Array.from({ length: 100 }, (_, i) => ({ token: `vol-${i}`, name: `志愿者${i}`, role: "volunteer", scope: "370812/001/001" }))
    ]))
    const server = await start({ PORT: "0", MULIN_DB: join(dir, "matching.db"), MULIN_SEED_HOUSEHOLDS: "300", MULIN_TOKENS: tokensFile }, () => {})
    try {
      const call = (token: string, method: string, path: string, body?: unknown) =>
        fetch(`${server.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        })
      const ok = async (r: Response) => {
        expect(r.status, await r.clone().text()).toBeLessThan(300)
        return r.json() as Promise<{ id: string }>
      }
      const community = await ok(await call("admin", "GET", "/lookup/node?path=370812/001/001"))
      // Profiles belong to the people the tokens sign in.
      for (let i = 0; i < 100; i++) {
        await ok(await call("admin", "POST", "/matching/volunteers", {
          personId: server.tokens[`vol-${i}`],
          homeNodeId: community.id,
          skills: [{ skill: "repairs", level: 3 }],
          availability: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromHour: 0, toHour: 24 })),
          maxConcurrent: 2
        }))
      }
      const need = await ok(await call("admin", "POST", "/matching/needs", {
        nodeId: community.id, kind: "micro_wish", category: "repairs", title: "帮忙修门锁", requiredSkills: ["repairs"],
        dueAt: new Date(Date.now() + 72 * 3_600_000).toISOString()
      }))
      const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => call(`vol-${i}`, "POST", `/matching/needs/${need.id}/claim`, {})))
      const statuses = responses.map((r) => r.status)
      expect(statuses.filter((s) => s === 200)).toHaveLength(1)
      expect(statuses.filter((s) => s === 409)).toHaveLength(99)
      const events: Array<{ type: string; aggregateId: string }> = []
      for (let after: string | null = "0"; after !== null;) {
        const page = await (await call("admin", "GET", `/events?after=${after}&limit=1000`)).json() as { items: typeof events; next: string | null }
        events.push(...page.items)
        after = page.next
      }
      expect(events.filter((e) => e.aggregateId === need.id).map((e) => e.type)).toEqual(["matching.need.posted", "matching.need.claimed"])
    } finally {
      await server.close()
    }
  })

  it("refuses bad configuration, naming the variable and the rule", () => {
    expect(() => loadConfig({ PORT: "http", MULIN_SEED_HOUSEHOLDS: "5" })).toThrow(/PORT[\s\S]*MULIN_SEED_HOUSEHOLDS[\s\S]*100 到 2000000/)
  })

  it("imports the sample county files, and a second import changes nothing", async () => {
    const source = readFolder(join(import.meta.dirname, "..", "county-import"))
    const layer = GridImport.layer.pipe(Layer.provide([layerMemory(), IdGenerator.layer]))
    const [first, second] = await Effect.runPromise(Effect.gen(function*() {
      const importer = yield* GridImport
      return [yield* importer.importCounty(systemActor(), source), yield* importer.importCounty(systemActor(), source)] as const
    }).pipe(Effect.provide(layer)))
    expect(first.households.created).toBe(300)
    expect(second.households).toEqual({ created: 0, updated: 0, unchanged: 300 })
    expect(second.events).toBe(0)
  })
})

describe("examples/quickstart", () => {
  it("runs on the in-memory store and reports the community's coverage", async () => {
    const coverage = await runQuickstart()
    expect(coverage.units).toBe(2)
    expect(coverage.gaps.map((g) => g.missing)).toEqual([["party_member"], ["party_member"]])
  })
})
