/**
 * The schema, as migrations applied in order when a database is opened. They carry the names
 * of the SQLite adapter's migrations, each at the shape it has there now (a PostgreSQL
 * database starts fresh, so the SQLite rebuilds of tables have nothing to carry over).
 *
 * Two processes that open the same database together migrate it once: the first takes a
 * session advisory lock, the second waits for it and then finds every migration applied.
 * Each migration runs in its own transaction with its row in `migrations`, so a failed one
 * leaves nothing. Migrations are append-only: never edit one that has shipped, add the next.
 */
import type pg from "pg"
import { gridSchema, identityMigration } from "../grid/schema.js"
import { activitiesSchema, activityCodesMigration } from "../activities/schema.js"
import { deliberationSchema } from "../deliberation/schema.js"
import { mediationSchema } from "../mediation/schema.js"
import { notificationsSchema } from "../notifications/schema.js"
import { followUpSchema } from "../followup/schema.js"
import { jobsSchema } from "../jobs/schema.js"
import { matchingSchema } from "../matching/schema.js"
import { placesSchema } from "../places/schema.js"
import { pointsCodesMigration, pointsSchema } from "../points/schema.js"
import { visitsSchema } from "../visits/schema.js"
import { partnersSchema } from "../partners/schema.js"
import { partySchema } from "../party/schema.js"
import { intakeSchema } from "../intake/schema.js"
import { reportsRollupSchema, reportsSchema } from "../reports/schema.js"

/** One step of the schema. */
export interface Migration {
  readonly name: string
  readonly sql: string
}

/** The advisory lock key migrations run under (any fixed number; `'mulin'` in ASCII). */
export const MIGRATION_LOCK = 0x6d756c696e

/**
 * The event log (migration `0001_grid_and_events`). `county_id` is the scope's first node
 * (`''` for a store-wide event). `position` comes from a sequence; appends serialise per
 * county on an advisory lock held until their commit (see `eventLog.ts`), so positions
 * increase in commit order within a county, read through the primary key. `scope` is the array of node ids, root first, with a GIN index for "within one of
 * these subtrees".
 */
const events = `
CREATE SEQUENCE events_position AS BIGINT;
CREATE TABLE events (
  county_id      TEXT NOT NULL,
  position       BIGINT NOT NULL DEFAULT nextval('events_position'),
  id             TEXT NOT NULL,
  type           TEXT NOT NULL,
  aggregate_type TEXT NOT NULL,
  aggregate_id   TEXT NOT NULL,
  version        INTEGER NOT NULL,
  actor          TEXT NOT NULL,
  at             TEXT NOT NULL,
  scope          TEXT[] NOT NULL,
  payload        TEXT NOT NULL,
  PRIMARY KEY (county_id, position),
  UNIQUE (county_id, id)
);
ALTER SEQUENCE events_position OWNED BY events.position;
CREATE INDEX events_position_all ON events (position);
CREATE INDEX events_scope ON events USING GIN (scope);
`

/** Every migration, oldest first. */
export const migrations: ReadonlyArray<Migration> = [
  { name: "0001_grid_and_events", sql: gridSchema + events },
  { name: "0002_points", sql: pointsSchema },
  { name: "0003_mediation", sql: mediationSchema },
  { name: "0004_deliberation", sql: deliberationSchema },
  { name: "0005_matching", sql: matchingSchema },
  // 0006_events_rowid: a SQLite storage detail; PostgreSQL's positions come from a sequence.
  { name: "0006_events_rowid", sql: "" },
  { name: "0007_identity", sql: identityMigration },
  { name: "0008_points_codes", sql: pointsCodesMigration },
  // 0009_matching_people: rewrites SQLite rows of an earlier shape; a new database has none.
  { name: "0009_matching_people", sql: "" },
  // 0010 and 0011 rewrite SQLite rows of an earlier shape (people named in cases and items); a new database has none.
  { name: "0010_mediation_people", sql: "" },
  { name: "0011_deliberation_people", sql: "" },
  { name: "0012_followup", sql: followUpSchema },
  { name: "0013_notifications", sql: notificationsSchema },
  { name: "0014_jobs", sql: jobsSchema },
  { name: "0015_places", sql: placesSchema },
  { name: "0016_activities", sql: activitiesSchema },
  { name: "0017_visits", sql: visitsSchema },
  { name: "0018_partners", sql: partnersSchema },
  { name: "0019_party", sql: partySchema },
  { name: "0020_intake", sql: intakeSchema },
  { name: "0021_reports", sql: reportsSchema },
  // The ledger's monthly roll-up, filled from the rows already stored (each in its county's month).
  { name: "0022_reports_rollup", sql: reportsRollupSchema },
  // Activities' check-in codes kept only as salted hashes, with each person's wrong codes.
  { name: "0023_activity_codes", sql: activityCodesMigration }
]

/**
 * Applies the migrations not applied yet, under the advisory lock, and returns their names.
 * Fails when the database holds a migration this code does not know (a newer version wrote it).
 */
export const migrate = async (pool: pg.Pool, at: string, list: ReadonlyArray<Migration> = migrations): Promise<Array<string>> => {
  const client = await pool.connect()
  let broken = false
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK])
    try {
      await client.query("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
      const done = new Set((await client.query<{ name: string }>("SELECT name FROM migrations")).rows.map((r) => r.name))
      const known = new Set(list.map((m) => m.name))
      const unknown = [...done].filter((name) => !known.has(name))
      if (unknown.length > 0) {
        throw new Error(`the database was written by a newer version (unknown migrations: ${unknown.join(", ")})`)
      }
      const applied: Array<string> = []
      for (const migration of list) {
        if (done.has(migration.name)) continue
        await client.query("BEGIN")
        try {
          if (migration.sql !== "") await client.query(migration.sql)
          await client.query("INSERT INTO migrations (name, applied_at) VALUES ($1, $2)", [migration.name, at])
          await client.query("COMMIT")
        } catch (error) {
          await client.query("ROLLBACK").catch(() => {
            broken = true
          })
          throw error
        }
        applied.push(migration.name)
      }
      return applied
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {
        broken = true
      })
    }
  } finally {
    client.release(broken ? true : undefined)
  }
}
