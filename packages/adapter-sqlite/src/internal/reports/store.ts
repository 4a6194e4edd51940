/**
 * The reports port on SQLite: the ledger of work as plain columns (no JSON document), the
 * seconds to respond and to resolve stored beside the instants, so that the KPI aggregates
 * are one `GROUP BY` over an index range; the counties' settings as a versioned configuration.
 */
import { defaultReportsConfig, type GridNodeId, type KpiFact, type KpiSums, KPI_SUMS, ReportsStore, type RollupDelta, rollupDeltas, type RollupFact, type WorkKind } from "@mulin/core"
import { ledgerEntryOf, ledgerRow, reportsConfigs, WORK_LEDGER_COLUMNS } from "@mulin/sql"
import { Option } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import { countyConfigTable } from "../kernel/countyConfig.js"
import { conflictsOnly } from "../kernel/errors.js"
import { scopeRange, toPath } from "../kernel/paths.js"
import { getRow, insertSql, raw } from "../kernel/statements.js"
import type { StatementSource } from "../../StatementCache.js"
import { fillReportsRollup, registerRollupFunctions } from "./rollup.js"
import type { WorkLedgerTable } from "./tables.js"

const configs = countyConfigTable(reportsConfigs)

const columns = WORK_LEDGER_COLUMNS
const UPSERT = `${insertSql("work_ledger", columns)} ON CONFLICT (kind, id) DO UPDATE SET ${columns.filter((c) => c !== "kind" && c !== "id").map((c) => `${c} = excluded.${c}`).join(", ")}`

/**
 * The rows of a subtree and period, merged work left out: a whole county by its id, a
 * subtree by its path range (both indexed with the opening instant). Named parameters.
 */
export const ledgerWhere = (scope: ReadonlyArray<GridNodeId>, from: string, to: string): { readonly sql: string; readonly params: Record<string, unknown> } => {
  const [lo, hi] = scopeRange(scope)
  return scope.length === 1
    ? { sql: "county_id = @county AND opened_at >= @from AND opened_at < @to AND outcome <> 'merged'", params: { county: scope[0], from, to } }
    : { sql: "path >= @lo AND path < @hi AND opened_at >= @from AND opened_at < @to AND outcome <> 'merged'", params: { lo, hi, from, to } }
}

/** The KPI aggregates' SQL: the child of the root is the id after the root's path (`@n` characters). */
export const factsSql = (where: string) => `
SELECT substr(path, @n + 1, max(instr(substr(path, @n + 1), '/') - 1, 0)) AS child, category, channel, kind,
       count(*) AS work, count(response_seconds) AS responded, total(response_seconds <= @rs) AS respondedInTime,
       total(response_seconds) AS respondSeconds, count(resolution_seconds) AS resolved, total(resolution_seconds) AS resolveSeconds,
       total(ratings) AS ratings, total(satisfied) AS satisfied
FROM work_ledger WHERE ${where}
GROUP BY 1, 2, 3, 4`

/** A group's category, channel, kind and sums as both aggregate queries name them. */
const groupOf = (r: Record<string, number | string>) => ({
  category: r["category"] as string,
  channel: r["channel"] as string,
  kind: r["kind"] as WorkKind,
  ...Object.fromEntries(KPI_SUMS.map((k) => [k, Number(r[k])])) as unknown as KpiSums
})

const ROLLUP_ADD = `INSERT INTO reports_rollup (node_id, month, category, channel, kind, county_id, parent_id, work, responded, responded_in_time, respond_seconds, resolved, resolve_seconds, ratings, satisfied)
VALUES (@node, @month, @category, @channel, @kind, @county, @parent, @work, @responded, @respondedInTime, @respondSeconds, @resolved, @resolveSeconds, @ratings, @satisfied)
ON CONFLICT (node_id, month, category, channel, kind) DO UPDATE SET work = work + excluded.work, responded = responded + excluded.responded,
  responded_in_time = responded_in_time + excluded.responded_in_time, respond_seconds = respond_seconds + excluded.respond_seconds, resolved = resolved + excluded.resolved,
  resolve_seconds = resolve_seconds + excluded.resolve_seconds, ratings = ratings + excluded.ratings, satisfied = satisfied + excluded.satisfied`
const ROLLUP_DROP = "DELETE FROM reports_rollup WHERE node_id = ? AND month = ? AND category = ? AND channel = ? AND kind = ? AND work = 0"

/** Adds a delta to the groups of every node on its path; a group left with no work is dropped. */
const applyDelta = (s: StatementSource, d: RollupDelta): void => {
  const add = s.prepare(ROLLUP_ADD)
  d.path.forEach((node, i) => {
    add.run({ node, month: d.month, category: d.category, channel: d.channel, kind: d.kind, county: d.countyId, parent: d.path[i - 1] ?? "", ...d.sums })
    if (d.sums.work < 0) s.prepare(ROLLUP_DROP).run(node, d.month, d.category, d.channel, d.kind)
  })
}

const SUMS = `sum(work) AS work, sum(responded) AS responded, sum(responded_in_time) AS respondedInTime, sum(respond_seconds) AS respondSeconds,
  sum(resolved) AS resolved, sum(resolve_seconds) AS resolveSeconds, sum(ratings) AS ratings, sum(satisfied) AS satisfied`
/** The roll-up's groups of a root (by key) and its children (by parent), over months. */
const MONTH_FACTS = `SELECT node_id AS nodeId, category, channel, kind, ${SUMS} FROM (
  SELECT * FROM reports_rollup WHERE node_id = @root AND month >= @from AND month <= @to
  UNION ALL
  SELECT * FROM reports_rollup WHERE parent_id = @root AND month >= @from AND month <= @to
) GROUP BY node_id, category, channel, kind`
const MONTH_COUNTS = "SELECT category, sum(work) AS work FROM reports_rollup WHERE node_id = @root AND month >= @from AND month <= @to GROUP BY category"

/** Makes the reports store over an open database. */
export const makeReportsStore = (db: SqliteDatabase["Service"]): ReportsStore["Service"] => {
  registerRollupFunctions(db.connection)
  return ReportsStore.of({
    getConfig: (countyId) => db.read((s) => configs.get(s, countyId)),
    saveConfig: (config, expectedVersion) =>
      db.write((s) => {
        const before = configs.get(s, config.countyId)
        configs.save(s, config, expectedVersion)
        // The roll-up counted "in time" against the previous response time: count it afresh.
        if (Option.getOrElse(before, () => defaultReportsConfig(config.countyId)).responseHours !== config.responseHours) {
          fillReportsRollup(s, { countyId: config.countyId, months: false, responseSeconds: config.responseHours * 3600 })
        }
      }, conflictsOnly),
    get: (kind, id) => db.readOne((s) => Option.fromNullishOr(getRow(s, raw<WorkLedgerTable>("SELECT * FROM work_ledger WHERE kind = ? AND id = ?"), kind, id)).pipe(Option.map(ledgerEntryOf))),
    put: (entry, placement) =>
      db.write((s) => {
        const old = getRow(s, raw<WorkLedgerTable>("SELECT * FROM work_ledger WHERE kind = ? AND id = ?"), entry.kind, entry.id)
        const deltas = rollupDeltas(old === undefined ? undefined : { entry: ledgerEntryOf(old), month: old.opened_month }, { entry, month: placement.month }, placement.responseSeconds)
        s.prepare(UPSERT).run(ledgerRow(entry, placement.month))
        for (const d of deltas) applyDelta(s, d)
      }),
    routedTo: (kind: WorkKind, id) =>
      db.readOne((s) => Option.fromNullishOr(getRow(s, raw<WorkLedgerTable>("SELECT * FROM work_ledger WHERE routed_kind = ? AND routed_id = ? AND routed_id IS NOT NULL AND kind = 'request' LIMIT 1"), kind, id)).pipe(Option.map(ledgerEntryOf))),
    page: ({ after, from, limit, scope, to }) =>
      db.readOne((s) => {
        const where = ledgerWhere(scope, from, to)
        const cursor = after === undefined ? "" : " AND (opened_at > @a_at OR (opened_at = @a_at AND (kind > @a_kind OR (kind = @a_kind AND id > @a_id))))"
        const n = Math.max(1, Math.floor(limit))
        const params = { ...where.params, limit: n + 1, ...(after === undefined ? {} : { a_at: after.openedAt, a_kind: after.kind, a_id: after.id }) }
        const rows = s.prepare(`SELECT * FROM work_ledger WHERE ${where.sql}${cursor} ORDER BY opened_at, kind, id LIMIT @limit`).all(params) as Array<WorkLedgerTable>
        return { items: rows.slice(0, n).map(ledgerEntryOf), more: rows.length > n }
      }),
    categoryCounts: ({ from, scope, to }) =>
      db.readOne((s) => {
        const where = ledgerWhere(scope, from, to)
        return s.prepare(`SELECT category, count(*) AS work FROM work_ledger WHERE ${where.sql} GROUP BY category`).all(where.params) as Array<{ readonly category: string; readonly work: number }>
      }),
    facts: ({ from, responseSeconds, scope, to }) =>
      db.readOne((s) => {
        const where = ledgerWhere(scope, from, to)
        const rows = s.prepare(factsSql(where.sql)).all({ ...where.params, n: toPath(scope).length, rs: responseSeconds }) as Array<Record<string, number | string>>
        return rows.map((r): KpiFact => ({ child: r["child"] === "" ? null : (r["child"] as GridNodeId), ...groupOf(r) }))
      }),
    monthFacts: ({ from, scope, to }) =>
      db.read((s) =>
        (s.prepare(MONTH_FACTS).all({ root: scope[scope.length - 1], from, to }) as Array<Record<string, number | string>>)
          .map((r): RollupFact => ({ nodeId: r["nodeId"] as GridNodeId, ...groupOf(r) }))
          .filter((f) => f.work !== 0)
      ),
    monthCategoryCounts: ({ from, scope, to }) =>
      db.readOne((s) =>
        (s.prepare(MONTH_COUNTS).all({ root: scope[scope.length - 1], from, to }) as Array<{ readonly category: string; readonly work: number }>).filter((r) => r.work !== 0)
      )
  })
}
