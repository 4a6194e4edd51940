/**
 * Runs every command of `docs/pilot.md` in order, as written, with its `data/` folder and its
 * port replaced by temporary ones: the guide cannot rot. The server the guide starts runs in
 * the background here, and is stopped at the end.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { mkdtempSync, readFileSync } from "node:fs"
import { createServer } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterAll, describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../../../", import.meta.url))
const guide = readFileSync(join(root, "docs", "pilot.md"), "utf8")
const blocks = [...guide.matchAll(/```sh\n([\s\S]*?)```/gu)].map((m) => m[1]!)

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })

describe("docs/pilot.md", () => {
  const dir = mkdtempSync(join(tmpdir(), "mulin-pilot-"))
  let server: ChildProcess | undefined
  afterAll(() => {
    // The server the guide started, and its children (npm, tsx), unless it already stopped.
    if (server?.pid !== undefined && server.exitCode === null) process.kill(-server.pid, "SIGTERM")
  })

  it("goes from a fresh clone to a county's pilot: workbook, sign-in, webhook, console, backup", async () => {
    expect(blocks).toHaveLength(8)
    const port = await freePort()
    const adapt = (block: string) => block.replaceAll("data/", `${dir}/`).replaceAll("8080", String(port))
    const run = (block: string, cwd = root) => {
      const r = spawnSync("bash", ["-euo", "pipefail", "-c", adapt(block)], { cwd, encoding: "utf8", env: { ...process.env, MULIN_REPO: root }, timeout: 120_000 })
      expect(r.status, `${block}\n${r.stdout}\n${r.stderr}`).toBe(0)
      return r.stdout
    }
    const [clone, workbook, dryRun, tokens, start, webhook, open, backup] = [blocks[0]!, blocks[1]!, blocks[2]!, blocks[3]!, blocks[4]!, blocks[5]!, blocks[6]!, blocks[7]!]

    // 1. A fresh clone of this repository.
    expect(run(clone, dir)).toMatch(/^[0-9a-f]{7,} /mu)
    // 2. The workbook, checked then imported.
    run(workbook)
    const imported = run(dryRun)
    expect(imported).toContain("Dry run of county 370812")
    expect(imported).toMatch(/Imported county 370812[\s\S]*people\s+created 28,/u)
    // 3. Tokens and OIDC subjects; the server with both.
    run(tokens)
    const lines: Array<string> = []
    server = spawn("bash", ["-c", adapt(start)], { cwd: root, detached: true, env: process.env })
    server.stdout!.on("data", (d: Buffer) => lines.push(d.toString()))
    server.stderr!.on("data", (d: Buffer) => lines.push(d.toString()))
    await expect.poll(() => lines.join(""), { timeout: 90_000, interval: 250 }).toContain("Notifications:")
    const out = lines.join("")
    expect(out).toContain("Sign-in:           JWTs of https://sso.county.example/realms/county for mulin (1 subjects linked from MULIN_SUBJECTS)")
    expect(out).toContain("pilot-county-admin-7f3a")
    expect(out).toContain(`Console:           http://127.0.0.1:${port}/`)
    // 4. The webhook, registered and listed.
    const hooks = run(webhook)
    expect(hooks.split("https://notify.county.example/mulin").length - 1).toBe(2)
    expect(hooks).not.toContain("problem")
    // 5. The console at /.
    expect(run(open).trim()).toBe("1")
    // 6. The backup, while the server runs, and its check.
    expect(run(backup)).toBe("backed up\nok\n")
  }, 240_000)
})
