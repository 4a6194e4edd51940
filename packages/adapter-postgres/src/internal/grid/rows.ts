/**
 * The grid's rows: selected under the core models' own field names (`county_id AS
 * "countyId"`), so a row needs no mapping but the node's path and the residents' JSON; and
 * written as JSON objects keyed by column, for `json_populate_recordset`.
 */
import { type Assignment, County, GridNode, type GridNodeId, type Household, type Person } from "@mulin/core"
export { assignmentRow, countyRow, householdRow, nodeRow, personRow } from "@mulin/sql"
import { Schema } from "effect"
import { fromPath } from "../kernel/paths.js"

export const COUNTY = `id, code, name, levels, time_zone AS "timeZone", created_at AS "createdAt"`
export const NODE =
  `county_id AS "countyId", id, parent_id AS "parentId", path, depth, level, code, name, party_organisation AS "partyOrganisation", status, version, created_at AS "createdAt", updated_at AS "updatedAt"`
export const HOUSEHOLD = `id, county_id AS "countyId", node_id AS "nodeId", code, residents, status, version, created_at AS "createdAt", updated_at AS "updatedAt"`
export const PERSON = `id, county_id AS "countyId", node_id AS "nodeId", code, name, phone, household_id AS "householdId", version, created_at AS "createdAt", updated_at AS "updatedAt"`
export const ASSIGNMENT =
  `id, county_id AS "countyId", person_id AS "personId", node_id AS "nodeId", role, start_date AS "startDate", end_date AS "endDate", version, created_at AS "createdAt", updated_at AS "updatedAt"`

/** `alias.column AS "field", …` for a select list, to read from a join. */
export const qualified = (list: string, alias: string): string =>
  list.split(", ").map((c) => `${alias}.${c}`).join(", ")

/** {@link NODE} read along with another table's rows: `n.<column> AS "node.<field>"`, for {@link nodeAlong}. */
export const NODE_ALONG = NODE.split(", ").map((c) => {
  const [column, alias] = c.split(" AS ")
  return `n.${column} AS "node.${alias === undefined ? column : alias.replaceAll('"', "")}"`
}).join(", ")

/** The node a row read along with {@link NODE_ALONG}, or undefined when the join found none. */
export const nodeAlong = (r: Record<string, unknown>): GridNode | undefined => {
  if (r["node.id"] === null || r["node.id"] === undefined) return undefined
  const row: Record<string, unknown> = {}
  for (const key in r) if (key.startsWith("node.")) row[key.slice(5)] = r[key]
  return nodeTrusted(row as NodeRow)
}

/** The key of a node kept for later reads of a transaction. */
export const keptNodeKey = (id: string): string => `node:${id}`

export type CountyRow = Omit<County, "levels"> & { readonly levels: string }
export type NodeRow = Omit<GridNode, "path"> & { readonly path: string }
export type HouseholdRow = Omit<Household, "residents"> & { readonly residents: string }

const decodeCountySync = Schema.decodeUnknownSync(County)
export const decodeCounty = (r: CountyRow): County => decodeCountySync({ ...r, levels: JSON.parse(r.levels) })

/** The stored path ends with the node itself; the model's holds the ancestors only. */
export const nodeTrusted = (r: NodeRow): GridNode => ({ ...r, path: fromPath<GridNodeId>(r.path).slice(0, -1) })
const decodeNodeSync = Schema.decodeUnknownSync(GridNode)
export const decodeNode = (r: NodeRow): GridNode => decodeNodeSync(nodeTrusted(r))

export const householdTrusted = (r: HouseholdRow): Household => ({ ...r, residents: JSON.parse(r.residents) as Household["residents"] })
export const personTrusted = (r: Person): Person => r
export const assignmentTrusted = (r: Assignment): Assignment => r
