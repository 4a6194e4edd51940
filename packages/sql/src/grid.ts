/**
 * The grid's rows: counties, nodes, households, people and assignments. A node's row keeps
 * its whole materialised path (the ancestors and itself); a household's residents are JSON
 * text, with their count beside them.
 */
import type { Assignment, County, GridNode, Household, Person } from "@mulin/core"
import type { Duplicate } from "./shape.js"
import { toPath } from "./paths.js"

/**
 * The row of a county.
 *
 * @category grid
 * @since 0.5.0
 */
export const countyRow = (c: County) => ({
  id: c.id,
  code: c.code,
  name: c.name,
  levels: JSON.stringify(c.levels),
  time_zone: c.timeZone,
  created_at: c.createdAt
})

/**
 * A row of `counties`.
 *
 * @category grid
 * @since 0.5.0
 */
export type CountyRow = ReturnType<typeof countyRow>

/**
 * The row of a node: its path ends with the node itself.
 *
 * @category grid
 * @since 0.5.0
 */
export const nodeRow = (n: GridNode) => ({
  id: n.id,
  county_id: n.countyId,
  parent_id: n.parentId,
  path: toPath([...n.path, n.id]),
  depth: n.depth,
  level: n.level,
  code: n.code,
  name: n.name,
  party_organisation: n.partyOrganisation,
  status: n.status,
  version: n.version,
  created_at: n.createdAt,
  updated_at: n.updatedAt
})

/**
 * A row of `nodes`.
 *
 * @category grid
 * @since 0.5.0
 */
export type NodeRow = ReturnType<typeof nodeRow>

/**
 * The row of a household.
 *
 * @category grid
 * @since 0.5.0
 */
export const householdRow = (h: Household) => ({
  id: h.id,
  county_id: h.countyId,
  node_id: h.nodeId,
  code: h.code,
  residents: JSON.stringify(h.residents),
  resident_count: h.residents.length,
  status: h.status,
  version: h.version,
  created_at: h.createdAt,
  updated_at: h.updatedAt
})

/**
 * A row of `households`.
 *
 * @category grid
 * @since 0.5.0
 */
export type HouseholdRow = ReturnType<typeof householdRow>

/**
 * The row of a person.
 *
 * @category grid
 * @since 0.5.0
 */
export const personRow = (p: Person) => ({
  id: p.id,
  county_id: p.countyId,
  node_id: p.nodeId,
  code: p.code,
  name: p.name,
  phone: p.phone,
  household_id: p.householdId,
  version: p.version,
  created_at: p.createdAt,
  updated_at: p.updatedAt
})

/**
 * A row of `people`.
 *
 * @category grid
 * @since 0.5.0
 */
export type PersonRow = ReturnType<typeof personRow>

/**
 * The row of an assignment.
 *
 * @category grid
 * @since 0.5.0
 */
export const assignmentRow = (a: Assignment) => ({
  id: a.id,
  county_id: a.countyId,
  person_id: a.personId,
  node_id: a.nodeId,
  role: a.role,
  start_date: a.startDate,
  end_date: a.endDate,
  version: a.version,
  created_at: a.createdAt,
  updated_at: a.updatedAt
})

/**
 * A row of `assignments`.
 *
 * @category grid
 * @since 0.5.0
 */
export type AssignmentRow = ReturnType<typeof assignmentRow>

/**
 * What a clash on the row of a node means.
 *
 * @category grid
 * @since 0.5.0
 */
export const duplicateNode = (node: GridNode): Duplicate => ({
  entity: "grid node",
  id: node.id,
  codeTaken: [`another live node under the same parent already has code ${node.code}`, `同一上级下已有代码为 ${node.code} 的节点`]
})

/**
 * What a clash on the row of a county means.
 *
 * @category grid
 * @since 0.5.0
 */
export const duplicateCounty = (county: County): Duplicate => ({
  entity: "county",
  id: county.id,
  codeTaken: [`a county with code ${county.code} exists`, `代码为 ${county.code} 的区县已存在`]
})

/**
 * What a clash on the row of a household means.
 *
 * @category grid
 * @since 0.5.0
 */
export const duplicateHousehold = (household: Household): Duplicate => ({
  entity: "household",
  id: household.id,
  codeTaken: [`another live household in unit ${household.nodeId} already has door number ${household.code}`, `本单元已有门牌号为 ${household.code} 的住户`]
})

/**
 * What a clash on the row of a person means.
 *
 * @category grid
 * @since 0.5.0
 */
export const duplicatePerson = (person: Person): Duplicate => ({
  entity: "person",
  id: person.id,
  codeTaken: [`another person in this county already has code ${person.code}`, `本区县已有编号为 ${person.code} 的人员`]
})

/**
 * What a clash on the row of an assignment means.
 *
 * @category grid
 * @since 0.5.0
 */
export const duplicateAssignment = (assignment: Assignment): Duplicate => ({
  entity: "assignment",
  id: assignment.id,
  reason: "duplicate_assignment",
  codeTaken: ["this person already holds this role here from that date", "该人员已自该日起在此担任该角色"]
})
