/**
 * The grid use cases of posts: role assignments.
 *
 * @internal
 */
import { Effect, Option } from "effect"
import { pathOf, type Place } from "../../kernel/directory.js"
import { newAssignmentId } from "../../kernel/ids.js"
import { assignmentDecider, recordAssignmentEvent } from "../machine.js"
import type { Grid } from "../service.js"
import type { Kit } from "./kit.js"

/** The use cases of posts: role assignments. */
export const postUseCases = (kit: Kit): Pick<Grid["Service"], "assignRole" | "endAssignment" | "listAssignments"> => {
  const { access, decode, fresh, limitOf, loadAssignment, loadPerson, personTarget, run, store, todayOf } = kit
  return {
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
      Effect.andThen(access.at(actor, "grid.tree.read", rootId), store.listAssignments(rootId, { after: page?.after, limit: limitOf(page) }))
  }
}
