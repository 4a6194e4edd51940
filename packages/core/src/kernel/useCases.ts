/**
 * Small parts the newer contexts' use cases share: decoding a library caller's command as
 * HTTP does, checking an expected version, changing a county's configuration through the
 * one pipeline, and naming a person a command references after the one scope check.
 *
 * @since 0.5.0
 */
import { Effect, Option, Schema } from "effect"
import { Access as AccessService, type Access, type Target } from "./access.js"
import type { Actor, ActorRef } from "./actor.js"
import { Commands as CommandsService, type Commands, type Decider, type Recorded } from "./decider.js"
import { Directory as DirectoryService, type Directory, type Place } from "./directory.js"
import { type Conflict, type Forbidden, fromSchemaError, type InvalidInput, notFound, type NotFound, staleVersion, type StorageError } from "./errors.js"
import { type GridNodeId, IdGenerator as IdGeneratorService, type IdGenerator, type PersonId } from "./ids.js"
import { Identity as IdentityService, type Identity } from "./identity.js"
import type { Action } from "./permissions.js"
import type { Instant } from "./time.js"

/**
 * A decoder of a command schema failing with `InvalidInput` naming every field, so a library
 * caller's bad value fails as the HTTP adapter's does.
 *
 * @category constructors
 * @since 0.5.0
 */
export const commandDecoder = <A, I>(schema: Schema.Codec<A, I>) => {
  const decode = Schema.decodeUnknownEffect(schema)
  return (input: unknown): Effect.Effect<A, InvalidInput> => Effect.mapError(decode(input, { errors: "all" }), (e) => fromSchemaError(e))
}

/**
 * Fails with the stale-version `Conflict` when the caller expected another version.
 *
 * @category combinators
 * @since 0.5.0
 */
export const expectVersion = (entity: string, id: string, expected: number | undefined, actual: number): Effect.Effect<void, Conflict> =>
  expected === undefined || expected === actual ? Effect.void : Effect.fail(staleVersion(entity, id, expected, actual))

/**
 * Changes a county's configuration of one context through `Commands.run`: `action` on the
 * county's root (a node that is not a root is not found), at the expected version when the
 * command names one.
 *
 * @category combinators
 * @since 0.5.0
 */
export const runCountyConfig = <C extends { readonly version: number }, Cmd extends { readonly expectedVersion?: number | undefined }, Ev, E>(
  deps: { readonly access: Access["Service"]; readonly commands: Commands["Service"] },
  run: {
    readonly actor: Actor
    readonly countyId: GridNodeId
    readonly action: Action
    /** The configuration's name in the log and in conflicts, e.g. `places configuration`. */
    readonly entity: string
    readonly decider: Decider<C, Cmd, Ev, { readonly at: Instant; readonly actor: ActorRef }, E>
    readonly command: Cmd
    readonly load: Effect.Effect<C, StorageError>
    readonly save: (next: C, expected: number) => Effect.Effect<void, Conflict | StorageError>
    readonly record: (event: Ev, after: C) => Recorded
  }
): Effect.Effect<C, E | NotFound | Forbidden | Conflict | StorageError> =>
  Effect.map(
    deps.commands.run<C, Cmd, Ev, { readonly at: Instant; readonly actor: ActorRef }, E | NotFound | Forbidden | Conflict | StorageError, never>({
      actor: run.actor,
      aggregate: run.entity,
      id: run.countyId,
      decider: run.decider,
      command: run.command,
      load: run.load,
      authorize: (current) =>
        Effect.gen(function*() {
          const county = yield* deps.access.at(run.actor, run.action, run.countyId, { county: run.countyId })
          if (county.parentId !== null) return yield* Effect.fail(notFound("county", run.countyId))
          yield* expectVersion(run.entity, run.countyId, run.command.expectedVersion, current!.version)
        }),
      context: (_, at) => Effect.succeed({ at, actor: { id: run.actor.id, kind: run.actor.kind } }),
      save: (next, expected) => run.save(next, expected),
      record: run.record
    }),
    (r) => r.state
  )

/**
 * A person a command names (a contact, a leader, a member), in the actor's scope for
 * `action` and in `county`, with their name; not found otherwise.
 *
 * @category combinators
 * @since 0.5.0
 */
export const referencedPerson = (
  deps: { readonly access: Access["Service"]; readonly directory: Directory["Service"] },
  actor: Actor,
  action: Action,
  personId: PersonId,
  county: GridNodeId
): Effect.Effect<{ readonly personId: PersonId; readonly name: string; readonly nodeId: GridNodeId }, NotFound | Forbidden | StorageError> =>
  Effect.gen(function*() {
    const found = yield* deps.directory.personAccess(personId)
    if (Option.isNone(found)) return yield* Effect.fail(notFound("person", personId))
    const person = found.value.person
    yield* deps.access.check(actor, action, { entity: "person", id: personId, nodeId: person.nodeId }, { county })
    return { personId, name: person.name, nodeId: person.nodeId }
  })

/**
 * The scope check of `action` on `target`, where a grant for the action on a node *below*
 * the target counts too (a resident of a community joins an activity of its street), within
 * `county`; a live node only.
 *
 * @category combinators
 * @since 0.5.0
 */
export const reachFromBelow = (
  deps: { readonly access: Access["Service"]; readonly directory: Directory["Service"] },
  actor: Actor,
  action: Action,
  target: Target,
  county: GridNodeId
): Effect.Effect<Place, NotFound | Forbidden | StorageError> =>
  Effect.catch(deps.access.check(actor, action, target, { county, live: true }), (refused) => {
    if (refused._tag === "StorageError") return Effect.fail(refused)
    const roots = deps.access.scopes(actor, action)
    if (roots === "*" || roots.length === 0) return Effect.fail(refused)
    return Effect.flatMap(deps.directory.getPlaces(roots), (places) =>
      places.some((p) => p.countyId === county && p.path.includes(target.nodeId))
        ? deps.access.check(actor, action, target, { county, live: true, involved: true })
        : Effect.fail(refused))
  })

/**
 * The kernel services a context's use cases run on: the directory, the one scope check,
 * identity, the one pipeline and the id generator.
 *
 * @category models
 * @since 0.5.0
 */
export interface KernelServices {
  readonly directory: Directory["Service"]
  readonly access: Access["Service"]
  readonly identity: Identity["Service"]
  readonly commands: Commands["Service"]
  readonly ids: IdGenerator["Service"]
}

/**
 * Reads the {@link KernelServices} from the context (`layerKernel` provides the scope check,
 * identity and the pipeline over the stores).
 *
 * @category constructors
 * @since 0.5.0
 */
export const kernelServices: Effect.Effect<KernelServices, never, Directory | Access | Identity | Commands | IdGenerator> = Effect.gen(function*() {
  return { directory: yield* DirectoryService, access: yield* AccessService, identity: yield* IdentityService, commands: yield* CommandsService, ids: yield* IdGeneratorService }
})
