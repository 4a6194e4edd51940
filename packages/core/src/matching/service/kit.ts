/**
 * What every part of the matching use cases shares: the ports, the county's configuration
 * and calendar, and the people and targets they check through `Access`. Built once, with
 * the layer.
 *
 * @since 0.4.0
 */
import { Effect, Option } from "effect"
import type { Access } from "../../kernel/access.js"
import type { Actor } from "../../kernel/actor.js"
import type { Commands } from "../../kernel/decider.js"
import type { Directory } from "../../kernel/directory.js"
import { notFound, type StorageError } from "../../kernel/errors.js"
import type { Identity } from "../../kernel/identity.js"
import { type GridNodeId, IdGenerator, type PersonId } from "../../kernel/ids.js"
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageRequest } from "../../kernel/pagination.js"
import type { Action } from "../../kernel/permissions.js"
import { DEFAULT_TIME_ZONE, type Instant, localDate, startOfDate } from "../../kernel/time.js"
import type { GridStore } from "../../grid/store.js"
import type { Points } from "../../points/service.js"
import type { MatchingConfig, Need, Volunteer } from "../model.js"
import type { Scorer } from "../ranking.js"
import { defaultMatchingConfig } from "../rules.js"
import type { MatchingError } from "../service.js"
import type { MatchingStore } from "../store.js"

/** A use case's effect. */
export type Fx<A> = Effect.Effect<A, MatchingError>

/** The ports, kernel services and scorer the matching use cases run on. */
export interface Deps {
  readonly store: MatchingStore["Service"]
  readonly grid: GridStore["Service"]
  readonly directory: Directory["Service"]
  readonly ids: IdGenerator["Service"]
  readonly points: Points["Service"]
  readonly access: Access["Service"]
  readonly commands: Commands["Service"]
  readonly identity: Identity["Service"]
  readonly scorer: Scorer
}

/** The entity name of a need in errors and scope checks. */
export const ENTITY = "need"

/** The loads and checks every part of the use cases shares. */
export const makeKit = (deps: Deps) => {
  const { access, directory, grid, identity, ids, store } = deps
  const fresh = <A>(make: Effect.Effect<A, never, IdGenerator>) => Effect.provideService(make, IdGenerator, ids)
  const limitOf = (page: PageRequest | undefined): number => Math.min(Math.max(1, Math.floor(page?.limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE)
  const needTarget = (n: Need) => ({ entity: ENTITY, id: n.id, nodeId: n.nodeId })
  const volunteerTarget = (v: Volunteer) => ({ entity: "volunteer", id: v.personId, nodeId: v.homeNodeId })

  const loadConfig = (countyId: GridNodeId): Effect.Effect<MatchingConfig, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultMatchingConfig(countyId)))
  const zoneOf = (countyId: GridNodeId): Effect.Effect<string, StorageError> =>
    Effect.map(grid.getCounty(countyId), Option.match({ onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone }))
  /** How far the county's local time is ahead of UTC at `at` (its availability windows are local). */
  const offsetOf = (at: Instant, zone: string): number => {
    const date = localDate(at, zone)
    return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(startOfDate(date, zone))) / 60_000)
  }

  /** A person of the directory, checked through `Access` for `action`. */
  const personOf = (actor: Actor, id: PersonId, action: Action, options: { readonly county?: GridNodeId; readonly involved?: boolean }) =>
    Effect.gen(function*() {
      const found = yield* directory.personAccess(id)
      if (Option.isNone(found)) return yield* Effect.fail(notFound("person", id))
      const p = found.value.person
      yield* access.check(actor, action, { entity: "person", id, nodeId: p.nodeId }, { county: options.county ?? p.countyId, involved: options.involved })
      return p
    })

  /** The actor a person is now, to act as them (a reward's holder or awarder). */
  const actorOf = (personId: PersonId) =>
    Effect.flatMap(identity.actorOf(personId), Option.match({ onNone: () => Effect.fail(notFound("person", personId)), onSome: Effect.succeed }))

  return { ...deps, fresh, limitOf, needTarget, volunteerTarget, loadConfig, zoneOf, offsetOf, personOf, actorOf }
}

/** The shared loads and checks, with the ports. */
export type Kit = ReturnType<typeof makeKit>
