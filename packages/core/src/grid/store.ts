/**
 * The grid context's port: the storage every adapter implements and the conformance suite
 * (`@mulin/core/testing`) checks.
 *
 * @since 0.1.0
 */
import { Context, type Effect, type Option } from "effect"
import { conflict, type Conflict, type StorageError } from "../kernel/errors.js"
import type { GridNodeId, HouseholdId, PersonId, AssignmentId } from "../kernel/ids.js"
import type { Page } from "../kernel/pagination.js"
import type { CalendarDate, Instant } from "../kernel/time.js"
import type { AssignableRole, Assignment, County, GridNode, Household, Person } from "./model.js"

/**
 * The light shape of a node that whole-subtree computations (coverage) need.
 *
 * @category models
 * @since 0.1.0
 */
export interface NodeOutline {
  readonly id: GridNodeId
  readonly parentId: GridNodeId | null
  readonly depth: number
  readonly name: string
  readonly hasPartyOrganisation: boolean
}

/**
 * A household and what serves it on a date, as `GridStore.getHouseholdServers` reads them.
 *
 * @category models
 * @since 0.3.0
 */
export interface HouseholdServers {
  readonly household: Household
  /** The household's unit and the unit's ancestors, root first, the unit last; empty when the unit does not exist. */
  readonly nodes: ReadonlyArray<GridNode>
  /**
   * Per role, the assignment current on the date (start ≤ date ≤ end) nearest the household
   * among `nodes`, as `nearestByRole` picks it from those current at any of them.
   */
  readonly assignments: ReadonlyArray<Assignment>
  /** The people those assignments name, in any order. */
  readonly people: ReadonlyArray<Person>
}

/**
 * A sign-in subject linked to a person: the identity provider (`issuer`, e.g. the county's
 * OIDC issuer URL, or `demo` for the example's token table) and its subject (`sub`).
 *
 * @category models
 * @since 0.4.0
 */
export interface SubjectLink {
  readonly issuer: string
  readonly subject: string
  readonly personId: PersonId
  readonly countyId: GridNodeId
  readonly linkedAt: Instant
}

/**
 * The `Conflict` of a subject already linked to another person.
 *
 * @category constructors
 * @since 0.4.0
 */
export const subjectTaken = (link: Pick<SubjectLink, "issuer" | "subject">): Conflict =>
  conflict("subject_linked", `the sign-in subject ${link.subject} of ${link.issuer} is already linked to another person`, `登录主体 ${link.issuer} / ${link.subject} 已关联其他人员`)

/**
 * A page to read: after the last id of the previous page.
 *
 * @category models
 * @since 0.1.0
 */
export interface Cursor {
  readonly after: string | undefined
  readonly limit: number
}

/**
 * Storage of counties, nodes, households, people and assignments.
 *
 * Contract (every adapter; the conformance suite checks each):
 * - Writes are called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `insert*` MUST fail with `Conflict` (reason `duplicate_code`) when a live sibling node,
 *   a live household in the same unit, or a person in the same county already has the
 *   code, and MUST then write nothing of that call.
 * - `update*` MUST fail with `Conflict` (reason `version_mismatch`) unless the stored
 *   version equals `expectedVersion`; on success the stored row equals the given one.
 *   `updateNode` MUST NOT change `parentId`, `path` or `depth` (only `moveSubtree` does).
 * - `moveSubtree` MUST rewrite the path of every descendant in the same unit of work.
 * - Reads return only what was committed (or written earlier in the same unit of work).
 * - Listings are ordered by id, and `next` is the last id of the page when more follow.
 * - Subtree reads (`countByLevel`, `outline`, `listHouseholds`, `currentAssignmentsIn`, …)
 *   include the root itself and only live (`active`) nodes and households; they SHOULD use
 *   an index on the path rather than scan the store.
 * - `getHouseholdServers` MUST read all it returns from one snapshot (one read transaction),
 *   so its parts agree with each other even while another process commits.
 * - `linkSubject` MUST fail with `Conflict` (`subject_linked`) when the subject is linked to
 *   another person, and succeed without change when it is linked to the same one.
 *
 * @category services
 * @since 0.1.0
 */
export class GridStore extends Context.Service<GridStore, {
  /** The county with this id. */
  readonly getCounty: (id: GridNodeId) => Effect.Effect<Option.Option<County>, StorageError>
  /** The county with this code. */
  readonly findCountyByCode: (code: string) => Effect.Effect<Option.Option<County>, StorageError>
  /** Every county, by id. */
  readonly listCounties: Effect.Effect<ReadonlyArray<County>, StorageError>
  /** Inserts the county and its root node. */
  readonly insertCounty: (county: County, root: GridNode) => Effect.Effect<void, Conflict | StorageError>

  /** The node with this id, live or archived. */
  readonly getNode: (id: GridNodeId) => Effect.Effect<Option.Option<GridNode>, StorageError>
  /** The nodes with these ids that exist, in any order. */
  readonly getNodes: (ids: ReadonlyArray<GridNodeId>) => Effect.Effect<ReadonlyArray<GridNode>, StorageError>
  /** The live child of `parentId` with this code. */
  readonly findChildByCode: (parentId: GridNodeId, code: string) => Effect.Effect<Option.Option<GridNode>, StorageError>
  /** The live children of a node, by id. */
  readonly listChildren: (parentId: GridNodeId, cursor: Cursor) => Effect.Effect<Page<GridNode>, StorageError>
  /** Inserts new nodes (parents before children). */
  readonly insertNodes: (nodes: ReadonlyArray<GridNode>) => Effect.Effect<void, Conflict | StorageError>
  /** Stores a node's new name, code, party organisation, status and version. */
  readonly updateNode: (node: GridNode, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** Stores the moved node (new parent, path, version) and rewrites its descendants' paths; returns how many descendants moved. */
  readonly moveSubtree: (node: GridNode, expectedVersion: number) => Effect.Effect<number, Conflict | StorageError>
  /** Archives the node's live descendants and every live household at the node or below it (not the node itself). */
  readonly archiveDescendants: (node: GridNode, at: Instant) => Effect.Effect<{ readonly nodes: number; readonly households: number }, StorageError>
  /** Live children and live households directly at the node. */
  readonly countLive: (nodeId: GridNodeId) => Effect.Effect<{ readonly children: number; readonly households: number }, StorageError>
  /** How many live nodes of each level the subtree holds. */
  readonly countByLevel: (rootId: GridNodeId) => Effect.Effect<ReadonlyArray<{ readonly level: string; readonly count: number }>, StorageError>
  /** The live nodes of the subtree in tree order: root first, parents before children. */
  readonly outline: (rootId: GridNodeId) => Effect.Effect<ReadonlyArray<NodeOutline>, StorageError>

  /** The household with this id. */
  readonly getHousehold: (id: HouseholdId) => Effect.Effect<Option.Option<Household>, StorageError>
  /** The live household of this unit with this door number. */
  readonly findHouseholdByCode: (nodeId: GridNodeId, code: string) => Effect.Effect<Option.Option<Household>, StorageError>
  /** Inserts new households. */
  readonly insertHouseholds: (households: ReadonlyArray<Household>) => Effect.Effect<void, Conflict | StorageError>
  /** Stores a household's new state. */
  readonly updateHousehold: (household: Household, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The live households of the subtree, by id. */
  readonly listHouseholds: (rootId: GridNodeId, cursor: Cursor) => Effect.Effect<Page<Household>, StorageError>
  /** How many live households and residents the subtree holds. */
  readonly countHouseholds: (rootId: GridNodeId) => Effect.Effect<{ readonly households: number; readonly residents: number }, StorageError>

  /** The person with this id. */
  readonly getPerson: (id: PersonId) => Effect.Effect<Option.Option<Person>, StorageError>
  /** The people with these ids that exist, in any order. */
  readonly getPeople: (ids: ReadonlyArray<PersonId>) => Effect.Effect<ReadonlyArray<Person>, StorageError>
  /** The person of this county with this code. */
  readonly findPersonByCode: (countyId: GridNodeId, code: string) => Effect.Effect<Option.Option<Person>, StorageError>
  /** Inserts new people. */
  readonly insertPeople: (people: ReadonlyArray<Person>) => Effect.Effect<void, Conflict | StorageError>
  /** Stores a person's new state. */
  readonly updatePerson: (person: Person, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The people registered in the subtree, by id. */
  readonly listPeople: (rootId: GridNodeId, cursor: Cursor) => Effect.Effect<Page<Person>, StorageError>

  /** The assignment with this id. */
  readonly getAssignment: (id: AssignmentId) => Effect.Effect<Option.Option<Assignment>, StorageError>
  /** The assignment of this person, node and role that starts on this date, if any. */
  readonly findAssignment: (personId: PersonId, nodeId: GridNodeId, role: AssignableRole, startDate: CalendarDate) => Effect.Effect<Option.Option<Assignment>, StorageError>
  /** Inserts new assignments. */
  readonly insertAssignments: (assignments: ReadonlyArray<Assignment>) => Effect.Effect<void, Conflict | StorageError>
  /** Stores an assignment's new state (its end date). */
  readonly updateAssignment: (assignment: Assignment, expectedVersion: number) => Effect.Effect<void, Conflict | StorageError>
  /** The assignments at nodes of the subtree, by id. */
  readonly listAssignments: (rootId: GridNodeId, cursor: Cursor) => Effect.Effect<Page<Assignment>, StorageError>
  /** Assignments current on `date` (start ≤ date ≤ end) at exactly these nodes. */
  readonly currentAssignmentsAt: (nodeIds: ReadonlyArray<GridNodeId>, date: CalendarDate) => Effect.Effect<ReadonlyArray<Assignment>, StorageError>
  /** Assignments in these roles current on `date` anywhere in the subtree. */
  readonly currentAssignmentsIn: (rootId: GridNodeId, date: CalendarDate, roles: ReadonlyArray<AssignableRole>) => Effect.Effect<ReadonlyArray<Assignment>, StorageError>
  /** Links a sign-in subject to a person. */
  readonly linkSubject: (link: SubjectLink) => Effect.Effect<void, Conflict | StorageError>
  /** Removes a subject's link; false when there was none. */
  readonly unlinkSubject: (issuer: string, subject: string) => Effect.Effect<boolean, StorageError>
  /** The subjects linked to a person, by issuer and subject. */
  readonly subjectsOf: (personId: PersonId) => Effect.Effect<ReadonlyArray<SubjectLink>, StorageError>
  /**
   * The household with this id, its unit with the unit's ancestors, the nearest assignment
   * current on `date` per role among those nodes and the people they name, all from one
   * snapshot; none when no household has this id.
   */
  readonly getHouseholdServers: (id: HouseholdId, date: CalendarDate) => Effect.Effect<Option.Option<HouseholdServers>, StorageError>
}>()("@mulin/core/grid/GridStore") {}
