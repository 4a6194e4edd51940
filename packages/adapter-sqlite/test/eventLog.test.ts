import { EventLog, Grid, type GridNodeId, type NewEvent, newEventId, newGridNodeId, systemActor, UnitOfWork } from "@mulin/core"
import { Effect } from "effect"
import { describe, expect, it } from "vitest"
import * as Sqlite from "../src/index.js"
import { runWith } from "./support.js"

const sys = systemActor()
describe("EventLog", () => {
  it("keeps showing a moved node's earlier events at the node, and at its old ancestors", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const grid = yield* Grid
      const log = yield* EventLog
      const county = yield* grid.createCounty(sys, { code: "C1", name: "县" })
      const s1 = yield* grid.createNode(sys, { parentId: county.id, code: "S1", name: "一" })
      const s2 = yield* grid.createNode(sys, { parentId: county.id, code: "S2", name: "二" })
      const c = yield* grid.createNode(sys, { parentId: s1.id, code: "C", name: "社区" })
      yield* grid.moveNode(sys, c.id, { newParentId: s2.id })
      yield* grid.updateNode(sys, c.id, { name: "新社区" })
      const types = (scopes: ReadonlyArray<GridNodeId>) =>
        Effect.map(log.read({ after: 0, limit: 100, scopes }), (events) => events.map((e) => `${e.type}@${e.aggregateId === c.id ? "c" : "-"}`))
      expect(yield* types([c.id])).toEqual(["grid.node.created@c", "grid.node.moved@c", "grid.node.updated@c"])
      expect(yield* types([s1.id])).toEqual(["grid.node.created@-", "grid.node.created@c"])
      expect(yield* types([s2.id])).toEqual(["grid.node.created@-", "grid.node.moved@c", "grid.node.updated@c"])
      // Overlapping scopes return each event once, in order.
      const both = yield* log.read({ after: 0, limit: 100, scopes: [county.id, s1.id, c.id] })
      expect(both.map((e) => e.position)).toEqual((yield* log.read({ after: 0, limit: 100, scopes: "*" })).map((e) => e.position))
    })))

  it("forgets the scope keys of a rolled-back append", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const log = yield* EventLog
      const uow = yield* UnitOfWork
      const x = yield* newGridNodeId
      const y = yield* newGridNodeId
      const base = { type: "t", aggregateType: "x", aggregateId: "x", version: 1, actor: { id: "s", kind: "system" as const }, at: "2026-01-01T00:00:00.000Z", payload: {} }
      const failed = yield* Effect.exit(uow.transaction(Effect.andThen(log.append([{ ...base, id: yield* newEventId, scope: [x] }]), Effect.fail("no"))))
      expect(failed._tag).toBe("Failure")
      // y may now get the key x had: x must not see y's events.
      yield* uow.transaction(log.append([{ ...base, id: yield* newEventId, scope: [y] }]))
      expect(yield* log.read({ after: 0, limit: 10, scopes: [x] })).toEqual([])
      expect((yield* log.read({ after: 0, limit: 10, scopes: [y] })).map((e) => e.scope)).toEqual([[y]])
      // Appended again for good, x gets a key of its own, and each node sees its own events only,
      // also on the following appends (which the log answers from the keys it has seen committed).
      for (let round = 0; round < 2; round++) {
        yield* uow.transaction(log.append([{ ...base, id: yield* newEventId, scope: [x] }, { ...base, id: yield* newEventId, scope: [y] }]))
      }
      expect((yield* log.read({ after: 0, limit: 10, scopes: [x] })).map((e) => e.scope)).toEqual([[x], [x]])
      expect((yield* log.read({ after: 0, limit: 10, scopes: [y] })).map((e) => e.scope)).toEqual([[y], [y], [y]])
    })))

  it("keeps the keys an append wrote for the rest of its transaction, but not those of an append that failed in it", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const log = yield* EventLog
      const uow = yield* UnitOfWork
      const [x, y, z] = [yield* newGridNodeId, yield* newGridNodeId, yield* newGridNodeId]
      const base = { type: "t", aggregateType: "x", aggregateId: "x", version: 1, actor: { id: "s", kind: "system" as const }, at: "2026-01-01T00:00:00.000Z", payload: {} }
      const taken = yield* newEventId
      yield* uow.transaction(Effect.gen(function*() {
        yield* log.append([{ ...base, id: yield* newEventId, scope: [x] }])
        // Fails on its second event (a duplicate id), after writing y's key: its savepoint undoes it.
        const failed = yield* Effect.exit(log.append([{ ...base, id: taken, scope: [y] }, { ...base, id: taken, scope: [y] }]))
        expect(failed._tag).toBe("Failure")
        // The transaction goes on: z may get the key y had, y one of its own; x keeps its own.
        yield* log.append([{ ...base, id: yield* newEventId, scope: [z] }])
        yield* log.append([{ ...base, id: yield* newEventId, scope: [y] }, { ...base, id: yield* newEventId, scope: [x] }])
      }))
      const scopesAt = (node: GridNodeId) => Effect.map(log.read({ after: 0, limit: 10, scopes: [node] }), (events) => events.map((e) => e.scope))
      expect(yield* scopesAt(x)).toEqual([[x], [x]])
      expect(yield* scopesAt(y)).toEqual([[y]])
      expect(yield* scopesAt(z)).toEqual([[z]])
    })))

  it("shows store-wide events only to '*', and pages by position", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const grid = yield* Grid
      const log = yield* EventLog
      const uow = yield* UnitOfWork
      const county = yield* grid.createCounty(sys, { code: "C1", name: "县" })
      const base = { type: "t", aggregateType: "x", aggregateId: "x", version: 1, actor: { id: "s", kind: "system" as const }, at: "2026-01-01T00:00:00.000Z" }
      const batch: Array<NewEvent> = []
      for (let i = 0; i < 10; i++) batch.push({ ...base, id: yield* newEventId, scope: i % 2 === 0 ? [] : [county.id], payload: { i, nested: { ok: true } } })
      yield* uow.transaction(log.append(batch))
      const all = yield* log.read({ after: 0, limit: 100, scopes: "*" })
      expect(all).toHaveLength(11)
      expect(all.slice(1).map((e) => e.payload)).toEqual(batch.map((e) => e.payload))
      expect(all[1]).toMatchObject({ ...batch[0], position: all[0]!.position + 1 })
      const scoped = yield* log.read({ after: 0, limit: 100, scopes: [county.id] })
      expect(scoped.map((e) => e.payload["i"])).toEqual([undefined, 1, 3, 5, 7, 9])
      expect(yield* log.read({ after: 0, limit: 100, scopes: [] })).toEqual([])
      const page = yield* log.read({ after: all[3]!.position, limit: 2, scopes: "*" })
      expect(page.map((e) => e.position)).toEqual([all[4]!.position, all[5]!.position])
    })))
})
