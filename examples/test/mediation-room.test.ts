import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { runMediationRoom } from "../mediation-room/main.js"

describe("examples/mediation-room", () => {
  it("settles one case, escalates one to the street and a department, withdraws one; prints masked disclosures and statistics", async () => {
    const lines: Array<string> = []
    const { board, disclosures, statistics } = await Effect.runPromise(runMediationRoom((l) => lines.push(l)))
    const printed = lines.join("\n")
    expect(disclosures.map((d) => d.result.state)).toEqual(["closed", "rated"])
    expect(disclosures[1]!.escalations.map((e) => e.to)).toEqual(["龙泉镇", "县住房和城乡建设局"])
    expect(disclosures[1]!.result.level).toBe("department")
    expect(board.items).toHaveLength(2)
    expect(printed).toContain("督办巡查 1: street（错过 escalation）")
    expect(printed).toContain("督办巡查 2: department（错过 street）")
    expect(printed).toContain("【未公开】车位被长期占用: withdrawn")
    expect(statistics).toMatchObject({ cases: 3, open: 0, resolutionRate: { percent: 100 }, satisfactionRate: { percent: 75 }, medianHoursToResolve: 133 })
    for (const secret of ["刘桂芳", "王建军", "赵德胜", "张秀英", "13935712345", "13835798765", "142430198503150012", "3-2-501", "郭秀兰", "冯志刚", "贺建国"]) {
      expect(printed).not.toContain(secret)
    }
  })
})
