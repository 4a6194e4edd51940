/**
 * The mediation port on PostgreSQL: each case whole as JSON in `doc`, beside the columns the
 * queries need (the path for subtree ranges, the running deadline for the overdue scan, the
 * statistics facts for `GROUP BY`). A missed deadline is recorded in `mediation_escalations`
 * (key: county, case and deadline) in the same savepoint as the case's update, so a second
 * escalation for the same deadline fails on the key whatever process attempts it.
 */
import { alreadyEscalated, levelBit, MediationCase, MediationConfig, MediationStore, type OverdueRow, type StatsGroup } from "@mulin/core"
import { Effect, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"
import { toPath } from "../kernel/paths.js"
import { sqlState } from "../kernel/runner.js"
import { classify } from "../kernel/sql.js"

const maskOf = (levels: ReadonlyArray<keyof typeof levelBit>): number => levels.reduce((m, l) => m | levelBit[l], 0)
const encodeCaseChecked = Schema.encodeSync(MediationCase)
const encodeCase = (c: MediationCase) => encodeCaseChecked(c, { disableChecks: true })
const decodeCase = Schema.decodeUnknownSync(MediationCase)

const caseRow = (c: MediationCase) => ({
  county_id: c.countyId,
  id: c.id,
  node_id: c.nodeId,
  path: toPath(c.scope),
  category: c.category,
  state: c.state,
  status: c.status,
  level: c.level,
  department: c.department?.code ?? null,
  disclosed: c.disclosedAt === null ? 0 : 1,
  due_kind: c.deadline?.kind ?? null,
  due_at: c.deadline?.dueAt ?? null,
  reported_at: c.reportedAt,
  reached: maskOf(c.reachedLevels),
  missed: maskOf(c.missedLevels),
  responded: c.respondedAt === null ? 0 : 1,
  ratings: c.ratings.length,
  satisfied: c.ratings.filter((r) => r.rating !== "unsatisfied").length,
  resolve_hours: c.resolvedAt === null ? null : Math.round((Date.parse(c.resolvedAt) - Date.parse(c.reportedAt)) / 60_000) / 60,
  version: c.version,
  doc: JSON.stringify(encodeCase(c))
})

const DUE = `id, version, county_id AS "countyId", node_id AS "nodeId", category, state, level, due_kind AS kind, due_at AS "dueAt"`

/** Makes the mediation store over an open database. */
export const makeMediationStore = (db: PostgresDatabase["Service"]): MediationStore["Service"] => {
  const configs = configTable(db, { table: "mediation_configs", entity: "mediation configuration", encode: Schema.encodeSync(MediationConfig), decode: Schema.decodeUnknownSync(MediationConfig) })
  const cases = documentTable(db, { table: "mediation_cases", entity: "mediation case", id: (c: MediationCase) => c.id, row: caseRow, decode: (doc) => decodeCase(JSON.parse(doc)) })
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
