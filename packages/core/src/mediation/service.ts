/**
 * The mediation use cases. Every command on a case — the report, the 一听三议三公开 steps,
 * the supervision run's escalations — runs through the kernel's one pipeline
 * (`Commands.run`) with the case decider: load → authorise through the one scope check →
 * load the context (the county's configuration and calendar, every person the command
 * references, checked through `Access`) → decide → save with the expected version → log
 * the events' feed projection, in one unit of work. A command that changes nothing writes
 * nothing.
 *
 * Who may do what:
 * - **report**: `mediation.report` at the node where the dispute happened; parties who are
 *   people of the county must be people the reporter may report about there;
 * - **read**: `mediation.read` on the case's node (community staff, grid workers of its
 *   grid, …), its mediators while they hold a mediator's post there, and whoever the case
 *   was escalated to;
 * - **accept, decline, reopen**: `mediation.manage` on the case's node (community staff);
 *   the mediators assigned are people of the county who mediate at the case's place;
 * - **hearing, deliberation, agreement, escalation, resolution** at community level: the
 *   case's own mediators (`mediation.handle`) and community staff; at street level:
 *   `mediation.supervise` on the street, or the named supervisor; at department level: the
 *   department's staff (people of the county in its registry), its supervisor, or
 *   `mediation.supervise` on the county;
 * - **disclose, rate, close, withdraw**: the community staff or the level handling it;
 * - **configuration**: read by the county's staff (`county.config.read` in the county),
 *   changed with `mediation.supervise` on the county.
 *
 * @since 0.2.0
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import { Access, type AccessService } from "../kernel/access.js"
import { type Actor, type ActorRef, systemActor } from "../kernel/actor.js"
import { Commands } from "../kernel/decider.js"
import { Directory, pathOf, type PersonAccess, type Place } from "../kernel/directory.js"
import {
  type DomainError,
  forbidden,
  fromSchemaError,
  type Forbidden,
  invalidField,
  type InvalidInput,
  notFound,
  type NotFound,
  type StorageError
} from "../kernel/errors.js"
import { actorOf } from "../kernel/identity.js"
import { type GridNodeId, IdGenerator, PersonId } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import type { Action } from "../kernel/permissions.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { addDays, DEFAULT_TIME_ZONE, type Instant, localDate, localMonth, monthWindow, now, shiftMonths, startOfDate } from "../kernel/time.js"
import { GridStore } from "../grid/store.js"
import { caseDecider, mediationConfigDecider, type ConfigContext, type DecideCommand, type DecideContext, deadlineKey } from "./machine.js"
import {
  type CaseCommand,
  type CaseEvent,
  type CaseId,
  type MediationConfigEvent,
  type CaseState,
  type CaseStatus,
  ConfigureMediation,
  type HandlingLevel,
  type MediationCase,
  type MediationConfig,
  newCaseId,
  type ReportCase,
  RunSupervision,
  type RunningDeadline,
  type MediationStatisticsPeriod
} from "./model.js"
import {
  buildDisclosure,
  caseSummary,
  computeStatistics,
  defaultMediationConfig,
  overdueView,
  recordCaseEvent,
  recordMediationConfigEvent
} from "./rules.js"
import { MediationStore } from "./store.js"
import { type LoadedCase, makeSupervision } from "./supervision.js"
import type { CaseSummary, Disclosure, MediationStatistics, OverdueCase, SupervisionReport } from "./views.js"

/**
 * Every error a mediation use case can fail with.
 *
 * @category errors
 * @since 0.2.0
 */
export type MediationError = DomainError | StorageError

type Fx<A> = Effect.Effect<A, MediationError>

/**
 * Filters of a staff listing.
 *
 * @category models
 * @since 0.2.0
 */
export interface CaseFilter extends PageRequest {
  readonly state?: CaseState | undefined
  readonly status?: CaseStatus | undefined
  readonly level?: HandlingLevel | undefined
  readonly category?: string | undefined
  /** Cases currently with this department; its staff may list them. */
  readonly department?: string | undefined
}

/**
 * The period of a statistics query: a {@link MediationStatisticsPeriod}, any part of which may be
 * left `undefined`.
 *
 * @category models
 * @since 0.4.0
 */
export type PeriodQuery = { readonly [K in keyof MediationStatisticsPeriod]?: MediationStatisticsPeriod[K] | undefined }

/**
 * The mediation use cases.
 *
 * @category services
 * @since 0.2.0
 */
export class Mediation extends Context.Service<Mediation, {
  /** Changes a county's configuration (`mediation.supervise` on the county). A change that changes nothing writes nothing. */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureMediation) => Fx<MediationConfig>
  /** A county's configuration, or the defaults when it has none: for the county's staff only (`county.config.read`). */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<MediationConfig>
  /** Reports a dispute (群众反映): the case starts as `reported`. Needs `mediation.report` where it happened. */
  readonly report: (actor: Actor, command: ReportCase) => Fx<MediationCase>
  /** Runs one command on a case. */
  readonly execute: (actor: Actor, id: CaseId, command: CaseCommand) => Fx<MediationCase>
  /** One case, with its parties, for those who may read it. */
  readonly get: (actor: Actor, id: CaseId) => Fx<MediationCase>
  /** Cases below a node, a page at a time, filtered by state, category or level. */
  readonly list: (actor: Actor, rootId: GridNodeId, filter?: CaseFilter) => Fx<Page<CaseSummary>>
  /** Cases in the subtree past their current deadline, most overdue first. */
  readonly overdue: (actor: Actor, rootId: GridNodeId, options?: { readonly limit?: number | undefined }) => Fx<ReadonlyArray<OverdueCase>>
  /**
   * Cases by category, state and level; response, resolution and satisfaction rates;
   * median time to resolve; on-time rate per level; for a closed period, the same period a
   * year earlier. Periods are read in the county's calendar.
   */
  readonly statistics: (actor: Actor, rootId: GridNodeId, period?: PeriodQuery) => Fx<MediationStatistics>
  /**
   * Escalates every overdue case once per missed deadline, each through the command
   * pipeline as the system actor: a community's missed deadline goes to the street, a
   * street's to the department that takes the category. Safe to run repeatedly and from
   * several processes at once. Needs `mediation.supervise` on the county, or everywhere
   * when no county is named. The options are checked against {@link RunSupervision} (a
   * limit from 1 to 100000), as over HTTP.
   */
  readonly runSupervision: (actor: Actor, options?: { readonly countyId?: GridNodeId | undefined; readonly limit?: number | undefined }) => Fx<SupervisionReport>
  /** The public disclosure of a disclosed case; no actor needed. */
  readonly disclosure: (id: CaseId) => Fx<Disclosure>
  /** The public board of a subtree: disclosures of its disclosed cases; no actor needed. */
  readonly publicList: (rootId: GridNodeId, page?: PageRequest) => Fx<Page<Disclosure>>
}>()("@mulin/core/mediation/Mediation") {
  /**
   * The use cases over the ports and the kernel's services.
   *
   * @category layers
   * @since 0.4.0
   */
  static readonly layerNoDeps: Layer.Layer<Mediation, never, MediationStore | GridStore | Directory | Access | Commands | IdGenerator> = Layer.effect(
    Mediation,
    Effect.gen(function*() {
      return makeMediation({
        store: yield* MediationStore,
        grid: yield* GridStore,
        directory: yield* Directory,
        access: yield* Access,
        commands: yield* Commands,
        ids: yield* IdGenerator
      })
    })
  )

  /**
   * The use cases with the kernel provided: needs only a store's ports and an id generator.
   *
   * @category layers
   * @since 0.2.0
   */
  static readonly layer: Layer.Layer<Mediation, never, MediationStore | GridStore | Directory | UnitOfWork | EventLog | IdGenerator> = Mediation.layerNoDeps.pipe(
    Layer.provide(layerKernel)
  )
}

interface Deps {
  readonly store: MediationStore["Service"]
  readonly grid: GridStore["Service"]
  readonly directory: Directory["Service"]
  readonly access: AccessService
  readonly commands: Commands["Service"]
  readonly ids: IdGenerator["Service"]
}

const ENTITY = "mediation case"
const SYSTEM = systemActor()
const isPersonId = Schema.is(PersonId)
const refOf = (actor: Actor): ActorRef => ({ id: actor.id, kind: actor.kind })

const decodeConfigureSchema = Schema.decodeUnknownEffect(ConfigureMediation)

/**
 * The change a caller asks for, checked against {@link ConfigureMediation} on every path (the HTTP
 * adapter decodes the same schema): a library caller's bad value fails as HTTP's does.
 */
const decodeConfigure = (input: ConfigureMediation): Effect.Effect<ConfigureMediation, InvalidInput> =>
  Effect.mapError(decodeConfigureSchema(input, { errors: "all" }), (e) => fromSchemaError(e))

const makeMediation = ({ access, commands, directory, grid, ids, store }: Deps): Mediation["Service"] => {
  const fresh = <A>(make: Effect.Effect<A, never, IdGenerator>) => Effect.provideService(make, IdGenerator, ids)
  const can = access.can
  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)

  const loadConfig = (countyId: GridNodeId): Effect.Effect<MediationConfig, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultMediationConfig(countyId)))
  const zoneOf = (countyId: GridNodeId): Effect.Effect<string, StorageError> =>
    Effect.map(grid.getCounty(countyId), (county) => (Option.isSome(county) ? county.value.timeZone : DEFAULT_TIME_ZONE))

  /** A person a command references, loaded through the one scope check: in the county, where the actor may `action`. */
  const loadPerson = (actor: Actor, action: Action, id: PersonId, countyId: GridNodeId): Effect.Effect<PersonAccess, NotFound | Forbidden | StorageError> =>
    Effect.gen(function*() {
      const found = yield* directory.personAccess(id)
      if (Option.isNone(found)) return yield* Effect.fail(notFound("person", id))
      yield* access.check(actor, action, { entity: "person", id, nodeId: found.value.person.nodeId }, { county: countyId })
      return found.value
    })

  /** County-wide work (configuration, the supervision run): the actor holds `action` on the county itself. */
  const requireCountyWide = (actor: Actor, action: Action, countyId: GridNodeId): Effect.Effect<Place, NotFound | Forbidden | StorageError> =>
    Effect.gen(function*() {
      const county = yield* access.inCounty(actor, action, countyId)
      if (!can(actor, action, [countyId])) return yield* Effect.fail(forbidden(action, countyId))
      return county
    })

  // -- who may do what -------------------------------------------------------

  const streetPath = (c: MediationCase): ReadonlyArray<GridNodeId> => {
    const i = c.streetId === null ? -1 : c.scope.indexOf(c.streetId)
    return i < 0 ? [] : c.scope.slice(0, i + 1)
  }
  const isDepartmentStaff = (actor: Actor, config: MediationConfig, code: string): boolean =>
    config.departments.some((d) => d.code === code && d.staff.includes(actor.id as PersonId))
  /** One of the case's mediators, while they hold a mediator's post over its place. */
  const isMediator = (actor: Actor, c: MediationCase) => c.mediators.includes(actor.id as PersonId) && can(actor, "mediation.handle", c.scope)
  const isSupervisor = (actor: Actor, c: MediationCase) => c.supervisor !== null && c.supervisor === actor.id
  const community = (actor: Actor, c: MediationCase) => can(actor, "mediation.manage", c.scope) || isMediator(actor, c)
  const handler = (actor: Actor, c: MediationCase, config: MediationConfig): boolean => {
    switch (c.level) {
      case "community":
        return community(actor, c)
      case "street":
        return can(actor, "mediation.supervise", streetPath(c)) || isSupervisor(actor, c)
      case "department":
        return (c.department !== null && isDepartmentStaff(actor, config, c.department.code)) ||
          can(actor, "mediation.supervise", [c.countyId]) || isSupervisor(actor, c)
    }
  }
  /** Reads the case by a relation to it rather than by a grant over its place. */
  const readsByRelation = (actor: Actor, c: MediationCase, config: MediationConfig): boolean =>
    isMediator(actor, c) ||
    (c.streetId !== null && can(actor, "mediation.supervise", streetPath(c))) ||
    c.escalations.some((e) => (e.supervisor !== null && e.supervisor === actor.id) || (e.level === "department" && isDepartmentStaff(actor, config, e.to)))
  const mayRun = (actor: Actor, c: MediationCase, config: MediationConfig, command: CaseCommand["_tag"]): boolean => {
    switch (command) {
      case "Accept":
      case "Decline":
      case "Reopen":
        return can(actor, "mediation.manage", c.scope)
      case "Disclose":
      case "Rate":
      case "Close":
      case "Withdraw":
        return community(actor, c) || handler(actor, c, config)
      default:
        return handler(actor, c, config)
    }
  }

  /** The case is visible to the actor (else not found). */
  const authorizeRead = (actor: Actor, c: MediationCase, config: MediationConfig, places?: ReadonlyMap<GridNodeId, Place>) => {
    const target = { entity: ENTITY, id: c.id, nodeId: c.nodeId }
    const options = { county: c.countyId, read: "mediation.read", involved: readsByRelation(actor, c, config) } as const
    const place = places?.get(c.nodeId)
    // A batch read the case's place with the cases: the same check on it, not read again.
    return place === undefined ? access.check(actor, "mediation.read", target, options) : access.checkLoaded(actor, "mediation.read", place, target, options)
  }

  /** The case is visible to the actor, and the actor may run the command on it (else forbidden). */
  const authorizeCommand = (actor: Actor, c: MediationCase, config: MediationConfig, command: CaseCommand["_tag"], places?: ReadonlyMap<GridNodeId, Place>) =>
    Effect.gen(function*() {
      yield* authorizeRead(actor, c, config, places)
      if (!mayRun(actor, c, config, command)) return yield* Effect.fail(forbidden(`mediation: ${command}`, `mediation case ${c.id}`, `调解案件 ${c.id}`))
    })

  const loadCase = (id: CaseId) =>
    Effect.flatMap(store.get(id), Option.match({ onNone: () => Effect.fail(notFound(ENTITY, id)), onSome: (c) => Effect.succeed(c) }))

  // -- what a command needs --------------------------------------------------

  /** The street above the case's node, with the supervisor the county names for it. */
  const streetOf = (c: MediationCase, config: MediationConfig, known?: ReadonlyMap<GridNodeId, Place>): Effect.Effect<DecideContext["street"], StorageError> =>
    Effect.map(known !== undefined && c.scope.every((id) => known.has(id)) ? Effect.succeed(c.scope.map((id) => known.get(id)!)) : directory.getPlaces(c.scope), (places) => {
      const street = places.find((n) => n.level === config.streetLevel)
      if (street === undefined) return null
      const supervisor = config.streetSupervisors.find((s) => s.streetId === street.id)?.supervisor ?? null
      return { id: street.id, name: street.name, supervisor }
    })

  /**
   * The names to mask in a case's publication: the people involved (parties, mediators,
   * supervisors, the reporter, everyone who acted on the case, the staff of the departments
   * it went to) and the residents and people registered around its place.
   */
  const namesFor = (actor: Actor, c: MediationCase, config: MediationConfig): Effect.Effect<ReadonlyArray<string>, StorageError> =>
    Effect.gen(function*() {
      const around = yield* directory.namesAround(c.nodeId)
      const departments = new Set(c.escalations.filter((e) => e.level === "department").map((e) => e.to))
      const people = new Set<PersonId>([
        ...c.parties.flatMap((p) => (p.kind === "person" ? [p.personId] : [])),
        ...c.mediators,
        ...(c.supervisor === null ? [] : [c.supervisor]),
        ...c.escalations.flatMap((e) => (e.supervisor === null ? [] : [e.supervisor])),
        ...(isPersonId(c.reportedBy.id) ? [c.reportedBy.id] : []),
        // Everyone who acted on the case, wherever they are registered, and who publishes it.
        ...c.actedBy.filter(isPersonId),
        ...(isPersonId(actor.id) ? [actor.id] : []),
        ...config.departments.filter((d) => departments.has(d.code)).flatMap((d) => [...d.staff, ...(d.supervisor === null ? [] : [d.supervisor])])
      ])
      const found = yield* Effect.forEach([...people], (id) => directory.personAccess(id))
      return [...around, ...found.flatMap((p) => (Option.isSome(p) ? [p.value.person.name] : []))]
    })

  const contextFor = (actor: Actor, c: MediationCase, config: MediationConfig, command: CaseCommand, at: Instant, missed: RunningDeadline | undefined, places?: ReadonlyMap<GridNodeId, Place>) =>
    Effect.gen(function*() {
      const context: { -readonly [K in keyof DecideContext]: DecideContext[K] } = { at, actor: refOf(actor), config, missed }
      switch (command._tag) {
        case "Reopen":
          context.zone = yield* zoneOf(c.countyId)
          break
        case "Accept": {
          for (const [i, id] of command.mediators.entries()) {
            const person = yield* loadPerson(actor, "mediation.manage", id, c.countyId)
            const as = actorOf(person, localDate(at, person.timeZone))
            if (!can(as, "mediation.handle", c.scope) && !can(as, "mediation.manage", c.scope)) {
              return yield* Effect.fail(invalidField(`mediators.${i}`, "must hold a mediator's post (or manage mediation) over the case's place", "须在案件发生地担任调解员（或负责调解工作）"))
            }
          }
          break
        }
        case "Escalate": {
          if (command.to === "street") context.street = yield* streetOf(c, config, places)
          if (command.supervisor !== undefined) yield* loadPerson(actor, "mediation.supervise", command.supervisor, c.countyId)
          break
        }
        case "Disclose":
          context.names = yield* namesFor(actor, c, config)
          break
        default:
          break
      }
      return context as DecideContext
    })

  /**
   * Runs one command on a case through the pipeline; `missed` marks the supervision run's
   * escalation for that deadline; `loaded`, the case and configuration a batch read.
   */
  const runCase = (actor: Actor, id: CaseId, command: CaseCommand, missed?: RunningDeadline, loaded?: LoadedCase) => {
    let config: MediationConfig | undefined
    return commands.run<MediationCase, DecideCommand, CaseEvent, DecideContext, MediationError, never>({
      actor,
      aggregate: ENTITY,
      id,
      decider: caseDecider,
      command: command as DecideCommand,
      load: loaded === undefined ? loadCase(id) : Effect.succeed(loaded.case),
      authorize: (c) =>
        Effect.gen(function*() {
          config = loaded?.config ?? (yield* loadConfig(c!.countyId))
          yield* authorizeCommand(actor, c!, config, command._tag, loaded?.places)
        }),
      context: (c, at) => contextFor(actor, c!, config!, command, at, missed, loaded?.places),
      save: (next, expectedVersion) => store.update(next, expectedVersion, missed === undefined ? undefined : deadlineKey(missed)),
      record: recordCaseEvent
    })
  }

  /** The `[from, to)` of a statistics period in the county's calendar. */
  const periodOf = (period: PeriodQuery, zone: string, at: Instant): Effect.Effect<{ readonly from?: Instant | undefined; readonly to?: Instant | undefined }, InvalidInput> => {
    const given = [period.month !== undefined, period.date !== undefined, period.from !== undefined || period.to !== undefined].filter(Boolean).length
    if (given > 1) return Effect.fail(invalidField("", "give one period: a month, a date, or from and to", "只能指定一种时段：月份、日期或起止时间"))
    if (period.month !== undefined) {
      const month = period.month === "current" ? localMonth(at, zone) : period.month
      const [from, to] = monthWindow(startOfDate(`${month}-01`, zone), zone)
      return Effect.succeed({ from, to })
    }
    if (period.date !== undefined) {
      const date = period.date === "today" ? localDate(at, zone) : period.date
      return Effect.succeed({ from: startOfDate(date, zone), to: startOfDate(addDays(date, 1), zone) })
    }
    if (period.from !== undefined && period.to !== undefined && period.from >= period.to) {
      return Effect.fail(invalidField("to", "must be after from", "必须晚于开始时间"))
    }
    return Effect.succeed({ from: period.from, to: period.to })
  }

  return Mediation.of({
    configure: (actor, countyId, input) =>
      Effect.flatMap(decodeConfigure(input), (command) =>
      Effect.map(
        commands.run<MediationConfig, ConfigureMediation, MediationConfigEvent, ConfigContext, MediationError, never>({
          actor,
          aggregate: "mediation configuration",
          id: countyId,
          decider: mediationConfigDecider,
          command,
          load: loadConfig(countyId),
          authorize: () => Effect.asVoid(requireCountyWide(actor, "mediation.supervise", countyId)),
          context: (current, at) =>
            Effect.gen(function*() {
              // Every street and person the change names: in this county, where the actor supervises.
              const streetLevel = command.streetLevel ?? current!.streetLevel
              for (const [i, s] of (command.streetSupervisors ?? []).entries()) {
                const street = yield* access.at(actor, "mediation.supervise", s.streetId, { county: countyId, live: true })
                if (street.level !== streetLevel) {
                  return yield* Effect.fail(invalidField(`streetSupervisors.${i}.streetId`, `must be a node at the level "${streetLevel}"`, `必须是「${streetLevel}」层级的节点`))
                }
                yield* loadPerson(actor, "mediation.supervise", s.supervisor, countyId)
              }
              for (const d of command.departments ?? []) {
                for (const id of [...d.staff, ...(d.supervisor === null ? [] : [d.supervisor])]) yield* loadPerson(actor, "mediation.supervise", id, countyId)
              }
              return { at, actor: refOf(actor) }
            }),
          save: (next, expectedVersion) => store.saveConfig(next, expectedVersion),
          record: recordMediationConfigEvent
        }),
        (result) => result.state
      )),

    getConfig: (actor, countyId) =>
      Effect.gen(function*() {
        yield* access.inCounty(actor, "county.config.read", countyId)
        return yield* loadConfig(countyId)
      }),

    report: (actor, command) =>
      Effect.gen(function*() {
        const id = yield* fresh(newCaseId)
        let place: Place | undefined
        const result = yield* commands.run<MediationCase, DecideCommand, CaseEvent, DecideContext, MediationError, never>({
          actor,
          aggregate: ENTITY,
          id,
          decider: caseDecider,
          command: { _tag: "Report", ...command } as DecideCommand,
          load: Effect.succeed(undefined),
          authorize: () => Effect.map(access.at(actor, "mediation.report", command.nodeId, { live: true }), (p) => void (place = p)),
          context: (_, at) =>
            Effect.gen(function*() {
              const p = place!
              for (const party of command.parties) {
                if (party.kind === "person") yield* loadPerson(actor, "mediation.report", party.personId, p.countyId)
              }
              return {
                at,
                actor: refOf(actor),
                config: yield* loadConfig(p.countyId),
                place: { id, countyId: p.countyId, nodeId: p.id, scope: pathOf(p), placeName: p.name }
              } satisfies DecideContext
            }),
          save: (next) => store.insert(next),
          record: recordCaseEvent
        })
        return result.state
      }),

    execute: (actor, id, command) => Effect.map(runCase(actor, id, command), (result) => result.state),

    get: (actor, id) =>
      Effect.gen(function*() {
        const c = yield* loadCase(id)
        yield* authorizeRead(actor, c, yield* loadConfig(c.countyId))
        return c
      }),

    list: (actor, rootId, filter = {}) =>
      Effect.gen(function*() {
        // A department's staff list the cases currently with their department.
        let involved = false
        if (filter.department !== undefined) {
          const found = yield* directory.getPlace(rootId)
          if (Option.isSome(found)) involved = isDepartmentStaff(actor, yield* loadConfig(found.value.countyId), filter.department)
        }
        const root = yield* access.at(actor, "mediation.read", rootId, { live: true, involved })
        const page = yield* store.list({
          scope: pathOf(root),
          state: filter.state,
          status: filter.status,
          level: filter.level,
          category: filter.category,
          department: filter.department,
          after: filter.after,
          limit: limitOf(filter)
        })
        return { items: page.items.map(caseSummary), next: page.next }
      }),

    overdue: (actor, rootId, options = {}) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "mediation.read", rootId, { live: true })
        const at = yield* now
        const rows = yield* store.overdue({ now: at, scope: pathOf(root), limit: limitOf(options) })
        return rows.map((r) => overdueView(r, at))
      }),

    statistics: (actor, rootId, period = {}) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "mediation.read", rootId, { live: true })
        const zone = yield* zoneOf(root.countyId)
        const { from, to } = yield* periodOf(period, zone, yield* now)
        const scope = pathOf(root)
        const config = yield* loadConfig(root.countyId)
        const facts = yield* store.statistics({ scope, from, to })
        const lastYear = from !== undefined && to !== undefined
          ? yield* Effect.map(
            store.statistics({ scope, from: shiftMonths(from, -12, zone), to: shiftMonths(to, -12, zone) }),
            (f) => ({ from: shiftMonths(from, -12, zone), to: shiftMonths(to, -12, zone), facts: f })
          )
          : null
        return computeStatistics({ rootId, from: from ?? null, to: to ?? null, facts, categories: config.categories, lastYear })
      }),

    runSupervision: makeSupervision({ access, commands, directory, loadConfig, requireCountyWide, runCase, store, system: SYSTEM }),

    disclosure: (id) =>
      Effect.gen(function*() {
        const found = yield* store.get(id)
        const disclosure = Option.isSome(found) ? buildDisclosure(found.value) : undefined
        if (disclosure === undefined) return yield* Effect.fail(notFound(ENTITY, id))
        return disclosure
      }),

    publicList: (rootId, page) =>
      Effect.gen(function*() {
        const root = yield* directory.getPlace(rootId)
        if (Option.isNone(root) || root.value.status !== "active") return yield* Effect.fail(notFound("grid node", rootId))
        const found = yield* store.list({ scope: pathOf(root.value), disclosed: true, after: page?.after, limit: limitOf(page) })
        return { items: found.items.flatMap((c) => buildDisclosure(c) ?? []), next: found.next }
      })
  })
}
