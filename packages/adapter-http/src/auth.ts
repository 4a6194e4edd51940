/**
 * Authentication is a plug-in: the server asks an {@link Authenticator} who is behind each
 * request — a person, or a sign-in subject linked to a person — and answers 401 when it
 * does not know. The actor is then derived from that person's current posts on the grid,
 * on every request (`Identity`), so ending a post ends the access at once. Plug in
 * sessions, JWTs, an SSO gateway or an API-key table; {@link tokenTable} is the
 * ready-made static table.
 *
 * @since 0.1.0
 */
import type { PersonId, Principal } from "@mulin/core"
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
 * Resolves who is behind a request: `undefined` when the request is not authenticated
 * (the server then answers 401). May answer synchronously, with a Promise or an Effect.
 * A failure or a thrown exception is a server fault (500), not a 401. The principal's
 * person (or the person its subject is linked to) must exist, or the answer is 401 too.
 *
 * @category models
 * @since 0.1.0
 */
export type Authenticator = (
  request: AuthRequest
) => Effect.Effect<Principal | undefined> | Promise<Principal | undefined> | Principal | undefined

/**
 * A static table from bearer token to the person it signs in, for tests, examples and
 * machine-to-machine integrations with long-lived tokens. What the token may do follows
 * from the person's current posts.
 *
 * @example
 * ```ts
 * import { makeHandler, tokenTable } from "@mulin/adapter-http"
 *
 * const authenticate = tokenTable({ "secret-token-of-li": liWangge.id })
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const tokenTable = (table: Readonly<Record<string, PersonId>>): Authenticator => {
  const people = new Map(Object.entries(table))
  return (request) => {
    const personId = request.token === undefined ? undefined : people.get(request.token)
    return Effect.succeed(personId === undefined ? undefined : { _tag: "Person", personId } satisfies Principal)
  }
}

/**
 * A static table from bearer token to a platform operator's name: the credential of the
 * few people who run the platform itself (create counties, run store-wide jobs, verify
 * the ledger). An operator acts store-wide, with no grid post: keep these tokens long,
 * random and few, and prefer the county's own sign-in for everyone else.
 *
 * @category constructors
 * @since 0.4.0
 */
export const operatorTable = (table: Readonly<Record<string, string>>): Authenticator => {
  const operators = new Map(Object.entries(table))
  return (request) => {
    const name = request.token === undefined ? undefined : operators.get(request.token)
    return Effect.succeed(name === undefined ? undefined : { _tag: "Operator", name } satisfies Principal)
  }
}

/**
 * Tries authenticators in order; the first that recognises the request wins.
 *
 * @example
 * ```ts
 * const authenticate = firstOf(oidc({ issuer, audience, jwksUrl }), tokenTable(demoTokens))
 * ```
 *
 * @category combinators
 * @since 0.4.0
 */
export const firstOf = (...authenticators: ReadonlyArray<Authenticator>): Authenticator => (request) =>
  Effect.gen(function*() {
    for (const authenticate of authenticators) {
      const principal = yield* runAuthenticator(authenticate, request)
      if (principal !== undefined) return principal
    }
    return undefined
  })

/**
 * Runs an authenticator whatever its return shape.
 *
 * @category combinators
 * @since 0.1.0
 */
export const runAuthenticator = (authenticate: Authenticator, request: AuthRequest): Effect.Effect<Principal | undefined> =>
  Effect.suspend(() => {
    const result = authenticate(request)
    if (Effect.isEffect(result)) return result
    if (result instanceof Promise) return Effect.promise(() => result)
    return Effect.succeed(result)
  })
