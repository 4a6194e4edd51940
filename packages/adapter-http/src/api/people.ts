/**
 * `/people`: the directory of people and their sign-in subjects.
 *
 * @since 0.4.0
 */
import { CreatePerson, PersonId, PersonView, SignInSubject, SubjectLinkView, UpdatePerson } from "@mulin/core"
import { Schema } from "effect"
import { HttpApiEndpoint, HttpApiGroup, OpenApi } from "effect/http-api"
import { Authentication, BodyGuard, RequestValidation } from "./middleware.js"
import { created, doc, GridErrors } from "./shared.js"

const personParams = { id: PersonId }

/**
 * The directory of people.
 *
 * @category api
 * @since 0.1.0
 */
export class PeopleGroup extends HttpApiGroup.make("people")
  .add(
    HttpApiEndpoint.post("create", "/", { payload: CreatePerson, success: created(PersonView), error: GridErrors })
      .annotateMerge(doc("createPerson", "Register a person at a node", "Needs `grid.assignment.write` on the node; the household, if any, must lie at or below it.")),
    HttpApiEndpoint.patch("update", "/:id", { params: personParams, payload: UpdatePerson, success: PersonView, error: GridErrors })
      .annotateMerge(doc("updatePerson", "Change a person's name, phone, node or household", "Needs `grid.assignment.write` where the person is registered and at the new node. A request that changes nothing writes nothing.")),
    HttpApiEndpoint.post("link", "/:id/subjects", { params: personParams, payload: SignInSubject, success: created(SubjectLinkView), error: GridErrors })
      .annotateMerge(doc("linkSubject", "Link a sign-in subject to a person", "The subject (`issuer`, `subject`) then signs the person in. Linking it again changes nothing; a subject linked to another person answers 409 `subject_linked`. Needs `grid.assignment.write`.")),
    HttpApiEndpoint.post("unlink", "/:id/subjects/unlink", { params: personParams, payload: SignInSubject, success: Schema.Array(SubjectLinkView), error: GridErrors })
      .annotateMerge(doc("unlinkSubject", "Unlink a sign-in subject from a person", "Answers the subjects left; 404 when the subject is not linked to the person. Needs `grid.assignment.write`."))
  )
  .middleware(BodyGuard)
  .add(
    HttpApiEndpoint.get("get", "/:id", { params: personParams, success: PersonView, error: GridErrors })
      .annotateMerge(doc("getPerson", "Get a person", "Visible with `grid.tree.read` on the node the person is registered at or on a node where they hold a current post, and to the person; masked unless the actor has `grid.personal.read` where the person is registered.")),
    HttpApiEndpoint.get("subjects", "/:id/subjects", { params: personParams, success: Schema.Array(SubjectLinkView), error: GridErrors })
      .annotateMerge(doc("listSubjects", "List the sign-in subjects linked to a person", "Needs `grid.assignment.write` where the person is registered."))
  )
  .prefix("/people")
  .middleware(Authentication)
  .middleware(RequestValidation)
  .annotateMerge(OpenApi.annotations({ title: "People", description: "人员" })) {}
