/**
 * The mediation port on PostgreSQL: each case whole as JSON in `doc`, beside the columns the
 * queries need (the path for subtree ranges, the running deadline for the overdue scan, the
 * statistics facts for `GROUP BY`). A missed deadline is recorded in `mediation_escalations`
 * (key: county, case and deadline) in the same savepoint as the case's update, so a second
 * escalation for the same deadline fails on the key whatever process attempts it.
 */
import { alreadyEscalated, MediationStore, type OverdueRow, type StatsGroup } from "@mulin/core"
import { mediationCases, mediationConfigs } from "@mulin/sql"
import { Effect } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"
import { sqlState } from "../kernel/runner.js"
import { classify } from "../kernel/sql.js"

const DUE = `id, version, county_id AS "countyId", node_id AS "nodeId", category, state, level, due_kind AS kind, due_at AS "dueAt"`

/** Makes the mediation store over an open database. */
export const makeMediationStore = (db: PostgresDatabase["Service"]): MediationStore["Service"] => {
  const configs = configTable(db, mediationConfigs)
  const cases = documentTable(db, mediationCases)
  return MediationStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    get: cases.get,
    getMany: cases.getMany,
    insert: cases.insert,
    update: (c, expected, deadlineKey) =>
      db.write(Effect.gen(function*() {
        if (deadlineKey !== undefined) {
          yield* db.write(db.run("INSERT INTO mediation_escalations (county_id, case_id, deadline_key) VALUES ($1, $2, $3)", [c.countyId, c.id, deadlineKey])).pipe(
            Effect.catch((error) =>
              sqlState(error) === "23505"
                ? Effect.fail(alreadyEscalated(c.id, deadlineKey))
                // A missing case is reported as a stale version below, like any update of it.
                : sqlState(error) === "23503"
                ? Effect.void
                : Effect.fail(classify(error))
            )
          )
        }
        yield* cases.update(c, expected)
      })),
    list: (q) =>
      cases.page(
        new Filter(q.scope).eq("state", q.state).eq("status", q.status).eq("level", q.level).eq("category", q.category).eq("department", q.department)
          .eq("disclosed", q.disclosed === true ? 1 : undefined),
        q.after,
        q.limit
      ),
    overdue: ({ limit, now, scope }) => {
      const filter = new Filter(scope).add("due_at IS NOT NULL AND due_kind IS NOT NULL AND due_at < ?", now)
      return db.query<OverdueRow>(`SELECT ${DUE} FROM mediation_cases WHERE ${filter.sql} ORDER BY due_at, id LIMIT ${Math.max(1, Math.floor(limit))}`, filter.args)
    },
    statistics: ({ from, scope, to }) => {
      const filter = new Filter(scope).add("reported_at >= ? AND reported_at < ?", from ?? "", to ?? "~")
      return db.read(Effect.all({
        groups: db.query<StatsGroup>(
          "SELECT category, state, level, reached, missed, count(*) AS cases, sum(responded) AS responded, sum(ratings) AS ratings, sum(satisfied) AS satisfied " +
            `FROM mediation_cases WHERE ${filter.sql} GROUP BY category, state, level, reached, missed`,
          filter.args
        ),
        resolveHours: Effect.map(db.query<{ h: number }>(`SELECT resolve_hours AS h FROM mediation_cases WHERE ${filter.sql} AND resolve_hours IS NOT NULL`, filter.args), (rows) => rows.map((r) => r.h))
      }))
    }
  })
}
