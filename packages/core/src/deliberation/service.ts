/**
 * The deliberation use cases. Every command — raising an item, each lifecycle command, a
 * rating, convening a session, its minutes, a county's configuration — runs through the
 * kernel's one pipeline (`Commands.run`) with its decider: load → authorise → decide →
 * evolve → save with the expected version → append events, in one unit of work. A split
 * item's parent has its progress rolled up as the follow-on of a child's change, through
 * the same pipeline. A command that changes nothing writes nothing.
 *
 * Every id a command references — the node, the session, the parent item, the merge
 * target, the raiser, the rater, the convener, the responsible person — is loaded and
 * checked through the one scope check (`Access`), with the county of the thing acted on:
 * what lies outside the actor's scope or county reads as not found.
 *
 * Who may do what:
 * - **raise** an item: `deliberation.raise` at its node or above it, or a grant below it (a
 *   resident of a community raises at the street); as themself by default; staff who may
 *   read deliberation where a person is registered may name that person as the raiser, and
 *   staff at the item's node may record an outsider;
 * - **convene** a session, record minutes, and every command on an item:
 *   `deliberation.manage`;
 * - **read** items with the raiser's personal data, sessions and statistics:
 *   `deliberation.read` (and the person who raised the item reads it);
 * - **rate**: `deliberation.rate` at the item's node, above or below it, once per person,
 *   item and round of handling; staff with `deliberation.manage` may record the rating of
 *   a person in their scope who may rate the item;
 * - the **configuration** is read by the county's staff (`county.config.read`) and changed
 *   with `deliberation.manage` on the county;
 * - the **progress board** (晾晒) is public: its text was redacted when written.
 *
 * @since 0.3.0
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import { Access, type Target } from "../kernel/access.js"
import type { Actor, ActorRef } from "../kernel/actor.js"
import { Commands, type Decider } from "../kernel/decider.js"
import { Directory, pathOf, type Place } from "../kernel/directory.js"
import { type Conflict, type DomainError, forbidden, fromSchemaError, invalidField, type InvalidInput, notFound, staleVersion, type StorageError } from "../kernel/errors.js"
import { Identity } from "../kernel/identity.js"
import { type GridNodeId, IdGenerator, type PersonId } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import { redactorFor } from "../kernel/redact.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { type CalendarDate, DEFAULT_TIME_ZONE, type Instant, now } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import {
  deliberationConfigDecider,
  type ItemDecideCommand,
  type ItemDecideContext,
  itemDecider,
  sessionDecider,
  type SessionDecideCommand,
  type SessionDecideContext
} from "./machine.js"
import {
  type DeliberationConfigEvent,
  ConfigureDeliberation,
  type ConveneSession,
  type DeliberationConfig,
  type DeliberationItem,
  type ItemCommand,
  type ItemEvent,
  type ItemId,
  type ItemState,
  type ItemStatus,
  type NamedPerson,
  newItemId,
  newSessionId,
  type RaiseItem,
  type Raiser,
  type RateItem,
  type RecordMinutes,
  type Session,
  type SessionEvent,
  type SessionId
} from "./model.js"
import {
  boardRow,
  computeItemStatistics,
  countyCalendar,
  dateYearEarlier,
  periodWindow,
  recordDeliberationConfigEvent,
  recordItemEvent,
  recordSessionEvent
} from "./rules.js"
import { type Deps, references } from "./references.js"
import { DeliberationStore } from "./store.js"
import type { BoardRow, BoardSort, DeliberationStatistics } from "./views.js"

/**
 * Every error a deliberation use case can fail with.
 *
 * @category errors
 * @since 0.3.0
 */
export type DeliberationError = DomainError | StorageError

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
 * A statistics period: local calendar days of the county, `from` and `to` both included.
 *
 * @category models
 * @since 0.4.0
 */
export interface DeliberationStatisticsPeriod {
  readonly from?: CalendarDate | undefined
  readonly to?: CalendarDate | undefined
}

/**
 * The deliberation use cases.
 *
 * @category services
 * @since 0.3.0
 */
export class Deliberation extends Context.Service<Deliberation, {
  /** Changes a county's configuration (`deliberation.manage` on the county); nothing when nothing changes. */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureDeliberation) => Fx<DeliberationConfig>
  /** A county's configuration, or the defaults when it has none: for the county's staff (`county.config.read`). */
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
  readonly raise: (actor: Actor, command: RaiseItem) => Fx<DeliberationItem>
  /** Runs one command on an item (`deliberation.manage`). */
  readonly execute: (actor: Actor, id: ItemId, command: ItemCommand) => Fx<DeliberationItem>
  /**
   * Reopens an item its raiser answered "not solved" in a follow-up questionnaire (回访),
   * whatever its rating, from the states after reporting back: the system's work on their
   * behalf (`actor` must be the system, over the item's place).
   *
   * @since 0.5.0
   */
  readonly reopenNotSolved: (actor: Actor, id: ItemId, command: { readonly personId: PersonId; readonly reason: string }) => Fx<DeliberationItem>
  /** A person's rating (现场评), once per item and round; the item must have been reported back. */
  readonly rate: (actor: Actor, id: ItemId, command: RateItem) => Fx<DeliberationItem>
  /** One item, with who raised it (`deliberation.read`, or its raiser). */
  readonly get: (actor: Actor, id: ItemId) => Fx<DeliberationItem>
  /** The items split from an item (`deliberation.read`). */
  readonly children: (actor: Actor, id: ItemId) => Fx<ReadonlyArray<DeliberationItem>>
  /** The public progress board (晾晒) of a subtree; no actor needed. */
  readonly board: (rootId: GridNodeId, filter?: BoardFilter) => Fx<Page<BoardRow>>
  /**
   * Statistics of a subtree and period of local days, with the change against the same days
   * a year earlier (`deliberation.read`).
   */
  readonly statistics: (actor: Actor, rootId: GridNodeId, period?: DeliberationStatisticsPeriod) => Fx<DeliberationStatistics>
}>()("@mulin/core/deliberation/Deliberation") {
  /**
   * The use cases over the ports, with the kernel (`Access`, `Identity`, `Commands`)
   * provided to them: wiring needs only the store and the id generator.
   *
   * @category layers
   * @since 0.3.0
   */
  static readonly layer: Layer.Layer<Deliberation, never, DeliberationStore | GridStore | Directory | EventLog | UnitOfWork | IdGenerator> = Layer.effect(
    Deliberation,
    Effect.gen(function*() {
      return makeDeliberation({
        store: yield* DeliberationStore,
        grid: yield* GridStore,
        directory: yield* Directory,
        access: yield* Access,
        identity: yield* Identity,
        commands: yield* Commands,
        ids: yield* IdGenerator
      })
    })
  ).pipe(Layer.provide(layerKernel))
}

// The deciders, with the errors of the whole pipeline (loads, scope checks, storage) beside theirs.
const items: Decider<DeliberationItem, ItemDecideCommand, ItemEvent, ItemDecideContext, DeliberationError> = itemDecider
const sessions: Decider<Session, SessionDecideCommand, SessionEvent, SessionDecideContext, DeliberationError> = sessionDecider
const configs: Decider<DeliberationConfig, ConfigureDeliberation, DeliberationConfigEvent, { readonly at: Instant; readonly actor: ActorRef }, DeliberationError> = deliberationConfigDecider

const ITEM = "deliberation item"
const SESSION = "deliberation session"
const CONFIG = "deliberation configuration"

const itemTarget = (item: DeliberationItem): Target => ({ entity: ITEM, id: item.id, nodeId: item.nodeId })
const sessionTarget = (session: Session): Target => ({ entity: SESSION, id: session.id, nodeId: session.nodeId })
const refOf = (actor: Actor): ActorRef => ({ id: actor.id, kind: actor.kind })
const self = (actor: Actor): NamedPerson | undefined =>
  actor.kind === "person" ? { _tag: "Person", personId: actor.id as PersonId, name: actor.name } : undefined

const decodeConfigureSchema = Schema.decodeUnknownEffect(ConfigureDeliberation)

/**
 * The change a caller asks for, checked against {@link ConfigureDeliberation} on every path (the HTTP
 * adapter decodes the same schema): a library caller's bad value fails as HTTP's does.
 */
const decodeConfigure = (input: ConfigureDeliberation): Effect.Effect<ConfigureDeliberation, InvalidInput> =>
  Effect.mapError(decodeConfigureSchema(input, { errors: "all" }), (e) => fromSchemaError(e))

const makeDeliberation = (deps: Deps): Deliberation["Service"] => {
  const { access, commands, directory, identity, ids, store } = deps
  const fresh = <A>(make: Effect.Effect<A, never, IdGenerator>) => Effect.provideService(make, IdGenerator, ids)
  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const offsetOf = (after: string | undefined): number => {
    const n = after === undefined ? 0 : Number(after)
    return Number.isInteger(n) && n >= 0 ? n : 0
  }

  const { loadConfig, loadItem, loadSession, personIn, reach, redactorAt, timeZoneOf } = references(deps)
  const numbersOnly = redactorFor([])

  const expect = (entity: string, id: string, expected: number | undefined, actual: number): Effect.Effect<void, Conflict> =>
    expected === undefined || expected === actual ? Effect.void : Effect.fail(staleVersion(entity, id, expected, actual))

  /** The item pipeline's common parts. */
  const itemRun = {
    aggregate: ITEM,
    decider: items,
    record: recordItemEvent
  } as const

  /** The follow-on of a change to an item: its parent's progress rolled up, up the whole chain. */
  const rollUpParent = (actor: Actor) => (before: DeliberationItem | undefined, after: DeliberationItem): Effect.Effect<void, DeliberationError> =>
    after.parentId !== null && (before === undefined || before.progress !== after.progress || before.state !== after.state)
      ? Effect.asVoid(rollUpItem(actor, after.parentId))
      : Effect.void

  const rollUpItem = (actor: Actor, id: ItemId): Effect.Effect<unknown, DeliberationError> =>
    commands.run({
      ...itemRun,
      actor,
      id,
      command: { _tag: "RollUp" } as ItemDecideCommand,
      load: loadItem(id),
      // A follow-on of a command already authorised: the parent changes because its child did.
      authorize: () => Effect.void,
      context: (parent, at) =>
        Effect.gen(function*() {
          const children = yield* store.children(id)
          return { at, actor: refOf(actor), config: yield* loadConfig(parent!.countyId), calendar: countyCalendar(DEFAULT_TIME_ZONE, at), redact: numbersOnly, children } satisfies ItemDecideContext
        }),
      save: (next, expected) => store.updateItem(next, expected),
      followOn: rollUpParent(actor)
    })

  /** What an item command needs besides the item: its references checked through `Access`, and a redactor for its free text. */
  const itemContext = (actor: Actor, item: DeliberationItem, command: ItemCommand, at: Instant) =>
    Effect.gen(function*() {
      const county = item.countyId
      const config = yield* loadConfig(county)
      const timeZone = yield* timeZoneOf(county)
      const manageRef = (target: Target) => access.check(actor, "deliberation.manage", target, { county, read: "deliberation.read" })
      let session: Session | undefined
      let mergeTarget: DeliberationItem | undefined
      let responsible: NamedPerson | undefined
      let redact = numbersOnly
      switch (command._tag) {
        case "ReportBack":
        case "Vote": {
          session = yield* loadSession(command.sessionId)
          yield* manageRef(sessionTarget(session))
          break
        }
        case "Merge": {
          mergeTarget = yield* loadItem(command.into)
          yield* manageRef(itemTarget(mergeTarget))
          break
        }
        case "Accept":
          if (command.responsible !== undefined) responsible = yield* personIn(actor, "deliberation.manage", command.responsible, county)
          break
        default:
          break
      }
      if (command._tag === "Answer" || command._tag === "Accept" || command._tag === "RecordMilestone" || command._tag === "Resolve" || command._tag === "Decline") {
        redact = yield* redactorAt(item.nodeId, [item.raisedBy.name, item.responsible?.name, responsible?.name, self(actor)?.name])
      }
      return { at, actor: refOf(actor), config, calendar: countyCalendar(timeZone, at), redact, session, mergeTarget, responsible } satisfies ItemDecideContext
    })

  return Deliberation.of({
    configure: (actor, countyId, input) =>
      Effect.flatMap(decodeConfigure(input), (command) =>
      Effect.map(
        commands.run({
          actor,
          aggregate: CONFIG,
          id: countyId,
          decider: configs,
          command,
          load: loadConfig(countyId),
          authorize: (current) =>
            Effect.gen(function*() {
              const county = yield* access.at(actor, "deliberation.manage", countyId, { county: countyId })
              if (county.parentId !== null) return yield* Effect.fail(notFound("county", countyId))
              yield* expect(CONFIG, countyId, command.expectedVersion, current!.version)
            }),
          context: (_, at) => Effect.succeed({ at, actor: refOf(actor) }),
          save: (next, expected) => store.saveConfig(next, expected),
          record: recordDeliberationConfigEvent
        }),
        (r) => r.state
      )),

    getConfig: (actor, countyId) => Effect.andThen(access.inCounty(actor, "county.config.read", countyId), loadConfig(countyId)),

    convene: (actor, command) =>
      Effect.gen(function*() {
        const id = yield* fresh(newSessionId)
        let place: Place | undefined
        const run: SessionDecideCommand = { _tag: "Convene", ...command }
        const done = yield* commands.run({
          actor,
          aggregate: SESSION,
          id,
          decider: sessions,
          command: run,
          load: Effect.succeed(undefined),
          authorize: () => Effect.map(access.at(actor, "deliberation.manage", command.nodeId, { live: true }), (p) => void (place = p)),
          context: (_, at) =>
            Effect.gen(function*() {
              const p = place!
              const convener = command.convener === undefined || command.convener === actor.id
                ? self(actor)
                : yield* personIn(actor, "deliberation.manage", command.convener, p.countyId)
              return {
                at,
                actor: refOf(actor),
                config: yield* loadConfig(p.countyId),
                place: { id, countyId: p.countyId, nodeId: p.id, scope: pathOf(p), placeName: p.name },
                convener
              }
            }),
          save: (next) => store.insertSession(next),
          record: recordSessionEvent
        })
        return done.state
      }),

    recordMinutes: (actor, id, command) =>
      Effect.map(
        commands.run({
          actor,
          aggregate: SESSION,
          id,
          decider: sessions,
          command: { _tag: "RecordMinutes", ...command } as SessionDecideCommand,
          load: loadSession(id),
          authorize: (s) =>
            Effect.andThen(
              access.check(actor, "deliberation.manage", sessionTarget(s!), { read: "deliberation.read" }),
              expect(SESSION, id, command.expectedVersion, s!.version)
            ),
          context: (s, at) => Effect.map(loadConfig(s!.countyId), (config) => ({ at, actor: refOf(actor), config })),
          save: (next, expected) => store.updateSession(next, expected),
          record: recordSessionEvent
        }),
        (r) => r.state
      ),

    getSession: (actor, id) =>
      Effect.flatMap(loadSession(id), (s) => Effect.as(access.check(actor, "deliberation.read", sessionTarget(s), { read: "deliberation.read" }), s)),

    listSessions: (actor, rootId, page) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "deliberation.read", rootId, { live: true })
        return yield* store.listSessions({ scope: pathOf(root), offset: offsetOf(page?.after), limit: limitOf(page) })
      }),

    raise: (actor, command) =>
      Effect.gen(function*() {
        const id = yield* fresh(newItemId)
        let place: Place | undefined
        const done = yield* commands.run({
          ...itemRun,
          actor,
          id,
          command: { _tag: "Raise", ...command } as ItemDecideCommand,
          load: Effect.succeed(undefined),
          authorize: () =>
            Effect.gen(function*() {
              const found = yield* directory.getPlace(command.nodeId)
              if (Option.isNone(found)) return yield* Effect.fail(notFound("grid node", command.nodeId))
              place = yield* reach(actor, "deliberation.raise", { entity: "grid node", id: command.nodeId, nodeId: command.nodeId }, found.value.countyId)
            }),
          context: (_, at) =>
            Effect.gen(function*() {
              const p = place!
              const county = p.countyId
              let session: Session | undefined
              if (command.sessionId !== undefined) {
                session = yield* loadSession(command.sessionId)
                yield* reach(actor, "deliberation.raise", sessionTarget(session), county)
              }
              if (command.parentId !== undefined) {
                const parent = yield* loadItem(command.parentId)
                yield* access.check(actor, "deliberation.manage", itemTarget(parent), { county, read: "deliberation.read" })
              }
              const input = command.raisedBy
              let raiser: Raiser | undefined
              if (input === undefined || (input._tag === "Person" && input.personId === actor.id)) {
                raiser = self(actor)
              } else if (input._tag === "Person") {
                raiser = yield* personIn(actor, "deliberation.read", input.personId, county)
              } else {
                yield* access.at(actor, "deliberation.read", p.id, { county })
                raiser = { _tag: "Outside", name: input.name, phone: input.phone ?? null }
              }
              const redact = yield* redactorAt(p.id, [raiser?.name, self(actor)?.name])
              return {
                at,
                actor: refOf(actor),
                config: yield* loadConfig(county),
                calendar: countyCalendar(yield* timeZoneOf(county), at),
                redact,
                place: { id, countyId: county, nodeId: p.id, scope: pathOf(p), placeName: p.name },
                raiser,
                session
              } satisfies ItemDecideContext
            }),
          save: (next) => store.insertItem(next),
          followOn: rollUpParent(actor)
        })
        return done.state
      }),

    execute: (actor, id, command) =>
      Effect.map(
        commands.run({
          ...itemRun,
          actor,
          id,
          command: command as ItemDecideCommand,
          load: loadItem(id),
          authorize: (item) =>
            Effect.andThen(
              access.check(actor, "deliberation.manage", itemTarget(item!), { read: "deliberation.read" }),
              expect(ITEM, id, command.expectedVersion, item!.version)
            ),
          context: (item, at) => itemContext(actor, item!, command, at),
          save: (next, expected) => store.updateItem(next, expected),
          followOn: rollUpParent(actor)
        }),
        (r) => r.state
      ),

    reopenNotSolved: (actor, id, command) =>
      Effect.map(
        commands.run({
          ...itemRun,
          actor,
          id,
          command: { _tag: "ReopenNotSolved", personId: command.personId, reason: command.reason } as ItemDecideCommand,
          load: loadItem(id),
          authorize: (item) =>
            actor.kind === "system"
              ? Effect.asVoid(access.check(actor, "deliberation.manage", itemTarget(item!), { read: "deliberation.read" }))
              : Effect.fail(forbidden("deliberation: ReopenNotSolved (the follow-up's, run by the system)", `${ITEM} ${id}`, `议事事项 ${id}`)),
          context: (item, at) =>
            Effect.gen(function*() {
              const county = item!.countyId
              return { at, actor: refOf(actor), config: yield* loadConfig(county), calendar: countyCalendar(yield* timeZoneOf(county), at), redact: numbersOnly } satisfies ItemDecideContext
            }),
          save: (next, expected) => store.updateItem(next, expected),
          followOn: rollUpParent(actor)
        }),
        (r) => r.state
      ),

    rate: (actor, id, command) =>
      Effect.gen(function*() {
        let rater: PersonId | undefined
        const done = yield* commands.run({
          ...itemRun,
          actor,
          id,
          command: { _tag: "Rate", score: command.score, comment: command.comment } as ItemDecideCommand,
          load: loadItem(id),
          authorize: (item) =>
            Effect.gen(function*() {
              const target = itemTarget(item!)
              const county = item!.countyId
              if (command.personId === undefined || command.personId === actor.id) {
                yield* reach(actor, "deliberation.rate", target, county)
                rater = self(actor)?.personId
                return
              }
              yield* access.check(actor, "deliberation.manage", target, { county, read: "deliberation.read" })
              yield* personIn(actor, "deliberation.manage", command.personId, county)
              const person = yield* identity.actorOf(command.personId)
              const entitled = Option.isSome(person) && (yield* Effect.result(reach(person.value, "deliberation.rate", target, county)))._tag === "Success"
              if (!entitled) return yield* Effect.fail(invalidField("personId", "this person may not rate this item", "此人无权评价该事项"))
              rater = command.personId
            }),
          context: (item, at) =>
            Effect.gen(function*() {
              const c = item!
              const rated = rater === undefined ? Option.none() : yield* store.findRating(c.id, c.reopenCount, rater)
              return {
                at,
                actor: refOf(actor),
                config: yield* loadConfig(c.countyId),
                calendar: countyCalendar(yield* timeZoneOf(c.countyId), at),
                redact: numbersOnly,
                rater: rater === undefined ? undefined : { personId: rater, alreadyRated: Option.isSome(rated) }
              } satisfies ItemDecideContext
            }),
          save: (next, expected) => store.updateItem(next, expected),
          followOn: (before, after, events, at) =>
            Effect.andThen(
              Effect.forEach(
                events.filter((e): e is Extract<ItemEvent, { readonly type: "rated" }> => e.type === "rated"),
                (e) => store.addRating({ itemId: after.id, personId: e.personId, round: e.round, score: e.score, comment: e.comment, at }),
                { discard: true }
              ),
              rollUpParent(actor)(before, after)
            )
        })
        return done.state
      }),

    get: (actor, id) =>
      Effect.flatMap(loadItem(id), (item) =>
        Effect.as(
          access.check(actor, "deliberation.read", itemTarget(item), {
            read: "deliberation.read",
            involved: item.raisedBy._tag === "Person" && item.raisedBy.personId === actor.id
          }),
          item
        )),

    children: (actor, id) =>
      Effect.flatMap(loadItem(id), (item) => Effect.andThen(access.check(actor, "deliberation.read", itemTarget(item), { read: "deliberation.read" }), store.children(id))),

    board: (rootId, filter = {}) =>
      Effect.gen(function*() {
        const found = yield* directory.getPlace(rootId)
        if (Option.isNone(found) || found.value.status !== "active") return yield* Effect.fail(notFound("grid node", rootId))
        const root = found.value
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
        const root = yield* access.at(actor, "deliberation.read", rootId, { live: true })
        if (period.from !== undefined && period.to !== undefined && period.from > period.to) {
          return yield* Effect.fail(invalidField("to", "must not be before from", "不能早于开始日期"))
        }
        const scope = pathOf(root)
        const timeZone = yield* timeZoneOf(root.countyId)
        const config = yield* loadConfig(root.countyId)
        const at = yield* now
        const groups = yield* store.statistics({ scope, now: at, ...periodWindow(period.from, period.to, timeZone) })
        const lastYear = period.from !== undefined && period.to !== undefined
          ? yield* store.statistics({ scope, now: at, ...periodWindow(dateYearEarlier(period.from), dateYearEarlier(period.to), timeZone) })
          : null
        return computeItemStatistics({ rootId, timeZone, from: period.from ?? null, to: period.to ?? null, groups, lastYear, config })
      })
  })
}
