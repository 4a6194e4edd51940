import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import { exportJWK, generateKeyPair, SignJWT } from "jose"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { addDays, GridImport, IdGenerator, localDate, systemActor } from "@mulin/core"
import { layerMemory } from "@mulin/adapter-sqlite"
import { loadConfig } from "../county-server/config.js"
import { readFolder } from "../county-server/import.js"
import { readTokens } from "../county-server/demo.js"
import { start } from "../county-server/main.js"
import { startJobs } from "../county-server/jobs.js"
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

  it("runs the scheduled rules in-process, and `npm run jobs` beside it on the same database runs no period twice", async () => {
    const db = join(dir, "jobs.db")
    const lines: Array<string> = []
    const server = await start({ PORT: "0", MULIN_DB: db, MULIN_SEED_HOUSEHOLDS: "300", MULIN_JOBS_EVERY: "1" }, (l) => lines.push(l))
    const apart: Array<string> = []
    const alone = await startJobs({ MULIN_DB: db, MULIN_JOBS_EVERY: "1" }, (l) => apart.push(l))
    try {
      expect(lines.join("\n")).toContain("Scheduled rules:   every 1 s in this process")
      const get = async (path: string) => (await fetch(`${server.url}${path}`, { headers: { authorization: "Bearer demo-county-admin" } })).json() as Promise<any>
      const [county] = await get("/counties") as Array<{ id: string }>
      // Wait for a pass of every job: the first pass runs each job's latest period.
      let jobs: Array<{ name: string; recentRuns: Array<{ status: string }> }> = []
      for (let tries = 0; tries < 200 && !(jobs.length > 0 && jobs.every((j) => j.recentRuns.length > 0)); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
        jobs = await get(`/counties/${county!.id}/jobs`)
      }
      expect(jobs.map((j) => j.name)).toContain("mediation.supervise")
      expect(jobs.every((j) => j.recentRuns.length > 0 && j.recentRuns.every((r) => r.status === "ok")), JSON.stringify(jobs)).toBe(true)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      const runs = await get(`/counties/${county!.id}/jobs/runs?limit=500`) as Array<{ job: string; periodKey: string }>
      const keys = runs.map((r) => `${r.job} ${r.periodKey}`)
      expect(new Set(keys).size).toBe(keys.length)
      expect(apart.join("\n")).toContain("mediation.supervise")
    } finally {
      await alone.stop()
      await server.close()
    }
    const off: Array<string> = []
    const quiet = await start({ PORT: "0", MULIN_DB: db, MULIN_JOBS: "off" }, (l) => off.push(l))
    await quiet.close()
    expect(off.join("\n")).toContain("Scheduled rules:   off here")
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
    // 100 volunteers registered through the API by the county admin, then signed in by the
    // example server's token table, from a file naming them by county and person code.
    const db = join(dir, "matching.db")
    const seeding = await start({ PORT: "0", MULIN_DB: db, MULIN_SEED_HOUSEHOLDS: "300" }, () => {})
    try {
      const post = async (path: string, body: unknown) => {
        const r = await fetch(`${seeding.url}${path}`, { method: "POST", headers: { authorization: "Bearer demo-county-admin", "content-type": "application/json" }, body: JSON.stringify(body) })
        expect(r.status, await r.clone().text()).toBeLessThan(300)
        return r.json() as Promise<{ id: string }>
      }
      const community = await (await fetch(`${seeding.url}/lookup/node?path=370812/001/001`, { headers: { authorization: "Bearer demo-county-admin" } })).json() as { id: string }
      for (let i = 0; i < 100; i++) {
        const person = await post("/people", { nodeId: community.id, code: `VOL-${i}`, name: `志愿者${i}` })
        await post("/assignments", { personId: person.id, nodeId: community.id, role: "volunteer", startDate: "2020-01-01" })
      }
    } finally {
      await seeding.close()
    }
    const tokensFile = join(dir, "tokens.json")
    writeFileSync(tokensFile, JSON.stringify([
      { token: "admin-token-0001", county: "370812", person: "DEMO-ADMIN" },
      ...Array.from({ length: 100 }, (_, i) => ({ token: `volunteer-token-${i}`, county: "370812", person: `VOL-${i}` }))
    ]))
    const server = await start({ PORT: "0", MULIN_DB: db, MULIN_SEED_HOUSEHOLDS: "300", MULIN_TOKENS: tokensFile }, () => {})
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
      const community = await ok(await call("admin-token-0001", "GET", "/lookup/node?path=370812/001/001"))
      // Profiles belong to the people the tokens sign in.
      for (let i = 0; i < 100; i++) {
        await ok(await call("admin-token-0001", "POST", "/matching/volunteers", {
          personId: server.tokens[`volunteer-token-${i}`],
          homeNodeId: community.id,
          skills: [{ skill: "repairs", level: 3 }],
          availability: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromHour: 0, toHour: 24 })),
          maxConcurrent: 2
        }))
      }
      const need = await ok(await call("admin-token-0001", "POST", "/matching/needs", {
        nodeId: community.id, kind: "micro_wish", category: "repairs", title: "帮忙修门锁", requiredSkills: ["repairs"],
        dueAt: new Date(Date.now() + 72 * 3_600_000).toISOString()
      }))
      const responses = await Promise.all(Array.from({ length: 100 }, (_, i) => call(`volunteer-token-${i}`, "POST", `/matching/needs/${need.id}/claim`, {})))
      const statuses = responses.map((r) => r.status)
      expect(statuses.filter((s) => s === 200)).toHaveLength(1)
      expect(statuses.filter((s) => s === 409)).toHaveLength(99)
      const events: Array<{ type: string; aggregateId: string }> = []
      for (let after: string | null = "0"; after !== null;) {
        const page = await (await call("admin-token-0001", "GET", `/events?after=${after}&limit=1000`)).json() as { items: typeof events; next: string | null }
        events.push(...page.items)
        after = page.next
      }
      expect(events.filter((e) => e.aggregateId === need.id).map((e) => e.type)).toEqual(["matching.need.posted", "matching.need.claimed"])
    } finally {
      await server.close()
    }
  })

  describe("the demo people", () => {
    let server: Awaited<ReturnType<typeof start>>
    const lines: Array<string> = []
    const call = (token: string, method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) })
      })
    const json = async (response: Response): Promise<any> => {
      const text = await response.text()
      expect(response.status, text).toBeLessThan(300)
      return JSON.parse(text)
    }
    const tokenOf = (role: string, county = "370812") => server.people.find((p) => p.county === county && p.grants.some((g) => g.role === role))!.token

    beforeAll(async () => {
      server = await start({ PORT: "0", MULIN_DB: join(dir, "people.db"), MULIN_SEED_HOUSEHOLDS: "400" }, (l) => lines.push(l))
    })
    afterAll(() => server.close())

    it("has a person for every role, and a second county with its own administrator, each with a printed token", async () => {
      const roles = server.people.filter((p) => p.county === "370812").flatMap((p) => p.grants.map((g) => g.role))
      expect(new Set(roles)).toEqual(new Set([
        "county_admin", "street_admin", "community_secretary", "grid_worker", "building_leader", "party_member", "mediator", "volunteer", "partner", "resident"
      ]))
      expect(server.people.filter((p) => p.county !== "370812").flatMap((p) => p.grants.map((g) => g.role))).toEqual(["county_admin"])
      const printed = lines.join("\n")
      for (const p of server.people) {
        const line = printed.split("\n").find((l) => l.includes(p.token))
        expect(line, p.token).toBeDefined()
        expect(line).toContain(p.name)
        for (const g of p.grants) {
          expect(line).toContain(g.role)
          expect(line).toContain(g.node)
        }
      }
    })

    it("signs each printed token in as its person", async () => {
      for (const p of server.people) {
        const me = await json(await call(p.token, "GET", "/me"))
        expect(me, p.token).toMatchObject({ id: p.personId, kind: "person", name: p.name })
        expect(me.grants.map((g: { role: string }) => g.role)).toEqual(p.grants.map((g) => g.role))
      }
      // The resident lives in a household of the demo county: the kernel makes them a resident of its community.
      const resident = server.people.find((p) => p.grants.some((g) => g.role === "resident"))!
      expect(resident.grants.map((g) => [g.role, g.node])).toEqual([["resident", "370812/001/001"]])
      const person = await json(await call(tokenOf("county_admin"), "GET", `/people/${resident.personId}`))
      const unit = await json(await call(tokenOf("county_admin"), "GET", `/nodes/${person.nodeId}`))
      expect(unit.level).toBe("unit")
      const households = await json(await call(tokenOf("county_admin"), "GET", `/nodes/${unit.id}/households?limit=1000`))
      expect(households.items.some((h: { residents: Array<{ name: string }> }) => h.residents.some((r) => r.name === resident.name))).toBe(true)
      expect((await fetch(`${server.url}/me`, { headers: { authorization: "Bearer demo-nobody" } })).status).toBe(401)
    })

    it("lets a token do what its person's posts allow, and nothing once the post has ended", async () => {
      const worker = tokenOf("grid_worker")
      const admin = tokenOf("county_admin")
      const gridNode = await json(await call(worker, "GET", "/lookup/node?path=370812/001/001/G01"))
      expect((await call(worker, "GET", `/nodes/${gridNode.id}/households?limit=1`)).status).toBe(200)
      const me = await json(await call(worker, "GET", "/me"))
      const assignments = await json(await call(admin, "GET", `/nodes/${gridNode.id}/assignments?limit=1000`))
      const post = assignments.items.find((a: { personId: string; endDate: string | null }) => a.personId === me.id && a.endDate === null)
      const yesterday = addDays(localDate(Date.now(), "Asia/Shanghai"), -1)
      await json(await call(admin, "POST", `/assignments/${post.id}/end`, { endDate: yesterday }))
      // The very next request with the same token is refused.
      const refused = await call(worker, "GET", `/nodes/${gridNode.id}/households?limit=1`)
      expect(refused.status).toBe(404)
      expect((await json(await call(worker, "GET", "/me"))).grants).toEqual([])
    })

    it("keeps the second county invisible to the first county's people, and the other way round", async () => {
      const other = server.people.find((p) => p.county !== "370812")!
      const otherCounty = await json(await call(other.token, "GET", "/counties"))
      expect(otherCounty.map((c: { code: string }) => c.code)).toEqual([other.county])
      const otherId = otherCounty[0].id
      const yanzhou = (await json(await call(tokenOf("county_admin"), "GET", "/counties"))).map((c: { id: string; code: string }) => c)
      expect(yanzhou.map((c: { code: string }) => c.code)).toEqual(["370812"])
      for (const p of server.people.filter((q) => q.county === "370812")) {
        expect((await call(p.token, "GET", `/counties/${otherId}`)).status, p.token).toBe(404)
        expect((await call(p.token, "GET", `/nodes/${otherId}`)).status, p.token).toBe(404)
        expect((await call(p.token, "GET", `/lookup/node?path=${other.county}`)).status, p.token).toBe(404)
        expect((await call(p.token, "GET", `/nodes/${otherId}/people`)).status, p.token).toBe(404)
      }
      expect((await call(other.token, "GET", `/counties/${yanzhou[0].id}`)).status).toBe(404)
      expect((await call(other.token, "GET", "/lookup/node?path=370812/001")).status).toBe(404)
    })
  })

  it("reads a tokens file naming people by county and person code, and explains its mistakes in English and Chinese", async () => {
    const good = join(dir, "good-tokens.json")
    writeFileSync(good, JSON.stringify([{ token: "my-own-secret-token", county: "370812", person: "DEMO-GRID" }]))
    expect(readTokens(good)).toEqual([{ token: "my-own-secret-token", county: "370812", person: "DEMO-GRID" }])
    const server = await start({ PORT: "0", MULIN_DB: join(dir, "tokens.db"), MULIN_SEED_HOUSEHOLDS: "300", MULIN_TOKENS: good }, () => {})
    try {
      const me = await (await fetch(`${server.url}/me`, { headers: { authorization: "Bearer my-own-secret-token" } })).json() as { grants: Array<{ role: string }> }
      expect(me.grants.map((g) => g.role)).toEqual(["grid_worker"])
      expect((await fetch(`${server.url}/me`, { headers: { authorization: "Bearer demo-grid-worker" } })).status).toBe(401)
    } finally {
      await server.close()
    }
    const bad = (content: string) => {
      const file = join(dir, `bad-${Math.random().toString(36).slice(2)}.json`)
      writeFileSync(file, content)
      return file
    }
    expect(() => readTokens(bad("[{"))).toThrow(/not valid JSON[\s\S]*不是合法的 JSON/)
    expect(() => readTokens(bad(JSON.stringify([{ token: "a b", county: "", person: "x y" }])))).toThrow(/0\.token[\s\S]*令牌[\s\S]*0\.county[\s\S]*0\.person/)
    expect(() => readTokens(bad(JSON.stringify([{ token: "same-token-12345", county: "370812", person: "A" }, { token: "same-token-12345", county: "370812", person: "B" }])))).toThrow(/1\.token[\s\S]*twice[\s\S]*重复/)
    const missing = bad(JSON.stringify([{ token: "a-token-for-nobody", county: "370812", person: "NOBODY" }]))
    await expect(start({ PORT: "0", MULIN_DB: join(dir, "tokens.db"), MULIN_TOKENS: missing }, () => {})).rejects.toThrow(/NOBODY[\s\S]*370812[\s\S]*找不到/)
  })

  it("signs in with the JWTs of an OIDC provider, whose subjects a file links to people", async () => {
    const key = await generateKeyPair("ES256", { extractable: true })
    const jwk = { ...(await exportJWK(key.publicKey)), kid: "k1", alg: "ES256" }
    const jwks = createServer((_, res) => void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] })))
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve))
    const issuer = "https://id.example.gov.cn/realms/yanzhou"
    const subjects = join(dir, "subjects.json")
    writeFileSync(subjects, JSON.stringify([{ subject: "kc-3f2a", county: "370812", person: "DEMO-GRID" }]))
    const server = await start({
      PORT: "0",
      MULIN_DB: join(dir, "oidc.db"),
      MULIN_SEED_HOUSEHOLDS: "300",
      MULIN_OIDC_ISSUER: issuer,
      MULIN_OIDC_AUDIENCE: "mulin-api",
      MULIN_OIDC_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/certs`,
      MULIN_OIDC_ALGORITHMS: "ES256",
      MULIN_SUBJECTS: subjects
    }, () => {})
    try {
      const sign = (sub: string) =>
        new SignJWT({}).setProtectedHeader({ alg: "ES256", kid: "k1" }).setIssuer(issuer).setAudience("mulin-api").setSubject(sub).setIssuedAt().setExpirationTime("5m").sign(key.privateKey)
      const me = await fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${await sign("kc-3f2a")}` } })
      expect(me.status, await me.clone().text()).toBe(200)
      expect(await me.json()).toMatchObject({ id: server.tokens["demo-grid-worker"], grants: [{ role: "grid_worker" }] })
      const nobody = await fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${await sign("kc-nobody")}` } })
      expect(nobody.status).toBe(401)
      expect(nobody.headers.get("www-authenticate")).toContain('error="invalid_token"')
      // The demo tokens still sign in.
      expect((await fetch(`${server.url}/me`, { headers: { authorization: "Bearer demo-resident" } })).status).toBe(200)
    } finally {
      await server.close()
      await new Promise<void>((resolve) => jwks.close(() => resolve()))
    }
    expect(() => loadConfig({ MULIN_OIDC_ISSUER: issuer })).toThrow(/MULIN_OIDC_AUDIENCE[\s\S]*三者/)
    expect(() => loadConfig({ MULIN_SUBJECTS: subjects })).toThrow(/MULIN_SUBJECTS[\s\S]*MULIN_OIDC_ISSUER/)
  })

  it("refuses bad configuration, naming the variable and the rule", () => {
    expect(() => loadConfig({ PORT: "http", MULIN_SEED_HOUSEHOLDS: "5" })).toThrow(/PORT[\s\S]*MULIN_SEED_HOUSEHOLDS[\s\S]*100 到 2000000/)
    expect(() => loadConfig({ MULIN_DELIVERY: "sometimes", MULIN_JOBS: "yes" })).toThrow(/MULIN_DELIVERY[\s\S]*MULIN_JOBS/)
    expect(loadConfig({ MULIN_DELIVERY: "off" })).toMatchObject({ delivery: false, jobs: true })
    expect(() => loadConfig({ MULIN_WEBHOOK_ALLOW: "10.20.0.0/16,intranet" })).toThrow(/MULIN_WEBHOOK_ALLOW[\s\S]*CIDR 网段/)
    expect(loadConfig({ MULIN_WEBHOOK_ALLOW: "10.20.0.0/16, 127.0.0.1/32" })).toMatchObject({ webhookAllow: ["10.20.0.0/16", "127.0.0.1/32"] })
    expect(loadConfig({})).toMatchObject({ webhookAllow: [] })
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
