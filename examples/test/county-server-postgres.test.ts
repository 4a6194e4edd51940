/**
 * Two example servers, two real processes, on one PostgreSQL database (`MULIN_DATABASE_URL`):
 * claims, orders and the scheduled rules stay exactly-once across both.
 */
import { type ChildProcess, spawn } from "node:child_process"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join, resolve } from "node:path"
import pg from "pg"
import { afterAll, describe, expect, inject, it } from "vitest"

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string
  }
}

const root = resolve(import.meta.dirname, "../..")
const dir = mkdtempSync(join(tmpdir(), "mulin-pg-servers-"))
const children: Array<ChildProcess> = []
afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL")
  rmSync(dir, { recursive: true, force: true })
})

/** A fresh database on the test run's server. */
const createDatabase = async (): Promise<string> => {
  const name = `servers_${process.pid}_${Date.now().toString(36)}`
  const client = new pg.Client({ connectionString: inject("postgresUrl") })
  await client.connect()
  try {
    await client.query(`CREATE DATABASE ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(inject("postgresUrl"))
  url.pathname = `/${name}`
  return url.toString()
}

interface Server {
  readonly url: string
  readonly output: () => string
  readonly stop: () => Promise<void>
}

/** Starts `npm start` as a child process and resolves with its URL once it listens. */
const startServer = (env: Record<string, string>): Promise<Server> =>
  new Promise((resolvePromise, reject) => {
    // As `npm start` runs it: through the project's TypeScript loader.
    const child = spawn(process.execPath, ["--import", "./scripts/node-ts/register.mjs", "--conditions=@mulin/source", "examples/county-server/main.ts"], {
      cwd: root,
      env: { ...process.env, PORT: "0", MULIN_DELIVERY: "off", ...env },
      stdio: ["ignore", "pipe", "pipe"]
    })
    children.push(child)
    let output = ""
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 120_000)
    const exited = new Promise<void>((r) => child.once("exit", () => r()))
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8")
      const found = /county server on (http:\/\/\S+)/.exec(output)
      if (found !== null) {
        clearTimeout(timer)
        resolvePromise({
          url: found[1]!,
          output: () => output,
          stop: async () => {
            if (child.exitCode === null) child.kill("SIGTERM")
            await exited
          }
        })
      }
    }
    child.stdout.on("data", read)
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")))
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`the server exited (${code}) before it listened:\n${output}`))
    })
  })

const request = async (base: string, token: string, method: string, path: string, body?: unknown) =>
  fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
const ok = async (r: Response): Promise<any> => {
  expect(r.status, await r.clone().text()).toBeLessThan(300)
  return r.json()
}

describe("two county servers on one PostgreSQL database", () => {
  it("let exactly one of 100 claims, exactly the affordable orders of 50, and each scheduled period once through, across both processes", async () => {
    const database = await createDatabase()
    const base = { MULIN_DATABASE_URL: database, MULIN_SEED_HOUSEHOLDS: "200" }
    // The first server seeds the empty database; the people who will sign in are registered through it.
    const seeding = await startServer({ ...base, MULIN_JOBS: "off" })
    const admin = (path: string, body?: unknown) => request(seeding.url, "demo-county-admin", body === undefined ? "GET" : "POST", path, body)
    let ids: { community: string; resident: string; service: string }
    try {
      const county = await ok(await admin("/lookup/node?path=370812"))
      const community = await ok(await admin("/lookup/node?path=370812/001/001"))
      for (let i = 0; i < 100; i++) {
        const person = await ok(await admin("/people", { nodeId: community.id, code: `VOL-${i}`, name: `志愿者${i}` }))
        await ok(await admin("/assignments", { personId: person.id, nodeId: community.id, role: "volunteer", startDate: "2020-01-01" }))
      }
      await ok(await admin("/points/accounts", { nodeId: county.id, kind: "issuer", name: "兖州区积分发行" }))
      const zhang = await ok(await admin("/people", { nodeId: community.id, code: "PTS-RES1", name: "张伟" }))
      const barber = await ok(await admin("/people", { nodeId: community.id, code: "PTS-BAR1", name: "王理发" }))
      await ok(await admin("/assignments", { personId: barber.id, nodeId: community.id, role: "partner", startDate: "2020-01-01" }))
      const resident = await ok(await admin("/points/accounts", { nodeId: community.id, kind: "person", ownerId: zhang.id }))
      const merchant = await ok(await admin("/points/accounts", { nodeId: community.id, kind: "merchant", ownerId: barber.id, name: "老王理发店" }))
      await ok(await admin("/points/adjustments", { transferId: "opening-1", accountId: resident.id, amount: 60, reason: "opening balance" }))
      const service = await ok(await admin("/points/services", { merchantAccountId: merchant.id, nodeId: community.id, title: "理发", pricePoints: 3 }))
      ids = { community: community.id, resident: resident.id, service: service.id }
    } finally {
      await seeding.stop()
    }

    const tokensFile = join(dir, "tokens.json")
    writeFileSync(tokensFile, JSON.stringify([
      { token: "admin-token-0001", county: "370812", person: "DEMO-ADMIN" },
      ...Array.from({ length: 100 }, (_, i) => ({ token: `volunteer-token-${i}`, county: "370812", person: `VOL-${i}` }))
    ]))
    const env = { ...base, MULIN_TOKENS: tokensFile, MULIN_JOBS_EVERY: "1" }
    const [a, b] = await Promise.all([startServer(env), startServer(env)])
    try {
      const servers = [a.url, b.url]
      const on = (i: number) => servers[i % 2]!
      const tokens = await (async () => {
        // Each token names the same person on both servers.
        const me = await ok(await request(a.url, "volunteer-token-0", "GET", "/me"))
        expect(await ok(await request(b.url, "volunteer-token-0", "GET", "/me"))).toMatchObject({ id: me.id })
        return Array.from({ length: 100 }, (_, i) => `volunteer-token-${i}`)
      })()
      for (let i = 0; i < 100; i++) {
        const me = await ok(await request(on(i), tokens[i]!, "GET", "/me"))
        await ok(await request(on(i + 1), "admin-token-0001", "POST", "/matching/volunteers", {
          personId: me.id,
          homeNodeId: ids.community,
          skills: [{ skill: "repairs", level: 3 }],
          availability: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day, fromHour: 0, toHour: 24 })),
          maxConcurrent: 2
        }))
      }
      const need = await ok(await request(a.url, "admin-token-0001", "POST", "/matching/needs", {
        nodeId: ids.community, kind: "micro_wish", category: "repairs", title: "帮忙修门锁", requiredSkills: ["repairs"],
        dueAt: new Date(Date.now() + 72 * 3_600_000).toISOString()
      }))
      const claims = (await Promise.all(tokens.map((token, i) => request(on(i), token, "POST", `/matching/needs/${need.id}/claim`, {})))).map((r) => r.status)
      expect(claims.filter((s) => s === 200)).toHaveLength(1)
      expect(claims.filter((s) => s === 409)).toHaveLength(99)

      // 60 points buy twenty orders of 3: of fifty sent to both servers at once, exactly twenty pass.
      const orders = (await Promise.all(Array.from({ length: 50 }, (_, i) =>
        request(on(i), "admin-token-0001", "POST", "/points/orders", { transferId: `race-${i}`, accountId: ids.resident, serviceId: ids.service })
      ))).map((r) => r.status)
      expect(orders.filter((s) => s === 201)).toHaveLength(20)
      expect(orders.filter((s) => s === 409)).toHaveLength(30)
      expect(await ok(await request(b.url, "admin-token-0001", "GET", `/points/accounts/${ids.resident}/balance`))).toMatchObject({ posted: 60, held: 60, available: 0 })

      // Both servers run the scheduled rules every second under one lease: each period runs once.
      const county = await ok(await request(a.url, "admin-token-0001", "GET", "/lookup/node?path=370812"))
      let jobs: Array<{ name: string; recentRuns: Array<{ status: string }> }> = []
      for (let tries = 0; tries < 300 && !(jobs.length > 0 && jobs.every((j) => j.recentRuns.length > 0)); tries++) {
        await new Promise((r) => setTimeout(r, 100))
        jobs = await ok(await request(on(tries), "admin-token-0001", "GET", `/counties/${county.id}/jobs`))
      }
      expect(jobs.every((j) => j.recentRuns.length > 0 && j.recentRuns.every((r) => r.status === "ok")), JSON.stringify(jobs)).toBe(true)
      await new Promise((r) => setTimeout(r, 2500))
      const runs = await ok(await request(b.url, "admin-token-0001", "GET", `/counties/${county.id}/jobs/runs?limit=500`)) as Array<{ job: string; periodKey: string }>
      const keys = runs.map((r) => `${r.job} ${r.periodKey}`)
      expect(keys.length).toBeGreaterThan(0)
      expect(new Set(keys).size).toBe(keys.length)
    } finally {
      await Promise.all([a.stop(), b.stop()])
    }
  }, 300_000)
})
