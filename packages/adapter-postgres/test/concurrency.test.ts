/**
 * What PostgreSQL's concurrency must not break, on a real server with several connections:
 * the event feed read by a polling reader while writers commit out of order, idempotency keys
 * raced by concurrent requests, a county's intake serials raced by two processes, and two
 * processes migrating one database at once.
 */
import { EventLog, type GridNodeId, IdempotencyStore, IdGenerator, IntakeStore, type NewEvent, newEventId, runIdempotent, type StoredEvent, UnitOfWork } from "@mulin/core"
import { Effect, Layer, Schema } from "effect"
import pg from "pg"
import { describe, expect, it, inject } from "vitest"
import * as Postgres from "../src/index.js"
import { createDatabase } from "../testing/server.js"
import { copyOf, layerFresh, migratedTemplate } from "../testing/layer.js"

const server = inject("postgresUrl")
const template = await migratedTemplate(server, "concurrency")

const run = <A, E>(effect: Effect.Effect<A, E, EventLog | UnitOfWork | IdempotencyStore | IdGenerator>, connections = 12): Promise<A> =>
  Effect.runPromise(
    effect.pipe(Effect.provide(Layer.mergeAll(Layer.fresh(layerFresh(server, template, { maxConnections: connections })), IdGenerator.layer)), Effect.scoped) as Effect.Effect<A, unknown>
  )

const event = (id: NewEvent["id"], n: number, scope: ReadonlyArray<string>): NewEvent => ({
  id,
  type: "test.written",
  aggregateType: "test",
  aggregateId: `writer-${n}`,
  version: 1,
  actor: { id: "system", kind: "system" },
  at: "2026-12-06T00:00:00.000Z",
  scope: scope as NewEvent["scope"],
  payload: { n }
})

describe("the event feed on PostgreSQL", () => {
  it("never skips an event for a reader polling after its cursor while writers commit concurrently, out of order", () =>
    run(Effect.gen(function*() {
      const log = yield* EventLog
      const uow = yield* UnitOfWork
      const WRITERS = 8
      const UNITS = 15
      let writing = WRITERS
      // Each unit of work appends, then waits a random while before committing: a later append
      // often reaches its commit first, which is what a cursor must survive.
      const writer = (w: number) =>
        Effect.forEach(Array.from({ length: UNITS }, (_, i) => i), (i) =>
          uow.transaction(Effect.gen(function*() {
            const ids = [yield* newEventId, yield* newEventId]
            yield* Effect.sleep(Math.random() * 4)
            yield* log.append(ids.map((id, k) => event(id, w * 1000 + i * 10 + k, w % 2 === 0 ? ["node_01JDZ6Y5V6Q2N8W3X4K7H9M0AB"] : [])))
            yield* Effect.sleep(Math.random() * 6)
            return ids
          })), { discard: false }).pipe(Effect.ensuring(Effect.sync(() => writing--)))
      const seen: Array<StoredEvent> = []
      const reader = Effect.gen(function*() {
        let cursor = 0
        let idle = 0
        // Reads until the writers are done and two reads in a row find nothing more.
        while (writing > 0 || idle < 2) {
          const page = yield* log.read({ after: cursor, limit: 7, scopes: "*" })
          if (page.length === 0) idle = writing > 0 ? 0 : idle + 1
          else {
            idle = 0
            seen.push(...page)
            cursor = page[page.length - 1]!.position
          }
          yield* Effect.sleep(Math.random() * 2)
        }
      })
      const [written] = yield* Effect.all([
        Effect.forEach(Array.from({ length: WRITERS }, (_, w) => w), writer, { concurrency: "unbounded" }),
        reader
      ], { concurrency: "unbounded" })
      const all = written.flat(2)
      expect(seen.map((e) => e.id).sort()).toEqual([...all].sort())
      const positions = seen.map((e) => e.position)
      expect(positions.every((p, i) => i === 0 || p > positions[i - 1]!)).toBe(true)
      // A scoped reader sees the events of its subtree only, in order.
      const scoped = yield* log.read({ after: 0, limit: 10_000, scopes: ["node_01JDZ6Y5V6Q2N8W3X4K7H9M0AB" as NewEvent["scope"][number]] })
      expect(scoped).toHaveLength(all.length / 2)
    })))
})

describe("idempotency keys on PostgreSQL", () => {
  it("runs a command once when twenty requests race under one key: the others replay its result", () =>
    run(Effect.gen(function*() {
      const store = yield* IdempotencyStore
      const uow = yield* UnitOfWork
      const log = yield* EventLog
      let runs = 0
      const command = Effect.gen(function*() {
        const id = yield* newEventId
        yield* log.append([event(id, 1, [])])
        runs++
        return id as string
      })
      const results = yield* Effect.forEach(
        Array.from({ length: 20 }, () => 0),
        () => runIdempotent({ store, uow }, { actorId: "person_1", key: "order-1", fingerprint: "POST /x {}" }, Schema.String, command),
        { concurrency: "unbounded" }
      )
      const committed = yield* log.read({ after: 0, limit: 100, scopes: "*" })
      expect(committed).toHaveLength(1)
      expect(new Set(results.map((r) => r.value))).toEqual(new Set([committed[0]!.id]))
      expect(results.filter((r) => !r.replayed)).toHaveLength(1)
      // Attempts that lost the race ran the command and were rolled back: nothing of theirs stays.
      expect(runs).toBeGreaterThanOrEqual(1)
    })))
})

describe("intake references on PostgreSQL", () => {
  it("hands out a county's serials of a day once each, 1 to n with no gap, to units of work racing on two pools", () =>
    Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const url = yield* copyOf(server, template)
      const county = "node_01JDZ6Y5V6Q2N8W3X4K7H9M0CD" as GridNodeId
      // One pool per server process; each unit of work holds its serial a random while before committing.
      const process = (units: number, f: (store: IntakeStore["Service"], uow: UnitOfWork["Service"]) => Effect.Effect<number, unknown>) =>
        Effect.gen(function*() {
          const store = yield* IntakeStore
          const uow = yield* UnitOfWork
          return yield* Effect.forEach(Array.from({ length: units }, () => 0), () => f(store, uow), { concurrency: "unbounded" })
        }).pipe(Effect.provide(Layer.fresh(Postgres.layer({ url, maxConnections: 6 }))))
      const take = (store: IntakeStore["Service"], uow: UnitOfWork["Service"]) =>
        uow.transaction(Effect.tap(store.nextSerial(county, "2026-12-06"), () => Effect.sleep(Math.random() * 4)))
      const [a, b] = yield* Effect.all([process(15, take), process(15, take)], { concurrency: "unbounded" })
      expect([...a, ...b].sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1))
      // A serial taken by a unit of work that fails is not used up; another day starts again at 1.
      const [next] = yield* process(1, (store, uow) =>
        Effect.andThen(Effect.flip(uow.transaction(Effect.andThen(store.nextSerial(county, "2026-12-06"), Effect.fail("boom")))), uow.transaction(store.nextSerial(county, "2026-12-06"))))
      expect(next).toBe(31)
      expect(yield* process(1, (store, uow) => uow.transaction(store.nextSerial(county, "2026-12-07")))).toEqual([1])
    }))))
})

describe("migrations on PostgreSQL", () => {
  it("migrate a database once when several processes open it at the same time", async () => {
    const url = await createDatabase(server, "migrate")
    const opened = await Promise.all(Array.from({ length: 4 }, () => Effect.runPromise(Postgres.PostgresDatabase.make({ url, maxConnections: 2 }))))
    await Promise.all(opened.map((db) => Effect.runPromise(db.close)))
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      const { rows } = await client.query<{ name: string; n: string }>("SELECT name, count(*) AS n FROM migrations GROUP BY name ORDER BY name")
      expect(rows.length).toBeGreaterThan(0)
      expect(rows.every((r) => Number(r.n) === 1)).toBe(true)
    } finally {
      await client.end()
    }
  })
})
