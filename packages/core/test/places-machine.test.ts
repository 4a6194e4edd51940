/**
 * The place decider read as given / when / then, the transition table enumerated, opening
 * hours checked against a brute-force minute grid, and "open now" in the county's zone.
 */
import { type GridNodeId, hoursProblem, isOpenAt, OpeningHours, type PlaceCommand, type PlaceDecideContext, placeDecider, type PlaceEvent, placesConfigDecider, placeTransitions, PlaceStatus, type ServicePlace, type ServicePlaceId, defaultPlacesConfig } from "@mulin/core"
import { given } from "@mulin/core/testing"
import { Schema } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"

const at = "2026-06-01T08:00:00.000Z"
const actor = { id: "psn_01", kind: "person" } as const
const county = "node_county" as GridNodeId
const scope = [county, "node_street" as GridNodeId, "node_c1" as GridNodeId]
const id = "plc_01KT000000000000000000000A" as ServicePlaceId
const ctx: PlaceDecideContext = { at, actor, kinds: defaultPlacesConfig(county).kinds.map((k) => k.code), place: { id, countyId: county, scope } }
const register = { _tag: "Register" as const, nodeId: scope[2]!, kind: "red_sail_station", name: "红帆驿站", hours: [{ day: 1, from: "08:00", to: "12:00" }] }

const place: ServicePlace = {
  id, countyId: county, nodeId: scope[2]!, scope, kind: "red_sail_station", name: "红帆驿站", address: null,
  hours: [{ day: 1, from: "08:00", to: "12:00" }], services: [], capacity: null, contact: null,
  status: "open", closedReason: null, createdAt: at, updatedAt: at, version: 0
}
const registered: PlaceEvent = { type: "registered", at, actor, place }

describe("the place decider", () => {
  it("registers a place of a configured kind, open, with its node's path", () => {
    given(placeDecider).when(register, ctx).then([registered])
  })

  it("refuses a kind the county does not keep, naming the field in both languages", () => {
    const error = given(placeDecider).when({ ...register, kind: "spa" }, ctx).thenFails("InvalidInput")
    expect(error).toMatchObject({ issues: [{ path: "kind" }] })
    expect(JSON.stringify(error)).toContain("阵地类型")
  })

  it("records only what an update changes, and nothing when nothing does", () => {
    given(placeDecider, [registered]).when({ _tag: "Update", name: "红帆驿站", capacity: 30 }, ctx)
      .thenMatches([{ type: "updated", changes: { capacity: 30 } }])
    given(placeDecider, [registered]).when({ _tag: "Update", name: "红帆驿站", hours: place.hours }, ctx).thenNothing()
  })

  it("closes with a reason, reopens, archives; an archived place refuses everything", () => {
    const closed = given(placeDecider, [registered]).when({ _tag: "Close", reason: "装修" }, ctx).then([{ type: "closed", at, actor, reason: "装修" }])
    expect(closed).toMatchObject({ status: "closed", closedReason: "装修" })
    const history: Array<PlaceEvent> = [registered, { type: "archived", at, actor }]
    given(placeDecider, history).when({ _tag: "Reopen" }, ctx).thenFails("InvalidTransition")
    given(placeDecider, history).when({ _tag: "Update", name: "x" }, ctx).thenFails("InvalidTransition")
    given(placeDecider, [registered]).when(register, ctx).thenFails("InvalidTransition")
  })

  it("follows the transition table for every (status, command) pair", () => {
    const commands: ReadonlyArray<PlaceCommand> = [{ _tag: "Update", capacity: 5 }, { _tag: "Close", reason: "r" }, { _tag: "Reopen" }, { _tag: "Archive" }]
    const into: Record<PlaceStatus, ReadonlyArray<PlaceEvent>> = {
      open: [registered],
      closed: [registered, { type: "closed", at, actor, reason: "r" }],
      archived: [registered, { type: "archived", at, actor }]
    }
    for (const status of PlaceStatus.literals) {
      for (const command of commands) {
        const spec = given(placeDecider, into[status]).when(command, ctx)
        const to = placeTransitions[status][command._tag]
        if (to === undefined) spec.thenFails("InvalidTransition")
        else expect(spec.result._tag === "Success" && spec.result.success.reduce(placeDecider.evolve, given(placeDecider, into[status]).state)!.status, `${status} ${command._tag}`).toBe(to)
      }
    }
  })

  it("changes a county's kinds once; the same kinds again change nothing", () => {
    const start = defaultPlacesConfig(county)
    given(placesConfigDecider, [], start).when({ kinds: start.kinds }, { at, actor }).thenNothing()
    given(placesConfigDecider, [], start).when({ kinds: [start.kinds[0]!] }, { at, actor }).thenMatches([{ type: "configured", changed: ["kinds"] }])
  })
})

describe("opening hours", () => {
  const time = fc.integer({ min: 0, max: 48 }).map((q) => (q === 48 ? "24:00" : `${String(Math.floor(q / 2)).padStart(2, "0")}:${q % 2 === 0 ? "00" : "30"}`))
  const range = fc.record({ day: fc.integer({ min: 1, max: 7 }), from: time, to: time })
  const decode = Schema.decodeUnknownResult(OpeningHours)

  it("property: accepted exactly when no range is inverted and no two of a day share a minute", () => {
    fc.assert(fc.property(fc.array(range, { maxLength: 6 }), (hours) => {
      const m = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3))
      const inverted = hours.some((r) => m(r.to) <= m(r.from))
      let overlap = false
      for (let day = 1; day <= 7 && !inverted; day++) {
        const used = new Array<number>(24 * 60).fill(0)
        for (const r of hours.filter((x) => x.day === day)) for (let x = m(r.from); x < m(r.to); x++) if (++used[x]! > 1) overlap = true
      }
      expect(decode(hours)._tag === "Success").toBe(!inverted && !overlap)
      expect(hoursProblem(hours) === undefined).toBe(!inverted && !overlap)
    }), { numRuns: 300 })
  })

  it("refuses 24:30, day 0 and 8", () => {
    for (const bad of [[{ day: 1, from: "08:00", to: "24:30" }], [{ day: 0, from: "08:00", to: "09:00" }], [{ day: 8, from: "08:00", to: "09:00" }]]) {
      expect(decode(bad)._tag).toBe("Failure")
    }
  })

  it("reads open now in the county's time zone, not UTC: 16:00 Monday in Shanghai is 08:00 UTC", () => {
    const p = { status: "open" as const, hours: [{ day: 1, from: "15:00", to: "17:00" }] }
    expect(isOpenAt(p, "2026-06-01T08:00:00.000Z", "Asia/Shanghai")).toBe(true)
    expect(isOpenAt(p, "2026-06-01T08:00:00.000Z", "UTC")).toBe(false)
    // 23:30 Sunday UTC is 07:30 Monday in Shanghai.
    expect(isOpenAt({ status: "open", hours: [{ day: 1, from: "07:00", to: "08:00" }] }, "2026-05-31T23:30:00.000Z", "Asia/Shanghai")).toBe(true)
    expect(isOpenAt({ ...p, status: "closed" }, "2026-06-01T08:00:00.000Z", "Asia/Shanghai")).toBe(false)
  })
})
