/**
 * The mediation use cases. Each one authorises the actor against the case's grid scope and
 * handling level, loads, decides with the pure machine, then saves the case and its events
 * in one unit of work. The supervision run escalates overdue cases as the system actor.
 *
 * Who may do what:
 * - **report**: `mediation.report` at the node where the dispute happened;
 * - **read**: `mediation.read` on the case's node (community staff, grid workers of its
 *   grid, …), its mediators, and whoever the case was escalated to;
 * - **accept, decline, reopen**: `mediation.manage` on the case's node (community staff);
 * - **hearing, deliberation, agreement, escalation, resolution** at community level: the
 *   case's own mediators (`mediation.handle`) and community staff; at street level:
 *   `mediation.supervise` on the street, or the named supervisor; at department level: the
 *   department's staff (from the county's registry), its supervisor, or
 *   `mediation.supervise` on the county;
 * - **disclose, rate, close, withdraw**: the community staff or the level handling it.
 *
 * @since 0.2.0
 */
import { Context, Effect, Layer, Option } from "effect"
import { type Actor, systemActor } from "../kernel/actor.js"
import {
  forbidden,
  invalidField,
  notFound,
  staleVersion,
  type Conflict,
  type Forbidden,
  type InvalidInput,
  type InvalidTransition,
  type NotFound,
  type StorageError
} from "../kernel/errors.js"
import { makeEvent, type NewEvent } from "../kernel/events.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import { type Action, allowedScopes, isAllowed, PermissionPolicy, type Policy } from "../kernel/permissions.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { type Instant, now } from "../kernel/time.js"
import type { GridNode } from "../grid/model.js"
import { GridStore } from "../grid/store.js"
import { type CaseEvent, decideCase, type DecideCommand, type DecideContext, evolveCase } from "./machine.js"
import {
  type CaseCommand,
  type CaseId,
  type CaseState,
  type CaseStatus,
  type ConfigureMediation,
  type DeadlineKind,
  type HandlingLevel,
  type MediationCase,
  type MediationConfig,
  newCaseId,
  type ReportCase
} from "./model.js"
import {
  buildDisclosure,
  caseSummary,
  computeStatistics,
  deadlineKey,
  defaultMediationConfig,
  departmentFor,
  escalationTarget,
  logPayload,
  overdueView
} from "./rules.js"
import { MediationStore } from "./store.js"
import type { CaseSummary, Disclosure, MediationStatistics, OverdueCase, SupervisionReport } from "./views.js"

/**
 * Every error a mediation use case can fail with.
 *
 * @category errors
 * @since 0.2.0
 */
export type MediationError = NotFound | Forbidden | Conflict | InvalidInput | InvalidTransition | StorageError

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
  /** Cases currently with this department; its staff may list them from the county root. */
  readonly department?: string | undefined
}

/**
 * The mediation use cases.
 *
 * @category services
 * @since 0.2.0
 */
export class Mediation extends Context.Service<Mediation, {
  /** Changes a county's configuration (`mediation.supervise` on the county). */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureMediation) => Fx<MediationConfig>
  /** A county's configuration, or the defaults when it has none (anyone working in the county). */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<MediationConfig>
  /** Reports a dispute (群众反映): the case starts as `reported`. Needs `mediation.report` where it happened. */
  readonly report: (actor: Actor, command: ReportCase) => Fx<MediationCase>
  /** Runs one command on a case. */
  readonly execute: (actor: Actor, id: CaseId, command: CaseCommand) => Fx<MediationCase>
  /** One case, with its parties' personal data, for those who may read it. */
  readonly get: (actor: Actor, id: CaseId) => Fx<MediationCase>
  /** Cases below a node, a page at a time, filtered by state, category or level. */
  readonly list: (actor: Actor, rootId: GridNodeId, filter?: CaseFilter) => Fx<Page<CaseSummary>>
  /** Cases in the subtree past their current deadline, most overdue first. */
  readonly overdue: (actor: Actor, rootId: GridNodeId, options?: { readonly limit?: number | undefined }) => Fx<ReadonlyArray<OverdueCase>>
  /** Cases by category, state and level; response, resolution and satisfaction rates; median time to resolve; on-time rate per level. */
  readonly statistics: (actor: Actor, rootId: GridNodeId, period?: { readonly from?: Instant | undefined; readonly to?: Instant | undefined }) => Fx<MediationStatistics>
  /**
   * Escalates every overdue case once per missed deadline, as the system actor: a
   * community's missed deadline goes to the street, a street's to the department that
   * takes the category. Safe to run repeatedly and from several processes at once. Needs
   * `mediation.supervise` on the county, or everywhere when no county is named.
   */
  readonly runSupervision: (actor: Actor, options?: { readonly countyId?: GridNodeId | undefined; readonly limit?: number | undefined }) => Fx<SupervisionReport>
  /** The public disclosure of a disclosed case; no actor needed. */
  readonly disclosure: (id: CaseId) => Fx<Disclosure>
  /** The public board of a subtree: disclosures of its disclosed cases; no actor needed. */
  readonly publicList: (rootId: GridNodeId, page?: PageRequest) => Fx<Page<Disclosure>>
}>()("@mulin/core/mediation/Mediation") {
  /**
   * The use cases over the ports. The permission policy is read once, when the layer is
   * built.
   *
   * @category layers
   * @since 0.2.0
   */
  static readonly layer: Layer.Layer<Mediation, never, MediationStore | GridStore | EventLog | UnitOfWork | IdGenerator> = Layer.effect(
    Mediation,
    Effect.gen(function*() {
      return makeMediation({
        store: yield* MediationStore,
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
  readonly store: MediationStore["Service"]
  readonly grid: GridStore["Service"]
  readonly log: EventLog["Service"]
  readonly uow: UnitOfWork["Service"]
  readonly ids: IdGenerator["Service"]
  readonly policy: Policy
}

const ENTITY = "mediation case"
const SYSTEM = systemActor()

const makeMediation = ({ grid, ids, log, policy, store, uow }: Deps): Mediation["Service"] => {
  const fresh = <A>(make: Effect.Effect<A, never, IdGenerator>) => Effect.provideService(make, IdGenerator, ids)
  const can = (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>) => isAllowed(policy, actor, action, path)
  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)

  const loadNode = (id: GridNodeId): Effect.Effect<GridNode, NotFound | StorageError> =>
    Effect.flatMap(grid.getNode(id), (found) =>
      Option.isSome(found) && found.value.status === "active" ? Effect.succeed(found.value) : Effect.fail(notFound("grid node", id)))
  const pathOf = (node: GridNode): ReadonlyArray<GridNodeId> => [...node.path, node.id]

  const loadConfig = (countyId: GridNodeId): Effect.Effect<MediationConfig, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultMediationConfig(countyId)))

  // -- who may do what -------------------------------------------------------

  const streetPath = (c: MediationCase): ReadonlyArray<GridNodeId> => {
    const i = c.streetId === null ? -1 : c.scope.indexOf(c.streetId)
    return i < 0 ? [] : c.scope.slice(0, i + 1)
  }
  const departmentStaff = (actor: Actor, config: MediationConfig, code: string): boolean =>
    config.departments.some((d) => d.code === code && d.staff.includes(actor.id))
  const isMediator = (actor: Actor, c: MediationCase) => c.mediators.some((m) => m.id === actor.id)
  const community = (actor: Actor, c: MediationCase) =>
    can(actor, "mediation.manage", c.scope) || (isMediator(actor, c) && can(actor, "mediation.handle", c.scope))
  const handler = (actor: Actor, c: MediationCase, config: MediationConfig): boolean => {
    switch (c.level) {
      case "community":
        return community(actor, c)
      case "street":
        return can(actor, "mediation.supervise", streetPath(c)) || c.supervisor?.id === actor.id
      case "department":
        return (c.department !== null && departmentStaff(actor, config, c.department.code)) ||
          can(actor, "mediation.supervise", [c.countyId]) || c.supervisor?.id === actor.id
    }
  }
  const reads = (actor: Actor, c: MediationCase, config: MediationConfig): boolean =>
    can(actor, "mediation.read", c.scope) ||
    isMediator(actor, c) ||
    (c.streetId !== null && can(actor, "mediation.supervise", streetPath(c))) ||
    c.escalations.some((e) => e.supervisor.id === actor.id || (e.level === "department" && departmentStaff(actor, config, e.to)))
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

  /** Loads a case the actor may read; one it may not is reported as not found. */
  const loadReadable = (actor: Actor, id: CaseId) =>
    Effect.gen(function*() {
      const found = yield* store.get(id)
      if (Option.isNone(found)) return yield* Effect.fail(notFound(ENTITY, id))
      const config = yield* loadConfig(found.value.countyId)
      if (!reads(actor, found.value, config)) return yield* Effect.fail(notFound(ENTITY, id))
      return { c: found.value, config }
    })

  // -- events ----------------------------------------------------------------

  const toLog = (c: MediationCase, events: ReadonlyArray<CaseEvent>, firstVersion: number): Effect.Effect<Array<NewEvent>> =>
    Effect.forEach(events, (e, i) =>
      fresh(makeEvent({
        type: `mediation.case.${e.type}`,
        aggregate: { type: ENTITY, id: c.id, version: firstVersion + i },
        actor: e.actor,
        at: e.at,
        scope: c.scope,
        payload: logPayload(e)
      })))

  const apply = (c: MediationCase | undefined, events: ReadonlyArray<CaseEvent>): MediationCase => {
    const next = events.reduce(evolveCase, c)!
    return { ...next, version: (c?.version ?? 0) + events.length }
  }

  /** The street above the case's node, with the supervisor the county names for it. */
  const streetOf = (c: MediationCase, config: MediationConfig): Effect.Effect<DecideContext["street"], StorageError> =>
    Effect.map(grid.getNodes(c.scope), (nodes) => {
      const street = nodes.find((n) => n.level === config.streetLevel)
      if (street === undefined) return null
      const supervisor = config.streetSupervisors.find((s) => s.streetId === street.id)?.supervisor ?? null
      return { id: street.id, name: street.name, supervisor }
    })

  /** Decides, applies and saves one command on a loaded case, inside the caller's unit of work. */
  const run = (
    actor: Actor,
    c: MediationCase,
    config: MediationConfig,
    command: CaseCommand,
    missed?: { readonly kind: DeadlineKind; readonly dueAt: Instant }
  ) =>
    Effect.gen(function*() {
      const at = yield* now
      const street = command._tag === "Escalate" && command.to === "street" ? yield* streetOf(c, config) : undefined
      const events = yield* Effect.fromResult(decideCase(c, command, { at, actor: { id: actor.id, kind: actor.kind }, config, street, missed }))
      const next = apply(c, events)
      yield* store.update(next, c.version, missed === undefined ? undefined : deadlineKey(missed))
      yield* log.append(yield* toLog(next, events, c.version + 1))
      return next
    })

  const checkConfig = (config: MediationConfig): Effect.Effect<void, InvalidInput> => {
    const keys = new Set<string>()
    for (const [i, c] of config.categories.entries()) {
      if (keys.has(c.key)) return Effect.fail(invalidField(`categories.${i}.key`, `repeats the category ${c.key}`, `类别 ${c.key} 重复`))
      keys.add(c.key)
    }
    const codes = new Set<string>()
    for (const [i, d] of config.departments.entries()) {
      if (codes.has(d.code)) return Effect.fail(invalidField(`departments.${i}.code`, `repeats the department ${d.code}`, `部门 ${d.code} 重复`))
      codes.add(d.code)
      const unknown = d.categories.find((k) => !keys.has(k))
      if (unknown !== undefined) return Effect.fail(invalidField(`departments.${i}.categories`, `names the unknown category ${unknown}`, `含未知类别 ${unknown}`))
    }
    if (config.defaultDepartment !== null && !codes.has(config.defaultDepartment)) {
      return Effect.fail(invalidField("defaultDepartment", "must be one of the departments", "必须是已登记的部门之一"))
    }
    return Effect.void
  }

  const requireCounty = (actor: Actor, action: Action, countyId: GridNodeId) =>
    Effect.gen(function*() {
      const county = yield* grid.getCounty(countyId)
      if (Option.isNone(county)) return yield* Effect.fail(notFound("county", countyId))
      if (!can(actor, action, [countyId])) return yield* Effect.fail(forbidden(action, countyId))
    })

  return Mediation.of({
    configure: (actor, countyId, command) =>
      uow.transaction(Effect.gen(function*() {
        yield* requireCounty(actor, "mediation.supervise", countyId)
        const current = yield* loadConfig(countyId)
        if (command.expectedVersion !== undefined && command.expectedVersion !== current.version) {
          return yield* Effect.fail(staleVersion("mediation configuration", countyId, command.expectedVersion, current.version))
        }
        const at = yield* now
        const { expectedVersion: _, ...changes } = command
        const next: MediationConfig = { ...current, ...changes, version: current.version + 1, updatedAt: at }
        yield* checkConfig(next)
        yield* store.saveConfig(next, current.version)
        yield* log.append([yield* fresh(makeEvent({
          type: "mediation.config.changed",
          aggregate: { type: "mediation configuration", id: countyId, version: next.version },
          actor,
          at,
          scope: [countyId],
          payload: { changed: Object.keys(changes) }
        }))])
        return next
      })),

    getConfig: (actor, countyId) =>
      Effect.gen(function*() {
        const county = yield* grid.getCounty(countyId)
        const scopes = allowedScopes(policy, actor, "grid.tree.read")
        if (Option.isNone(county)) return yield* Effect.fail(notFound("county", countyId))
        if (scopes !== "*") {
          const nodes = yield* grid.getNodes(scopes)
          if (!nodes.some((n) => n.countyId === countyId)) return yield* Effect.fail(notFound("county", countyId))
        }
        return yield* loadConfig(countyId)
      }),

    report: (actor, command) =>
      Effect.gen(function*() {
        const node = yield* loadNode(command.nodeId)
        const path = pathOf(node)
        if (!can(actor, "grid.tree.read", path) && !can(actor, "mediation.report", path)) return yield* Effect.fail(notFound("grid node", node.id))
        if (!can(actor, "mediation.report", path)) return yield* Effect.fail(forbidden("mediation.report", node.id))
        const config = yield* loadConfig(node.countyId)
        const at = yield* now
        const id = yield* fresh(newCaseId)
        const context: DecideContext = {
          at,
          actor: { id: actor.id, kind: actor.kind },
          config,
          place: { id, countyId: node.countyId, nodeId: node.id, scope: path, placeName: node.name }
        }
        const events = yield* Effect.fromResult(decideCase(undefined, { _tag: "Report", ...command } as DecideCommand, context))
        const created = apply(undefined, events)
        const logged = yield* toLog(created, events, 1)
        yield* uow.transaction(Effect.gen(function*() {
          yield* store.insert(created)
          yield* log.append(logged)
        }))
        return created
      }),

    execute: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const { c, config } = yield* loadReadable(actor, id)
        if (!mayRun(actor, c, config, command._tag)) return yield* Effect.fail(forbidden(`mediation: ${command._tag}`, c.nodeId))
        if (command.expectedVersion !== undefined && command.expectedVersion !== c.version) {
          return yield* Effect.fail(staleVersion(ENTITY, id, command.expectedVersion, c.version))
        }
        return yield* run(actor, c, config, command)
      })),

    get: (actor, id) => Effect.map(loadReadable(actor, id), ({ c }) => c),

    list: (actor, rootId, filter = {}) =>
      Effect.gen(function*() {
        const root = yield* loadNode(rootId)
        let scope = pathOf(root)
        if (!can(actor, "mediation.read", scope)) {
          const config = yield* loadConfig(root.countyId)
          if (filter.department === undefined || !departmentStaff(actor, config, filter.department)) {
            return yield* Effect.fail(can(actor, "grid.tree.read", scope) ? forbidden("mediation.read", rootId) : notFound("grid node", rootId))
          }
          // A department's staff list their department's cases in the whole county.
          scope = [root.countyId]
        }
        const page = yield* store.list({
          scope,
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
        const root = yield* loadNode(rootId)
        const scope = pathOf(root)
        if (!can(actor, "mediation.read", scope)) return yield* Effect.fail(can(actor, "grid.tree.read", scope) ? forbidden("mediation.read", rootId) : notFound("grid node", rootId))
        const at = yield* now
        const rows = yield* store.overdue({ now: at, scope, limit: limitOf(options) })
        return rows.map((r) => overdueView(r, at))
      }),

    statistics: (actor, rootId, period = {}) =>
      Effect.gen(function*() {
        const root = yield* loadNode(rootId)
        const scope = pathOf(root)
        if (!can(actor, "mediation.read", scope)) return yield* Effect.fail(can(actor, "grid.tree.read", scope) ? forbidden("mediation.read", rootId) : notFound("grid node", rootId))
        if (period.from !== undefined && period.to !== undefined && period.from >= period.to) {
          return yield* Effect.fail(invalidField("to", "must be after from", "必须晚于开始时间"))
        }
        const config = yield* loadConfig(root.countyId)
        const facts = yield* store.statistics({ scope, from: period.from, to: period.to })
        return computeStatistics({ rootId, from: period.from ?? null, to: period.to ?? null, facts, categories: config.categories })
      }),

    runSupervision: (actor, options = {}) =>
      Effect.gen(function*() {
        let scope: ReadonlyArray<GridNodeId> | undefined
        if (options.countyId !== undefined) {
          yield* requireCounty(actor, "mediation.supervise", options.countyId)
          scope = [options.countyId]
        } else if (allowedScopes(policy, actor, "mediation.supervise") !== "*") {
          return yield* Effect.fail(forbidden("mediation.supervise", "the whole store"))
        }
        const at = yield* now
        const rows = yield* store.overdue({ now: at, scope, limit: Math.max(1, Math.floor(options.limit ?? 10_000)) })
        const configs = new Map<GridNodeId, MediationConfig>()
        const escalated: Array<SupervisionReport["escalated"][number]> = []
        const skipped: Array<SupervisionReport["skipped"][number]> = []
        for (const row of rows) {
          const to = escalationTarget(row.level, row.kind)
          if (to === null) {
            skipped.push({ id: row.id, reason: "already with a department: reported as overdue only" })
            continue
          }
          let config = configs.get(row.countyId)
          if (config === undefined) configs.set(row.countyId, (config = yield* loadConfig(row.countyId)))
          const department = to === "department" ? departmentFor(config, row.category) : null
          if (to === "department" && department === null) {
            skipped.push({ id: row.id, reason: "no department takes this category" })
            continue
          }
          const missed = { kind: row.kind, dueAt: row.dueAt }
          const outcome = yield* uow.transaction(Effect.gen(function*() {
            const found = yield* store.get(row.id)
            if (Option.isNone(found)) return "gone"
            const c = found.value
            // Another run (or a person) moved the case on since the scan: that deadline is no longer the case's.
            if (c.deadline === null || deadlineKey(c.deadline) !== deadlineKey(missed)) return "changed since the scan"
            yield* run(SYSTEM, c, config, {
              _tag: "Escalate",
              to,
              ...(department === null ? {} : { department }),
              reason: `deadline missed: ${row.kind} due ${row.dueAt}`
            }, missed)
            return "escalated"
          })).pipe(
            Effect.catchTag("Conflict", (e) => Effect.succeed(e.reason === "already_escalated" ? "already escalated by another run" : "changed by another writer")),
            Effect.catchTag(["InvalidInput", "InvalidTransition"], (e) => Effect.succeed(`cannot escalate: ${e.message}`))
          )
          if (outcome === "escalated") escalated.push({ id: row.id, to, missed: row.kind })
          else skipped.push({ id: row.id, reason: outcome })
        }
        return { at, overdue: rows.length, escalated, skipped }
      }),

    disclosure: (id) =>
      Effect.gen(function*() {
        const found = yield* store.get(id)
        if (Option.isNone(found) || found.value.disclosedAt === null) return yield* Effect.fail(notFound(ENTITY, id))
        return buildDisclosure(found.value, yield* loadConfig(found.value.countyId))
      }),

    publicList: (rootId, page) =>
      Effect.gen(function*() {
        const root = yield* loadNode(rootId)
        const config = yield* loadConfig(root.countyId)
        const found = yield* store.list({ scope: pathOf(root), disclosed: true, after: page?.after, limit: limitOf(page) })
        return { items: found.items.map((c) => buildDisclosure(c, config)), next: found.next }
      })
  })
}
