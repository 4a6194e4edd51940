/**
 * One identity: a grid `Person` is the identity of every human Mulin knows. A request's
 * actor is derived, on every request, from that person's **current** posts on the grid
 * (role assignments with their dates, in the county's calendar) and from the household
 * they live in, so ending or expiring a post ends the access at once. Sign-in subjects
 * (a demo token, an OIDC `sub`) are linked to people; authenticators resolve a request to
 * a {@link Principal} and {@link Identity} turns it into an {@link Actor}.
 *
 * @since 0.4.0
 */
import { Clock, Context, Effect, Layer, Option } from "effect"
import { type Actor, type Grant, systemActor } from "./actor.js"
import { Directory, type PersonAccess, type Place } from "./directory.js"
import type { StorageError } from "./errors.js"
import type { GridNodeId, PersonId } from "./ids.js"
import { type CalendarDate, localDate } from "./time.js"

/**
 * Who a request says it is, once its credential was verified: a person by id, a sign-in
 * subject of an identity provider that is linked to a person, or a platform operator
 * (who creates counties and runs store-wide jobs; never a grid post, never a resident).
 *
 * @category models
 * @since 0.4.0
 */
export type Principal =
  | { readonly _tag: "Person"; readonly personId: PersonId }
  | { readonly _tag: "Subject"; readonly issuer: string; readonly subject: string }
  | { readonly _tag: "Operator"; readonly name: string }

/**
 * The level key whose node a resident's grant is scoped at: residents act in their
 * community (post needs, report disputes, raise and rate items there).
 *
 * @category constants
 * @since 0.4.0
 */
export const RESIDENT_SCOPE_LEVEL = "community"

/** The node a resident's grant covers: their community, or their unit when the county has no community level. */
const residentScope = (home: ReadonlyArray<Place>): GridNodeId | undefined =>
  (home.find((p) => p.level === RESIDENT_SCOPE_LEVEL) ?? home[home.length - 1])?.id

/**
 * Whether a post is current on a date: started on or before it, not ended before it.
 *
 * @category predicates
 * @since 0.4.0
 */
export const isCurrentOn = (post: { readonly startDate: CalendarDate; readonly endDate: CalendarDate | null }, date: CalendarDate): boolean =>
  post.startDate <= date && (post.endDate === null || date <= post.endDate)

/**
 * The actor a person is on a date: one grant per current post, and `resident` over their
 * community when they live in a live household.
 *
 * @category constructors
 * @since 0.4.0
 */
export const actorOf = (access: PersonAccess, date: CalendarDate): Actor => {
  const grants: Array<Grant> = []
  const seen = new Set<string>()
  const add = (grant: Grant) => {
    const key = `${grant.role}@${grant.scope}`
    if (!seen.has(key)) {
      seen.add(key)
      grants.push(grant)
    }
  }
  for (const post of access.posts) if (isCurrentOn(post, date)) add({ role: post.role, scope: post.nodeId })
  const home = residentScope(access.home)
  if (home !== undefined) add({ role: "resident", scope: home })
  return { id: access.person.id, kind: "person", name: access.person.name, grants }
}

/**
 * Turns principals into actors.
 *
 * @category services
 * @since 0.4.0
 */
export class Identity extends Context.Service<Identity, {
  /** The actor a person is now; none when no such person exists. */
  readonly actorOf: (personId: PersonId) => Effect.Effect<Option.Option<Actor>, StorageError>
  /** The actor behind a principal; none when the person or the subject's link does not exist. */
  readonly resolve: (principal: Principal) => Effect.Effect<Option.Option<Actor>, StorageError>
}>()("@mulin/core/kernel/Identity") {
  /**
   * Actors from the {@link Directory}, with today's date read from the `Clock` in each
   * person's county time zone.
   *
   * @category layers
   * @since 0.4.0
   */
  static readonly layer: Layer.Layer<Identity, never, Directory> = Layer.effect(Identity, Effect.gen(function*() {
    const directory = yield* Directory
    // On every request: a chain of two steps, not a generator.
    const actorFor = (personId: PersonId): Effect.Effect<Option.Option<Actor>, StorageError> =>
      Effect.flatMap(directory.personAccess(personId), (found) =>
        Option.isNone(found)
          ? Effect.succeed(Option.none<Actor>())
          : Effect.map(Clock.currentTimeMillis, (millis) => Option.some(actorOf(found.value, localDate(millis, found.value.timeZone)))))
    return Identity.of({
      actorOf: actorFor,
      resolve: (principal) => {
        switch (principal._tag) {
          case "Person":
            return actorFor(principal.personId)
          case "Subject":
            return Effect.flatMap(directory.findSubject(principal.issuer, principal.subject), Option.match({
              onNone: () => Effect.succeed(Option.none<Actor>()),
              onSome: actorFor
            }))
          case "Operator":
            return Effect.succeed(Option.some(systemActor(`operator:${principal.name}`)))
        }
      }
    })
  }))
}
