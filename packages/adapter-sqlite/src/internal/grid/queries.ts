/**
 * The grid's point reads and fixed queries, built with kysely once per database and run
 * through the statement cache: neither compiled by kysely nor prepared by SQLite per call.
 */
import { type Kysely, sql } from "kysely"
import type { Tables } from "../../Tables.js"
import { P, prepared, raw } from "../kernel/statements.js"
import type { AssignmentRow, HouseholdRow, NodeRow, PersonRow } from "./rows.js"

/** A list of ids bound as one JSON parameter, so the SQL text is the same for any length. */
const IDS = sql<any>`(SELECT value FROM json_each(${P}))`

/** A partial index applies only when the query repeats its condition as a literal, not a parameter. */
export const live = (column: string) => sql<boolean>`${sql.ref(column)} = 'active'`

/** The row of `personAccess`: `posts` and `home` are JSON arrays. */
export interface PersonAccessRow extends Pick<PersonRow, "id" | "county_id" | "node_id" | "name" | "household_id"> {
  readonly time_zone: string | null
  readonly unit_path: string | null
  readonly posts: string
  readonly home: string | null
}

/** The grid's queries on one database's query builder. */
export const gridQueries = (k: Kysely<Tables>) => ({
  county: prepared(k.selectFrom("counties").selectAll().where("id", "=", P)),
  countyByCode: prepared(k.selectFrom("counties").selectAll().where("code", "=", P)),
  node: prepared(k.selectFrom("nodes").selectAll().where("id", "=", P)),
  nodePlace: prepared(k.selectFrom("nodes").select(["parent_id", "path", "depth", "status", "version"]).where("id", "=", P)),
  childByCode: prepared(k.selectFrom("nodes").selectAll().where("parent_id", "=", P).where("code", "=", P).where(live("status"))),
  liveChildren: prepared(k.selectFrom("nodes").select((eb) => eb.fn.countAll<number>().as("n")).where("parent_id", "=", P).where(live("status"))),
  liveHouseholds: prepared(k.selectFrom("households").select((eb) => eb.fn.countAll<number>().as("n")).where("node_id", "=", P).where(live("status"))),
  household: prepared(k.selectFrom("households").selectAll().where("id", "=", P)),
  householdByCode: prepared(k.selectFrom("households").selectAll().where("node_id", "=", P).where("code", "=", P).where(live("status"))),
  nodesIn: prepared(k.selectFrom("nodes").selectAll().where("id", "in", IDS)),
  person: prepared(k.selectFrom("people").selectAll().where("id", "=", P)),
  subject: prepared(k.selectFrom("sign_in_subjects").selectAll().where("issuer", "=", P).where("subject", "=", P)),
  // personAccess, in one statement (so one snapshot without a read transaction): the person,
  // the county's time zone, every post as a JSON array of [role, node, start, end], the unit
  // of their live household and the nodes on its path as a JSON array of rows (ids are
  // ASCII letters, digits and `_`, so the path becomes a JSON list by replacing its `/`).
  personAccess: raw<PersonAccessRow>(
    `SELECT "p"."id", "p"."county_id", "p"."node_id", "p"."name", "p"."household_id", "c"."time_zone", "u"."path" AS "unit_path", ` +
      `(SELECT json_group_array(json_array("a"."role", "a"."node_id", "a"."start_date", "a"."end_date")) FROM "assignments" AS "a" WHERE "a"."person_id" = "p"."id") AS "posts", ` +
      `CASE WHEN "u"."path" IS NULL THEN NULL ELSE (` +
      `SELECT json_group_array(json_object('id', "n"."id", 'county_id', "n"."county_id", 'parent_id', "n"."parent_id", 'path', "n"."path", 'depth', "n"."depth", 'level', "n"."level", 'code', "n"."code", 'name', "n"."name", 'party_organisation', "n"."party_organisation", 'status', "n"."status", 'version', "n"."version", 'created_at', "n"."created_at", 'updated_at', "n"."updated_at")) ` +
      `FROM json_each('["' || replace(substr("u"."path", 2, length("u"."path") - 2), '/', '","') || '"]') CROSS JOIN "nodes" AS "n" ON "n"."id" = "json_each"."value"` +
      `) END AS "home" ` +
      `FROM "people" AS "p" ` +
      `LEFT JOIN "counties" AS "c" ON "c"."id" = "p"."county_id" ` +
      `LEFT JOIN "households" AS "h" ON "h"."id" = "p"."household_id" AND "h"."status" = 'active' ` +
      `LEFT JOIN "nodes" AS "u" ON "u"."id" = "h"."node_id" ` +
      `WHERE "p"."id" = ?`
  ),
  countyZone: prepared(k.selectFrom("counties").select(["time_zone", "levels"]).where("id", "=", P)),
  subjectsOf: prepared(k.selectFrom("sign_in_subjects").selectAll().where("person_id", "=", P).orderBy("issuer").orderBy("subject")),
  peopleIn: prepared(k.selectFrom("people").selectAll().where("id", "in", IDS)),
  currentAt: prepared(
    k.selectFrom("assignments").selectAll()
      .where("node_id", "in", IDS)
      .where("start_date", "<=", P)
      .where((eb) => eb.or([eb("end_date", "is", null), eb("end_date", ">=", P)]))
      .orderBy("id")
  ),
  // getHouseholdServers. Its lists (a path, a set of people) never repeat an id, so they are
  // joined rather than tested with IN (…), which SQLite first copies into a temporary index.
  householdPlace: prepared(
    k.selectFrom("households as h").leftJoin("nodes as n", "n.id", "h.node_id").selectAll("h").select("n.path as unit_path").where("h.id", "=", P)
  ),
  nodesListed: raw<NodeRow>(`SELECT "n".* FROM json_each(?) CROSS JOIN "nodes" AS "n" ON "n"."id" = "json_each"."value"`),
  currentListed: raw<AssignmentRow>(
    `SELECT "a".* FROM json_each(?) CROSS JOIN "assignments" AS "a" ON "a"."node_id" = "json_each"."value" ` +
      `WHERE "a"."start_date" <= ? AND ("a"."end_date" IS NULL OR "a"."end_date" >= ?) ORDER BY "a"."id"`
  ),
  namesBelow: raw<Pick<PersonRow, "name">>(`SELECT "p"."name" FROM "nodes" AS "n" CROSS JOIN "people" AS "p" WHERE "n"."path" >= ? AND "n"."path" < ? AND "p"."node_id" = "n"."id"`),
  residentsBelow: raw<Pick<HouseholdRow, "residents">>(
    `SELECT "h"."residents" FROM "nodes" AS "n" CROSS JOIN "households" AS "h" WHERE "n"."path" >= ? AND "n"."path" < ? AND "h"."node_id" = "n"."id" AND "h"."status" = 'active'`
  ),
  peopleListed: raw<PersonRow>(`SELECT "p".* FROM json_each(?) CROSS JOIN "people" AS "p" ON "p"."id" = "json_each"."value"`),
  // listHouseholds: a page of the live households below a live node, and below the county.
  // Ids first, from the two covering indexes; whole rows only for the page.
  householdPage: prepared(
    k.selectFrom("households").selectAll().where(
      "id",
      "in",
      k.selectFrom("nodes as n")
        .crossJoin("households as h")
        .select("h.id")
        .where("n.path", ">=", P)
        .where("n.path", "<", P)
        .where(live("n.status"))
        .whereRef("h.node_id", "=", "n.id")
        .where(live("h.status"))
        .where("h.id", ">", P)
        .orderBy("h.id")
        .limit(P)
    ).orderBy("id")
  ),
  // A live household's unit and every ancestor of it are live (archiving cascades or waits
  // for them), so the county's live households are those with its id: the page comes
  // straight from households_live_county instead of sorting the county.
  householdPageInCounty: prepared(
    k.selectFrom("households as h").selectAll("h")
      .where("h.county_id", "=", P)
      .where(live("h.status"))
      .where("h.id", ">", P)
      .where((eb) => eb.exists(eb.selectFrom("nodes as n").select("n.id").whereRef("n.id", "=", "h.node_id").where(live("n.status"))))
      .orderBy("h.id")
      .limit(P)
  ),
  personByCode: prepared(k.selectFrom("people").selectAll().where("county_id", "=", P).where("code", "=", P)),
  assignment: prepared(k.selectFrom("assignments").selectAll().where("id", "=", P)),
  assignmentOnce: prepared(
    k.selectFrom("assignments").selectAll().where("person_id", "=", P).where("node_id", "=", P).where("role", "=", P).where("start_date", "=", P)
  ),
  version: {
    nodes: prepared(k.selectFrom("nodes").select("version").where("id", "=", P)),
    households: prepared(k.selectFrom("households").select("version").where("id", "=", P)),
    people: prepared(k.selectFrom("people").select("version").where("id", "=", P)),
    assignments: prepared(k.selectFrom("assignments").select("version").where("id", "=", P))
  }
})
