/**
 * Authentication is a plug-in: the server asks an {@link Authenticator} who is behind each
 * request and answers 401 when it does not know. Plug in sessions, JWTs, an SSO gateway or
 * an API-key table; {@link tokenTable} is the ready-made static table.
 *
 * @since 0.1.0
 */
import type { Actor } from "@mulin/core"
import { Effect } from "effect"

/**
 * What an authenticator sees of a request.
 *
 * @category models
 * @since 0.1.0
 */
export interface AuthRequest {
  readonly method: string
  /** The request URL as received. */
  readonly url: string
  /** Request headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string | undefined>>
  /** The credential of `Authorization: Bearer <token>`, or `undefined` when absent. */
  readonly token: string | undefined
}

/**
 * Resolves the actor behind a request: `undefined` when the request is not authenticated
 * (the server then answers 401). May answer synchronously, with a Promise or an Effect.
 * A failure or a thrown exception is a server fault (500), not a 401.
 *
 * @category models
 * @since 0.1.0
 */
export type Authenticator = (
  request: AuthRequest
) => Effect.Effect<Actor | undefined> | Promise<Actor | undefined> | Actor | undefined

/**
 * A static table from bearer token to actor, for tests, examples and machine-to-machine
 * integrations with long-lived tokens.
 *
 * @example
 * ```ts
 * import { systemActor } from "@mulin/core"
 * import { makeHandler, tokenTable } from "@mulin/adapter-http"
 *
 * const authenticate = tokenTable({ "secret-ops-token": systemActor("ops") })
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const tokenTable = (table: Readonly<Record<string, Actor>>): Authenticator => {
  const actors = new Map(Object.entries(table))
  return (request) => Effect.succeed(request.token === undefined ? undefined : actors.get(request.token))
}

/**
 * Runs an authenticator whatever its return shape.
 *
 * @category combinators
 * @since 0.1.0
 */
export const runAuthenticator = (authenticate: Authenticator, request: AuthRequest): Effect.Effect<Actor | undefined> =>
  Effect.suspend(() => {
    const result = authenticate(request)
    if (Effect.isEffect(result)) return result
    if (result instanceof Promise) return Effect.promise(() => result)
    return Effect.succeed(result)
  })
