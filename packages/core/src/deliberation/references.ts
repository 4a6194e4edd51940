/**
 * What the deliberation use cases read before they decide: the county's configuration and
 * time zone, items and sessions by id, and the people and places a command references,
 * each checked through the one scope check (`Access`). Not part of the public face of the
 * context.
 *
 * @since 0.4.0
 */
import { Effect, Option } from "effect"
import type { Access, Target } from "../kernel/access.js"
import type { Actor } from "../kernel/actor.js"
import type { Commands } from "../kernel/decider.js"
import type { Directory } from "../kernel/directory.js"
import { type Forbidden, notFound, type NotFound, type StorageError } from "../kernel/errors.js"
import type { Identity } from "../kernel/identity.js"
import type { GridNodeId, IdGenerator, PersonId } from "../kernel/ids.js"
import type { Action } from "../kernel/permissions.js"
import { redactorFor } from "../kernel/redact.js"
import { DEFAULT_TIME_ZONE } from "../kernel/time.js"
import type { GridStore } from "../grid/store.js"
import type { DeliberationConfig, ItemId, NamedPerson, SessionId } from "./model.js"
import { defaultDeliberationConfig } from "./rules.js"
import type { DeliberationStore } from "./store.js"

/** The ports and kernel services the use cases run on. */
export interface Deps {
  readonly store: DeliberationStore["Service"]
  readonly grid: GridStore["Service"]
  readonly directory: Directory["Service"]
  readonly access: Access["Service"]
  readonly identity: Identity["Service"]
  readonly commands: Commands["Service"]
  readonly ids: IdGenerator["Service"]
}

const ITEM = "deliberation item"
const SESSION = "deliberation session"

/** The loads and scope checks of the use cases, over their ports. */
export const references = ({ access, directory, grid, store }: Deps) => {
  const loadConfig = (countyId: GridNodeId): Effect.Effect<DeliberationConfig, StorageError> =>
    Effect.map(store.getConfig(countyId), Option.getOrElse(() => defaultDeliberationConfig(countyId)))
  const timeZoneOf = (countyId: GridNodeId): Effect.Effect<string, StorageError> =>
    Effect.map(grid.getCounty(countyId), Option.match({ onNone: () => DEFAULT_TIME_ZONE, onSome: (c) => c.timeZone }))
  const loadItem = (id: ItemId) =>
    Effect.flatMap(store.getItem(id), Option.match({ onNone: () => Effect.fail(notFound(ITEM, id)), onSome: Effect.succeed }))
  const loadSession = (id: SessionId) =>
    Effect.flatMap(store.getSession(id), Option.match({ onNone: () => Effect.fail(notFound(SESSION, id)), onSome: Effect.succeed }))

  /**
   * The scope check of `action` on `target`, where holding the action on a node *below* the
   * target also counts (a resident of a community raises and rates at its street): the
   * actor's own relation to the place, and still within `county`.
   */
  const reach = (actor: Actor, action: Action, target: Target, county: GridNodeId) =>
    access.check(actor, action, target, { county, live: true }).pipe(
      Effect.catch((refused) =>
        refused._tag === "StorageError"
          ? Effect.fail(refused)
          : Effect.gen(function*() {
            const scopes = access.scopes(actor, action)
            if (scopes === "*" || scopes.length === 0) return yield* Effect.fail(refused)
            const below = (yield* directory.getPlaces(scopes)).some((p) => p.countyId === county && p.path.includes(target.nodeId))
            if (!below) return yield* Effect.fail(refused)
            return yield* access.check(actor, action, target, { county, live: true, involved: true })
          }))
    )

  /** A person the command names, in the actor's scope for `action` and in `county`. */
  const personIn = (actor: Actor, action: Action, personId: PersonId, county: GridNodeId): Effect.Effect<NamedPerson, NotFound | Forbidden | StorageError> =>
    Effect.gen(function*() {
      const found = yield* directory.personAccess(personId)
      if (Option.isNone(found)) return yield* Effect.fail(notFound("person", personId))
      const person = found.value.person
      yield* access.check(actor, action, { entity: "person", id: personId, nodeId: person.nodeId }, { county })
      return { _tag: "Person" as const, personId, name: person.name }
    })

  /** Free text made fit for the public board at the item's node, with these people's names. */
  const redactorAt = (nodeId: GridNodeId, involved: ReadonlyArray<string | undefined>) =>
    Effect.map(directory.namesAround(nodeId), (around) => redactorFor([...involved.filter((n): n is string => n !== undefined), ...around]))
  return { loadConfig, loadItem, loadSession, personIn, reach, redactorAt, timeZoneOf }
}
