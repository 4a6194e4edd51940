import { Effect, Layer, Ref } from "effect"
import { describe, expect, it } from "vitest"
import { EventLog, type NewEvent, reacting, type Reaction, UnitOfWork } from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"

const event = (n: number): NewEvent => ({
  id: `evt_${String(n).padStart(26, "0")}` as NewEvent["id"],
  type: "test.thing.happened",
  aggregateType: "thing",
  aggregateId: `thing_${n}`,
  version: 1,
  actor: { id: "system", kind: "system" } as NewEvent["actor"],
  at: "2026-12-06T00:00:00.000Z" as NewEvent["at"],
  scope: [],
  payload: { n }
})

const world = Effect.gen(function*() {
  const seen = yield* Ref.make<ReadonlyArray<string>>([])
  const counter: Reaction = { name: "counter", react: (events) => Ref.update(seen, (s) => [...s, ...events.map((e) => e.id)]) }
  return { seen, counter }
})

describe("reactions", () => {
  it("see every appended event in the unit of work, and roll back with it", async () => {
    const program = Effect.gen(function*() {
      const { seen, counter } = yield* world
      const store = layerMemory()
      const log = Layer.provideMerge(reacting(counter), store)
      return yield* Effect.gen(function*() {
        const events = yield* EventLog
        const uow = yield* UnitOfWork
        yield* uow.transaction(events.append([event(1), event(2)]))
        const failed = yield* uow.transaction(Effect.andThen(events.append([event(3)]), Effect.fail("refused" as const))).pipe(Effect.flip)
        const stored = yield* events.read({ after: 0, limit: 10, scopes: "*" })
        return { failed, stored: stored.map((e) => e.id), seen: yield* Ref.get(seen) }
      }).pipe(Effect.provide(log))
    })
    const { failed, stored, seen } = await Effect.runPromise(program)
    expect(failed).toBe("refused")
    expect(stored).toEqual([event(1).id, event(2).id])
    // the reaction saw the rolled-back event too: it wrote into the same unit of work, which was undone with it
    expect(seen).toEqual([event(1).id, event(2).id, event(3).id])
  })

  it("a failing reaction undoes the events that caused it", async () => {
    const program = Effect.gen(function*() {
      const broken: Reaction = { name: "broken", react: () => Effect.die(new Error("outbox full")) }
      return yield* Effect.gen(function*() {
        const events = yield* EventLog
        const uow = yield* UnitOfWork
        const exit = yield* Effect.exit(uow.transaction(events.append([event(1)])))
        const stored = yield* events.read({ after: 0, limit: 10, scopes: "*" })
        return { failed: exit._tag === "Failure", stored: stored.length }
      }).pipe(Effect.provide(Layer.provideMerge(reacting(broken), layerMemory())))
    })
    expect(await Effect.runPromise(program)).toEqual({ failed: true, stored: 0 })
  })
})
