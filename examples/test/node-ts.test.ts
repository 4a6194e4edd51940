/**
 * The loader `npm start` runs the example server with (`scripts/node-ts/register.mjs`): it
 * runs TypeScript, finds `./x.ts` for an import written `./x.js`, changes nothing else (no
 * `__name` wrapper around the functions a module makes at run time, which every closure made
 * per request would pay for), and stack traces point to the `.ts` lines.
 */
import { spawnSync } from "node:child_process"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"

const root = fileURLToPath(new URL("../..", import.meta.url))
const main = fileURLToPath(new URL("fixtures/node-ts/main.ts", import.meta.url))

describe("scripts/node-ts", () => {
  it("runs TypeScript with its types stripped and nothing else changed, and maps stack traces to the sources", () => {
    const run = spawnSync(process.execPath, ["--import", "./scripts/node-ts/register.mjs", main], { cwd: root, encoding: "utf8" })
    expect(run.status).toBe(1)
    const seen = JSON.parse(run.stdout.trim().split("\n")[0]!)
    // V8 names the closure from its declaration; esbuild's keepNames would wrap it in __name().
    expect(seen).toEqual({ sum: 42, wrapped: false, name: "add" })
    expect(run.stderr).toContain("thrown on line 8")
    expect(run.stderr).toMatch(/fixtures\/node-ts\/main\.ts:8:7/)
  })
})
