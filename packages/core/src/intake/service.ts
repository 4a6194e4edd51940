/**
 * The intake use cases (一口式受理): one entry for what a resident brings, whatever the
 * channel. Every change runs through the kernel's one pipeline (`Commands.run`) with the
 * request decider, in one unit of work; every id a command names goes through `Access`.
 *
 * Who may do what:
 * - **receive** a request: `intake.receive` at its node (grid workers, community, street
 *   and county staff); the resident, when a person, must lie in the receiver's scope;
 * - **accept**, **route**, **resolve**, **reject** and **merge**: `intake.handle` at the
 *   request's node (community, street and county staff). Routing raises the need, case or
 *   item through that context's use case with the staff member's own rights, in the same
 *   unit of work as the request's change: one refused, nothing is written;
 * - **read** requests: `intake.read`; the contact of a resident the grid does not know is
 *   shown whole only to staff who read personal data (`grid.personal.read`) there;
 * - **follow** and **rate** without signing in: the reference number and the follow code
 *   shown once at intake; wrong codes are counted and lock following the request for an
 *   hour after five within an hour;
 * - **configure** the categories and the reference prefix: `grid.node.write` on the county.
 *
 * @since 0.5.0
 */
import { Context, Effect, Layer, Option } from "effect"
import { type Actor, type ActorRef, systemActor } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { Directory, pathOf, type Place } from "../kernel/directory.js"
import { conflict, type DomainError, invalidField, notFound, type StorageError } from "../kernel/errors.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import { redactorFor } from "../kernel/redact.js"
import { constantTimeEqual, Secrets } from "../kernel/secrets.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { DEFAULT_TIME_ZONE, type Instant, localDate, now } from "../kernel/time.js"
import { commandDecoder, type KernelServices, kernelServices, referencedPerson, runCountyConfig } from "../kernel/useCases.js"
import { GridStore } from "../grid/store.js"
import type { Deliberation } from "../deliberation/service.js"
import type { Matching } from "../matching/service.js"
import type { Mediation } from "../mediation/service.js"
import { followUpContexts, type FollowUpContexts, raiseFollowUp } from "../visits/raise.js"
import { type IntakeCommand, type IntakeContext, intakeConfigDecider, intakeDecider, intakeTransitions } from "./machine.js"
import {
  ConfigureIntake,
  FollowRequest,
  type IntakeChannel,
  type IntakeConfig,
  type IntakeConfigEvent,
  type IntakeEvent,
  type IntakeRequest,
  type IntakeRequestId,
  type IntakeRoute,
  type IntakeStatus,
  MergeRequest,
  newIntakeRequestId,
  type PublicIntakeRequest,
  RateRequest,
  type ReceivedRequest,
  ReceiveRequest,
  RejectRequest,
  ResolveRequest,
  RouteRequest,
  type StoredIntakeRequest
} from "./model.js"
import { defaultIntakeConfig, FOLLOW_CODE_DIGITS, followGuardAfterFailure, followLocked, formatReference } from "./rules.js"
import { IntakeStore } from "./store.js"
import { INTAKE_AGGREGATE, intakePublicView, intakeStaffView, recordIntakeConfigEvent, recordIntakeEvent } from "./views.js"

/**
 * What an intake use case fails with: a domain error, or the store's.
 *
 * @category errors
 * @since 0.5.0
 */
export type IntakeError = DomainError | StorageError

type Fx<A> = Effect.Effect<A, IntakeError>

/**
 * Which requests a list shows (status, channel, category), a page at a time from `after`.
 *
 * @category models
 * @since 0.5.0
 */
export interface IntakeFilter extends PageRequest {
  readonly status?: IntakeStatus | undefined
  readonly channel?: IntakeChannel | undefined
  readonly category?: string | undefined
}

/**
 * The intake use cases.
 *
 * @category services
 * @since 0.5.0
 */
export class Intake extends Context.Service<Intake, {
  /** Changes a county's categories and reference prefix (`grid.node.write` on the county); nothing when they stay. */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureIntake) => Fx<IntakeConfig>
  /** A county's categories and prefix (the seed's until it saves its own), for its staff. */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<IntakeConfig>
  /** Takes a request in (`intake.receive`): the request and its follow code, shown this once. */
  readonly receive: (actor: Actor, command: ReceiveRequest) => Fx<ReceivedRequest>
  /** One request (`intake.read`). */
  readonly get: (actor: Actor, id: IntakeRequestId) => Fx<IntakeRequest>
  /** The requests of a subtree, in the order received (`intake.read`). */
  readonly list: (actor: Actor, rootId: GridNodeId, filter?: IntakeFilter) => Fx<Page<IntakeRequest>>
  /** Confirms a request: the response (`intake.handle`). */
  readonly accept: (actor: Actor, id: IntakeRequestId) => Fx<IntakeRequest>
  /** Routes a request to a need, a case, an item (raised in the same unit of work) or a department (`intake.handle`). */
  readonly route: (actor: Actor, id: IntakeRequestId, command: RouteRequest) => Fx<IntakeRequest>
  /** Resolves a request with the outcome the resident reads (`intake.handle`). */
  readonly resolve: (actor: Actor, id: IntakeRequestId, command: ResolveRequest) => Fx<IntakeRequest>
  /** Rejects a request with a reason code (`intake.handle`). */
  readonly reject: (actor: Actor, id: IntakeRequestId, command: RejectRequest) => Fx<IntakeRequest>
  /** Merges a duplicate into an open request of the same county (`intake.handle` on both). */
  readonly merge: (actor: Actor, id: IntakeRequestId, command: MergeRequest) => Fx<IntakeRequest>
  /** The resident's view of a request, by reference and follow code, without signing in. */
  readonly follow: (countyId: GridNodeId, command: FollowRequest) => Fx<PublicIntakeRequest>
  /** The resident's rating of a closed request's outcome (1 to 5, once), by reference and follow code. */
  readonly rate: (countyId: GridNodeId, command: RateRequest) => Fx<PublicIntakeRequest>
}>()("@mulin/core/intake/Intake") {
  /**
   * The use cases over the ports and the contexts a request is routed to, with the kernel
   * (`Access`, `Commands`) provided to them.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer: Layer.Layer<Intake, never, IntakeStore | GridStore | Directory | EventLog | UnitOfWork | IdGenerator | Matching | Mediation | Deliberation> = Layer.effect(
    Intake,
    Effect.gen(function*() {
      const kernel = yield* kernelServices
      return makeIntake({ ...kernel, ...(yield* followUpContexts), store: yield* IntakeStore, grid: yield* GridStore, uow: yield* UnitOfWork })
    })
  ).pipe(Layer.provide(layerKernel))
}

interface Deps extends KernelServices, FollowUpContexts {
  readonly store: IntakeStore["Service"]
  readonly grid: GridStore["Service"]
  readonly uow: UnitOfWork["Service"]
}

const requests: Decider<StoredIntakeRequest, IntakeCommand, IntakeEvent, IntakeContext, IntakeError> = intakeDecider
const configs: Decider<IntakeConfig, ConfigureIntake, IntakeConfigEvent, { readonly at: Instant; readonly actor: ActorRef }, IntakeError> = intakeConfigDecider

const REQUEST = "intake request"
const CONFIG = "intake configuration"
/** The actor of what a resident does through the follow view. */
const FOLLOWER = systemActor("intake-follower")

const refOf = (actor: Actor): ActorRef => ({ id: actor.id, kind: actor.kind })

const decodeReceive = commandDecoder(ReceiveRequest)
const decodeRoute = commandDecoder(RouteRequest)
const decodeResolve = commandDecoder(ResolveRequest)
const decodeReject = commandDecoder(RejectRequest)
const decodeMerge = commandDecoder(MergeRequest)
const decodeFollow = commandDecoder(FollowRequest)
const decodeRate = commandDecoder(RateRequest)
const decodeConfigure = commandDecoder(ConfigureIntake)

const makeIntake = (deps: Deps): Intake["Service"] => {
  const { access, commands, directory, grid, ids, store, uow } = deps
  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const loadConfig = (countyId: GridNodeId): Effect.Effect<IntakeConfig, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultIntakeConfig(countyId)))
  const timeZoneOf = (countyId: GridNodeId): Effect.Effect<string, StorageError> =>
    Effect.map(grid.getCounty(countyId), Option.match({ onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone }))
  const staffView = (actor: Actor, r: StoredIntakeRequest): IntakeRequest => intakeStaffView(r, access.can(actor, "grid.personal.read", r.scope))

  /** The stored request, checked for `action`; not found outside the actor's scope. */
  const load = (actor: Actor, action: "intake.read" | "intake.handle", id: IntakeRequestId) =>
    Effect.gen(function*() {
      const found = yield* store.get(id)
      if (Option.isNone(found)) return yield* Effect.fail(notFound(REQUEST, id))
      yield* access.check(actor, action, { entity: REQUEST, id, nodeId: found.value.nodeId }, { county: found.value.countyId })
      return found.value
    })

  /** Redacts a public outcome: numbers, and the names around the request and of its resident. */
  const redactOutcome = (r: StoredIntakeRequest, outcome: string | undefined): Effect.Effect<string | null, StorageError> =>
    outcome === undefined ? Effect.succeed(null) : Effect.gen(function*() {
      const names = [...yield* directory.namesAround(r.nodeId)]
      if (r.resident.kind === "contact") names.push(r.resident.name)
      else {
        const person = yield* directory.personAccess(r.resident.personId)
        if (Option.isSome(person)) names.push(person.value.person.name)
      }
      return redactorFor(names)(outcome)
    })

  /** Runs one command on a request, with what the decider needs besides the time and the actor. */
  const run = (actor: Actor, id: IntakeRequestId, command: IntakeCommand, extra: Partial<IntakeContext> = {}) =>
    commands.run({
      actor,
      aggregate: INTAKE_AGGREGATE,
      id,
      decider: requests,
      command,
      load: Effect.map(store.get(id), Option.getOrUndefined),
      authorize: () => Effect.void,
      context: (_, at) => Effect.succeed({ ...extra, at, actor: refOf(actor) } satisfies IntakeContext),
      save: (next, expected) => store.update(next, expected),
      record: recordIntakeEvent
    })

  /** Loads a request the actor may handle, makes the command from it and runs it, in one unit of work. */
  const handle = (actor: Actor, id: IntakeRequestId, make: (r: StoredIntakeRequest) => Effect.Effect<IntakeCommand | readonly [IntakeCommand, Partial<IntakeContext>], IntakeError>): Fx<IntakeRequest> =>
    uow.transaction(Effect.gen(function*() {
      const made = yield* make(yield* load(actor, "intake.handle", id))
      const [command, extra] = Array.isArray(made) ? made : [made as IntakeCommand, {}]
      const done = yield* run(actor, id, command, extra)
      return staffView(actor, done.state)
    }))

  /** The request a resident names by reference and code; a wrong code is counted (and kept) before the refusal. */
  const followed = (countyId: GridNodeId, reference: string, code: string): Fx<StoredIntakeRequest> =>
    Effect.gen(function*() {
      const found = yield* store.getByReference(countyId, reference)
      if (Option.isNone(found)) return yield* Effect.fail(notFound(REQUEST, reference))
      const r = found.value
      const at = yield* now
      const guard = Option.getOrUndefined(yield* store.getGuard(r.id))
      if (followLocked(guard, at)) {
        return yield* Effect.fail(conflict("follow_locked", "too many wrong follow codes were entered for this reference lately: try again in an hour", "该编号近期输入错误查询码次数过多，请一小时后再试"))
      }
      const hash = yield* (yield* Secrets).hash(code, r.follow.salt)
      if (constantTimeEqual(hash, r.follow.hash)) return r
      // Counted in one unit of work with a fresh read, so concurrent wrong guesses all count.
      yield* uow.transaction(Effect.flatMap(store.getGuard(r.id), (current) => store.saveGuard(followGuardAfterFailure(r.id, Option.getOrUndefined(current), at))))
      return yield* Effect.fail(notFound(REQUEST, reference))
    })

  return Intake.of({
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
          record: recordIntakeConfigEvent
        })),

    getConfig: (actor, countyId) => Effect.andThen(access.inCounty(actor, "county.config.read", countyId), loadConfig(countyId)),

    receive: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decodeReceive(input)
        let place: Place
        if (command.householdId !== undefined) {
          const household = yield* grid.getHousehold(command.householdId)
          if (Option.isNone(household)) return yield* Effect.fail(notFound("household", command.householdId))
          if (command.nodeId !== undefined && command.nodeId !== household.value.nodeId) {
            return yield* Effect.fail(invalidField("nodeId", "must be the household's node when both are given", "同时给出住户时，节点必须是该住户所在节点"))
          }
          place = yield* access.check(actor, "intake.receive", { entity: "household", id: command.householdId, nodeId: household.value.nodeId }, { live: true })
        } else if (command.nodeId !== undefined) {
          place = yield* access.at(actor, "intake.receive", command.nodeId, { live: true })
        } else {
          return yield* Effect.fail(invalidField("nodeId", "a node or a household is needed", "需要给出节点或住户"))
        }
        const countyId = place.countyId
        if (command.resident.kind === "person") yield* referencedPerson({ access, directory }, actor, "intake.receive", command.resident.personId, countyId)
        const config = yield* loadConfig(countyId)
        if (!config.categories.some((c) => c.code === command.category)) {
          return yield* Effect.fail(invalidField("category", `is not one of the county's intake categories: ${command.category}`, `不是本区县配置的诉求类别：${command.category}`))
        }
        const id = yield* Effect.provideService(newIntakeRequestId, IdGenerator, ids)
        const secrets = yield* Secrets
        const followCode = yield* secrets.digits(FOLLOW_CODE_DIGITS)
        const salt = yield* secrets.token(16)
        const follow = { hash: yield* secrets.hash(followCode, salt), salt }
        const zone = yield* timeZoneOf(countyId)
        const done = yield* commands.run({
          actor,
          aggregate: INTAKE_AGGREGATE,
          id,
          decider: requests,
          command: {
            _tag: "Receive",
            request: {
              id,
              countyId,
              nodeId: place.id,
              scope: pathOf(place),
              householdId: command.householdId ?? null,
              channel: command.channel,
              category: command.category,
              resident: command.resident,
              text: command.text,
              status: "received",
              receivedBy: refOf(actor),
              acceptedAt: null,
              routedAt: null,
              closedAt: null,
              route: null,
              rejectReason: null,
              outcome: null,
              mergedInto: null,
              rating: null,
              version: 0,
              follow
            }
          },
          load: Effect.succeed(undefined),
          authorize: () => Effect.void,
          // The serial number is taken in the unit of work: a refusal gives it back.
          context: (_, at) =>
            Effect.map(store.nextSerial(countyId, localDate(at, zone)), (serial) => ({
              at,
              actor: refOf(actor),
              reference: formatReference(config.referencePrefix, localDate(at, zone), serial)
            }) satisfies IntakeContext),
          save: (next) => store.insert(next),
          record: recordIntakeEvent
        })
        return { request: staffView(actor, done.state), followCode }
      }),

    get: (actor, id) => Effect.map(load(actor, "intake.read", id), (r) => staffView(actor, r)),

    list: (actor, rootId, filter) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "intake.read", rootId)
        const page = yield* store.list({ scope: pathOf(root), status: filter?.status, channel: filter?.channel, category: filter?.category, after: filter?.after, limit: limitOf(filter) })
        return { items: page.items.map((r) => staffView(actor, r)), next: page.next }
      }),

    accept: (actor, id) => handle(actor, id, () => Effect.succeed({ _tag: "Accept" })),

    route: (actor, id, input) =>
      Effect.flatMap(decodeRoute(input), (command) =>
        handle(actor, id, (r) =>
          Effect.gen(function*() {
            // Refused before the target is raised, so a refusal names the request, not the target.
            if (intakeTransitions[r.status].Route === undefined) return { _tag: "Route", route: { target: "referral", targetId: null, department: null, dueDate: null } } as const
            let route: IntakeRoute
            if (command.kind === "referral") {
              const today = localDate(yield* now, yield* timeZoneOf(r.countyId))
              if (command.dueDate < today) return yield* Effect.fail(invalidField("dueDate", `must not be before today (${today})`, `不能早于今天（${today}）`))
              route = { target: "referral", targetId: null, department: command.department, dueDate: command.dueDate }
            } else {
              const raised = yield* raiseFollowUp(deps, actor, command)
              route = { target: raised.kind, targetId: raised.id, department: null, dueDate: null }
            }
            return { _tag: "Route", route } as const
          }))),

    resolve: (actor, id, input) =>
      Effect.flatMap(decodeResolve(input), (command) =>
        handle(actor, id, (r) => Effect.map(redactOutcome(r, command.outcome), (outcome) => ({ _tag: "Resolve", outcome }) as const))),

    reject: (actor, id, input) =>
      Effect.flatMap(decodeReject(input), (command) =>
        handle(actor, id, (r) => Effect.map(redactOutcome(r, command.outcome), (outcome) => ({ _tag: "Reject", reason: command.reason, outcome }) as const))),

    merge: (actor, id, input) =>
      Effect.flatMap(decodeMerge(input), (command) =>
        handle(actor, id, (r) =>
          Effect.gen(function*() {
            const into = yield* load(actor, "intake.handle", command.into)
            if (into.countyId !== r.countyId) return yield* Effect.fail(notFound(REQUEST, command.into))
            return [{ _tag: "Merge", into: { id: into.id, reference: into.reference } }, { intoStatus: into.status }] as const
          }))),

    follow: (countyId, input) =>
      Effect.gen(function*() {
        const command = yield* decodeFollow(input)
        const r = yield* followed(countyId, command.reference, command.code)
        const into = r.mergedInto === null ? Option.none() : yield* store.get(r.mergedInto.id)
        return intakePublicView(r, Option.match(into, { onNone: () => null, onSome: (i) => i.status }))
      }),

    rate: (countyId, input) =>
      Effect.gen(function*() {
        const command = yield* decodeRate(input)
        const r = yield* followed(countyId, command.reference, command.code)
        const done = yield* uow.transaction(run(FOLLOWER, r.id, { _tag: "Rate", rating: command.rating }))
        return intakePublicView(done.state)
      })
  })
}
