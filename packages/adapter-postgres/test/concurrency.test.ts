/**
 * What PostgreSQL's concurrency must not break, on a real server with several connections:
 * each county's event feed read by a polling reader while writers commit out of order, units
 * of work in different counties appending without waiting for each other, idempotency keys
 * raced by concurrent requests, a county's intake serials raced by two processes, and two
 * processes migrating one database at once.
 */
import { EventLog, type GridNodeId, IdempotencyStore, IdGenerator, IntakeStore, type NewEvent, newEventId, runIdempotent, type StoredEvent, UnitOfWork } from "@mulin/core"
import { Deferred, Effect, Fiber, Layer, Schema } from "effect"
import pg from "pg"
import { describe, expect, it, inject } from "vitest"
import * as Postgres from "../src/index.js"
import { FEED_LOCK } from "../src/internal/kernel/eventLog.js"
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

/** Runs `units` units of work for writer `w`, each appending two events in `county` and committing a random while later. */
const writer = (w: number, units: number, county: (i: number) => string) =>
  Effect.gen(function*() {
    const log = yield* EventLog
    const uow = yield* UnitOfWork
    // Each unit of work appends, then waits a random while before committing: a later append
    // often reaches its commit first, which is what a cursor must survive.
    return yield* Effect.forEach(Array.from({ length: units }, (_, i) => i), (i) =>
      uow.transaction(Effect.gen(function*() {
        const ids = [yield* newEventId, yield* newEventId]
        yield* Effect.sleep(Math.random() * 4)
        yield* log.append(ids.map((id, k) => event(id, w * 1000 + i * 10 + k, [county(i)])))
        yield* Effect.sleep(Math.random() * 6)
        return ids
      })))
  })

/** A reader polling one county after its cursor, `limit` at a time, until `done()` and two reads in a row find nothing more. */
const poller = (county: string, done: () => boolean, limit = 7) =>
  Effect.gen(function*() {
    const log = yield* EventLog
    const seen: Array<StoredEvent> = []
    let idle = 0
    while (!done() || idle < 2) {
      const page = yield* log.read({ after: seen.at(-1)?.position ?? 0, limit, scopes: "*", county: county as GridNodeId })
      if (page.length === 0) idle = done() ? idle + 1 : 0
      else {
        idle = 0
        seen.push(...page)
      }
      yield* Effect.sleep(Math.random() * 2)
    }
    return seen
  })

const increasing = (events: ReadonlyArray<StoredEvent>) => events.every((e, i) => i === 0 || e.position > events[i - 1]!.position)

describe("the event feed on PostgreSQL", () => {
  it("never skips an event for a reader polling its county after its cursor while writers in that county commit concurrently, out of order", () =>
    run(Effect.gen(function*() {
      const county = "node_01JDZ6Y5V6Q2N8W3X4K7H9M0AB"
      const WRITERS = 8
      let writing = WRITERS
      const [written, seen] = yield* Effect.all([
        Effect.forEach(Array.from({ length: WRITERS }, (_, w) => w), (w) => writer(w, 15, () => county).pipe(Effect.ensuring(Effect.sync(() => writing--))), { concurrency: "unbounded" }),
        poller(county, () => writing === 0)
      ], { concurrency: "unbounded" })
      const all = written.flat(2)
      expect(seen.map((e) => e.id).sort()).toEqual([...all].sort())
      expect(increasing(seen)).toBe(true)
      // A scoped reader sees the events of its subtree only, in order.
      const log = yield* EventLog
      expect(yield* log.read({ after: 0, limit: 10_000, scopes: [county as GridNodeId], county: county as GridNodeId })).toHaveLength(all.length)
    })))

  it("never skips an event for a reader per county while writers in several counties commit concurrently, out of order", () =>
    run(Effect.gen(function*() {
      const counties = ["node_01JDZ6Y5V6Q2N8W3X4K7H9M0C1", "node_01JDZ6Y5V6Q2N8W3X4K7H9M0C2", "node_01JDZ6Y5V6Q2N8W3X4K7H9M0C3", "node_01JDZ6Y5V6Q2N8W3X4K7H9M0C4"]
      const WRITERS = 10
      let writing = WRITERS
      // Writer w writes mostly in its own county and now and then in the next one.
      const countyOf = (w: number) => (i: number) => counties[(w + (i % 3 === 2 ? 1 : 0)) % counties.length]!
      const [, seen] = yield* Effect.all([
        Effect.forEach(Array.from({ length: WRITERS }, (_, w) => w), (w) => writer(w, 12, countyOf(w)).pipe(Effect.ensuring(Effect.sync(() => writing--))), { concurrency: "unbounded" }),
        Effect.forEach(counties, (county) => poller(county, () => writing === 0, 5), { concurrency: "unbounded" })
      ], { concurrency: "unbounded" })
      const log = yield* EventLog
      const committed = yield* log.read({ after: 0, limit: 100_000, scopes: "*" })
      expect(committed).toHaveLength(WRITERS * 12 * 2)
      for (const [k, county] of counties.entries()) {
        const mine = committed.filter((e) => e.scope[0] === county)
        expect(mine.length, county).toBeGreaterThan(0)
        expect(seen[k]!.map((e) => e.position), county).toEqual(mine.map((e) => e.position))
        expect(increasing(seen[k]!)).toBe(true)
      }
    }), 16))

  it("lets a unit of work in county B commit while one in county A holds its append open; a second writer in county A waits for it", () =>
    Effect.runPromise(Effect.scoped(Effect.gen(function*() {
      const url = yield* copyOf(server, template)
      const [a, b] = ["node_01JDZ6Y5V6Q2N8W3X4K7H9M0AA", "node_01JDZ6Y5V6Q2N8W3X4K7H9M0BB"] as const
      const appendIn = (county: string, wait: Effect.Effect<void> = Effect.void) =>
        Effect.gen(function*() {
          const log = yield* EventLog
          const uow = yield* UnitOfWork
          return yield* uow.transaction(Effect.gen(function*() {
            const id = yield* newEventId
            yield* log.append([event(id, 1, [county])])
            yield* wait
            return id
          }))
        })
      const services = yield* Layer.build(Layer.mergeAll(Postgres.layer({ url, maxConnections: 6 }), IdGenerator.layer))
      const inStore = <A, E>(effect: Effect.Effect<A, E, EventLog | UnitOfWork | IdGenerator>) => Effect.provide(effect, services)
      const release = yield* Deferred.make<void>()
      const appended = yield* Deferred.make<void>()
      // A appends, says so, and stays open until released.
      const first = yield* Effect.forkChild(inStore(appendIn(a, Effect.andThen(Deferred.succeed(appended, undefined), Deferred.await(release)))))
      yield* Deferred.await(appended)
      // B, in another county, commits while A is open.
      const inB = yield* inStore(appendIn(b)).pipe(Effect.timeoutOrElse({ duration: "20 seconds", orElse: () => Effect.die(new Error("county B waited for county A")) }))
      const log = yield* inStore(Effect.gen(function*() { return yield* EventLog }))
      expect((yield* log.read({ after: 0, limit: 10, scopes: "*", county: b as GridNodeId })).map((e) => e.id)).toEqual([inB])
      expect(yield* log.read({ after: 0, limit: 10, scopes: "*", county: a as GridNodeId })).toEqual([])
      // A second writer in A waits on A's feed lock: the server shows it waiting, and it has not committed.
      const second = yield* Effect.forkChild(inStore(appendIn(a)))
      const client = new pg.Client({ connectionString: url })
      yield* Effect.promise(() => client.connect())
      yield* Effect.addFinalizer(() => Effect.promise(() => client.end()))
      const waiting = () =>
        Effect.promise(() => client.query<{ n: string }>("SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND classid = $1::bigint::oid AND objsubid = 2", [FEED_LOCK]))
      for (let tries = 0; Number((yield* waiting()).rows[0]!.n) === 0; tries++) {
        if (tries > 400) return expect.fail("the second writer in county A never waited on its feed lock")
        yield* Effect.sleep(25)
      }
      expect(second.pollUnsafe()).toBeUndefined()
      expect(yield* log.read({ after: 0, limit: 10, scopes: "*", county: a as GridNodeId })).toEqual([])
      // Released, A commits, then the second writer, after it in A's order.
      yield* Deferred.succeed(release, undefined)
      const inA = yield* Fiber.join(first)
      const thenA = yield* Fiber.join(second)
      expect((yield* log.read({ after: 0, limit: 10, scopes: "*", county: a as GridNodeId })).map((e) => e.id)).toEqual([inA, thenA])
    }))))
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
