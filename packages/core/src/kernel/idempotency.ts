/**
 * Idempotency keys for commands: a client that retries a write with the same key gets the
 * first result back, and reusing the key for a different request is a `Conflict`. The
 * record is written in the same unit of work as the command's effects, so a key is never
 * recorded for a command that did not commit, nor a command committed without its key.
 *
 * @since 0.2.0
 */
import { Context, Effect, Option, Schema } from "effect"
import { conflict, type Conflict, type StorageError } from "./errors.js"
import type { Instant } from "./time.js"
import { now } from "./time.js"
import type { UnitOfWork } from "./store.js"

/**
 * One recorded command: who sent it, under which key, a fingerprint of the request (e.g.
 * method, path and body) and the encoded result.
 *
 * @category models
 * @since 0.2.0
 */
export interface IdempotencyRecord {
  /** Keys are per actor: two actors may use the same key. */
  readonly actorId: string
  readonly key: string
  readonly fingerprint: string
  /** The result, encoded (JSON-compatible). */
  readonly result: unknown
  readonly at: Instant
}

/**
 * Storage of idempotency records.
 *
 * Contract:
 * - `save` MUST be called inside a `UnitOfWork` transaction and commit or roll back with it.
 * - `save` MUST fail with `Conflict` (`idempotency_key_reused`) when the actor already has a
 *   record under the key, and then write nothing.
 * - `find` MUST return the committed record (or the one saved earlier in the same unit of work).
 *
 * @category services
 * @since 0.2.0
 */
export class IdempotencyStore extends Context.Service<IdempotencyStore, {
  /** The record of the actor's earlier command under this key, if any. */
  readonly find: (actorId: string, key: string) => Effect.Effect<Option.Option<IdempotencyRecord>, StorageError>
  /** Records a command's result under its key; `Conflict` when the key is already taken. */
  readonly save: (record: IdempotencyRecord) => Effect.Effect<void, Conflict | StorageError>
}>()("@mulin/core/kernel/IdempotencyStore") {}

/**
 * A request to run once per key.
 *
 * @category models
 * @since 0.2.0
 */
export interface IdempotentRequest {
  readonly actorId: string
  /** 1 to 200 printable characters. */
  readonly key: string
  readonly fingerprint: string
}

/**
 * The outcome: the value, and whether it is the replay of an earlier request.
 *
 * @category models
 * @since 0.2.0
 */
export interface Idempotent<A> {
  readonly value: A
  readonly replayed: boolean
}

/**
 * The conflict of a key reused for another request.
 *
 * @category constructors
 * @since 0.2.0
 */
export const keyReused = (key: string): Conflict =>
  conflict(
    "idempotency_key_reused",
    `idempotency key ${key} was already used for a different request`,
    `幂等键 ${key} 已用于另一个不同的请求`
  )

/**
 * Runs `command` at most once per (actor, key): in one unit of work, looks the key up;
 * replays the recorded result when the fingerprint matches, fails with `Conflict` when it
 * does not, and otherwise runs the command and records its encoded result. Failures are
 * not recorded: a failed command may be retried under the same key.
 *
 * @category combinators
 * @since 0.2.0
 */
export const runIdempotent = <A, I, E, R>(
  deps: { readonly store: IdempotencyStore["Service"]; readonly uow: UnitOfWork["Service"] },
  request: IdempotentRequest,
  schema: Schema.Codec<A, I>,
  command: Effect.Effect<A, E, R>
): Effect.Effect<Idempotent<A>, E | Conflict | StorageError, R> =>
  deps.uow.transaction(Effect.gen(function*() {
    const found = yield* deps.store.find(request.actorId, request.key)
    if (Option.isSome(found)) {
      if (found.value.fingerprint !== request.fingerprint) return yield* Effect.fail(keyReused(request.key))
      const value = yield* Effect.orDie(Schema.decodeUnknownEffect(schema)(found.value.result))
      return { value, replayed: true }
    }
    const value = yield* command
    const result = yield* Effect.orDie(Schema.encodeEffect(schema)(value))
    yield* deps.store.save({ actorId: request.actorId, key: request.key, fingerprint: request.fingerprint, result, at: yield* now })
    return { value, replayed: false }
  }))
