import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { findPersonalData } from "@mulin/core/testing"
import { localTime, runMediationRoom } from "../mediation-room/main.js"

describe("examples/mediation-room", () => {
  it("settles one case, escalates one to the street and a department, withdraws one; prints disclosures without personal data and statistics", async () => {
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
    // 1 June 01:00 UTC is 09:00 in Xi County.
    expect(printed).toContain("2026-06-01 09:00  [community] 群众反映")
    expect(statistics).toMatchObject({ cases: 3, open: 0, resolutionRate: { percent: 100 }, satisfactionRate: { percent: 75 }, medianHoursToResolve: 133 })
    const planted = {
      names: ["刘桂芳", "王建军", "赵德胜", "张秀英", "李明", "郭秀兰", "冯志刚", "贺建国", "高志远", "住建局专员", "3-2-501", "3-2-401"],
      numbers: ["13935712345", "13835798765", "13700002222"]
    }
    expect(findPersonalData([printed, disclosures, board], planted)).toEqual([])
  })

  it("prints times in the county's calendar", () => {
    expect(localTime("2026-06-30T16:30:00.000Z")).toBe("2026-07-01 00:30")
    expect(localTime("2026-06-30T15:30:00.000Z")).toBe("2026-06-30 23:30")
  })
})
