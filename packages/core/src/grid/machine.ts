/**
 * The grid's aggregates as deciders: counties, nodes, households, people and role
 * assignments. Each `decide` turns a command into events against the current state (or
 * refuses it, or decides that nothing changes); each `evolve` applies an event. Both are
 * pure: the time, new ids and the entities a command references (already loaded through
 * the one scope check) come in through the context. The use cases run them through the
 * kernel's pipeline (`Commands.run`), which counts versions and appends the events.
 *
 * The `record*` functions are the feed projection of each event: its scope and a payload
 * without personal data, as {@link GridFeedEvents} describes it. The bulk import uses them
 * too, so the feed reads the same whatever wrote the event.
 *
 * @since 0.4.0
 */
import { Result } from "effect"
import type { Decider, Recorded } from "../kernel/decider.js"
import { pathOf, type Place } from "../kernel/directory.js"
import {
  conflict,
  type Conflict,
  invalidField,
  type InvalidInput,
  NotFound,
  staleVersion
} from "../kernel/errors.js"
import type { GridNodeId, HouseholdId, PersonId, ResidentId } from "../kernel/ids.js"
import { type CalendarDate, DEFAULT_TIME_ZONE, type Instant } from "../kernel/time.js"
import { defaultLevels } from "./model.js"
import type {
  ArchiveNode,
  AssignmentCreated,
  AssignmentEnded,
  AssignmentUpdated,
  AssignRole,
  Assignment,
  County,
  CountyCreated,
  CreateCounty,
  CreateHousehold,
  CreateNode,
  CreatePerson,
  EndAssignment,
  GridNode,
  Household,
  HouseholdCreated,
  HouseholdUpdated,
  LevelTemplate,
  MoveNode,
  NodeArchived,
  NodeCreated,
  NodeMoved,
  NodeUpdated,
  Person,
  PersonCreated,
  PersonUpdated,
  Resident,
  ResidentInput,
  SignInSubject,
  SubjectLinked,
  SubjectUnlinked,
  UpdateHousehold,
  UpdateNode,
  UpdatePerson
} from "./model.js"
import { checkMove, childLevel } from "./rules.js"

/**
 * What a grid decider may refuse with.
 *
 * @category errors
 * @since 0.4.0
 */
export type GridDecisionError = Conflict | InvalidInput | NotFound

const ok = <E>(events: ReadonlyArray<E>): Result.Result<ReadonlyArray<E>, GridDecisionError> => Result.succeed(events)
const nothing = <E>(): Result.Result<ReadonlyArray<E>, GridDecisionError> => Result.succeed([])
const refuse = <E>(error: GridDecisionError): Result.Result<ReadonlyArray<E>, GridDecisionError> => Result.fail(error)

const archived = (what: string, whatZh: string): Conflict => conflict("archived", `${what} is archived`, `${whatZh}已归档`)
const duplicateCode = (message: string, messageZh: string): Conflict => conflict("duplicate_code", message, messageZh)

/** The expected version a command names, checked against the state's. */
const stale = (entity: string, id: string, actual: number, expected: number | undefined): Conflict | undefined =>
  expected === undefined || expected === actual ? undefined : staleVersion(entity, id, expected, actual)

/** A decider that has no state yet can only create. */
const missing = (entity: string): Conflict => conflict("not_created", `the ${entity} does not exist yet`, `该${entity}尚不存在`)

// ---------------------------------------------------------------------------
// Counties

/**
 * A county with its root node.
 *
 * @category models
 * @since 0.4.0
 */
export interface CountyState {
  readonly county: County
  readonly root: GridNode
  readonly version: number
}

/**
 * What the county decider needs: the time, the new county's id and whether its code is taken.
 *
 * @category models
 * @since 0.4.0
 */
export interface CountyContext {
  readonly at: Instant
  readonly id: GridNodeId
  readonly codeTaken: boolean
}

/**
 * A county is created once, with its root node at the first level of its template.
 *
 * @category deciders
 * @since 0.4.0
 */
export const countyDecider: Decider<CountyState, CreateCounty, CountyCreated, CountyContext, GridDecisionError> = {
  decide: (state, command, ctx) => {
    if (state !== undefined || ctx.codeTaken) return refuse(duplicateCode(`a county with code ${command.code} exists`, `代码为 ${command.code} 的区县已存在`))
    const levels = command.levels ?? defaultLevels
    const county: County = { id: ctx.id, code: command.code, name: command.name, levels, timeZone: command.timeZone ?? DEFAULT_TIME_ZONE, createdAt: ctx.at }
    const root: GridNode = {
      id: ctx.id,
      countyId: ctx.id,
      parentId: null,
      path: [],
      level: levels[0]!.key,
      depth: 0,
      code: command.code,
      name: command.name,
      partyOrganisation: command.partyOrganisation ?? null,
      status: "active",
      version: 1,
      createdAt: ctx.at,
      updatedAt: ctx.at
    }
    return ok([{ type: "grid.county.created", county, root }])
  },
  evolve: (_, event) => ({ county: event.county, root: event.root, version: 1 })
}

/**
 * The county's event in the feed: its code, name, levels and time zone, at the county.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordCountyEvent = (event: CountyCreated): Recorded => ({
  type: event.type,
  scope: [event.county.id],
  payload: { code: event.county.code, name: event.county.name, levels: event.county.levels, timeZone: event.county.timeZone }
})

// ---------------------------------------------------------------------------
// Nodes

/**
 * A command on a node.
 *
 * @category models
 * @since 0.4.0
 */
export type NodeCommand =
  | { readonly type: "CreateNode"; readonly input: CreateNode }
  | { readonly type: "UpdateNode"; readonly input: UpdateNode }
  | { readonly type: "MoveNode"; readonly input: MoveNode }
  | { readonly type: "ArchiveNode"; readonly input: ArchiveNode }

/**
 * An event of a node's life; a county's root node starts with {@link CountyCreated}.
 *
 * @category models
 * @since 0.4.0
 */
export type NodeEvent = CountyCreated | NodeCreated | NodeUpdated | NodeMoved | NodeArchived

/**
 * What the node decider needs besides the node: the time, and per command what it
 * references.
 *
 * @category models
 * @since 0.4.0
 */
export interface NodeContext {
  readonly at: Instant
  /** CreateNode: the new node's id. */
  readonly id?: GridNodeId | undefined
  /** CreateNode: the parent; MoveNode: the new parent (both as the scope check returned them). */
  readonly parent?: Place | undefined
  /** CreateNode: the county's levels. */
  readonly levels?: LevelTemplate | undefined
  /** CreateNode, UpdateNode, MoveNode: whether a live node under the (new) parent already has the code. */
  readonly codeTaken?: boolean | undefined
  /** ArchiveNode: the node's live children and households. */
  readonly live?: { readonly children: number; readonly households: number } | undefined
}

const nodeName = (n: Pick<GridNode, "name" | "id">) => `${n.name} (${n.id})`
const nodeNameZh = (n: Pick<GridNode, "name" | "id">) => `${n.name}（${n.id}）`

/** The node must exist, be live and be at the version the command expects. */
const writable = (state: GridNode | undefined, expectedVersion: number | undefined): GridDecisionError | undefined =>
  state === undefined
    ? missing("grid node")
    : state.status !== "active"
    ? archived(nodeName(state), nodeNameZh(state))
    : stale("grid node", state.id, state.version, expectedVersion)

/**
 * The rules of a node: created under a live parent at a deeper level, renamed, moved
 * under a live parent of the same county at a shallower level (never below itself), and
 * archived once its live children and households are gone (or with them, by cascade).
 * A command that changes nothing decides no event.
 *
 * @category deciders
 * @since 0.4.0
 */
export const nodeDecider: Decider<GridNode, NodeCommand, NodeEvent, NodeContext, GridDecisionError> = {
  decide: (state, command, ctx) => {
    switch (command.type) {
      case "CreateNode": {
        const parent = ctx.parent!
        const input = command.input
        if (state !== undefined) return refuse(duplicateCode(`node ${state.id} exists`, `节点 ${state.id} 已存在`))
        if (parent.status !== "active") return refuse(archived(nodeName(parent), nodeNameZh(parent)))
        const level = childLevel({ levels: ctx.levels! }, parent, input.level)
        if (Result.isFailure(level)) return refuse(level.failure)
        if (ctx.codeTaken === true) return refuse(duplicateCode(`another node under the same parent already has code ${input.code}`, `同一上级下已有代码为 ${input.code} 的节点`))
        return ok([{
          type: "grid.node.created",
          node: {
            id: ctx.id!,
            countyId: parent.countyId,
            parentId: parent.id,
            path: pathOf(parent),
            level: level.success.level,
            depth: level.success.depth,
            code: input.code,
            name: input.name,
            partyOrganisation: input.partyOrganisation ?? null,
            status: "active",
            version: 1,
            createdAt: ctx.at,
            updatedAt: ctx.at
          }
        }])
      }
      case "UpdateNode": {
        const input = command.input
        const refused = writable(state, input.expectedVersion)
        if (refused !== undefined) return refuse(refused)
        const node = state!
        const name = input.name ?? node.name
        const code = input.code ?? node.code
        const partyOrganisation = input.partyOrganisation === undefined ? node.partyOrganisation : input.partyOrganisation
        if (name === node.name && code === node.code && partyOrganisation === node.partyOrganisation) return nothing()
        if (code !== node.code && ctx.codeTaken === true) {
          return refuse(duplicateCode(`another node under the same parent already has code ${code}`, `同一上级下已有代码为 ${code} 的节点`))
        }
        return ok([{ type: "grid.node.updated", name, code, partyOrganisation, at: ctx.at }])
      }
      case "MoveNode": {
        const refused = writable(state, command.input.expectedVersion)
        if (refused !== undefined) return refuse(refused)
        const node = state!
        const parent = ctx.parent!
        if (parent.id === node.parentId) return nothing()
        const valid = checkMove(node, parent)
        if (Result.isFailure(valid)) return refuse(valid.failure)
        if (ctx.codeTaken === true) return refuse(duplicateCode(`${parent.name} already has a child with code ${node.code}`, `${parent.name} 下已有代码为 ${node.code} 的节点`))
        return ok([{ type: "grid.node.moved", fromParentId: node.parentId, toParentId: parent.id, path: pathOf(parent), at: ctx.at }])
      }
      case "ArchiveNode": {
        const refused = writable(state, command.input.expectedVersion)
        if (refused !== undefined) return refuse(refused)
        const node = state!
        const cascade = command.input.cascade ?? false
        const live = ctx.live ?? { children: 0, households: 0 }
        if (!cascade && (live.children > 0 || live.households > 0)) {
          return refuse(conflict(
            "has_live_children",
            `${node.name} still has ${live.children} live children and ${live.households} live households: archive them first or cascade`,
            `${node.name} 仍有 ${live.children} 个下级节点和 ${live.households} 户住户：请先归档或选择级联归档`
          ))
        }
        return ok([{ type: "grid.node.archived", cascade, at: ctx.at }])
      }
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case "grid.county.created":
        return event.root
      case "grid.node.created":
        return event.node
      case "grid.node.updated":
        return { ...state!, name: event.name, code: event.code, partyOrganisation: event.partyOrganisation, version: state!.version + 1, updatedAt: event.at }
      case "grid.node.moved":
        return { ...state!, parentId: event.toParentId, path: event.path, version: state!.version + 1, updatedAt: event.at }
      case "grid.node.archived":
        return { ...state!, status: "archived", version: state!.version + 1, updatedAt: event.at }
    }
  }
}

/**
 * What the store did besides the node itself, which the feed reports: how many
 * descendants a move carried, how many nodes and households a cascade archived.
 *
 * @category models
 * @since 0.4.0
 */
export interface NodeFacts {
  readonly descendants?: number | undefined
  readonly archivedNodes?: number | undefined
  readonly archivedHouseholds?: number | undefined
}

/**
 * A node's event in the feed, at the node.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordNodeEvent = (event: NodeEvent, after: GridNode, facts: NodeFacts = {}): Recorded => {
  const scope = pathOf(after)
  switch (event.type) {
    case "grid.county.created":
      return recordCountyEvent(event)
    case "grid.node.created":
      return { type: event.type, scope, payload: { parentId: after.parentId, level: after.level, code: after.code, name: after.name, partyOrganisation: after.partyOrganisation } }
    case "grid.node.updated":
      return { type: event.type, scope, payload: { name: event.name, code: event.code, partyOrganisation: event.partyOrganisation } }
    case "grid.node.moved":
      return { type: event.type, scope, payload: { fromParentId: event.fromParentId, toParentId: event.toParentId, descendants: facts.descendants ?? 0 } }
    case "grid.node.archived":
      return { type: event.type, scope, payload: { cascade: event.cascade, archivedNodes: facts.archivedNodes ?? 0, archivedHouseholds: facts.archivedHouseholds ?? 0 } }
  }
}

// ---------------------------------------------------------------------------
// Households

/**
 * A command on a household.
 *
 * @category models
 * @since 0.4.0
 */
export type HouseholdCommand =
  | { readonly type: "CreateHousehold"; readonly input: CreateHousehold }
  | { readonly type: "UpdateHousehold"; readonly input: UpdateHousehold }

/**
 * An event of a household's life.
 *
 * @category models
 * @since 0.4.0
 */
export type HouseholdEvent = HouseholdCreated | HouseholdUpdated

/**
 * What the household decider needs: the time, fresh ids, the unit and the county's
 * smallest level (to create), and whether a new door number is taken (to update).
 *
 * @category models
 * @since 0.4.0
 */
export interface HouseholdContext {
  readonly at: Instant
  /** CreateHousehold: the new household's id. */
  readonly id?: HouseholdId | undefined
  /** CreateHousehold: the unit, as the scope check returned it. */
  readonly unit?: Place | undefined
  /** CreateHousehold: the depth and names of the county's smallest level. */
  readonly smallest?: { readonly depth: number; readonly nameEn: string; readonly nameZh: string } | undefined
  /** Fresh ids for residents new to the household, at least one per resident in the command. */
  readonly residentIds: ReadonlyArray<ResidentId>
  /** UpdateHousehold: whether another live household of the unit has the new door number. */
  readonly codeTaken?: boolean | undefined
}

/** Two residents of one household must not share an ID-card number. */
const repeatedIdCard = (residents: ReadonlyArray<ResidentInput>): InvalidInput | undefined => {
  const seen = new Map<string, number>()
  for (const [i, r] of residents.entries()) {
    if (r.idCardNumber == null) continue
    const j = seen.get(r.idCardNumber)
    if (j !== undefined) return invalidField(`residents.${i}.idCardNumber`, `repeats the ID-card number of residents.${j}`, `与 residents.${j} 的身份证号重复`)
    seen.set(r.idCardNumber, i)
  }
  return undefined
}

/**
 * The residents a command lists, keeping the id of each resident who stays (the same
 * ID-card number, else the same name; each stored resident matched once) and taking fresh
 * ids for the others, in order.
 *
 * @category rules
 * @since 0.4.0
 */
export const settleResidents = (inputs: ReadonlyArray<ResidentInput>, previous: ReadonlyArray<Resident>, fresh: ReadonlyArray<ResidentId>): Array<Resident> => {
  const used = new Set<ResidentId>()
  const kept = new Array<ResidentId | undefined>(inputs.length)
  const take = (i: number, match: (p: Resident) => boolean) => {
    if (kept[i] !== undefined) return
    const p = previous.find((p) => !used.has(p.id) && match(p))
    if (p !== undefined) {
      used.add(p.id)
      kept[i] = p.id
    }
  }
  // By ID card first; then by name, a stored resident without an ID card before one with it.
  inputs.forEach((r, i) => r.idCardNumber != null && take(i, (p) => p.idCardNumber === r.idCardNumber))
  inputs.forEach((r, i) => r.idCardNumber == null && take(i, (p) => p.idCardNumber === null && p.name === r.name))
  inputs.forEach((r, i) => r.idCardNumber == null && take(i, (p) => p.name === r.name))
  let next = 0
  return inputs.map((r, i) => {
    return {
      id: kept[i] ?? fresh[next++]!,
      name: r.name,
      phone: r.phone ?? null,
      idCardNumber: r.idCardNumber ?? null,
      relation: r.relation ?? "other",
      partyMember: r.partyMember ?? false
    }
  })
}

const sameResidents = (a: ReadonlyArray<Resident>, b: ReadonlyArray<Resident>): boolean =>
  a.length === b.length &&
  a.every((r, i) => {
    const s = b[i]!
    return r.id === s.id && r.name === s.name && r.phone === s.phone && r.idCardNumber === s.idCardNumber && r.relation === s.relation && r.partyMember === s.partyMember
  })

/**
 * The rules of a household: registered in a live unit at the county's smallest level,
 * with residents whose ID-card numbers do not repeat; its door number and residents
 * replaced (the same residents keep their ids). A command that changes nothing decides
 * no event.
 *
 * @category deciders
 * @since 0.4.0
 */
export const householdDecider: Decider<Household, HouseholdCommand, HouseholdEvent, HouseholdContext, GridDecisionError> = {
  decide: (state, command, ctx) => {
    switch (command.type) {
      case "CreateHousehold": {
        const input = command.input
        const unit = ctx.unit!
        const smallest = ctx.smallest!
        if (state !== undefined) return refuse(duplicateCode(`household ${state.id} exists`, `住户 ${state.id} 已存在`))
        if (unit.status !== "active") return refuse(archived(nodeName(unit), nodeNameZh(unit)))
        if (unit.depth !== smallest.depth) {
          return refuse(invalidField("nodeId", `households belong to the smallest level (${smallest.nameEn}), not ${unit.level}`, `住户只能挂在最小层级（${smallest.nameZh}）上，而不是 ${unit.level}`))
        }
        const repeated = repeatedIdCard(input.residents)
        if (repeated !== undefined) return refuse(repeated)
        return ok([{
          type: "grid.household.created",
          household: {
            id: ctx.id!,
            countyId: unit.countyId,
            nodeId: unit.id,
            code: input.code,
            residents: settleResidents(input.residents, [], ctx.residentIds),
            status: "active",
            version: 1,
            createdAt: ctx.at,
            updatedAt: ctx.at
          }
        }])
      }
      case "UpdateHousehold": {
        const input = command.input
        if (state === undefined) return refuse(missing("household"))
        if (state.status !== "active") return refuse(archived(`household ${state.id}`, `住户 ${state.id} `))
        const version = stale("household", state.id, state.version, input.expectedVersion)
        if (version !== undefined) return refuse(version)
        if (input.residents !== undefined) {
          const repeated = repeatedIdCard(input.residents)
          if (repeated !== undefined) return refuse(repeated)
        }
        const code = input.code ?? state.code
        const residents = input.residents === undefined ? state.residents : settleResidents(input.residents, state.residents, ctx.residentIds)
        if (code === state.code && sameResidents(residents, state.residents)) return nothing()
        if (code !== state.code && ctx.codeTaken === true) {
          return refuse(duplicateCode(`another household in this unit already has door number ${code}`, `本单元已有门牌号为 ${code} 的住户`))
        }
        return ok([{ type: "grid.household.updated", code, residents, at: ctx.at }])
      }
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case "grid.household.created":
        return event.household
      case "grid.household.updated":
        return { ...state!, code: event.code, residents: event.residents, version: state!.version + 1, updatedAt: event.at }
    }
  }
}

/**
 * A household's event in the feed, at its unit: the door number and how many residents,
 * never who they are.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordHouseholdEvent = (event: HouseholdEvent, after: Household, scope: ReadonlyArray<GridNodeId>): Recorded =>
  event.type === "grid.household.created"
    ? { type: event.type, scope, payload: { nodeId: after.nodeId, code: after.code, residents: after.residents.length } }
    : { type: event.type, scope, payload: { code: event.code, residents: event.residents.length } }

// ---------------------------------------------------------------------------
// People

/**
 * A sign-in subject as a person's state keeps it.
 *
 * @category models
 * @since 0.4.0
 */
export interface LinkedSubject {
  readonly issuer: string
  readonly subject: string
  readonly linkedAt: Instant
}

/**
 * A person with the sign-in subjects linked to them.
 *
 * @category models
 * @since 0.4.0
 */
export interface PersonState extends Person {
  readonly subjects: ReadonlyArray<LinkedSubject>
}

/**
 * A command on a person.
 *
 * @category models
 * @since 0.4.0
 */
export type PersonCommand =
  | { readonly type: "CreatePerson"; readonly input: CreatePerson }
  | { readonly type: "UpdatePerson"; readonly input: UpdatePerson }
  | { readonly type: "LinkSubject"; readonly input: SignInSubject }
  | { readonly type: "UnlinkSubject"; readonly input: SignInSubject }

/**
 * An event of a person's life.
 *
 * @category models
 * @since 0.4.0
 */
export type PersonEvent = PersonCreated | PersonUpdated | SubjectLinked | SubjectUnlinked

/**
 * What the person decider needs: the time, the new person's id, the node they are
 * registered at (new or changed), the household they live in (when named or when the
 * person moves), and who holds a subject being linked.
 *
 * @category models
 * @since 0.4.0
 */
export interface PersonContext {
  readonly at: Instant
  /** CreatePerson: the new person's id. */
  readonly id?: PersonId | undefined
  /** CreatePerson, and UpdatePerson that moves the person: the node, as the scope check returned it. */
  readonly node?: Place | undefined
  /** The household the person will live in, with its unit, when there is one to check. */
  readonly household?: { readonly id: HouseholdId; readonly status: "active" | "archived"; readonly unit: Place } | undefined
  /** LinkSubject: the person the subject is linked to now, if any. */
  readonly subjectHolder?: PersonId | undefined
}

/** The household must be live and lie at or below the node the person is registered at. */
const homeProblem = (household: NonNullable<PersonContext["household"]>, nodeId: GridNodeId): GridDecisionError | undefined =>
  household.status !== "active"
    ? archived(`household ${household.id}`, `住户 ${household.id} `)
    : pathOf(household.unit).includes(nodeId)
    ? undefined
    : invalidField("householdId", "must be a household at or below the node the person is registered at", "必须是该人员登记节点及其下级的住户")

const sameSubject = (a: SignInSubject) => (b: SignInSubject) => a.issuer === b.issuer && a.subject === b.subject

/**
 * The rules of a person: registered at a live node, living (optionally) in a live
 * household at or below that node; their name, phone, node and household changed; sign-in
 * subjects linked (each subject to one person) and unlinked. A command that changes
 * nothing decides no event.
 *
 * @category deciders
 * @since 0.4.0
 */
export const personDecider: Decider<PersonState, PersonCommand, PersonEvent, PersonContext, GridDecisionError> = {
  decide: (state, command, ctx) => {
    if (command.type === "CreatePerson") {
      const input = command.input
      const node = ctx.node!
      if (state !== undefined) return refuse(duplicateCode(`person ${state.id} exists`, `人员 ${state.id} 已存在`))
      if (node.status !== "active") return refuse(archived(nodeName(node), nodeNameZh(node)))
      const householdId = input.householdId ?? null
      if (householdId !== null) {
        if (ctx.household === undefined) return refuse(missing("household"))
        const problem = homeProblem(ctx.household, node.id)
        if (problem !== undefined) return refuse(problem)
      }
      return ok([{
        type: "grid.person.created",
        person: {
          id: ctx.id!,
          countyId: node.countyId,
          nodeId: node.id,
          code: input.code,
          name: input.name,
          phone: input.phone ?? null,
          householdId,
          version: 1,
          createdAt: ctx.at,
          updatedAt: ctx.at
        }
      }])
    }
    if (state === undefined) return refuse(missing("person"))
    switch (command.type) {
      case "UpdatePerson": {
        const input = command.input
        const version = stale("person", state.id, state.version, input.expectedVersion)
        if (version !== undefined) return refuse(version)
        const name = input.name ?? state.name
        const phone = input.phone === undefined ? state.phone : input.phone
        const nodeId = input.nodeId ?? state.nodeId
        const householdId = input.householdId === undefined ? state.householdId : input.householdId
        if (name === state.name && phone === state.phone && nodeId === state.nodeId && householdId === state.householdId) return nothing()
        if (nodeId !== state.nodeId) {
          const node = ctx.node!
          if (node.status !== "active") return refuse(archived(nodeName(node), nodeNameZh(node)))
        }
        if (householdId !== null && (householdId !== state.householdId || nodeId !== state.nodeId)) {
          if (ctx.household === undefined) return refuse(missing("household"))
          const problem = homeProblem(ctx.household, nodeId)
          if (problem !== undefined) return refuse(problem)
        }
        return ok([{ type: "grid.person.updated", name, phone, nodeId, householdId, at: ctx.at }])
      }
      case "LinkSubject": {
        if (state.subjects.some(sameSubject(command.input))) return nothing()
        if (ctx.subjectHolder !== undefined && ctx.subjectHolder !== state.id) {
          return refuse(conflict("subject_linked", `the sign-in subject ${command.input.subject} of ${command.input.issuer} is already linked to another person`, `登录主体 ${command.input.issuer} / ${command.input.subject} 已关联其他人员`))
        }
        return ok([{ type: "grid.person.subject_linked", issuer: command.input.issuer, subject: command.input.subject, at: ctx.at }])
      }
      case "UnlinkSubject": {
        const { issuer, subject } = command.input
        if (!state.subjects.some(sameSubject(command.input))) {
          const id = `${issuer} ${subject}`
          return refuse(new NotFound({ entity: "sign-in subject", id, message: `sign-in subject ${id} of person ${state.id} was not found`, messageZh: `未找到人员 ${state.id} 的登录主体 ${id}` }))
        }
        return ok([{ type: "grid.person.subject_unlinked", issuer, subject, at: ctx.at }])
      }
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case "grid.person.created":
        return { ...event.person, subjects: [] }
      case "grid.person.updated":
        return { ...state!, name: event.name, phone: event.phone, nodeId: event.nodeId, householdId: event.householdId, version: state!.version + 1, updatedAt: event.at }
      case "grid.person.subject_linked":
        return { ...state!, subjects: [...state!.subjects, { issuer: event.issuer, subject: event.subject, linkedAt: event.at }], version: state!.version + 1, updatedAt: event.at }
      case "grid.person.subject_unlinked":
        return { ...state!, subjects: state!.subjects.filter((s) => !sameSubject(event)(s)), version: state!.version + 1, updatedAt: event.at }
    }
  }
}

/**
 * A person's event in the feed, at the node they are registered at: ids and their code,
 * never their name or phone, and a subject's issuer but never the subject itself.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordPersonEvent = (event: PersonEvent, after: Person, scope: ReadonlyArray<GridNodeId>): Recorded => {
  switch (event.type) {
    case "grid.person.created":
    case "grid.person.updated":
      return { type: event.type, scope, payload: { nodeId: after.nodeId, code: after.code, householdId: after.householdId } }
    case "grid.person.subject_linked":
    case "grid.person.subject_unlinked":
      return { type: event.type, scope, payload: { issuer: event.issuer } }
  }
}

// ---------------------------------------------------------------------------
// Assignments

/**
 * A command on an assignment.
 *
 * @category models
 * @since 0.4.0
 */
export type AssignmentCommand =
  | { readonly type: "AssignRole"; readonly input: AssignRole }
  | { readonly type: "EndAssignment"; readonly input: EndAssignment }

/**
 * An event of an assignment's life.
 *
 * @category models
 * @since 0.4.0
 */
export type AssignmentEvent = AssignmentCreated | AssignmentEnded | AssignmentUpdated

/**
 * What the assignment decider needs: the time, today in the county's calendar (the
 * default start and end date), and to assign: the new id, the node, the person and whether
 * the same post already exists.
 *
 * @category models
 * @since 0.4.0
 */
export interface AssignmentContext {
  readonly at: Instant
  /** Today in the county's time zone. */
  readonly today: CalendarDate
  /** AssignRole: the new assignment's id. */
  readonly id?: Assignment["id"] | undefined
  /** AssignRole: the node, as the scope check returned it. */
  readonly node?: Place | undefined
  /** AssignRole: the person, as the scope check admitted them. */
  readonly person?: Pick<Person, "id" | "countyId"> | undefined
  /** AssignRole: whether this person already holds this role at this node from that date. */
  readonly duplicate?: boolean | undefined
}

/**
 * The rules of an assignment: a person of the node's county holds a role at a live node
 * from a start date (default today in the county's calendar) to an optional end date not
 * before it; it is ended once, on a date not before its start. Ending it again on the same
 * date changes nothing; a later date than the one it ended on is refused.
 *
 * @category deciders
 * @since 0.4.0
 */
export const assignmentDecider: Decider<Assignment, AssignmentCommand, AssignmentEvent, AssignmentContext, GridDecisionError> = {
  decide: (state, command, ctx) => {
    switch (command.type) {
      case "AssignRole": {
        const input = command.input
        const node = ctx.node!
        const person = ctx.person!
        if (state !== undefined) return refuse(conflict("duplicate_assignment", "this assignment exists", "该任职已存在"))
        if (node.status !== "active") return refuse(archived(nodeName(node), nodeNameZh(node)))
        if (person.countyId !== node.countyId) return refuse(invalidField("personId", "must be a person registered in the same county", "必须是本区县登记的人员"))
        const startDate = input.startDate ?? ctx.today
        const endDate = input.endDate ?? null
        if (endDate !== null && endDate < startDate) return refuse(invalidField("endDate", "must not be before startDate", "不能早于开始日期"))
        if (ctx.duplicate === true) return refuse(conflict("duplicate_assignment", "this person already holds this role here from that date", "该人员已自该日起在此担任该角色"))
        return ok([{
          type: "grid.assignment.created",
          assignment: {
            id: ctx.id!,
            countyId: node.countyId,
            personId: person.id,
            nodeId: node.id,
            role: input.role,
            startDate,
            endDate,
            version: 1,
            createdAt: ctx.at,
            updatedAt: ctx.at
          }
        }])
      }
      case "EndAssignment": {
        const input = command.input
        if (state === undefined) return refuse(missing("assignment"))
        const version = stale("assignment", state.id, state.version, input.expectedVersion)
        if (version !== undefined) return refuse(version)
        const endDate = input.endDate ?? ctx.today
        if (endDate < state.startDate) return refuse(invalidField("endDate", "must not be before the assignment's start date", "不能早于任职开始日期"))
        if (state.endDate === endDate) return nothing()
        if (state.endDate !== null && state.endDate < endDate) {
          return refuse(conflict("already_ended", `assignment ${state.id} already ended on ${state.endDate}`, `任职 ${state.id} 已于 ${state.endDate} 结束`))
        }
        return ok([{ type: "grid.assignment.ended", endDate, at: ctx.at }])
      }
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case "grid.assignment.created":
        return event.assignment
      case "grid.assignment.ended":
      case "grid.assignment.updated":
        return { ...state!, endDate: event.endDate, version: state!.version + 1, updatedAt: event.at }
    }
  }
}

/**
 * An assignment's event in the feed, at its node: who (by id), where, which role, when.
 *
 * @category rules
 * @since 0.4.0
 */
export const recordAssignmentEvent = (event: AssignmentEvent, after: Assignment, scope: ReadonlyArray<GridNodeId>): Recorded => {
  switch (event.type) {
    case "grid.assignment.created":
      return { type: event.type, scope, payload: { personId: after.personId, nodeId: after.nodeId, role: after.role, startDate: after.startDate, endDate: after.endDate } }
    case "grid.assignment.ended":
      return { type: event.type, scope, payload: { endDate: event.endDate } }
    case "grid.assignment.updated":
      return { type: event.type, scope, payload: { startDate: after.startDate, endDate: event.endDate } }
  }
}
