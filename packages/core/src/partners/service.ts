/**
 * The partners use cases (睦邻合伙人). Every change to a partner runs through the kernel's
 * one pipeline (`Commands.run`) with its decider, in one unit of work; every id a command
 * names — the node, the served nodes, a staff member, a merchant account — goes through
 * the one scope check (`Access`) within the partner's county: what lies outside reads as
 * not found.
 *
 * Who may do what:
 * - **register** and **change** partners: `partners.manage` at the partner's node (staff);
 * - **read** partners and their list: anyone whose grants cover the node; staff names only
 *   to those who manage partners or read personal data there (masked otherwise);
 * - **record a free service** given: `partners.manage` at the node where it was given, or
 *   one of the partner's own staff at a node they see;
 * - **the report** of a subtree and period: `partners.manage` at its root.
 *
 * @since 0.5.0
 */
import { Context, Effect, Layer, Option, Result } from "effect"
import type { Actor } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { Directory, pathOf } from "../kernel/directory.js"
import { type DomainError, invalidField, notFound, type StorageError } from "../kernel/errors.js"
import type { HeadlineCounter, HeadlineQuery } from "../kernel/headline.js"
import type { Reaction } from "../kernel/reactions.js"
import { type GridNodeId, IdGenerator } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { addDays, type CalendarDate, DEFAULT_TIME_ZONE, type Instant, localDate, now, startOfDate } from "../kernel/time.js"
import { commandDecoder, expectVersion, type KernelServices, kernelServices, referencedPerson } from "../kernel/useCases.js"
import { GridStore } from "../grid/store.js"
import { FreeServiceProviders } from "../points/model/catalog.js"
import type { TransferId } from "../points/model/ledger.js"
import { PointsStore } from "../points/store.js"
import { type PartnerDecideCommand, type PartnerDecideContext, partnerDecider } from "./machine.js"
import { newPartnerId, newProvisionId, type Partner, PartnerCommand, type PartnerEvent, type PartnerId, type PartnerStatus, type PartnerType, type Provision, type ProvisionId, RecordProvision, RegisterPartner } from "./model.js"
import { partnerReportOf, partnerShown, recordPartnerEvent, recordProvision } from "./rules.js"
import { PartnersStore } from "./store.js"
import type { PartnerReport } from "./views.js"

/**
 * Every error a partners use case can fail with.
 *
 * @category errors
 * @since 0.5.0
 */
export type PartnersError = DomainError | StorageError

type Fx<A> = Effect.Effect<A, PartnersError>

/**
 * A period of the county's calendar, both days inclusive; absent days mean the current month.
 *
 * @category models
 * @since 0.5.0
 */
export interface PartnerReportPeriod {
  readonly from?: CalendarDate | undefined
  readonly to?: CalendarDate | undefined
}

/**
 * The days and the window `[from, to)` of a period in a time zone: the current month (of
 * `at`) for the days not given. A period that ends before it starts is refused.
 *
 * @category rules
 * @since 0.5.0
 */
export const reportWindow = (period: PartnerReportPeriod | undefined, at: Instant, zone: string): { readonly from: CalendarDate; readonly to: CalendarDate; readonly window: readonly [Instant, Instant] } | undefined => {
  const today = localDate(at, zone)
  const from = period?.from ?? `${today.slice(0, 7)}-01`
  const to = period?.to ?? addDays(`${addDays(`${today.slice(0, 7)}-28`, 4).slice(0, 7)}-01`, -1)
  if (to < from) return undefined
  return { from, to, window: [startOfDate(from, zone), startOfDate(addDays(to, 1), zone)] }
}

/**
 * Filters of a list of partners; `after` is the `next` of the previous page.
 *
 * @category models
 * @since 0.5.0
 */
export interface PartnerFilter extends PageRequest {
  readonly type?: PartnerType | undefined
  readonly status?: PartnerStatus | undefined
}

/**
 * The partners use cases.
 *
 * @category services
 * @since 0.5.0
 */
export class Partners extends Context.Service<Partners, {
  /** Registers a partner at a node (`partners.manage`). */
  readonly register: (actor: Actor, command: RegisterPartner) => Fx<Partner>
  /** Runs one command on a partner (`partners.manage`). */
  readonly execute: (actor: Actor, id: PartnerId, command: PartnerCommand) => Fx<Partner>
  /** One partner (anyone in scope; staff names masked unless personal data may be read there). */
  readonly get: (actor: Actor, id: PartnerId) => Fx<Partner>
  /** The partners registered in a subtree, by id (anyone in scope). */
  readonly list: (actor: Actor, rootId: GridNodeId, filter?: PartnerFilter) => Fx<Page<Partner>>
  /** Records a free service a partner gave (`partners.manage` at the node, or the partner's own staff). */
  readonly recordService: (actor: Actor, id: PartnerId, command: RecordProvision) => Fx<Provision>
  /** What partners provided in a subtree and period (`partners.manage` at its root). */
  readonly report: (actor: Actor, rootId: GridNodeId, period?: PartnerReportPeriod) => Fx<PartnerReport>
}>()("@mulin/core/partners/Partners") {
  /**
   * The use cases over the ports, with the kernel (`Access`, `Commands`) provided to them.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer: Layer.Layer<Partners, never, PartnersStore | PointsStore | GridStore | Directory | EventLog | UnitOfWork | IdGenerator> = Layer.effect(
    Partners,
    Effect.gen(function*() {
      const kernel = yield* kernelServices
      return makePartners({ ...kernel, store: yield* PartnersStore, points: yield* PointsStore, grid: yield* GridStore })
    })
  ).pipe(Layer.provide(layerKernel))
}

interface Deps extends KernelServices {
  readonly store: PartnersStore["Service"]
  readonly points: PointsStore["Service"]
  readonly grid: GridStore["Service"]
}

const partners: Decider<Partner, PartnerDecideCommand, PartnerEvent, PartnerDecideContext, PartnersError> = partnerDecider
const PARTNER = "partner organisation"
const decodeRegister = commandDecoder(RegisterPartner)
const decodeCommand = commandDecoder(PartnerCommand)
const decodeProvision = commandDecoder(RecordProvision)

/**
 * A page's size: the request's limit between 1 and the largest page, the default page when absent.
 *
 * @category rules
 * @since 0.5.0
 */
export const pageLimit = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)

/**
 * A county's IANA time zone from the grid store (the default zone for a county not found).
 *
 * @category rules
 * @since 0.5.0
 */
export const countyZone = (grid: GridStore["Service"]) => (countyId: GridNodeId): Effect.Effect<string, StorageError> =>
  Effect.map(grid.getCounty(countyId), Option.match({ onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone }))

const makePartners = ({ access, commands, directory, grid, ids, points, store }: Deps): Partners["Service"] => {
  const zoneOf = countyZone(grid)
  const load = (id: PartnerId) => Effect.flatMap(store.get(id), Option.match({ onNone: () => Effect.fail(notFound(PARTNER, id)), onSome: Effect.succeed }))
  const target = (p: Partner) => ({ entity: PARTNER, id: p.id, nodeId: p.nodeId })
  const personal = (actor: Actor, p: Partner) => access.can(actor, "partners.manage", p.scope) || access.can(actor, "grid.personal.read", p.scope)
  const shown = (actor: Actor, p: Partner) => partnerShown(p, personal(actor, p))
  const ref = (actor: Actor) => ({ id: actor.id, kind: actor.kind })
  /** Every served node: live, in the county, where the actor manages partners. */
  const servedNodes = (actor: Actor, nodeIds: ReadonlyArray<GridNodeId> | undefined, countyId: GridNodeId) =>
    Effect.forEach(nodeIds ?? [], (id) => access.at(actor, "partners.manage", id, { county: countyId, live: true }), { discard: true })
  const run = { aggregate: PARTNER, decider: partners, record: recordPartnerEvent } as const

  /** The merchant account a partner links: a merchant of its county at a node the actor manages partners at. */
  const merchantOf = (actor: Actor, p: Partner, accountId: Partner["merchantAccountIds"][number]) =>
    Effect.gen(function*() {
      const account = yield* Effect.flatMap(points.getAccount(accountId), Option.match({ onNone: () => Effect.fail(notFound("points account", accountId)), onSome: Effect.succeed }))
      yield* access.check(actor, "partners.manage", { entity: "points account", id: accountId, nodeId: account.nodeId }, { county: p.countyId })
      if (account.kind !== "merchant") return yield* Effect.fail(invalidField("merchantAccountId", "must be a merchant account", "必须是商户账户"))
      const other = yield* store.byMerchantAccount(accountId)
      if (Option.isSome(other) && other.value.id !== p.id) {
        return yield* Effect.fail(invalidField("merchantAccountId", "is already linked to another partner", "已关联到其他合伙人"))
      }
    })

  return Partners.of({
    register: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decodeRegister(input)
        const id = yield* Effect.provideService(newPartnerId, IdGenerator, ids)
        const node = yield* access.at(actor, "partners.manage", command.nodeId, { live: true })
        yield* servedNodes(actor, command.serves, node.countyId)
        const partner = { id, countyId: node.countyId, scope: pathOf(node) }
        const done = yield* commands.run({
          ...run, actor, id, command: { _tag: "Register", ...command } as PartnerDecideCommand,
          load: Effect.succeed(undefined),
          authorize: () => Effect.void,
          context: (_, at) => Effect.succeed({ at, actor: ref(actor), partner }),
          save: (next) => store.insert(next)
        })
        return done.state
      }),

    execute: (actor, id, input) =>
      Effect.flatMap(decodeCommand(input), (command) =>
        Effect.map(
          commands.run({
            ...run, actor, id, command, load: load(id),
            authorize: (p) =>
              Effect.gen(function*() {
                yield* access.check(actor, "partners.manage", target(p!), { county: p!.countyId })
                yield* expectVersion(PARTNER, id, command.expectedVersion, p!.version)
                if (command._tag === "Update") yield* servedNodes(actor, command.serves, p!.countyId)
                if (command._tag === "LinkMerchant") yield* merchantOf(actor, p!, command.merchantAccountId)
              }),
            context: (p, at) =>
              command._tag !== "AddStaff"
                ? Effect.succeed({ at, actor: ref(actor) })
                : Effect.map(referencedPerson({ access, directory }, actor, "partners.manage", command.personId, p!.countyId), (person) => ({
                  at,
                  actor: ref(actor),
                  staff: { personId: person.personId, name: person.name, role: command.role }
                })),
            save: (next, expected) => store.update(next, expected)
          }),
          (done) => done.state
        )),

    get: (actor, id) => Effect.flatMap(load(id), (p) => Effect.as(access.check(actor, "grid.tree.read", target(p)), shown(actor, p))),

    list: (actor, rootId, filter) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "grid.tree.read", rootId, { live: true })
        const page = yield* store.list({ scope: pathOf(root), type: filter?.type, status: filter?.status, after: filter?.after, limit: pageLimit(filter) })
        return { items: page.items.map((p) => shown(actor, p)), next: page.next }
      }),

    recordService: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decodeProvision(input)
        const p = yield* load(id)
        const own = p.staff.some((s) => s.personId === actor.id)
        yield* access.check(actor, own ? "grid.tree.read" : "partners.manage", target(p), { county: p.countyId, involved: own })
        const node = yield* access.at(actor, own ? "grid.tree.read" : "partners.manage", command.nodeId, { county: p.countyId, live: true })
        if (p.status !== "active") return yield* Effect.fail(invalidField("id", "is a withdrawn partner: it provides no service", "该合伙人已退出，不能登记服务"))
        const at = yield* now
        const zone = yield* zoneOf(p.countyId)
        const today = localDate(at, zone)
        if (command.providedOn !== undefined && command.providedOn > today) {
          return yield* Effect.fail(invalidField("providedOn", "must not be later than today", "不能晚于今天"))
        }
        const provision: Provision = {
          id: yield* Effect.provideService(newProvisionId, IdGenerator, ids),
          countyId: p.countyId,
          partnerId: p.id,
          partnerType: p.type,
          nodeId: node.id,
          scope: pathOf(node),
          kind: "free",
          title: command.title,
          serviceId: command.serviceId ?? null,
          people: command.people ?? 1,
          points: 0,
          providedAt: command.providedOn === undefined || command.providedOn === today ? at : startOfDate(command.providedOn, zone)
        }
        yield* commands.run({
          actor,
          aggregate: "partner service",
          id: provision.id,
          decider: provisionDecider,
          command: provision,
          load: Effect.succeed(undefined),
          authorize: () => Effect.void,
          context: () => Effect.void,
          save: () => store.insertProvision(provision),
          record: recordProvision
        })
        return provision
      }),

    report: (actor, rootId, period) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "partners.manage", rootId, { live: true })
        const zone = yield* zoneOf(root.countyId)
        const p = reportWindow(period, yield* now, zone)
        if (p === undefined) return yield* Effect.fail(invalidField("to", "must not be earlier than from", "不能早于开始日期"))
        const scope = pathOf(root)
        const provided = yield* store.provisions(scope, ...p.window)
        const named = yield* store.getMany([...new Set(provided.map((x) => x.partnerId))])
        const active = yield* store.countActive(scope, ...p.window)
        return partnerReportOf(rootId, p, active, provided, named)
      })
  })
}

/** A provided service is written once: its record is its one event. */
const provisionDecider: Decider<Provision & { readonly version: number }, Provision, Provision, void, never> = {
  decide: (_state, command) => Result.succeed([command]),
  evolve: (_state, event) => ({ ...event, version: 0 })
}

/**
 * The partners' headline figures: `partner_organisations` (partners registered in the
 * subtree active at some time in the period) and `partner_services` (services they
 * provided there in the period).
 *
 * @category headline
 * @since 0.5.0
 */
export const partnersHeadlineCounters: Effect.Effect<ReadonlyArray<HeadlineCounter>, never, PartnersStore> = Effect.map(Effect.service(PartnersStore), (store) => [
  { key: "partner_organisations", en: "Partner organisations", zh: "睦邻合伙人", count: (q: HeadlineQuery) => store.countActive(q.rootPath, ...q.window) },
  { key: "partner_services", en: "Services provided by partners", zh: "合伙人提供服务", count: (q: HeadlineQuery) => Effect.map(store.provisions(q.rootPath, ...q.window), (found) => found.length) }
])

/**
 * The points catalog's {@link FreeServiceProviders} over the partners store: a merchant
 * account linked to an active partner may list free services (0 points). Provide it to
 * `Points.layer`.
 *
 * @category layers
 * @since 0.5.0
 */
export const partnerFreeServices: Layer.Layer<never, never, PartnersStore> = Layer.effectContext(
  Effect.map(Effect.service(PartnersStore), (store) =>
    Context.make(FreeServiceProviders, {
      isPartnerMerchant: (accountId) => Effect.map(store.byMerchantAccount(accountId), (found) => Option.isSome(found) && found.value.status === "active")
    }))
)

const isPostedOrder = (e: { readonly type: string }) => e.type === "points.hold.posted"

/**
 * The reaction that counts a partner's redemptions: when the ledger posts an order (its
 * pickup code confirmed) on a merchant account linked to a partner, a `redemption` is
 * recorded for the partner in the same unit of work. Every other event costs a string
 * comparison.
 *
 * @category reactions
 * @since 0.5.0
 */
export const partnerRedemptions: Reaction<PartnersStore | PointsStore> = {
  name: "partner redemptions",
  react: (events) => {
    // The hot path: most appends hold no posted order.
    if (!events.some(isPostedOrder)) return Effect.void
    const posted = events.filter(isPostedOrder)
    return Effect.gen(function*() {
      const store = yield* PartnersStore
      const points = yield* PointsStore
      for (const e of posted) {
        const hold = yield* points.getHold(e.aggregateId as TransferId)
        if (Option.isNone(hold) || hold.value.purpose !== "order" || hold.value.merchantAccountId === null) continue
        const partner = yield* store.byMerchantAccount(hold.value.merchantAccountId)
        if (Option.isNone(partner)) continue
        const service = hold.value.serviceId === null ? Option.none() : yield* points.getService(hold.value.serviceId)
        const scope = e.scope.length > 0 ? e.scope : partner.value.scope
        yield* Effect.catchTag(store.insertProvision({
          id: `pvd_${e.id.slice(4)}` as ProvisionId,
          countyId: partner.value.countyId,
          partnerId: partner.value.id,
          partnerType: partner.value.type,
          nodeId: scope[scope.length - 1]!,
          scope,
          kind: "redemption",
          title: Option.match(service, { onNone: () => "积分兑换", onSome: (s) => s.title }),
          serviceId: hold.value.serviceId,
          people: 1,
          points: hold.value.amount,
          providedAt: e.at
        }), "Conflict", () => Effect.void)
      }
    })
  }
}
