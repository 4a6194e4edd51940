/**
 * The typed client against the fetch handler, in process: every call goes through the
 * real HTTP encoding, routing, middleware and problem decoding, without a socket.
 */
import { Conflict, Forbidden, InvalidInput, NotFound } from "@mulin/core"
import { Effect } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { makeClient, Unauthorized } from "../src/client.js"
import { type Fixture, setup } from "./helpers.js"

describe("typed client", () => {
  let f: Fixture
  beforeAll(async () => {
    f = await setup()
  })
  afterAll(() => f.dispose())

  const client = (token?: string) =>
    makeClient({ baseUrl: "http://mulin.test", fetch: f.fetch, ...(token === undefined ? {} : { token }) })

  it("round-trips the grid use cases", async () => {
    const result = await Effect.runPromise(Effect.gen(function*() {
      const api = yield* client("system")
      expect(yield* api.health()).toEqual({ ok: true })
      expect(yield* api.me()).toMatchObject({ kind: "system", grants: [{ role: "system", scope: "*" }] })
      expect((yield* (yield* client("worker")).me()).id).toBe(f.tiny.people.worker.id)

      const county = yield* api.counties.create({ payload: { code: "370000", name: "测试县" } })
      expect(county.levels).toHaveLength(6)
      const counties = yield* api.counties.list()
      expect(counties.map((c) => c.id)).toContain(county.id)
      expect((yield* api.counties.get({ params: { id: county.id } })).code).toBe("370000")

      let parent = county.id
      const chain = []
      for (const [code, name] of [["S1", "街道"], ["C1", "社区"], ["G1", "网格"], ["B1", "1号楼"], ["U1", "1单元"]] as const) {
        const node = yield* api.nodes.create({ payload: { parentId: parent, code, name } })
        chain.push(node)
        parent = node.id
      }
      const [street, community, gridNode, building, unit] = chain
      expect(unit!.level).toBe("unit")

      const renamed = yield* api.nodes.update({ params: { id: street!.id }, payload: { name: "新街道", expectedVersion: 1 } })
      expect(renamed).toMatchObject({ name: "新街道", version: 2 })
      expect((yield* api.nodes.get({ params: { id: street!.id } })).name).toBe("新街道")

      const page = yield* api.nodes.children({ params: { id: county.id }, query: { limit: 10 } })
      expect(page.items.map((n) => n.id)).toEqual([street!.id])
      expect(page.next).toBeNull()
      expect((yield* api.nodes.ancestors({ params: { id: unit!.id } })).map((n) => n.id)).toEqual([county.id, ...chain.slice(0, 4).map((n) => n.id)])

      const household = yield* api.households.create({
        payload: { nodeId: unit!.id, code: "101", residents: [{ name: "张三", phone: "13812345678", relation: "head" }] }
      })
      expect(household).toMatchObject({ code: "101", masked: false })
      const updated = yield* api.households.update({ params: { id: household.id }, payload: { code: "102" } })
      expect(updated.code).toBe("102")
      expect((yield* api.households.get({ params: { id: household.id } })).code).toBe("102")

      const person = yield* api.people.create({ payload: { nodeId: community!.id, code: "P001", name: "李楼长" } })
      expect((yield* api.people.get({ params: { id: person.id } })).name).toBe("李楼长")
      const phoned = yield* api.people.update({ params: { id: person.id }, payload: { phone: "13912345678", expectedVersion: 1 } })
      expect(phoned).toMatchObject({ phone: "13912345678", householdId: null, version: 2 })
      const link = yield* api.people.link({ params: { id: person.id }, payload: { issuer: "https://sso.test", subject: "li" } })
      expect(link).toMatchObject({ issuer: "https://sso.test", subject: "li", personId: person.id })
      expect((yield* api.people.subjects({ params: { id: person.id } })).map((l) => l.subject)).toEqual(["li"])
      expect(yield* api.people.unlink({ params: { id: person.id }, payload: { issuer: "https://sso.test", subject: "li" } })).toEqual([])
      const assignment = yield* api.assignments.create({
        payload: { personId: person.id, nodeId: building!.id, role: "building_leader", startDate: "2026-01-01" }
      })
      const servers = yield* api.households.servers({ params: { id: household.id }, query: { date: "2026-06-01" } })
      expect(servers.servers.map((s) => [s.role, s.person.id])).toEqual([["building_leader", person.id]])

      const coverage = yield* api.nodes.coverage({ params: { id: gridNode!.id }, query: { date: "2026-06-01" } })
      expect(coverage.units).toBe(1)
      expect(coverage.withoutBuildingLeader.count).toBe(0)
      const summary = yield* api.nodes.summary({ params: { id: county.id } })
      expect(summary.households).toBe(1)
      expect((yield* api.nodes.households({ params: { id: county.id }, query: {} })).items).toHaveLength(1)
      expect((yield* api.nodes.people({ params: { id: county.id }, query: {} })).items.map((p) => p.id)).toEqual([person.id])
      expect((yield* api.nodes.assignments({ params: { id: county.id }, query: {} })).items.map((a) => a.id)).toEqual([assignment.id])

      const ended = yield* api.assignments.end({ params: { id: assignment.id }, payload: { endDate: "2026-12-31" } })
      expect(ended.endDate).toBe("2026-12-31")

      const spare = yield* api.nodes.create({ payload: { parentId: community!.id, code: "G2", name: "网格2" } })
      const moved = yield* api.nodes.move({ params: { id: spare.id }, payload: { newParentId: street!.id } })
      expect(moved.parentId).toBe(street!.id)
      const archived = yield* api.nodes.archive({ params: { id: moved.id }, payload: {} })
      expect(archived).toMatchObject({ archivedNodes: 0, archivedHouseholds: 0, node: { status: "archived" } })

      const feed = yield* api.events.list({ query: { limit: 1000, county: county.id } })
      return feed.items.filter((e) => e.scope[0] === county.id).map((e) => e.type)
    }))
    expect(result).toEqual([
      "grid.county.created",
      ...Array(5).fill("grid.node.created"),
      "grid.node.updated",
      "grid.household.created",
      "grid.household.updated",
      "grid.person.created",
      "grid.person.updated",
      "grid.person.subject_linked",
      "grid.person.subject_unlinked",
      "grid.assignment.created",
      "grid.assignment.ended",
      "grid.node.created",
      "grid.node.moved",
      "grid.node.archived"
    ])
  })

  it("decodes problems back into the error classes", async () => {
    const { tiny } = f
    const errors = await Effect.runPromise(Effect.gen(function*() {
      const admin = yield* client("admin")
      const worker = yield* client("worker")
      const stranger = yield* client("nope")
      const anonymous = yield* client()
      // A well-formed id from 1970: ids made in one millisecond differ only in their last characters.
      const missingId = tiny.grids[0].id.replace(/^node_.{10}/, "node_0000000000") as typeof tiny.grids[0]["id"]
      return {
        notFound: yield* admin.nodes.get({ params: { id: missingId } }).pipe(Effect.flip),
        hidden: yield* worker.nodes.get({ params: { id: tiny.grids[1].id } }).pipe(Effect.flip),
        forbidden: yield* worker.nodes.create({ payload: { parentId: tiny.grids[0].id, code: "B9", name: "9号楼" } }).pipe(Effect.flip),
        conflict: yield* admin.nodes.update({ params: { id: tiny.grids[0].id }, payload: { name: "x", expectedVersion: 99 } }).pipe(Effect.flip),
        invalid: yield* admin.households.create({ payload: { nodeId: tiny.grids[0].id, code: "1", residents: [{ name: "钱进" }] } }).pipe(Effect.flip),
        badToken: yield* stranger.counties.list().pipe(Effect.flip),
        noToken: yield* anonymous.counties.list().pipe(Effect.flip)
      }
    }))
    expect(errors.notFound).toBeInstanceOf(NotFound)
    expect(errors.notFound).toMatchObject({ entity: "grid node", messageZh: expect.stringContaining("未找到") })
    expect(errors.forbidden).toBeInstanceOf(Forbidden)
    expect(errors.forbidden).toMatchObject({ action: "grid.node.write" })
    // Outside its subtree the worker is not even told the node exists.
    expect(errors.hidden).toBeInstanceOf(NotFound)
    expect(errors.conflict).toBeInstanceOf(Conflict)
    expect(errors.conflict).toMatchObject({ reason: "version_mismatch" })
    expect(errors.invalid).toBeInstanceOf(InvalidInput)
    expect((errors.invalid as InvalidInput).issues.map((i) => i.path)).toEqual(["nodeId"])
    expect(errors.badToken).toBeInstanceOf(Unauthorized)
    expect(errors.noToken).toBeInstanceOf(Unauthorized)
  })
})
