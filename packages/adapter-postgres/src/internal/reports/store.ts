/**
 * The reports port on PostgreSQL: the ledger of work as plain columns (no JSON document),
 * the seconds to respond and to resolve stored beside the instants, so that the KPI
 * aggregates are one `GROUP BY` in SQL over a county's (or a subtree's) period; the counties'
 * settings as a versioned configuration.
 */
import { type GridNodeId, type KpiFact, type LedgerEntry, ReportsConfig, ReportsStore, secondsFrom, type WorkKind, type WorkOutcome } from "@mulin/core"
import { Effect, Option, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, Filter } from "../kernel/documents.js"
import { fromPath, toPath } from "../kernel/paths.js"

/** One row of `work_ledger` as the driver returns it (the seconds, `BIGINT`, as text). */
interface LedgerRow {
  readonly county_id: GridNodeId
  readonly kind: WorkKind
  readonly id: string
  readonly node_id: GridNodeId
  readonly path: string
  readonly category: string
  readonly channel: string
  readonly opened_at: string
  readonly responded_at: string | null
  readonly resolved_at: string | null
  readonly due_at: string | null
  readonly outcome: WorkOutcome
  readonly ratings: number
  readonly satisfied: number
  readonly routed_kind: "need" | "case" | "item" | "referral" | null
  readonly routed_id: string | null
  readonly updated_at: string
}

const rowOf = (e: LedgerEntry) => ({
  county_id: e.countyId,
  kind: e.kind,
  id: e.id,
  node_id: e.nodeId,
  path: toPath(e.path),
  category: e.category,
  channel: e.channel,
  opened_at: e.openedAt,
  responded_at: e.respondedAt,
  resolved_at: e.resolvedAt,
  due_at: e.dueAt,
  outcome: e.outcome,
  ratings: e.ratings,
  satisfied: e.satisfied,
  response_seconds: secondsFrom(e.openedAt, e.respondedAt),
  resolution_seconds: secondsFrom(e.openedAt, e.resolvedAt),
  routed_kind: e.routedTo?.kind ?? null,
  routed_id: e.routedTo?.id ?? null,
  updated_at: e.updatedAt
})
const columns: ReadonlyArray<keyof ReturnType<typeof rowOf>> = [
  "county_id", "kind", "id", "node_id", "path", "category", "channel", "opened_at", "responded_at", "resolved_at", "due_at",
  "outcome", "ratings", "satisfied", "response_seconds", "resolution_seconds", "routed_kind", "routed_id", "updated_at"
]
const UPSERT = `INSERT INTO work_ledger (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) ` +
  `ON CONFLICT (county_id, kind, id) DO UPDATE SET ${columns.filter((c) => !["county_id", "kind", "id"].includes(c)).map((c) => `${c} = excluded.${c}`).join(", ")}`

const entryOf = (r: LedgerRow): LedgerEntry => ({
  kind: r.kind,
  id: r.id,
  countyId: r.county_id,
  nodeId: r.node_id,
  path: fromPath<GridNodeId>(r.path),
  category: r.category,
  channel: r.channel,
  openedAt: r.opened_at,
  respondedAt: r.responded_at,
  resolvedAt: r.resolved_at,
  dueAt: r.due_at,
  outcome: r.outcome,
  ratings: r.ratings,
  satisfied: r.satisfied,
  routedTo: r.routed_kind === null ? null : { kind: r.routed_kind, id: r.routed_id },
  updatedAt: r.updated_at
} as LedgerEntry)

/** The rows of a subtree and period, merged work left out: a whole county by its id, a subtree by its path range too. */
const ledgerFilter = (scope: ReadonlyArray<GridNodeId>, from: string, to: string): Filter =>
  new Filter(scope).add("opened_at >= ? AND opened_at < ? AND outcome <> 'merged'", from, to)

/** The KPI aggregates: the child of the root is the id after the root's path (`$n` characters), `''` for the root itself. */
const factsSql = (filter: Filter, n: number, rs: number) => `
SELECT split_part(substr(path, $${n} + 1), '/', 1) AS child, category, channel, kind,
       count(*) AS work, count(response_seconds) AS responded, count(*) FILTER (WHERE response_seconds <= $${rs}) AS responded_in_time,
       coalesce(sum(response_seconds), 0) AS respond_seconds, count(resolution_seconds) AS resolved, coalesce(sum(resolution_seconds), 0) AS resolve_seconds,
       coalesce(sum(ratings), 0) AS ratings, coalesce(sum(satisfied), 0) AS satisfied
FROM work_ledger WHERE ${filter.sql}
GROUP BY 1, 2, 3, 4`

/** Makes the reports store over an open database. */
export const makeReportsStore = (db: PostgresDatabase["Service"]): ReportsStore["Service"] => {
  const configs = configTable(db, { table: "reports_configs", entity: "reports configuration", encode: Schema.encodeSync(ReportsConfig), decode: Schema.decodeUnknownSync(ReportsConfig) })
  const first = (rows: ReadonlyArray<LedgerRow>) => Option.map(Option.fromNullishOr(rows[0]), entryOf)
  return ReportsStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    get: (kind, id) => Effect.map(db.query<LedgerRow>("SELECT * FROM work_ledger WHERE kind = $1 AND id = $2 LIMIT 1", [kind, id]), first),
    put: (entry) => {
      const row = rowOf(entry)
      return db.write(Effect.asVoid(db.change(UPSERT, columns.map((c) => row[c]))))
    },
    routedTo: (kind, id) =>
      Effect.map(db.query<LedgerRow>("SELECT * FROM work_ledger WHERE routed_kind = $1 AND routed_id = $2 AND kind = 'request' ORDER BY id LIMIT 1", [kind, id]), first),
    page: ({ after, from, limit, scope, to }) => {
      const filter = ledgerFilter(scope, from, to)
      if (after !== undefined) filter.add("(opened_at, kind, id) > (?, ?, ?)", after.openedAt, after.kind, after.id)
      const n = Math.max(1, Math.floor(limit))
      return Effect.map(
        db.query<LedgerRow>(`SELECT * FROM work_ledger WHERE ${filter.sql} ORDER BY opened_at, kind, id LIMIT ${n + 1}`, filter.args),
        (rows) => ({ items: rows.slice(0, n).map(entryOf), more: rows.length > n })
      )
    },
    categoryCounts: ({ from, scope, to }) => {
      const filter = ledgerFilter(scope, from, to)
      return Effect.map(
        db.query<{ category: string; work: string }>(`SELECT category, count(*) AS work FROM work_ledger WHERE ${filter.sql} GROUP BY category`, filter.args),
        (rows) => rows.map((r) => ({ category: r.category, work: Number(r.work) }))
      )
    },
    facts: ({ from, responseSeconds, scope, to }) => {
      const filter = ledgerFilter(scope, from, to)
      const n = filter.args.length + 1
      return Effect.map(
        db.query<Record<string, string>>(factsSql(filter, n, n + 1), [...filter.args, toPath(scope).length, responseSeconds]),
        (rows) =>
          rows.map((r): KpiFact => ({
            child: r["child"] === "" ? null : (r["child"] as GridNodeId),
            category: r["category"]!,
            channel: r["channel"]!,
            kind: r["kind"] as WorkKind,
            work: Number(r["work"]),
            responded: Number(r["responded"]),
            respondedInTime: Number(r["responded_in_time"]),
            respondSeconds: Number(r["respond_seconds"]),
            resolved: Number(r["resolved"]),
            resolveSeconds: Number(r["resolve_seconds"]),
            ratings: Number(r["ratings"]),
            satisfied: Number(r["satisfied"])
          }))
      )
    }
  })
}
