/**
 * The event log's conformance cases for a read of one county (`EventQuery.county`), run by
 * the grid suite of {@link gridStoreConformance} on every store. Each case is written given /
 * when / then: the events appended, the read, what it returns.
 *
 * @since 0.5.0
 */
import { Effect, Exit } from "effect"
import fc from "fast-check"
import { expect, it } from "vitest"
import { type GridNodeId, IdGenerator, newEventId, newGridNodeId } from "../kernel/ids.js"
import type { NewEvent, StoredEvent } from "../kernel/events.js"
import { EventLog, type EventQuery, UnitOfWork } from "../kernel/store.js"

type Ports = EventLog | UnitOfWork | IdGenerator

/** Appends one event per scope, in one unit of work. */
const given = (scopes: ReadonlyArray<ReadonlyArray<GridNodeId>>) =>
  Effect.gen(function*() {
    const log = yield* EventLog
    const events: Array<NewEvent> = []
    for (const [n, scope] of scopes.entries()) {
      events.push({
        id: yield* newEventId,
        type: "test.written",
        aggregateType: "test",
        aggregateId: `a${n}`,
        version: 1,
        actor: { id: "system", kind: "system" },
        at: "2026-12-06T00:00:00.000Z",
        scope,
        payload: { n }
      })
    }
    yield* Effect.flatMap(UnitOfWork, (uow) => uow.transaction(log.append(events)))
    return events.map((e) => e.id)
  })

/** Every event a reader collects paging through `query` with its own cursor, `limit` at a time. */
const whenPaged = (query: Omit<EventQuery, "after" | "limit">, limit: number) =>
  Effect.gen(function*() {
    const log = yield* EventLog
    const seen: Array<StoredEvent> = []
    for (;;) {
      const page = yield* log.read({ ...query, after: seen.at(-1)?.position ?? 0, limit })
      seen.push(...page)
      if (page.length < limit) return seen
    }
  })

const ids = (events: ReadonlyArray<StoredEvent>) => events.map((e) => e.id)

/**
 * Registers the cases inside the grid suite's `describe`.
 *
 * @category conformance
 * @since 0.5.0
 */
export const eventLogCountyCases = (run: <A, E>(effect: Effect.Effect<A, E, Ports>) => Promise<A>, propertyRuns: number): void => {
  it("reads one county's events: given events in two counties and store-wide ones, when a reader names county A, then it gets A's events only, in position order", () =>
    run(Effect.gen(function*() {
      const a = yield* newGridNodeId
      const b = yield* newGridNodeId
      const street = yield* newGridNodeId
      const [a1, b1, a2, wide, a3, b2] = yield* given([[a], [b], [a, street], [], [a, street], [b]])
      expect(ids(yield* whenPaged({ scopes: "*", county: a }, 100))).toEqual([a1, a2, a3])
      expect(ids(yield* whenPaged({ scopes: "*", county: b }, 1))).toEqual([b1, b2])
      // Within the county, the scope filter still applies; a scope of another county finds nothing there.
      expect(ids(yield* whenPaged({ scopes: [street], county: a }, 100))).toEqual([a2, a3])
      expect(ids(yield* whenPaged({ scopes: [b], county: a }, 100))).toEqual([])
      expect(ids(yield* whenPaged({ scopes: [], county: a }, 100))).toEqual([])
      // A county with no events, or a node that is no county, reads as empty.
      expect(yield* whenPaged({ scopes: "*", county: yield* newGridNodeId }, 100)).toEqual([])
      expect(yield* whenPaged({ scopes: "*", county: street }, 100)).toEqual([])
      // Without a county: every matching event, the store-wide one included, in position order.
      const everything = yield* whenPaged({ scopes: "*" }, 100)
      expect(ids(everything).filter((id) => [a1, b1, a2, wide, a3, b2].includes(id))).toEqual([a1, b1, a2, wide, a3, b2])
      const positions = everything.map((e) => e.position)
      expect(positions).toEqual([...positions].sort((x, y) => x - y))
    })))

  it("reads one county after a rollback: given an append in county A rolled back, when a reader pages A, then it never sees the event and sees the next one", () =>
    run(Effect.gen(function*() {
      const a = yield* newGridNodeId
      const [first] = yield* given([[a]])
      const log = yield* EventLog
      const uow = yield* UnitOfWork
      const lost = yield* newEventId
      const exit = yield* Effect.exit(uow.transaction(Effect.andThen(
        log.append([{ id: lost, type: "test.written", aggregateType: "test", aggregateId: "x", version: 1, actor: { id: "system", kind: "system" }, at: "2026-12-06T00:00:00.000Z", scope: [a], payload: {} }]),
        Effect.fail("boom" as const)
      )))
      expect(Exit.isFailure(exit)).toBe(true)
      const [next] = yield* given([[a]])
      expect(ids(yield* whenPaged({ scopes: "*", county: a }, 1))).toEqual([first, next])
    })))

  it("pages each county in full: given any interleaving of appends across counties, when each county is paged with any page size, then it yields exactly that county's events of the whole log, in order", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(fc.record({ county: fc.nat(2), deeper: fc.boolean() }), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 5 }),
        (units, limit) =>
          run(Effect.gen(function*() {
            const counties = [yield* newGridNodeId, yield* newGridNodeId, yield* newGridNodeId]
            const inner = yield* newGridNodeId
            for (const unit of units) yield* given(unit.map((u) => u.deeper ? [counties[u.county]!, inner] : [counties[u.county]!]))
            const whole = yield* whenPaged({ scopes: counties }, 1000)
            for (const county of counties) {
              const read = yield* whenPaged({ scopes: "*", county }, limit)
              expect(ids(read)).toEqual(ids(whole.filter((e) => e.scope[0] === county)))
            }
          }))
      ),
      { numRuns: propertyRuns }
    )
  })
}
