import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { verifyDatabase } from "../county-server/verify.js"
import { runPointsMonth } from "../points-month/main.js"

const dir = mkdtempSync(join(tmpdir(), "mulin-points-month-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("examples/points-month", () => {
  it("runs a month of earning, redeeming, cancelling, reversing and donating, and the ledger verifies", async () => {
    const lines: Array<string> = []
    const file = join(dir, "month.db")
    const result = await runPointsMonth((l) => lines.push(l), file)
    const text = lines.join("\n")
    expect(result.verify).toMatchObject({ ok: true, sum: 0, differences: [] })
    expect(result.refusals).toHaveLength(1)
    expect(result.refusals[0]).toContain("daily cap")
    expect(result.totals).toMatchObject({ redeemed: 30, donated: 20, reversed: 50 })
    expect(text).toContain("pickup code")
    expect(text).toContain("voids 1 hold(s)")
    expect(text).toMatch(/Statement of 张[\s\S]*redeem\s+-30/)
    expect(text).toContain("Verify: OK")
    // The verify CLI on the same file.
    const cli: Array<string> = []
    expect((await verifyDatabase(file, (l) => cli.push(l))).ok).toBe(true)
    expect(cli[0]).toContain("OK")
  })
})
