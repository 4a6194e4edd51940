/**
 * Pure grid policy: level ordering, move validity, who serves a unit, coverage, and the
 * masking of personal data in views.
 *
 * @since 0.1.0
 */
import { Result } from "effect"
import type { Place } from "../kernel/directory.js"
import { conflict, invalidField, type Conflict, type InvalidInput } from "../kernel/errors.js"
import { isCurrentOn } from "../kernel/identity.js"
import type { GridNodeId } from "../kernel/ids.js"
import { maskIdCard, maskName, maskPhone } from "../kernel/masking.js"
import type { CalendarDate } from "../kernel/time.js"
import type { AssignableRole, Assignment, County, GridNode, Household, Person } from "./model.js"
import type { NodeOutline } from "./store.js"
import type { CoverageGap, CoverageReport, HouseholdView, PersonView } from "./views.js"

/**
 * The level a new child of `parent` takes: `requested`, or the level right after the
 * parent's. Fails unless it is in the template and deeper than the parent's.
 *
 * @category rules
 * @since 0.1.0
 */
export const childLevel = (
  county: Pick<County, "levels">,
  parent: Pick<Place, "depth" | "level" | "name">,
  requested: string | undefined
): Result.Result<{ readonly level: string; readonly depth: number }, InvalidInput> => {
  if (requested === undefined) {
    const next = county.levels[parent.depth + 1]
    return next === undefined
      ? Result.fail(invalidField("parentId", `${parent.name} is at the smallest level (${parent.level}) and cannot have children`, `${parent.name} 已是最小层级（${parent.level}），不能再有下级`))
      : Result.succeed({ level: next.key, depth: parent.depth + 1 })
  }
  const depth = county.levels.findIndex((l) => l.key === requested)
  if (depth < 0) {
    const keys = county.levels.map((l) => l.key).join(", ")
    return Result.fail(invalidField("level", `must be one of this county's levels: ${keys}`, `必须是本区县的层级之一：${keys}`))
  }
  if (depth <= parent.depth) {
    return Result.fail(invalidField("level", `must be deeper than the parent's level ${parent.level}`, `必须比上级节点的层级（${parent.level}）更低`))
  }
  return Result.succeed({ level: requested, depth })
}

/**
 * Whether `node` may move under `newParent`: same county, the parent is live, at a
 * shallower level, and neither the node itself nor one of its descendants (no cycles).
 *
 * @category rules
 * @since 0.1.0
 */
export const checkMove = (node: GridNode, newParent: Place): Result.Result<void, InvalidInput | Conflict> => {
  if (node.parentId === null) return Result.fail(invalidField("id", "a county cannot be moved", "区县不能移动"))
  if (newParent.countyId !== node.countyId) {
    return Result.fail(invalidField("newParentId", "must be in the same county", "必须属于同一区县"))
  }
  if (newParent.id === node.id || newParent.path.includes(node.id)) {
    return Result.fail(invalidField("newParentId", "must not be the node itself or one of its descendants", "不能是节点本身或其下级"))
  }
  if (newParent.status !== "active") {
    return Result.fail(conflict("archived", `${newParent.name} is archived`, `${newParent.name} 已归档`))
  }
  if (newParent.depth >= node.depth) {
    return Result.fail(invalidField("newParentId", `must be at a level above ${node.level}`, `必须是比「${node.level}」更高层级的节点`))
  }
  return Result.succeed(undefined)
}

/**
 * For each role, the current assignment nearest to the last node of `path` (root first):
 * the deepest node wins; among several at one node, the earliest started, then lowest id.
 *
 * @category rules
 * @since 0.1.0
 */
export const nearestByRole = (path: ReadonlyArray<GridNodeId>, assignments: ReadonlyArray<Assignment>): Map<AssignableRole, Assignment> => {
  const rank = new Map(path.map((id, i) => [id, i]))
  const best = new Map<AssignableRole, Assignment>()
  for (const a of assignments) {
    const r = rank.get(a.nodeId)
    if (r === undefined) continue
    const current = best.get(a.role)
    if (current === undefined) {
      best.set(a.role, a)
      continue
    }
    const rc = rank.get(current.nodeId)!
    if (r > rc || (r === rc && (a.startDate < current.startDate || (a.startDate === current.startDate && a.id < current.id)))) {
      best.set(a.role, a)
    }
  }
  return best
}

const percent = (count: number, total: number): number => (total === 0 ? 0 : Math.round((count / total) * 10000) / 100)

/**
 * The coverage report of the subtree whose outline is given (root first, parents before
 * children). Smallest units are the nodes at `unitDepth`. A unit is covered for a role when
 * it or an ancestor inside the subtree — or above it, through `inherited` — has it.
 *
 * @category rules
 * @since 0.1.0
 */
export const computeCoverage = (input: {
  readonly rootId: GridNodeId
  readonly date: CalendarDate
  readonly unitDepth: number
  readonly outline: ReadonlyArray<NodeOutline>
  readonly assignments: ReadonlyArray<Assignment>
  /** What the root's ancestors already provide. */
  readonly inherited: { readonly buildingLeader: boolean; readonly partyMember: boolean; readonly partyOrganisation: boolean }
  readonly limit: number
}): CoverageReport => {
  const leaderAt = new Set<string>()
  const memberAt = new Set<string>()
  for (const a of input.assignments) {
    if (!isCurrentOn(a, input.date)) continue
    if (a.role === "building_leader") leaderAt.add(a.nodeId)
    else if (a.role === "party_member") memberAt.add(a.nodeId)
  }
  // Bit flags per node, inherited from the parent: 1 leader, 2 member, 4 organisation.
  const flags = new Map<string, number>()
  const place = new Map<string, string>()
  const base = (input.inherited.buildingLeader ? 1 : 0) | (input.inherited.partyMember ? 2 : 0) | (input.inherited.partyOrganisation ? 4 : 0)
  let units = 0
  let full = 0
  let noLeader = 0
  let noMember = 0
  let noOrg = 0
  const gaps: Array<CoverageReport["gaps"][number]> = []
  for (const n of input.outline) {
    const inheritedFlags = n.parentId === null || n.id === input.rootId ? base : flags.get(n.parentId)
    if (inheritedFlags === undefined) continue // orphan in the outline: parent not live
    const f = inheritedFlags | (leaderAt.has(n.id) ? 1 : 0) | (memberAt.has(n.id) ? 2 : 0) | (n.hasPartyOrganisation ? 4 : 0)
    flags.set(n.id, f)
    const parentPlace = n.id === input.rootId || n.parentId === null ? undefined : place.get(n.parentId)
    const here = parentPlace === undefined ? (n.id === input.rootId ? "" : n.name) : parentPlace === "" ? n.name : `${parentPlace} / ${n.name}`
    if (n.depth < input.unitDepth) place.set(n.id, here)
    if (n.depth !== input.unitDepth) continue
    units++
    if (f === 7) {
      full++
      continue
    }
    const missing: Array<CoverageGap> = []
    if ((f & 1) === 0) (noLeader++, missing.push("building_leader"))
    if ((f & 2) === 0) (noMember++, missing.push("party_member"))
    if ((f & 4) === 0) (noOrg++, missing.push("party_organisation"))
    if (gaps.length < input.limit) gaps.push({ unitId: n.id, place: here, missing })
  }
  return {
    rootId: input.rootId,
    date: input.date,
    units,
    fullyCovered: { count: full, percent: percent(full, units) },
    withoutBuildingLeader: { count: noLeader, percent: percent(noLeader, units) },
    withoutPartyMember: { count: noMember, percent: percent(noMember, units) },
    withoutPartyOrganisation: { count: noOrg, percent: percent(noOrg, units) },
    gaps,
    gapsTruncated: units - full > gaps.length
  }
}

/**
 * A household as an actor sees it: personal fields masked unless `showPersonal`.
 *
 * @category rules
 * @since 0.1.0
 */
export const householdView = (h: Household, showPersonal: boolean): HouseholdView => ({
  id: h.id,
  countyId: h.countyId,
  nodeId: h.nodeId,
  code: h.code,
  residents: h.residents.map((r) => ({
    id: r.id,
    name: showPersonal ? r.name : maskName(r.name),
    phone: r.phone === null ? null : showPersonal ? r.phone : maskPhone(r.phone),
    idCardNumber: r.idCardNumber === null ? null : showPersonal ? r.idCardNumber : maskIdCard(r.idCardNumber),
    relation: r.relation,
    partyMember: r.partyMember
  })),
  status: h.status,
  version: h.version,
  masked: !showPersonal,
  createdAt: h.createdAt,
  updatedAt: h.updatedAt
})

/**
 * A person as an actor sees them: name and phone masked unless `showPersonal`.
 *
 * @category rules
 * @since 0.1.0
 */
export const personView = (p: Person, showPersonal: boolean): PersonView => ({
  id: p.id,
  countyId: p.countyId,
  nodeId: p.nodeId,
  code: p.code,
  name: showPersonal ? p.name : maskName(p.name),
  phone: p.phone === null ? null : showPersonal ? p.phone : maskPhone(p.phone),
  householdId: p.householdId,
  version: p.version,
  masked: !showPersonal
})
