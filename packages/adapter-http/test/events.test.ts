/**
 * The integrator feed `GET /events`: one county's events in its commit order, a page at a
 * time through `next`, only the events inside the actor's subtree; the county implied for an
 * actor of one county, named by one who may read several.
 */
import { ActivitiesFeedEvents, DeliberationFeedEvents, GridFeedEvents, IntakeFeedEvents, JobsFeedEvents, MatchingFeedEvents, MediationFeedEvents, PartnersFeedEvents, PartyFeedEvents, PlacesFeedEvents, PointsFeedEvents, systemActor, VisitsFeedEvents } from "@mulin/core"
import { Effect, Schema } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Fixture, json, setup } from "./helpers.js"

const sys = systemActor()

interface Event {
  readonly id: string
  readonly type: string
  readonly position: number
  readonly scope: ReadonlyArray<string>
}

describe("event feed", () => {
  let f: Fixture
  beforeAll(async () => {
    f = await setup()
    // Interleave changes inside grid 1 and grid 2.
    const [a, b] = f.tiny.buildings
    await Effect.runPromise(Effect.gen(function*() {
      for (let i = 3; i <= 9; i++) {
        yield* f.grid.createNode(sys, { parentId: a.id, code: `${i}`, name: `${i}单元` })
        yield* f.grid.createNode(sys, { parentId: b.id, code: `${i}`, name: `${i}单元` })
      }
    }))
  })
  afterAll(() => f.dispose())

  const readAll = async (token: string, limit: number, county?: string) => {
    const pages: Array<ReadonlyArray<Event>> = []
    let after: string | null = null
    for (let guard = 0; guard < 100; guard++) {
      const response = await f.call("GET", `/events?limit=${limit}${after === null ? "" : `&after=${after}`}${county === undefined ? "" : `&county=${county}`}`, { token })
      expect(response.status).toBe(200)
      const page = await json(response)
      pages.push(page.items)
      if (page.next === null) break
      expect(page.next).toBe(String(page.items[page.items.length - 1].position))
      after = page.next
    }
    return pages
  }

  it("pages through the whole log in order", async () => {
    const everything = (await Effect.runPromise(f.grid.events(sys, { limit: 1000, county: f.tiny.county.id }))).items
    const pages = await readAll("system", 4, f.tiny.county.id)
    expect(pages.slice(0, -1).every((p) => p.length === 4)).toBe(true)
    const events = pages.flat()
    expect(events.map((e) => e.id)).toEqual(everything.map((e) => e.id))
    const positions = events.map((e) => e.position)
    expect(positions).toEqual([...positions].sort((x, y) => x - y))
    expect(new Set(positions).size).toBe(positions.length)
  })

  it("shows the grid worker only the events of its grid, still in order", async () => {
    const gridA = f.tiny.grids[0].id
    const everything = (await Effect.runPromise(f.grid.events(sys, { limit: 1000, county: f.tiny.county.id }))).items
    const expected = everything.filter((e) => e.scope.includes(gridA)).map((e) => e.id)
    const hidden = everything.filter((e) => !e.scope.includes(gridA))
    expect(hidden.length).toBeGreaterThan(0)
    expect(expected.length).toBeGreaterThan(7)

    const events = (await readAll("worker", 3)).flat()
    expect(events.map((e) => e.id)).toEqual(expected)
    for (const e of events) expect(e.scope).toContain(gridA)
    const seen = new Set(events.map((e) => e.id))
    for (const e of hidden) expect(seen.has(e.id)).toBe(false)
  })

  it("refuses a cursor it did not hand out and an out-of-range limit", async () => {
    for (const query of ["after=abc", "after=-1", "limit=0", "limit=100000", "limit=2.5"]) {
      const response = await f.call("GET", `/events?${query}`, { token: "worker" })
      const body = await json(response)
      expect(response.status, query).toBe(422)
      expect(body.code).toBe("invalid_input")
      expect(body.errors.length).toBeGreaterThan(0)
    }
  })

  it("describes every context's event payloads in the OpenAPI document, and serves grid payloads that match it", async () => {
    const doc = await json(await f.call("GET", "/openapi.json"))
    const schemas = JSON.stringify(doc.components.schemas)
    for (const schema of [...GridFeedEvents, ...PointsFeedEvents, ...MatchingFeedEvents, ...MediationFeedEvents, ...DeliberationFeedEvents, ...JobsFeedEvents, ...PlacesFeedEvents, ...ActivitiesFeedEvents, ...VisitsFeedEvents, ...PartnersFeedEvents, ...PartyFeedEvents, ...IntakeFeedEvents]) {
      expect(schemas).toContain(`"${schema.fields.type.literal}"`)
    }
    const feed = await json(await f.call("GET", `/events?limit=1000&county=${f.tiny.county.id}`, { token: "system" }))
    const byType = new Map(GridFeedEvents.map((schema) => [schema.fields.type.literal as string, schema]))
    for (const e of feed.items) {
      const schema = byType.get(e.type)
      expect(schema, e.type).toBeDefined()
      expect(Object.keys(e.payload).sort()).toEqual(Object.keys(schema!.fields.payload.fields).sort())
      Schema.decodeUnknownSync(schema!)(e)
    }
  })

  it("implies the county of an actor who reads one, and lets it name that county", async () => {
    const implied = (await readAll("admin", 5)).flat()
    const named = (await readAll("admin", 5, f.tiny.county.id)).flat()
    expect(implied.length).toBeGreaterThan(10)
    expect(named.map((e) => e.id)).toEqual(implied.map((e) => e.id))
    expect(implied.every((e) => e.scope[0] === f.tiny.county.id)).toBe(true)
  })

  it("requires the county, naming the field, from an actor who may read several", async () => {
    const response = await f.call("GET", "/events?limit=5", { token: "system" })
    const body = await json(response)
    expect(response.status).toBe(422)
    expect(body.code).toBe("invalid_input")
    expect(JSON.stringify(body.errors)).toContain("county")
    const malformed = await f.call("GET", "/events?county=not-a-node", { token: "system" })
    expect(malformed.status).toBe(422)
  })

  it("reads each county apart, and refuses a county the actor may not read", async () => {
    const other = await Effect.runPromise(f.grid.createCounty(sys, { code: "370899", name: "邻县" }))
    await Effect.runPromise(f.grid.createNode(sys, { parentId: other.id, code: "S1", name: "邻街" }))
    await f.enrol("otherAdmin", { nodeId: other.id, name: "邻县管理员" }, [{ nodeId: other.id, role: "county_admin" }])
    const theirs = (await readAll("otherAdmin", 100)).flat()
    expect(theirs.length).toBeGreaterThan(0)
    expect(theirs.every((e) => e.scope[0] === other.id)).toBe(true)
    expect((await readAll("system", 100, other.id)).flat().map((e) => e.id)).toEqual(theirs.map((e) => e.id))
    // Ours is not theirs, and ours is the same read as before the neighbour wrote.
    const ours = (await readAll("admin", 100)).flat()
    expect(ours.some((e) => e.scope[0] === other.id)).toBe(false)
    // Hostile: the neighbour's admin names our county; our worker names theirs; no one names a node that is no county.
    for (const [token, county] of [["otherAdmin", f.tiny.county.id], ["worker", other.id], ["admin", other.id], ["admin", f.tiny.streets[0].id]] as const) {
      const response = await f.call("GET", `/events?limit=5&county=${county}`, { token })
      expect([403, 404], `${token} ${county}`).toContain(response.status)
      expect(JSON.stringify(await json(response))).not.toContain("items")
    }
  })

  it("refuses an actor without events.read", async () => {
    // A resident sees the structure only: it has no events.read anywhere.
    const response = await f.call("GET", "/events", { token: "resident" })
    expect(response.status).toBe(403)
    expect((await json(response)).code).toBe("forbidden")
  })
})
