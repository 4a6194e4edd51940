/**
 * The kernel's view of the grid: places (nodes with their paths) and people with their
 * posts. Every scope check and every actor is derived from it, so access follows the grid's
 * own records. The grid context owns the data; each store adapter implements this port on
 * the same tables as its `GridStore`.
 *
 * @since 0.4.0
 */
import { Context, type Effect, type Option } from "effect"
import type { Role } from "./actor.js"
import type { StorageError } from "./errors.js"
import type { GridNodeId, HouseholdId, PersonId } from "./ids.js"
import type { CalendarDate } from "./time.js"

/**
 * A node as the scope check sees it. A grid node (`GridNode`) is one.
 *
 * @category models
 * @since 0.4.0
 */
export interface Place {
  readonly id: GridNodeId
  readonly countyId: GridNodeId
  /** `null` for a county's root. */
  readonly parentId: GridNodeId | null
  /** Ancestors' ids, root first, without the node itself. */
  readonly path: ReadonlyArray<GridNodeId>
  readonly level: string
  readonly depth: number
  readonly name: string
  readonly status: "active" | "archived"
}

/**
 * The node's full path, root first and the node itself last: what grants are checked against.
 *
 * @category constructors
 * @since 0.4.0
 */
export const pathOf = (place: Place): ReadonlyArray<GridNodeId> => [...place.path, place.id]

/**
 * One post of a person: a role at a node over a period (`endDate` inclusive; `null`: open).
 *
 * @category models
 * @since 0.4.0
 */
export interface Post {
  readonly role: Role
  readonly nodeId: GridNodeId
  readonly startDate: CalendarDate
  readonly endDate: CalendarDate | null
}

/**
 * What a person's access is derived from, read in one snapshot.
 *
 * @category models
 * @since 0.4.0
 */
export interface PersonAccess {
  readonly person: {
    readonly id: PersonId
    readonly countyId: GridNodeId
    readonly nodeId: GridNodeId
    readonly name: string
    readonly householdId: HouseholdId | null
  }
  /** The county's time zone: which posts are current is decided by its calendar. */
  readonly timeZone: string
  /** Every post of the person, current or not. */
  readonly posts: ReadonlyArray<Post>
  /**
   * When the person lives in a live household: the household's unit and its ancestors,
   * root first, the unit last. Empty otherwise.
   */
  readonly home: ReadonlyArray<Place>
}

/**
 * The places and people every scope check and every actor is derived from.
 *
 * Contract:
 * - `getPlace` / `getPlaces` MUST return live and archived nodes alike, as committed (or
 *   written earlier in the same unit of work).
 * - `personAccess` MUST read the person, every one of their posts, their household's unit
 *   with its ancestors and the county's time zone from one snapshot.
 * - `findSubject` MUST return the person a sign-in subject (issuer and subject) is linked
 *   to, if any.
 * - `namesAround` MUST return the names of the residents and people registered in the
 *   subtree of the node's nearest ancestor-or-self at community depth or below; above it,
 *   the names of the people registered in the node's subtree. It reads at most a few
 *   thousand rows and serves the redaction of public text.
 *
 * @category services
 * @since 0.4.0
 */
export class Directory extends Context.Service<Directory, {
  /** The node with this id. */
  readonly getPlace: (id: GridNodeId) => Effect.Effect<Option.Option<Place>, StorageError>
  /** The nodes with these ids that exist, in any order. */
  readonly getPlaces: (ids: ReadonlyArray<GridNodeId>) => Effect.Effect<ReadonlyArray<Place>, StorageError>
  /** A person with every post, their home and the county's time zone. */
  readonly personAccess: (id: PersonId) => Effect.Effect<Option.Option<PersonAccess>, StorageError>
  /** The person a sign-in subject is linked to. */
  readonly findSubject: (issuer: string, subject: string) => Effect.Effect<Option.Option<PersonId>, StorageError>
  /** Names of the residents and people around a node, for redacting public text. */
  readonly namesAround: (nodeId: GridNodeId) => Effect.Effect<ReadonlyArray<string>, StorageError>
}>()("@mulin/core/kernel/Directory") {}
