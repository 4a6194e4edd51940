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
  personPosts: prepared(k.selectFrom("assignments").select(["role", "node_id", "start_date", "end_date"]).where("person_id", "=", P)),
  householdUnit: prepared(
    k.selectFrom("households as h").innerJoin("nodes as n", "n.id", "h.node_id").select("n.path").where("h.id", "=", P).where(live("h.status"))
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
