/**
 * The assignment decider: assign a role at a node from a date, end or update it.
 *
 * @since 0.4.0
 */
import type { Decider, Recorded } from "../../kernel/decider.js"
import type { Place } from "../../kernel/directory.js"
import { conflict, invalidField } from "../../kernel/errors.js"
import type { GridNodeId } from "../../kernel/ids.js"
import type { CalendarDate, Instant } from "../../kernel/time.js"
import type { AssignmentCreated, AssignmentEnded, AssignmentUpdated, AssignRole, Assignment, EndAssignment, Person } from "../model.js"
import { archived, type GridDecisionError, missing, nodeName, nodeNameZh, nothing, ok, refuse, stale } from "./shared.js"

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
