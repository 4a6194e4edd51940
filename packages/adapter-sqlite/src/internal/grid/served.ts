/**
 * "Who serves this household" in one statement: the household, the nodes on its unit's
 * path, and the assignments current there with the people they name, as tuples tagged by
 * kind. One statement reads one snapshot, so no read transaction is opened around it, and
 * tuples go straight into the models without a row object per row.
 *
 * The unit's materialised path (`/id/id/…/`, node ids only: letters, digits and `_`) is
 * turned into a JSON array in SQL for `json_each`. The people are joined to every current
 * assignment on the path (a handful; the staff table is small and hot), and the nearest per
 * role is picked here by `nearestByRole`.
 */
import {
  type Assignment,
  type GridNode,
  type GridNodeId,
  type Household,
  type HouseholdServers,
  nearestByRole,
  type Person
} from "@mulin/core"
import type { StatementSource } from "../../StatementCache.js"
import { fromPath } from "../kernel/paths.js"
import { allTuples, rawTuple } from "../kernel/statements.js"

const HOUSEHOLD = 0
const NODE = 1
const ASSIGNMENT = 2

/** The ids on the unit's path as a JSON array, from the household `h` and its unit `u`. */
const PATH_IDS = `json_each('["' || replace(substr("u"."path", 2, length("u"."path") - 2), '/', '","') || '"]')`
const PAD = (n: number) => Array.from({ length: n }, () => "NULL").join(", ")

/**
 * Tagged rows: `[0, household columns…, unit path]`, `[1, node columns…]`,
 * `[2, assignment columns…, person columns…]` (the person's are NULL when it is missing).
 * Parameters: the household id three times, then the date twice.
 */
const SERVED = rawTuple<ReadonlyArray<any>>(
  `SELECT ${HOUSEHOLD}, "h"."id", "h"."county_id", "h"."node_id", "h"."code", "h"."residents", "h"."status", "h"."version", "h"."created_at", "h"."updated_at", "u"."path", ${PAD(10)} ` +
    `FROM "households" AS "h" LEFT JOIN "nodes" AS "u" ON "u"."id" = "h"."node_id" WHERE "h"."id" = ? ` +
    `UNION ALL ` +
    `SELECT ${NODE}, "n"."id", "n"."county_id", "n"."parent_id", "n"."path", "n"."depth", "n"."level", "n"."code", "n"."name", "n"."party_organisation", "n"."status", "n"."version", "n"."created_at", "n"."updated_at", ${PAD(7)} ` +
    `FROM "households" AS "h" CROSS JOIN "nodes" AS "u" ON "u"."id" = "h"."node_id" CROSS JOIN ${PATH_IDS} CROSS JOIN "nodes" AS "n" ON "n"."id" = "json_each"."value" WHERE "h"."id" = ? ` +
    `UNION ALL ` +
    `SELECT ${ASSIGNMENT}, "a"."id", "a"."county_id", "a"."person_id", "a"."node_id", "a"."role", "a"."start_date", "a"."end_date", "a"."version", "a"."created_at", "a"."updated_at", ` +
    `"p"."id", "p"."county_id", "p"."node_id", "p"."code", "p"."name", "p"."phone", "p"."household_id", "p"."version", "p"."created_at", "p"."updated_at" ` +
    `FROM "households" AS "h" CROSS JOIN "nodes" AS "u" ON "u"."id" = "h"."node_id" CROSS JOIN ${PATH_IDS} CROSS JOIN "assignments" AS "a" ON "a"."node_id" = "json_each"."value" ` +
    `LEFT JOIN "people" AS "p" ON "p"."id" = "a"."person_id" ` +
    `WHERE "h"."id" = ? AND "a"."start_date" <= ? AND ("a"."end_date" IS NULL OR "a"."end_date" >= ?)`
)

/** What `GridStore.getHouseholdServers` returns, read by one statement; `undefined` when the household does not exist. */
export const readServers = (s: StatementSource, id: string, date: string): HouseholdServers | undefined => {
  const rows = allTuples(s, SERVED, id, id, id, date, date)
  let household: Household | undefined
  let unitPath: string | null = null
  const nodeRows: Array<ReadonlyArray<any>> = []
  // The current assignments, and beside each its row (the person's columns are read only
  // for the nearest per role).
  const current: Array<Assignment> = []
  const assignmentRows: Array<ReadonlyArray<any>> = []
  for (const r of rows) {
    switch (r[0]) {
      case HOUSEHOLD:
        household = { id: r[1], countyId: r[2], nodeId: r[3], code: r[4], residents: JSON.parse(r[5]), status: r[6], version: r[7], createdAt: r[8], updatedAt: r[9] }
        unitPath = r[10]
        break
      case NODE:
        nodeRows.push(r)
        break
      case ASSIGNMENT:
        current.push({ id: r[1], countyId: r[2], personId: r[3], nodeId: r[4], role: r[5], startDate: r[6], endDate: r[7], version: r[8], createdAt: r[9], updatedAt: r[10] })
        assignmentRows.push(r)
        break
    }
  }
  if (household === undefined) return undefined
  if (unitPath === null) return { household, nodes: [], assignments: [], people: [] }
  const path = fromPath<GridNodeId>(unitPath)
  // The nodes in the order of the path. A node on the path has the ids before it as its
  // ancestors (the model's path), so its own stored path need not be split again.
  const onPath: Array<GridNode | undefined> = new Array(path.length)
  for (const r of nodeRows) {
    const at = path.indexOf(r[1])
    if (at === -1) continue
    onPath[at] = {
      id: r[1],
      countyId: r[2],
      parentId: r[3],
      path: path.slice(0, at),
      level: r[6],
      depth: r[5],
      code: r[7],
      name: r[8],
      partyOrganisation: r[9],
      status: r[10],
      version: r[11],
      createdAt: r[12],
      updatedAt: r[13]
    }
  }
  const nodes: Array<GridNode> = []
  for (const node of onPath) if (node !== undefined) nodes.push(node)
  const assignments = [...nearestByRole(path, current).values()]
  const named: Array<Person> = []
  for (const a of assignments) {
    if (named.some((p) => p.id === a.personId)) continue
    const r = assignmentRows[current.indexOf(a)]!
    if (r[11] !== null) named.push({ id: r[11], countyId: r[12], nodeId: r[13], code: r[14], name: r[15], phone: r[16], householdId: r[17], version: r[18], createdAt: r[19], updatedAt: r[20] })
  }
  return { household, nodes, assignments, people: named }
}
