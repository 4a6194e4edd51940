/**
 * `npm run bench -- points`: the credit-points ledger on a file database (WAL).
 *
 * - Single-transfer commands through the core `Points` service (authorisation, idempotency
 *   check, commit, balances, statement lines, one event), against a raw better-sqlite3 loop
 *   making the same writes on the adapter's own schema, one transaction each: the transfer
 *   row, the two balance updates, the two statement lines and the event row.
 * - Linked batches of 100 and 10,000 transfers per transaction through `Points.commitBatch`,
 *   against the same raw loop with the same batch size (one event row per transaction, as
 *   the service appends one event per batch).
 * - Each write figure is also given against a minimal reference: a transfer insert and two
 *   balance updates on a bare three-column schema (the loop `benchmarks.md` measures), which
 *   leaves out the statement lines and the event the ledger needs.
 * - Balance and statement reads through the store with 10 million transfers stored
 *   (generated with raw inserts into the adapter's schema), against raw SELECTs.
 *
 * BENCH_TRANSFERS changes the size of the read data set (default 10,000,000).
 */
import BetterSqlite3 from "better-sqlite3"
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import { Effect, Layer, ManagedRuntime } from "effect"
import { type AccountId, Grid, type GridNodeId, IdGenerator, Points, PointsStore, systemActor, type TransferId, type TransferInput } from "@mulin/core"
import { buildTinyLedger } from "@mulin/core/testing"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { latencies, memory, percentile, report, type Result, statsOf } from "./stats.js"

const READ_TRANSFERS = Number(process.env["BENCH_TRANSFERS"] ?? 10_000_000)
const PEOPLE = 10_000
const REPS = 5
const tmp = join(import.meta.dirname, "tmp")
mkdirSync(tmp, { recursive: true })
const file = join(tmp, "points.db")
const sameFile = join(tmp, "points-same.db")
const minimalFile = join(tmp, "points-minimal.db")
const readFile = join(tmp, "points-10m.db")
const sys = systemActor("bench")
const results: Array<Result> = []

const fresh = (path: string) => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true })
}
const rate = (n: number, ms: number) => n / (ms / 1000)
const appLayer = (filename: string) =>
  Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provideMerge(sqliteLayer({ filename })), Layer.provide(IdGenerator.layer))

/** A fresh ledger through the service: a county with its issuer and PEOPLE people, each with a person account. */
const seedLedger = async (runtime: ManagedRuntime.ManagedRuntime<Points | Grid, unknown>) => {
  const points = await runtime.runPromise(Points.use(Effect.succeed))
  const grid = await runtime.runPromise(Grid.use(Effect.succeed))
  const ledger = await runtime.runPromise(buildTinyLedger())
  const people: Array<AccountId> = await runtime.runPromise(Effect.forEach(Array.from({ length: PEOPLE }, (_, i) => i), (i) =>
    Effect.gen(function*() {
      const nodeId = ledger.tiny.units[i % 4]!.id
      const person = yield* grid.createPerson(sys, { nodeId, code: `B${i}`, name: `志愿者${i}` })
      return (yield* points.openAccount(sys, { nodeId, kind: "person", ownerId: person.id })).id
    })))
  return { points, issuer: ledger.issuer.id, countyId: ledger.tiny.county.id as GridNodeId, people }
}

/** A raw write loop: `batch(size)` commits `size` transfers in one transaction. */
interface RawLoop {
  readonly name: string
  readonly batch: (size: number) => void
  readonly close: () => void
}

// ---------------------------------------------------------------------------
// The baseline: the same writes as the service, on the adapter's schema, by hand.

const openSameWrites = async (): Promise<RawLoop> => {
  fresh(sameFile)
  const seeding = ManagedRuntime.make(appLayer(sameFile))
  const { countyId, issuer, people } = await seedLedger(seeding)
  await seeding.dispose()
  const db = new BetterSqlite3(sameFile)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  db.pragma("foreign_keys = ON")
  db.pragma("cache_size = -65536")
  db.pragma("mmap_size = 1073741824")
  db.prepare("INSERT OR IGNORE INTO scope_keys (node_id) VALUES (?)").run(countyId)
  const key = (db.prepare("SELECT key FROM scope_keys WHERE node_id = ?").get(countyId) as { key: number }).key
  db.prepare("INSERT OR IGNORE INTO event_scopes (node_id, prefix) VALUES (?, ?)").run(countyId, `/${key}/`)
  const begin = db.prepare("BEGIN IMMEDIATE")
  const commit = db.prepare("COMMIT")
  const insert = db.prepare(
    "INSERT INTO points_transfers (id, kind, debit_account_id, credit_account_id, amount, code, category, memo, cause_type, cause_id, pending_id, reverses_id, timeout_at, actor_id, at) " +
      "VALUES (?, 'posted', ?, ?, ?, 'transfer', NULL, '', NULL, NULL, NULL, NULL, NULL, ?, ?)"
  )
  const apply = db.prepare("UPDATE points_accounts SET posted = posted + ?, held = held + ? WHERE id = ?")
  const entry = db.prepare("INSERT INTO points_entries (account_id, seq, amount, code, category, at) VALUES (?, ?, ?, 'transfer', NULL, ?)")
  const event = db.prepare(
    "INSERT INTO events (id, type, aggregate_type, aggregate_id, version, actor, at, scope, scope_key, payload) " +
      "VALUES (?, 'points.transfers.committed', 'points transfer', ?, 1, ?, ?, ?, ?, ?)"
  )
  const actor = JSON.stringify({ id: sys.id, kind: sys.kind })
  const scope = `/${countyId}/`
  let n = 0
  return {
    name: "raw better-sqlite3, the same writes on the same schema: transfer row, two balance updates, two statement lines, one event row per transaction",
    batch: (size) => {
      begin.run()
      try {
        const at = new Date().toISOString()
        const listed: Array<Record<string, unknown>> = []
        let first = ""
        for (let i = 0; i < size; i++) {
          const id = `raw-${n}`
          const to = people[n++ % PEOPLE]!
          const seq = insert.run(id, issuer, to, 1, sys.id, at).lastInsertRowid
          apply.run(-1, 0, issuer)
          entry.run(issuer, seq, -1, at)
          apply.run(1, 0, to)
          entry.run(to, seq, 1, at)
          if (i === 0) first = id
          if (size <= 20) listed.push({ id, kind: "posted", code: "transfer", amount: 1, debitAccountId: issuer, creditAccountId: to })
        }
        const payload = size <= 20 ? { transfers: listed } : { count: size, amount: size, first, last: `raw-${n - 1}` }
        event.run(`evt_raw${String(n).padStart(23, "0")}`, first, actor, at, scope, `/${key}/`, JSON.stringify(payload))
        commit.run()
      } catch (error) {
        if (db.inTransaction) db.exec("ROLLBACK")
        throw error
      }
    },
    close: () => {
      db.close()
      fresh(sameFile)
    }
  }
}

// ---------------------------------------------------------------------------
// The minimal reference: a transfer row and two balance updates on a bare schema.

const openMinimal = (): RawLoop => {
  fresh(minimalFile)
  const db = new BetterSqlite3(minimalFile)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  db.exec(`CREATE TABLE accounts (id TEXT PRIMARY KEY NOT NULL, posted INTEGER NOT NULL, held INTEGER NOT NULL) STRICT;
    CREATE TABLE transfers (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, debit_account_id TEXT NOT NULL, credit_account_id TEXT NOT NULL,
      amount INTEGER NOT NULL, code TEXT NOT NULL, memo TEXT NOT NULL, actor_id TEXT NOT NULL, at TEXT NOT NULL) STRICT;`)
  const add = db.prepare("INSERT INTO accounts VALUES (?, 0, 0)")
  db.transaction(() => {
    add.run("issuer")
    for (let i = 0; i < PEOPLE; i++) add.run(`p${i}`)
  })()
  const insert = db.prepare("INSERT INTO transfers (id, kind, debit_account_id, credit_account_id, amount, code, memo, actor_id, at) VALUES (?, 'posted', ?, ?, ?, 'transfer', '', 'bench', ?)")
  const debit = db.prepare("UPDATE accounts SET posted = posted - ? WHERE id = ?")
  const credit = db.prepare("UPDATE accounts SET posted = posted + ? WHERE id = ?")
  let n = 0
  const one = () => {
    const to = `p${n % PEOPLE}`
    insert.run(`raw-${n++}`, "issuer", to, 1, new Date().toISOString())
    debit.run(1, "issuer")
    credit.run(1, to)
  }
  const batch = db.transaction((size: number) => {
    for (let i = 0; i < size; i++) one()
  })
  return {
    name: "raw better-sqlite3, minimal: transfer insert and two balance updates on a bare schema (no statement lines, no event)",
    batch: (size) => batch(size),
    close: () => {
      db.close()
      fresh(minimalFile)
    }
  }
}

// ---------------------------------------------------------------------------
// Ours: the Points service on the adapter, file database.

fresh(file)
const runtime = ManagedRuntime.make(appLayer(file))
const ours = await seedLedger(runtime)
const points = ours.points
let seq = 0
const transfer = (): TransferInput => ({ id: `t-${seq}` as TransferId, debitAccountId: ours.issuer, creditAccountId: ours.people[seq++ % PEOPLE]!, amount: 1, code: "transfer" })
const same = await openSameWrites()
const minimal = openMinimal()

const compare = async (name: string, size: number, calls: number, target: number) => {
  const runOurs = async () => {
    const t = performance.now()
    for (let c = 0; c < calls; c++) await runtime.runPromise(points.commitBatch(sys, { transfers: Array.from({ length: size }, transfer) }))
    return rate(size * calls, performance.now() - t)
  }
  const runRaw = (loop: RawLoop) => {
    const t = performance.now()
    for (let c = 0; c < calls; c++) loop.batch(size)
    return rate(size * calls, performance.now() - t)
  }
  await runOurs()
  runRaw(same)
  runRaw(minimal)
  // Alternate, so that all three see the same machine.
  const o: Array<number> = []
  const b: Array<number> = []
  const m: Array<number> = []
  for (let r = 0; r < REPS; r++) {
    o.push(await runOurs())
    b.push(runRaw(same))
    m.push(runRaw(minimal))
  }
  const s = statsOf(o)
  const base = statsOf(b).median
  const ref = statsOf(m).median
  results.push({
    name,
    value: Math.round(s.median),
    unit: "transfers/s",
    stats: { min: Math.round(s.min), median: Math.round(s.median), max: Math.round(s.max) },
    baseline: { name: `${same.name}, ${size} per transaction`, value: Math.round(base), unit: "transfers/s" },
    ratio: s.median / base,
    target: { ratio: target },
    reference: { name: `${minimal.name}, ${size} per transaction`, value: Math.round(ref), unit: "transfers/s", ratio: s.median / ref },
    memory: memory()
  })
  console.log(`  ${name}: ${Math.round(s.median)} vs same writes ${Math.round(base)} (${(s.median / base).toFixed(2)}×), vs minimal ${Math.round(ref)} (${(s.median / ref).toFixed(2)}×)`)
}

console.log(`writes on ${file}`)
await compare("single-transfer commands through Points.commitBatch (1 per transaction), file db", 1, 2000, 0.3)
await compare("transfers, linked batches of 100 per transaction through Points.commitBatch, file db", 100, 40, 0.5)
await compare("transfers, linked batches of 10,000 per transaction through Points.commitBatch, file db", 10_000, 2, 0.5)
const check = await runtime.runPromise(points.verify(sys))
if (!check.ok) throw new Error("the write benchmark left an inconsistent ledger")
same.close()
minimal.close()
await runtime.dispose()

// ---------------------------------------------------------------------------
// Reads with READ_TRANSFERS transfers stored: generated with raw inserts into the adapter's
// schema (the adapter creates it), the statement lines and balances derived from the same rows.

console.log(`generating ${READ_TRANSFERS.toLocaleString("en-US")} transfers in ${readFile}…`)
fresh(readFile)
const readRuntime = ManagedRuntime.make(appLayer(readFile))
const { issuer: readIssuer, people: readPeople } = await seedLedger(readRuntime)
await readRuntime.dispose()
{
  let t = performance.now()
  const db = new BetterSqlite3(readFile)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = OFF")
  db.pragma("cache_size = -262144")
  const insert = db.prepare(
    "INSERT INTO points_transfers (seq, id, kind, debit_account_id, credit_account_id, amount, code, category, memo, cause_type, cause_id, pending_id, reverses_id, timeout_at, actor_id, at) " +
      "VALUES (?, ?, 'posted', ?, ?, ?, 'earn', 'volunteer_hour', '', NULL, NULL, NULL, NULL, NULL, 'bench', ?)"
  )
  const base = Date.UTC(2024, 0, 1)
  const chunk = 500_000
  for (let from = 0; from < READ_TRANSFERS; from += chunk) {
    db.transaction(() => {
      for (let i = from; i < Math.min(READ_TRANSFERS, from + chunk); i++) {
        insert.run(i + 1, `g${i}`, readIssuer, readPeople[(i * 7919) % PEOPLE]!, 1 + (i % 5), new Date(base + i * 6000).toISOString())
      }
    })()
  }
  console.log(`  transfers: ${Math.round(performance.now() - t)} ms`)
  t = performance.now()
  // Statement lines and balances from the same rows.
  db.exec(`INSERT INTO points_entries (account_id, seq, amount, code, category, at)
      SELECT credit_account_id, seq, amount, code, category, at FROM points_transfers ORDER BY credit_account_id, seq;
    INSERT INTO points_entries (account_id, seq, amount, code, category, at)
      SELECT debit_account_id, seq, -amount, code, category, at FROM points_transfers;
    UPDATE points_accounts SET posted = COALESCE((SELECT SUM(amount) FROM points_entries e WHERE e.account_id = points_accounts.id), 0);`)
  db.close()
  console.log(`  entries and balances: ${Math.round(performance.now() - t)} ms`)
}

const store = ManagedRuntime.make(sqliteLayer({ filename: readFile }))
const s = await store.runPromise(PointsStore.use(Effect.succeed))
const rawRead = new BetterSqlite3(readFile, { readonly: true })
const rawBalance = rawRead.prepare("SELECT * FROM points_accounts WHERE id = ?")
const rawStatement = rawRead.prepare(
  "SELECT e.amount AS entry_amount, t.* FROM points_entries e CROSS JOIN points_transfers t ON t.seq = e.seq WHERE e.account_id = ? AND e.seq < ? ORDER BY e.seq DESC LIMIT ?"
)
const CALLS = 20_000
const pick = (i: number) => readPeople[(i * 104_729) % PEOPLE]!
const latency = async (name: string, ours: (i: number) => unknown, baseline: (i: number) => unknown, baselineName: string) => {
  const a = await latencies(CALLS, 2000, ours)
  const b = await latencies(CALLS, 2000, baseline)
  const p99 = percentile(a, 99)
  const bp99 = percentile(b, 99)
  results.push({
    name,
    value: Number(p99.toFixed(4)),
    unit: "ms p99",
    stats: { p50: Number(percentile(a, 50).toFixed(4)), p99: Number(p99.toFixed(4)), max: Number(percentile(a, 100).toFixed(3)) },
    baseline: { name: baselineName, value: Number(bp99.toFixed(4)), unit: "ms p99" },
    ratio: bp99 / p99,
    target: { p99Ms: 1 },
    memory: memory()
  })
  console.log(`  ${name}: p50 ${percentile(a, 50).toFixed(4)} ms, p99 ${p99.toFixed(4)} ms (raw p99 ${bp99.toFixed(4)} ms)`)
}
const n = READ_TRANSFERS.toLocaleString("en-US")
await latency(`balance read through PointsStore.getAccount, ${n} transfers stored, file db`, (i) => store.runSync(s.getAccount(pick(i))), (i) => rawBalance.get(pick(i)), "raw better-sqlite3 point select")
await latency(`statement page (20 lines, running balance) through PointsStore.statement, ${n} transfers stored, file db`, (i) => store.runSync(s.statement(pick(i), { after: undefined, limit: 20 })), (i) => rawStatement.all(pick(i), Number.MAX_SAFE_INTEGER, 21), "raw better-sqlite3, same SELECT")
rawRead.close()
await store.dispose()

report("points", results)
fresh(file)
fresh(readFile)
