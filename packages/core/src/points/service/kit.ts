/**
 * What every part of the points use cases shares: the ports, and the loads and scope checks
 * they all make (an account or a hold by id, an account its holder or staff act on, the
 * county's configuration and calendar, the issuer above a node). Built once, with the layer.
 *
 * @since 0.4.0
 */
import { Effect, Option } from "effect"
import type { Access } from "../../kernel/access.js"
import type { Actor } from "../../kernel/actor.js"
import type { Commands } from "../../kernel/decider.js"
import { type Directory, pathOf, type Place } from "../../kernel/directory.js"
import { conflict, type Conflict, entityNameZh, forbidden, type Forbidden, notFound, type NotFound, type StorageError } from "../../kernel/errors.js"
import type { IdempotencyStore } from "../../kernel/idempotency.js"
import type { GridNodeId, IdGenerator } from "../../kernel/ids.js"
import type { Action } from "../../kernel/permissions.js"
import type { UnitOfWork } from "../../kernel/store.js"
import { DEFAULT_TIME_ZONE } from "../../kernel/time.js"
import type { GridStore } from "../../grid/store.js"
import type { Account, AccountId, FreeServiceCheck, Hold, TransferId } from "../model.js"
import { defaultPointsConfig, type PointsConfig } from "../rules.js"
import type { PointsStore } from "../store.js"
import type { PointsError } from "../service.js"

/** A use case's effect. */
export type Fx<A> = Effect.Effect<A, PointsError>

/** The ports and kernel services the points use cases run on. */
export interface Deps {
  readonly store: PointsStore["Service"]
  readonly grid: GridStore["Service"]
  readonly directory: Directory["Service"]
  readonly uow: UnitOfWork["Service"]
  readonly keys: IdempotencyStore["Service"]
  readonly ids: IdGenerator["Service"]
  readonly access: Access["Service"]
  readonly commands: Commands["Service"]
  /** Which merchant accounts are partners' (free services at 0 points). */
  readonly freeServices: FreeServiceCheck
}

/** The entity name of an account in errors and scope checks. */
export const ACCOUNT = "points account"

/** The loads and checks every part of the use cases shares. */
export const makeKit = (deps: Deps) => {
  const { access, grid, store } = deps
  const policy = access.policy
  const isOwner = (actor: Actor, account: Account) => account.ownerId !== null && account.ownerId === actor.id
  /** Whether any of the actor's grants allows `action` (somewhere). */
  const holdsAction = (actor: Actor, action: Action) => actor.grants.some((g) => policy[g.role].includes(action))
  const target = (a: Account) => ({ entity: ACCOUNT, id: a.id, nodeId: a.nodeId })

  const loadAccount = (id: AccountId): Effect.Effect<Account, NotFound | StorageError> =>
    Effect.flatMap(store.getAccount(id), Option.match({ onNone: () => Effect.fail(notFound(ACCOUNT, id)), onSome: Effect.succeed }))
  const loadHold = (id: TransferId): Effect.Effect<Hold, NotFound | StorageError> =>
    Effect.flatMap(store.getHold(id), Option.match({ onNone: () => Effect.fail(notFound("hold", id)), onSome: Effect.succeed }))

  /** An account the actor may read: its holder, or `points.read` where it is; anyone else finds nothing. */
  const readable = (actor: Actor, id: AccountId) =>
    Effect.gen(function*() {
      const account = yield* loadAccount(id)
      const place = yield* access.check(actor, "points.read", target(account), { read: "points.read", involved: isOwner(actor, account) })
      return { account, place }
    })

  /**
   * The account's holder acting on it (holding `holderAction` somewhere, when given), or
   * staff who read accounts where it is (`points.read`) with `staffAction` there; anyone
   * else finds nothing. A role granted `staffAction` without reading accounts (a partner's
   * `points.fulfil` and `points.catalog.write`) acts on the accounts its holder holds only,
   * never on another shop's.
   */
  const holderOr = (actor: Actor, account: Account, holderAction: Action | undefined, staffAction: Action): Effect.Effect<Place, NotFound | Forbidden | StorageError> =>
    isOwner(actor, account) && (holderAction === undefined || holdsAction(actor, holderAction))
      ? access.check(actor, staffAction, target(account), { involved: true })
      : Effect.flatMap(access.check(actor, "points.read", target(account), { read: "points.read" }), (place) =>
        access.can(actor, staffAction, pathOf(place))
          ? Effect.succeed(place)
          : Effect.fail(forbidden(staffAction, `${ACCOUNT} ${account.id}`, `${entityNameZh(ACCOUNT)} ${account.id}`)))

  const configOf = (countyId: GridNodeId): Effect.Effect<{ readonly config: PointsConfig; readonly version: number }, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => ({ config: defaultPointsConfig, version: 0 })))
  const zoneOf = (countyId: GridNodeId): Effect.Effect<string, StorageError> =>
    Effect.map(grid.getCounty(countyId), Option.match({ onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone }))

  /** The issuer nearest above (or at) the end of `path`, a path in `countyId`. */
  const issuerFor = (countyId: GridNodeId, path: ReadonlyArray<GridNodeId>, what: string): Effect.Effect<Account, Conflict | StorageError> =>
    Effect.flatMap(store.accountsAt(countyId, path, "issuer"), (issuers) => {
      const byNode = new Map(issuers.map((a) => [a.nodeId, a]))
      for (let i = path.length - 1; i >= 0; i--) {
        const found = byNode.get(path[i]!)
        if (found !== undefined) return Effect.succeed(found)
      }
      return Effect.fail(conflict("no_issuer", `no issuing account above ${what}: open one for the county or community`, `${what} 上级没有发行账户：请为区县或社区开设发行账户`))
    })

  return { ...deps, policy, isOwner, holdsAction, target, loadAccount, loadHold, readable, holderOr, configOf, zoneOf, issuerFor }
}

/** The shared loads and checks, with the ports. */
export type Kit = ReturnType<typeof makeKit>
