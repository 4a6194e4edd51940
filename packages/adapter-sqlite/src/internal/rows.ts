/**
 * Mapping between rows and the core models, at the adapter's edge.
 *
 * Rows read back are decoded through the core schemas, so a corrupt or hand-edited row
 * fails loudly as a `StorageError` instead of flowing into the domain. The `*Trusted`
 * mappers skip that check: they serve whole-county reads (`outline`,
 * `currentAssignmentsIn`) where decoding tens of thousands of rows would dominate the cost,
 * and the rows were validated by the schemas when they were written.
 */
import {
  Assignment,
  County,
  GridNode,
  Household,
  type NewEvent,
  type NodeOutline,
  Person,
  StoredEvent
} from "@mulin/core"
import { Schema } from "effect"
import type { Selectable } from "kysely"
import type { AssignmentTable, CountyTable, EventTable, HouseholdTable, NodeTable, PersonTable } from "../Tables.js"
import { fromPath, toPath } from "./paths.js"

/** The row types as selected. */
export type CountyRow = Selectable<CountyTable>
export type NodeRow = Selectable<NodeTable>
export type HouseholdRow = Selectable<HouseholdTable>
export type PersonRow = Selectable<PersonTable>
export type AssignmentRow = Selectable<AssignmentTable>
export type EventRow = Selectable<EventTable>

// ---------------------------------------------------------------------------
// Counties

export const countyRow = (c: County): CountyRow => ({
  id: c.id,
  code: c.code,
  name: c.name,
  levels: JSON.stringify(c.levels),
  created_at: c.createdAt
})

const decodeCountySync = Schema.decodeUnknownSync(County)
export const decodeCounty = (r: CountyRow): County =>
  decodeCountySync({ id: r.id, code: r.code, name: r.name, levels: JSON.parse(r.levels), createdAt: r.created_at })

// ---------------------------------------------------------------------------
// Nodes

export const nodeRow = (n: GridNode): NodeRow => ({
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

const nodeFields = (r: NodeRow) => ({
  id: r.id,
  countyId: r.county_id,
  parentId: r.parent_id,
  // The stored path ends with the node itself; the model's holds the ancestors only.
  path: fromPath(r.path).slice(0, -1),
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
export const decodeNode = (r: NodeRow): GridNode => decodeNodeSync(nodeFields(r))

/** The columns an outline needs. */
export type OutlineRow = Pick<NodeRow, "id" | "parent_id" | "depth" | "name" | "party_organisation">

export const outlineTrusted = (r: OutlineRow): NodeOutline => ({
  id: r.id as NodeOutline["id"],
  parentId: r.parent_id as NodeOutline["parentId"],
  depth: r.depth,
  name: r.name,
  hasPartyOrganisation: r.party_organisation !== null
})

// ---------------------------------------------------------------------------
// Households

export const householdRow = (h: Household): HouseholdRow => ({
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

const decodeHouseholdSync = Schema.decodeUnknownSync(Household)
export const decodeHousehold = (r: HouseholdRow): Household =>
  decodeHouseholdSync({
    id: r.id,
    countyId: r.county_id,
    nodeId: r.node_id,
    code: r.code,
    residents: JSON.parse(r.residents),
    status: r.status,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  })

// ---------------------------------------------------------------------------
// People

export const personRow = (p: Person): PersonRow => ({
  id: p.id,
  county_id: p.countyId,
  node_id: p.nodeId,
  code: p.code,
  name: p.name,
  phone: p.phone,
  version: p.version,
  created_at: p.createdAt,
  updated_at: p.updatedAt
})

const decodePersonSync = Schema.decodeUnknownSync(Person)
export const decodePerson = (r: PersonRow): Person =>
  decodePersonSync({
    id: r.id,
    countyId: r.county_id,
    nodeId: r.node_id,
    code: r.code,
    name: r.name,
    phone: r.phone,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at
  })

// ---------------------------------------------------------------------------
// Assignments

export const assignmentRow = (a: Assignment): AssignmentRow => ({
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

export const assignmentTrusted = (r: AssignmentRow): Assignment => ({
  id: r.id as Assignment["id"],
  countyId: r.county_id as Assignment["countyId"],
  personId: r.person_id as Assignment["personId"],
  nodeId: r.node_id as Assignment["nodeId"],
  role: r.role as Assignment["role"],
  startDate: r.start_date,
  endDate: r.end_date,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at
})

const decodeAssignmentSync = Schema.decodeUnknownSync(Assignment)
export const decodeAssignment = (r: AssignmentRow): Assignment => decodeAssignmentSync(assignmentTrusted(r))

// ---------------------------------------------------------------------------
// Events

/** The row of an event; `scopeKey` is its scope in short keys. */
export const eventRow = (e: NewEvent, scopeKey: string): Omit<EventRow, "position"> => ({
  id: e.id,
  type: e.type,
  aggregate_type: e.aggregateType,
  aggregate_id: e.aggregateId,
  version: e.version,
  actor: JSON.stringify(e.actor),
  at: e.at,
  scope: toPath(e.scope),
  scope_key: scopeKey,
  payload: JSON.stringify(e.payload)
})

const decodeEventSync = Schema.decodeUnknownSync(StoredEvent)
export const decodeEvent = (r: EventRow): StoredEvent =>
  decodeEventSync({
    position: r.position,
    id: r.id,
    type: r.type,
    aggregateType: r.aggregate_type,
    aggregateId: r.aggregate_id,
    version: r.version,
    actor: JSON.parse(r.actor),
    at: r.at,
    scope: fromPath(r.scope),
    payload: JSON.parse(r.payload)
  })
