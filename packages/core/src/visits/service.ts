/**
 * The visits use cases: special-care households and the 全科社工 door-to-door visit log.
 * Every change — a county's categories and reasons, a household's marking, a visit — runs
 * through the kernel's one pipeline (`Commands.run`) with its decider, in one unit of work.
 *
 * Every id a command references — the county, the household, the visit, the subtree —
 * goes through the one scope check (`Access`): what lies outside the actor's scope reads as
 * not found.
 *
 * Who may do what:
 * - **configure** the categories (each with a visiting frequency in days) and reasons:
 *   `grid.node.write` on the county (its administrators); **read** them: `county.config.read`;
 * - **mark** a household and **record** a visit: `grid.household.write` at the household
 *   (its grid's workers, community and street staff); the visitor is the acting person;
 * - a visit's **follow-ups** (a need, a mediation case, a deliberation item) are raised
 *   through those contexts' use cases with the visitor as actor, their own scope rules
 *   applying, in the same unit of work: if one is refused, nothing is written;
 * - **read** markings, visits (with the findings) and the **overdue** list:
 *   `grid.personal.read` (staff only: they are personal data).
 *
 * @since 0.5.0
 */
import { Context, Effect, Layer, Option } from "effect"
import type { Target } from "../kernel/access.js"
import { type Actor, type ActorRef, systemActor } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { Directory, pathOf } from "../kernel/directory.js"
import { type DomainError, forbidden, notFound, type StorageError } from "../kernel/errors.js"
import { type GridNodeId, type HouseholdId, IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { DEFAULT_TIME_ZONE, type Instant, localDate, todayIn } from "../kernel/time.js"
import { commandDecoder, expectVersion, type KernelServices, kernelServices, runCountyConfig } from "../kernel/useCases.js"
import { GridStore } from "../grid/store.js"
import type { Deliberation } from "../deliberation/service.js"
import type { Matching } from "../matching/service.js"
import type { Mediation } from "../mediation/service.js"
import { careDecider, type MarkContext, type VisitContext, visitDecider, visitsConfigDecider } from "./machine.js"
import {
  type CareEvent,
  type CareHousehold,
  ConfigureVisits,
  type HouseholdVisit,
  MarkHousehold,
  newVisitId,
  type OverdueHousehold,
  type RaisedFollowUp,
  RecordVisit,
  type VisitEvent,
  type VisitId,
  type VisitsConfig,
  type VisitsConfigEvent
} from "./model.js"
import { defaultVisitsConfig, overdueOf, pageOverdue, recordCareEvent, recordVisitEvent, recordVisitsConfigEvent } from "./rules.js"
import { followUpContexts, type FollowUpContexts, raiseFollowUp } from "./raise.js"
import { VisitsStore } from "./store.js"

/**
 * Every error a visits use case can fail with.
 *
 * @category errors
 * @since 0.5.0
 */
export type VisitsError = DomainError | StorageError

type Fx<A> = Effect.Effect<A, VisitsError>

/**
 * Filters of a list of visits; `after` is the `next` of the previous page.
 *
 * @category models
 * @since 0.5.0
 */
export interface VisitFilter extends PageRequest {
  readonly householdId?: HouseholdId | undefined
}

/**
 * The visits use cases.
 *
 * @category services
 * @since 0.5.0
 */
export class Visits extends Context.Service<Visits, {
  /** Changes a county's categories and reasons (`grid.node.write` on the county); nothing when they stay. */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureVisits) => Fx<VisitsConfig>
  /** A county's categories and reasons (the seed's until it saves its own), for its staff. */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<VisitsConfig>
  /** Marks a household with categories (`grid.household.write`); an empty list unmarks it. */
  readonly mark: (actor: Actor, householdId: HouseholdId, command: MarkHousehold) => Fx<CareHousehold>
  /** A household's marking (`grid.personal.read`); no categories when never marked. */
  readonly getCare: (actor: Actor, householdId: HouseholdId) => Fx<CareHousehold | null>
  /** Records the acting person's visit and raises its follow-ups, in one unit of work (`grid.household.write`). */
  readonly record: (actor: Actor, command: RecordVisit) => Fx<HouseholdVisit>
  /** One visit (`grid.personal.read`). */
  readonly get: (actor: Actor, id: VisitId) => Fx<HouseholdVisit>
  /** The visits of a subtree or one of its households, in the order recorded (`grid.personal.read`). */
  readonly list: (actor: Actor, rootId: GridNodeId, filter?: VisitFilter) => Fx<Page<HouseholdVisit>>
  /** The households of a subtree overdue for a visit today in the county's calendar, most overdue first (`grid.personal.read`). */
  readonly overdue: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => Fx<Page<OverdueHousehold>>
  /**
   * Tells the grid workers of a county which of their households are overdue on the local
   * date of `at`: one `visits.overdue` event per set of workers (scoped to their grid, naming
   * their `personIds` and how many households), in one unit of work. For the scheduler.
   */
  readonly remindOverdue: (countyId: GridNodeId, at: Instant) => Fx<{ readonly overdue: number; readonly events: number }>
}>()("@mulin/core/visits/Visits") {
  /**
   * The use cases over the ports and the contexts a visit's follow-ups go to, with the
   * kernel (`Access`, `Commands`) provided to them.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer: Layer.Layer<Visits, never, VisitsStore | GridStore | Directory | EventLog | UnitOfWork | IdGenerator | Matching | Mediation | Deliberation> = Layer.effect(
    Visits,
    Effect.gen(function*() {
      const kernel = yield* kernelServices
      return makeVisits({ ...kernel, ...(yield* followUpContexts), store: yield* VisitsStore, grid: yield* GridStore, uow: yield* UnitOfWork })
    })
  ).pipe(Layer.provide(layerKernel))
}

interface Deps extends KernelServices, FollowUpContexts {
  readonly store: VisitsStore["Service"]
  readonly grid: GridStore["Service"]
  readonly uow: UnitOfWork["Service"]
}

const cares: Decider<CareHousehold, MarkHousehold, CareEvent, MarkContext, VisitsError> = careDecider
const visits: Decider<HouseholdVisit, RecordVisit, VisitEvent, VisitContext, VisitsError> = visitDecider
const configs: Decider<VisitsConfig, ConfigureVisits, VisitsConfigEvent, { readonly at: Instant; readonly actor: ActorRef }, VisitsError> = visitsConfigDecider

const VISIT = "household visit"
const CARE = "special-care household"
const CONFIG = "visits configuration"

const refOf = (actor: Actor): ActorRef => ({ id: actor.id, kind: actor.kind })
const householdTarget = (id: HouseholdId, nodeId: GridNodeId): Target => ({ entity: "household", id, nodeId })

const decodeMark = commandDecoder(MarkHousehold)
const decodeRecord = commandDecoder(RecordVisit)
const decodeConfigure = commandDecoder(ConfigureVisits)

const makeVisits = ({ access, commands, deliberation, directory, grid, ids, matching, mediation, store, uow }: Deps): Visits["Service"] => {
  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const loadConfig = (countyId: GridNodeId): Effect.Effect<VisitsConfig, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultVisitsConfig(countyId)))
  const timeZoneOf = (countyId: GridNodeId): Effect.Effect<string, StorageError> =>
    Effect.map(grid.getCounty(countyId), Option.match({ onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone }))
  /** The household and its node, checked for `action`; not found outside the actor's scope. */
  const household = (actor: Actor, action: "grid.household.write" | "grid.personal.read", id: HouseholdId) =>
    Effect.gen(function*() {
      const found = yield* grid.getHousehold(id)
      if (Option.isNone(found)) return yield* Effect.fail(notFound("household", id))
      return yield* access.check(actor, action, householdTarget(id, found.value.nodeId), { live: true })
    })
  return Visits.of({
    configure: (actor, countyId, input) =>
      Effect.flatMap(decodeConfigure(input), (command) =>
        runCountyConfig({ access, commands }, {
          actor,
          countyId,
          action: "grid.node.write",
          entity: CONFIG,
          decider: configs,
          command,
          load: loadConfig(countyId),
          save: store.saveConfig,
          record: recordVisitsConfigEvent
        })),

    getConfig: (actor, countyId) => Effect.andThen(access.inCounty(actor, "county.config.read", countyId), loadConfig(countyId)),

    mark: (actor, householdId, input) =>
      Effect.gen(function*() {
        const command = yield* decodeMark(input)
        const done = yield* commands.run({
          actor,
          aggregate: CARE,
          id: householdId,
          decider: cares,
          command,
          load: Effect.map(store.getCare(householdId), Option.getOrUndefined),
          authorize: () => Effect.void,
          context: (state, at) =>
            Effect.gen(function*() {
              const node = yield* household(actor, "grid.household.write", householdId)
              yield* expectVersion(CARE, householdId, command.expectedVersion, state?.version ?? 0)
              const config = yield* loadConfig(node.countyId)
              return {
                at,
                actor: refOf(actor),
                categories: config.categories.map((c) => c.code),
                household: { householdId, countyId: node.countyId, scope: pathOf(node) }
              } satisfies MarkContext
            }),
          save: (next, expected) => (expected === 0 ? store.insertCare(next) : store.updateCare(next, expected)),
          record: recordCareEvent
        })
        return done.state
      }),

    getCare: (actor, householdId) =>
      Effect.gen(function*() {
        yield* household(actor, "grid.personal.read", householdId)
        return Option.getOrNull(yield* store.getCare(householdId))
      }),

    record: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decodeRecord(input)
        if (actor.kind !== "person") return yield* Effect.fail(forbidden("record a household visit", "a visit is recorded by the person who made it", "走访记录须由走访人本人填写"))
        const node = yield* household(actor, "grid.household.write", command.householdId)
        const id = yield* Effect.provideService(newVisitId, IdGenerator, ids)
        return yield* uow.transaction(Effect.gen(function*() {
          // The follow-ups first, so the visit names what they raised; a refusal undoes all.
          const raised: Array<RaisedFollowUp> = []
          for (const f of command.followUps ?? []) raised.push(yield* raiseFollowUp({ matching, mediation, deliberation }, actor, f))
          const done = yield* commands.run({
            actor,
            aggregate: VISIT,
            id,
            decider: visits,
            command,
            load: Effect.succeed(undefined),
            authorize: () => Effect.void,
            context: (_, at) =>
              Effect.map(loadConfig(node.countyId), (config) => ({
                at,
                actor: refOf(actor),
                visitor: { id: actor.id, name: actor.name },
                reasons: config.reasons.map((r) => r.code),
                visit: { id, countyId: node.countyId, scope: pathOf(node) },
                followUps: raised
              }) satisfies VisitContext),
            save: (next) => store.insertVisit(next),
            record: recordVisitEvent
          })
          return done.state
        }))
      }),

    get: (actor, id) =>
      Effect.gen(function*() {
        const found = yield* store.getVisit(id)
        if (Option.isNone(found)) return yield* Effect.fail(notFound(VISIT, id))
        yield* access.check(actor, "grid.personal.read", { entity: VISIT, id, nodeId: found.value.nodeId })
        return found.value
      }),

    list: (actor, rootId, filter) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "grid.personal.read", rootId)
        return yield* store.listVisits({ scope: pathOf(root), householdId: filter?.householdId, after: filter?.after, limit: limitOf(filter) })
      }),

    overdue: (actor, rootId, page) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "grid.personal.read", rootId, { live: true })
        const scope = pathOf(root)
        const config = yield* loadConfig(root.countyId)
        const zone = yield* timeZoneOf(root.countyId)
        const today = yield* todayIn(zone)
        const marked = yield* store.markedInSubtree(scope)
        const last = yield* store.lastVisits(scope)
        return pageOverdue(overdueOf(marked, last, config.categories, today, zone), page?.after, limitOf(page))
      }),

    remindOverdue: (countyId, at) =>
      Effect.gen(function*() {
        const config = yield* loadConfig(countyId)
        const zone = yield* timeZoneOf(countyId)
        const today = localDate(at, zone)
        const rows = overdueOf(yield* store.markedInSubtree([countyId]), yield* store.lastVisits([countyId]), config.categories, today, zone)
        // Grouped by the workers serving each household today, scoped to the nearest worker's node.
        const groups = new Map<string, { scope: ReadonlyArray<GridNodeId>; personIds: ReadonlyArray<string>; count: number }>()
        for (const row of rows) {
          const servers = yield* grid.getHouseholdServers(row.householdId, today)
          const workers = Option.match(servers, { onNone: () => [] as ReadonlyArray<never>, onSome: (s) => s.assignments.filter((a) => a.role === "grid_worker") })
          const personIds = [...new Set(workers.map((a) => a.personId as string))].sort()
          const nodes: ReadonlyArray<GridNodeId> = Option.match(servers, { onNone: () => [], onSome: (s) => s.nodes.map((n) => n.id) })
          const cut = workers.length === 0 ? 0 : Math.max(...workers.map((a) => nodes.indexOf(a.nodeId)))
          const scope = cut > 0 ? nodes.slice(0, cut + 1) : [countyId]
          const key = `${personIds.join(",")}|${scope.join("/")}`
          const group = groups.get(key)
          groups.set(key, { scope, personIds, count: (group?.count ?? 0) + 1 })
        }
        if (groups.size === 0) return { overdue: 0, events: 0 }
        const recorded = [...groups.values()].map((g) => ({ type: "visits.overdue", scope: g.scope, payload: { count: g.count, personIds: g.personIds } }))
        yield* uow.transaction(commands.append(systemActor(), at, { type: "visits overdue", id: `${countyId}/${today}`, version: 1 }, recorded))
        return { overdue: rows.length, events: recorded.length }
      })
  })
}
