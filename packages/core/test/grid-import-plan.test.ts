/**
 * The import's plan, given decoded rows and what the store holds → the operations: pure,
 * no store, no ids.
 */
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import type { Assignment, County, GridNode, GridNodeId, Household, Person } from "../src/index.js"
import { type Decoded, decodeAll } from "../src/grid/import/decode.js"
import type { AssignmentRecord, HouseholdRecord, NodeRecord, PersonRecord } from "../src/grid/import/format.js"
import { Issues } from "../src/grid/import/issues.js"
import { assignmentKey, type Existing, householdKey, nothingStored } from "../src/grid/import/load.js"
import { type ImportPlan, plan, type PlanContext } from "../src/grid/import/plan.js"
import { tableOf } from "../src/grid/import/read.js"

const AT = "2026-06-01T08:00:00.000Z"
const BEFORE = "2026-01-01T08:00:00.000Z"
const allowAll: PlanContext = { can: () => true, at: AT }

const decode = (files: {
  readonly nodes?: ReadonlyArray<NodeRecord>
  readonly households?: ReadonlyArray<HouseholdRecord>
  readonly people?: ReadonlyArray<PersonRecord>
  readonly assignments?: ReadonlyArray<AssignmentRecord>
}): Decoded => {
  const issues = new Issues(1000)
  const tables = [
    tableOf("nodes.csv", files.nodes, issues),
    tableOf("households.csv", files.households, issues),
    tableOf("people.csv", files.people, issues),
    tableOf("assignments.csv", files.assignments, issues)
  ].filter((t) => t !== undefined)
  return decodeAll(tables, issues, "2026-06-01", () => {})
}

const planned = (d: Decoded, existing: Existing, context: PlanContext = allowAll): ImportPlan => {
  const r = plan(d, existing, context)
  if (Result.isFailure(r)) throw new Error(`expected a plan, got ${r.failure.message}`)
  return r.success
}
const refused = (d: Decoded, existing: Existing, context: PlanContext = allowAll) => {
  const r = plan(d, existing, context)
  if (Result.isSuccess(r)) throw new Error("expected the plan to be refused")
  return r.failure
}

// A stored county 370812 with one street, community, grid, building and unit.
const levels = ["county", "street", "community", "grid", "building", "unit"]
const codes = ["370812", "001", "001", "G01", "1", "1"]
const stored: Array<GridNode> = []
codes.forEach((code, depth) => {
  const id = `node_${String(depth).padStart(26, "0")}` as GridNodeId
  stored.push({
    id,
    countyId: "node_00000000000000000000000000" as GridNodeId,
    parentId: depth === 0 ? null : stored[depth - 1]!.id,
    path: stored.map((n) => n.id),
    level: levels[depth]!,
    depth,
    code,
    name: `node ${depth}`,
    partyOrganisation: null,
    status: "active",
    version: 1,
    createdAt: BEFORE,
    updatedAt: BEFORE
  })
})
const keyOf = (depth: number) => codes.slice(0, depth + 1).join("/")
const unit = stored[5]!
const county: County = { id: stored[0]!.id, code: "370812", name: "node 0", levels: levels.map((key) => ({ key, nameZh: key, nameEn: key })), timeZone: "Asia/Shanghai", createdAt: BEFORE }
const household: Household = {
  id: "hh_00000000000000000000000001" as Household["id"],
  countyId: county.id,
  nodeId: unit.id,
  code: "101",
  residents: [{ id: "res_00000000000000000000000001" as Household["residents"][number]["id"], name: "王建国", phone: null, idCardNumber: null, relation: "head", partyMember: false }],
  status: "active",
  version: 3,
  createdAt: BEFORE,
  updatedAt: BEFORE
}
const person: Person = { id: "psn_00000000000000000000000001" as Person["id"], countyId: county.id, nodeId: stored[3]!.id, code: "P1", name: "李网格", phone: null, householdId: null, version: 2, createdAt: BEFORE, updatedAt: BEFORE }
const assignment: Assignment = { id: "asg_00000000000000000000000001" as Assignment["id"], countyId: county.id, personId: person.id, nodeId: stored[3]!.id, role: "grid_worker", startDate: "2026-01-01", endDate: null, version: 1, createdAt: BEFORE, updatedAt: BEFORE }
const existing: Existing = {
  county,
  nodes: new Map(stored.map((n, depth) => [keyOf(depth), n])),
  nodesById: new Map(stored.map((n) => [n.id, n])),
  people: new Map([[person.code, person]]),
  households: new Map([[householdKey(unit.id, household.code), household]]),
  assignments: new Map([[assignmentKey(person.id, assignment.nodeId, assignment.role, assignment.startDate), assignment]])
}

describe("the import plan", () => {
  it("creates a county from nothing: the county first, parents before children, every row new", () => {
    const d = decode({
      nodes: [
        { path: "370899/01/001", name: "社区" },
        { path: "370899", name: "示例县" },
        { path: "370899/01", name: "街道" }
      ],
      people: [{ code: "P9", name: "张三", node_path: "370899/01" }],
      assignments: [{ person_code: "P9", node_path: "370899/01/001", role: "网格员", start_date: "2026-02-01" }]
    })
    const p = planned(d, nothingStored)
    expect(p.countyCreated).toBe(true)
    expect(p.newNodes.map((r) => r.key)).toEqual(["370899", "370899/01", "370899/01/001"])
    expect(p.newNodes.map((r) => r.level)).toEqual(["county", "street", "community"])
    expect(p.newNodes.every((r) => r.node === undefined)).toBe(true)
    expect(p.people.changes).toEqual(["new"])
    expect(p.assignments.changes).toEqual(["new"])
    expect(p.counts).toEqual({
      nodes: { created: 3, updated: 0, unchanged: 0 },
      households: { created: 0, updated: 0, unchanged: 0 },
      residents: 0,
      people: { created: 1, updated: 0, unchanged: 0 },
      assignments: { created: 1, updated: 0, unchanged: 0 }
    })
  })

  it("leaves what the store already holds unchanged", () => {
    const d = decode({
      nodes: [{ path: keyOf(3), name: "node 3" }],
      households: [{ unit_path: keyOf(5), door_number: "101", name: "王建国", relation: "户主" }],
      people: [{ code: "P1", name: "李网格", node_path: keyOf(3) }],
      assignments: [{ person_code: "P1", node_path: keyOf(3), role: "grid_worker", start_date: "2026-01-01" }]
    })
    const p = planned(d, existing)
    expect(p.countyCreated).toBe(false)
    expect(p.newNodes).toEqual([])
    expect(p.updatedNodes).toEqual([])
    expect(p.households.changes).toEqual(["same"])
    expect(p.people.changes).toEqual(["same"])
    expect(p.assignments.changes).toEqual(["same"])
    expect(p.counts.nodes).toEqual({ created: 0, updated: 0, unchanged: 1 })
    expect(p.counts.residents).toBe(0)
  })

  it("updates what changed: version + 1, the import's time, a staying resident keeps their id", () => {
    const d = decode({
      nodes: [{ path: keyOf(3), name: "红旗网格", party_organisation: "红旗网格党支部" }],
      households: [
        { unit_path: keyOf(5), door_number: "101", name: "王建国", relation: "户主", phone: "13812341234" },
        { unit_path: keyOf(5), door_number: "101", name: "李秀英", relation: "配偶" }
      ],
      people: [{ code: "P1", name: "李网格", node_path: keyOf(4) }],
      assignments: [{ person_code: "P1", node_path: keyOf(3), role: "grid_worker", start_date: "2026-01-01", end_date: "2026-05-31" }]
    })
    const p = planned(d, existing)
    expect(p.updatedNodes).toHaveLength(1)
    expect(p.updatedNodes[0]!.before).toBe(stored[3])
    expect(p.updatedNodes[0]!.after).toMatchObject({ id: stored[3]!.id, name: "红旗网格", partyOrganisation: "红旗网格党支部", version: 2, updatedAt: AT })

    const change = p.households.changes[0]!
    if (typeof change === "string") throw new Error(`expected an update, got ${change}`)
    expect(change.stored).toBe(household)
    expect(change.residents.map((r) => [r.id, r.name, r.phone])).toEqual([
      [household.residents[0]!.id, "王建国", "13812341234"],
      ["", "李秀英", undefined]
    ])
    expect(p.counts.households).toEqual({ created: 0, updated: 1, unchanged: 0 })
    expect(p.counts.residents).toBe(2)

    expect(p.people.changes).toEqual([{ stored: person, name: "李网格", phone: null }])
    expect(p.people.nodes[0]!.existing).toBe(stored[4])
    expect(p.assignments.changes).toEqual([{ ...assignment, endDate: "2026-05-31", version: 2, updatedAt: AT }])
  })

  it("creates a household in a stored unit and a node under a stored parent", () => {
    const d = decode({
      nodes: [{ path: `${keyOf(4)}/2`, name: "2单元" }],
      households: [{ unit_path: `${keyOf(4)}/2`, door_number: "201", name: "赵六" }, { unit_path: keyOf(5), door_number: "102", name: "钱七" }]
    })
    const p = planned(d, existing)
    expect(p.newNodes.map((r) => [r.key, r.level, r.parent?.existing?.id])).toEqual([[`${keyOf(4)}/2`, "unit", stored[4]!.id]])
    expect(p.households.changes).toEqual(["new", "new"])
    expect(p.households.units.map((u) => u.key)).toEqual([`${keyOf(4)}/2`, keyOf(5)])
    expect(p.counts.residents).toBe(2)
  })

  it("reports every broken reference together, the decoding's problems included, and changes nothing it was given", () => {
    const d = decode({
      nodes: [{ path: "370812/009/001", name: "孤儿社区" }, { path: "370812/001/001/G01/1/1/9", name: "太深" }],
      households: [{ unit_path: keyOf(3), door_number: "101", name: "住在网格上" }, { unit_path: keyOf(5), door_number: "101", name: "" }],
      assignments: [{ person_code: "NOBODY", node_path: keyOf(3), role: "grid_worker", start_date: "2026-01-01" }]
    })
    const before = { total: d.issues.total, list: [...d.issues.list], bad: [...d.badNodeKeys] }
    const error = refused(d, existing)
    expect(error._tag).toBe("ImportRejected")
    if (error._tag !== "ImportRejected") return
    expect(error.issues.map((i) => [i.file, i.row, i.column])).toEqual([
      ["households.csv", 3, "name"],
      ["nodes.csv", 2, "path"],
      ["nodes.csv", 3, "path"],
      ["households.csv", 2, "unit_path"],
      ["assignments.csv", 2, "person_code"]
    ])
    expect(error.issues[1]!.message).toContain("the parent 370812/009 is neither in nodes.csv nor stored")
    expect(error.issues[1]!.messageZh).toContain("既不在 nodes.csv 中")
    expect(error.issues[2]!.message).toContain("smallest level")
    expect(error.issues[3]!.message).toContain("households belong to the smallest level")
    expect({ total: d.issues.total, list: d.issues.list, bad: [...d.badNodeKeys] }).toEqual(before)
  })

  it("refuses a county that neither the files nor the store hold", () => {
    const error = refused(decode({ households: [{ unit_path: "370899/1/1/1/1/1", door_number: "1", name: "甲" }] }), nothingStored)
    expect(error._tag).toBe("ImportRejected")
    if (error._tag === "ImportRejected") expect(error.issues[0]).toMatchObject({ file: "households.csv", row: 2, column: "unit_path" })
  })

  it("refuses an import at a node outside the actor's scope, naming the first row and counting the rest", () => {
    const street = stored[1]!.id
    const context: PlanContext = { at: AT, can: (action, path) => action === "grid.import" && path.includes(street) && path.length > 2 }
    const d = decode({
      nodes: [{ path: keyOf(1), name: "改名街道" }],
      households: [{ unit_path: keyOf(5), door_number: "103", name: "孙八" }]
    })
    const error = refused(d, existing, context)
    expect(error._tag).toBe("Forbidden")
    expect(error.message).toContain("nodes.csv row 2")
    expect(planned(decode({ households: [{ unit_path: keyOf(5), door_number: "103", name: "孙八" }] }), existing, context).counts.households.created).toBe(1)
  })

  it("decodes the level template of a new county and rejects a bad one", () => {
    const d = decode({ nodes: [{ path: "370899", name: "县" }, { path: "370899/1", name: "村" }] })
    const p = planned(d, nothingStored, { ...allowAll, levels: [{ key: "county", nameZh: "区县", nameEn: "county" }, { key: "village", nameZh: "村", nameEn: "village" }] })
    expect(p.levels.map((l) => l.key)).toEqual(["county", "village"])
    expect(p.newNodes.map((r) => r.level)).toEqual(["county", "village"])
    const error = refused(d, nothingStored, { ...allowAll, levels: [] })
    expect(error._tag).toBe("ImportRejected")
    if (error._tag === "ImportRejected") expect(error.issues[0]).toMatchObject({ file: "nodes.csv", row: 1, column: "level" })
  })
})
