/**
 * The grid use cases of people and their sign-in subjects.
 *
 * @internal
 */
import { Effect, Option } from "effect"
import type { Actor } from "../../kernel/actor.js"
import { pathOf, type Place } from "../../kernel/directory.js"
import type { Conflict, StorageError } from "../../kernel/errors.js"
import { isCurrentOn } from "../../kernel/identity.js"
import { newPersonId, type PersonId } from "../../kernel/ids.js"
import { type Instant, todayIn } from "../../kernel/time.js"
import { type LinkedSubject, type PersonCommand, type PersonContext, personDecider, type PersonState, recordPersonEvent } from "../machine.js"
import type { Person } from "../model.js"
import { personView } from "../rules.js"
import type { Grid, GridError } from "../service.js"
import type { SubjectLinkView } from "../views.js"
import type { Kit } from "./kit.js"

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

/** The use cases of people and their sign-in subjects. */
export const peopleUseCases = (kit: Kit): Pick<Grid["Service"], "createPerson" | "updatePerson" | "getPerson" | "listPeople" | "linkSubject" | "unlinkSubject" | "subjects"> => {
  const { access, decode, directory, fresh, householdFor, limitOf, loadPerson, loadPersonState, personTarget, run, seesPersonal, store } = kit
  return {
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
        const state = yield* changeSubjects(actor, id, { type: "LinkSubject", input: subject }, (at) =>
          Effect.map(directory.findSubject(subject.issuer, subject.subject), (holder) => ({ at, subjectHolder: Option.getOrUndefined(holder) })))
        const linked = state.subjects.find((s) => s.issuer === subject.issuer && s.subject === subject.subject)!
        return subjectView(state.id)(linked)
      }),

    unlinkSubject: (actor, id, input) =>
      Effect.gen(function*() {
        const subject = yield* decode.subject(input)
        const state = yield* changeSubjects(actor, id, { type: "UnlinkSubject", input: subject }, (at) => Effect.succeed({ at }))
        return state.subjects.map(subjectView(state.id))
      }),

    subjects: (actor, id) =>
      Effect.gen(function*() {
        const person = yield* loadPerson(id)
        yield* access.check(actor, "grid.assignment.write", personTarget(person))
        return (yield* store.subjectsOf(id)).map((s) => subjectView(id)(s))
      })
  }

  /** Links or unlinks a sign-in subject of a person the actor may manage, through the pipeline. */
  function changeSubjects(
    actor: Actor,
    id: PersonId,
    command: Extract<PersonCommand, { readonly type: "LinkSubject" | "UnlinkSubject" }>,
    context: (at: Instant) => Effect.Effect<PersonContext, GridError>
  ) {
    return Effect.gen(function*() {
      let place!: Place
      const { state } = yield* run({
        actor,
        aggregate: "person",
        id,
        decider: personDecider,
        command,
        load: Effect.gen(function*() {
          const person = yield* loadPersonState(id)
          place = yield* access.check(actor, "grid.assignment.write", personTarget(person))
          return person
        }),
        authorize: () => Effect.void,
        context: (_, at) => context(at),
        save: (next, expected, before) => saveSubjects(next, expected, before!),
        record: (event, after) => recordPersonEvent(event, after, pathOf(place))
      })
      return state
    })
  }

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
