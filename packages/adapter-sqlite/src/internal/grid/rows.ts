/**
 * Mapping between rows and the core models, at the adapter's edge.
 *
 * Nodes, households, people and assignments are mapped by hand (the `*Trusted` mappers),
 * not decoded again through the core schemas: only this adapter writes those rows, from
 * values the core has already decoded, and on the hot reads (`whoServes` reads a dozen
 * rows per call; whole-county reads tens of thousands) decoding cost more than the SQL.
 * Residents are `JSON.parse`d, so malformed JSON still fails as a `StorageError`.
 * Counties and `getNode` (the read every use case authorises against) are still
 * decoded, so a corrupt or hand-edited row there fails loudly as a `StorageError` instead
 * of flowing into the domain.
 *
 * Bulk inserts bind positional parameters straight from the model (`insert*` below, in the
 * order of `*_COLUMNS`): better-sqlite3 binds an argument list faster than it looks up
 * named parameters on a row object, and no row object is made per insert.
 */
import {
  type Assignment,
  County,
  GridNode,
  type GridNodeId,
  type Household,
  type NodeOutline,
  type Person
} from "@mulin/core"
export { assignmentRow, countyRow, householdRow, nodeRow, personRow } from "@mulin/sql"
import { Schema } from "effect"
import type { Selectable } from "kysely"
import type { Statement } from "../../StatementCache.js"
import type { AssignmentTable, CountyTable, HouseholdTable, NodeTable, PersonTable } from "../../Tables.js"
import { fromPath, toPath } from "../kernel/paths.js"

/** The row types as selected. */
export type CountyRow = Selectable<CountyTable>
export type NodeRow = Selectable<NodeTable>
export type HouseholdRow = Selectable<HouseholdTable>
export type PersonRow = Selectable<PersonTable>
export type AssignmentRow = Selectable<AssignmentTable>

// ---------------------------------------------------------------------------
// Counties

const decodeCountySync = Schema.decodeUnknownSync(County)
export const decodeCounty = (r: CountyRow): County =>
  decodeCountySync({ id: r.id, code: r.code, name: r.name, levels: JSON.parse(r.levels), timeZone: r.time_zone, createdAt: r.created_at })

// ---------------------------------------------------------------------------
// Nodes

/** The columns of a node row, in the order {@link insertNode} binds them. */
export const NODE_COLUMNS = ["id", "county_id", "parent_id", "path", "depth", "level", "code", "name", "party_organisation", "status", "version", "created_at", "updated_at"] as const

/** Runs an `INSERT` of {@link NODE_COLUMNS} for `n`. */
export const insertNode = (insert: Statement, n: GridNode): void => {
  insert.run(n.id, n.countyId, n.parentId, toPath([...n.path, n.id]), n.depth, n.level, n.code, n.name, n.partyOrganisation, n.status, n.version, n.createdAt, n.updatedAt)
}

export const nodeTrusted = (r: NodeRow): GridNode => ({
  id: r.id,
  countyId: r.county_id,
  parentId: r.parent_id,
  // The stored path ends with the node itself; the model's holds the ancestors only.
  path: fromPath<GridNodeId>(r.path).slice(0, -1),
  level: r.level,
  depth: r.depth,
  code: r.code,
  name: r.name,
  partyOrganisation: r.party_organisation,
  status: r.status,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

const decodeNodeSync = Schema.decodeUnknownSync(GridNode)
export const decodeNode = (r: NodeRow): GridNode => decodeNodeSync(nodeTrusted(r))

/** The columns an outline needs. */
export type OutlineRow = Pick<NodeRow, "id" | "parent_id" | "depth" | "name" | "party_organisation">

export const outlineTrusted = (r: OutlineRow): NodeOutline => ({
  id: r.id,
  parentId: r.parent_id,
  depth: r.depth,
  name: r.name,
  hasPartyOrganisation: r.party_organisation !== null
})

// ---------------------------------------------------------------------------
// Households

/** The columns of a household row, in the order {@link insertHousehold} binds them. */
export const HOUSEHOLD_COLUMNS = ["id", "county_id", "node_id", "code", "residents", "resident_count", "status", "version", "created_at", "updated_at"] as const

/** Runs an `INSERT` of {@link HOUSEHOLD_COLUMNS} for `h`. */
export const insertHousehold = (insert: Statement, h: Household): void => {
  insert.run(h.id, h.countyId, h.nodeId, h.code, JSON.stringify(h.residents), h.residents.length, h.status, h.version, h.createdAt, h.updatedAt)
}

export const householdTrusted = (r: HouseholdRow): Household => ({
  id: r.id,
  countyId: r.county_id,
  nodeId: r.node_id,
  code: r.code,
  residents: JSON.parse(r.residents) as Household["residents"],
  status: r.status,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

// ---------------------------------------------------------------------------
// People

/** The columns of a person row, in the order {@link insertPerson} binds them. */
export const PERSON_COLUMNS = ["id", "county_id", "node_id", "code", "name", "phone", "household_id", "version", "created_at", "updated_at"] as const

/** Runs an `INSERT` of {@link PERSON_COLUMNS} for `p`. */
export const insertPerson = (insert: Statement, p: Person): void => {
  insert.run(p.id, p.countyId, p.nodeId, p.code, p.name, p.phone, p.householdId, p.version, p.createdAt, p.updatedAt)
}

export const personTrusted = (r: PersonRow): Person => ({
  id: r.id,
  countyId: r.county_id,
  nodeId: r.node_id,
  code: r.code,
  name: r.name,
  phone: r.phone,
  householdId: r.household_id,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

// ---------------------------------------------------------------------------
// Assignments

/** The columns of an assignment row, in the order {@link insertAssignment} binds them. */
export const ASSIGNMENT_COLUMNS = ["id", "county_id", "person_id", "node_id", "role", "start_date", "end_date", "version", "created_at", "updated_at"] as const

/** Runs an `INSERT` of {@link ASSIGNMENT_COLUMNS} for `a`. */
export const insertAssignment = (insert: Statement, a: Assignment): void => {
  insert.run(a.id, a.countyId, a.personId, a.nodeId, a.role, a.startDate, a.endDate, a.version, a.createdAt, a.updatedAt)
}

export const assignmentTrusted = (r: AssignmentRow): Assignment => ({
  id: r.id,
  countyId: r.county_id,
  personId: r.person_id,
  nodeId: r.node_id,
  role: r.role,
  startDate: r.start_date,
  endDate: r.end_date,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})
