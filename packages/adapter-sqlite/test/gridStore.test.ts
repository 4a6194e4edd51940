import { type Assignment, GridStore, type Household, newAssignmentId, newHouseholdId, newPersonId, newResidentId, type Person, UnitOfWork } from "@mulin/core"
import { buildTinyCounty } from "@mulin/core/testing"
import { Effect, Option } from "effect"
import { describe, expect, it } from "vitest"
import * as Sqlite from "../src/index.js"
import { childOf, runWith } from "./support.js"

const AT = "2026-06-01T08:00:00.000Z"

const setup = Effect.gen(function*() {
  const t = yield* buildTinyCounty()
  return { t, store: yield* GridStore, uow: yield* UnitOfWork }
})

describe("GridStore on SQLite", () => {
  it("stores every entity as given and reads it back equal", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const { t, store, uow } = yield* setup
      const household: Household = {
        id: yield* newHouseholdId,
        countyId: t.county.id,
        nodeId: t.units[1].id,
        code: "102",
        residents: [
          { id: yield* newResidentId, name: "王芳", phone: "13812345678", idCardNumber: "11010519491231002X", relation: "head", partyMember: true },
          { id: yield* newResidentId, name: "李四", phone: null, idCardNumber: null, relation: "child", partyMember: false }
        ],
        status: "active",
        version: 1,
        createdAt: AT,
        updatedAt: AT
      }
      const person: Person = { id: yield* newPersonId, countyId: t.county.id, nodeId: t.communities[1].id, code: "X1", name: "孙", phone: null, householdId: null, version: 1, createdAt: AT, updatedAt: AT }
      const assignment: Assignment = {
        id: yield* newAssignmentId, countyId: t.county.id, personId: person.id, nodeId: t.grids[1].id, role: "grid_worker",
        startDate: "2026-01-01", endDate: "2026-12-31", version: 1, createdAt: AT, updatedAt: AT
      }
      yield* uow.transaction(Effect.all([store.insertHouseholds([household]), store.insertPeople([person]), store.insertAssignments([assignment])]))
      expect(yield* store.getHousehold(household.id)).toEqual(Option.some(household))
      expect(yield* store.findHouseholdByCode(household.nodeId, "102")).toEqual(Option.some(household))
      expect(yield* store.getPerson(person.id)).toEqual(Option.some(person))
      expect(yield* store.findPersonByCode(t.county.id, "X1")).toEqual(Option.some(person))
      expect(yield* store.getAssignment(assignment.id)).toEqual(Option.some(assignment))
      // The tiny county's two grid workers, and this one until the end of 2026.
      expect(yield* store.currentAssignmentsIn(t.county.id, "2026-06-01", ["grid_worker"])).toHaveLength(3)
      expect(yield* store.currentAssignmentsIn(t.county.id, "2027-01-01", ["grid_worker"])).toHaveLength(2)
      expect(yield* store.countHouseholds(t.county.id)).toEqual({ households: 5, residents: 6 })
      const moved = { ...household, code: "201", residents: household.residents.slice(1), version: 2 }
      yield* uow.transaction(store.updateHousehold(moved, 1))
      expect(yield* store.getHousehold(household.id)).toEqual(Option.some(moved))
    })))

  it("writes nothing of a batch with a duplicate code, wherever the clash is", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const { t, store, uow } = yield* setup
      const make = (code: string) =>
        Effect.map(newHouseholdId, (id): Household => ({
          id, countyId: t.county.id, nodeId: t.units[0].id, code, residents: [], status: "active", version: 1, createdAt: AT, updatedAt: AT
        }))
      const batch = yield* Effect.all(Array.from({ length: 1000 }, (_, i) => make(`h${i}`)))
      const withStoredClash = [...batch, yield* make("101")] // 101 exists from the fixture
      expect(yield* Effect.flip(uow.transaction(store.insertHouseholds(withStoredClash)))).toMatchObject({ _tag: "Conflict", reason: "duplicate_code" })
      const withInnerClash = [...batch, yield* make("h500")]
      expect(yield* Effect.flip(uow.transaction(store.insertHouseholds(withInnerClash)))).toMatchObject({ _tag: "Conflict", reason: "duplicate_code" })
      expect(yield* store.countHouseholds(t.units[0].id)).toEqual({ households: 1, residents: 1 })
      const sameId = { ...batch[0]!, code: "other" }
      expect(yield* Effect.flip(uow.transaction(store.insertHouseholds([batch[0]!, sameId])))).toMatchObject({ _tag: "Conflict", reason: "duplicate_id" })
      const personClash = { ...(Option.getOrThrow(yield* store.getPerson(t.people.worker.id))), id: yield* newPersonId }
      expect(yield* Effect.flip(uow.transaction(store.insertPeople([personClash])))).toMatchObject({ _tag: "Conflict", reason: "duplicate_code" })
      yield* uow.transaction(store.insertHouseholds(batch))
      expect(yield* store.countHouseholds(t.units[0].id)).toEqual({ households: 1001, residents: 1 })
    })))

  it("pages a subtree's households by id across units", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const { t, store } = yield* setup
      const seen: Array<string> = []
      let after: string | undefined
      do {
        const page = yield* store.listHouseholds(t.county.id, { after, limit: 3 })
        seen.push(...page.items.map((h) => h.id))
        after = page.next ?? undefined
      } while (after !== undefined)
      expect(seen).toEqual(t.households.map((h) => h.id).sort())
      expect((yield* store.listHouseholds(t.streets[0].id, { after: undefined, limit: 10 })).items.map((h) => h.id))
        .toEqual([t.households[0]!.id, t.households[1]!.id].sort())
    })))

  it("fails an update of a missing row with a version conflict", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const { t, store, uow } = yield* setup
      const ghost = yield* childOf(t.county, "ghost")
      expect(yield* Effect.flip(uow.transaction(store.updateNode(ghost, 1)))).toMatchObject({ _tag: "Conflict", reason: "version_mismatch" })
    })))

  it("moves archived descendants too, and counts every one it moved", () =>
    runWith(Sqlite.layerMemory())(Effect.gen(function*() {
      const { t, store, uow } = yield* setup
      const unit = Option.getOrThrow(yield* store.getNode(t.units[1].id))
      yield* uow.transaction(store.archiveDescendants(unit, AT)) // archives its household only
      yield* uow.transaction(store.updateNode({ ...unit, status: "archived", version: 2 }, 1))
      const grid = Option.getOrThrow(yield* store.getNode(t.grids[0].id))
      const moved = yield* uow.transaction(store.moveSubtree({ ...grid, parentId: t.communities[1].id, path: [t.county.id, t.streets[1].id, t.communities[1].id], version: 2 }, 1))
      expect(moved).toBe(3) // building, live unit, archived unit
      const archived = Option.getOrThrow(yield* store.getNode(unit.id))
      expect(archived).toMatchObject({ status: "archived", path: [t.county.id, t.streets[1].id, t.communities[1].id, grid.id, t.buildings[0].id] })
      // Depth first by path: the moved grid (older id) and its subtree, then the resident grid's.
      expect((yield* store.outline(t.communities[1].id)).map((n) => n.id)).toEqual([
        t.communities[1].id, grid.id, t.buildings[0].id, t.units[0].id, t.grids[1].id, t.buildings[1].id, t.units[2].id, t.units[3].id
      ])
    })))
})
