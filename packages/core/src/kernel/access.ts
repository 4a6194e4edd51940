/**
 * The one scope check. Every use case authorises through {@link Access}: a node it acts
 * at, and every entity a command references (an account, a session, a team member, a merge
 * target, a volunteer, a service, a merchant), is loaded through it and must lie in the
 * actor's scope and in the expected county. What the actor may not even see is reported as
 * not found, so ids outside one's subtree or county reveal nothing; what it may see but not
 * do is forbidden.
 *
 * @since 0.4.0
 */
import { Context, Effect, Layer, Option } from "effect"
import type { Actor } from "./actor.js"
import { entityNameZh, forbidden, type Forbidden, notFound, type NotFound, type StorageError } from "./errors.js"
import { Directory, pathOf, type Place } from "./directory.js"
import type { GridNodeId } from "./ids.js"
import { type Action, allowedScopes, isAllowed, PermissionPolicy, type Policy } from "./permissions.js"

/**
 * An entity a command references, as loaded by its context: what it is, its id, and where
 * it lives.
 *
 * @category models
 * @since 0.4.0
 */
export interface Target {
  /** The entity's name in messages, e.g. `points account`. */
  readonly entity: string
  readonly id: string
  /** The grid node the entity belongs to: its scope. */
  readonly nodeId: GridNodeId
}

/**
 * How a check is made.
 *
 * @category models
 * @since 0.4.0
 */
export interface CheckOptions {
  /** The entity must belong to this county; otherwise it is not found. */
  readonly county?: GridNodeId | undefined
  /**
   * The action that makes the entity visible (default `grid.tree.read`: anyone whose grant
   * covers the node). Without it, the entity is not found.
   */
  readonly read?: Action | undefined
  /**
   * The actor's own relation to the entity (its holder, requester, mediator, …) allows
   * this action: it is visible and permitted whatever the grants say. The context decides
   * which relations allow which actions.
   */
  readonly involved?: boolean | undefined
  /** An archived node (or an entity at one) is not found. Default `false`. */
  readonly live?: boolean | undefined
}

/**
 * What the one scope check offers; see {@link Access}.
 *
 * @category models
 * @since 0.4.0
 */
export interface AccessService {
  /** The permission policy in force. */
  readonly policy: Policy
  /** Whether the actor may perform `action` at the node whose full path (root first, node last) is given. No IO. */
  readonly can: (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>) => boolean
  /** The roots of the subtrees where the actor may perform `action` (`"*"`: everywhere). No IO. */
  readonly scopes: (actor: Actor, action: Action) => "*" | ReadonlyArray<GridNodeId>
  /**
   * Loads the node `id` and checks that the actor may perform `action` there. Not found
   * when the node does not exist, lies outside what the actor may see or outside
   * `options.county`; forbidden when the actor sees it but may not act.
   */
  readonly at: (actor: Actor, action: Action, id: GridNodeId, options?: CheckOptions) => Effect.Effect<Place, NotFound | Forbidden | StorageError>
  /**
   * Checks a referenced entity by the node it belongs to, with the same rules as `at`; the
   * errors name the entity, not its node.
   */
  readonly check: (actor: Actor, action: Action, target: Target, options?: CheckOptions) => Effect.Effect<Place, NotFound | Forbidden | StorageError>
  /**
   * Checks that the actor holds `action` somewhere in the county — at its root or at any
   * node inside it — as county-wide reads by its staff require (the county's configuration).
   * Not found when the actor holds nothing in that county at all, forbidden when it works
   * there but lacks the action.
   */
  readonly inCounty: (actor: Actor, action: Action, countyId: GridNodeId) => Effect.Effect<Place, NotFound | Forbidden | StorageError>
  /**
   * `check` on the place of an entity the caller has just read together with it (one
   * snapshot), so the place is not read a second time. `place` MUST be the node
   * `target.nodeId` as stored.
   */
  readonly checkLoaded: (actor: Actor, action: Action, place: Place, target: Target, options?: CheckOptions) => Effect.Effect<Place, NotFound | Forbidden>
  /** `check` for several entities, in order; the first refusal wins. */
  readonly checkAll: (actor: Actor, action: Action, targets: ReadonlyArray<Target>, options?: CheckOptions) => Effect.Effect<ReadonlyArray<Place>, NotFound | Forbidden | StorageError>
}

/**
 * The one scope check.
 *
 * @category services
 * @since 0.4.0
 */
export class Access extends Context.Service<Access, AccessService>()("@mulin/core/kernel/Access") {
  /**
   * The check over the {@link Directory}, with the {@link PermissionPolicy} read when the
   * layer is built.
   *
   * @category layers
   * @since 0.4.0
   */
  static readonly layer: Layer.Layer<Access, never, Directory> = Layer.effect(Access, Effect.gen(function*() {
    const directory = yield* Directory
    const policy = yield* PermissionPolicy
    return makeAccess(directory, policy)
  }))
}

/**
 * The check over a directory and a policy.
 *
 * @category constructors
 * @since 0.4.0
 */
export const makeAccess = (directory: Directory["Service"], policy: Policy): AccessService => {
  const can = (actor: Actor, action: Action, path: ReadonlyArray<GridNodeId>) => isAllowed(policy, actor, action, path)

  const judge = (actor: Actor, action: Action, place: Place, target: Target, options: CheckOptions | undefined): Effect.Effect<Place, NotFound | Forbidden> => {
    const hidden = () => Effect.fail(notFound(target.entity, target.id))
    if (options?.county !== undefined && place.countyId !== options.county) return hidden()
    if (options?.live === true && place.status !== "active") return hidden()
    if (options?.involved === true) return Effect.succeed(place)
    const path = pathOf(place)
    if (!can(actor, options?.read ?? "grid.tree.read", path) && !can(actor, action, path)) return hidden()
    return can(actor, action, path) ? Effect.succeed(place) : Effect.fail(target.entity === "grid node" ? forbidden(action, target.id) : forbidden(action, `${target.entity} ${target.id}`, `${entityNameZh(target.entity)} ${target.id}`))
  }

  const check = (actor: Actor, action: Action, target: Target, options?: CheckOptions) =>
    Effect.flatMap(directory.getPlace(target.nodeId), (found) =>
      Option.isNone(found) ? Effect.fail(notFound(target.entity, target.id)) : judge(actor, action, found.value, target, options))

  return Access.of({
    policy,
    can,
    scopes: (actor, action) => allowedScopes(policy, actor, action),
    at: (actor, action, id, options) => check(actor, action, { entity: "grid node", id, nodeId: id }, options),
    check,
    checkLoaded: (actor, action, place, target, options) =>
      place.id === target.nodeId ? judge(actor, action, place, target, options) : Effect.die(new Error(`checkLoaded: place ${place.id} is not the node ${target.nodeId} of ${target.entity} ${target.id}`)),
    inCounty: (actor, action, countyId) =>
      Effect.gen(function*() {
        const found = yield* directory.getPlace(countyId)
        if (Option.isNone(found) || found.value.parentId !== null) return yield* Effect.fail(notFound("county", countyId))
        const county = found.value
        const inside = (scopes: "*" | ReadonlyArray<GridNodeId>) =>
          scopes === "*"
            ? Effect.succeed(true)
            : scopes.includes(countyId)
            ? Effect.succeed(true)
            : Effect.map(directory.getPlaces(scopes), (places) => places.some((p) => p.countyId === countyId))
        if (yield* inside(allowedScopes(policy, actor, action))) return county
        const anyRole = actor.grants.some((g) => g.scope === "*" || g.scope === countyId) || (yield* inside(actor.grants.map((g) => g.scope).filter((s): s is GridNodeId => s !== "*")))
        return yield* Effect.fail(anyRole ? forbidden(action, countyId) : notFound("county", countyId))
      }),
    checkAll: (actor, action, targets, options) =>
      targets.length === 0
        ? Effect.succeed([])
        : Effect.gen(function*() {
          const places = new Map((yield* directory.getPlaces([...new Set(targets.map((t) => t.nodeId))])).map((p) => [p.id, p]))
          const out: Array<Place> = []
          for (const target of targets) {
            const place = places.get(target.nodeId)
            if (place === undefined) return yield* Effect.fail(notFound(target.entity, target.id))
            out.push(yield* judge(actor, action, place, target, options))
          }
          return out
        })
  })
}
