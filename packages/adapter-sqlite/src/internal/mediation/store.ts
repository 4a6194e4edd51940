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
  duplicateId,
  levelBit,
  MediationCase,
  MediationConfig,
  MediationStore,
  type OverdueRow,
  staleVersion,
  type StatsGroup,
  type StorageError
} from "@mulin/core"
import { Effect, Option, Schema } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import type { StatementSource } from "../../StatementCache.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { conflictsOnly, isUniqueViolation } from "../kernel/errors.js"
import { scopeRange, toPath } from "../kernel/paths.js"

/** A row of `mediation_cases`. */
interface CaseRow {
  readonly id: string
  readonly county_id: string
  readonly node_id: string
  readonly path: string
  readonly category: string
  readonly state: string
  readonly status: string
  readonly level: string
  readonly department: string | null
  readonly disclosed: number
  readonly due_kind: string | null
  readonly due_at: string | null
  readonly reported_at: string
  readonly reached: number
  readonly missed: number
  readonly responded: number
  readonly ratings: number
  readonly satisfied: number
  readonly resolve_hours: number | null
  readonly version: number
  readonly doc: string
}

const COLUMNS = [
  "id", "county_id", "node_id", "path", "category", "state", "status", "level", "department", "disclosed", "due_kind", "due_at",
  "reported_at", "reached", "missed", "responded", "ratings", "satisfied", "resolve_hours", "version", "doc"
] as const

const INSERT_CASE = `INSERT INTO mediation_cases (${COLUMNS.join(", ")}) VALUES (${COLUMNS.map((c) => `@${c}`).join(", ")})`
const UPDATE_CASE = `UPDATE mediation_cases SET ${COLUMNS.filter((c) => c !== "id").map((c) => `${c} = @${c}`).join(", ")} WHERE id = @id AND version = @expected_version`
const GET_CASE = "SELECT doc FROM mediation_cases WHERE id = ?"
const CASE_VERSION = "SELECT version FROM mediation_cases WHERE id = ?"
const ADD_KEY = "INSERT INTO mediation_escalations (case_id, deadline_key) VALUES (?, ?)"

// The partial index applies only when the query repeats its condition literally.
const OVERDUE =
  "SELECT id, version, county_id, node_id, category, state, level, due_kind, due_at FROM mediation_cases " +
  "WHERE due_at IS NOT NULL AND due_at < ? ORDER BY due_at, id LIMIT ?"
const OVERDUE_IN =
  "SELECT id, version, county_id, node_id, category, state, level, due_kind, due_at FROM mediation_cases INDEXED BY mediation_cases_due " +
  "WHERE due_at IS NOT NULL AND due_at < ? AND path >= ? AND path < ? ORDER BY due_at, id LIMIT ?"
const STATS_GROUPS =
  "SELECT category, state, level, reached, missed, count(*) AS cases, sum(responded) AS responded, sum(ratings) AS ratings, sum(satisfied) AS satisfied " +
  "FROM mediation_cases WHERE path >= ? AND path < ? AND reported_at >= ? AND reported_at < ? GROUP BY category, state, level, reached, missed"
const STATS_HOURS =
  "SELECT resolve_hours AS h FROM mediation_cases WHERE path >= ? AND path < ? AND reported_at >= ? AND reported_at < ? AND resolve_hours IS NOT NULL"

const maskOf = (levels: ReadonlyArray<keyof typeof levelBit>): number => levels.reduce((m, l) => m | levelBit[l], 0)

// A case reaches the store as the decider made it, from validated input; every read decodes
// it with all its checks, so writing skips them.
const encodeCaseChecked = Schema.encodeSync(MediationCase)
const encodeCase = (c: MediationCase) => encodeCaseChecked(c, { disableChecks: true })
const decodeCase = Schema.decodeUnknownSync(MediationCase)
const configs = countyConfigTable({
  table: "mediation_configs",
  entity: "mediation configuration",
  encode: Schema.encodeSync(MediationConfig),
  decode: Schema.decodeUnknownSync(MediationConfig)
})

/** The row of a case. */
export const caseRow = (c: MediationCase): CaseRow => ({
  id: c.id,
  county_id: c.countyId,
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



/** Makes the mediation store over an open database. */
export const makeMediationStore = (db: SqliteDatabase["Service"]): MediationStore["Service"] => {
  const write = <A>(f: (s: StatementSource) => A): Effect.Effect<A, Conflict | StorageError> => db.write(f, conflictsOnly)

  const list = (s: StatementSource, q: CaseQuery): { items: Array<MediationCase>; next: string | null } => {
    const limit = Math.max(1, Math.floor(q.limit))
    const where: Array<string> = []
    const args: Array<unknown> = []
    if (q.scope.length === 1) {
      where.push("county_id = ?")
      args.push(q.scope[0])
    } else {
      const [lo, hi] = scopeRange(q.scope)
      where.push("path >= ?", "path < ?")
      args.push(lo, hi)
    }
    const eq = (column: string, value: string | number | undefined) => {
      if (value === undefined) return
      where.push(`${column} = ?`)
      args.push(value)
    }
    eq("state", q.state)
    eq("status", q.status)
    eq("level", q.level)
    eq("category", q.category)
    eq("department", q.department)
    eq("disclosed", q.disclosed === true ? 1 : undefined)
    where.push("id > ?")
    args.push(q.after ?? "")
    const rows = s.prepare(`SELECT id, doc FROM mediation_cases WHERE ${where.join(" AND ")} ORDER BY id LIMIT ?`).all(...args, limit + 1) as Array<{ id: string; doc: string }>
    const more = rows.length > limit
    const page = more ? rows.slice(0, limit) : rows
    return { items: page.map((r) => decodeCase(JSON.parse(r.doc))), next: more ? page[page.length - 1]!.id : null }
  }

  return MediationStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),

    saveConfig: (config, expectedVersion) => write((s) => configs.save(s, config, expectedVersion)),

    get: (id) =>
      db.read((s) => {
        const row = s.prepare(GET_CASE).get(id) as { doc: string } | undefined
        return row === undefined ? Option.none() : Option.some(decodeCase(JSON.parse(row.doc)))
      }),

    insert: (c) =>
      write((s) => {
        try {
          s.prepare(INSERT_CASE).run(caseRow(c))
        } catch (error) {
          throw isUniqueViolation(error) ? duplicateId("mediation case", c.id) : error
        }
      }),

    update: (c, expectedVersion, deadlineKey) =>
      write((s) => {
        if (deadlineKey !== undefined) {
          try {
            s.prepare(ADD_KEY).run(c.id, deadlineKey)
          } catch (error) {
            // A missing case is reported as a stale version below, like any update of it.
            if (isUniqueViolation(error)) throw alreadyEscalated(c.id, deadlineKey)
            if (!(error instanceof Error && (error as { code?: string }).code === "SQLITE_CONSTRAINT_FOREIGNKEY")) throw error
          }
        }
        if (s.prepare(UPDATE_CASE).run({ ...caseRow(c), expected_version: expectedVersion }).changes === 0) {
          const row = s.prepare(CASE_VERSION).get(c.id) as { version: number } | undefined
          throw staleVersion("mediation case", c.id, expectedVersion, row?.version ?? 0)
        }
      }),

    list: (q) => db.read((s) => list(s, q)),

    overdue: ({ limit, now, scope }) =>
      db.read((s) => {
        const n = Math.max(1, Math.floor(limit))
        const rows = (scope === undefined || scope.length === 0
          ? s.prepare(OVERDUE).all(now, n)
          : s.prepare(OVERDUE_IN).all(now, ...scopeRange(scope), n)) as Array<{
            id: string; version: number; county_id: string; node_id: string; category: string; state: string; level: string; due_kind: string; due_at: string
          }>
        // Trusted: written by this store from decoded cases.
        return rows.map((r): OverdueRow => ({
          id: r.id as OverdueRow["id"],
          version: r.version,
          countyId: r.county_id as OverdueRow["countyId"],
          nodeId: r.node_id as OverdueRow["nodeId"],
          category: r.category,
          state: r.state as OverdueRow["state"],
          level: r.level as OverdueRow["level"],
          kind: r.due_kind as OverdueRow["kind"],
          dueAt: r.due_at
        }))
      }),

    statistics: ({ from, scope, to }) =>
      db.read((s) => {
        const args = [...scopeRange(scope), from ?? "", to ?? "~"]
        const groups = s.prepare(STATS_GROUPS).all(...args) as Array<StatsGroup>
        const hours = (s.prepare(STATS_HOURS).all(...args) as Array<{ h: number }>).map((r) => r.h)
        return { groups, resolveHours: hours }
      })
  })
}
