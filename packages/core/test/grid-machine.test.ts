/**
 * The grid's deciders, given / when / then: pure rules, no store.
 */
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  assignmentDecider,
  type AssignmentId,
  countyDecider,
  defaultLevels,
  encodeUlid,
  type GridNodeId,
  type Household,
  householdDecider,
  type HouseholdId,
  nodeDecider,
  type Person,
  personDecider,
  type PersonId,
  type Place,
  recordHouseholdEvent,
  recordPersonEvent,
  type ResidentId
} from "@mulin/core"
import { arbitraryIdCard, arbitraryMobile, arbitraryName, given } from "@mulin/core/testing"

const ulid = (n: number) => encodeUlid(n, new Uint8Array(10))
const node = (n: number) => `node_${ulid(n)}` as GridNodeId
const at = "2026-06-01T08:00:00.000Z"
const later = "2026-06-02T08:00:00.000Z"

const county = node(1)
const place = (id: GridNodeId, path: ReadonlyArray<GridNodeId>, level: string, extra: Partial<Place> = {}): Place => ({
  id,
  countyId: county,
  parentId: path[path.length - 1] ?? null,
  path,
  level,
  depth: path.length,
  name: level,
  status: "active",
  ...extra
})
const street = place(node(2), [county], "street")
const community = place(node(3), [county, street.id], "community")
const grid = place(node(4), [county, street.id, community.id], "grid")
const building = place(node(5), [...grid.path, grid.id], "building")
const unit = place(node(6), [...building.path, building.id], "unit")
const otherUnit = place(node(7), [...building.path, building.id], "unit")

describe("county decider", () => {
  it("creates a county with its root at the first level, in the given time zone", () => {
    const state = given(countyDecider).when({ code: "C1", name: "县", timeZone: "America/Los_Angeles" }, { at, id: county, codeTaken: false }).thenMatches([
      { type: "grid.county.created", county: { id: county, code: "C1", timeZone: "America/Los_Angeles", levels: defaultLevels }, root: { id: county, parentId: null, level: "county", depth: 0, version: 1 } }
    ])
    expect(state?.version).toBe(1)
  })

  it("refuses a code that is taken", () => {
    given(countyDecider).when({ code: "C1", name: "县" }, { at, id: county, codeTaken: true }).thenFails("Conflict", { reason: "duplicate_code" })
  })
})

describe("node decider", () => {
  const create = { type: "CreateNode" as const, input: { parentId: building.id, code: "1", name: "1单元" } }
  const created = { type: "grid.node.created" as const, node: { id: unit.id, countyId: county, parentId: building.id, path: unit.path, level: "unit", depth: 5, code: "1", name: "1单元", partyOrganisation: null, status: "active" as const, version: 1, createdAt: at, updatedAt: at } }
  const ctx = { at, id: unit.id, parent: building, levels: defaultLevels, codeTaken: false }

  it("creates a node at the level after its parent's", () => {
    given(nodeDecider).when(create, ctx).then([created])
  })

  it("refuses a child of the smallest level, a level not deeper than the parent's, an archived parent and a taken code", () => {
    given(nodeDecider).when({ type: "CreateNode", input: { parentId: unit.id, code: "x", name: "x" } }, { ...ctx, parent: unit }).thenFails("InvalidInput")
    given(nodeDecider).when({ type: "CreateNode", input: { ...create.input, level: "grid" } }, ctx).thenFails("InvalidInput")
    given(nodeDecider).when(create, { ...ctx, parent: { ...building, status: "archived" } }).thenFails("Conflict", { reason: "archived" })
    given(nodeDecider).when(create, { ...ctx, codeTaken: true }).thenFails("Conflict", { reason: "duplicate_code" })
  })

  it("renames once; the same name again is nothing", () => {
    const after = given(nodeDecider, [created]).when({ type: "UpdateNode", input: { name: "一单元" } }, { at: later }).then([
      { type: "grid.node.updated", name: "一单元", code: "1", partyOrganisation: null, at: later }
    ])
    expect(after).toMatchObject({ name: "一单元", version: 2, updatedAt: later })
    given(nodeDecider, [created]).when({ type: "UpdateNode", input: { name: "1单元", code: "1", partyOrganisation: null } }, { at: later }).thenNothing()
    given(nodeDecider, [created]).when({ type: "UpdateNode", input: { name: "x", expectedVersion: 7 } }, { at: later }).thenFails("Conflict", { reason: "version_mismatch" })
    given(nodeDecider, [created]).when({ type: "UpdateNode", input: { code: "2" } }, { at: later, codeTaken: true }).thenFails("Conflict", { reason: "duplicate_code" })
  })

  it("moves under a shallower live parent; the current parent is nothing; itself or below is refused", () => {
    const otherBuilding = place(node(8), [...grid.path, grid.id], "building")
    given(nodeDecider, [created]).when({ type: "MoveNode", input: { newParentId: otherBuilding.id } }, { at: later, parent: otherBuilding }).then([
      { type: "grid.node.moved", fromParentId: building.id, toParentId: otherBuilding.id, path: [...otherBuilding.path, otherBuilding.id], at: later }
    ])
    given(nodeDecider, [created]).when({ type: "MoveNode", input: { newParentId: building.id } }, { at: later, parent: building }).thenNothing()
    given(nodeDecider, [created]).when({ type: "MoveNode", input: { newParentId: otherUnit.id } }, { at: later, parent: otherUnit }).thenFails("InvalidInput")
  })

  it("archives a node without live children, or with them by cascade; an archived node takes no command", () => {
    given(nodeDecider, [created]).when({ type: "ArchiveNode", input: {} }, { at: later, live: { children: 0, households: 1 } }).thenFails("Conflict", { reason: "has_live_children" })
    const archived = { type: "grid.node.archived" as const, cascade: true, at: later }
    given(nodeDecider, [created]).when({ type: "ArchiveNode", input: { cascade: true } }, { at: later, live: { children: 0, households: 1 } }).then([archived])
    given(nodeDecider, [created, archived]).when({ type: "UpdateNode", input: { name: "x" } }, { at: later }).thenFails("Conflict", { reason: "archived" })
  })
})

describe("household decider", () => {
  const hh = `hh_${ulid(1)}` as HouseholdId
  const res = (n: number) => `res_${ulid(n)}` as ResidentId
  const smallest = { depth: 5, nameEn: "unit", nameZh: "单元" }
  const created: Household = {
    id: hh, countyId: county, nodeId: unit.id, code: "101", status: "active", version: 1, createdAt: at, updatedAt: at,
    residents: [
      { id: res(1), name: "张三", phone: "13812341234", idCardNumber: null, relation: "head", partyMember: false },
      { id: res(2), name: "李四", phone: null, idCardNumber: null, relation: "spouse", partyMember: true }
    ]
  }
  const history = [{ type: "grid.household.created" as const, household: created }]

  it("registers a household in a unit, with fresh resident ids; not above the smallest level", () => {
    given(householdDecider).when(
      { type: "CreateHousehold", input: { nodeId: unit.id, code: "101", residents: [{ name: "张三", phone: "13812341234", relation: "head" }, { name: "李四", relation: "spouse", partyMember: true }] } },
      { at, id: hh, unit, smallest, residentIds: [res(1), res(2)] }
    ).then(history)
    given(householdDecider).when({ type: "CreateHousehold", input: { nodeId: building.id, code: "101", residents: [{ name: "张三" }] } }, { at, id: hh, unit: building, smallest, residentIds: [res(1)] })
      .thenFails("InvalidInput")
  })

  it("refuses two residents with one ID-card number", () => {
    const idCardNumber = "11010519491231002X"
    given(householdDecider).when({ type: "CreateHousehold", input: { nodeId: unit.id, code: "101", residents: [{ name: "甲", idCardNumber }, { name: "乙", idCardNumber }] } }, { at, id: hh, unit, smallest, residentIds: [res(1), res(2)] })
      .thenFails("InvalidInput", { issues: [{ path: "residents.1.idCardNumber" }] })
  })

  it("keeps the ids of residents who stay, takes fresh ones for new residents, and decides nothing for the same residents", () => {
    given(householdDecider, history).when(
      { type: "UpdateHousehold", input: { residents: [{ name: "李四", relation: "spouse", partyMember: true }, { name: "王五" }] } },
      { at: later, residentIds: [res(9), res(10)] }
    ).thenMatches([{ type: "grid.household.updated", residents: [{ id: res(2), name: "李四" }, { id: res(9), name: "王五" }] }])
    given(householdDecider, history).when(
      { type: "UpdateHousehold", input: { code: "101", residents: [{ name: "张三", phone: "13812341234", relation: "head" }, { name: "李四", relation: "spouse", partyMember: true }] } },
      { at: later, residentIds: [res(9), res(10)] }
    ).thenNothing()
  })

  it("gives two residents of the same name without ID cards two ids", () => {
    const events = given(householdDecider).when(
      { type: "CreateHousehold", input: { nodeId: unit.id, code: "102", residents: [{ name: "张伟" }, { name: "张伟" }] } },
      { at, id: hh, unit, smallest, residentIds: [res(3), res(4)] }
    ).result
    const twins = events._tag === "Success" && events.success[0]!.type === "grid.household.created" ? events.success[0]!.household : undefined
    const again = given(householdDecider, [{ type: "grid.household.created", household: twins! }]).when(
      { type: "UpdateHousehold", input: { residents: [{ name: "张伟" }, { name: "张伟", phone: "13800000000" }] } },
      { at: later, residentIds: [res(5), res(6)] }
    ).result
    expect(again._tag === "Success" && again.success[0]!.type === "grid.household.updated" ? again.success[0]!.residents.map((r) => r.id) : []).toEqual([res(3), res(4)])
  })

  it("decides nothing exactly when an update leaves the household as it is (property)", () => {
    // Names from a small set, so that namesakes (with and without ID cards) are common.
    const name = fc.oneof(fc.constantFrom("张伟", "王芳"), arbitraryName)
    const resident = fc.record({ name, phone: fc.option(arbitraryMobile, { nil: null }), idCardNumber: fc.option(arbitraryIdCard, { nil: null }), relation: fc.constantFrom("head" as const, "child" as const, "other" as const), partyMember: fc.boolean() })
    const household = fc.array(resident, { minLength: 1, maxLength: 4 }).filter((rs) => {
      const cards = rs.flatMap((r) => (r.idCardNumber === null ? [] : [r.idCardNumber]))
      return new Set(cards).size === cards.length
    })
    // Runs that decided a change, and runs that decided nothing: both must occur.
    const decided = { changed: 0, nothing: 0 }
    fc.assert(fc.property(household, fc.integer({ min: 0, max: 3 }), fc.boolean(), (residents, changeAt, changeCode) => {
      const stored: Household = { ...created, residents: residents.map((r, i) => ({ ...r, id: res(100 + i) })) }
      const input = residents.map((r, i) => (i === changeAt ? { ...r, partyMember: !r.partyMember } : r))
      const changes = changeAt < residents.length || changeCode
      const when = given(householdDecider, [{ type: "grid.household.created", household: stored }])
        .when({ type: "UpdateHousehold", input: { code: changeCode ? "102" : "101", residents: input } }, { at: later, residentIds: residents.map((_, i) => res(200 + i)) })
      if (!changes) return when.thenNothing() === undefined && ++decided.nothing > 0
      const after = when.thenMatches([{ type: "grid.household.updated" }])!
      decided.changed++
      expect(after.version).toBe(2)
      expect(after.residents.map((r) => r.id)).toEqual(stored.residents.map((r) => r.id))
      // The feed shows how many residents, never who.
      const recorded = recordHouseholdEvent(when.result._tag === "Success" ? when.result.success[0]! : (undefined as never), after, unit.path)
      for (const r of residents) expect(JSON.stringify(recorded)).not.toContain(r.name)
      return true
    }), { numRuns: 100 })
    expect(decided.changed).toBeGreaterThan(0)
    expect(decided.nothing).toBeGreaterThan(0)
  })
})

describe("person decider", () => {
  const id = `psn_${ulid(1)}` as PersonId
  const hh = `hh_${ulid(2)}` as HouseholdId
  const person: Person = { id, countyId: county, nodeId: community.id, code: "P1", name: "钱一", phone: null, householdId: null, version: 1, createdAt: at, updatedAt: at }
  const history = [{ type: "grid.person.created" as const, person }]
  const home = { id: hh, status: "active" as const, unit }

  it("registers a person living in a household at or below their node, and refuses one elsewhere", () => {
    given(personDecider).when({ type: "CreatePerson", input: { nodeId: community.id, code: "P1", name: "钱一", householdId: hh } }, { at, id, node: community, household: home })
      .thenMatches([{ type: "grid.person.created", person: { householdId: hh, nodeId: community.id } }])
    given(personDecider).when({ type: "CreatePerson", input: { nodeId: otherUnit.id, code: "P1", name: "钱一", householdId: hh } }, { at, id, node: otherUnit, household: home })
      .thenFails("InvalidInput", { issues: [{ path: "householdId" }] })
    given(personDecider).when({ type: "CreatePerson", input: { nodeId: community.id, code: "P1", name: "钱一", householdId: hh } }, { at, id, node: community, household: { ...home, status: "archived" } })
      .thenFails("Conflict", { reason: "archived" })
  })

  it("updates what changed and decides nothing for the same values", () => {
    given(personDecider, history).when({ type: "UpdatePerson", input: { name: "钱一", phone: null } }, { at: later }).thenNothing()
    const after = given(personDecider, history).when({ type: "UpdatePerson", input: { householdId: hh } }, { at: later, household: home }).then([
      { type: "grid.person.updated", name: "钱一", phone: null, nodeId: community.id, householdId: hh, at: later }
    ])
    expect(after).toMatchObject({ householdId: hh, version: 2 })
    // Moving away from the household's subtree while keeping it is refused.
    given(personDecider, [...history, { type: "grid.person.updated", name: "钱一", phone: null, nodeId: community.id, householdId: hh, at: later }])
      .when({ type: "UpdatePerson", input: { nodeId: otherUnit.id } }, { at: later, node: otherUnit, household: home })
      .thenFails("InvalidInput", { issues: [{ path: "householdId" }] })
  })

  it("links a subject once, refuses one held by another person, and unlinks only what is linked", () => {
    const subject = { issuer: "https://sso.example", subject: "u1" }
    const linked = { type: "grid.person.subject_linked" as const, ...subject, at: later }
    const after = given(personDecider, history).when({ type: "LinkSubject", input: subject }, { at: later }).then([linked])
    expect(after?.subjects).toEqual([{ ...subject, linkedAt: later }])
    given(personDecider, [...history, linked]).when({ type: "LinkSubject", input: subject }, { at: later, subjectHolder: id }).thenNothing()
    given(personDecider, history).when({ type: "LinkSubject", input: subject }, { at: later, subjectHolder: `psn_${ulid(9)}` as PersonId }).thenFails("Conflict", { reason: "subject_linked" })
    given(personDecider, [...history, linked]).when({ type: "UnlinkSubject", input: subject }, { at: later }).then([{ type: "grid.person.subject_unlinked", ...subject, at: later }])
    given(personDecider, history).when({ type: "UnlinkSubject", input: subject }, { at: later }).thenFails("NotFound", { entity: "sign-in subject" })
    // The feed names the issuer, never the subject nor the person.
    const recorded = recordPersonEvent(linked, person, community.path)
    expect(JSON.stringify(recorded)).not.toContain("u1")
    expect(JSON.stringify(recorded)).not.toContain("钱一")
  })
})

describe("assignment decider", () => {
  const id = `asg_${ulid(1)}` as AssignmentId
  const personId = `psn_${ulid(2)}` as PersonId
  const ctx = { at, today: "2026-06-01", id, node: grid, person: { id: personId, countyId: county }, duplicate: false }
  const created = {
    type: "grid.assignment.created" as const,
    assignment: { id, countyId: county, personId, nodeId: grid.id, role: "grid_worker" as const, startDate: "2026-06-01", endDate: null, version: 1, createdAt: at, updatedAt: at }
  }

  it("starts today in the county's calendar unless a date is given", () => {
    given(assignmentDecider).when({ type: "AssignRole", input: { personId, nodeId: grid.id, role: "grid_worker" } }, ctx).then([created])
    given(assignmentDecider).when({ type: "AssignRole", input: { personId, nodeId: grid.id, role: "grid_worker", startDate: "2026-07-01", endDate: "2026-06-30" } }, ctx)
      .thenFails("InvalidInput", { issues: [{ path: "endDate" }] })
    given(assignmentDecider).when({ type: "AssignRole", input: { personId, nodeId: grid.id, role: "grid_worker" } }, { ...ctx, person: { id: personId, countyId: node(99) } })
      .thenFails("InvalidInput", { issues: [{ path: "personId" }] })
    given(assignmentDecider).when({ type: "AssignRole", input: { personId, nodeId: grid.id, role: "grid_worker" } }, { ...ctx, duplicate: true }).thenFails("Conflict", { reason: "duplicate_assignment" })
  })

  it("ends once: the same date again is nothing, a later one is refused, one before the start is invalid", () => {
    const ended = { type: "grid.assignment.ended" as const, endDate: "2026-06-30", at: later }
    given(assignmentDecider, [created]).when({ type: "EndAssignment", input: {} }, { at: later, today: "2026-06-30" }).then([ended])
    given(assignmentDecider, [created, ended]).when({ type: "EndAssignment", input: { endDate: "2026-06-30" } }, { at: later, today: "2026-07-01" }).thenNothing()
    given(assignmentDecider, [created, ended]).when({ type: "EndAssignment", input: { endDate: "2026-07-31" } }, { at: later, today: "2026-07-01" }).thenFails("Conflict", { reason: "already_ended" })
    given(assignmentDecider, [created]).when({ type: "EndAssignment", input: { endDate: "2026-05-31" } }, { at: later, today: "2026-07-01" }).thenFails("InvalidInput")
  })
})
