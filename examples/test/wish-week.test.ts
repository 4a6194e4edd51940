import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import { runWishWeek } from "../wish-week/main.js"

describe("examples/wish-week", () => {
  it("posts 200 needs for 50 volunteers, dispatches, claims, visits, confirms, reopens one; prints the report and the points", async () => {
    const lines: Array<string> = []
    const week = await Effect.runPromise(runWishWeek((l) => lines.push(l)))
    const printed = lines.join("\n")
    expect(week.needs).toHaveLength(200)
    expect(week.claims).toBeGreaterThan(0)
    expect(week.first.assignments.length).toBeGreaterThan(0)
    expect(week.first.total).toBeGreaterThanOrEqual(week.first.greedyTotal)
    // The reopened need went back to open, and was taken and finished again.
    expect(week.reopened).toMatchObject({ state: "open", assignees: [], reason: "水龙头还在滴水，没修好" })
    const again = week.needs.find((n) => n.id === week.reopened!.id)!
    expect(again.helpers.length).toBeGreaterThan(0)
    expect(again.visits.length).toBeGreaterThanOrEqual(1)
    // Every confirmed need with its requester's reward paid once, never above what was held; rewards under the
    // micro-wish rule within its points and the caps (a volunteer at the day's cap gets nothing more that day).
    for (const n of week.needs) {
      if (n.state === "confirmed" && n.reward?._tag === "requester") expect(n.paid.length).toBeGreaterThan(0)
      if (n.reward?._tag === "requester") expect(n.paid.reduce((s, p) => s + p.points, 0)).toBeLessThanOrEqual(n.reward.held)
      if (n.reward?._tag === "issuer") for (const p of n.paid) expect(p.points).toBeLessThanOrEqual(20)
      expect(n.paid.length).toBeLessThanOrEqual(n.slots)
    }
    expect(week.needs.some((n) => n.reward?._tag === "requester" && n.paid.length > 0)).toBe(true)
    expect(week.needs.some((n) => n.reward?._tag === "issuer" && n.paid.length > 0)).toBe(true)
    expect(week.pointsTotal).toBe(week.paid)
    expect(week.earned.reduce((s, e) => s + e.completed, 0)).toBeGreaterThan(100)
    // The report covers every category and grid, and adds up.
    expect(week.byCategory.reduce((s, r) => s + r.needs, 0)).toBe(200)
    expect(week.byGrid.map((r) => r.key)).toEqual(["第1网格", "第2网格", "第3网格", "第4网格"])
    for (const r of [...week.byCategory, ...week.byGrid]) {
      expect(r.completed).toBeLessThanOrEqual(r.responded)
      expect(r.meanRating === null || (r.meanRating >= 1 && r.meanRating <= 5)).toBe(true)
    }
    expect(printed).toContain("完成情况 · 按类别")
    expect(printed).toContain("完成情况 · 按网格")
    expect(printed).toContain("志愿者积分")
    expect(printed).toContain("重新打开")
    // The public wish board masks every requester.
    expect(week.board.items.length).toBeGreaterThan(0)
    for (const card of week.board.items) expect(card.requester).toMatch(/^.\*+$/u)
  }, 60_000)
})
