import { readFileSync } from "node:fs"
import { join } from "node:path"
import {
  decideItem,
  defaultDeliberationConfig,
  deliberationStatesDocument,
  evolveItem,
  type GridNodeId,
  type Item,
  type ItemEvent,
  itemStatusOf,
  itemTransitions,
  percentChange,
  rollUp,
  scrubText,
  yearEarlier
} from "@mulin/core"
import { describe, expect, it } from "vitest"

describe("the deliberation item lifecycle", () => {
  it("lists each (state, command) pair at most once", () => {
    const keys = itemTransitions.map((t) => `${t.from}|${t.command}`)
    expect(new Set(keys).size).toBe(keys.length)
  })

  it("keeps the coarse status consistent: answered, closed, merged and declined are closed", () => {
    expect((["answered", "closed", "merged", "declined"] as const).map(itemStatusOf)).toEqual(["closed", "closed", "closed", "closed"])
    expect(itemStatusOf("resolved")).toBe("open")
  })

  it("raises an item with the decider and refuses an unknown category", () => {
    const config = defaultDeliberationConfig("node_01J00000000000000000000000" as GridNodeId)
    const place = { id: "dli_01J00000000000000000000000" as Item["id"], countyId: config.countyId, nodeId: config.countyId, scope: [config.countyId], placeName: "兖州区" }
    const raise = { _tag: "Raise" as const, nodeId: config.countyId, kind: "micro_idea" as const, raisedBy: { name: "王五", phone: null, idCardNumber: null, actorId: null }, category: "property", title: "加装座椅", text: "小区门口加装座椅" }
    const context = { at: "2026-06-01T00:00:00.000Z", actor: { id: "x", kind: "person" as const }, config, place }
    const ok = decideItem(undefined, raise, context)
    if (ok._tag !== "Success") throw new Error("expected the item to be raised")
    const item = evolveItem(undefined, ok.success[0] as ItemEvent)
    expect(item).toMatchObject({ state: "raised", status: "open", kind: "micro_idea", progress: 0 })
    const bad = decideItem(undefined, { ...raise, category: "nope" }, context)
    expect(bad._tag === "Failure" && bad.failure._tag).toBe("InvalidInput")
  })
})

describe("deliberation rules", () => {
  it("rolls progress up as the weighted average, leaving out merged and declined children", () => {
    expect(rollUp([])).toBe(0)
    expect(rollUp([{ weight: 1, progress: 100, state: "resolved" }, { weight: 3, progress: 20, state: "in_progress" }])).toBe(40)
    expect(rollUp([{ weight: 1, progress: 50, state: "in_progress" }, { weight: 5, progress: 0, state: "declined" }])).toBe(50)
  })

  it("formats the year-on-year change the seed reports", () => {
    expect(percentChange(200, 161)).toBe("-19.5%")
    expect(percentChange(40, 50)).toBe("+25.0%")
    expect(percentChange(0, 5)).toBeNull()
  })

  it("maps a date to the same date a year earlier", () => {
    expect(yearEarlier("2026-06-01T08:00:00.000Z")).toBe("2025-06-01T08:00:00.000Z")
    expect(yearEarlier("2028-02-29T00:00:00.000Z")).toBe("2027-02-28T00:00:00.000Z")
  })

  it("scrubs the raiser's data and any phone or ID-card number from free text", () => {
    const text = scrubText("张三丰说：电话13912345678，邻居13800001111，证件110101199003074477", { raisedBy: { name: "张三丰", phone: "13912345678", idCardNumber: null, actorId: null } })
    expect(text).toBe("张**说：电话139****5678，邻居138****1111，证件1101**********4477")
  })
})

describe("docs/deliberation-states.md", () => {
  it("matches the transition table", () => {
    const committed = readFileSync(join(import.meta.dirname, "..", "..", "..", "docs", "deliberation-states.md"), "utf8")
    expect(committed).toBe(deliberationStatesDocument())
  })
})
