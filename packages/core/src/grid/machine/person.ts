/**
 * The person decider: register and update a person, link and unlink sign-in subjects.
 *
 * @since 0.4.0
 */
import type { Decider, Recorded } from "../../kernel/decider.js"
import { pathOf, type Place } from "../../kernel/directory.js"
import { conflict, invalidField, NotFound } from "../../kernel/errors.js"
import type { GridNodeId, HouseholdId, PersonId } from "../../kernel/ids.js"
import type { Instant } from "../../kernel/time.js"
import type { CreatePerson, Person, PersonCreated, PersonUpdated, SignInSubject, SubjectLinked, SubjectUnlinked, UpdatePerson } from "../model.js"
import { archived, duplicateCode, type GridDecisionError, missing, nodeName, nodeNameZh, nothing, ok, refuse, stale } from "./shared.js"

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
