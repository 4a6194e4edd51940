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
import { Context, Effect, Layer } from "effect"
import { Access } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import { Commands } from "../kernel/decider.js"
import { Directory } from "../kernel/directory.js"
import type { Conflict, Forbidden, InvalidInput, NotFound, StorageError } from "../kernel/errors.js"
import type { StoredEvent } from "../kernel/events.js"
import { Feed, type FeedRequest } from "../kernel/feed.js"
import { type AssignmentId, type GridNodeId, type HouseholdId, IdGenerator, type PersonId } from "../kernel/ids.js"
import { layerKernel } from "../kernel/layer.js"
import type { Page, PageRequest } from "../kernel/pagination.js"
import { EventLog, type UnitOfWork } from "../kernel/store.js"
import type { CalendarDate } from "../kernel/time.js"
import type {
  ArchiveNode,
  AssignRole,
  Assignment,
  County,
  CreateCounty,
  CreateHousehold,
  CreateNode,
  CreatePerson,
  EndAssignment,
  GridNode,
  MoveNode,
  SignInSubject,
  UpdateHousehold,
  UpdateNode,
  UpdatePerson
} from "./model.js"
import { GridStore } from "./store.js"
import type { ArchiveResult, CoverageReport, HouseholdView, PersonView, SubjectLinkView, SubtreeSummary, WhoServes } from "./views.js"
import { householdUseCases } from "./service/households.js"
import { makeKit } from "./service/kit.js"
import { peopleUseCases } from "./service/people.js"
import { postUseCases } from "./service/posts.js"
import { treeUseCases } from "./service/tree.js"

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

  /**
   * The event feed: one county's events after the cursor that the actor may see, in order.
   * The feed is the kernel's ({@link Feed}): this delegates to it.
   */
  readonly events: (actor: Actor, page?: FeedRequest) => GridFx<Page<StoredEvent>>
}>()("@mulin/core/grid/Grid") {
  /**
   * The use cases over the ports and the kernel's services: provide `Access` and
   * `Commands` yourself to wrap or replace them (the store and id generator too).
   *
   * @category constructors
   * @since 0.4.0
   */
  static readonly make: Effect.Effect<Grid["Service"], never, GridStore | Directory | EventLog | Access | Commands | IdGenerator> = Effect.gen(function*() {
    const kit = makeKit({
      store: yield* GridStore,
      directory: yield* Directory,
      log: yield* EventLog,
      access: yield* Access,
      commands: yield* Commands,
      ids: yield* IdGenerator
    })
    const feed = yield* Feed.make
    return Grid.of({
      ...treeUseCases(kit),
      ...householdUseCases(kit),
      ...peopleUseCases(kit),
      ...postUseCases(kit),
      events: feed.events
    })
  })

  /**
   * The use cases over a store and an id generator, with the kernel (`layerKernel`) built
   * in, and the kernel's event feed ({@link Feed}, which serves `GET /events`). The permission policy is read once, when the layer is built: provide
   * `PermissionPolicy` to replace the default.
   *
   * @category layers
   * @since 0.1.0
   */
  static readonly layer: Layer.Layer<Grid | Feed, never, GridStore | Directory | EventLog | UnitOfWork | IdGenerator> = Layer.mergeAll(
    Layer.effect(Grid, Grid.make),
    Feed.layer
  ).pipe(Layer.provide(layerKernel))
}
