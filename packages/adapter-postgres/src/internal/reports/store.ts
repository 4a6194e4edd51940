/**
 * The reports port on PostgreSQL: the ledger of work as plain columns (no JSON document),
 * the seconds to respond and to resolve stored beside the instants, so that the KPI
 * aggregates are one `GROUP BY` in SQL over a county's (or a subtree's) period; the counties'
 * settings as a versioned configuration.
 */
import { defaultReportsConfig, type GridNodeId, type KpiFact, type KpiSums, KPI_SUMS, ReportsStore, ROLLUP_DEPTH, type RollupDelta, rollupDeltas, type RollupFact, type WorkKind } from "@mulin/core"
import { ledgerEntryOf, ledgerRow, reportsConfigs, WORK_LEDGER_COLUMNS, type WorkLedgerRow } from "@mulin/sql"
import { Effect, Option } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, Filter } from "../kernel/documents.js"
import { toPath } from "../kernel/paths.js"
import { rollupFillSql } from "./schema.js"

/** A row of `work_ledger` as read: the seconds (`BIGINT`) come back as text and are not read. */
type LedgerRow = Omit<WorkLedgerRow, "response_seconds" | "resolution_seconds">
const columns = WORK_LEDGER_COLUMNS
const UPSERT = `INSERT INTO work_ledger (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) ` +
  `ON CONFLICT (county_id, kind, id) DO UPDATE SET ${columns.filter((c) => !["county_id", "kind", "id"].includes(c)).map((c) => `${c} = excluded.${c}`).join(", ")}`

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

/** The snake-case column of each sum. */
const column = (k: keyof KpiSums) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
/** A group's category, channel, kind and sums as both aggregate queries name them (sums as text). */
const groupOf = (r: Record<string, string>) => ({
  category: r["category"]!,
  channel: r["channel"]!,
  kind: r["kind"] as WorkKind,
  ...Object.fromEntries(KPI_SUMS.map((k) => [k, Number(r[column(k)])])) as unknown as KpiSums
})
const ROLLUP_ADD = `INSERT INTO reports_rollup (county_id, node_id, month, category, channel, kind, parent_id, work, responded, responded_in_time, respond_seconds, resolved, resolve_seconds, ratings, satisfied)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
ON CONFLICT (county_id, node_id, month, category, channel, kind) DO UPDATE SET work = reports_rollup.work + excluded.work,
  responded = reports_rollup.responded + excluded.responded, responded_in_time = reports_rollup.responded_in_time + excluded.responded_in_time,
  respond_seconds = reports_rollup.respond_seconds + excluded.respond_seconds, resolved = reports_rollup.resolved + excluded.resolved,
  resolve_seconds = reports_rollup.resolve_seconds + excluded.resolve_seconds, ratings = reports_rollup.ratings + excluded.ratings, satisfied = reports_rollup.satisfied + excluded.satisfied`
const ROLLUP_DROP = "DELETE FROM reports_rollup WHERE county_id = $1 AND node_id = $2 AND month = $3 AND category = $4 AND channel = $5 AND kind = $6 AND work = 0"
const ROLLUP_SUMS = `sum(work) AS work, sum(responded) AS responded, sum(responded_in_time) AS responded_in_time, sum(respond_seconds) AS respond_seconds,
  sum(resolved) AS resolved, sum(resolve_seconds) AS resolve_seconds, sum(ratings) AS ratings, sum(satisfied) AS satisfied`

/** Makes the reports store over an open database. */
export const makeReportsStore = (db: PostgresDatabase["Service"]): ReportsStore["Service"] => {
  const configs = configTable(db, reportsConfigs)
  const first = (rows: ReadonlyArray<LedgerRow>) => Option.map(Option.fromNullishOr(rows[0]), ledgerEntryOf)
  /** Adds a delta to the groups of every node on its path; a group left with no work is dropped. */
  const apply = (d: RollupDelta) =>
    Effect.forEach(d.path, (node, i) => {
      const group = [d.countyId, node, d.month, d.category, d.channel, d.kind]
      const add = db.change(ROLLUP_ADD, [...group, d.path[i - 1] ?? "", ...KPI_SUMS.map((k) => d.sums[k])])
      return d.sums.work < 0 ? Effect.andThen(add, db.change(ROLLUP_DROP, group)) : add
    }, { discard: true })
  return ReportsStore.of({
    getConfig: configs.get,
    saveConfig: (config, expected) =>
      db.write(Effect.gen(function*() {
        const before = yield* configs.get(config.countyId)
        yield* configs.save(config, expected)
        // The roll-up counted "in time" against the previous response time: count the county afresh.
        if (Option.getOrElse(before, () => defaultReportsConfig(config.countyId)).responseHours !== config.responseHours) {
          yield* db.change("DELETE FROM reports_rollup WHERE county_id = $1", [config.countyId])
          yield* db.change(rollupFillSql("$2", "l.county_id = $1", ROLLUP_DEPTH), [config.countyId, config.responseHours * 3600])
        }
      })),
    get: (kind, id) => Effect.map(db.query<LedgerRow>("SELECT * FROM work_ledger WHERE kind = $1 AND id = $2 LIMIT 1", [kind, id]), first),
    put: (entry, placement) => {
      const row = ledgerRow(entry, placement.month)
      return db.write(Effect.gen(function*() {
        const [old] = yield* db.query<LedgerRow>("SELECT * FROM work_ledger WHERE county_id = $1 AND kind = $2 AND id = $3 FOR UPDATE", [entry.countyId, entry.kind, entry.id])
        const deltas = rollupDeltas(old === undefined ? undefined : { entry: ledgerEntryOf(old), month: old.opened_month }, { entry, month: placement.month }, placement.responseSeconds)
        yield* db.change(UPSERT, columns.map((c) => row[c]))
        yield* Effect.forEach(deltas, apply, { discard: true })
      }))
    },
    monthFacts: ({ from, scope, to }) =>
      Effect.map(
        db.query<Record<string, string>>(
          `SELECT node_id, category, channel, kind, ${ROLLUP_SUMS} FROM reports_rollup WHERE county_id = $1 AND (node_id = $2 OR parent_id = $2) AND month >= $3 AND month <= $4 GROUP BY node_id, category, channel, kind`,
          [scope[0], scope[scope.length - 1], from, to]
        ),
        (rows) =>
          rows.map((r): RollupFact => ({ nodeId: r["node_id"] as GridNodeId, ...groupOf(r) })).filter((f) => f.work !== 0)
      ),
    monthCategoryCounts: ({ from, scope, to }) =>
      Effect.map(
        db.query<{ category: string; work: string }>(
          "SELECT category, sum(work) AS work FROM reports_rollup WHERE county_id = $1 AND node_id = $2 AND month >= $3 AND month <= $4 GROUP BY category",
          [scope[0], scope[scope.length - 1], from, to]
        ),
        (rows) => rows.map((r) => ({ category: r.category, work: Number(r.work) })).filter((r) => r.work !== 0)
      ),
    routedTo: (kind, id) =>
      Effect.map(db.query<LedgerRow>("SELECT * FROM work_ledger WHERE routed_kind = $1 AND routed_id = $2 AND kind = 'request' ORDER BY id LIMIT 1", [kind, id]), first),
    page: ({ after, from, limit, scope, to }) => {
      const filter = ledgerFilter(scope, from, to)
      if (after !== undefined) filter.add("(opened_at, kind, id) > (?, ?, ?)", after.openedAt, after.kind, after.id)
      const n = Math.max(1, Math.floor(limit))
      return Effect.map(
        db.query<LedgerRow>(`SELECT * FROM work_ledger WHERE ${filter.sql} ORDER BY opened_at, kind, id LIMIT ${n + 1}`, filter.args),
        (rows) => ({ items: rows.slice(0, n).map(ledgerEntryOf), more: rows.length > n })
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
          rows.map((r): KpiFact => ({ child: r["child"] === "" ? null : (r["child"] as GridNodeId), ...groupOf(r) }))
      )
    }
  })
}
