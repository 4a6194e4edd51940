/**
 * The places use cases (阵地). Every change — registering a place, updating, closing,
 * reopening or archiving it, a county's kinds of places — runs through the kernel's one
 * pipeline (`Commands.run`) with its decider, in one unit of work; a command that changes
 * nothing writes nothing.
 *
 * Every id a command references — the node, the place, the contact person, the household
 * a resident asks about — goes through the one scope check (`Access`), within the county
 * of the thing acted on: what lies outside the actor's scope or county reads as not found.
 *
 * Who may do what:
 * - **register** and **change** places: `places.manage` at the place's node (staff: county
 *   and street administrators, community secretaries); the contact is a person in the
 *   caller's scope and county;
 * - **read** places, their list and the coverage of a subtree: anyone whose grants cover
 *   the node (`grid.tree.read`); the contact person is shown only to those who may manage
 *   the place or read personal data there;
 * - **the places serving a household**: anyone who sees the household's node (its
 *   residents, its grid's staff), nearest first, with "open now" in the county's zone;
 * - the **kinds** are read by anyone working or living in the county and changed with
 *   `places.manage` on the county;
 * - the **public list** needs no actor and shows no personal data.
 *
 * @since 0.5.0
 */
import { Context, Effect, Layer, Option } from "effect"
import type { Target } from "../kernel/access.js"
import type { Actor, ActorRef } from "../kernel/actor.js"
import type { Decider } from "../kernel/decider.js"
import { Directory, pathOf } from "../kernel/directory.js"
import { type DomainError, notFound, type StorageError } from "../kernel/errors.js"
import { type GridNodeId, type HouseholdId, IdGenerator, type PersonId } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { DEFAULT_TIME_ZONE, type Instant, now } from "../kernel/time.js"
import { commandDecoder, expectVersion, type KernelServices, kernelServices, referencedPerson, runCountyConfig } from "../kernel/useCases.js"
import { GridStore } from "../grid/store.js"
import { type PlaceDecideCommand, type PlaceDecideContext, placeDecider, placesConfigDecider } from "./machine.js"
import {
  ConfigurePlaces,
  newServicePlaceId,
  PlaceCommand,
  type PlaceContact,
  type PlaceEvent,
  type PlacesConfig,
  type PlacesConfigEvent,
  type PlaceStatus,
  RegisterPlace,
  type ServicePlace,
  type ServicePlaceId
} from "./model.js"
import { coverageOf, defaultPlacesConfig, publicPlace, recordPlaceEvent, recordPlacesConfigEvent } from "./rules.js"
import { PlacesStore } from "./store.js"
import type { NearbyPlace, PlaceCoverage, PublicPlace } from "./views.js"

/**
 * Every error a places use case can fail with.
 *
 * @category errors
 * @since 0.5.0
 */
export type PlacesError = DomainError | StorageError

type Fx<A> = Effect.Effect<A, PlacesError>

/**
 * Filters of a list of places; `after` is the `next` of the previous page.
 *
 * @category models
 * @since 0.5.0
 */
export interface PlaceFilter extends PageRequest {
  readonly kind?: string | undefined
  readonly status?: PlaceStatus | undefined
}

/**
 * The places use cases.
 *
 * @category services
 * @since 0.5.0
 */
export class Places extends Context.Service<Places, {
  /** Changes a county's kinds of places (`places.manage` on the county); nothing when they stay. */
  readonly configure: (actor: Actor, countyId: GridNodeId, command: ConfigurePlaces) => Fx<PlacesConfig>
  /** A county's kinds of places (the seed's until it saves its own), for anyone working or living in it. */
  readonly getConfig: (actor: Actor, countyId: GridNodeId) => Fx<PlacesConfig>
  /** Registers a place at a node (`places.manage`). */
  readonly register: (actor: Actor, command: RegisterPlace) => Fx<ServicePlace>
  /** Runs one command on a place (`places.manage`). */
  readonly execute: (actor: Actor, id: ServicePlaceId, command: PlaceCommand) => Fx<ServicePlace>
  /** One place (anyone in scope; the contact only for its managers and those who read personal data). */
  readonly get: (actor: Actor, id: ServicePlaceId) => Fx<ServicePlace>
  /** The places of a subtree, by id (anyone in scope). */
  readonly list: (actor: Actor, rootId: GridNodeId, filter?: PlaceFilter) => Fx<Page<ServicePlace>>
  /** The places serving a household: at its node and the node's ancestors, nearest first, with "open now". */
  readonly forHousehold: (actor: Actor, householdId: HouseholdId) => Fx<ReadonlyArray<NearbyPlace>>
  /** Which communities of a subtree lack which kind of place (anyone in scope). */
  readonly coverage: (actor: Actor, rootId: GridNodeId) => Fx<PlaceCoverage>
  /** The public list of a subtree's places that are not archived: no actor, no personal data. */
  readonly publicList: (rootId: GridNodeId, filter?: PlaceFilter) => Fx<Page<PublicPlace>>
}>()("@mulin/core/places/Places") {
  /**
   * The use cases over the ports, with the kernel (`Access`, `Commands`) provided to them.
   *
   * @category layers
   * @since 0.5.0
   */
  static readonly layer: Layer.Layer<Places, never, PlacesStore | GridStore | Directory | EventLog | UnitOfWork | IdGenerator> = Layer.effect(
    Places,
    Effect.gen(function*() {
      const kernel = yield* kernelServices
      return makePlaces({ ...kernel, store: yield* PlacesStore, grid: yield* GridStore })
    })
  ).pipe(Layer.provide(layerKernel))
}

interface Deps extends KernelServices {
  readonly store: PlacesStore["Service"]
  readonly grid: GridStore["Service"]
}

const places: Decider<ServicePlace, PlaceDecideCommand, PlaceEvent, PlaceDecideContext, PlacesError> = placeDecider
const configs: Decider<PlacesConfig, ConfigurePlaces, PlacesConfigEvent, { readonly at: Instant; readonly actor: ActorRef }, PlacesError> = placesConfigDecider

const PLACE = "service place"
const CONFIG = "places configuration"

const placeTarget = (p: ServicePlace): Target => ({ entity: PLACE, id: p.id, nodeId: p.nodeId })
const refOf = (actor: Actor): ActorRef => ({ id: actor.id, kind: actor.kind })

// Library callers' commands are checked as HTTP's are: a bad value fails the same way.
const decodeRegister = commandDecoder(RegisterPlace)
const decodeCommand = commandDecoder(PlaceCommand)
const decodeConfigure = commandDecoder(ConfigurePlaces)

const makePlaces = ({ access, commands, directory, grid, ids, store }: Deps): Places["Service"] => {
  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const loadConfig = (countyId: GridNodeId): Effect.Effect<PlacesConfig, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultPlacesConfig(countyId)))
  const timeZoneOf = (countyId: GridNodeId): Effect.Effect<string, StorageError> =>
    Effect.map(grid.getCounty(countyId), Option.match({ onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone }))
  const loadPlace = (id: ServicePlaceId) =>
    Effect.flatMap(store.get(id), Option.match({ onNone: () => Effect.fail(notFound(PLACE, id)), onSome: Effect.succeed }))
  /** The contact a command names: a person in the actor's scope for `places.manage`, and in the county. */
  const contactOf = (actor: Actor, personId: PersonId, county: GridNodeId): Effect.Effect<PlaceContact, PlacesError> =>
    Effect.map(referencedPerson({ access, directory }, actor, "places.manage", personId, county), (p) => ({ personId: p.personId, name: p.name }))

  /** The place as this actor may see it: the contact only for its managers and those who read personal data there. */
  const shown = (actor: Actor, p: ServicePlace): ServicePlace =>
    p.contact === null || access.can(actor, "places.manage", p.scope) || access.can(actor, "grid.personal.read", p.scope) ? p : { ...p, contact: null }

  const placeRun = { aggregate: PLACE, decider: places, record: recordPlaceEvent } as const

  /** A live node of the subtree a listing starts from, for anyone, or not found. */
  const liveRoot = (rootId: GridNodeId) =>
    Effect.flatMap(directory.getPlace(rootId), (found) =>
      Option.isNone(found) || found.value.status !== "active" ? Effect.fail(notFound("grid node", rootId)) : Effect.succeed(found.value))

  return Places.of({
    configure: (actor, countyId, input) =>
      Effect.flatMap(decodeConfigure(input), (command) =>
        runCountyConfig({ access, commands }, {
          actor,
          countyId,
          action: "places.manage",
          entity: CONFIG,
          decider: configs,
          command,
          load: loadConfig(countyId),
          save: store.saveConfig,
          record: recordPlacesConfigEvent
        })),

    getConfig: (actor, countyId) => Effect.andThen(access.inCounty(actor, "grid.tree.read", countyId), loadConfig(countyId)),

    register: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decodeRegister(input)
        const id = yield* Effect.provideService(newServicePlaceId, IdGenerator, ids)
        const node = yield* access.at(actor, "places.manage", command.nodeId, { live: true })
        const done = yield* commands.run({
          ...placeRun,
          actor,
          id,
          command: { _tag: "Register", ...command } as PlaceDecideCommand,
          load: Effect.succeed(undefined),
          authorize: () => Effect.void,
          context: (_, at) =>
            Effect.gen(function*() {
              const config = yield* loadConfig(node.countyId)
              const contact = command.contactId === undefined ? undefined : yield* contactOf(actor, command.contactId, node.countyId)
              return { at, actor: refOf(actor), kinds: config.kinds.map((k) => k.code), place: { id, countyId: node.countyId, scope: pathOf(node) }, contact } satisfies PlaceDecideContext
            }),
          save: (next) => store.insert(next)
        })
        return done.state
      }),

    execute: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decodeCommand(input)
        const done = yield* commands.run({
          ...placeRun,
          actor,
          id,
          command,
          load: loadPlace(id),
          authorize: (p) => Effect.andThen(access.check(actor, "places.manage", placeTarget(p!), { county: p!.countyId }), expectVersion(PLACE, id, command.expectedVersion, p!.version)),
          context: (p, at) =>
            Effect.gen(function*() {
              const config = yield* loadConfig(p!.countyId)
              const contact = command._tag !== "Update" || command.contactId === undefined
                ? undefined
                : command.contactId === null
                ? null
                : yield* contactOf(actor, command.contactId, p!.countyId)
              return { at, actor: refOf(actor), kinds: config.kinds.map((k) => k.code), contact } satisfies PlaceDecideContext
            }),
          save: (next, expected) => store.update(next, expected)
        })
        return shown(actor, done.state)
      }),

    get: (actor, id) =>
      Effect.gen(function*() {
        const p = yield* loadPlace(id)
        yield* access.check(actor, "grid.tree.read", placeTarget(p))
        return shown(actor, p)
      }),

    list: (actor, rootId, filter) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "grid.tree.read", rootId, { live: true })
        const page = yield* store.list({ scope: pathOf(root), kind: filter?.kind, status: filter?.status, after: filter?.after, limit: limitOf(filter) })
        return { items: page.items.map((p) => shown(actor, p)), next: page.next }
      }),

    forHousehold: (actor, householdId) =>
      Effect.gen(function*() {
        const household = yield* Effect.flatMap(grid.getHousehold(householdId), Option.match({ onNone: () => Effect.fail(notFound("household", householdId)), onSome: Effect.succeed }))
        const node = yield* access.check(actor, "grid.tree.read", { entity: "household", id: householdId, nodeId: household.nodeId }, { live: true })
        const path = pathOf(node)
        const at = yield* now
        const zone = yield* timeZoneOf(node.countyId)
        const distance = new Map(path.map((id, i) => [id, path.length - 1 - i]))
        const found = yield* store.atNodes(path)
        return found
          .map((p) => ({ ...publicPlace(p, at, zone), distance: distance.get(p.nodeId) ?? 0 }))
          .sort((a, b) => a.distance - b.distance || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0) || (a.id < b.id ? -1 : 1))
      }),

    coverage: (actor, rootId) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "grid.tree.read", rootId, { live: true })
        const county = yield* grid.getCounty(root.countyId)
        const communityDepth = Option.match(county, { onNone: () => 2, onSome: (c) => Math.max(0, c.levels.findIndex((l) => l.key === "community")) })
        const depth = communityDepth > 0 ? communityDepth : 2
        const outline = yield* grid.outline(rootId)
        const communities = root.depth === depth
          ? [{ id: root.id, name: root.name }]
          : outline.filter((n) => n.depth === depth).map((n) => ({ id: n.id, name: n.name }))
        const config = yield* loadConfig(root.countyId)
        const live = yield* store.inSubtree(pathOf(root))
        return coverageOf(rootId, config.kinds, communities, live)
      }),

    publicList: (rootId, filter) =>
      Effect.gen(function*() {
        const root = yield* liveRoot(rootId)
        // Archived places are never public.
        if (filter?.status === "archived") return { items: [], next: null }
        const page = yield* store.list({ scope: pathOf(root), kind: filter?.kind, status: filter?.status, after: filter?.after, limit: limitOf(filter) })
        const at = yield* now
        const zone = yield* timeZoneOf(root.countyId)
        return { items: page.items.map((p) => publicPlace(p, at, zone)), next: page.next }
      })
  })
}
