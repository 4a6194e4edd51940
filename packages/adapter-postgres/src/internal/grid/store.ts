/**
 * The grid port and the kernel's directory on PostgreSQL.
 *
 * - Point reads select rows under the models' field names (see `rows.ts`).
 * - Bulk inserts of many rows (the CSV import's batches) go through `COPY … FROM STDIN`; a
 *   few rows as one JSON parameter (`json_populate_recordset`), one statement either way.
 * - Subtree reads look up the root's materialised path and read the range of live nodes
 *   from `nodes_live_path`, joining the other tables by `node_id`.
 * - Versioned updates name the row's county and check the version in their `WHERE`.
 */
import {
  type Assignment, DEFAULT_TIME_ZONE, Directory, type Conflict, type Cursor, type GridNode, type GridNodeId, GridStore, type Household, nearestByRole,
  type Page, type Person, type Post, staleVersion, type StorageError, type SubjectLink, subjectTaken
} from "@mulin/core"
import { duplicateAssignment, duplicateCounty, duplicateHousehold, duplicateNode, duplicatePerson } from "@mulin/sql"
import { Effect, Option } from "effect"
import { type PostgresDatabase, prepared, type Sql } from "../../PostgresDatabase.js"
import { fromPath, upperBound } from "../kernel/paths.js"
import { kept } from "../kernel/runner.js"
import { asDuplicate, classify, columnsOf, type Duplicate, insertJson, insertMany, insertRows, toPage } from "../kernel/sql.js"
import {
  ASSIGNMENT,
  assignmentRow,
  COUNTY,
  countyRow,
  type CountyRow,
  decodeCounty,
  decodeNode,
  HOUSEHOLD,
  householdRow,
  type HouseholdRow,
  householdTrusted,
  keptNodeKey,
  NODE,
  nodeRow,
  type NodeRow,
  nodeTrusted,
  PERSON,
  personRow,
  qualified
} from "./rows.js"

const INSERT = {
  counties: insertJson("counties", ["id", "code", "name", "levels", "time_zone", "created_at"]),
  nodes: columnsOf("nodes", ["county_id", "id", "parent_id", "path", "depth", "level", "code", "name", "party_organisation", "status", "version", "created_at", "updated_at"]),
  households: columnsOf("households", ["county_id", "id", "node_id", "code", "residents", "resident_count", "status", "version", "created_at", "updated_at"]),
  people: columnsOf("people", ["county_id", "id", "node_id", "code", "name", "phone", "household_id", "version", "created_at", "updated_at"]),
  assignments: columnsOf("assignments", ["county_id", "id", "person_id", "node_id", "role", "start_date", "end_date", "version", "created_at", "updated_at"])
}

/** The point reads every scope check makes, prepared once per connection. */
const NODE_BY_ID = prepared(`SELECT ${NODE} FROM nodes WHERE id = $1`)
const NODES_BY_ID = prepared(`SELECT ${NODE} FROM nodes WHERE id = ANY($1::text[])`)
const PLACE_BY_ID = prepared("SELECT county_id, parent_id, path, depth, status, version FROM nodes WHERE id = $1")

/** `UPDATE table SET c = $3, … WHERE county_id = $1 AND id = $2 AND version = $n`, from a row object. */
const updateOf = (table: string, columns: ReadonlyArray<string>) => ({
  sql: `UPDATE ${table} SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(", ")} WHERE county_id = $1 AND id = $2 AND version = $${columns.length + 3}`,
  args: (row: Record<string, unknown>, expected: number) => [row["county_id"], row["id"], ...columns.map((c) => row[c]), expected]
})

const UPDATE = {
  // Not parent_id, path nor depth: only moveSubtree changes those.
  nodes: updateOf("nodes", ["level", "code", "name", "party_organisation", "status", "version", "created_at", "updated_at"]),
  households: updateOf("households", ["node_id", "code", "residents", "resident_count", "status", "version", "created_at", "updated_at"]),
  people: updateOf("people", ["node_id", "code", "name", "phone", "household_id", "version", "created_at", "updated_at"]),
  assignments: updateOf("assignments", ["person_id", "node_id", "role", "start_date", "end_date", "version", "created_at", "updated_at"])
}

const pageLimit = (cursor: Cursor): number => Math.max(1, Math.floor(cursor.limit))
const first = <A>(rows: ReadonlyArray<A>): Option.Option<A> => (rows.length === 0 ? Option.none() : Option.some(rows[0]!))

type Versioned = keyof typeof UPDATE

/** The grid port and the kernel's directory. */
export const makeGridPorts = (db: PostgresDatabase["Service"]): { readonly gridStore: GridStore["Service"]; readonly directory: Directory["Service"] } => {
  const q = db.query

  const one = <R, A>(sql: Sql, args: ReadonlyArray<unknown>, f: (r: R) => A) => Effect.map(q<R>(sql, args), (rows) => Option.map(first(rows), f))

  interface Place {
    readonly county_id: string
    readonly parent_id: string | null
    readonly path: string
    readonly depth: number
    readonly status: string
    readonly version: number
  }
  const place = (id: string) => Effect.map(q<Place>(PLACE_BY_ID, [id]), (rows) => rows[0])

  /** Reads the live subtree of `rootId` with `f`, or returns `empty` when the root is missing or archived. */
  const subtree = <A>(rootId: GridNodeId, empty: A, f: (root: Place, lo: string, hi: string) => Effect.Effect<A, StorageError>): Effect.Effect<A, StorageError> =>
    db.read(Effect.flatMap(place(rootId), (root) => (root === undefined || root.status !== "active" ? Effect.succeed(empty) : f(root, root.path, upperBound(root.path)))))

  const pageBelow = <A>(table: "people" | "assignments", list: string, rootId: GridNodeId, cursor: Cursor): Effect.Effect<Page<A>, StorageError> => {
    const limit = pageLimit(cursor)
    return subtree(rootId, { items: [], next: null } as Page<A>, (root, lo, hi) =>
      Effect.map(
        q<A & { id: string }>(
          `SELECT ${qualified(list, "x")} FROM nodes n JOIN ${table} x ON x.county_id = n.county_id AND x.node_id = n.id ` +
            `WHERE n.county_id = $1 AND n.path >= $2 AND n.path < $3 AND n.status = 'active' AND x.id > $4 ORDER BY x.id LIMIT $5`,
          [root.county_id, lo, hi, cursor.after ?? "", limit + 1]
        ),
        (rows) => toPage(rows, limit, (r) => r as A)
      ))
  }

  const stale = (table: Versioned, entity: string, id: string, expected: number) =>
    Effect.flatMap(q<{ version: number }>(`SELECT version FROM ${table} WHERE id = $1`, [id]), (rows) => Effect.fail(staleVersion(entity, id, expected, rows[0]?.version ?? 0)))

  const update = <A extends { readonly id: string }>(table: Versioned, item: A, row: Record<string, unknown>, expected: number, duplicate: (a: A) => Duplicate) =>
    db.write(
      db.run(UPDATE[table].sql, UPDATE[table].args(row, expected)).pipe(
        Effect.mapError((e) => classify(asDuplicate(e, [item], duplicate))),
        Effect.flatMap((r) => (r.rowCount === 0 ? stale(table, duplicate(item).entity, item.id, expected) : Effect.void))
      )
    )

  const getNodes = (ids: ReadonlyArray<GridNodeId>) =>
    ids.length === 0 ? Effect.succeed([]) : Effect.map(q<NodeRow>(NODES_BY_ID, [[...new Set(ids)]]), (rows) => rows.map(nodeTrusted))

  const gridStore = GridStore.of({
    getCounty: (id) => one(`SELECT ${COUNTY} FROM counties WHERE id = $1`, [id], decodeCounty),
    findCountyByCode: (code) => one(`SELECT ${COUNTY} FROM counties WHERE code = $1`, [code], decodeCounty),
    listCounties: Effect.map(q<CountyRow>(`SELECT ${COUNTY} FROM counties ORDER BY id`), (rows) => rows.map(decodeCounty)),
    insertCounty: (county, root) =>
      db.write(Effect.andThen(insertRows(db, INSERT.counties, [county], countyRow, duplicateCounty), insertRows(db, INSERT.nodes.json, [root], nodeRow, duplicateNode))),

    getNode: (id) => one(NODE_BY_ID, [id], decodeNode),
    getNodes,
    findChildByCode: (parentId, code) =>
      one(`SELECT ${NODE} FROM nodes WHERE parent_id = $1 AND code = $2 AND status = 'active'`, [parentId, code], nodeTrusted),
    listChildren: (parentId, cursor) => {
      const limit = pageLimit(cursor)
      return Effect.map(
        q<NodeRow>(`SELECT ${NODE} FROM nodes WHERE parent_id = $1 AND status = 'active' AND id > $2 ORDER BY id LIMIT $3`, [parentId, cursor.after ?? "", limit + 1]),
        (rows) => toPage(rows, limit, nodeTrusted)
      )
    },
    insertNodes: (nodes) => insertMany(db, INSERT.nodes, nodes, nodeRow, duplicateNode),
    updateNode: (node, expected) => update("nodes", node, nodeRow(node), expected, duplicateNode),
    moveSubtree: (node, expected) =>
      db.write(Effect.gen(function*() {
        const stored = yield* place(node.id)
        if (stored === undefined || stored.version !== expected) return yield* stale("nodes", "grid node", node.id, expected)
        const row = nodeRow(node)
        // Every descendant, archived ones too: the old prefix is swapped for the new one.
        const descendants = yield* db.change(
          "UPDATE nodes SET path = $2 || substr(path, $3), depth = depth + $4 WHERE county_id = $1 AND path > $5 AND path < $6",
          [stored.county_id, row.path, stored.path.length + 1, node.depth - stored.depth, stored.path, upperBound(stored.path)]
        )
        yield* db.run(
          "UPDATE nodes SET parent_id = $3, path = $4, depth = $5, level = $6, code = $7, name = $8, party_organisation = $9, status = $10, version = $11, updated_at = $12 WHERE county_id = $1 AND id = $2",
          [row.county_id, row.id, row.parent_id, row.path, row.depth, row.level, row.code, row.name, row.party_organisation, row.status, row.version, row.updated_at]
        ).pipe(Effect.mapError((e) => classify(asDuplicate(e, [node], duplicateNode))))
        return descendants
      })),
    archiveDescendants: (node, at) =>
      db.write(Effect.gen(function*() {
        const stored = yield* place(node.id)
        if (stored === undefined) return { nodes: 0, households: 0 }
        const hi = upperBound(stored.path)
        // Households first, at the node and below, while their nodes are still live.
        const households = yield* db.change(
          "UPDATE households h SET status = 'archived', version = h.version + 1, updated_at = $4 FROM nodes n " +
            "WHERE h.county_id = $1 AND h.status = 'active' AND n.county_id = h.county_id AND n.id = h.node_id AND n.path >= $2 AND n.path < $3",
          [stored.county_id, stored.path, hi, at]
        )
        const nodes = yield* db.change(
          "UPDATE nodes SET status = 'archived', version = version + 1, updated_at = $4 WHERE county_id = $1 AND path > $2 AND path < $3 AND status = 'active'",
          [stored.county_id, stored.path, hi, at]
        )
        return { nodes, households }
      })),
    countLive: (nodeId) =>
      Effect.map(
        q<{ children: number; households: number }>(
          "SELECT (SELECT count(*) FROM nodes WHERE parent_id = $1 AND status = 'active') AS children, (SELECT count(*) FROM households WHERE node_id = $1 AND status = 'active') AS households",
          [nodeId]
        ),
        (rows) => rows[0] ?? { children: 0, households: 0 }
      ),
    countByLevel: (rootId) =>
      subtree(rootId, [], (root, lo, hi) =>
        q<{ level: string; count: number }>(
          "SELECT level, count(*) AS count FROM nodes WHERE county_id = $1 AND path >= $2 AND path < $3 AND status = 'active' GROUP BY level ORDER BY min(depth), level",
          [root.county_id, lo, hi]
        )),
    outline: (rootId) =>
      subtree(rootId, [], (root, lo, hi) =>
        q<{ id: GridNodeId; parentId: GridNodeId | null; depth: number; name: string; hasPartyOrganisation: boolean }>(
          `SELECT id, parent_id AS "parentId", depth, name, party_organisation IS NOT NULL AS "hasPartyOrganisation" FROM nodes ` +
            "WHERE county_id = $1 AND path >= $2 AND path < $3 AND status = 'active' ORDER BY path",
          [root.county_id, lo, hi]
        )),

    getHousehold: (id) => one(`SELECT ${HOUSEHOLD} FROM households WHERE id = $1`, [id], householdTrusted),
    findHouseholdByCode: (nodeId, code) =>
      one(`SELECT ${HOUSEHOLD} FROM households WHERE node_id = $1 AND code = $2 AND status = 'active'`, [nodeId, code], householdTrusted),
    insertHouseholds: (households) => insertMany(db, INSERT.households, households, householdRow, duplicateHousehold),
    updateHousehold: (household, expected) => update("households", household, householdRow(household), expected, duplicateHousehold),
    listHouseholds: (rootId, cursor) => {
      const limit = pageLimit(cursor)
      return subtree(rootId, { items: [], next: null } as Page<Household>, (root, lo, hi) =>
        Effect.map(
          root.parent_id === null
            // A live household's unit and its ancestors are live: the county's page comes from households_live_county.
            ? q<HouseholdRow>(
              `SELECT ${HOUSEHOLD} FROM households WHERE county_id = $1 AND status = 'active' AND id > $2 ORDER BY id LIMIT $3`,
              [root.county_id, cursor.after ?? "", limit + 1]
            )
            : q<HouseholdRow>(
              `SELECT ${qualified(HOUSEHOLD, "h")} FROM nodes n JOIN households h ON h.county_id = n.county_id AND h.node_id = n.id ` +
                "WHERE n.county_id = $1 AND n.path >= $2 AND n.path < $3 AND n.status = 'active' AND h.status = 'active' AND h.id > $4 ORDER BY h.id LIMIT $5",
              [root.county_id, lo, hi, cursor.after ?? "", limit + 1]
            ),
          (rows) => toPage(rows, limit, householdTrusted)
        ))
    },
    countHouseholds: (rootId) =>
      subtree(rootId, { households: 0, residents: 0 }, (root, lo, hi) =>
        Effect.map(
          q<{ households: number; residents: number }>(
            "SELECT count(*) AS households, coalesce(sum(h.resident_count), 0) AS residents FROM nodes n JOIN households h ON h.county_id = n.county_id AND h.node_id = n.id " +
              "WHERE n.county_id = $1 AND n.path >= $2 AND n.path < $3 AND n.status = 'active' AND h.status = 'active'",
            [root.county_id, lo, hi]
          ),
          (rows) => rows[0] ?? { households: 0, residents: 0 }
        )),

    getPerson: (id) => one(`SELECT ${PERSON} FROM people WHERE id = $1`, [id], (r: Person) => r),
    getPeople: (ids) => (ids.length === 0 ? Effect.succeed([]) : q<Person>(`SELECT ${PERSON} FROM people WHERE id = ANY($1::text[])`, [[...new Set(ids)]])),
    findPersonByCode: (countyId, code) => one(`SELECT ${PERSON} FROM people WHERE county_id = $1 AND code = $2`, [countyId, code], (r: Person) => r),
    insertPeople: (people) => insertMany(db, INSERT.people, people, personRow, duplicatePerson),
    updatePerson: (person, expected) => update("people", person, personRow(person), expected, duplicatePerson),
    listPeople: (rootId, cursor) => pageBelow<Person>("people", PERSON, rootId, cursor),

    getAssignment: (id) => one(`SELECT ${ASSIGNMENT} FROM assignments WHERE id = $1`, [id], (r: Assignment) => r),
    findAssignment: (personId, nodeId, role, startDate) =>
      one(`SELECT ${ASSIGNMENT} FROM assignments WHERE person_id = $1 AND node_id = $2 AND role = $3 AND start_date = $4`, [personId, nodeId, role, startDate], (r: Assignment) => r),
    insertAssignments: (assignments) => insertMany(db, INSERT.assignments, assignments, assignmentRow, duplicateAssignment),
    updateAssignment: (assignment, expected) => update("assignments", assignment, assignmentRow(assignment), expected, duplicateAssignment),
    listAssignments: (rootId, cursor) => pageBelow<Assignment>("assignments", ASSIGNMENT, rootId, cursor),
    currentAssignmentsAt: (nodeIds, date) =>
      nodeIds.length === 0
        ? Effect.succeed([])
        : q<Assignment>(
          `SELECT ${ASSIGNMENT} FROM assignments WHERE node_id = ANY($1::text[]) AND start_date <= $2 AND (end_date IS NULL OR end_date >= $2) ORDER BY id`,
          [[...new Set(nodeIds)], date]
        ),
    currentAssignmentsIn: (rootId, date, roles) =>
      roles.length === 0
        ? Effect.succeed([])
        : subtree(rootId, [], (root, lo, hi) =>
          q<Assignment>(
            `SELECT ${qualified(ASSIGNMENT, "a")} FROM nodes n JOIN assignments a ON a.county_id = n.county_id AND a.node_id = n.id ` +
              "WHERE n.county_id = $1 AND n.path >= $2 AND n.path < $3 AND n.status = 'active' AND a.role = ANY($4::text[]) AND a.start_date <= $5 AND (a.end_date IS NULL OR a.end_date >= $5) ORDER BY a.id",
            [root.county_id, lo, hi, roles, date]
          )),

    linkSubject: (link) =>
      db.write(Effect.gen(function*() {
        const [existing] = yield* q<{ person_id: string }>("SELECT person_id FROM sign_in_subjects WHERE issuer = $1 AND subject = $2", [link.issuer, link.subject])
        if (existing !== undefined) {
          if (existing.person_id !== link.personId) return yield* Effect.fail(subjectTaken(link))
          return
        }
        yield* db.run(
          "INSERT INTO sign_in_subjects (county_id, issuer, subject, person_id, linked_at) VALUES ($1, $2, $3, $4, $5)",
          [link.countyId, link.issuer, link.subject, link.personId, link.linkedAt]
        ).pipe(Effect.mapError((e) => classify(asDuplicate(e, [{ id: link.subject }], () => ({ entity: "sign-in subject", id: link.subject, codeTaken: ["", ""] })))))
      })) as Effect.Effect<void, Conflict | StorageError>,
    unlinkSubject: (issuer, subject) => Effect.map(db.change("DELETE FROM sign_in_subjects WHERE issuer = $1 AND subject = $2", [issuer, subject]), (n) => n > 0),
    subjectsOf: (personId) =>
      q<SubjectLink>(
        `SELECT issuer, subject, person_id AS "personId", county_id AS "countyId", linked_at AS "linkedAt" FROM sign_in_subjects WHERE person_id = $1 ORDER BY issuer, subject`,
        [personId]
      ),

    getHouseholdServers: (id, date) =>
      db.read(Effect.gen(function*() {
        const [row] = yield* q<HouseholdRow & { unit_path: string | null }>(
          `SELECT ${qualified(HOUSEHOLD, "h")}, n.path AS unit_path FROM households h LEFT JOIN nodes n ON n.county_id = h.county_id AND n.id = h.node_id WHERE h.id = $1`,
          [id]
        )
        if (row === undefined) return Option.none()
        const { unit_path, ...rest } = row
        const household = householdTrusted(rest)
        if (unit_path === null) return Option.some({ household, nodes: [], assignments: [], people: [] })
        const path = fromPath<GridNodeId>(unit_path)
        const found = new Map((yield* getNodes(path)).map((n) => [n.id, n]))
        const nodes = path.flatMap((n) => found.get(n) ?? [])
        const current = yield* gridStore.currentAssignmentsAt(path, date)
        const assignments = [...nearestByRole(path, current).values()]
        const named = [...new Set(assignments.map((a) => a.personId))]
        const people = named.length === 0 ? [] : yield* gridStore.getPeople(named)
        return Option.some({ household, nodes, assignments, people })
      }))
  })

  const communityDepth = (levels: string): number => {
    const keys = (JSON.parse(levels) as ReadonlyArray<{ readonly key: string }>).map((l) => l.key)
    const i = keys.indexOf("community")
    return i === -1 ? Math.min(2, Math.max(0, keys.length - 1)) : i
  }

  interface AccessRow {
    readonly id: string
    readonly county_id: string
    readonly node_id: string
    readonly name: string
    readonly household_id: string | null
    readonly time_zone: string | null
    readonly unit_path: string | null
    readonly posts: Array<[Post["role"], GridNodeId, string, string | null]>
  }

  const directory = Directory.of({
    // A node an earlier statement of the unit of work read along with its rows (an account's) is not read again.
    getPlace: (id) =>
      Effect.flatMap(kept<GridNode>(db.pool, [keptNodeKey(id)]), (found) => {
        const node = found.get(keptNodeKey(id))
        return node !== undefined ? Effect.succeed(Option.some(node)) : one(NODE_BY_ID, [id], nodeTrusted)
      }),
    getPlaces: (ids) =>
      Effect.flatMap(kept<GridNode>(db.pool, ids.map(keptNodeKey)), (found) => {
        if (found.size === 0) return getNodes(ids)
        const missing = ids.filter((id) => !found.has(keptNodeKey(id)))
        return Effect.map(getNodes(missing), (read) => [...found.values(), ...read])
      }),
    // The person, the posts and the home's unit in one statement (one snapshot); the home's nodes in the same read.
    personAccess: (id) =>
      db.read(Effect.gen(function*() {
        const [row] = yield* q<AccessRow>(
          "SELECT p.id, p.county_id, p.node_id, p.name, p.household_id, c.time_zone, u.path AS unit_path, " +
            "coalesce((SELECT json_agg(json_build_array(a.role, a.node_id, a.start_date, a.end_date)) FROM assignments a WHERE a.county_id = p.county_id AND a.person_id = p.id), '[]'::json) AS posts " +
            "FROM people p LEFT JOIN counties c ON c.id = p.county_id " +
            "LEFT JOIN households h ON h.county_id = p.county_id AND h.id = p.household_id AND h.status = 'active' " +
            "LEFT JOIN nodes u ON u.county_id = h.county_id AND u.id = h.node_id WHERE p.id = $1",
          [id]
        )
        if (row === undefined) return Option.none()
        const posts = row.posts.map(([role, nodeId, startDate, endDate]): Post => ({ role, nodeId, startDate, endDate }))
        let home: Array<GridNode> = []
        if (row.unit_path !== null) {
          const path = fromPath<GridNodeId>(row.unit_path)
          const found = new Map((yield* getNodes(path)).map((n) => [n.id, n]))
          home = path.flatMap((n) => found.get(n) ?? [])
        }
        return Option.some({
          person: { id: row.id as Person["id"], countyId: row.county_id as GridNodeId, nodeId: row.node_id as GridNodeId, name: row.name, householdId: row.household_id as Person["householdId"] },
          timeZone: row.time_zone ?? DEFAULT_TIME_ZONE,
          posts,
          home
        })
      })),
    findSubject: (issuer, subject) => one("SELECT person_id FROM sign_in_subjects WHERE issuer = $1 AND subject = $2", [issuer, subject], (r: { person_id: Person["id"] }) => r.person_id),
    namesAround: (nodeId) =>
      db.read(Effect.gen(function*() {
        const [node] = yield* q<{ county_id: string; path: string; depth: number; levels: string | null }>(
          "SELECT n.county_id, n.path, n.depth, c.levels FROM nodes n LEFT JOIN counties c ON c.id = n.county_id WHERE n.id = $1",
          [nodeId]
        )
        if (node === undefined) return []
        const depth = node.levels === null ? 2 : communityDepth(node.levels)
        const full = fromPath(node.path)
        const root = node.depth > depth ? (yield* place(full[depth]!))?.path ?? node.path : node.path
        const hi = upperBound(root)
        const names = new Set<string>()
        for (const r of yield* q<{ name: string }>("SELECT p.name FROM nodes n JOIN people p ON p.county_id = n.county_id AND p.node_id = n.id WHERE n.county_id = $1 AND n.path >= $2 AND n.path < $3", [node.county_id, root, hi])) {
          names.add(r.name)
        }
        if (node.depth >= depth) {
          const rows = yield* q<{ residents: string }>(
            "SELECT h.residents FROM nodes n JOIN households h ON h.county_id = n.county_id AND h.node_id = n.id WHERE n.county_id = $1 AND n.path >= $2 AND n.path < $3 AND h.status = 'active'",
            [node.county_id, root, hi]
          )
          for (const r of rows) for (const resident of JSON.parse(r.residents) as Household["residents"]) names.add(resident.name)
        }
        return [...names]
      }))
  })

  return { gridStore, directory }
}
