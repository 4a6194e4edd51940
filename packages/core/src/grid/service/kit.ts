/**
 * What the grid's use cases share: the ports and kernel services, the commands' decoders, loading an entity or failing with `NotFound`, targets for the scope check and the counties' calendars.
 *
 * @internal
 */
import { Effect, Option, Schema } from "effect"
import { Access, type Target } from "../../kernel/access.js"
import type { Actor } from "../../kernel/actor.js"
import { type CommandRun, Commands, type Versioned } from "../../kernel/decider.js"
import { Directory, pathOf, type Place } from "../../kernel/directory.js"
import { fromSchemaError, type InvalidInput, notFound, type NotFound, type StorageError } from "../../kernel/errors.js"
import { type AssignmentId, type GridNodeId, type HouseholdId, IdGenerator, type PersonId, type ResidentId } from "../../kernel/ids.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from "../../kernel/pagination.js"
import { EventLog } from "../../kernel/store.js"
import { DEFAULT_TIME_ZONE, todayIn } from "../../kernel/time.js"
import type { PersonState } from "../machine.js"
import { ArchiveNode, AssignRole, type Assignment, type County, CreateCounty, CreateHousehold, CreateNode, CreatePerson, EndAssignment, type GridNode, type Household, MoveNode, type Person, SignInSubject, UpdateHousehold, UpdateNode, UpdatePerson } from "../model.js"
import { GridStore } from "../store.js"
import type { GridError } from "../service.js"

/** The ports and kernel services the use cases run on. */
export interface Deps {
  readonly store: GridStore["Service"]
  readonly directory: Directory["Service"]
  readonly log: EventLog["Service"]
  readonly access: Access["Service"]
  readonly commands: Commands["Service"]
  readonly ids: IdGenerator["Service"]
}

/** Decodes a command by its schema: every invalid field, in English and Chinese. */
const decoder = <S extends Schema.Codec<unknown, unknown, never, never>>(schema: S) => {
  const decode = Schema.decodeUnknownEffect(schema as Schema.Codec<S["Type"], unknown, never, never>)
  return (input: unknown): Effect.Effect<S["Type"], InvalidInput> => Effect.mapError(decode(input, { errors: "all" }), (e) => fromSchemaError(e))
}

const decode = {
  createCounty: decoder(CreateCounty),
  createNode: decoder(CreateNode),
  updateNode: decoder(UpdateNode),
  moveNode: decoder(MoveNode),
  archiveNode: decoder(ArchiveNode),
  createHousehold: decoder(CreateHousehold),
  updateHousehold: decoder(UpdateHousehold),
  createPerson: decoder(CreatePerson),
  updatePerson: decoder(UpdatePerson),
  subject: decoder(SignInSubject),
  assignRole: decoder(AssignRole),
  endAssignment: decoder(EndAssignment)
}


/** Both stores' directories return the full node as its place: no second read needed then. */
const isGridNode = (place: Place): place is GridNode => "code" in place && "version" in place && "createdAt" in place

/** The ports, the kernel's services and the helpers every group of use cases shares. */
export const makeKit = (deps: Deps) => {
  const { access, commands, ids, store } = deps
  const fresh = <A>(make: Effect.Effect<A, never, IdGenerator>) => Effect.provideService(make, IdGenerator, ids)
  const freshResidentIds = (n: number): Effect.Effect<ReadonlyArray<ResidentId>> =>
    n === 0 ? Effect.succeed([]) : Effect.map(ids.ulids(n), (us) => us.map((u) => `res_${u}` as ResidentId))

  /** Runs a command through the pipeline; every grid command fails with a `GridError`. */
  const run = <S extends Versioned, C, Ev, Ctx>(r: CommandRun<S, C, Ev, Ctx, GridError, never>) => commands.run(r)

  const asNode = (place: Place): Effect.Effect<GridNode, NotFound | StorageError> =>
    isGridNode(place)
      ? Effect.succeed(place)
      : Effect.flatMap(store.getNode(place.id), Option.match({ onNone: () => Effect.fail(notFound("grid node", place.id)), onSome: Effect.succeed }))
  /** A node through the scope check. */
  const nodeAt = (actor: Actor, action: Parameters<Access["Service"]["at"]>[1], id: GridNodeId) => Effect.flatMap(access.at(actor, action, id), asNode)

  const loadCounty = (id: GridNodeId): Effect.Effect<County, NotFound | StorageError> =>
    Effect.flatMap(store.getCounty(id), Option.match({ onNone: () => Effect.fail(notFound("county", id)), onSome: Effect.succeed }))
  const loadHousehold = (id: HouseholdId): Effect.Effect<Household, NotFound | StorageError> =>
    Effect.flatMap(store.getHousehold(id), Option.match({ onNone: () => Effect.fail(notFound("household", id)), onSome: Effect.succeed }))
  const loadPerson = (id: PersonId): Effect.Effect<Person, NotFound | StorageError> =>
    Effect.flatMap(store.getPerson(id), Option.match({ onNone: () => Effect.fail(notFound("person", id)), onSome: Effect.succeed }))
  const loadPersonState = (id: PersonId): Effect.Effect<PersonState, NotFound | StorageError> =>
    Effect.gen(function*() {
      const person = yield* loadPerson(id)
      const subjects = yield* store.subjectsOf(id)
      return { ...person, subjects: subjects.map((s) => ({ issuer: s.issuer, subject: s.subject, linkedAt: s.linkedAt })) }
    })
  const loadAssignment = (id: AssignmentId): Effect.Effect<Assignment, NotFound | StorageError> =>
    Effect.flatMap(store.getAssignment(id), Option.match({ onNone: () => Effect.fail(notFound("assignment", id)), onSome: Effect.succeed }))

  const householdTarget = (h: Pick<Household, "id" | "nodeId">): Target => ({ entity: "household", id: h.id, nodeId: h.nodeId })
  const personTarget = (p: Pick<Person, "id" | "nodeId">): Target => ({ entity: "person", id: p.id, nodeId: p.nodeId })

  /** The household a person is to live in, through the scope check, in the person's county. */
  const householdFor = (actor: Actor, id: HouseholdId, county: GridNodeId) =>
    Effect.gen(function*() {
      const household = yield* loadHousehold(id)
      const unit = yield* access.check(actor, "grid.household.read", householdTarget(household), { county })
      return { id, status: household.status, unit }
    })

  // Counties' time zones, read once each (a county's zone does not change): "today" is the county's.
  const zones = new Map<GridNodeId, string>()
  let lastZone = DEFAULT_TIME_ZONE
  const zoneOf = (countyId: GridNodeId): Effect.Effect<string, StorageError> => {
    const known = zones.get(countyId)
    if (known !== undefined) {
      lastZone = known
      return Effect.succeed(known)
    }
    return Effect.map(store.getCounty(countyId), (c) => {
      const zone = Option.isSome(c) ? c.value.timeZone : DEFAULT_TIME_ZONE
      zones.set(countyId, zone)
      lastZone = zone
      return zone
    })
  }
  const todayOf = (countyId: GridNodeId) => Effect.flatMap(zoneOf(countyId), todayIn)

  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const seesPersonal = (actor: Actor, place: Place) => access.can(actor, "grid.personal.read", pathOf(place))

  return {
    ...deps,
    decode,
    fresh,
    freshResidentIds,
    run,
    asNode,
    nodeAt,
    loadCounty,
    loadHousehold,
    loadPerson,
    loadPersonState,
    loadAssignment,
    householdTarget,
    personTarget,
    householdFor,
    zones,
    zoneOf,
    todayOf,
    limitOf,
    seesPersonal,
    /** The time zone of the county read last: "today" for a household before its county is known. */
    lastZone: () => lastZone
  }
}

/** What the use cases are built from. */
export type Kit = ReturnType<typeof makeKit>
