/**
 * The ledger of work (工作台账) of a county upgrading from a version without it: the server
 * and `npm run jobs`, started together on one database whose ledger was never built,
 * rebuild it from the event log once — one of them does, the other finds it done or under
 * way — and the rows are those the reaction kept. A later start rebuilds nothing.
 */
import Database from "better-sqlite3"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { LEDGER_BUILT } from "../county-server/ledger.js"
import { startJobs } from "../county-server/jobs.js"
import { start } from "../county-server/main.js"

const dir = mkdtempSync(join(tmpdir(), "mulin-ledger-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const LEDGER = "SELECT kind, id, category, outcome, opened_at, responded_at, resolved_at, routed_kind, routed_id FROM work_ledger ORDER BY kind, id"

describe("the ledger of work on an upgraded county", () => {
  it("is rebuilt once from the event log when the server and the jobs start together, then never again", async () => {
    const env = { PORT: "0", MULIN_DB: join(dir, "county.db"), MULIN_SEED_HOUSEHOLDS: "300", MULIN_JOBS: "off", MULIN_DELIVERY: "off", MULIN_JOBS_EVERY: "3600" }
    const first: Array<string> = []
    await (await start(env, (l) => first.push(l))).close()
    // A new database: its ledger is built over its empty log, before the demo is seeded; the reaction keeps it since.
    expect(first.join("\n")).toContain("Ledger of work:    rebuilt from the event log (0 events moved a row)")

    const db = new Database(env.MULIN_DB)
    const kept = db.prepare(LEDGER).all()
    expect(kept.length).toBeGreaterThan(0)
    // What a county upgrading from a version without the ledger has: its history, an empty ledger, no key.
    db.prepare("DELETE FROM work_ledger").run()
    db.prepare("DELETE FROM job_reminders WHERE key = ?").run(LEDGER_BUILT)
    db.close()

    const serverLines: Array<string> = []
    const jobsLines: Array<string> = []
    const [server, jobs] = await Promise.all([start(env, (l) => serverLines.push(l)), startJobs(env, (l) => jobsLines.push(l))])
    await Promise.all([server.close(), jobs.stop()])
    const said = [...serverLines, ...jobsLines].filter((l) => l.includes("Ledger of work"))
    expect(said.filter((l) => l.includes("rebuilt from the event log"))).toHaveLength(1)
    expect(said).toHaveLength(2)

    const after = new Database(env.MULIN_DB, { readonly: true })
    expect(after.prepare(LEDGER).all()).toEqual(kept)
    after.close()

    const again: Array<string> = []
    await (await start(env, (l) => again.push(l))).close()
    expect(again.filter((l) => l.includes("Ledger of work"))).toEqual(["  Ledger of work:    built"])
  })
})
