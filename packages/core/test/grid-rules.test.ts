import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  type Assignment,
  type AssignableRole,
  childLevel,
  computeCoverage,
  type County,
  defaultLevels,
  encodeUlid,
  type GridNode,
  type GridNodeId,
  householdView,
  isCurrentOn,
  nearestByRole,
  type NodeOutline
} from "@mulin/core"

const id = (n: number) => `node_${encodeUlid(n, new Uint8Array(10))}` as GridNodeId
const at = "2026-01-01T00:00:00.000Z"

const assignment = (n: number, nodeId: GridNodeId, role: AssignableRole, startDate = "2026-01-01", endDate: string | null = null): Assignment => ({
  id: `asg_${encodeUlid(n, new Uint8Array(10))}` as Assignment["id"],
  countyId: id(0),
  personId: `psn_${encodeUlid(n, new Uint8Array(10))}` as Assignment["personId"],
  nodeId,
  role,
  startDate,
  endDate,
  version: 1,
  createdAt: at,
  updatedAt: at
})

describe("grid rules", () => {
  it("picks the next level by default and refuses the smallest level's children", () => {
    const county: County = { id: id(0), code: "C", name: "县", levels: defaultLevels, timeZone: "Asia/Shanghai", createdAt: at }
    const parent = { depth: 4, level: "building", name: "1号楼" } as GridNode
    expect(childLevel(county, parent, undefined)).toMatchObject({ _tag: "Success", success: { level: "unit", depth: 5 } })
    expect(childLevel(county, { ...parent, depth: 5, level: "unit" }, undefined)._tag).toBe("Failure")
  })

  it("treats start and end dates as inclusive", () => {
    const a = assignment(1, id(1), "grid_worker", "2026-01-01", "2026-01-31")
    expect([isCurrentOn(a, "2025-12-31"), isCurrentOn(a, "2026-01-01"), isCurrentOn(a, "2026-01-31"), isCurrentOn(a, "2026-02-01")]).toEqual([false, true, true, false])
  })

  it("prefers the deepest assignee, then the earliest started", () => {
    const path = [id(1), id(2), id(3)]
    const best = nearestByRole(path, [
      assignment(1, id(1), "grid_worker"),
      assignment(2, id(2), "grid_worker", "2026-02-01"),
      assignment(3, id(2), "grid_worker", "2026-01-15"),
      assignment(4, id(9), "party_member")
    ])
    expect(best.get("grid_worker")?.id).toBe(assignment(3, id(2), "grid_worker").id)
    expect(best.has("party_member")).toBe(false)
  })

  it("masks residents unless personal data may be shown", () => {
    const h = {
      id: "hh_x", countyId: id(0), nodeId: id(1), code: "101", status: "active", version: 1, createdAt: at, updatedAt: at,
      residents: [{ id: "res_x", name: "张三丰", phone: "13812341234", idCardNumber: "11010519491231002X", relation: "head", partyMember: false }]
    } as never
    expect(householdView(h, false).residents[0]).toMatchObject({ name: "张**", phone: "138****1234", idCardNumber: "1101**********002X" })
    expect(householdView(h, true).residents[0]).toMatchObject({ name: "张三丰", phone: "13812341234" })
  })

  it("computes the same coverage as walking up from every unit (property)", () => {
    // Random trees of depth ≤ 4 with random leaders, members and organisations.
    const tree = fc.array(fc.record({ parent: fc.nat(), org: fc.boolean(), leader: fc.boolean(), member: fc.boolean() }), { minLength: 1, maxLength: 60 })
    fc.assert(fc.property(tree, fc.boolean(), fc.boolean(), (spec, inheritedLeader, inheritedOrg) => {
      const nodes: Array<NodeOutline & { leader: boolean; member: boolean }> = [{ id: id(1), parentId: null, depth: 0, name: "root", hasPartyOrganisation: false, leader: false, member: false }]
      spec.forEach((s, i) => {
        const candidates = nodes.filter((n) => n.depth < 3)
        const parent = candidates[s.parent % candidates.length]!
        nodes.push({ id: id(i + 2), parentId: parent.id, depth: parent.depth + 1, name: `n${i}`, hasPartyOrganisation: s.org, leader: s.leader, member: s.member })
      })
      const assignments = nodes.flatMap((n, i) => [
        ...(n.leader ? [assignment(i * 2, n.id, "building_leader")] : []),
        ...(n.member ? [assignment(i * 2 + 1, n.id, "party_member")] : [])
      ])
      const report = computeCoverage({
        rootId: id(1), date: "2026-06-01", unitDepth: 3, outline: nodes, assignments,
        inherited: { buildingLeader: inheritedLeader, partyMember: false, partyOrganisation: inheritedOrg }, limit: 1000
      })
      const byId = new Map(nodes.map((n) => [n.id, n]))
      const up = (n: NodeOutline, has: (m: (typeof nodes)[number]) => boolean, inherited: boolean): boolean => {
        for (let m: (typeof nodes)[number] | undefined = byId.get(n.id); m !== undefined; m = m.parentId === null ? undefined : byId.get(m.parentId)) if (has(m)) return true
        return inherited
      }
      const units = nodes.filter((n) => n.depth === 3)
      expect(report.units).toBe(units.length)
      expect(report.withoutBuildingLeader.count).toBe(units.filter((u) => !up(u, (m) => m.leader, inheritedLeader)).length)
      expect(report.withoutPartyMember.count).toBe(units.filter((u) => !up(u, (m) => m.member, false)).length)
      expect(report.withoutPartyOrganisation.count).toBe(units.filter((u) => !up(u, (m) => m.hasPartyOrganisation, inheritedOrg)).length)
      expect(report.fullyCovered.count + report.gaps.length).toBe(units.length)
    }), { numRuns: 200 })
  })
})
