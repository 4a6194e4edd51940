/**
 * `/assignments`: role assignments (posts at grid nodes).
 *
 * @since 0.4.0
 */
import { AssignmentId, AssignRole, Assignment, EndAssignment } from "@mulin/core"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, GridErrors } from "./shared.js"

/**
 * Role assignments.
 *
 * @category api
 * @since 0.1.0
 */
export class AssignmentsGroup extends HttpApiGroup.make("assignments")
  .add(
    HttpApiEndpoint.post("create", "/", { payload: AssignRole, success: created(Assignment), error: GridErrors })
      .annotateMerge(doc("assignRole", "Assign a person to a node in a role", "Needs `grid.assignment.write` on the node.")),
    HttpApiEndpoint.post("end", "/:id/end", { params: { id: AssignmentId }, payload: EndAssignment, success: Assignment, error: GridErrors })
      .annotateMerge(doc("endAssignment", "End an assignment", "Needs `grid.assignment.write` on the assignment's node."))
  )
  .middleware(BodyGuard)
  .prefix("/assignments")
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "Assignments", description: "任职" })) {}
