/**
 * Raising a follow-up in another context — a need, a mediation case or a deliberation item
 * — through that context's use case, with the acting person's own rights. A household
 * visit's follow-ups and an intake request's routing both go through it, inside their own
 * unit of work, so a refusal undoes everything.
 *
 * @since 0.5.0
 */
import { Effect } from "effect"
import type { Actor } from "../kernel/actor.js"
import type { DomainError, StorageError } from "../kernel/errors.js"
import { Deliberation } from "../deliberation/service.js"
import { Matching } from "../matching/service.js"
import { Mediation } from "../mediation/service.js"
import type { RaisedFollowUp, VisitFollowUp } from "./model.js"

/**
 * The contexts a follow-up goes to.
 *
 * @category models
 * @since 0.5.0
 */
export interface FollowUpContexts {
  readonly matching: Matching["Service"]
  readonly mediation: Mediation["Service"]
  readonly deliberation: Deliberation["Service"]
}

/**
 * The contexts a follow-up goes to, from the layers that provide them.
 *
 * @category constructors
 * @since 0.5.0
 */
export const followUpContexts: Effect.Effect<FollowUpContexts, never, Matching | Mediation | Deliberation> = Effect.gen(function*() {
  return { matching: yield* Matching, mediation: yield* Mediation, deliberation: yield* Deliberation }
})

/**
 * Raises one follow-up through its context's use case, `actor` acting; answers its kind
 * and the id of what it raised.
 *
 * @category combinators
 * @since 0.5.0
 */
export const raiseFollowUp = (contexts: FollowUpContexts, actor: Actor, f: VisitFollowUp): Effect.Effect<RaisedFollowUp, DomainError | StorageError> => {
  switch (f.kind) {
    case "need":
      return Effect.map(contexts.matching.post(actor, f.need), (n) => ({ kind: "need" as const, id: n.id }))
    case "case":
      return Effect.map(contexts.mediation.report(actor, f.case), (c) => ({ kind: "case" as const, id: c.id }))
    case "item":
      return Effect.map(contexts.deliberation.raise(actor, f.item), (i) => ({ kind: "item" as const, id: i.id }))
  }
}
