/**
 * The grid use cases. Every command is decoded by its schema, authorised through the one
 * scope check (`Access`) — the node it acts at and every id it references, each in the
 * county of what it acts on — and run through the kernel's pipeline (`Commands.run`):
 * load → authorise → decide → evolve → save with the expected version → append events,
 * in one unit of work. A command that changes nothing writes nothing. Queries read the
 * ports behind the same check. This is the only layer that calls the ports.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Option, Schema } from "effect"
import { Access, type Target } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import { type CommandRun, Commands, type Versioned } from "../kernel/decider.js"
import { Directory, pathOf, type Place } from "../kernel/directory.js"
import {
  type Conflict,
  forbidden,
  type Forbidden,
  fromSchemaError,
  invalidField,
  type InvalidInput,
  notFound,
  type NotFound,
  type StorageError
} from "../kernel/errors.js"
import type { StoredEvent } from "../kernel/events.js"
import { isCurrentOn } from "../kernel/identity.js"
import {
  type AssignmentId,
  type GridNodeId,
  type HouseholdId,
  IdGenerator,
  newAssignmentId,
  newGridNodeId,
  newHouseholdId,
  newPersonId,
  type PersonId,
  type ResidentId
} from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import { EventLog, type UnitOfWork } from "../kernel/store.js"
import { type CalendarDate, DEFAULT_TIME_ZONE, todayIn } from "../kernel/time.js"
import {
  assignmentDecider,
  countyDecider,
  householdDecider,
  type LinkedSubject,
  nodeDecider,
  personDecider,
  type PersonState,
  recordAssignmentEvent,
  recordCountyEvent,
  recordHouseholdEvent,
  recordNodeEvent,
  recordPersonEvent
} from "./machine.js"
import {
  ArchiveNode,
  AssignRole,
  type Assignment,
  type County,
  CreateCounty,
  CreateHousehold,
  CreateNode,
  CreatePerson,
  EndAssignment,
  type GridNode,
  type Household,
  MoveNode,
  type Person,
  SignInSubject,
  UpdateHousehold,
  UpdateNode,
  UpdatePerson
} from "./model.js"
import { computeCoverage, householdView, personView } from "./rules.js"
import { GridStore } from "./store.js"
import type { ArchiveResult, CoverageReport, HouseholdView, PersonView, SubjectLinkView, SubtreeSummary, WhoServes } from "./views.js"

/**
 * Every error a grid use case can fail with.
 *
 * @category errors
 * @since 0.1.0
 */
export type GridError = NotFound | Forbidden | Conflict | InvalidInput | StorageError

/**
 * What every {@link Grid} operation returns: an Effect failing with a {@link GridError}.
 *
 * @category models
 * @since 0.4.0
 */
export type GridFx<A> = Effect.Effect<A, GridError>

/**
 * The grid use cases.
 *
 * @category services
 * @since 0.1.0
 */
export class Grid extends Context.Service<Grid, {
  /** Creates a county and its root node with a level template (default: the six levels) and a time zone (default `Asia/Shanghai`). Needs `county.create` on the whole store. */
  readonly createCounty: (actor: Actor, command: CreateCounty) => GridFx<County>
  /** The counties in which the actor may read something. */
  readonly listCounties: (actor: Actor) => GridFx<ReadonlyArray<County>>
  /** A county, its level template and time zone; readable by anyone working inside it. */
  readonly getCounty: (actor: Actor, id: GridNodeId) => GridFx<County>
  /** Creates a node under a parent, at the next level unless one is named. Needs `grid.node.write` on the parent. */
  readonly createNode: (actor: Actor, command: CreateNode) => GridFx<GridNode>
  /** Renames, re-codes or sets the party organisation of a node. Needs `grid.node.write`. */
  readonly updateNode: (actor: Actor, id: GridNodeId, command: UpdateNode) => GridFx<GridNode>
  /** Moves a node with its whole subtree under a new parent of the same county. Needs `grid.node.write` on both. */
  readonly moveNode: (actor: Actor, id: GridNodeId, command: MoveNode) => GridFx<GridNode>
  /** Archives a node; refused while live children or households remain unless `cascade`. Needs `grid.node.write`. */
  readonly archiveNode: (actor: Actor, id: GridNodeId, command: ArchiveNode) => GridFx<ArchiveResult>
  /** One node. Needs `grid.tree.read`; a node outside the actor's subtree is not found. */
  readonly getNode: (actor: Actor, id: GridNodeId) => GridFx<GridNode>
  /** The live node at a code path such as `370812/001/001/G01` (county code first). */
  readonly findNode: (actor: Actor, codePath: string) => GridFx<GridNode>
  /** The node's ancestors the actor may read, root first. */
  readonly ancestors: (actor: Actor, id: GridNodeId) => GridFx<ReadonlyArray<GridNode>>
  /** The node's live children, a page at a time, by id. */
  readonly children: (actor: Actor, id: GridNodeId, page?: PageRequest) => GridFx<Page<GridNode>>
  /** Live nodes per level, households and residents below (and at) a node. */
  readonly summary: (actor: Actor, id: GridNodeId) => GridFx<SubtreeSummary>
  /** The coverage report of a subtree on a date (default today in the county's calendar): units without building leader, party member or party organisation. */
  readonly coverage: (actor: Actor, id: GridNodeId, options?: { readonly date?: CalendarDate | undefined; readonly limit?: number | undefined }) => GridFx<CoverageReport>

  /** Registers a household in a smallest unit. Needs `grid.household.write`. */
  readonly createHousehold: (actor: Actor, command: CreateHousehold) => GridFx<HouseholdView>
  /** Changes a household's door number or replaces its residents. Needs `grid.household.write`. */
  readonly updateHousehold: (actor: Actor, id: HouseholdId, command: UpdateHousehold) => GridFx<HouseholdView>
  /** One household, masked unless the actor may read personal data there. */
  readonly getHousehold: (actor: Actor, id: HouseholdId) => GridFx<HouseholdView>
  /** The live households below a node, a page at a time, masked as for `getHousehold`. */
  readonly listHouseholds: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => GridFx<Page<HouseholdView>>
  /** For each role, the nearest current assignee above the household's unit on a date (default today in the county's calendar), and the nearest party organisation. */
  readonly whoServes: (actor: Actor, id: HouseholdId, options?: { readonly date?: CalendarDate | undefined }) => GridFx<WhoServes>

  /** Registers a person at a node, optionally living in a household at or below it. Needs `grid.assignment.write`. */
  readonly createPerson: (actor: Actor, command: CreatePerson) => GridFx<PersonView>
  /**
   * Changes a person's name, phone, node or household. Needs `grid.assignment.write` where
   * the person is registered and, when they move, at the new node.
   *
   * @since 0.4.0
   */
  readonly updatePerson: (actor: Actor, id: PersonId, command: UpdatePerson) => GridFx<PersonView>
  /**
   * One person: visible to those who may read the node they are registered at or a node
   * where they hold a current post, and to themselves; masked unless the actor may read
   * personal data where the person is registered (or is the person).
   */
  readonly getPerson: (actor: Actor, id: PersonId) => GridFx<PersonView>
  /** The people registered below a node, a page at a time. */
  readonly listPeople: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => GridFx<Page<PersonView>>
  /**
   * Links a sign-in subject to a person, so that it signs the person in. Linking it again
   * to the same person changes nothing; a subject linked to someone else is a `Conflict`
   * (`subject_linked`). Needs `grid.assignment.write` where the person is registered.
   *
   * @since 0.4.0
   */
  readonly linkSubject: (actor: Actor, id: PersonId, subject: SignInSubject) => GridFx<SubjectLinkView>
  /**
   * Unlinks a sign-in subject from a person and returns the subjects left; not found when
   * the subject is not linked to the person. Needs `grid.assignment.write`.
   *
   * @since 0.4.0
   */
  readonly unlinkSubject: (actor: Actor, id: PersonId, subject: SignInSubject) => GridFx<ReadonlyArray<SubjectLinkView>>
  /**
   * The sign-in subjects linked to a person. Needs `grid.assignment.write` where the person
   * is registered.
   *
   * @since 0.4.0
   */
  readonly subjects: (actor: Actor, id: PersonId) => GridFx<ReadonlyArray<SubjectLinkView>>
  /** Assigns a person of the node's county, in the actor's scope, to a node in a role from a start date (default today in the county's calendar). Needs `grid.assignment.write`. */
  readonly assignRole: (actor: Actor, command: AssignRole) => GridFx<Assignment>
  /** Ends an assignment on a date (default today in the county's calendar). Needs `grid.assignment.write`. */
  readonly endAssignment: (actor: Actor, id: AssignmentId, command: EndAssignment) => GridFx<Assignment>
  /** The role assignments below a node, a page at a time. */
  readonly listAssignments: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => GridFx<Page<Assignment>>

  /** The event feed: events after the cursor that the actor may see, in order. */
  readonly events: (actor: Actor, page?: PageRequest) => GridFx<Page<StoredEvent>>
}>()("@mulin/core/grid/Grid") {
  /**
   * The use cases over the ports and the kernel's services: provide `Access` and
   * `Commands` yourself to wrap or replace them (the store and id generator too).
   *
   * @category constructors
   * @since 0.4.0
   */
  static readonly make: Effect.Effect<Grid["Service"], never, GridStore | Directory | EventLog | Access | Commands | IdGenerator> = Effect.gen(function*() {
    return makeGrid({
      store: yield* GridStore,
      directory: yield* Directory,
      log: yield* EventLog,
      access: yield* Access,
      commands: yield* Commands,
      ids: yield* IdGenerator
    })
  })

  /**
   * The use cases over a store and an id generator, with the kernel (`layerKernel`) built
   * in. The permission policy is read once, when the layer is built: provide
   * `PermissionPolicy` to replace the default.
   *
   * @category layers
   * @since 0.1.0
   */
  static readonly layer: Layer.Layer<Grid, never, GridStore | Directory | EventLog | UnitOfWork | IdGenerator> = Layer.effect(Grid, Grid.make).pipe(
    Layer.provide(layerKernel)
  )
}

interface Deps {
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

const personOf = (state: PersonState): Person => ({
  id: state.id,
  countyId: state.countyId,
  nodeId: state.nodeId,
  code: state.code,
  name: state.name,
  phone: state.phone,
  householdId: state.householdId,
  version: state.version,
  createdAt: state.createdAt,
  updatedAt: state.updatedAt
})

const subjectView = (personId: PersonId) => (s: LinkedSubject): SubjectLinkView => ({ issuer: s.issuer, subject: s.subject, personId, linkedAt: s.linkedAt })

const makeGrid = ({ access, commands, directory, ids, log, store }: Deps): Grid["Service"] => {
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

  return Grid.of({
    createCounty: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decode.createCounty(input)
        const id = yield* fresh(newGridNodeId)
        const { state } = yield* run({
          actor,
          aggregate: "grid node",
          id,
          decider: countyDecider,
          command,
          load: Effect.succeed(undefined),
          authorize: () => (access.can(actor, "county.create", []) ? Effect.void : Effect.fail(forbidden("county.create", "the whole store", "全库"))),
          context: (_, at) => Effect.map(store.findCountyByCode(command.code), (found) => ({ at, id, codeTaken: Option.isSome(found) })),
          save: (next) => store.insertCounty(next.county, next.root),
          record: (event) => recordCountyEvent(event)
        })
        zones.set(id, state.county.timeZone)
        return state.county
      }),

    listCounties: (actor) =>
      Effect.gen(function*() {
        const counties = yield* store.listCounties
        const scopes = access.scopes(actor, "grid.tree.read")
        if (scopes === "*") return counties
        const visible = new Set((yield* directory.getPlaces(scopes)).map((p) => p.countyId))
        return counties.filter((c) => visible.has(c.id))
      }),

    // A county's template is readable by anyone who works somewhere inside it.
    getCounty: (actor, id) => Effect.andThen(access.inCounty(actor, "grid.tree.read", id), loadCounty(id)),

    createNode: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decode.createNode(input)
        const id = yield* fresh(newGridNodeId)
        let parent!: Place
        const { state } = yield* run({
          actor,
          aggregate: "grid node",
          id,
          decider: nodeDecider,
          command: { type: "CreateNode", input: command },
          load: Effect.succeed(undefined),
          authorize: () => Effect.map(access.at(actor, "grid.node.write", command.parentId), (p) => void (parent = p)),
          context: (_, at) =>
            Effect.gen(function*() {
              const county = yield* loadCounty(parent.countyId)
              const taken = yield* store.findChildByCode(parent.id, command.code)
              return { at, id, parent, levels: county.levels, codeTaken: Option.isSome(taken) }
            }),
          save: (next) => store.insertNodes([next]),
          record: (event, after) => recordNodeEvent(event, after)
        })
        return state
      }),

    updateNode: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decode.updateNode(input)
        const { state } = yield* run({
          actor,
          aggregate: "grid node",
          id,
          decider: nodeDecider,
          command: { type: "UpdateNode", input: command },
          // Loaded through the scope check: the node is the place it acts at.
          load: nodeAt(actor, "grid.node.write", id),
          authorize: () => Effect.void,
          context: (node, at) =>
            Effect.map(
              command.code === undefined || command.code === node!.code || node!.parentId === null ? Effect.succeed(Option.none()) : store.findChildByCode(node!.parentId, command.code),
              (taken) => ({ at, codeTaken: Option.isSome(taken) })
            ),
          save: (next, expected) => store.updateNode(next, expected),
          record: (event, after) => recordNodeEvent(event, after)
        })
        return state
      }),

    moveNode: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decode.moveNode(input)
        let descendants = 0
        const { state } = yield* run({
          actor,
          aggregate: "grid node",
          id,
          decider: nodeDecider,
          command: { type: "MoveNode", input: command },
          load: nodeAt(actor, "grid.node.write", id),
          authorize: () => Effect.void,
          context: (node, at) =>
            Effect.gen(function*() {
              // The new parent through the scope check, in the node's county.
              const parent = yield* access.at(actor, "grid.node.write", command.newParentId, { county: node!.countyId })
              const taken = parent.id === node!.parentId ? Option.none() : yield* store.findChildByCode(parent.id, node!.code)
              return { at, parent, codeTaken: Option.isSome(taken) }
            }),
          save: (next, expected) => Effect.map(store.moveSubtree(next, expected), (n) => void (descendants = n)),
          record: (event, after) => recordNodeEvent(event, after, { descendants })
        })
        return state
      }),

    archiveNode: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decode.archiveNode(input)
        let counts = { nodes: 0, households: 0 }
        const { state } = yield* run({
          actor,
          aggregate: "grid node",
          id,
          decider: nodeDecider,
          command: { type: "ArchiveNode", input: command },
          load: nodeAt(actor, "grid.node.write", id),
          authorize: () => Effect.void,
          context: (_, at) => Effect.map(store.countLive(id), (live) => ({ at, live })),
          save: (next, expected, before) =>
            Effect.gen(function*() {
              if (command.cascade === true) counts = yield* store.archiveDescendants(before!, next.updatedAt)
              yield* store.updateNode(next, expected)
            }),
          record: (event, after) => recordNodeEvent(event, after, { archivedNodes: counts.nodes, archivedHouseholds: counts.households })
        })
        return { node: state, archivedNodes: counts.nodes, archivedHouseholds: counts.households }
      }),

    // The node as the store keeps it (a store may check its rows as it reads them), once the scope check admits it.
    getNode: (actor, id) =>
      Effect.andThen(
        access.at(actor, "grid.tree.read", id),
        Effect.flatMap(store.getNode(id), Option.match({ onNone: () => Effect.fail(notFound("grid node", id)), onSome: Effect.succeed }))
      ),

    findNode: (actor, codePath) =>
      Effect.gen(function*() {
        const [countyCode, ...codes] = codePath.split("/")
        const county = yield* store.findCountyByCode(countyCode ?? "")
        if (Option.isNone(county)) return yield* Effect.fail(notFound("grid node", codePath))
        let id: GridNodeId = county.value.id
        for (const code of codes) {
          const child = yield* store.findChildByCode(id, code)
          if (Option.isNone(child)) return yield* Effect.fail(notFound("grid node", codePath))
          id = child.value.id
        }
        return yield* nodeAt(actor, "grid.tree.read", id).pipe(Effect.catchTag("NotFound", () => Effect.fail(notFound("grid node", codePath))))
      }),

    ancestors: (actor, id) =>
      Effect.gen(function*() {
        const node = yield* access.at(actor, "grid.tree.read", id)
        const found = yield* store.getNodes(node.path)
        const byId = new Map(found.map((n) => [n.id, n]))
        // Only the part of the path the actor may read: its scope and below.
        return node.path.flatMap((a, i) => {
          const n = byId.get(a)
          return n !== undefined && access.can(actor, "grid.tree.read", node.path.slice(0, i + 1)) ? [n] : []
        })
      }),

    children: (actor, id, page) =>
      Effect.andThen(access.at(actor, "grid.tree.read", id), store.listChildren(id, { after: page?.after, limit: limitOf(page) })),

    summary: (actor, id) =>
      Effect.gen(function*() {
        const node = yield* nodeAt(actor, "grid.tree.read", id)
        const county = yield* loadCounty(node.countyId)
        const [byLevel, counts] = yield* Effect.all([store.countByLevel(id), store.countHouseholds(id)])
        const count = new Map(byLevel.map((l) => [l.level, l.count]))
        return {
          node,
          levels: county.levels.slice(node.depth).map((l) => ({ level: l.key, nameZh: l.nameZh, nameEn: l.nameEn, count: count.get(l.key) ?? 0 })),
          households: counts.households,
          residents: counts.residents
        }
      }),

    coverage: (actor, id, options) =>
      Effect.gen(function*() {
        const node = yield* access.at(actor, "grid.tree.read", id)
        const county = yield* loadCounty(node.countyId)
        const date = options?.date ?? (yield* todayIn(county.timeZone))
        const [outline, assignments, above, ancestors] = yield* Effect.all([
          store.outline(id),
          store.currentAssignmentsIn(id, date, ["building_leader", "party_member"]),
          store.currentAssignmentsAt(node.path, date),
          store.getNodes(node.path)
        ])
        return computeCoverage({
          rootId: id,
          date,
          unitDepth: county.levels.length - 1,
          outline,
          assignments,
          inherited: {
            buildingLeader: above.some((a) => a.role === "building_leader"),
            partyMember: above.some((a) => a.role === "party_member"),
            partyOrganisation: ancestors.some((a) => a.partyOrganisation !== null)
          },
          limit: Math.min(Math.max(0, Math.floor(options?.limit ?? 100)), 10_000)
        })
      }),

    createHousehold: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decode.createHousehold(input)
        const id = yield* fresh(newHouseholdId)
        const residentIds = yield* freshResidentIds(command.residents.length)
        let unit!: Place
        const { state } = yield* run({
          actor,
          aggregate: "household",
          id,
          decider: householdDecider,
          command: { type: "CreateHousehold", input: command },
          load: Effect.succeed(undefined),
          authorize: () => Effect.map(access.at(actor, "grid.household.write", command.nodeId), (p) => void (unit = p)),
          context: (_, at) =>
            Effect.map(loadCounty(unit.countyId), (county) => {
              const smallest = county.levels[county.levels.length - 1]!
              return { at, id, unit, residentIds, smallest: { depth: county.levels.length - 1, nameEn: smallest.nameEn, nameZh: smallest.nameZh } }
            }),
          save: (next) => store.insertHouseholds([next]),
          record: (event, after) => recordHouseholdEvent(event, after, pathOf(unit))
        })
        return householdView(state, seesPersonal(actor, unit))
      }),

    updateHousehold: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decode.updateHousehold(input)
        const residentIds = yield* freshResidentIds(command.residents?.length ?? 0)
        let unit!: Place
        const { state } = yield* run({
          actor,
          aggregate: "household",
          id,
          decider: householdDecider,
          command: { type: "UpdateHousehold", input: command },
          load: Effect.gen(function*() {
            const household = yield* loadHousehold(id)
            unit = yield* access.check(actor, "grid.household.write", householdTarget(household))
            return household
          }),
          authorize: () => Effect.void,
          context: (household, at) =>
            Effect.map(
              command.code === undefined || command.code === household!.code ? Effect.succeed(Option.none()) : store.findHouseholdByCode(household!.nodeId, command.code),
              (taken) => ({ at, residentIds, codeTaken: Option.isSome(taken) })
            ),
          save: (next, expected) => store.updateHousehold(next, expected),
          record: (event, after) => recordHouseholdEvent(event, after, pathOf(unit))
        })
        return householdView(state, seesPersonal(actor, unit))
      }),

    getHousehold: (actor, id) =>
      Effect.gen(function*() {
        const household = yield* loadHousehold(id)
        const unit = yield* access.check(actor, "grid.household.read", householdTarget(household))
        return householdView(household, seesPersonal(actor, unit))
      }),

    listHouseholds: (actor, rootId, page) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "grid.household.read", rootId)
        const result = yield* store.listHouseholds(rootId, { after: page?.after, limit: limitOf(page) })
        const show = seesPersonal(actor, root)
        return { items: result.items.map((h) => householdView(h, show)), next: result.next }
      }),

    whoServes: (actor, id, options) =>
      Effect.gen(function*() {
        // "Today" is the county's. The household's county is known only after the read, so
        // the date is first taken in the zone seen last, and the read repeated in the rare
        // case that the household's county has another date today.
        const guess = lastZone
        let on = options?.date ?? (yield* todayIn(guess))
        // One store read (one snapshot) per call: this runs on every lookup of a household.
        let found = yield* store.getHouseholdServers(id, on)
        if (Option.isNone(found)) return yield* Effect.fail(notFound("household", id))
        if (options?.date === undefined) {
          const own = yield* zoneOf(found.value.household.countyId)
          const date = own === guess ? on : yield* todayIn(own)
          if (date !== on) {
            on = date
            found = yield* store.getHouseholdServers(id, on)
            if (Option.isNone(found)) return yield* Effect.fail(notFound("household", id))
          }
        }
        const { assignments: nearest, household, nodes: pathNodes, people: named } = found.value
        const unit = pathNodes[pathNodes.length - 1]
        if (unit === undefined) return yield* Effect.fail(notFound("household", id))
        // The unit came in the same snapshot as the household: checked as loaded, not read again.
        const place = yield* access.checkLoaded(actor, "grid.household.read", unit, householdTarget(household))
        const path = pathOf(place)
        const nodes = new Map(pathNodes.map((n) => [n.id, n]))
        const people = new Map(named.map((p) => [p.id, p]))
        const showPersonal = access.can(actor, "grid.personal.read", path)
        const orgNode = [...path].reverse().map((p) => nodes.get(p)).find((n) => n !== undefined && n.partyOrganisation !== null)
        return {
          householdId: household.id,
          nodeId: unit.id,
          date: on,
          servers: nearest.flatMap((a) => {
            const person = people.get(a.personId)
            const at = nodes.get(a.nodeId)
            return person === undefined || at === undefined
              ? []
              : [{ role: a.role, assignmentId: a.id, person: personView(person, showPersonal), nodeId: at.id, nodeName: at.name, level: at.level, since: a.startDate }]
          }),
          partyOrganisation: orgNode === undefined ? null : { nodeId: orgNode.id, name: orgNode.partyOrganisation! }
        }
      }),

    createPerson: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decode.createPerson(input)
        const id = yield* fresh(newPersonId)
        let node!: Place
        const { state } = yield* run({
          actor,
          aggregate: "person",
          id,
          decider: personDecider,
          command: { type: "CreatePerson", input: command },
          load: Effect.succeed(undefined),
          authorize: () => Effect.map(access.at(actor, "grid.assignment.write", command.nodeId), (p) => void (node = p)),
          context: (_, at) =>
            Effect.map(
              command.householdId == null ? Effect.succeed(undefined) : householdFor(actor, command.householdId, node.countyId),
              (household) => ({ at, id, node, household })
            ),
          save: (next) => store.insertPeople([personOf(next)]),
          record: (event, after) => recordPersonEvent(event, after, pathOf(node))
        })
        return personView(state, seesPersonal(actor, node))
      }),

    updatePerson: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decode.updatePerson(input)
        let target!: Place
        const { state } = yield* run({
          actor,
          aggregate: "person",
          id,
          decider: personDecider,
          command: { type: "UpdatePerson", input: command },
          load: Effect.gen(function*() {
            const person = yield* loadPersonState(id)
            target = yield* access.check(actor, "grid.assignment.write", personTarget(person))
            return person
          }),
          authorize: () => Effect.void,
          context: (person, at) =>
            Effect.gen(function*() {
              const p = person!
              const nodeId = command.nodeId ?? p.nodeId
              // The new node through the scope check, in the person's county.
              if (nodeId !== p.nodeId) target = yield* access.at(actor, "grid.assignment.write", nodeId, { county: p.countyId })
              const householdId = command.householdId === undefined ? p.householdId : command.householdId
              const household = householdId !== null && (householdId !== p.householdId || nodeId !== p.nodeId) ? yield* householdFor(actor, householdId, p.countyId) : undefined
              return { at, node: target, household }
            }),
          save: (next, expected) => store.updatePerson(personOf(next), expected),
          record: (event, after) => recordPersonEvent(event, after, pathOf(target))
        })
        return personView(state, state.id === actor.id || seesPersonal(actor, target))
      }),

    // A person is visible where they are registered and where they serve, and to themselves.
    getPerson: (actor, id) =>
      Effect.gen(function*() {
        const person = yield* loadPerson(id)
        const self = person.id === actor.id
        const registered = yield* Effect.result(access.check(actor, "grid.tree.read", personTarget(person), { involved: self }))
        if (registered._tag === "Success") return personView(person, self || seesPersonal(actor, registered.success))
        if (registered.failure._tag !== "NotFound") return yield* Effect.fail(registered.failure)
        const found = yield* directory.personAccess(id)
        if (Option.isSome(found)) {
          const today = yield* todayIn(found.value.timeZone)
          for (const post of found.value.posts) {
            if (!isCurrentOn(post, today)) continue
            const served = yield* Effect.result(access.check(actor, "grid.tree.read", { entity: "person", id, nodeId: post.nodeId }))
            if (served._tag === "Success") return personView(person, false)
          }
        }
        return yield* Effect.fail(registered.failure)
      }),

    listPeople: (actor, rootId, page) =>
      Effect.gen(function*() {
        const root = yield* access.at(actor, "grid.tree.read", rootId)
        const result = yield* store.listPeople(rootId, { after: page?.after, limit: limitOf(page) })
        const show = seesPersonal(actor, root)
        return { items: result.items.map((p) => personView(p, show || p.id === actor.id)), next: result.next }
      }),

    linkSubject: (actor, id, input) =>
      Effect.gen(function*() {
        const subject = yield* decode.subject(input)
        let place!: Place
        const { state } = yield* run({
          actor,
          aggregate: "person",
          id,
          decider: personDecider,
          command: { type: "LinkSubject", input: subject },
          load: Effect.gen(function*() {
            const person = yield* loadPersonState(id)
            place = yield* access.check(actor, "grid.assignment.write", personTarget(person))
            return person
          }),
          authorize: () => Effect.void,
          context: (_, at) => Effect.map(directory.findSubject(subject.issuer, subject.subject), (holder) => ({ at, subjectHolder: Option.getOrUndefined(holder) })),
          save: (next, expected, before) => saveSubjects(next, expected, before!),
          record: (event, after) => recordPersonEvent(event, after, pathOf(place))
        })
        const linked = state.subjects.find((s) => s.issuer === subject.issuer && s.subject === subject.subject)!
        return subjectView(state.id)(linked)
      }),

    unlinkSubject: (actor, id, input) =>
      Effect.gen(function*() {
        const subject = yield* decode.subject(input)
        let place!: Place
        const { state } = yield* run({
          actor,
          aggregate: "person",
          id,
          decider: personDecider,
          command: { type: "UnlinkSubject", input: subject },
          load: Effect.gen(function*() {
            const person = yield* loadPersonState(id)
            place = yield* access.check(actor, "grid.assignment.write", personTarget(person))
            return person
          }),
          authorize: () => Effect.void,
          context: (_, at) => Effect.succeed({ at }),
          save: (next, expected, before) => saveSubjects(next, expected, before!),
          record: (event, after) => recordPersonEvent(event, after, pathOf(place))
        })
        return state.subjects.map(subjectView(state.id))
      }),

    subjects: (actor, id) =>
      Effect.gen(function*() {
        const person = yield* loadPerson(id)
        yield* access.check(actor, "grid.assignment.write", personTarget(person))
        return (yield* store.subjectsOf(id)).map((s) => subjectView(id)(s))
      }),

    assignRole: (actor, input) =>
      Effect.gen(function*() {
        const command = yield* decode.assignRole(input)
        const id = yield* fresh(newAssignmentId)
        let node!: Place
        const { state } = yield* run({
          actor,
          aggregate: "assignment",
          id,
          decider: assignmentDecider,
          command: { type: "AssignRole", input: command },
          load: Effect.succeed(undefined),
          authorize: () => Effect.map(access.at(actor, "grid.assignment.write", command.nodeId), (p) => void (node = p)),
          context: (_, at) =>
            Effect.gen(function*() {
              // The person must exist, lie in the actor's scope and in the node's county.
              const person = yield* loadPerson(command.personId)
              yield* access.check(actor, "grid.assignment.write", personTarget(person), { county: node.countyId })
              const today = yield* todayOf(node.countyId)
              const duplicate = yield* store.findAssignment(person.id, node.id, command.role, command.startDate ?? today)
              return { at, today, id, node, person, duplicate: Option.isSome(duplicate) }
            }),
          save: (next) => store.insertAssignments([next]),
          record: (event, after) => recordAssignmentEvent(event, after, pathOf(node))
        })
        return state
      }),

    endAssignment: (actor, id, input) =>
      Effect.gen(function*() {
        const command = yield* decode.endAssignment(input)
        let place!: Place
        const { state } = yield* run({
          actor,
          aggregate: "assignment",
          id,
          decider: assignmentDecider,
          command: { type: "EndAssignment", input: command },
          load: Effect.gen(function*() {
            const assignment = yield* loadAssignment(id)
            place = yield* access.check(actor, "grid.assignment.write", { entity: "assignment", id, nodeId: assignment.nodeId })
            return assignment
          }),
          authorize: () => Effect.void,
          context: (assignment, at) => Effect.map(todayOf(assignment!.countyId), (today) => ({ at, today })),
          save: (next, expected) => store.updateAssignment(next, expected),
          record: (event, after) => recordAssignmentEvent(event, after, pathOf(place))
        })
        return state
      }),

    listAssignments: (actor, rootId, page) =>
      Effect.andThen(access.at(actor, "grid.tree.read", rootId), store.listAssignments(rootId, { after: page?.after, limit: limitOf(page) })),

    events: (actor, page) =>
      Effect.gen(function*() {
        const scopes = access.scopes(actor, "events.read")
        if (scopes !== "*" && scopes.length === 0) return yield* Effect.fail(forbidden("events.read", "any node", "任何节点"))
        const after = page?.after === undefined ? 0 : Number(page.after)
        if (!Number.isSafeInteger(after) || after < 0) {
          return yield* Effect.fail(invalidField("after", "must be a cursor returned by a previous page", "必须是上一页返回的游标"))
        }
        const limit = limitOf(page)
        const items = yield* log.read({ after, limit, scopes })
        return { items, next: items.length === limit ? String(items[items.length - 1]!.position) : null }
      })
  })

  /** Stores a person's new version and the subjects linked or unlinked since `before`. */
  function saveSubjects(next: PersonState, expected: number, before: PersonState): Effect.Effect<void, Conflict | StorageError> {
    return Effect.gen(function*() {
      yield* store.updatePerson(personOf(next), expected)
      const had = (s: LinkedSubject, list: ReadonlyArray<LinkedSubject>) => list.some((x) => x.issuer === s.issuer && x.subject === s.subject)
      for (const s of before.subjects) if (!had(s, next.subjects)) yield* store.unlinkSubject(s.issuer, s.subject)
      for (const s of next.subjects) {
        if (!had(s, before.subjects)) yield* store.linkSubject({ issuer: s.issuer, subject: s.subject, personId: next.id, countyId: next.countyId, linkedAt: s.linkedAt })
      }
    })
  }
}
