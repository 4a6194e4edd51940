/**
 * The ledger of work kept as a projection: a reaction moves the rows in the unit of work
 * of every append that concerns them (other events cost one map lookup each), and a
 * rebuild replays the event log, so a county that upgrades gets its history.
 *
 * @since 0.5.0
 */
import { Effect, Layer, Option } from "effect"
import type { StorageError } from "../kernel/errors.js"
import type { NewEvent } from "../kernel/events.js"
import { type Reaction, reacting } from "../kernel/reactions.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import type { GridNodeId } from "../kernel/ids.js"
import { DEFAULT_TIME_ZONE, localMonth } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import type { LedgerEntry, WorkKind } from "./model.js"
import { defaultReportsConfig, isLedgerEvent, opensWork, projectLedger, workKindOf } from "./rules.js"
import { type LedgerPlacement, ReportsStore } from "./store.js"

const routable: ReadonlySet<string> = new Set(["need", "case", "item"])

/**
 * Projects events onto the ledger, in order, through the given store.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeLedgerProjector: Effect.Effect<(events: ReadonlyArray<NewEvent>) => Effect.Effect<number, StorageError>, never, ReportsStore | GridStore> = Effect.gen(function*() {
  const store = yield* ReportsStore
  const grid = yield* GridStore
  const zoneOf = (e: NewEvent) =>
    e.type !== "deliberation.item.accepted" || e.scope.length === 0
      ? Effect.succeed(DEFAULT_TIME_ZONE)
      : Effect.map(grid.getCounty(e.scope[0]!), (c) => (Option.isSome(c) ? c.value.timeZone : DEFAULT_TIME_ZONE))

  /** Where a row counts in the roll-up: its county's month and response time, looked up once per county and batch. */
  const placer = () => {
    const counties = new Map<GridNodeId, { readonly zone: string; readonly responseSeconds: number }>()
    return (entry: LedgerEntry): Effect.Effect<LedgerPlacement, StorageError> =>
      Effect.gen(function*() {
        let c = counties.get(entry.countyId)
        if (c === undefined) {
          const county = yield* grid.getCounty(entry.countyId)
          const config = Option.getOrElse(yield* store.getConfig(entry.countyId), () => defaultReportsConfig(entry.countyId))
          counties.set(entry.countyId, c = { zone: Option.isSome(county) ? county.value.timeZone : DEFAULT_TIME_ZONE, responseSeconds: config.responseHours * 3600 })
        }
        return { month: localMonth(entry.openedAt, c.zone), responseSeconds: c.responseSeconds }
      })
  }

  const one = (e: NewEvent, place: ReturnType<typeof placer>): Effect.Effect<boolean, StorageError> =>
    Effect.gen(function*() {
      const kind = workKindOf(e.type)
      if (kind === undefined) return false
      const before = Option.getOrUndefined(yield* store.get(kind, e.aggregateId))
      let after = projectLedger(before, e, yield* zoneOf(e))
      if (after === undefined) return false
      // Work that came through the one window carries the request's channel, whichever was written first.
      if (kind !== "request" && opensWork(e.type)) {
        const from = yield* store.routedTo(kind, e.aggregateId)
        if (Option.isSome(from)) after = { ...after, channel: from.value.channel }
      }
      yield* store.put(after, yield* place(after))
      if (kind === "request" && after.routedTo !== null && after.routedTo.id !== null && routable.has(after.routedTo.kind) && (before?.routedTo?.id !== after.routedTo.id)) {
        const target = yield* store.get(after.routedTo.kind as WorkKind, after.routedTo.id)
        if (Option.isSome(target) && target.value.channel !== after.channel) {
          const moved = { ...target.value, channel: after.channel } satisfies LedgerEntry
          yield* store.put(moved, yield* place(moved))
        }
      }
      return true
    })

  return (events) =>
    Effect.gen(function*() {
      let n = 0
      const place = placer()
      for (const e of events) if (isLedgerEvent(e.type) && (yield* one(e, place))) n++
      return n
    })
})

/**
 * The ledger's reaction: rows move in the unit of work of the events that move them.
 *
 * @category constructors
 * @since 0.5.0
 */
export const makeLedgerReaction: Effect.Effect<Reaction, never, ReportsStore | GridStore> = Effect.map(makeLedgerProjector, (project) => ({
  name: "ledger of work",
  react: (events) => {
    // Cheap when nothing concerns the ledger: one map lookup per event.
    for (const e of events) if (isLedgerEvent(e.type)) return Effect.asVoid(project(events))
    return Effect.void
  }
}))

/**
 * Decorates the store's {@link EventLog} with the ledger's reaction. It appends nothing, so
 * it may sit anywhere among the reactions, e.g.
 * `contexts.pipe(Layer.provideMerge(Reports.layerReaction), Layer.provideMerge(store))`.
 *
 * @category layers
 * @since 0.5.0
 */
export const layerLedgerReaction: Layer.Layer<EventLog, never, EventLog | ReportsStore | GridStore> = Layer.unwrap(
  Effect.map(makeLedgerReaction, (reaction) => reacting(reaction))
)

/**
 * Replays the whole event log onto the ledger, a unit of work per batch of events, and
 * returns how many events moved a row. Each row starts afresh at the event that opened its
 * work, so running it again, or over a ledger the reaction kept, gives the same rows: run it
 * once when a county upgrades to a version with the ledger. It reads the log one county at
 * a time, in each county's commit order, so it may run while other processes write: an
 * event committed meanwhile is replayed too, after the events before it.
 *
 * @category constructors
 * @since 0.5.0
 */
export const rebuildLedger = (batch = 1000): Effect.Effect<number, StorageError, EventLog | UnitOfWork | ReportsStore | GridStore> =>
  Effect.gen(function*() {
    const log = yield* EventLog
    const uow = yield* UnitOfWork
    const grid = yield* GridStore
    const project = yield* makeLedgerProjector
    let moved = 0
    for (const county of yield* grid.listCounties) {
      let after = 0
      for (;;) {
        const events = yield* log.read({ after, limit: batch, scopes: "*", county: county.id })
        if (events.length === 0) break
        moved += yield* uow.transaction(project(events))
        after = events[events.length - 1]!.position
        if (events.length < batch) break
      }
    }
    return moved
  })
