/**
 * The grid port on SQLite.
 *
 * - Point reads, run by every use case, are built with kysely once and run through the
 *   statement cache: neither compiled by kysely nor prepared by SQLite per call.
 * - Bulk inserts (the CSV importer sends thousands of rows per call) run one cached
 *   statement with positional parameters bound straight from the model; versioned updates
 *   one with named parameters taken from the row.
 * - Subtree reads look up the root's materialised path, read the range of live nodes from
 *   the covering index `nodes_live_path`, and join the other tables by `node_id`
 *   (CROSS JOIN keeps nodes as SQLite's outer loop).
 */
import {
  DEFAULT_TIME_ZONE,
  Directory,
  type Conflict,
  type Cursor,
  type GridNode,
  type GridNodeId,
  GridStore,
  type Household,
  type Page,
  type PersonAccess,
  type PersonId,
  type Post,
  staleVersion,
  type StorageError,
  type SubjectLink,
  subjectTaken
} from "@mulin/core"
import { duplicateAssignment, duplicateCounty, duplicateHousehold, duplicateNode, duplicatePerson } from "@mulin/sql"
import { Effect, Option } from "effect"
import { type Kysely, type Selectable, sql } from "kysely"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { Statement, StatementSource } from "../../StatementCache.js"
import type { SignInSubjectTable, Tables } from "../../Tables.js"
import { all, allRows, change, getRow, insertSql, lookup, raw, updateSql } from "../kernel/statements.js"
import { gridQueries, live } from "./queries.js"
import { readServers } from "./served.js"
import { asDuplicate, conflictsOnly, type Duplicate } from "../kernel/errors.js"
import { fromPath, upperBound } from "../kernel/paths.js"
import {
  ASSIGNMENT_COLUMNS,
  assignmentRow,
  assignmentTrusted,
  countyRow,
  decodeCounty,
  decodeNode,
  HOUSEHOLD_COLUMNS,
  householdRow,
  householdTrusted,
  insertAssignment,
  insertHousehold,
  insertNode,
  insertPerson,
  NODE_COLUMNS,
  type NodeRow,
  nodeRow,
  nodeTrusted,
  type OutlineRow,
  outlineTrusted,
  PERSON_COLUMNS,
  personRow,
  personTrusted
} from "./rows.js"

// ---------------------------------------------------------------------------
// Statements

/** Up to this many ids, a read of several nodes looks each one up by its key. */
const FEW_IDS = 8


/** `INSERT` of `columns` from positional parameters, in that order. */
const positionalInsert = <T extends keyof Tables>(table: T, columns: ReadonlyArray<keyof Tables[T] & string>): string =>
  `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`

const INSERT_COUNTY = insertSql("counties", ["id", "code", "name", "levels", "time_zone", "created_at"])
const INSERT = {
  nodes: positionalInsert("nodes", NODE_COLUMNS),
  households: positionalInsert("households", HOUSEHOLD_COLUMNS),
  people: positionalInsert("people", PERSON_COLUMNS),
  assignments: positionalInsert("assignments", ASSIGNMENT_COLUMNS)
}

const INSERT_SUBJECT = insertSql("sign_in_subjects", ["issuer", "subject", "person_id", "county_id", "linked_at"])
const DELETE_SUBJECT = `DELETE FROM "sign_in_subjects" WHERE "issuer" = ? AND "subject" = ?`

const subjectTrusted = (r: Selectable<SignInSubjectTable>): SubjectLink => ({
  issuer: r.issuer,
  subject: r.subject,
  personId: r.person_id,
  countyId: r.county_id,
  linkedAt: r.linked_at
})

const UPDATE = {
  // Not parent_id, path nor depth: only moveSubtree changes those.
  nodes: updateSql("nodes", ["level", "code", "name", "party_organisation", "status", "version", "created_at", "updated_at"]),
  households: updateSql("households", ["node_id", "code", "residents", "resident_count", "status", "version", "created_at", "updated_at"]),
  people: updateSql("people", ["node_id", "code", "name", "phone", "household_id", "version", "created_at", "updated_at"]),
  assignments: updateSql("assignments", ["person_id", "node_id", "role", "start_date", "end_date", "version", "created_at", "updated_at"])
}


/** Values as one JSON parameter: one statement text for any number of them. */
const jsonList = <A extends string>(values: ReadonlyArray<A>) => sql<A>`(SELECT value FROM json_each(${JSON.stringify(values)}))`

/**
 * Where a page starts: after the cursor's id, or before every id (`''` sorts first). Typed
 * as the column's id so kysely compares like with like.
 */
const after = <I extends string>(cursor: Cursor): I => (cursor.after ?? "") as I

// ---------------------------------------------------------------------------
// Pages

/** The first `limit` rows, and the cursor to read on when the query found one more. */
const toPage = <R extends { readonly id: string }, A>(found: ReadonlyArray<R>, limit: number, decode: (r: R) => A): Page<A> => {
  const more = found.length > limit
  const rows = more ? found.slice(0, limit) : found
  return { items: rows.map(decode), next: more ? rows[rows.length - 1]!.id : null }
}

const pageLimit = (cursor: Cursor): number => Math.max(1, Math.floor(cursor.limit))

const option = <A>(value: A | undefined): Option.Option<A> => (value === undefined ? Option.none() : Option.some(value))

type Versioned = "nodes" | "households" | "people" | "assignments"

/** Makes the grid store over an open database. */
export const makeGridStore = (db: SqliteDatabase["Service"]): GridStore["Service"] => makeGridPorts(db).gridStore

/** The grid port and the kernel's directory, on the same statements. */
export const makeGridPorts = (db: SqliteDatabase["Service"]): { readonly gridStore: GridStore["Service"]; readonly directory: Directory["Service"] } => {
  const k: Kysely<Tables> = db.kysely
  const read = db.read
  /** For `f`s of one statement: no `BEGIN`/`COMMIT` around it on the read connection. */
  const readOne = db.readOne
  // The two reads behind every request, kept until the database changes (any write, here or
  // by another process): the node a scope check reads, and the person the actor is derived
  // from. The actor itself is derived on every request from these posts and today's date.
  // Each names the tables its one statement reads: writes declared to change other tables
  // (the points ledger, the event log) keep them.
  const nodeKept = db.cachedRead<GridNodeId, Option.Option<GridNode>>(20_000, ["nodes"])
  const placeKept = db.cachedRead<GridNodeId, Option.Option<GridNode>>(20_000, ["nodes"])
  const accessKept = db.cachedRead<PersonId, Option.Option<PersonAccess>>(10_000, ["people", "counties", "households", "nodes", "assignments"])
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)

  const q = gridQueries(k)

  /** A page of the rows of `table` attached to live nodes of the subtree, by id. */
  const pageBelow = <R extends { readonly id: string }, A>(table: "people" | "assignments", rootId: GridNodeId, cursor: Cursor, decode: (r: R) => A) => {
    const limit = pageLimit(cursor)
    const below = raw<R>(
      `SELECT "x".* FROM "nodes" AS "n" CROSS JOIN "${table}" AS "x" ` +
        `WHERE "n"."path" >= ? AND "n"."path" < ? AND "n"."status" = 'active' AND "x"."node_id" = "n"."id" AND "x"."id" > ? ORDER BY "x"."id" LIMIT ?`
    )
    const empty: Page<A> = { items: [], next: null }
    return subtree(rootId, empty, (s, lo, hi) => toPage(allRows(s, below, lo, hi, cursor.after ?? "", limit + 1), limit, decode))
  }

  /** Reads the live subtree of `rootId` with `f`, or returns `empty` when the root is missing or archived. */
  const subtree = <A>(
    rootId: GridNodeId,
    empty: A,
    f: (s: StatementSource, lo: string, hi: string, isCounty: boolean) => A
  ): Effect.Effect<A, StorageError> =>
    read((s) => {
      const root = getRow(s, q.nodePlace, rootId)
      return root === undefined || root.status !== "active" ? empty : f(s, root.path, upperBound(root.path), root.parent_id === null)
    })

  const stale = (s: StatementSource, table: Versioned, entity: string, id: string, expected: number): Conflict => {
    const row = getRow(s, q.version[table], id)
    return staleVersion(entity, id, expected, row?.version ?? 0)
  }

  /** Inserts every item, or throws the conflict of the first that clashes. */
  const insertAll = <A>(table: keyof typeof INSERT, items: ReadonlyArray<A>, run: (insert: Statement, a: A) => void, duplicate: (a: A) => Duplicate) =>
  (s: StatementSource): void => {
    const insert = s.prepare(INSERT[table])
    for (const item of items) {
      try {
        run(insert, item)
      } catch (error) {
        throw asDuplicate(error, duplicate(item))
      }
    }
  }

  /** Stores `row` over version `expected`, or throws a duplicate or stale conflict. */
  const update = (s: StatementSource, table: Versioned, row: { readonly id: string }, expected: number, duplicate: Duplicate): void => {
    let changed: number
    try {
      changed = s.prepare(UPDATE[table]).run({ ...row, expected_version: expected }).changes
    } catch (error) {
      throw asDuplicate(error, duplicate)
    }
    if (changed === 0) throw stale(s, table, duplicate.entity, row.id, expected)
  }

  const gridStore = GridStore.of({
    // -- counties -----------------------------------------------------------

    getCounty: (id) => readOne((s) => Option.map(option(getRow(s, q.county, id)), decodeCounty)),

    findCountyByCode: (code) => readOne((s) => Option.map(option(getRow(s, q.countyByCode, code)), decodeCounty)),

    listCounties: readOne((s) => all(s, k.selectFrom("counties").selectAll().orderBy("id")).map(decodeCounty)),

    insertCounty: (county, root) =>
      write((s) => {
        try {
          s.prepare(INSERT_COUNTY).run(countyRow(county))
        } catch (error) {
          throw asDuplicate(error, duplicateCounty(county))
        }
        insertAll("nodes", [root], insertNode, duplicateNode)(s)
      }),

    // -- nodes --------------------------------------------------------------

    getNode: (id) => nodeKept(id, (s) => Option.map(option(getRow(s, q.node, id)), decodeNode)),

    getNodes: (ids) =>
      ids.length === 0
        ? Effect.succeed([])
        : read((s) => {
          // A scope check reads one or two places: key lookups beat binding a JSON array.
          if (ids.length > FEW_IDS) return allRows(s, q.nodesIn, JSON.stringify(ids)).map(nodeTrusted)
          const byId = lookup(s, q.node)
          const out: Array<GridNode> = []
          for (const id of new Set(ids)) {
            const r = byId(id)
            if (r !== undefined) out.push(nodeTrusted(r))
          }
          return out
        }),

    findChildByCode: (parentId, code) => readOne((s) => Option.map(option(getRow(s, q.childByCode, parentId, code)), nodeTrusted)),

    listChildren: (parentId, cursor) =>
      read((s) => {
        const limit = pageLimit(cursor)
        const found: Array<NodeRow> = all(
          s,
          k.selectFrom("nodes").selectAll()
            .where("parent_id", "=", parentId)
            .where(live("status"))
            .where("id", ">", after<GridNodeId>(cursor))
            .orderBy("id")
            .limit(limit + 1)
        )
        return toPage(found, limit, nodeTrusted)
      }),

    insertNodes: (nodes) => (nodes.length === 0 ? Effect.void : write(insertAll("nodes", nodes, insertNode, duplicateNode))),

    updateNode: (node, expectedVersion) => write((s) => update(s, "nodes", nodeRow(node), expectedVersion, duplicateNode(node))),

    moveSubtree: (node, expectedVersion) =>
      write((s) => {
        const stored = getRow(s, q.nodePlace, node.id)
        if (stored === undefined || stored.version !== expectedVersion) throw stale(s, "nodes", "grid node", node.id, expectedVersion)
        const row = nodeRow(node)
        // Every descendant, archived ones too: the old prefix is swapped for the new one.
        const descendants = change(
          s,
          k.updateTable("nodes")
            .set({
              path: sql<string>`${row.path} || substr(path, ${stored.path.length + 1})`,
              depth: sql<number>`depth + ${node.depth - stored.depth}`
            })
            .where("path", ">", stored.path)
            .where("path", "<", upperBound(stored.path))
        )
        try {
          change(
            s,
            k.updateTable("nodes")
              .set({
                parent_id: row.parent_id,
                path: row.path,
                depth: row.depth,
                level: row.level,
                code: row.code,
                name: row.name,
                party_organisation: row.party_organisation,
                status: row.status,
                version: row.version,
                updated_at: row.updated_at
              })
              .where("id", "=", node.id)
          )
        } catch (error) {
          throw asDuplicate(error, duplicateNode(node))
        }
        return descendants
      }),

    archiveDescendants: (node, at) =>
      db.write((s) => {
        const path = getRow(s, q.nodePlace, node.id)?.path
        if (path === undefined) return { nodes: 0, households: 0 }
        const hi = upperBound(path)
        // Households first, at the node and below, while their nodes are still live.
        const households = change(
          s,
          k.updateTable("households")
            .set({ status: "archived", version: sql<number>`version + 1`, updated_at: at })
            .where(live("status"))
            .where("node_id", "in", k.selectFrom("nodes as n").select("n.id").where("n.path", ">=", path).where("n.path", "<", hi))
        )
        const nodes = change(
          s,
          k.updateTable("nodes")
            .set({ status: "archived", version: sql<number>`version + 1`, updated_at: at })
            .where("path", ">", path)
            .where("path", "<", hi)
            .where(live("status"))
        )
        return { nodes, households }
      }),

    countLive: (nodeId) =>
      read((s) => ({
        children: getRow(s, q.liveChildren, nodeId)?.n ?? 0,
        households: getRow(s, q.liveHouseholds, nodeId)?.n ?? 0
      })),

    countByLevel: (rootId) =>
      subtree(rootId, [], (s, lo, hi) =>
        all(
          s,
          k.selectFrom("nodes")
            .select(["level", (eb) => eb.fn.countAll<number>().as("count")])
            .where("path", ">=", lo)
            .where("path", "<", hi)
            .where(live("status"))
            .groupBy("level")
            .orderBy(sql`min(depth)`)
            .orderBy("level")
        )),

    outline: (rootId) =>
      subtree(rootId, [], (s, lo, hi) =>
        all<OutlineRow>(
          s,
          k.selectFrom("nodes")
            .select(["id", "parent_id", "depth", "name", "party_organisation"])
            .where("path", ">=", lo)
            .where("path", "<", hi)
            .where(live("status"))
            // A path sorts right after its parent's: root first, parents before children.
            .orderBy("path")
        ).map(outlineTrusted)),

    // -- households ---------------------------------------------------------

    getHousehold: (id) => readOne((s) => Option.map(option(getRow(s, q.household, id)), householdTrusted)),

    findHouseholdByCode: (nodeId, code) => readOne((s) => Option.map(option(getRow(s, q.householdByCode, nodeId, code)), householdTrusted)),

    insertHouseholds: (households) =>
      households.length === 0 ? Effect.void : write(insertAll("households", households, insertHousehold, duplicateHousehold)),

    updateHousehold: (household, expectedVersion) =>
      write((s) => update(s, "households", householdRow(household), expectedVersion, duplicateHousehold(household))),

    listHouseholds: (rootId, cursor) => {
      const limit = pageLimit(cursor)
      const from = cursor.after ?? ""
      return subtree(rootId, { items: [], next: null }, (s, lo, hi, isCounty) => {
        const found = isCounty
          ? allRows(s, q.householdPageInCounty, rootId, from, limit + 1)
          : allRows(s, q.householdPage, lo, hi, from, limit + 1)
        return toPage(found, limit, householdTrusted)
      })
    },

    countHouseholds: (rootId) =>
      subtree(rootId, { households: 0, residents: 0 }, (s, lo, hi) => {
        const [row] = all(
          s,
          k.selectFrom("nodes as n")
            .crossJoin("households as h")
            .select([
              (eb) => eb.fn.countAll<number>().as("households"),
              sql<number>`coalesce(sum(h.resident_count), 0)`.as("residents")
            ])
            .where("n.path", ">=", lo)
            .where("n.path", "<", hi)
            .where(live("n.status"))
            .whereRef("h.node_id", "=", "n.id")
            .where(live("h.status"))
        )
        return { households: row?.households ?? 0, residents: row?.residents ?? 0 }
      }),

    // -- people -------------------------------------------------------------

    getPerson: (id) => readOne((s) => Option.map(option(getRow(s, q.person, id)), personTrusted)),

    getPeople: (ids) =>
      ids.length === 0
        ? Effect.succeed([])
        : readOne((s) => allRows(s, q.peopleIn, JSON.stringify(ids)).map(personTrusted)),

    findPersonByCode: (countyId, code) => readOne((s) => Option.map(option(getRow(s, q.personByCode, countyId, code)), personTrusted)),

    insertPeople: (people) => (people.length === 0 ? Effect.void : write(insertAll("people", people, insertPerson, duplicatePerson))),

    updatePerson: (person, expectedVersion) => write((s) => update(s, "people", personRow(person), expectedVersion, duplicatePerson(person))),

    listPeople: (rootId, cursor) => pageBelow("people", rootId, cursor, personTrusted),

    // -- assignments --------------------------------------------------------

    getAssignment: (id) => readOne((s) => Option.map(option(getRow(s, q.assignment, id)), assignmentTrusted)),

    findAssignment: (personId, nodeId, role, startDate) =>
      readOne((s) => Option.map(option(getRow(s, q.assignmentOnce, personId, nodeId, role, startDate)), assignmentTrusted)),

    insertAssignments: (assignments) =>
      assignments.length === 0 ? Effect.void : write(insertAll("assignments", assignments, insertAssignment, duplicateAssignment)),

    updateAssignment: (assignment, expectedVersion) =>
      write((s) => update(s, "assignments", assignmentRow(assignment), expectedVersion, duplicateAssignment(assignment))),

    listAssignments: (rootId, cursor) => pageBelow("assignments", rootId, cursor, assignmentTrusted),

    currentAssignmentsAt: (nodeIds, date) =>
      nodeIds.length === 0
        ? Effect.succeed([])
        : readOne((s) => allRows(s, q.currentAt, JSON.stringify(nodeIds), date, date).map(assignmentTrusted)),

    currentAssignmentsIn: (rootId, date, roles) =>
      roles.length === 0
        ? Effect.succeed([])
        : subtree(rootId, [], (s, lo, hi) =>
          all(
            s,
            k.selectFrom("nodes as n")
              .crossJoin("assignments as a")
              .selectAll("a")
              .where("n.path", ">=", lo)
              .where("n.path", "<", hi)
              .where(live("n.status"))
              .whereRef("a.node_id", "=", "n.id")
              .where("a.role", "in", jsonList(roles))
              .where("a.start_date", "<=", date)
              .where((eb) => eb.or([eb("a.end_date", "is", null), eb("a.end_date", ">=", date)]))
              .orderBy("a.id")
          ).map(assignmentTrusted)),

    // -- sign-in subjects ----------------------------------------------------
    linkSubject: (link) =>
      write((s) => {
        const existing = getRow(s, q.subject, link.issuer, link.subject)
        if (existing !== undefined) {
          if (existing.person_id !== link.personId) throw subjectTaken(link)
          return
        }
        s.prepare(INSERT_SUBJECT).run({ issuer: link.issuer, subject: link.subject, person_id: link.personId, county_id: link.countyId, linked_at: link.linkedAt })
      }),
    unlinkSubject: (issuer, subject) => db.write((s) => s.prepare(DELETE_SUBJECT).run(issuer, subject).changes > 0),
    subjectsOf: (personId) => readOne((s) => allRows(s, q.subjectsOf, personId).map(subjectTrusted)),

    // One read: the answer comes from one snapshot, in one step.
    // One statement (see served.ts): one snapshot without a read transaction around it.
    getHouseholdServers: (id, date) => readOne((s) => option(readServers(s, id, date)))
  })

  const communityDepth = (levels: string): number => {
    const keys = (JSON.parse(levels) as ReadonlyArray<{ readonly key: string }>).map((l) => l.key)
    const i = keys.indexOf("community")
    return i === -1 ? Math.min(2, Math.max(0, keys.length - 1)) : i
  }

  const directory = Directory.of({
    // Mapped by hand like getNodes: every scope check reads a place, so this is the hottest read.
    getPlace: (id) => placeKept(id, (s) => Option.map(option(getRow(s, q.node, id)), nodeTrusted)),
    getPlaces: gridStore.getNodes,
    // One statement: one snapshot, and no read transaction around it.
    personAccess: (id) =>
      accessKept(id, (s) => {
        const row = getRow(s, q.personAccess, id)
        if (row === undefined) return Option.none()
        const posts = (JSON.parse(row.posts) as Array<[Post["role"], GridNodeId, string, string | null]>)
          .map(([role, nodeId, startDate, endDate]): Post => ({ role, nodeId, startDate, endDate }))
        let home: Array<GridNode> = []
        if (row.unit_path !== null && row.home !== null) {
          const found = new Map((JSON.parse(row.home) as Array<NodeRow>).map((r) => [r.id, nodeTrusted(r)]))
          home = fromPath<GridNodeId>(row.unit_path).flatMap((n) => found.get(n) ?? [])
        }
        return Option.some({
          person: { id: row.id, countyId: row.county_id, nodeId: row.node_id, name: row.name, householdId: row.household_id },
          timeZone: row.time_zone ?? DEFAULT_TIME_ZONE,
          posts,
          home
        })
      }),
    findSubject: (issuer, subject) => readOne((s) => Option.map(option(getRow(s, q.subject, issuer, subject)), (r) => r.person_id)),
    namesAround: (nodeId) =>
      read((s) => {
        const node = getRow(s, q.node, nodeId)
        if (node === undefined) return []
        const county = getRow(s, q.countyZone, node.county_id)
        const depth = county === undefined ? 2 : communityDepth(county.levels)
        const full = fromPath(node.path)
        const root = node.depth > depth ? getRow(s, q.nodePlace, full[depth]!)?.path ?? node.path : node.path
        const hi = upperBound(root)
        const names = new Set<string>()
        for (const r of allRows(s, q.namesBelow, root, hi)) {
          names.add(r.name)
        }
        if (node.depth >= depth) {
          for (const r of allRows(s, q.residentsBelow, root, hi)) for (const resident of JSON.parse(r.residents) as Household["residents"]) names.add(resident.name)
        }
        return [...names]
      })
  })

  return { gridStore, directory }
}
