/**
 * The storage conformance suite. Every adapter — the in-memory one, SQLite, and any store a
 * county writes for its own database — calls {@link gridStoreConformance} from a vitest file
 * and must pass every case. The cases run through the `Grid` use cases where a contract is
 * visible there, and against the ports directly where it is not (rollback, batches).
 *
 * @since 0.1.0
 */
import { Effect, Exit, Layer, Option } from "effect"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import { systemActor } from "../kernel/actor.js"
import { Directory } from "../kernel/directory.js"
import { IdGenerator, newEventId, newGridNodeId, newHouseholdId, newPersonId, type GridNodeId, type PersonId } from "../kernel/ids.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import type { GridNode } from "../grid/model.js"
import { Grid } from "../grid/service.js"
import { GridStore, type SubjectLink } from "../grid/store.js"
import { eventLogCountyCases } from "./eventLogConformance.js"
import { actorWith, buildTinyCounty } from "./fixtures.js"

/**
 * The ports a store provides.
 *
 * @category models
 * @since 0.1.0
 */
export type StorePorts = GridStore | Directory | EventLog | UnitOfWork

/**
 * Capabilities a store may lack, each with the reason, so a skipped case is a documented
 * decision rather than a silent gap.
 *
 * @category models
 * @since 0.1.0
 */
export interface ConformanceOptions {
  /** Runs of the random-tree property test (default 25). */
  readonly propertyRuns?: number
}

const sys = systemActor()
const DATE = "2026-06-01"

/**
 * Registers the conformance cases for a store. `makeLayer` is called once per case and must
 * return a layer building a fresh, empty store.
 *
 * @category conformance
 * @since 0.1.0
 */
export const gridStoreConformance = (
  name: string,
  makeLayer: () => Layer.Layer<StorePorts, unknown>,
  options: ConformanceOptions = {}
): void => {
  const run = <A, E>(effect: Effect.Effect<A, E, Grid | StorePorts | IdGenerator>): Promise<A> =>
    Effect.runPromise(
      effect.pipe(
        Effect.provide(Grid.layer.pipe(Layer.provideMerge(Layer.mergeAll(makeLayer(), IdGenerator.layer)))),
        Effect.scoped
      ) as Effect.Effect<A, unknown>
    )

  const allEvents = Effect.flatMap(EventLog, (log) => log.read({ after: 0, limit: 100_000, scopes: "*" }))

  describe(`grid store conformance: ${name}`, () => {
    eventLogCountyCases(run, Math.min(options.propertyRuns ?? 10, 10))

    it("creates a county and nodes, reads them back, lists children page by page", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const county = yield* grid.createCounty(sys, { code: "C1", name: "兖州区" })
        expect(county.levels.map((l) => l.key)).toEqual(["county", "street", "community", "grid", "building", "unit"])
        const street = yield* grid.createNode(sys, { parentId: county.id, code: "S1", name: "鼓楼街道" })
        expect(street).toMatchObject({ countyId: county.id, parentId: county.id, path: [county.id], level: "street", depth: 1, version: 1 })
        expect(yield* grid.getNode(sys, street.id)).toEqual(street)
        const made: Array<GridNode> = []
        for (let i = 0; i < 5; i++) made.push(yield* grid.createNode(sys, { parentId: street.id, code: `c${i}`, name: `社区${i}` }))
        const seen: Array<string> = []
        let after: string | undefined
        let pages = 0
        do {
          const page = yield* grid.children(sys, street.id, { after, limit: 2 })
          seen.push(...page.items.map((n) => n.id))
          after = page.next ?? undefined
          pages++
        } while (after !== undefined)
        expect(pages).toBe(3)
        expect(seen).toEqual(made.map((n) => n.id).sort())
        expect((yield* grid.listCounties(sys)).map((c) => c.id)).toEqual([county.id])
      })))

    it("keeps node codes unique among live siblings and writes nothing on a clash", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const county = yield* grid.createCounty(sys, { code: "C1", name: "兖州区" })
        const first = yield* grid.createNode(sys, { parentId: county.id, code: "S1", name: "一" })
        const before = (yield* allEvents).length
        const clash = yield* Effect.flip(grid.createNode(sys, { parentId: county.id, code: "S1", name: "二" }))
        expect(clash).toMatchObject({ _tag: "Conflict", reason: "duplicate_code" })
        expect((yield* allEvents).length).toBe(before)
        expect((yield* grid.children(sys, county.id)).items).toHaveLength(1)
        const dupCounty = yield* Effect.flip(grid.createCounty(sys, { code: "C1", name: "again" }))
        expect(dupCounty).toMatchObject({ _tag: "Conflict", reason: "duplicate_code" })
        // Once archived, the code is free again.
        yield* grid.archiveNode(sys, first.id, {})
        const reused = yield* grid.createNode(sys, { parentId: county.id, code: "S1", name: "新一" })
        expect(reused.code).toBe("S1")
      })))

    it("orders levels: a child is deeper than its parent, the smallest level has no children", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const county = yield* grid.createCounty(sys, { code: "C1", name: "县", levels: [
          { key: "county", nameZh: "县", nameEn: "county" },
          { key: "town", nameZh: "镇", nameEn: "town" },
          { key: "village", nameZh: "村", nameEn: "village" }
        ] })
        const skip = yield* grid.createNode(sys, { parentId: county.id, level: "village", code: "V1", name: "村一" })
        expect(skip).toMatchObject({ level: "village", depth: 2 })
        const up = yield* Effect.flip(grid.createNode(sys, { parentId: skip.id, level: "town", code: "T1", name: "镇" }))
        expect(up).toMatchObject({ _tag: "InvalidInput" })
        const below = yield* Effect.flip(grid.createNode(sys, { parentId: skip.id, code: "X", name: "x" }))
        expect(below).toMatchObject({ _tag: "InvalidInput" })
        const unknown = yield* Effect.flip(grid.createNode(sys, { parentId: county.id, level: "planet", code: "P", name: "p" }))
        expect(unknown._tag).toBe("InvalidInput")
        if (unknown._tag === "InvalidInput") expect(unknown.issues[0]?.path).toBe("level")
      })))

    it("rejects a stale expected version and bumps the version on update", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const county = yield* grid.createCounty(sys, { code: "C1", name: "县" })
        const street = yield* grid.createNode(sys, { parentId: county.id, code: "S1", name: "一" })
        const renamed = yield* grid.updateNode(sys, street.id, { name: "鼓楼", expectedVersion: 1 })
        expect(renamed).toMatchObject({ name: "鼓楼", version: 2 })
        const stale = yield* Effect.flip(grid.updateNode(sys, street.id, { name: "旧", expectedVersion: 1 }))
        expect(stale).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
        expect((yield* grid.getNode(sys, street.id)).name).toBe("鼓楼")
      })))

    it("moves a subtree, rewriting every descendant's path, and refuses cycles and level inversions", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const t = yield* buildTinyCounty()
        const moved = yield* grid.moveNode(sys, t.grids[0].id, { newParentId: t.communities[1].id })
        expect(moved.path).toEqual([t.county.id, t.streets[1].id, t.communities[1].id])
        const unit = yield* grid.getNode(sys, t.units[0].id)
        expect(unit.path).toEqual([t.county.id, t.streets[1].id, t.communities[1].id, t.grids[0].id, t.buildings[0].id])
        expect((yield* grid.ancestors(sys, t.units[0].id)).map((n) => n.id)).toEqual(unit.path)
        const cycle = yield* Effect.flip(grid.moveNode(sys, t.streets[1].id, { newParentId: t.units[0].id }))
        expect(cycle._tag).toBe("InvalidInput")
        const inverted = yield* Effect.flip(grid.moveNode(sys, t.buildings[1].id, { newParentId: t.units[0].id }))
        expect(inverted._tag).toBe("InvalidInput")
        const county2 = yield* grid.createCounty(sys, { code: "C2", name: "另一县" })
        // A parent in another county is not found: the move's county is the node's.
        const other = yield* Effect.flip(grid.moveNode(sys, t.streets[0].id, { newParentId: county2.id }))
        expect(other._tag).toBe("NotFound")
        expect((yield* grid.summary(sys, t.communities[1].id)).households).toBe(4)
      })))

    it("refuses to archive a node with live children or households unless cascading", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const t = yield* buildTinyCounty()
        const refused = yield* Effect.flip(grid.archiveNode(sys, t.units[0].id, {}))
        expect(refused).toMatchObject({ _tag: "Conflict", reason: "has_live_children" })
        const done = yield* grid.archiveNode(sys, t.streets[0].id, { cascade: true })
        expect(done).toMatchObject({ archivedNodes: 5, archivedHouseholds: 2 })
        expect(done.node.status).toBe("archived")
        const summary = yield* grid.summary(sys, t.county.id)
        expect(summary.households).toBe(2)
        expect(summary.levels.find((l) => l.level === "unit")?.count).toBe(2)
        const again = yield* Effect.flip(grid.createNode(sys, { parentId: t.streets[0].id, code: "X", name: "x" }))
        expect(again).toMatchObject({ _tag: "Conflict", reason: "archived" })
      })))

    it("counts a subtree per level, with households and residents", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const t = yield* buildTinyCounty()
        const s = yield* grid.summary(sys, t.county.id)
        expect(s.levels.map((l) => [l.level, l.count])).toEqual([["county", 1], ["street", 2], ["community", 2], ["grid", 2], ["building", 2], ["unit", 4]])
        expect(s).toMatchObject({ households: 4, residents: 4 })
        const g = yield* grid.summary(sys, t.grids[0].id)
        expect(g.levels.map((l) => l.count)).toEqual([1, 1, 2])
      })))

    it("finds who serves a household: nearest current assignee per role and the party organisation", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const t = yield* buildTinyCounty()
        const served = yield* grid.whoServes(sys, t.households[0]!.id, { date: DATE })
        const byRole = Object.fromEntries(served.servers.map((s) => [s.role, s]))
        expect(byRole["grid_worker"]?.person.id).toBe(t.people.worker.id)
        expect(byRole["building_leader"]?.nodeId).toBe(t.buildings[0].id)
        expect(byRole["party_member"]?.person.name).toBe("赵党员")
        expect(served.partyOrganisation).toEqual({ nodeId: t.grids[0].id, name: "网格1党支部" })
        // A nearer building leader at the unit wins; an ended one does not count.
        const near = yield* grid.createPerson(sys, { nodeId: t.communities[0].id, code: "L2", name: "钱单元长" })
        const asg = yield* grid.assignRole(sys, { personId: near.id, nodeId: t.units[0].id, role: "building_leader", startDate: "2026-01-01" })
        expect((yield* grid.whoServes(sys, t.households[0]!.id, { date: DATE })).servers.find((s) => s.role === "building_leader")?.person.id).toBe(near.id)
        yield* grid.endAssignment(sys, asg.id, { endDate: "2026-03-01" })
        expect((yield* grid.whoServes(sys, t.households[0]!.id, { date: DATE })).servers.find((s) => s.role === "building_leader")?.person.id).toBe(t.people.leader.id)
        // The other branch is served by its own secretary and grid worker, and the county's administrator.
        const other = yield* grid.whoServes(sys, t.households[2]!.id, { date: DATE })
        expect(other.servers.map((s) => s.person.id).sort()).toEqual([t.people.admin.id, t.people.secretary2.id, t.people.worker2.id].sort())
      })))

    it("reads a household with its unit's path, the nearest current assignee per role and their people at once", () =>
      run(Effect.gen(function*() {
        const store = yield* GridStore
        const grid = yield* Grid
        const t = yield* buildTinyCounty()
        const id = t.households[0]!.id
        const path = [...t.units[0].path, t.units[0].id]
        const read = Effect.map(store.getHouseholdServers(id, DATE), Option.getOrThrow)
        const ids = (xs: ReadonlyArray<{ readonly id: string }>) => xs.map((x) => x.id).sort()
        const first = yield* read
        expect(first.household).toEqual(Option.getOrThrow(yield* store.getHousehold(id)))
        const stored = new Map((yield* store.getNodes(path)).map((n) => [n.id, n]))
        expect(first.nodes).toEqual(path.map((n) => stored.get(n)))
        // One current assignment per role here, so each is the nearest.
        const current = yield* store.currentAssignmentsAt(path, DATE)
        expect(ids(first.assignments)).toEqual(ids(current))
        const everyone = Object.values(t.people)
        const peopleOf = (assignments: ReadonlyArray<{ readonly personId: string }>) => everyone.filter((p) => assignments.some((a) => a.personId === p.id))
        expect(ids(first.people)).toEqual(ids(peopleOf(current)))
        expect(ids(first.people)).toEqual(expect.arrayContaining(ids([t.people.worker, t.people.leader, t.people.member])))
        // A building leader at the unit is nearer than the one at the building, until it ends.
        const near = yield* grid.createPerson(sys, { nodeId: t.communities[0].id, code: "L2", name: "钱单元长" })
        const nearer = yield* grid.assignRole(sys, { personId: near.id, nodeId: t.units[0].id, role: "building_leader", startDate: "2026-01-01" })
        const second = yield* read
        expect(second.assignments.filter((a) => a.role === "building_leader")).toEqual([nearer])
        expect(ids(second.people)).toEqual(ids([...peopleOf(current).filter((p) => p.id !== t.people.leader.id), near]))
        yield* grid.endAssignment(sys, nearer.id, { endDate: "2026-03-01" })
        const third = yield* read
        expect(ids(third.assignments)).toEqual(ids(current))
        expect(ids(third.people)).toEqual(ids(first.people))
        // Another branch: its own path and the people serving it.
        const other = Option.getOrThrow(yield* store.getHouseholdServers(t.households[2]!.id, DATE))
        expect(other.nodes.map((n) => n.id)).toEqual([...t.units[2].path, t.units[2].id])
        expect(ids(other.people)).toEqual(ids([t.people.admin, t.people.secretary2, t.people.worker2]))
        expect(Option.isNone(yield* store.getHouseholdServers(yield* newHouseholdId, DATE))).toBe(true)
      })))

    it("reports coverage gaps per smallest unit with totals and percentages", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const t = yield* buildTinyCounty()
        const report = yield* grid.coverage(sys, t.county.id, { date: DATE })
        expect(report.units).toBe(4)
        expect(report.fullyCovered).toEqual({ count: 2, percent: 50 })
        expect(report.withoutBuildingLeader).toEqual({ count: 2, percent: 50 })
        expect(report.withoutPartyMember).toEqual({ count: 2, percent: 50 })
        expect(report.withoutPartyOrganisation).toEqual({ count: 0, percent: 0 })
        expect(report.gaps.map((g) => g.unitId).sort()).toEqual([t.units[2].id, t.units[3].id].sort())
        expect(report.gaps[0]?.missing).toEqual(["building_leader", "party_member"])
        expect(report.gaps[0]?.place).toContain("2号楼")
        const sub = yield* grid.coverage(sys, t.buildings[0].id, { date: DATE })
        expect(sub.fullyCovered.count).toBe(2)
        const limited = yield* grid.coverage(sys, t.county.id, { date: DATE, limit: 1 })
        expect(limited).toMatchObject({ gapsTruncated: true })
        expect(limited.gaps).toHaveLength(1)
      })))

    it("masks personal data unless the role may see it, and keeps actors inside their subtree", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const t = yield* buildTinyCounty()
        const own = yield* grid.getHousehold(t.gridWorker, t.households[0]!.id)
        expect(own.masked).toBe(false)
        expect(own.residents[0]?.phone).toBe("13812340000")
        const leader = actorWith("leader", { role: "building_leader", scope: t.buildings[0].id })
        const masked = yield* grid.getHousehold(leader, t.households[0]!.id)
        expect(masked.masked).toBe(true)
        expect(masked.residents[0]).toMatchObject({ name: "张*", phone: "138****0000" })
        // Outside its subtree nothing is even admitted to exist.
        const outside = yield* Effect.flip(grid.getHousehold(t.gridWorker, t.households[2]!.id))
        expect(outside._tag).toBe("NotFound")
        expect((yield* Effect.flip(grid.getNode(t.gridWorker, t.grids[1].id)))._tag).toBe("NotFound")
        // Inside it, an action the role lacks is refused as such.
        const write = yield* Effect.flip(grid.createNode(t.gridWorker, { parentId: t.grids[0].id, code: "B9", name: "9号楼" }))
        expect(write._tag).toBe("Forbidden")
        // Staff registered at the community are visible (masked) to the worker below it.
        expect((yield* grid.getPerson(t.gridWorker, t.people.leader.id)).name).toBe("王**")
        expect((yield* grid.getCounty(t.gridWorker, t.county.id)).levels).toHaveLength(6)
      })))

    it("finds a node by its code path, within the actor's subtree only", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const t = yield* buildTinyCounty("370812")
        expect((yield* grid.findNode(sys, "370812/S1/C1/G1/B1/2")).id).toBe(t.units[1].id)
        expect((yield* grid.findNode(t.gridWorker, "370812/S1/C1/G1")).id).toBe(t.grids[0].id)
        expect((yield* Effect.flip(grid.findNode(t.gridWorker, "370812/S2/C2/G2")))._tag).toBe("NotFound")
        expect((yield* Effect.flip(grid.findNode(sys, "370812/S9")))._tag).toBe("NotFound")
        expect((yield* Effect.flip(grid.findNode(sys, "999999")))._tag).toBe("NotFound")
      })))

    it("appends one event per change, in order, and filters the feed by subtree", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const t = yield* buildTinyCounty()
        const events = yield* allEvents
        // 1 county + 12 nodes + 4 households + 13 people + 11 assignments
        expect(events).toHaveLength(41)
        expect(events.map((e) => e.position)).toEqual([...events.map((e) => e.position)].sort((a, b) => a - b))
        expect(new Set(events.map((e) => e.position)).size).toBe(events.length)
        expect(events.every((e) => e.actor.id === "system")).toBe(true)
        const mine = yield* grid.events(t.gridWorker, { limit: 1000 })
        expect(mine.items.length).toBeGreaterThan(0)
        expect(mine.items.every((e) => e.scope.includes(t.grids[0].id))).toBe(true)
        const firstPage = yield* grid.events(t.admin, { limit: 5 })
        const secondPage = yield* grid.events(t.admin, { after: firstPage.next!, limit: 5 })
        expect(secondPage.items[0]!.position).toBeGreaterThan(firstPage.items[4]!.position)
        expect(JSON.stringify(events)).not.toContain("13812340000")
      })))

    it("rolls back every write of a failed unit of work, and joins nested ones", () =>
      run(Effect.gen(function*() {
        const store = yield* GridStore
        const uow = yield* UnitOfWork
        const log = yield* EventLog
        const grid = yield* Grid
        const county = yield* grid.createCounty(sys, { code: "C1", name: "县" })
        const root = yield* grid.getNode(sys, county.id)
        const child = (code: string): Effect.Effect<GridNode, never, IdGenerator> =>
          Effect.map(newGridNodeId, (id) => ({ ...root, id, parentId: root.id, path: [root.id], level: "street", depth: 1, code, name: code, version: 1 }))
        const a = yield* child("A")
        const b = yield* child("B")
        const eventId = yield* newEventId
        const exit = yield* Effect.exit(uow.transaction(Effect.gen(function*() {
          yield* store.insertNodes([a])
          yield* uow.transaction(store.insertNodes([b]))
          yield* log.append([{ id: eventId, type: "t", aggregateType: "x", aggregateId: a.id, version: 1, actor: { id: "s", kind: "system" }, at: a.createdAt, scope: [], payload: {} }])
          return yield* Effect.fail("boom" as const)
        })))
        expect(Exit.isFailure(exit)).toBe(true)
        expect(Option.isNone(yield* store.getNode(a.id))).toBe(true)
        expect(Option.isNone(yield* store.getNode(b.id))).toBe(true)
        expect((yield* allEvents).some((e) => e.id === eventId)).toBe(false)
        // A batch with a clash inside writes nothing.
        const c = yield* child("C")
        const c2 = yield* child("C")
        const clash = yield* Effect.flip(uow.transaction(store.insertNodes([c, c2])))
        expect(clash).toMatchObject({ _tag: "Conflict" })
        expect(Option.isNone(yield* store.getNode(c.id))).toBe(true)
        const died = yield* Effect.exit(uow.transaction(Effect.andThen(store.insertNodes([c]), Effect.die("crash"))))
        expect(Exit.isFailure(died)).toBe(true)
        expect(Option.isNone(yield* store.getNode(c.id))).toBe(true)
      })))

    it("serialises concurrent units of work: twenty concurrent renames all apply, none is lost", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const county = yield* grid.createCounty(sys, { code: "C1", name: "县" })
        const street = yield* grid.createNode(sys, { parentId: county.id, code: "S1", name: "街" })
        yield* Effect.forEach(Array.from({ length: 20 }, (_, i) => i), (i) => grid.updateNode(sys, street.id, { name: `街${i}` }), { concurrency: "unbounded" })
        expect((yield* grid.getNode(sys, street.id)).version).toBe(21)
        const updates = (yield* allEvents).filter((e) => e.type === "grid.node.updated" && e.aggregateId === street.id)
        expect(updates.map((e) => e.version)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2))
        // Two writers with the same expected version: exactly one wins.
        const results = yield* Effect.forEach([1, 2], (i) => Effect.result(grid.updateNode(sys, street.id, { name: `x${i}`, expectedVersion: 21 })), { concurrency: "unbounded" })
        expect(results.filter((r) => r._tag === "Success")).toHaveLength(1)
      })))

    it("writes nothing for an update that changes nothing: same version, no event", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const store = yield* GridStore
        const t = yield* buildTinyCounty()
        const hh = t.households[0]!
        const before = (yield* allEvents).length
        const same = yield* grid.updateHousehold(sys, hh.id, { code: hh.code, residents: [{ name: "张伟", phone: "13812340000", relation: "head" }] })
        expect(same.version).toBe(hh.version)
        yield* grid.updateNode(sys, t.grids[0].id, { name: t.grids[0].name })
        yield* grid.updatePerson(sys, t.people.worker.id, { name: "李网格" })
        expect((yield* allEvents).length).toBe(before)
        expect(Option.getOrThrow(yield* store.getHousehold(hh.id)).version).toBe(hh.version)
        expect(Option.getOrThrow(yield* store.getNode(t.grids[0].id)).version).toBe(t.grids[0].version)
        expect(Option.getOrThrow(yield* store.getPerson(t.people.worker.id)).version).toBe(t.people.worker.version)
        // A person's household is stored and read back.
        const moved = yield* grid.updatePerson(sys, t.people.worker.id, { nodeId: t.units[0].id, householdId: hh.id })
        expect(Option.getOrThrow(yield* store.getPerson(t.people.worker.id))).toMatchObject({ nodeId: t.units[0].id, householdId: hh.id, version: moved.version })
      })))

    it("links a sign-in subject to one person at a time, lists and unlinks it, and rolls a link back with its unit of work", () =>
      run(Effect.gen(function*() {
        const store = yield* GridStore
        const directory = yield* Directory
        const uow = yield* UnitOfWork
        const t = yield* buildTinyCounty()
        const at = "2026-06-01T08:00:00.000Z"
        const link = (personId: PersonId, issuer: string, subject: string): SubjectLink => ({ issuer, subject, personId, countyId: t.county.id, linkedAt: at })
        const worker = t.people.worker.id
        yield* uow.transaction(store.linkSubject(link(worker, "https://sso.example", "b")))
        yield* uow.transaction(store.linkSubject(link(worker, "demo", "token-1")))
        yield* uow.transaction(store.linkSubject(link(worker, "https://sso.example", "a")))
        // The same link again changes nothing; another person may not take it.
        yield* uow.transaction(store.linkSubject(link(worker, "demo", "token-1")))
        const taken = yield* Effect.flip(uow.transaction(store.linkSubject(link(t.people.leader.id, "demo", "token-1"))))
        expect(taken).toMatchObject({ _tag: "Conflict", reason: "subject_linked" })
        expect((yield* store.subjectsOf(worker)).map((l) => [l.issuer, l.subject])).toEqual([["demo", "token-1"], ["https://sso.example", "a"], ["https://sso.example", "b"]])
        expect(yield* store.subjectsOf(worker)).toContainEqual(link(worker, "demo", "token-1"))
        expect(yield* store.subjectsOf(t.people.leader.id)).toEqual([])
        expect(yield* directory.findSubject("demo", "token-1")).toEqual(Option.some(worker))
        expect(Option.isNone(yield* directory.findSubject("demo", "token-2"))).toBe(true)
        // Unlinking: true once, then false.
        expect(yield* uow.transaction(store.unlinkSubject("demo", "token-1"))).toBe(true)
        expect(yield* uow.transaction(store.unlinkSubject("demo", "token-1"))).toBe(false)
        expect(Option.isNone(yield* directory.findSubject("demo", "token-1"))).toBe(true)
        // A failed unit of work leaves no link and removes none.
        yield* Effect.exit(uow.transaction(Effect.andThen(store.linkSubject(link(t.people.leader.id, "demo", "token-3")), Effect.fail("boom"))))
        expect(Option.isNone(yield* directory.findSubject("demo", "token-3"))).toBe(true)
        yield* Effect.exit(uow.transaction(Effect.andThen(store.unlinkSubject("https://sso.example", "a"), Effect.fail("boom"))))
        expect(yield* directory.findSubject("https://sso.example", "a")).toEqual(Option.some(worker))
      })))

    it("reads a person's access in one piece: every post, the home's unit with its ancestors and the county's time zone", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const directory = yield* Directory
        const county = yield* grid.createCounty(sys, { code: "LA", name: "县", timeZone: "America/Los_Angeles" })
        const street = yield* grid.createNode(sys, { parentId: county.id, code: "S", name: "街道" })
        const community = yield* grid.createNode(sys, { parentId: street.id, code: "C", name: "社区" })
        const g = yield* grid.createNode(sys, { parentId: community.id, code: "G", name: "网格" })
        const building = yield* grid.createNode(sys, { parentId: g.id, code: "B", name: "楼" })
        const unit = yield* grid.createNode(sys, { parentId: building.id, code: "1", name: "单元" })
        const hh = yield* grid.createHousehold(sys, { nodeId: unit.id, code: "101", residents: [{ name: "张三" }] })
        const p = yield* grid.createPerson(sys, { nodeId: unit.id, code: "P", name: "张三", householdId: hh.id })
        yield* grid.assignRole(sys, { personId: p.id, nodeId: g.id, role: "volunteer", startDate: "2026-01-01", endDate: "2026-03-31" })
        yield* grid.assignRole(sys, { personId: p.id, nodeId: building.id, role: "building_leader", startDate: "2026-04-01" })
        const access = Option.getOrThrow(yield* directory.personAccess(p.id))
        expect(access.person).toEqual({ id: p.id, countyId: county.id, nodeId: unit.id, name: "张三", householdId: hh.id })
        expect(access.timeZone).toBe("America/Los_Angeles")
        const posts = [...access.posts].sort((a, b) => (a.startDate < b.startDate ? -1 : 1))
        expect(posts).toEqual([
          { role: "volunteer", nodeId: g.id, startDate: "2026-01-01", endDate: "2026-03-31" },
          { role: "building_leader", nodeId: building.id, startDate: "2026-04-01", endDate: null }
        ])
        expect(access.home.map((n) => n.id)).toEqual([county.id, street.id, community.id, g.id, building.id, unit.id])
        expect(access.home.map((n) => n.level)).toEqual(["county", "street", "community", "grid", "building", "unit"])
        // Once the household is archived, the person has no home.
        yield* grid.archiveNode(sys, unit.id, { cascade: true })
        expect(Option.getOrThrow(yield* directory.personAccess(p.id)).home).toEqual([])
        expect(Option.isNone(yield* directory.personAccess(yield* newPersonId))).toBe(true)
        // Places: live and archived alike, with their paths.
        expect(Option.getOrThrow(yield* directory.getPlace(unit.id))).toMatchObject({ id: unit.id, countyId: county.id, parentId: building.id, path: [county.id, street.id, community.id, g.id, building.id], depth: 5, level: "unit", status: "archived" })
        expect((yield* directory.getPlaces([county.id, unit.id, yield* newGridNodeId])).map((n) => n.id).sort()).toEqual([county.id, unit.id].sort())
      })))

    it("names the people and residents around a node: its community's below community level, people only above", () =>
      run(Effect.gen(function*() {
        const grid = yield* Grid
        const directory = yield* Directory
        const t = yield* buildTinyCounty()
        const sorted = (names: ReadonlyArray<string>) => [...names].sort()
        const community1 = ["李网格", "王楼长", "赵党员", "吴书记", "郑调解", "冯志愿", "陈理发", "张伟", "张芳"]
        // At a unit and at the community: everyone registered in community 1 and its households' residents.
        expect(sorted(yield* directory.namesAround(t.units[0].id))).toEqual(sorted(community1))
        expect(sorted(yield* directory.namesAround(t.communities[0].id))).toEqual(sorted(community1))
        expect(sorted(yield* directory.namesAround(t.grids[1].id))).toEqual(sorted(["褚书记", "卫网格", "张娜", "张敏"]))
        // Above the community level: the people registered in the subtree, not the residents.
        expect(sorted(yield* directory.namesAround(t.streets[0].id))).toEqual(sorted(["周街道", ...community1.filter((n) => n !== "张芳")]))
        expect(yield* directory.namesAround(yield* newGridNodeId)).toEqual([])
        // A new resident is named at once.
        yield* grid.updateHousehold(sys, t.households[1]!.id, { residents: [{ name: "张芳" }, { name: "钱多多" }] })
        expect(yield* directory.namesAround(t.buildings[0].id)).toContain("钱多多")
        // People registered at archived nodes still count; residents only of live households.
        yield* grid.archiveNode(sys, t.buildings[0].id, { cascade: true })
        const afterArchive = sorted(community1.filter((n) => n !== "张芳"))
        expect(sorted(yield* directory.namesAround(t.grids[0].id))).toEqual(afterArchive)
        expect(sorted(yield* directory.namesAround(t.units[1].id))).toEqual(afterArchive)
      })))

    it("keeps the tree valid under random sequences of create, move and archive (property)", async () => {
      type Op = { readonly kind: "create" | "move" | "archive"; readonly a: number; readonly b: number; readonly cascade: boolean }
      const op = fc.record({
        kind: fc.constantFrom("create" as const, "create" as const, "move" as const, "archive" as const),
        a: fc.nat(1000),
        b: fc.nat(1000),
        cascade: fc.boolean()
      })
      // Operations that succeeded over the whole run: a run where every one fails proves nothing.
      const succeeded = { create: 0, move: 0, archive: 0 }
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), (ops: ReadonlyArray<Op>) =>
          run(Effect.gen(function*() {
            const grid = yield* Grid
            const store = yield* GridStore
            const county = yield* grid.createCounty(sys, { code: "C", name: "县" })
            const ids: Array<GridNodeId> = [county.id]
            let code = 0
            for (const o of ops) {
              const target = ids[o.a % ids.length]!
              const other = ids[o.b % ids.length]!
              // Illegal operations must fail cleanly; legal ones must keep the tree valid.
              if (o.kind === "create") {
                const made = yield* Effect.result(grid.createNode(sys, { parentId: target, code: `n${code++}`, name: "n" }))
                if (made._tag === "Success") ids.push(made.success.id)
                if (made._tag === "Success") succeeded.create++
              } else if (o.kind === "move") {
                if ((yield* Effect.result(grid.moveNode(sys, target, { newParentId: other })))._tag === "Success") succeeded.move++
              } else {
                if ((yield* Effect.result(grid.archiveNode(sys, target, { cascade: o.cascade })))._tag === "Success") succeeded.archive++
              }
            }
            const all = yield* store.getNodes(ids)
            const byId = new Map(all.map((n) => [n.id, n]))
            const live = all.filter((n) => n.status === "active")
            for (const n of live) {
              if (n.parentId === null) continue
              const parent = byId.get(n.parentId)!
              expect(parent.status).toBe("active")
              expect(parent.depth).toBeLessThan(n.depth)
              expect(n.path).toEqual([...parent.path, parent.id])
              expect(new Set(n.path).size).toBe(n.path.length)
              expect(n.path).not.toContain(n.id)
            }
            const summary = yield* grid.summary(sys, county.id)
            const liveCount = summary.levels.reduce((s, l) => s + l.count, 0)
            expect(liveCount).toBe(live.length)
            expect((yield* store.outline(county.id)).length).toBe(live.length)
          })).then(() => true)
        ),
        { numRuns: options.propertyRuns ?? 25 }
      )
      expect(succeeded.create, `operations that succeeded: ${JSON.stringify(succeeded)}`).toBeGreaterThan(0)
      expect(succeeded.move + succeeded.archive, `operations that succeeded: ${JSON.stringify(succeeded)}`).toBeGreaterThan(0)
    })
  })
}
