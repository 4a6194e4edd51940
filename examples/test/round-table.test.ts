import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { runRoundTable } from "../round-table/main.js"

describe("examples/round-table", () => {
  it("runs a month of round tables and a reception day; prints the masked board and the statistics with the year-on-year change", async () => {
    const lines: Array<string> = []
    const { board, overdue, renovation, statistics } = await Effect.runPromise(runRoundTable((l) => lines.push(l)))
    const printed = lines.join("\n")
    expect(board.items.map((r) => r.title)).toEqual(["垃圾清运不及时", "下水道堵塞", "门口加装休息座椅", "电梯经常停运", "老旧小区改造", "屋顶防水", "外墙保温"])
    expect(overdue.items.map((r) => r.title).sort()).toEqual(["下水道堵塞", "垃圾清运不及时"])
    expect(renovation).toMatchObject({ children: 2, progress: 40 })
    expect(statistics).toMatchObject({ raised: 42, answeredOnSpot: 32, takenUp: 8, resolved: 1, overdue: 2 })
    expect(statistics.byCategory[0]).toMatchObject({ category: "property", count: 33, lastYear: 41, change: "-19.5%" })
    expect(statistics.byUnit.find((u) => u.unit === "urban")).toMatchObject({ onTime: { percent: 100 }, averageRating: 4.67 })
    expect(printed).toContain("物业服务: 33 件（去年同期 41，同比 -19.5%）")
    // June is counted in China's calendar, and promises are dates there.
    expect(printed).toContain("【统计】2026-06-01 – 2026-06-30（Asia/Shanghai）")
    expect(board.items[0]).toMatchObject({ title: "垃圾清运不及时", promisedBy: "2026-06-10", overdue: true })
    expect(printed).toContain("提出人 张**")
    for (const secret of ["刘桂芳", "王建军", "赵德胜", "张秀英", "13935712345", "13835798765", "15935700001", "142430198503150012"]) {
      expect(printed).not.toContain(secret)
    }
  })
})
