/**
 * The grid use cases. Each one authorises the actor against the grid scope of what it
 * touches, loads, checks the rules, then saves the new state and its events in one unit of
 * work. This is the only layer that calls the ports.
 *
 * @since 0.1.0
 */
import { Context, Effect, Layer, Option } from "effect"
import type { Actor } from "../kernel/actor.js"
import {
  conflict,
  forbidden,
  invalidField,
  notFound,
  staleVersion,
  type Conflict,
  type Forbidden,
  type InvalidInput,
  type NotFound,
  type StorageError
} from "../kernel/errors.js"
import { makeEvent, type NewEvent, type StoredEvent } from "../kernel/events.js"
import {
  type AssignmentId,
  type GridNodeId,
  type HouseholdId,
  IdGenerator,
  newAssignmentId,
  newGridNodeId,
  newHouseholdId,
  newPersonId,
  newResidentId,
  type PersonId
} from "../kernel/ids.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Page, type PageRequest } from "../kernel/pagination.js"
import { type Action, allowedScopes, isAllowed, PermissionPolicy, type Policy } from "../kernel/permissions.js"
import { EventLog, UnitOfWork } from "../kernel/store.js"
import { type CalendarDate, DEFAULT_TIME_ZONE, type Instant, now, todayIn } from "../kernel/time.js"
import {
  type ArchiveNode,
  type AssignRole,
  type Assignment,
  type County,
  type CreateCounty,
  type CreateHousehold,
  type CreateNode,
  type CreatePerson,
  defaultLevels,
  type EndAssignment,
  type GridNode,
  type Household,
  type MoveNode,
  type Person,
  type Resident,
  type ResidentInput,
  type UpdateHousehold,
  type UpdateNode
} from "./model.js"
import { checkMove, childLevel, computeCoverage, householdView, personView } from "./rules.js"
import { GridStore } from "./store.js"
import type { ArchiveResult, CoverageReport, HouseholdView, PersonView, SubtreeSummary, WhoServes } from "./views.js"

/**
 * Every error a grid use case can fail with.
 *
 * @category errors
 * @since 0.1.0
 */
export type GridError = NotFound | Forbidden | Conflict | InvalidInput | StorageError

type Fx<A> = Effect.Effect<A, GridError>

/**
 * The grid use cases.
 *
 * @category services
 * @since 0.1.0
 */
export class Grid extends Context.Service<Grid, {
  /** Creates a county and its root node with a level template (default: the six levels). Needs `county.create` on the whole store. */
  readonly createCounty: (actor: Actor, command: CreateCounty) => Fx<County>
  /** The counties in which the actor may read something. */
  readonly listCounties: (actor: Actor) => Fx<ReadonlyArray<County>>
  /** A county and its level template; readable by anyone working inside it. */
  readonly getCounty: (actor: Actor, id: GridNodeId) => Fx<County>
  /** Creates a node under a parent, at the next level unless one is named. Needs `grid.node.write` on the parent. */
  readonly createNode: (actor: Actor, command: CreateNode) => Fx<GridNode>
  /** Renames, re-codes or sets the party organisation of a node. Needs `grid.node.write`. */
  readonly updateNode: (actor: Actor, id: GridNodeId, command: UpdateNode) => Fx<GridNode>
  /** Moves a node with its whole subtree under a new parent of the same county. Needs `grid.node.write` on both. */
  readonly moveNode: (actor: Actor, id: GridNodeId, command: MoveNode) => Fx<GridNode>
  /** Archives a node; refused while live children or households remain unless `cascade`. Needs `grid.node.write`. */
  readonly archiveNode: (actor: Actor, id: GridNodeId, command: ArchiveNode) => Fx<ArchiveResult>
  /** One node. Needs `grid.tree.read`; a node outside the actor's subtree is not found. */
  readonly getNode: (actor: Actor, id: GridNodeId) => Fx<GridNode>
  /** The live node at a code path such as `370812/001/001/G01` (county code first). */
  readonly findNode: (actor: Actor, codePath: string) => Fx<GridNode>
  /** The node's ancestors the actor may read, root first. */
  readonly ancestors: (actor: Actor, id: GridNodeId) => Fx<ReadonlyArray<GridNode>>
  /** The node's live children, a page at a time, by id. */
  readonly children: (actor: Actor, id: GridNodeId, page?: PageRequest) => Fx<Page<GridNode>>
  /** Live nodes per level, households and residents below (and at) a node. */
  readonly summary: (actor: Actor, id: GridNodeId) => Fx<SubtreeSummary>
  /** The coverage report of a subtree on a date (default today): units without building leader, party member or party organisation. */
  readonly coverage: (actor: Actor, id: GridNodeId, options?: { readonly date?: CalendarDate | undefined; readonly limit?: number | undefined }) => Fx<CoverageReport>

  /** Registers a household in a smallest unit. Needs `grid.household.write`. */
  readonly createHousehold: (actor: Actor, command: CreateHousehold) => Fx<HouseholdView>
  /** Changes a household's door number or replaces its residents. Needs `grid.household.write`. */
  readonly updateHousehold: (actor: Actor, id: HouseholdId, command: UpdateHousehold) => Fx<HouseholdView>
  /** One household, masked unless the actor may read personal data there. */
  readonly getHousehold: (actor: Actor, id: HouseholdId) => Fx<HouseholdView>
  /** The live households below a node, a page at a time, masked as for `getHousehold`. */
  readonly listHouseholds: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => Fx<Page<HouseholdView>>
  /** For each role, the nearest current assignee above the household's unit, and the nearest party organisation. */
  readonly whoServes: (actor: Actor, id: HouseholdId, options?: { readonly date?: CalendarDate | undefined }) => Fx<WhoServes>

  /** Registers a person in the directory at a node. Needs `grid.assignment.write`. */
  readonly createPerson: (actor: Actor, command: CreatePerson) => Fx<PersonView>
  /** One person, visible where they are registered and below; masked unless the actor may read personal data there. */
  readonly getPerson: (actor: Actor, id: PersonId) => Fx<PersonView>
  /** The people registered below a node, a page at a time. */
  readonly listPeople: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => Fx<Page<PersonView>>
  /** Assigns a person to a node in a role from a start date (default today). Needs `grid.assignment.write`. */
  readonly assignRole: (actor: Actor, command: AssignRole) => Fx<Assignment>
  /** Ends an assignment on a date (default today). Needs `grid.assignment.write`. */
  readonly endAssignment: (actor: Actor, id: AssignmentId, command: EndAssignment) => Fx<Assignment>
  /** The role assignments below a node, a page at a time. */
  readonly listAssignments: (actor: Actor, rootId: GridNodeId, page?: PageRequest) => Fx<Page<Assignment>>

  /** The event feed: events after the cursor that the actor may see, in order. */
  readonly events: (actor: Actor, page?: PageRequest) => Fx<Page<StoredEvent>>
}>()("@mulin/core/grid/Grid") {
  /**
   * The use cases over the ports. The permission policy is read once, when the layer is
   * built: provide {@link PermissionPolicy} to replace the default.
   *
   * @category layers
   * @since 0.1.0
   */
  static readonly layer: Layer.Layer<Grid, never, GridStore | EventLog | UnitOfWork | IdGenerator> = Layer.effect(Grid, Effect.gen(function*() {
    const store = yield* GridStore
    const log = yield* EventLog
    const uow = yield* UnitOfWork
    const ids = yield* IdGenerator
    const policy = yield* PermissionPolicy
    return makeGrid({ store, log, uow, ids, policy })
  }))
}

interface Deps {
  readonly store: GridStore["Service"]
  readonly log: EventLog["Service"]
  readonly uow: UnitOfWork["Service"]
  readonly ids: IdGenerator["Service"]
  readonly policy: Policy
}

const pathOf = (node: GridNode): ReadonlyArray<GridNodeId> => [...node.path, node.id]

const makeGrid = ({ store, log, uow, ids, policy }: Deps): Grid["Service"] => {
  const withIds = Effect.provideService(IdGenerator, ids)
  const fresh = <A>(make: Effect.Effect<A, never, IdGenerator>) => withIds(make)

  const allow = (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>): Effect.Effect<void, Forbidden> =>
    isAllowed(policy, actor, action, path)
      ? Effect.void
      : Effect.fail(forbidden(action, path.length === 0 ? "the whole store" : path[path.length - 1]!))

  /**
   * Loads a node and checks that the actor may perform `action` on it. A node the actor may
   * not even read is reported as not found, so ids outside one's subtree reveal nothing.
   */
  const loadNode = (actor: Actor, id: GridNodeId, action: Action): Effect.Effect<GridNode, NotFound | Forbidden | StorageError> =>
    Effect.flatMap(store.getNode(id), (found): Effect.Effect<GridNode, NotFound | Forbidden> => {
      if (Option.isNone(found)) return Effect.fail(notFound("grid node", id))
      const path = pathOf(found.value)
      if (!isAllowed(policy, actor, "grid.tree.read", path)) return Effect.fail(notFound("grid node", id))
      return Effect.as(allow(actor, action, path), found.value)
    })

  /** The nodes the actor's grants are scoped at (`"*"`: everywhere). */
  const scopeNodes = (actor: Actor, action: Action): Effect.Effect<"*" | ReadonlyArray<GridNode>, StorageError> => {
    const scopes = allowedScopes(policy, actor, action)
    return scopes === "*" ? Effect.succeed("*") : store.getNodes(scopes)
  }

  /** A live node the actor may write, at the version the command expects (if it names one). */
  const loadWritable = (actor: Actor, id: GridNodeId, expectedVersion: number | undefined) =>
    Effect.gen(function*() {
      const node = yield* loadNode(actor, id, "grid.node.write")
      yield* requireLive(node)
      yield* checkVersion("grid node", id, node.version, expectedVersion)
      return node
    })

  const loadCounty = (id: GridNodeId): Effect.Effect<County, NotFound | StorageError> =>
    Effect.flatMap(store.getCounty(id), Option.match({ onNone: () => Effect.fail(notFound("county", id)), onSome: Effect.succeed }))

  // Counties' time zones, read once each: "today" is the county's.
  const zones = new Map<GridNodeId, string>()
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
  let lastZone = DEFAULT_TIME_ZONE

  const requireLive = (node: GridNode): Effect.Effect<void, Conflict> =>
    node.status === "active" ? Effect.void : Effect.fail(conflict("archived", `${node.name} (${node.id}) is archived`, `${node.name}（${node.id}）已归档`))

  const checkVersion = (entity: string, id: string, actual: number, expected: number | undefined): Effect.Effect<void, Conflict> =>
    expected === undefined || expected === actual ? Effect.void : Effect.fail(staleVersion(entity, id, expected, actual))

  const event = (
    actor: Actor,
    at: Instant,
    type: string,
    aggregate: { readonly type: string; readonly id: string; readonly version: number },
    scope: ReadonlyArray<GridNodeId>,
    payload: Record<string, unknown>
  ): Effect.Effect<NewEvent> => fresh(makeEvent({ type, aggregate, actor, at, scope, payload }))

  const nodePayload = (n: GridNode) => ({ parentId: n.parentId, level: n.level, code: n.code, name: n.name, partyOrganisation: n.partyOrganisation })

  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)

  const makeResidents = (inputs: ReadonlyArray<ResidentInput>, previous: ReadonlyArray<Resident> = []): Effect.Effect<Array<Resident>> =>
    Effect.forEach(inputs, (r) => {
      // Keep a resident's id when the same person (same ID card, else same name) stays.
      const kept = previous.find((p) => (r.idCardNumber != null && p.idCardNumber === r.idCardNumber) || (r.idCardNumber == null && p.name === r.name))
      return Effect.map(kept === undefined ? fresh(newResidentId) : Effect.succeed(kept.id), (id): Resident => ({
        id,
        name: r.name,
        phone: r.phone ?? null,
        idCardNumber: r.idCardNumber ?? null,
        relation: r.relation ?? "other",
        partyMember: r.partyMember ?? false
      }))
    })

  const checkResidents = (residents: ReadonlyArray<ResidentInput>): Effect.Effect<void, InvalidInput> => {
    const seen = new Map<string, number>()
    for (const [i, r] of residents.entries()) {
      if (r.idCardNumber == null) continue
      const j = seen.get(r.idCardNumber)
      if (j !== undefined) {
        return Effect.fail(invalidField(`residents.${i}.idCardNumber`, `repeats the ID-card number of residents.${j}`, `与 residents.${j} 的身份证号重复`))
      }
      seen.set(r.idCardNumber, i)
    }
    return Effect.void
  }

  const loadHousehold = (actor: Actor, id: HouseholdId, action: Action) =>
    Effect.gen(function*() {
      const found = yield* store.getHousehold(id)
      if (Option.isNone(found)) return yield* Effect.fail(notFound("household", id))
      const node = yield* loadNode(actor, found.value.nodeId, action).pipe(
        Effect.catchTag("NotFound", () => Effect.fail(notFound("household", id)))
      )
      return { household: found.value, node }
    })

  const seesPersonal = (actor: Actor, path: ReadonlyArray<GridNodeId>) => isAllowed(policy, actor, "grid.personal.read", path)

  return Grid.of({
    createCounty: (actor, command) =>
      Effect.gen(function*() {
        yield* allow(actor, "county.create", [])
        const at = yield* now
        const id = yield* fresh(newGridNodeId)
        const levels = command.levels ?? defaultLevels
        const county: County = { id, code: command.code, name: command.name, levels, timeZone: command.timeZone ?? DEFAULT_TIME_ZONE, createdAt: at }
        const root: GridNode = {
          id,
          countyId: id,
          parentId: null,
          path: [],
          level: levels[0]!.key,
          depth: 0,
          code: command.code,
          name: command.name,
          partyOrganisation: command.partyOrganisation ?? null,
          status: "active",
          version: 1,
          createdAt: at,
          updatedAt: at
        }
        const created = yield* event(actor, at, "grid.county.created", { type: "grid node", id, version: 1 }, [id], {
          code: county.code,
          name: county.name,
          levels: county.levels
        })
        yield* uow.transaction(Effect.gen(function*() {
          if (Option.isSome(yield* store.findCountyByCode(command.code))) {
            return yield* Effect.fail(conflict("duplicate_code", `a county with code ${command.code} exists`, `代码为 ${command.code} 的区县已存在`))
          }
          yield* store.insertCounty(county, root)
          yield* log.append([created])
        }))
        return county
      }),

    listCounties: (actor) =>
      Effect.gen(function*() {
        const counties = yield* store.listCounties
        const scopes = yield* scopeNodes(actor, "grid.tree.read")
        if (scopes === "*") return counties
        const visible = new Set(scopes.map((n) => n.countyId))
        return counties.filter((c) => visible.has(c.id))
      }),

    // A county's template is readable by anyone who works somewhere inside it.
    getCounty: (actor, id) =>
      Effect.gen(function*() {
        const scopes = yield* scopeNodes(actor, "grid.tree.read")
        if (scopes !== "*" && !scopes.some((n) => n.countyId === id)) return yield* Effect.fail(notFound("county", id))
        return yield* loadCounty(id)
      }),

    createNode: (actor, command) =>
      Effect.gen(function*() {
        const parent = yield* loadNode(actor, command.parentId, "grid.node.write")
        yield* requireLive(parent)
        const county = yield* loadCounty(parent.countyId)
        const { level, depth } = yield* Effect.fromResult(childLevel(county, parent, command.level))
        const at = yield* now
        const node: GridNode = {
          id: yield* fresh(newGridNodeId),
          countyId: parent.countyId,
          parentId: parent.id,
          path: pathOf(parent),
          level,
          depth,
          code: command.code,
          name: command.name,
          partyOrganisation: command.partyOrganisation ?? null,
          status: "active",
          version: 1,
          createdAt: at,
          updatedAt: at
        }
        const created = yield* event(actor, at, "grid.node.created", { type: "grid node", id: node.id, version: 1 }, pathOf(node), nodePayload(node))
        yield* uow.transaction(Effect.gen(function*() {
          yield* store.insertNodes([node])
          yield* log.append([created])
        }))
        return node
      }),

    updateNode: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const node = yield* loadWritable(actor, id, command.expectedVersion)
        if (command.code !== undefined && command.code !== node.code && node.parentId !== null) {
          const clash = yield* store.findChildByCode(node.parentId, command.code)
          if (Option.isSome(clash)) {
            return yield* Effect.fail(conflict("duplicate_code", `another node under the same parent already has code ${command.code}`, `同一上级下已有代码为 ${command.code} 的节点`))
          }
        }
        const at = yield* now
        const updated: GridNode = {
          ...node,
          name: command.name ?? node.name,
          code: command.code ?? node.code,
          partyOrganisation: command.partyOrganisation === undefined ? node.partyOrganisation : command.partyOrganisation,
          version: node.version + 1,
          updatedAt: at
        }
        yield* store.updateNode(updated, node.version)
        yield* log.append([yield* event(actor, at, "grid.node.updated", { type: "grid node", id, version: updated.version }, pathOf(updated), {
          name: updated.name,
          code: updated.code,
          partyOrganisation: updated.partyOrganisation
        })])
        return updated
      })),

    moveNode: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const node = yield* loadWritable(actor, id, command.expectedVersion)
        const newParent = yield* loadNode(actor, command.newParentId, "grid.node.write")
        yield* Effect.fromResult(checkMove(node, newParent))
        if (Option.isSome(yield* store.findChildByCode(newParent.id, node.code))) {
          return yield* Effect.fail(conflict("duplicate_code", `${newParent.name} already has a child with code ${node.code}`, `${newParent.name} 下已有代码为 ${node.code} 的节点`))
        }
        const at = yield* now
        const moved: GridNode = { ...node, parentId: newParent.id, path: pathOf(newParent), version: node.version + 1, updatedAt: at }
        const descendants = yield* store.moveSubtree(moved, node.version)
        yield* log.append([yield* event(actor, at, "grid.node.moved", { type: "grid node", id, version: moved.version }, pathOf(moved), {
          fromParentId: node.parentId,
          toParentId: newParent.id,
          descendants
        })])
        return moved
      })),

    archiveNode: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const node = yield* loadWritable(actor, id, command.expectedVersion)
        const live = yield* store.countLive(id)
        const cascade = command.cascade ?? false
        if (!cascade && (live.children > 0 || live.households > 0)) {
          return yield* Effect.fail(conflict(
            "has_live_children",
            `${node.name} still has ${live.children} live children and ${live.households} live households: archive them first or cascade`,
            `${node.name} 仍有 ${live.children} 个下级节点和 ${live.households} 户住户：请先归档或选择级联归档`
          ))
        }
        const at = yield* now
        const counts = cascade ? yield* store.archiveDescendants(node, at) : { nodes: 0, households: 0 }
        const archived: GridNode = { ...node, status: "archived", version: node.version + 1, updatedAt: at }
        yield* store.updateNode(archived, node.version)
        yield* log.append([yield* event(actor, at, "grid.node.archived", { type: "grid node", id, version: archived.version }, pathOf(archived), {
          cascade,
          archivedNodes: counts.nodes,
          archivedHouseholds: counts.households
        })])
        return { node: archived, archivedNodes: counts.nodes, archivedHouseholds: counts.households }
      })),

    getNode: (actor, id) => loadNode(actor, id, "grid.tree.read"),

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
        return yield* loadNode(actor, id, "grid.tree.read").pipe(Effect.catchTag("NotFound", () => Effect.fail(notFound("grid node", codePath))))
      }),

    ancestors: (actor, id) =>
      Effect.gen(function*() {
        const node = yield* loadNode(actor, id, "grid.tree.read")
        const found = yield* store.getNodes(node.path)
        const byId = new Map(found.map((n) => [n.id, n]))
        // Only the part of the path the actor may read: its scope and below.
        return node.path.flatMap((a, i) => {
          const n = byId.get(a)
          return n !== undefined && isAllowed(policy, actor, "grid.tree.read", node.path.slice(0, i + 1)) ? [n] : []
        })
      }),

    children: (actor, id, page) =>
      Effect.flatMap(loadNode(actor, id, "grid.tree.read"), () => store.listChildren(id, { after: page?.after, limit: limitOf(page) })),

    summary: (actor, id) =>
      Effect.gen(function*() {
        const node = yield* loadNode(actor, id, "grid.tree.read")
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
        const node = yield* loadNode(actor, id, "grid.tree.read")
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

    createHousehold: (actor, command) =>
      Effect.gen(function*() {
        const unit = yield* loadNode(actor, command.nodeId, "grid.household.write")
        yield* requireLive(unit)
        const county = yield* loadCounty(unit.countyId)
        if (unit.depth !== county.levels.length - 1) {
          const smallest = county.levels[county.levels.length - 1]!
          return yield* Effect.fail(invalidField("nodeId", `households belong to the smallest level (${smallest.nameEn}), not ${unit.level}`, `住户只能挂在最小层级（${smallest.nameZh}）上，而不是 ${unit.level}`))
        }
        yield* checkResidents(command.residents)
        const at = yield* now
        const household: Household = {
          id: yield* fresh(newHouseholdId),
          countyId: unit.countyId,
          nodeId: unit.id,
          code: command.code,
          residents: yield* makeResidents(command.residents),
          status: "active",
          version: 1,
          createdAt: at,
          updatedAt: at
        }
        const created = yield* event(actor, at, "grid.household.created", { type: "household", id: household.id, version: 1 }, pathOf(unit), {
          nodeId: unit.id,
          code: household.code,
          residents: household.residents.length
        })
        yield* uow.transaction(Effect.gen(function*() {
          yield* store.insertHouseholds([household])
          yield* log.append([created])
        }))
        return householdView(household, seesPersonal(actor, pathOf(unit)))
      }),

    updateHousehold: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const { household, node } = yield* loadHousehold(actor, id, "grid.household.write")
        if (household.status !== "active") return yield* Effect.fail(conflict("archived", `household ${id} is archived`, `住户 ${id} 已归档`))
        yield* checkVersion("household", id, household.version, command.expectedVersion)
        if (command.residents !== undefined) yield* checkResidents(command.residents)
        if (command.code !== undefined && command.code !== household.code && Option.isSome(yield* store.findHouseholdByCode(household.nodeId, command.code))) {
          return yield* Effect.fail(conflict("duplicate_code", `another household in this unit already has door number ${command.code}`, `本单元已有门牌号为 ${command.code} 的住户`))
        }
        const at = yield* now
        const updated: Household = {
          ...household,
          code: command.code ?? household.code,
          residents: command.residents === undefined ? household.residents : yield* makeResidents(command.residents, household.residents),
          version: household.version + 1,
          updatedAt: at
        }
        yield* store.updateHousehold(updated, household.version)
        yield* log.append([yield* event(actor, at, "grid.household.updated", { type: "household", id, version: updated.version }, pathOf(node), {
          code: updated.code,
          residents: updated.residents.length
        })])
        return householdView(updated, seesPersonal(actor, pathOf(node)))
      })),

    getHousehold: (actor, id) =>
      Effect.map(loadHousehold(actor, id, "grid.household.read"), ({ household, node }) => householdView(household, seesPersonal(actor, pathOf(node)))),

    listHouseholds: (actor, rootId, page) =>
      Effect.gen(function*() {
        const root = yield* loadNode(actor, rootId, "grid.household.read")
        const result = yield* store.listHouseholds(rootId, { after: page?.after, limit: limitOf(page) })
        const show = seesPersonal(actor, pathOf(root))
        return { items: result.items.map((h) => householdView(h, show)), next: result.next }
      }),

    whoServes: (actor, id, options) =>
      Effect.gen(function*() {
        // "Today" is the county's. The household's county is known only after the read, so
        // the date is first taken in the zone seen last, and the read repeated in the rare
        // case that the household's county has another date today.
        const zone = lastZone
        let on = options?.date ?? (yield* todayIn(zone))
        // One store read (one snapshot) per call: this runs on every lookup of a household.
        let found = yield* store.getHouseholdServers(id, on)
        if (Option.isNone(found)) return yield* Effect.fail(notFound("household", id))
        if (options?.date === undefined) {
          const own = yield* zoneOf(found.value.household.countyId)
          const date = yield* todayIn(own)
          if (date !== on) {
            on = date
            found = yield* store.getHouseholdServers(id, on)
            if (Option.isNone(found)) return yield* Effect.fail(notFound("household", id))
          }
        }
        const { assignments: nearest, household, nodes: pathNodes, people: named } = found.value
        const node = pathNodes[pathNodes.length - 1]
        const path = node === undefined ? [] : pathOf(node)
        // As in loadHousehold: a household whose unit the actor may not even read does not exist for them.
        if (node === undefined || !isAllowed(policy, actor, "grid.tree.read", path)) return yield* Effect.fail(notFound("household", id))
        yield* allow(actor, "grid.household.read", path)
        const nodes = new Map(pathNodes.map((n) => [n.id, n]))
        const people = new Map(named.map((p) => [p.id, p]))
        const showPersonal = seesPersonal(actor, path)
        const orgNode = [...path].reverse().map((p) => nodes.get(p)).find((n) => n !== undefined && n.partyOrganisation !== null)
        return {
          householdId: household.id,
          nodeId: node.id,
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

    createPerson: (actor, command) =>
      Effect.gen(function*() {
        const node = yield* loadNode(actor, command.nodeId, "grid.assignment.write")
        yield* requireLive(node)
        const at = yield* now
        const person: Person = {
          id: yield* fresh(newPersonId),
          countyId: node.countyId,
          nodeId: node.id,
          code: command.code,
          name: command.name,
          phone: command.phone ?? null,
          householdId: command.householdId ?? null,
          version: 1,
          createdAt: at,
          updatedAt: at
        }
        const created = yield* event(actor, at, "grid.person.created", { type: "person", id: person.id, version: 1 }, pathOf(node), {
          nodeId: node.id,
          code: person.code
        })
        yield* uow.transaction(Effect.gen(function*() {
          yield* store.insertPeople([person])
          yield* log.append([created])
        }))
        return personView(person, seesPersonal(actor, pathOf(node)))
      }),

    // A person is visible where they are registered and below it: staff registered at the
    // community are seen (masked) by the grid workers and leaders they work with.
    getPerson: (actor, id) =>
      Effect.gen(function*() {
        const found = yield* store.getPerson(id)
        if (Option.isNone(found)) return yield* Effect.fail(notFound("person", id))
        const person = found.value
        const home = yield* store.getNode(person.nodeId)
        if (Option.isNone(home)) return yield* Effect.fail(notFound("person", id))
        const path = pathOf(home.value)
        const scopes = yield* scopeNodes(actor, "grid.tree.read")
        const visible = scopes === "*" || scopes.some((s) => path.includes(s.id) || s.path.includes(person.nodeId))
        if (!visible) return yield* Effect.fail(notFound("person", id))
        return personView(person, seesPersonal(actor, path))
      }),

    listPeople: (actor, rootId, page) =>
      Effect.gen(function*() {
        const root = yield* loadNode(actor, rootId, "grid.tree.read")
        const result = yield* store.listPeople(rootId, { after: page?.after, limit: limitOf(page) })
        const show = seesPersonal(actor, pathOf(root))
        return { items: result.items.map((p) => personView(p, show)), next: result.next }
      }),

    assignRole: (actor, command) =>
      uow.transaction(Effect.gen(function*() {
        const node = yield* loadNode(actor, command.nodeId, "grid.assignment.write")
        yield* requireLive(node)
        const person = yield* store.getPerson(command.personId)
        if (Option.isNone(person)) return yield* Effect.fail(notFound("person", command.personId))
        if (person.value.countyId !== node.countyId) {
          return yield* Effect.fail(invalidField("personId", "must be a person registered in the same county", "必须是本区县登记的人员"))
        }
        const startDate = command.startDate ?? (yield* todayIn(yield* zoneOf(node.countyId)))
        const endDate = command.endDate ?? null
        if (endDate !== null && endDate < startDate) {
          return yield* Effect.fail(invalidField("endDate", "must not be before startDate", "不能早于开始日期"))
        }
        if (Option.isSome(yield* store.findAssignment(command.personId, command.nodeId, command.role, startDate))) {
          return yield* Effect.fail(conflict("duplicate_assignment", "this person already holds this role here from that date", "该人员已自该日起在此担任该角色"))
        }
        const at = yield* now
        const assignment: Assignment = {
          id: yield* fresh(newAssignmentId),
          countyId: node.countyId,
          personId: command.personId,
          nodeId: node.id,
          role: command.role,
          startDate,
          endDate,
          version: 1,
          createdAt: at,
          updatedAt: at
        }
        yield* store.insertAssignments([assignment])
        yield* log.append([yield* event(actor, at, "grid.assignment.created", { type: "assignment", id: assignment.id, version: 1 }, pathOf(node), {
          personId: assignment.personId,
          nodeId: assignment.nodeId,
          role: assignment.role,
          startDate,
          endDate
        })])
        return assignment
      })),

    endAssignment: (actor, id, command) =>
      uow.transaction(Effect.gen(function*() {
        const found = yield* store.getAssignment(id)
        if (Option.isNone(found)) return yield* Effect.fail(notFound("assignment", id))
        const assignment = found.value
        const node = yield* loadNode(actor, assignment.nodeId, "grid.assignment.write").pipe(Effect.catchTag("NotFound", () => Effect.fail(notFound("assignment", id))))
        yield* checkVersion("assignment", id, assignment.version, command.expectedVersion)
        const endDate = command.endDate ?? (yield* todayIn(yield* zoneOf(node.countyId)))
        if (endDate < assignment.startDate) {
          return yield* Effect.fail(invalidField("endDate", "must not be before the assignment's start date", "不能早于任职开始日期"))
        }
        if (assignment.endDate !== null && assignment.endDate <= endDate) {
          return yield* Effect.fail(conflict("already_ended", `assignment ${id} already ended on ${assignment.endDate}`, `任职 ${id} 已于 ${assignment.endDate} 结束`))
        }
        const at = yield* now
        const ended: Assignment = { ...assignment, endDate, version: assignment.version + 1, updatedAt: at }
        yield* store.updateAssignment(ended, assignment.version)
        yield* log.append([yield* event(actor, at, "grid.assignment.ended", { type: "assignment", id, version: ended.version }, pathOf(node), { endDate })])
        return ended
      })),

    listAssignments: (actor, rootId, page) =>
      Effect.flatMap(loadNode(actor, rootId, "grid.tree.read"), () => store.listAssignments(rootId, { after: page?.after, limit: limitOf(page) })),

    events: (actor, page) =>
      Effect.gen(function*() {
        const scopes = allowedScopes(policy, actor, "events.read")
        if (scopes !== "*" && scopes.length === 0) return yield* Effect.fail(forbidden("events.read", "any node"))
        const after = page?.after === undefined ? 0 : Number(page.after)
        if (!Number.isSafeInteger(after) || after < 0) {
          return yield* Effect.fail(invalidField("after", "must be a cursor returned by a previous page", "必须是上一页返回的游标"))
        }
        const limit = limitOf(page)
        const items = yield* log.read({ after, limit, scopes })
        return { items, next: items.length === limit ? String(items[items.length - 1]!.position) : null }
      })
  })
}

