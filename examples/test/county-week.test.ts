import { spawnSync } from "node:child_process"
import { existsSync, rmSync } from "node:fs"
import { dirname } from "node:path"
import { fileURLToPath } from "node:url"
import { describe, expect, it } from "vitest"
import { runCountyWeek } from "../county-week/main.js"

describe("examples/county-week", () => {
  it("plays the week on SQLite: every deadline reminded once, two escalations, ratings asked, given and lapsed, quiet hours held, each signature verified, the duplicate dropped", async () => {
    const lines: Array<string> = []
    const week = await runCountyWeek({ log: (l) => lines.push(l) })
    const printed = lines.join("\n")
    expect(week.problems).toEqual([])
    expect(week.byKind).toEqual({
      need_assigned: 1,
      // The case's hearing to the mediator, then the street's deadline to the mediator and the street's supervisor; the item's promised date to its responsible person.
      deadline_near: 4,
      deadline_missed: 3,
      promised_date_passed: 1,
      // To the street (its administrator), then the department (its staff and supervisor).
      case_escalated: 3,
      // The need's requester, the item's raiser, the case's two parties.
      rating_requested: 4
    })
    expect(week.received).toBe(16)
    expect(week.duplicatesDropped).toBe(1)
    expect(week.signaturesVerified).toBe(17)
    expect(week.signaturesRefused).toEqual([])
    expect(week.escalations).toEqual(["street", "department"])
    // The parties never rated: counted as not rated, never as satisfied.
    expect(week.ratings).toEqual({ asked: 4, given: 2, lapsed: 2, satisfied: 2 })
    expect(week.heldOvernight).toBe(1)
    expect(week.jobFailures).toBe(0)
    expect(week.database).toBe("(removed)")
    // The rating request made at 22:30 arrived at 07:00, and the receiver prints readable lines in both languages.
    expect(printed).toMatch(/\[周三 07:00\] → 王桂兰（居民 101）  请您评价 \/ Please rate/u)
    expect(printed).toContain("案件已提级至本单位督办 / A case is escalated to your unit (supervision)")
    expect(printed).toContain("Every expected step happened.")
  }, 60_000)

  it("runs as `npm run county-week` does, exits 0 and keeps its database with --keep", () => {
    const child = spawnSync(process.execPath, ["--conditions=@mulin/source", "--import", "tsx", "examples/county-week/main.ts", "--keep"], {
      cwd: fileURLToPath(new URL("../..", import.meta.url)),
      encoding: "utf8",
      timeout: 120_000
    })
    expect(child.status, child.stderr).toBe(0)
    const kept = /The database is kept at (\S+county\.db)/u.exec(child.stdout)?.[1]
    expect(kept).toBeDefined()
    expect(existsSync(kept!)).toBe(true)
    rmSync(dirname(kept!), { recursive: true, force: true })
    expect(child.stdout).toContain("Signatures verified / 签名验证通过: 17; refused / 拒绝: 0")
  }, 120_000)
})
