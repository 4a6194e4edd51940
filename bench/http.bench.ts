/**
 * `npm run bench -- http`: the example county server against a bare `node:http` +
 * better-sqlite3 server doing the same work on the same database file.
 *
 * - The database is the example server's own (`examples/county-server/main.ts`), seeded as
 *   `npm start` seeds it (100,000 households), once into `bench/tmp/http-seed.db` and copied
 *   afresh for every run.
 * - The example server runs with `MULIN_JOBS=off` and `MULIN_DELIVERY=off`: like the bare
 *   server, it does nothing in the background (the scheduled rules and the notification
 *   delivery loop are measured by `npm run bench -- jobs`).
 * - Both servers are pinned to core 0 (`taskset -c 0`), the load generator to core 1: wrk
 *   when it is installed, else autocannon (a pinned dev dependency); 32 connections.
 * - Three requests as the county administrator (`demo-county-admin`): a point read
 *   (`GET /nodes/{id}`), a page of households below a grid (`GET /nodes/{id}/households?limit=20`)
 *   and one write (`POST /points/adjustments`: a points transfer from the county's issuer
 *   account, a fresh transfer id per request).
 * - The bare server does the same work per request: the bearer token looked up, the person's
 *   posts read (prepared select) and today's grants derived, the node (or account) read by
 *   key, the scope check (a grant's node on the path), the same SQL for the page, the same
 *   rows for the write (transfer, two balances, two statement lines, one event, one
 *   transaction), and answers the same JSON. Its bytes are compared with ours before measuring.
 * - Ours and bare alternate, RUNS times each per request; the figures are medians, with
 *   each throughput and p99 given as a ratio to bare's in the same run.
 * - With wrk, each run opens its 32 connections first and holds their first requests for
 *   HOLD_MS, so that the servers have accepted them all before the load starts; the run's
 *   throughput is counted from then. Node (libuv 1.45 and later) accepts one connection per
 *   event-loop turn, so a connection opened into a server already answering the others waits
 *   behind every request in flight: on the wire, the first requests of the late connections
 *   waited 50–330 ms while later requests took 30 ms. wrk corrects for coordinated omission (a
 *   slow answer stands for the requests that connection did not send meanwhile), which turned
 *   those first answers into more than 1% of a 5 s run, so the p99 measured how connections
 *   were opened rather than how requests are answered. That opening is still measured: one
 *   more pair of runs per read opens the connections under load, and its p99 is reported
 *   beside the held one (`openingP99`, `openingBareP99`).
 *   autocannon has no such hold: its runs open connections under load.
 *
 * `GET /healthz` is measured too: it shows the cost of the HTTP layer alone.
 *
 * The example server is started with the Node flags of the `start` script
 * (`BENCH_HTTP_NODE_FLAGS="…"` replaces them, e.g. to compare two settings).
 *
 * BENCH_HTTP_LOAD=autocannon uses autocannon even where wrk is installed.
 * BENCH_HTTP_ONLY=<word> measures only the requests whose description contains the word
 * (e.g. `write`, `point read`), for profiling one request; results are not written then.
 * BENCH_HTTP_SECONDS (default 5) sets the length of one run, BENCH_HTTP_RUNS (default 5) the
 * number of alternating pairs; BENCH_HTTP_PROFILE=1 runs the example server under
 * `--cpu-prof` (profiles in bench/tmp/profile).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process"
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { createServer } from "node:http"
import { join } from "node:path"
import BetterSqlite3 from "better-sqlite3"
import { memory, median, report, type Result } from "./stats.js"

const here = import.meta.dirname
const root = join(here, "..")
const tmp = join(here, "tmp")
const SECONDS = Number(process.env["BENCH_HTTP_SECONDS"] ?? 5)
const RUNS = Number(process.env["BENCH_HTTP_RUNS"] ?? 5)
const ONLY = process.env["BENCH_HTTP_ONLY"]

/**
 * How both servers run their TypeScript: as `npm start` runs it, through the project's loader
 * (types stripped, nothing else changed; tsx's `keepNames` would wrap every function made at
 * run time). The other benchmarks stay under tsx: the grid import ran about 18% slower through
 * this loader (14,010 against 17,190 households/s), for a reason not yet found.
 */
const TYPESCRIPT = ["--conditions=@mulin/source", "--import", join(root, "scripts/node-ts/register.mjs")]
const CONNECTIONS = 32
/** How long each wrk run holds the first request of every connection (see the overview). */
const HOLD_MS = 1000
const TOKEN = "demo-county-admin"
const OURS_PORT = 18471
const BARE_PORT = 18472

// ---------------------------------------------------------------------------
// The bare server (this file run as `http.bench.ts bare <db> <port> <tokens.json>`).

const bare = (file: string, port: number, tokens: Record<string, string>) => {
  const db = new BetterSqlite3(file)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  db.pragma("foreign_keys = ON")
  const posts = db.prepare("SELECT role, node_id, start_date, end_date FROM assignments WHERE person_id = ?")
  const zone = db.prepare("SELECT c.time_zone FROM people p JOIN counties c ON c.id = p.county_id WHERE p.id = ?")
  const node = db.prepare("SELECT * FROM nodes WHERE id = ?")
  const pageIds = db.prepare(
    `SELECT h.id FROM nodes AS n CROSS JOIN households AS h WHERE n.path >= ? AND n.path < ? AND n.status = 'active' AND h.node_id = n.id AND h.status = 'active' AND h.id > ? ORDER BY h.id LIMIT ?`
  ).pluck()
  const householdsIn = db.prepare("SELECT * FROM households WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id")
  const account = db.prepare("SELECT a.*, n.path FROM points_accounts a JOIN nodes n ON n.id = a.node_id WHERE a.id = ?")
  const issuerOf = db.prepare("SELECT id FROM points_accounts WHERE county_id = ? AND kind = 'issuer'").pluck()
  const begin = db.prepare("BEGIN IMMEDIATE")
  const commit = db.prepare("COMMIT")
  const insert = db.prepare(
    "INSERT INTO points_transfers (id, kind, debit_account_id, credit_account_id, amount, code, category, memo, cause_type, cause_id, pending_id, reverses_id, timeout_at, actor_id, at) " +
      "VALUES (?, 'posted', ?, ?, ?, 'adjust', NULL, ?, NULL, NULL, NULL, NULL, NULL, ?, ?)"
  )
  const apply = db.prepare("UPDATE points_accounts SET posted = posted + ? WHERE id = ?")
  const entry = db.prepare("INSERT INTO points_entries (account_id, seq, amount, code, category, at) VALUES (?, ?, ?, 'adjust', NULL, ?)")
  const scopeKey = db.prepare("SELECT key FROM scope_keys WHERE node_id = ?").pluck()
  const event = db.prepare(
    "INSERT INTO events (id, type, aggregate_type, aggregate_id, version, actor, at, scope, scope_key, payload) VALUES (?, 'points.transfers.committed', 'points transfer', ?, 1, ?, ?, ?, ?, ?)"
  )
  let events = 0
  const formats = new Map<string, Intl.DateTimeFormat>()
  const dateIn = (timeZone: string) => {
    let f = formats.get(timeZone)
    if (f === undefined) formats.set(timeZone, f = new Intl.DateTimeFormat("sv-SE", { timeZone }))
    return f
  }

  /** The token's person and the nodes where they hold a post today. */
  const grantsOf = (authorization: string | undefined): { readonly personId: string; readonly scopes: Array<string> } | undefined => {
    if (authorization === undefined || !authorization.startsWith("Bearer ")) return undefined
    const personId = tokens[authorization.slice(7)]
    if (personId === undefined) return undefined
    const timeZone = (zone.get(personId) as { time_zone: string } | undefined)?.time_zone ?? "Asia/Shanghai"
    const today = dateIn(timeZone).format(Date.now())
    const scopes: Array<string> = []
    for (const p of posts.all(personId) as Array<{ role: string; node_id: string; start_date: string; end_date: string | null }>) {
      if (p.start_date <= today && (p.end_date === null || today < p.end_date)) scopes.push(p.node_id)
    }
    return { personId, scopes }
  }
  const inScope = (scopes: ReadonlyArray<string>, path: string) => scopes.some((id) => path.includes(`/${id}/`))
  const nodeView = (r: any) => ({
    id: r.id,
    countyId: r.county_id,
    parentId: r.parent_id,
    path: r.path.split("/").filter((s: string) => s !== "").slice(0, -1),
    level: r.level,
    depth: r.depth,
    code: r.code,
    name: r.name,
    partyOrganisation: r.party_organisation,
    status: r.status,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  })
  const householdView = (h: any) => ({
    id: h.id,
    countyId: h.county_id,
    nodeId: h.node_id,
    code: h.code,
    residents: (JSON.parse(h.residents) as Array<any>).map((r) => ({
      id: r.id,
      name: r.name,
      phone: r.phone,
      idCardNumber: r.idCardNumber,
      relation: r.relation,
      partyMember: r.partyMember
    })),
    status: h.status,
    version: h.version,
    masked: false,
    createdAt: h.created_at,
    updatedAt: h.updated_at
  })
  const send = (res: import("node:http").ServerResponse, status: number, body: unknown) => {
    const text = JSON.stringify(body)
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) })
    res.end(text)
  }
  const NODE = /^\/nodes\/([A-Za-z0-9_]+)$/u
  const PAGE = /^\/nodes\/([A-Za-z0-9_]+)\/households(?:\?limit=(\d+))?$/u

  createServer((req, res) => {
    const url = req.url ?? "/"
    if (url === "/healthz") return send(res, 200, { ok: true })
    const who = grantsOf(req.headers.authorization)
    if (who === undefined) return send(res, 401, { code: "unauthorized" })
    if (req.method === "GET") {
      const one = NODE.exec(url)
      if (one !== null) {
        const r = node.get(one[1]) as any
        if (r === undefined || !inScope(who.scopes, r.path)) return send(res, 404, { code: "not_found" })
        return send(res, 200, nodeView(r))
      }
      const page = PAGE.exec(url)
      if (page !== null) {
        const r = node.get(page[1]) as any
        if (r === undefined || r.status !== "active" || !inScope(who.scopes, r.path)) return send(res, 404, { code: "not_found" })
        const limit = Number(page[2] ?? 100)
        const ids = pageIds.all(r.path, `${r.path.slice(0, -1)}0`, "", limit + 1) as Array<string>
        const rows = householdsIn.all(JSON.stringify(ids)) as Array<any>
        const items = rows.slice(0, limit).map(householdView)
        return send(res, 200, { items, next: rows.length > limit ? items[items.length - 1]!.id : null })
      }
      return send(res, 404, { code: "route_not_found" })
    }
    if (req.method === "POST" && url === "/points/adjustments") {
      const chunks: Array<Buffer> = []
      req.on("data", (c: Buffer) => chunks.push(c))
      req.on("end", () => {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { transferId: string; accountId: string; amount: number; reason: string }
        begin.run()
        try {
          const to = account.get(body.accountId) as any
          if (to === undefined || !inScope(who.scopes, to.path)) {
            db.exec("ROLLBACK")
            return send(res, 404, { code: "not_found" })
          }
          const issuer = issuerOf.get(to.county_id) as string
          const at = new Date().toISOString()
          const seq = Number(insert.run(body.transferId, issuer, to.id, body.amount, body.reason, who.personId, at).lastInsertRowid)
          apply.run(-body.amount, issuer)
          entry.run(issuer, seq, -body.amount, at)
          apply.run(body.amount, to.id)
          entry.run(to.id, seq, body.amount, at)
          const transfer = {
            id: body.transferId,
            kind: "posted",
            debitAccountId: issuer,
            creditAccountId: to.id,
            amount: body.amount,
            code: "adjust",
            category: null,
            memo: body.reason,
            cause: null,
            pendingId: null,
            reversesId: null,
            timeoutAt: null,
            actorId: who.personId,
            at,
            seq
          }
          const key = scopeKey.get(to.county_id) as number
          event.run(`evt_bare${String(events++).padStart(22, "0")}`, body.transferId, JSON.stringify({ id: who.personId, kind: "person" }), at, `/${to.county_id}/`, `/${key}/`, JSON.stringify({ transfers: [transfer] }))
          commit.run()
          send(res, 201, { transfers: [transfer] })
        } catch (error) {
          if (db.inTransaction) db.exec("ROLLBACK")
          send(res, 500, { code: "internal_error", detail: String(error) })
        }
      })
      return
    }
    send(res, 404, { code: "route_not_found" })
  }).listen(port, "127.0.0.1", () => console.log(`bare listening on ${port}`))
  // Exits normally on Ctrl-C, so that `--cpu-prof` writes its profile.
  process.on("SIGINT", () => process.exit(0))
}

/** The servers this run started, stopped however it ends. */
const children: Array<ChildProcess> = []

if (process.argv[2] === "bare") {
  bare(process.argv[3]!, Number(process.argv[4]), JSON.parse(process.argv[5]!) as Record<string, string>)
} else {
  try {
    await main()
  } finally {
    await Promise.all(children.map(stop))
  }
}

// ---------------------------------------------------------------------------
// The driver.

function has(tool: string): boolean {
  if (tool === "wrk" && process.env["BENCH_HTTP_LOAD"] === "autocannon") return false
  return spawnSync("sh", ["-c", `command -v ${tool}`]).status === 0
}

function pinned(core: number, command: string, args: ReadonlyArray<string>): [string, Array<string>] {
  return has("taskset") ? ["taskset", ["-c", String(core), command, ...args]] : [command, [...args]]
}

function waitFor(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = ""
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}: ${seen.slice(-2000)}`)), timeoutMs)
    const onData = (d: Buffer) => {
      seen += d.toString()
      const m = pattern.exec(seen)
      if (m !== null) {
        clearTimeout(timer)
        child.stdout?.off("data", onData)
        // Keep reading what the server prints, so that a full pipe never blocks it.
        child.stdout?.on("data", () => {})
        resolve(m)
      }
    }
    child.stdout?.on("data", onData)
    child.stderr?.on("data", (d: Buffer) => (seen += d.toString()))
    child.once("exit", (code) => reject(new Error(`exited (${code}) before ${pattern}: ${seen.slice(-2000)}`)))
  })
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once("exit", () => resolve())
    child.kill("SIGTERM")
  })
}

/**
 * The Node and V8 flags `npm start` gives the example server (the `start` script's options
 * before the entry file, but the loader and the conditions), so that the bench measures the
 * server as it is started. `BENCH_HTTP_NODE_FLAGS` replaces them, for comparing flags in one run.
 */
function startFlags(): ReadonlyArray<string> {
  const override = process.env["BENCH_HTTP_NODE_FLAGS"]
  if (override !== undefined) return override.split(/\s+/u).filter((f) => f !== "")
  const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts
  return scripts["start"]!.split(/\s+/u).filter((f) => f.startsWith("--") && f !== "--import" && !f.startsWith("--conditions"))
}

/** Starts the example server on `file`, pinned to core 0; optionally under `--cpu-prof`. */
function startOurs(file: string, port: number, extra: ReadonlyArray<string> = []) {
  // Started as `npm start` starts it, with the same flags.
  const [cmd, args] = pinned(0, process.execPath, [...extra, ...startFlags(), ...TYPESCRIPT, join(root, "examples/county-server/main.ts")])
  // The same work as the bare server: requests only, no scheduled rules or delivery loop in the background.
  const child = spawn(cmd, args, { cwd: root, env: { ...process.env, MULIN_DB: file, PORT: String(port), HOST: "127.0.0.1", MULIN_JOBS: "off", MULIN_DELIVERY: "off" }, stdio: ["ignore", "pipe", "pipe"] })
  children.push(child)
  return child
}

interface Load {
  readonly rps: number
  readonly p99: number
  readonly p50: number
  readonly errors: number
}

/**
 * Drives `url` for `seconds` with CONNECTIONS connections from core 1. With wrk, `hold` (the
 * default) opens every connection before the load starts (see the overview); `hold: false`
 * opens them under load.
 */
function drive(url: string, post: { readonly template: string } | undefined, seconds = SECONDS, { hold = true } = {}): Load {
  if (has("wrk")) {
    const script = join(tmp, "wrk.lua")
    const heldSeconds = hold ? HOLD_MS / 1000 : 0
    writeFileSync(script, [
      `wrk.headers["Authorization"] = "Bearer ${TOKEN}"`,
      post === undefined ? "" : `wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\nlocal n = 0\nlocal run = "${Date.now().toString(36)}"`,
      post === undefined ? "" : `request = function()\n  n = n + 1\n  local body = string.gsub(${JSON.stringify(post.template)}, "%[<id>%]", run .. "-" .. n)\n  return wrk.format(nil, nil, nil, body)\nend`,
      // wrk asks `delay` before every request; the first CONNECTIONS asks are the connections' first requests.
      hold ? `local asked = 0\ndelay = function()\n  asked = asked + 1\n  if asked <= ${CONNECTIONS} then return ${HOLD_MS} end\n  return 0\nend` : "",
      `done = function(summary, latency, requests)\n  io.write(string.format("RESULT %f %f %f %d %d\\n", summary.requests / (summary.duration / 1e6 - ${heldSeconds}), latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.requests))\nend`
    ].join("\n"))
    const [cmd, args] = pinned(1, "wrk", ["-t1", `-c${CONNECTIONS}`, `-d${seconds + heldSeconds}s`, "--timeout", "10s", "-s", script, url])
    const out = spawnSync(cmd, args, { encoding: "utf8" })
    const m = /RESULT (\S+) (\S+) (\S+) (\d+) (\d+)/u.exec(out.stdout)
    if (m === null) throw new Error(`wrk failed: ${out.stdout}${out.stderr}`)
    return { rps: Number(m[1]), p50: Number(m[2]), p99: Number(m[3]), errors: Number(m[4]) }
  }
  const bin = join(root, "node_modules/autocannon/autocannon.js")
  const flags = ["-c", String(CONNECTIONS), "-d", String(seconds), "-j", "-H", `Authorization=Bearer ${TOKEN}`]
  if (post !== undefined) flags.push("-m", "POST", "-H", "Content-Type=application/json", "-I", "-b", post.template)
  const [cmd, args] = pinned(1, process.execPath, [bin, ...flags, url])
  const out = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })
  const json = JSON.parse(out.stdout) as { requests: { average: number }; latency: { p50: number; p99: number }; errors: number; non2xx: number }
  return { rps: json.requests.average, p50: json.latency.p50, p99: json.latency.p99, errors: json.errors + json.non2xx }
}

async function fetchText(url: string, init: RequestInit = {}): Promise<{ status: number; text: string }> {
  const r = await fetch(url, { ...init, headers: { authorization: `Bearer ${TOKEN}`, ...(init.headers ?? {}) } })
  return { status: r.status, text: await r.text() }
}

async function main() {
  mkdirSync(tmp, { recursive: true })
  const seed = join(tmp, "http-seed.db")
  const file = join(tmp, "http.db")
  const fresh = (path: string) => {
    for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true })
  }
  if (!existsSync(seed)) {
    console.log(`seeding ${seed} as npm start does (100,000 households; about a minute)…`)
    const seeding = startOurs(seed, OURS_PORT)
    await waitFor(seeding, /county server on (http:\/\/\S+)/u, 300_000)
    await stop(seeding)
  }
  // Everything into the main file, so that one copy holds it all.
  const checkpoint = new BetterSqlite3(seed)
  checkpoint.pragma("wal_checkpoint(TRUNCATE)")
  checkpoint.close()
  fresh(file)
  copyFileSync(seed, file)

  // The ids the requests use, and the accounts the write moves points between.
  const ro = new BetterSqlite3(file, { readonly: true })
  const county = ro.prepare("SELECT id FROM nodes WHERE depth = 0 AND code = '370812'").pluck().get() as string
  const grid = ro.prepare("SELECT id FROM nodes WHERE county_id = ? AND level = 'grid' AND status = 'active' ORDER BY id LIMIT 1").pluck().get(county) as string
  const resident = ro.prepare("SELECT id FROM people WHERE county_id = ? AND code = 'DEMO-RESIDENT'").pluck().get(county) as string
  const admin = ro.prepare("SELECT id FROM people WHERE county_id = ? AND code = 'DEMO-ADMIN'").pluck().get(county) as string
  ro.close()

  const ours = startOurs(file, OURS_PORT, process.env["BENCH_HTTP_PROFILE"] === undefined ? [] : ["--cpu-prof", `--cpu-prof-dir=${join(tmp, "profile")}`])
  const oursUrl = (await waitFor(ours, /county server on (http:\/\/\S+)/u, 120_000))[1]!
  const json = { "content-type": "application/json" }
  const opened = await fetchText(`${oursUrl}/points/accounts`, { method: "POST", headers: json, body: JSON.stringify({ nodeId: county, kind: "issuer", name: "兖州积分" }) })
  const account = await fetchText(`${oursUrl}/points/accounts`, { method: "POST", headers: json, body: JSON.stringify({ nodeId: county, kind: "person", ownerId: resident }) })
  if (opened.status !== 201 || account.status !== 201) throw new Error(`could not open the accounts: ${opened.text} ${account.text}`)
  const accountId = (JSON.parse(account.text) as { id: string }).id

  const [bcmd, bargs] = pinned(0, process.execPath, [...TYPESCRIPT, join(here, "http.bench.ts"), "bare", file, String(BARE_PORT), JSON.stringify({ [TOKEN]: admin })])
  const bareServer = spawn(bcmd, bargs, { cwd: root, stdio: ["ignore", "pipe", "pipe"] })
  children.push(bareServer)
  await waitFor(bareServer, /bare listening/u, 60_000)
  const bareUrl = `http://127.0.0.1:${BARE_PORT}`

  const scenarios = [
    { name: "health: GET /healthz (no token, no database)", path: "/healthz", post: undefined },
    { name: "point read: GET /nodes/{id} as the county admin", path: `/nodes/${grid}`, post: undefined },
    { name: "page of 20 households: GET /nodes/{id}/households?limit=20 as the county admin", path: `/nodes/${grid}/households?limit=20`, post: undefined },
    {
      name: "write: POST /points/adjustments (one points transfer) as the county admin",
      path: "/points/adjustments",
      post: { template: JSON.stringify({ transferId: "b-[<id>]", accountId, amount: 1, reason: "bench adjustment" }) }
    }
  ].filter((s) => ONLY === undefined || s.name.includes(ONLY))

  // Same work, same answer: the reads' bodies must be byte for byte the same.
  for (const s of scenarios) {
    if (s.post !== undefined) {
      const body = (id: string) => s.post.template.replace("[<id>]", id)
      const a = await fetchText(`${oursUrl}${s.path}`, { method: "POST", headers: json, body: body("check-ours") })
      const b = await fetchText(`${bareUrl}${s.path}`, { method: "POST", headers: json, body: body("check-bare") })
      if (a.status !== 201 || b.status !== 201) throw new Error(`the write failed: ${a.status} ${a.text} / ${b.status} ${b.text}`)
      continue
    }
    const a = await fetchText(`${oursUrl}${s.path}`)
    const b = await fetchText(`${bareUrl}${s.path}`)
    if (a.status !== 200 || a.text !== b.text) throw new Error(`ours and bare answer differently for ${s.path}:\n${a.status} ${a.text.slice(0, 400)}\n${b.status} ${b.text.slice(0, 400)}`)
  }

  const results: Array<Result> = []
  const load = has("wrk") ? "wrk -t1" : "autocannon"
  console.log(`load generator: ${load}, ${CONNECTIONS} connections, ${SECONDS} s per run, ${RUNS} alternating runs; servers on core 0, load on core 1`)
  for (const s of scenarios) {
    // Warm both up (JIT, page cache), then alternate.
    drive(`${oursUrl}${s.path}`, s.post, 2)
    drive(`${bareUrl}${s.path}`, s.post, 2)
    const o: Array<Load> = []
    const b: Array<Load> = []
    for (let r = 0; r < RUNS; r++) {
      o.push(drive(`${oursUrl}${s.path}`, s.post))
      b.push(drive(`${bareUrl}${s.path}`, s.post))
      console.log(`  ${s.path}: ours ${Math.round(o[r]!.rps)}/s p99 ${o[r]!.p99.toFixed(2)} ms; bare ${Math.round(b[r]!.rps)}/s p99 ${b[r]!.p99.toFixed(2)} ms`)
    }
    // One pair with the connections opened under load (wrk only; autocannon's runs are all so).
    const opening = has("wrk") && s.post === undefined
      ? { ours: drive(`${oursUrl}${s.path}`, s.post, SECONDS, { hold: false }), bare: drive(`${bareUrl}${s.path}`, s.post, SECONDS, { hold: false }) }
      : undefined
    if (opening !== undefined) console.log(`  ${s.path}, connections opened under load: ours p99 ${opening.ours.p99.toFixed(2)} ms; bare p99 ${opening.bare.p99.toFixed(2)} ms`)
    const errors = [...o, ...b].reduce((n, l) => n + l.errors, 0)
    if (errors > 0) console.log(`  (${errors} errors or non-2xx answers)`)
    const rps = median(o.map((l) => l.rps))
    const bareRps = median(b.map((l) => l.rps))
    const p99 = median(o.map((l) => l.p99))
    const bareP99 = median(b.map((l) => l.p99))
    const noise = `runs: ours ${o.map((l) => Math.round(l.rps)).join(", ")} req/s; bare ${b.map((l) => Math.round(l.rps)).join(", ")} req/s`
    results.push({
      name: `${s.name}, throughput`,
      value: Math.round(rps),
      unit: "req/s",
      stats: { min: Math.round(Math.min(...o.map((l) => l.rps))), median: Math.round(rps), max: Math.round(Math.max(...o.map((l) => l.rps))) },
      baseline: { name: "bare node:http + better-sqlite3, same work and answer, same database, same run", value: Math.round(bareRps), unit: "req/s" },
      ratio: Number((rps / bareRps).toFixed(3)),
      ...(s.path === "/healthz" ? {} : { target: { ratio: 0.5 } }),
      note: `${load}, ${CONNECTIONS} connections, ${SECONDS} s × ${RUNS} alternating runs; ${noise}${errors > 0 ? `; ${errors} errors` : ""}`
    })
    if (s.post === undefined) {
      results.push({
        name: `${s.name}, p99 latency`,
        value: Number(p99.toFixed(2)),
        unit: "ms p99",
        stats: {
          p50: Number(median(o.map((l) => l.p50)).toFixed(2)),
          p99: Number(p99.toFixed(2)),
          runs: o.length,
          ...(opening === undefined ? {} : { openingP99: Number(opening.ours.p99.toFixed(2)), openingBareP99: Number(opening.bare.p99.toFixed(2)) })
        },
        baseline: { name: "bare node:http + better-sqlite3, same work, same run", value: Number(bareP99.toFixed(2)), unit: "ms p99" },
        ratio: Number((bareP99 / p99).toFixed(3)),
        ...(s.path === "/healthz" ? {} : { target: { ratio: Number((1 / 3).toFixed(3)), p99: "≤ 3× bare" } }),
        note: `p99 per run: ours ${o.map((l) => l.p99.toFixed(1)).join(", ")} ms; bare ${b.map((l) => l.p99.toFixed(1)).join(", ")} ms${opening === undefined ? "; connections opened under load" : `; the connections held until all were accepted (${HOLD_MS} ms). One more pair opened them under load: p99 ours ${opening.ours.p99.toFixed(1)} ms, bare ${opening.bare.p99.toFixed(1)} ms`}`
      })
    }
  }
  results.push({ name: "driver process memory", value: memory().peakRssMiB, unit: "MiB peak RSS", memory: memory() })
  await stop(bareServer)
  await stop(ours)
  if (ONLY === undefined) report("http", results)
  else console.log(results)
  fresh(file)
}
