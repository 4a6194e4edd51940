import { EventLog, Grid, GridStore, newEventId, systemActor, UnitOfWork } from "@mulin/core"
import { Deferred, Effect, Exit, Fiber, Option } from "effect"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import * as Sqlite from "../src/index.js"
import { childOf, runWith, tempDir } from "./support.js"

const sys = systemActor()
const dir = tempDir()
let files = 0
// `waits`: whether a read outside a transaction waits for an open one (one connection).
const stores = {
  memory: { waits: true, make: () => Sqlite.layerMemory() },
  file: { waits: false, make: () => Sqlite.layer({ filename: join(dir, `tx-${files++}.db`) }) },
  "file, one connection": { waits: true, make: () => Sqlite.layer({ filename: join(dir, `tx-${files++}.db`), readConnection: false }) }
}

const setup = Effect.gen(function*() {
  const grid = yield* Grid
  const county = yield* grid.createCounty(sys, { code: "C1", name: "县" })
  return { root: yield* grid.getNode(sys, county.id), store: yield* GridStore, uow: yield* UnitOfWork, log: yield* EventLog }
})

for (const [kind, { make: makeStore, waits }] of Object.entries(stores)) {
  describe(`UnitOfWork (${kind})`, () => {
    it("rolls back every write when the unit of work fails, dies or is interrupted", () =>
      runWith(makeStore())(Effect.gen(function*() {
        const { root, store, uow, log } = yield* setup
        const eventId = yield* newEventId
        const a = yield* childOf(root, "A")
        const failed = yield* Effect.exit(uow.transaction(Effect.gen(function*() {
          yield* store.insertNodes([a])
          yield* log.append([{ id: eventId, type: "t", aggregateType: "x", aggregateId: a.id, version: 1, actor: { id: "s", kind: "system" }, at: a.createdAt, scope: [root.id], payload: {} }])
          expect(Option.isSome(yield* store.getNode(a.id))).toBe(true) // visible inside
          return yield* Effect.fail("boom" as const)
        })))
        expect(failed).toEqual(Exit.fail("boom"))
        expect(Option.isNone(yield* store.getNode(a.id))).toBe(true)
        expect((yield* log.read({ after: 0, limit: 100, scopes: "*" })).some((e) => e.id === eventId)).toBe(false)

        const died = yield* Effect.exit(uow.transaction(Effect.andThen(store.insertNodes([a]), Effect.die("crash"))))
        expect(Exit.hasDies(died)).toBe(true)
        expect(Option.isNone(yield* store.getNode(a.id))).toBe(true)

        const started = yield* Deferred.make<void>()
        const fiber = yield* Effect.forkChild(uow.transaction(Effect.gen(function*() {
          yield* store.insertNodes([a])
          yield* Deferred.succeed(started, undefined)
          return yield* Effect.never
        })))
        yield* Deferred.await(started)
        yield* Fiber.interrupt(fiber)
        expect(Option.isNone(yield* store.getNode(a.id))).toBe(true)
        // The connection is free again: a new unit of work commits.
        yield* uow.transaction(store.insertNodes([a]))
        expect(Option.isSome(yield* store.getNode(a.id))).toBe(true)
      })))

    it("joins nested units of work: an inner failure that is caught keeps the outer one going", () =>
      runWith(makeStore())(Effect.gen(function*() {
        const { root, store, uow } = yield* setup
        const a = yield* childOf(root, "A")
        const b = yield* childOf(root, "B")
        const clash = yield* childOf(root, "A")
        yield* uow.transaction(Effect.gen(function*() {
          yield* uow.transaction(store.insertNodes([a]))
          // A failed port call writes nothing of its own, and the unit of work goes on.
          const conflict = yield* Effect.flip(store.insertNodes([b, clash]))
          expect(conflict).toMatchObject({ _tag: "Conflict", reason: "duplicate_code" })
        }))
        expect(Option.isSome(yield* store.getNode(a.id))).toBe(true)
        expect(Option.isNone(yield* store.getNode(b.id))).toBe(true)
      })))

    it("serialises concurrent read-modify-write units of work: 50 increments, none lost", () =>
      runWith(makeStore())(Effect.gen(function*() {
        const { root, store, uow } = yield* setup
        const a = yield* childOf(root, "A")
        yield* uow.transaction(store.insertNodes([a]))
        const increment = uow.transaction(Effect.gen(function*() {
          const node = Option.getOrThrow(yield* store.getNode(a.id))
          yield* Effect.yieldNow // let the other fibers try to interleave
          yield* store.updateNode({ ...node, version: node.version + 1, name: `v${node.version + 1}` }, node.version)
        }))
        yield* Effect.all(Array.from({ length: 50 }, () => increment), { concurrency: "unbounded" })
        const final = Option.getOrThrow(yield* store.getNode(a.id))
        expect(final).toMatchObject({ version: 51, name: "v51" })
      })))

    it("lets exactly one of 50 writers with the same expected version win; the others get Conflict", () =>
      runWith(makeStore())(Effect.gen(function*() {
        const { root, store, uow } = yield* setup
        const a = yield* childOf(root, "A")
        yield* uow.transaction(store.insertNodes([a]))
        const results = yield* Effect.all(
          Array.from({ length: 50 }, (_, i) => Effect.result(uow.transaction(store.updateNode({ ...a, name: `w${i}`, version: 2 }, 1)))),
          { concurrency: "unbounded" }
        )
        const failures = results.filter((r) => r._tag === "Failure")
        expect(results.length - failures.length).toBe(1)
        expect(failures.every((r) => r._tag === "Failure" && r.failure._tag === "Conflict" && r.failure.reason === "version_mismatch")).toBe(true)
        expect(Option.getOrThrow(yield* store.getNode(a.id)).version).toBe(2)
      })))

    it("hides a unit of work's writes from readers outside it until it commits", () =>
      runWith(makeStore())(Effect.gen(function*() {
        const { root, store, uow } = yield* setup
        const a = yield* childOf(root, "A")
        const written = yield* Deferred.make<void>()
        const release = yield* Deferred.make<void>()
        const writer = yield* Effect.forkChild(uow.transaction(Effect.gen(function*() {
          yield* store.insertNodes([a])
          yield* Deferred.succeed(written, undefined)
          yield* Deferred.await(release)
        })))
        yield* Deferred.await(written)
        const reader = yield* Effect.forkChild(store.getNode(a.id))
        for (let i = 0; i < 10; i++) yield* Effect.yieldNow
        if (waits) {
          // One connection: the reader waits for the transaction to end.
          expect(reader.pollUnsafe()).toBeUndefined()
        } else {
          // The read-only connection answers at once, from the last commit.
          expect(reader.pollUnsafe()).toEqual(Exit.succeed(Option.none()))
        }
        yield* Deferred.succeed(release, undefined)
        yield* Fiber.join(writer)
        expect(Option.isSome(yield* Fiber.join(reader))).toBe(waits)
        expect(Option.isSome(yield* store.getNode(a.id))).toBe(true)
      })))

    it("hides the writes of a unit of work that rolls back", () =>
      runWith(makeStore())(Effect.gen(function*() {
        const { root, store, uow } = yield* setup
        const a = yield* childOf(root, "A")
        const written = yield* Deferred.make<void>()
        const release = yield* Deferred.make<void>()
        const writer = yield* Effect.forkChild(uow.transaction(Effect.gen(function*() {
          yield* store.insertNodes([a])
          yield* Deferred.succeed(written, undefined)
          yield* Deferred.await(release)
          return yield* Effect.fail("rolled back" as const)
        })))
        yield* Deferred.await(written)
        const reader = yield* Effect.forkChild(store.getNode(a.id))
        yield* Effect.yieldNow
        yield* Deferred.succeed(release, undefined)
        expect(yield* Effect.flip(Fiber.join(writer))).toBe("rolled back")
        expect(Option.isNone(yield* Fiber.join(reader))).toBe(true)
      })))
  })
}
