/**
 * The party use cases (在职党员进社区报到). Every change — a registration, its commitments,
 * a recorded service, a withdrawal, a county's kinds of service — runs through the kernel's
 * one pipeline (`Commands.run`) with its decider, in one unit of work. Every id a command
 * names — the community, the person, the employer — goes through the one scope check
 * (`Access`), within the county: what lies outside reads as not found.
 *
 * Who may do what:
 * - **register** a member with a community: staff with `party.manage` at the community
 *   (the person in their scope), or the member themselves (`party.join` at a node in the
 *   community); the community is a node of the county's `community` level; the employer an
 *   active partner of type `unit` of the county;
 * - **commit**, **record service** (hours) and **withdraw**: `party.manage` at the
 *   community; a member may change their own commitments and withdraw themselves;
 * - **read** registrations: anyone whose grants cover the community — the member's name
 *   and phone in full only with `grid.personal.read` there (or for the member themselves),
 *   masked otherwise;
 * - **the report** per employer, community and month: `party.manage` at its root.
 *
 * @since 0.5.0
 */
import { Context, Effect, Layer, Option } from "effect"
import type { Actor } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { Directory, pathOf, type Place } from "../kernel/directory.js"
import { conflict, type DomainError, invalidField, notFound, type StorageError } from "../kernel/errors.js"
import type { HeadlineCounter, HeadlineQuery } from "../kernel/headline.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import type { Page, PageRequest } from "../kernel/pagination.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { localDate, localMonth, now, startOfDate } from "../kernel/time.js"
import { commandDecoder, expectVersion, type KernelServices, kernelServices, reachFromBelow, referencedPerson, runCountyConfig } from "../kernel/useCases.js"
import { GridStore } from "../grid/store.js"
import type { PartnerId } from "../partners/model.js"
import { countyZone, pageLimit, type PartnerReportPeriod, reportWindow } from "../partners/service.js"
import { PartnersStore } from "../partners/store.js"
import { partyConfigDecider, type RegistrationDecideCommand, type RegistrationDecideContext, registrationDecider } from "./machine.js"
import { ConfigureParty, newPartyServiceId, newRegistrationId, type PartyConfig, type Registration, RegistrationCommand, type RegistrationEvent, type RegistrationId, type RegistrationStatus, RegisterMember } from "./model.js"
import { defaultPartyConfig, memberView, partyReportOf, recordPartyConfigEvent, recordRegistrationEvent } from "./rules.js"
import { PartyStore } from "./store.js"
import type { MemberView, PartyReport } from "./views.js"

/**
 * Every error a party use case can fail with.
 *
 * @category errors
 * @since 0.5.0
 */
export type PartyError = DomainError | StorageError

type Fx<A> = Effect.Effect<A, PartyError>

/**
 * Filters of a list of registrations; `after` is the `next` of the previous page.
 *
 * @category models
 * @since 0.5.0
 */
export interface RegistrationFilter extends PageRequest {
  readonly employerId?: PartnerId | undefined
  readonly status?: RegistrationStatus | undefined
}

/**
 * A report's period and, optionally, the one employer organisation it is about.
 *
 * @category models
 * @since 0.5.0
 */
export interface PartyReportQuery extends PartnerReportPeriod {
  readonly employerId?: PartnerId | undefined
}

/**
 * The party use cases.
 *
 * @category services
 * @since 0.5.0
 */
export class PartyMembers extends Context.Service<PartyMembers, {
  /** Changes a county's kinds of service (`party.manage` on the county); nothing when they stay. */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigureParty) => Fx<PartyConfig>
  /** A county's kinds of service (the defaults until it saves its own), for anyone working or living in it. */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<PartyConfig>
  /** Registers a party member with a community (staff, or the member themselves). */
  readonly register: (actor: Actor, command: RegisterMember) => Fx<MemberView>
  /** Runs one command on a registration. */
  readonly execute: (actor: Actor, id: RegistrationId, command: RegistrationCommand) => Fx<MemberView>
  /** One registration, with its tally of hours. */
  readonly get: (actor: Actor, id: RegistrationId) => Fx<MemberView>
  /** The registrations with the communities of a subtree, by id. */
  readonly list: (actor: Actor, rootId: GridNodeId, filter?: RegistrationFilter) => Fx<Page<MemberView>>
  /** Members and hours per employer, community and month of a subtree and period (`party.manage`). */
  readonly report: (actor: Actor, rootId: GridNodeId, query?: PartyReportQuery) => Fx<PartyReport>
}>()("@mulin/core/party/PartyMembers") {
  /**
   * The party use cases on the party, partners and grid stores; the scope check and the
   * pipeline come from the kernel.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer: Layer.Layer<PartyMembers, never, PartyStore | PartnersStore | GridStore | Directory | EventLog | UnitOfWork | IdGenerator> = Layer.effect(
    PartyMembers,
    Effect.map(
      Effect.all({ kernel: kernelServices, store: Effect.service(PartyStore), partners: Effect.service(PartnersStore), grid: Effect.service(GridStore) }),
      ({ kernel, ...ports }) => makeParty({ ...kernel, ...ports })
    )
  ).pipe(Layer.provide(layerKernel))
}

interface Deps extends KernelServices {
  readonly store: PartyStore["Service"]
  readonly partners: PartnersStore["Service"]
  readonly grid: GridStore["Service"]
}

const REGISTRATION = "party member's registration"
const registrations: Decider<Registration, RegistrationDecideCommand, RegistrationEvent, RegistrationDecideContext, PartyError> = registrationDecider
const decodeRegister = commandDecoder(RegisterMember)
const decodeCommand = commandDecoder(RegistrationCommand)
const decodeConfigure = commandDecoder(ConfigureParty)

const makeParty = ({ access, commands, directory, grid, ids, partners, store }: Deps): PartyMembers["Service"] => {
  const zoneOf = countyZone(grid)
  const loadConfig = (countyId: GridNodeId) => Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultPartyConfig(countyId)))
  const kindsOf = (countyId: GridNodeId) => Effect.map(loadConfig(countyId), (c) => c.serviceKinds.map((k) => k.code))
  const load = (id: RegistrationId) => Effect.flatMap(store.get(id), Option.match({ onNone: () => Effect.fail(notFound(REGISTRATION, id)), onSome: Effect.succeed }))
  const target = (r: Registration) => ({ entity: REGISTRATION, id: r.id, nodeId: r.communityId })
  const ref = (actor: Actor) => ({ id: actor.id, kind: actor.kind })

  /** The views of registrations, each member named in full only to those who may read personal data at its community. */
  const viewsFor = (actor: Actor, regs: ReadonlyArray<Registration>) =>
    Effect.map(grid.getPeople([...new Set(regs.map((r) => r.personId))]), (people) => {
      const byId = new Map(people.map((p) => [p.id as string, p]))
      return regs.map((r) => memberView(r, byId.get(r.personId), r.personId === actor.id || access.can(actor, "grid.personal.read", r.scope)))
    })
  const viewFor = (actor: Actor, r: Registration) => Effect.map(viewsFor(actor, [r]), (views) => views[0]!)

  /** The community a registration names: a live node at the county's `community` level, where the actor acts. */
  const communityFor = (actor: Actor, command: RegisterMember): Effect.Effect<Place, PartyError> =>
    Effect.gen(function*() {
      const found = yield* directory.getPlace(command.communityId)
      if (Option.isNone(found)) return yield* Effect.fail(notFound("grid node", command.communityId))
      const self = command.personId === actor.id && !access.can(actor, "party.manage", pathOf(found.value))
      const node = self
        ? yield* reachFromBelow({ access, directory }, actor, "party.join", { entity: "grid node", id: command.communityId, nodeId: command.communityId }, found.value.countyId)
        : yield* access.at(actor, "party.manage", command.communityId, { live: true })
      if (node.level !== "community") return yield* Effect.fail(invalidField("communityId", "must be a community (the county's community level)", "必须是社区（本区县的社区层级）"))
      if (!self) yield* referencedPerson({ access, directory }, actor, "party.manage", command.personId, node.countyId)
      return node
    })

  /** The employer a registration names: an active partner of type `unit` of the county. */
  const employerFor = (actor: Actor, employerId: PartnerId, countyId: GridNodeId) =>
    Effect.gen(function*() {
      yield* access.inCounty(actor, "grid.tree.read", countyId)
      const found = yield* partners.get(employerId)
      if (Option.isNone(found) || found.value.countyId !== countyId) return yield* Effect.fail(notFound("partner organisation", employerId))
      if (found.value.type !== "unit") return yield* Effect.fail(invalidField("employerId", "must be a unit (机关企事业单位) among the county's partners", "必须是本区县合伙人中的机关企事业单位"))
      if (found.value.status !== "active") return yield* Effect.fail(invalidField("employerId", "must be an active partner", "必须是在册的合伙人"))
    })

  const run = { aggregate: REGISTRATION, decider: registrations, record: recordRegistrationEvent } as const

  return PartyMembers.of({
    configure: (actor, countyId, input) =>
      Effect.flatMap(decodeConfigure(input), (command) =>
        runCountyConfig({ access, commands }, {
          actor,
          countyId,
          action: "party.manage",
          entity: "party configuration",
          decider: partyConfigDecider,
          command,
          load: loadConfig(countyId),
          save: store.saveConfig,
          record: recordPartyConfigEvent
        })),

    getConfig: (actor, countyId) => Effect.andThen(access.inCounty(actor, "grid.tree.read", countyId), loadConfig(countyId)),

    register: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decodeRegister(input)
        const node = yield* communityFor(actor, command)
        yield* employerFor(actor, command.employerId, node.countyId)
        if (Option.isSome(yield* store.activeFor(node.countyId, command.personId))) {
          return yield* Effect.fail(conflict("already_registered", "this person is already registered with a community of the county", "该党员已在本区县的社区报到"))
        }
        const id = yield* Effect.provideService(newRegistrationId, IdGenerator, ids)
        const at = yield* now
        const registration: Registration = {
          id, countyId: node.countyId, personId: command.personId, communityId: node.id, scope: pathOf(node), employerId: command.employerId,
          commitments: [...new Set(command.commitments ?? [])], status: "active", hours: 0, services: 0, registeredAt: at, withdrawnAt: null, updatedAt: at, version: 0
        }
        const done = yield* commands.run({
          ...run,
          actor,
          id,
          command: { _tag: "Register", registration },
          load: Effect.succeed(undefined),
          authorize: () => Effect.void,
          context: (_, at) => Effect.map(kindsOf(node.countyId), (kinds) => ({ at, actor: ref(actor), kinds, today: "" })),
          save: (next) => store.insert(next)
        })
        return yield* viewFor(actor, done.state)
      }),

    execute: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decodeCommand(input)
        const done = yield* commands.run({
          ...run,
          id,
          actor,
          command,
          load: load(id),
          authorize: (r) =>
            Effect.andThen(
              access.check(actor, "party.manage", target(r!), { county: r!.countyId, involved: r!.personId === actor.id && command._tag !== "RecordService" }),
              expectVersion(REGISTRATION, id, command.expectedVersion, r!.version)
            ),
          context: (r, at) =>
            Effect.gen(function*() {
              const zone = yield* zoneOf(r!.countyId)
              const today = localDate(at, zone)
              const kinds = yield* kindsOf(r!.countyId)
              const service = command._tag === "RecordService"
                ? { id: yield* Effect.provideService(newPartyServiceId, IdGenerator, ids), servedAt: startOfDate(command.servedOn ?? today, zone) }
                : undefined
              return { at, actor: ref(actor), kinds, today, registeredOn: localDate(r!.registeredAt, zone), service }
            }),
          save: (next, expected) => store.update(next, expected),
          followOn: (_before, _after, events) =>
            Effect.forEach(events, (e) => (e.type === "serviceRecorded" ? store.insertService(e.service) : Effect.void), { discard: true })
        })
        return yield* viewFor(actor, done.state)
      }),

    get: (actor, id) =>
      Effect.gen(function*() {
        const r = yield* load(id)
        yield* access.check(actor, "grid.tree.read", target(r), { involved: r.personId === actor.id })
        return yield* viewFor(actor, r)
      }),

    list: (actor, rootId, filter) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "grid.tree.read", rootId, { live: true })
        const page = yield* store.list({ scope: pathOf(root), employerId: filter?.employerId, status: filter?.status, after: filter?.after, limit: pageLimit(filter) })
        return { items: yield* viewsFor(actor, page.items), next: page.next }
      }),

    report: (actor, rootId, query) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "party.manage", rootId, { live: true })
        const zone = yield* zoneOf(root.countyId)
        const period = reportWindow(query, yield* now, zone)
        if (period === undefined) return yield* Effect.fail(invalidField("to", "must not be earlier than from", "不能早于开始日期"))
        const scope = pathOf(root)
        const regs = yield* store.registrationsIn(scope, ...period.window, query?.employerId)
        const services = yield* store.servicesIn(scope, ...period.window, query?.employerId)
        const employers = yield* partners.getMany([...new Set([...regs.map((r) => r.employerId), ...services.map((s) => s.employerId)])])
        const communities = yield* directory.getPlaces([...new Set([...regs.map((r) => r.communityId), ...services.map((s) => s.communityId)])])
        const names = new Map<string, string>([...employers.map((e) => [e.id, e.name] as const), ...communities.map((c) => [c.id, c.name] as const)])
        return partyReportOf({ rootId, ...period, employerId: query?.employerId ?? null, monthOf: (at) => localMonth(at, zone) }, regs, services, names)
      })
  })
}

/**
 * The party's headline figure: `party_members_serving`, the members registered with a
 * community of the subtree who were registered at some time in the period (报到党员).
 *
 * @category headline
 * @since 0.5.0
 */
export const partyHeadlineCounters: Effect.Effect<ReadonlyArray<HeadlineCounter>, never, PartyStore> = Effect.map(Effect.service(PartyStore), (store) => [
  {
    key: "party_members_serving",
    en: "Serving party members registered with communities",
    zh: "在职党员进社区报到",
    count: (q: HeadlineQuery) => Effect.map(store.registrationsIn(q.rootPath, ...q.window), (found) => found.length)
  }
])
