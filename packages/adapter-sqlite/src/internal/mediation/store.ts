/**
 * The mediation port on SQLite.
 *
 * A case is stored whole, as JSON in `doc` (decoded through the core schema when read
 * back), with the columns the queries need beside it: the materialised path of its node for
 * subtree ranges, the current deadline for the overdue scan (`mediation_cases_due`, a
 * partial covering index of the cases with a running deadline), and the statistics facts
 * for `GROUP BY` over the covering index `mediation_cases_stats`.
 *
 * A missed deadline is recorded in `mediation_escalations` (primary key: case and
 * deadline) in the same savepoint as the case's update, so a second escalation for the
 * same deadline fails on the key whatever process attempts it.
 */
import {
  alreadyEscalated,
  type CaseQuery,
  type Conflict,
  type MediationCase,
  MediationStore,
  type OverdueRow,
  type StatsGroup,
  type StorageError
} from "@mulin/core"
import { mediationCases, mediationConfigs } from "@mulin/sql"
import { Effect } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { documentTable, Filter } from "../kernel/documents.js"
import { conflictsOnly, isUniqueViolation, sqliteCode } from "../kernel/errors.js"
import { allRows, allTuples, raw, type Row, rawTuple } from "../kernel/statements.js"
import { scopeRange } from "../kernel/paths.js"

/** A row of `mediation_cases`. */
type CaseRow = Row<"mediation_cases">
const ADD_KEY = "INSERT INTO mediation_escalations (case_id, deadline_key) VALUES (?, ?)"

/** The overdue scan's columns, in the order selected: read as tuples, thousands at a time. */
type DueTuple = readonly [
  id: CaseRow["id"],
  version: CaseRow["version"],
  countyId: CaseRow["county_id"],
  nodeId: CaseRow["node_id"],
  category: CaseRow["category"],
  state: CaseRow["state"],
  level: CaseRow["level"],
  kind: CaseRow["due_kind"],
  dueAt: CaseRow["due_at"]
]

// The partial index applies only when the query repeats its condition literally.
const OVERDUE = rawTuple<DueTuple>(
  "SELECT id, version, county_id, node_id, category, state, level, due_kind, due_at FROM mediation_cases " +
  "WHERE due_at IS NOT NULL AND due_at < ? ORDER BY due_at, id LIMIT ?"
)
const OVERDUE_IN = rawTuple<DueTuple>(
  "SELECT id, version, county_id, node_id, category, state, level, due_kind, due_at FROM mediation_cases INDEXED BY mediation_cases_due " +
  "WHERE due_at IS NOT NULL AND due_at < ? AND path >= ? AND path < ? ORDER BY due_at, id LIMIT ?"
)
const STATS_GROUPS = raw<StatsGroup>(
  "SELECT category, state, level, reached, missed, count(*) AS cases, sum(responded) AS responded, sum(ratings) AS ratings, sum(satisfied) AS satisfied " +
  "FROM mediation_cases WHERE path >= ? AND path < ? AND reported_at >= ? AND reported_at < ? GROUP BY category, state, level, reached, missed"
)
const STATS_HOURS = raw<{ readonly h: number }>(
  "SELECT resolve_hours AS h FROM mediation_cases WHERE path >= ? AND path < ? AND reported_at >= ? AND reported_at < ? AND resolve_hours IS NOT NULL"
)

const configs = countyConfigTable(mediationConfigs)
const cases = documentTable(mediationCases)

/** Makes the mediation store over an open database. */
export const makeMediationStore = (db: SqliteDatabase["Service"]): MediationStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)

  const list = (s: StatementSource, q: CaseQuery): { items: Array<MediationCase>; next: string | null } => {
    const filter = new Filter(q.scope)
      .eq("state", q.state)
      .eq("status", q.status)
      .eq("level", q.level)
      .eq("category", q.category)
      .eq("department", q.department)
      .eq("disclosed", q.disclosed === true ? 1 : undefined)
    return cases.page(s, filter, q.after, q.limit)
  }

  return MediationStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),

    saveConfig: (config, expectedVersion) => write((s) => configs.save(s, config, expectedVersion)),

    get: (id) => db.read((s) => cases.get(s, id)),

    getMany: (ids) => db.read((s) => cases.getMany(s, ids)),

    insert: (c) => write((s) => cases.insert(s, c)),

    update: (c, expectedVersion, deadlineKey) =>
      write((s) => {
        if (deadlineKey !== undefined) {
          try {
            s.prepare(ADD_KEY).run(c.id, deadlineKey)
          } catch (error) {
            // A missing case is reported as a stale version below, like any update of it.
            if (isUniqueViolation(error)) throw alreadyEscalated(c.id, deadlineKey)
            if (sqliteCode(error) !== "SQLITE_CONSTRAINT_FOREIGNKEY") throw error
          }
        }
        cases.update(s, c, expectedVersion)
      }),

    list: (q) => db.read((s) => list(s, q)),

    // One statement, one snapshot: no read transaction around it.
    overdue: ({ limit, now, scope }) =>
      db.readOne((s) => {
        const n = Math.max(1, Math.floor(limit))
        // Tuples, not row objects: the rows go straight into the port's shape.
        const rows = scope === undefined || scope.length === 0
          ? allTuples(s, OVERDUE, now, n)
          : allTuples(s, OVERDUE_IN, now, ...scopeRange(scope), n)
        // Trusted: written by this store from decoded cases. Both columns are set together,
        // and the query reads only rows where they are.
        const out: Array<OverdueRow> = []
        for (const r of rows) {
          const kind = r[7]
          const dueAt = r[8]
          if (kind === null || dueAt === null) continue
          out.push({ id: r[0], version: r[1], countyId: r[2], nodeId: r[3], category: r[4], state: r[5], level: r[6], kind, dueAt })
        }
        return out
      }),

    statistics: ({ from, scope, to }) =>
      db.read((s) => {
        const args = [...scopeRange(scope), from ?? "", to ?? "~"]
        const groups = allRows(s, STATS_GROUPS, ...args)
        const hours = allRows(s, STATS_HOURS, ...args).map((r) => r.h)
        return { groups, resolveHours: hours }
      })
  })
}
