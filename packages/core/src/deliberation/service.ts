/**
 * The deliberation use cases. Each one authorises the actor against the grid scope, loads,
 * decides with the pure lifecycle, then saves and logs in one unit of work. When an item
 * split from a parent moves, the parent's progress is rolled up in the same unit of work.
 *
 * Who may do what:
 * - **raise** an item: `deliberation.raise` at its node, above it or below it (residents of
 *   the subtree, grid workers, staff);
 * - **convene** a session, record minutes, and every command on an item: `deliberation.manage`;
 * - **read** items with the raiser's personal data, sessions, statistics: `deliberation.read`
 *   (and the resident who raised the item reads it);
 * - **rate**: `deliberation.rate` granted at the item's node, above it, or below it (a
 *   resident of the subtree), once per item;
 * - the **progress board** (晾晒) is public and masked.
 *
 * @since 0.3.0
 */
import { Context, Effect, Layer, Option } from "effect"
import type { Actor } from "../kernel/actor.js"
import { forbidden, invalidField, notFound, staleVersion, type Conflict, type Forbidden, type InvalidInput, type InvalidTransition, type NotFound, type StorageError } from "../kernel/errors.js"
import { makeEvent, type NewEvent } from "../kernel/events.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import { type Action, isAllowed, PermissionPolicy, type Policy } from "../kernel/permissions.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { type Instant, now } from "../kernel/time.js"
import type { GridNode } from "../grid/model.js"
import { GridStore } from "../grid/store.js"
import { decideItem, evolveItem, type ItemDecideCommand, type ItemDecideContext, type ItemEvent } from "./machine.js"
import {
  type ConfigureDeliberation,
  type ConveneSession,
  type DeliberationConfig,
  type Item,
  type ItemCommand,
  type ItemId,
  type ItemState,
  type ItemStatus,
  newItemId,
  newSessionId,
  type RaiseItem,
  type RateItem,
  type RecordMinutes,
  type Session,
  type SessionId
} from "./model.js"
import { boardRow, computeItemStatistics, defaultDeliberationConfig, itemLogPayload, rollUp, yearEarlier } from "./rules.js"
import { DeliberationStore } from "./store.js"
import type { BoardRow, BoardSort, DeliberationStatistics } from "./views.js"

/**
 * Every error a deliberation use case can fail with.
 *
 * @category errors
 * @since 0.3.0
 */
export type DeliberationError = NotFound | Forbidden | Conflict | InvalidInput | InvalidTransition | StorageError

type Fx<A> = Effect.Effect<A, DeliberationError>

/**
 * Filters and order of the progress board; `after` is the `next` of the previous page.
 *
 * @category models
 * @since 0.3.0
 */
export interface BoardFilter extends PageRequest {
  readonly category?: string | undefined
  readonly unit?: string | undefined
  readonly status?: ItemStatus | undefined
  readonly state?: ItemState | undefined
  readonly overdue?: boolean | undefined
  readonly sort?: BoardSort | undefined
}

/**
 * The deliberation use cases.
 *
 * @category services
 * @since 0.3.0
 */
export class Deliberation extends Context.Service<Deliberation, {
  /** Changes a county's configuration (`deliberation.manage` on the county). */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureDeliberation) => Fx<DeliberationConfig>
  /** A county's configuration, or the defaults when it has none. */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<DeliberationConfig>
  /** Convenes a session at a node (`deliberation.manage`). */
  readonly convene: (actor: Actor, command: ConveneSession) => Fx<Session>
  /** Records a session's minutes (`deliberation.manage`). */
  readonly recordMinutes: (actor: Actor, id: SessionId, command: RecordMinutes) => Fx<Session>
  /** One session (`deliberation.read`). */
  readonly getSession: (actor: Actor, id: SessionId) => Fx<Session>
  /** Sessions below a node, newest first (`deliberation.read`). */
  readonly listSessions: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => Fx<Page<Session>>
  /** Raises an item at a session or on its own; with `parentId`, as a part of another item. */
  readonly raise: (actor: Actor, command: RaiseItem) => Fx<Item>
  /** Runs one command on an item (`deliberation.manage`). */
  readonly execute: (actor: Actor, id: ItemId, command: ItemCommand) => Fx<Item>
  /** A resident's rating (现场评), once per item; the item must have been reported back. */
  readonly rate: (actor: Actor, id: ItemId, command: RateItem) => Fx<Item>
  /** One item, with the raiser's personal data (`deliberation.read`, or its raiser). */
  readonly get: (actor: Actor, id: ItemId) => Fx<Item>
  /** The items split from an item (`deliberation.read`). */
  readonly children: (actor: Actor, id: ItemId) => Fx<ReadonlyArray<Item>>
  /** The public progress board (晾晒) of a subtree, masked; no actor needed. */
  readonly board: (rootId: GridNodeId, filter?: BoardFilter) => Fx<Page<BoardRow>>
  /** Statistics of a subtree and period, with the change against the same period a year earlier (`deliberation.read`). */
  readonly statistics: (actor: Actor, rootId: GridNodeId, period?: { readonly from?: Instant | undefined; readonly to?: Instant | undefined }) => Fx<DeliberationStatistics>
}>()("@mulin/core/deliberation/Deliberation") {
  /**
   * The use cases over the ports. The permission policy is read once, when the layer is
   * built.
   *
   * @category layers
   * @since 0.3.0
   */
  static readonly layer: Layer.Layer<Deliberation, never, DeliberationStore | GridStore | EventLog | UnitOfWork | IdGenerator> = Layer.effect(
    Deliberation,
    Effect.gen(function*() {
      return makeDeliberation({
        store: yield* DeliberationStore,
        grid: yield* GridStore,
        log: yield* EventLog,
        uow: yield* UnitOfWork,
        ids: yield* IdGenerator,
        policy: yield* PermissionPolicy
      })
    })
  )
}

interface Deps {
  readonly store: DeliberationStore["Service"]
  readonly grid: GridStore["Service"]
  readonly log: EventLog["Service"]
  readonly uow: UnitOfWork["Service"]
  readonly ids: IdGenerator["Service"]
  readonly policy: Policy
}

const ENTITY = "deliberation item"

const makeDeliberation = ({ grid, ids, log, policy, store, uow }: Deps): Deliberation["Service"] => {
  const fresh = <A>(make: Effect.Effect<A, never, IdGenerator>) => Effect.provideService(make, IdGenerator, ids)
  const can = (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>) => isAllowed(policy, actor, action, path)
  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const offsetOf = (after: string | undefined): number => {
    const n = after === undefined ? 0 : Number(after)
    return Number.isInteger(n) && n >= 0 ? n : 0
  }

  const loadNode = (id: GridNodeId): Effect.Effect<GridNode, NotFound | StorageError> =>
    Effect.flatMap(grid.getNode(id), (found) =>
      Option.isSome(found) && found.value.status === "active" ? Effect.succeed(found.value) : Effect.fail(notFound("grid node", id)))
  const pathOf = (node: GridNode): ReadonlyArray<GridNodeId> => [...node.path, node.id]
  const loadConfig = (countyId: GridNodeId): Effect.Effect<DeliberationConfig, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultDeliberationConfig(countyId)))

  /** Fails unless the actor may `action` at `path`: `NotFound` when it cannot even see the node. */
  const require = (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>) =>
    can(actor, action, path)
      ? Effect.void
      : Effect.fail(can(actor, "grid.tree.read", path) ? forbidden(action, path[path.length - 1]!) : notFound("grid node", path[path.length - 1]!))

  const loadItem = (id: ItemId) =>
    Effect.flatMap(store.getItem(id), (found) => (Option.isSome(found) ? Effect.succeed(found.value) : Effect.fail(notFound(ENTITY, id))))
  const loadSession = (id: SessionId) =>
    Effect.flatMap(store.getSession(id), (found) => (Option.isSome(found) ? Effect.succeed(found.value) : Effect.fail(notFound("deliberation session", id))))
  const sessionIn = (id: SessionId, countyId: GridNodeId) =>
    Effect.map(store.getSession(id), (found) => (Option.isSome(found) && found.value.countyId === countyId ? found.value : undefined))

  const toLog = (item: Item, events: ReadonlyArray<ItemEvent>, firstVersion: number): Effect.Effect<Array<NewEvent>> =>
    Effect.forEach(events, (e, i) =>
      fresh(makeEvent({
        type: `deliberation.item.${e.type}`,
        aggregate: { type: ENTITY, id: item.id, version: firstVersion + i },
        actor: e.actor,
        at: e.at,
        scope: item.scope,
        payload: itemLogPayload(e)
      })))

  const apply = (c: Item | undefined, events: ReadonlyArray<ItemEvent>): Item => {
    const next = events.reduce(evolveItem, c)!
    return { ...next, version: (c?.version ?? 0) + events.length }
  }

  /** Rolls the progress of `parentId` and its ancestors up from their children. */
  const rollUpFrom = (actor: Actor, parentId: ItemId | null, at: Instant): Effect.Effect<void, DeliberationError> =>
    Effect.gen(function*() {
      let id = parentId
      const seen = new Set<string>()
      while (id !== null && !seen.has(id)) {
        seen.add(id)
        const parent = yield* loadItem(id)
        const kids = yield* store.children(id)
        const progress = rollUp(kids)
        if (progress !== parent.progress || kids.length !== parent.children) {
          const next: Item = { ...parent, progress, children: kids.length, version: parent.version + 1, updatedAt: at }
          yield* store.updateItem(next, parent.version)
          yield* log.append([yield* fresh(makeEvent({
            type: "deliberation.item.progress_rolled_up",
            aggregate: { type: ENTITY, id: next.id, version: next.version },
            actor,
            at,
            scope: next.scope,
            payload: { progress, children: kids.length }
          }))])
        }
        id = parent.parentId
      }
    })

  const run = (actor: Actor, c: Item, command: ItemDecideCommand) =>
    Effect.gen(function*() {
      const at = yield* now
      const config = yield* loadConfig(c.countyId)
      let session: Session | undefined
      let mergeTarget: boolean | undefined
      if (command._tag === "ReportBack" || command._tag === "Vote") session = yield* sessionIn(command.sessionId, c.countyId)
      if (command._tag === "Merge") {
        const target = yield* store.getItem(command.into)
        mergeTarget = Option.isSome(target) && target.value.countyId === c.countyId
      }
      const context: ItemDecideContext = { at, actor: { id: actor.id, kind: actor.kind }, config, session, mergeTarget }
      const events = yield* Effect.fromResult(decideItem(c, command, context))
      const next = apply(c, events)
      yield* store.updateItem(next, c.version)
      yield* log.append(yield* toLog(next, events, c.version + 1))
      if (next.progress !== c.progress || next.state !== c.state) yield* rollUpFrom(actor, next.parentId, at)
      return next
    })

  const checkConfig = (config: DeliberationConfig): Effect.Effect<void, InvalidInput> => {
    const dup = (path: string, keys: ReadonlyArray<string>) => {
      const seen = new Set<string>()
      for (const [i, k] of keys.entries()) {
        if (seen.has(k)) return invalidField(`${path}.${i}`, `repeats ${k}`, `${k} 重复`)
        seen.add(k)
      }
      return undefined
    }
    const wrong = dup("sessionTypes", config.sessionTypes.map((t) => t.key)) ??
      dup("categories", config.categories.map((c) => c.key)) ??
      dup("units", config.units.map((u) => u.code))
    return wrong === undefined ? Effect.void : Effect.fail(wrong)
  }

  const requireCounty = (actor: Actor, action: Action, countyId: GridNodeId) =>
    Effect.gen(function*() {
      const county = yield* grid.getCounty(countyId)
      if (Option.isNone(county)) return yield* Effect.fail(notFound("county", countyId))
      if (!can(actor, action, [countyId])) return yield* Effect.fail(forbidden(action, countyId))
    })

  /** Whether the actor may `action` at the node of `path`, above it, or below it (a resident of the subtree). */
  const reaches = (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>) =>
    Effect.gen(function*() {
      if (can(actor, action, path)) return true
      const scopes = actor.grants.filter((g) => g.scope !== "*" && policy[g.role].includes(action)).map((g) => g.scope as GridNodeId)
      if (scopes.length === 0) return false
      const nodes = yield* grid.getNodes(scopes)
      const nodeId = path[path.length - 1]!
      return nodes.some((n) => n.path.includes(nodeId))
    })

  return Deliberation.of({
    configure: (actor, countyId, command) =>
      uow.transaction(Effect.gen(function*() {
        yield* requireCounty(actor, "deliberation.manage", countyId)
        const current = yield* loadConfig(countyId)
        if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
          return yield* Effect.fail(staleVersion("deliberation configuration", countyId, command.expectedVersion, current.version))
        }
        const at = yield* now
        const { expectedVersion: _, ...changes } = command
        const next: DeliberationConfig = { ...current, ...changes, version: current.version + 1, updatedAt: at }
        yield* checkConfig(next)
        yield* store.saveConfig(next, current.version)
        yield* log.append([yield* fresh(makeEvent({
          type: "deliberation.config.changed",
          aggregate: { type: "deliberation configuration", id: countyId, version: next.version },
          actor,
          at,
          scope: [countyId],
          payload: { changed: Object.keys(changes) }
        }))])
        return next
      })),

    getConfig: (_actor, countyId) =>
      Effect.gen(function*() {
        const county = yield* grid.getCounty(countyId)
        if (Option.isNone(county)) return yield* Effect.fail(notFound("county", countyId))
        return yield* loadConfig(countyId)
      }),

    convene: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const node = yield* loadNode(command.nodeId)
        const path = pathOf(node)
        yield* require(actor, "deliberation.manage", path)
        const config = yield* loadConfig(node.countyId)
        if (!config.sessionTypes.some((t) => t.key === command.type)) {
          const keys = config.sessionTypes.map((t) => t.key).join(", ")
          return yield* Effect.fail(invalidField("type", `must be one of this county's session types: ${keys}`, `必须是本区县的议事形式之一：${keys}`))
        }
        const at = yield* now
        const session: Session = {
          id: yield* fresh(newSessionId),
          countyId: node.countyId,
          nodeId: node.id,
          scope: path,
          placeName: node.name,
          type: command.type,
          heldAt: command.heldAt,
          convener: command.convener,
          participants: command.participants,
          agenda: command.agenda,
          minutes: null,
          version: 1,
          updatedAt: at
        }
        yield* store.insertSession(session)
        yield* log.append([yield* fresh(makeEvent({
          type: "deliberation.session.convened",
          aggregate: { type: "deliberation session", id: session.id, version: 1 },
          actor,
          at,
          scope: path,
          payload: { type: session.type, heldAt: session.heldAt, participants: session.participants.map((p) => ({ role: p.role, count: p.count })) }
        }))])
        return session
      })),

    recordMinutes: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const s = yield* loadSession(id)
        yield* require(actor, "deliberation.manage", s.scope)
        if (command.expectedVersion !== undefined && command.expectedVersion !== s.version) {
          return yield* Effect.fail(staleVersion("deliberation session", id, command.expectedVersion, s.version))
        }
        const at = yield* now
        const next: Session = { ...s, minutes: command.minutes, version: s.version + 1, updatedAt: at }
        yield* store.updateSession(next, s.version)
        yield* log.append([yield* fresh(makeEvent({
          type: "deliberation.session.minutes_recorded",
          aggregate: { type: "deliberation session", id, version: next.version },
          actor,
          at,
          scope: s.scope,
          payload: {}
        }))])
        return next
      })),

    getSession: (actor, id) =>
      Effect.gen(function*() {
        const s = yield* loadSession(id)
        if (!can(actor, "deliberation.read", s.scope)) return yield* Effect.fail(notFound("deliberation session", id))
        return s
      }),

    listSessions: (actor, rootId, page) =>
      Effect.gen(function*() {
        const root = yield* loadNode(rootId)
        const scope = pathOf(root)
        yield* require(actor, "deliberation.read", scope)
        const offset = offsetOf(page?.after)
        return yield* store.listSessions({ scope, offset, limit: limitOf(page) })
      }),

    raise: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const node = yield* loadNode(command.nodeId)
        const path = pathOf(node)
        if (!(yield* reaches(actor, "deliberation.raise", path))) {
          return yield* Effect.fail(can(actor, "grid.tree.read", path) ? forbidden("deliberation.raise", node.id) : notFound("grid node", node.id))
        }
        if (command.sessionId !== undefined && (yield* sessionIn(command.sessionId, node.countyId)) === undefined) {
          return yield* Effect.fail(invalidField("sessionId", "no such session in this county", "本区县无此议事会议"))
        }
        if (command.parentId !== undefined) {
          const parent = yield* store.getItem(command.parentId)
          if (Option.isNone(parent) || parent.value.countyId !== node.countyId) {
            return yield* Effect.fail(invalidField("parentId", "no such item in this county", "本区县无此事项"))
          }
          if (!can(actor, "deliberation.manage", parent.value.scope)) return yield* Effect.fail(forbidden("deliberation.manage", parent.value.nodeId))
        }
        const config = yield* loadConfig(node.countyId)
        const at = yield* now
        const id = yield* fresh(newItemId)
        const context: ItemDecideContext = {
          at,
          actor: { id: actor.id, kind: actor.kind },
          config,
          place: { id, countyId: node.countyId, nodeId: node.id, scope: path, placeName: node.name }
        }
        const events = yield* Effect.fromResult(decideItem(undefined, { _tag: "Raise", ...command }, context))
        const created = apply(undefined, events)
        yield* store.insertItem(created)
        yield* log.append(yield* toLog(created, events, 1))
        yield* rollUpFrom(actor, created.parentId, at)
        return created
      })),

    execute: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const c = yield* loadItem(id)
        if (!can(actor, "deliberation.manage", c.scope)) {
          return yield* Effect.fail(can(actor, "deliberation.read", c.scope) ? forbidden(`deliberation: ${command._tag}`, c.nodeId) : notFound(ENTITY, id))
        }
        if (command.expectedVersion !== undefined && command.expectedVersion !== c.version) {
          return yield* Effect.fail(staleVersion(ENTITY, id, command.expectedVersion, c.version))
        }
        return yield* run(actor, c, command)
      })),

    rate: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const c = yield* loadItem(id)
        if (!(yield* reaches(actor, "deliberation.rate", c.scope))) return yield* Effect.fail(forbidden("deliberation.rate", c.nodeId))
        const next = yield* run(actor, c, { _tag: "Rate", score: command.score })
        const at = yield* now
        yield* store.addRating({ itemId: c.id, residentId: actor.id, round: c.reopenCount, score: command.score, comment: command.comment ?? null, at })
        return next
      })),

    get: (actor, id) =>
      Effect.gen(function*() {
        const c = yield* loadItem(id)
        if (!can(actor, "deliberation.read", c.scope) && c.raisedBy.actorId !== actor.id) return yield* Effect.fail(notFound(ENTITY, id))
        return c
      }),

    children: (actor, id) =>
      Effect.gen(function*() {
        const c = yield* loadItem(id)
        if (!can(actor, "deliberation.read", c.scope)) return yield* Effect.fail(notFound(ENTITY, id))
        return yield* store.children(id)
      }),

    board: (rootId, filter = {}) =>
      Effect.gen(function*() {
        const root = yield* loadNode(rootId)
        const config = yield* loadConfig(root.countyId)
        const at = yield* now
        const page = yield* store.board({
          scope: pathOf(root),
          now: at,
          category: filter.category,
          unit: filter.unit,
          status: filter.status,
          state: filter.state,
          overdue: filter.overdue,
          sort: filter.sort ?? "raised",
          offset: offsetOf(filter.after),
          limit: limitOf(filter)
        })
        return { items: page.items.map((i) => boardRow(i, config, at)), next: page.next }
      }),

    statistics: (actor, rootId, period = {}) =>
      Effect.gen(function*() {
        const root = yield* loadNode(rootId)
        const scope = pathOf(root)
        yield* require(actor, "deliberation.read", scope)
        if (period.from !== undefined && period.to !== undefined && period.from >= period.to) {
          return yield* Effect.fail(invalidField("to", "must be after from", "必须晚于开始时间"))
        }
        const config = yield* loadConfig(root.countyId)
        const at = yield* now
        const groups = yield* store.statistics({ scope, now: at, from: period.from, to: period.to })
        const lastYear = period.from !== undefined && period.to !== undefined
          ? yield* store.statistics({ scope, now: at, from: yearEarlier(period.from), to: yearEarlier(period.to) })
          : null
        return computeItemStatistics({ rootId, from: period.from ?? null, to: period.to ?? null, groups, lastYear, config })
      })
  })
}
