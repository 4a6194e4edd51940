/**
 * Authentication is a plug-in: the server asks an {@link Authenticator} who is behind each
 * request — a person, or a sign-in subject linked to a person — and answers 401 when it
 * does not know. The actor is then derived from that person's current posts on the grid,
 * on every request (`Identity`), so ending a post ends the access at once. Plug in
 * sessions, JWTs, an SSO gateway or an API-key table. Ready-made: {@link oidc} verifies the
 * JWTs of an OpenID Connect identity provider, {@link tokenTable} is a static table of
 * tokens, {@link operatorTable} signs in the platform's operators, and {@link firstOf} tries
 * several in turn.
 *
 * @since 0.1.0
 */
import type { PersonId, Principal } from "@mulin/core"
import { Effect } from "effect"
import {
  createRemoteJWKSet,
  errors as joseErrors,
  importJWK,
  importSPKI,
  type JWK,
  type JWTVerifyGetKey,
  jwtVerify
} from "jose"

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
export const firstOf = (...authenticators: ReadonlyArray<Authenticator>): Authenticator => (request) => firstFrom(authenticators, request, 0)

// A chain, not a generator: a generator function made on every request gets a hidden class of
// its own from V8, in the old generation, which keeps the request alive until a full collection.
const firstFrom = (authenticators: ReadonlyArray<Authenticator>, request: AuthRequest, at: number): Effect.Effect<Principal | undefined> =>
  at >= authenticators.length
    ? Effect.succeed(undefined)
    : Effect.flatMap(runAuthenticator(authenticators[at]!, request), (principal) => principal !== undefined ? Effect.succeed(principal) : firstFrom(authenticators, request, at + 1))

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

/**
 * Options of {@link oidc}.
 *
 * @category models
 * @since 0.4.0
 */
export interface OidcOptions {
  /** The identity provider's issuer (`iss`), e.g. `https://id.example.gov.cn/realms/yanzhou`; a token from any other is refused. */
  readonly issuer: string
  /** The audience (`aud`) a token must be for: this API's client id, or several. */
  readonly audience: string | ReadonlyArray<string>
  /** Where the provider publishes its signing keys (`jwks_uri` of its discovery document). Give this or `publicKey`. */
  readonly jwksUrl?: string | URL | undefined
  /** The provider's public key, as a PEM (SPKI) text, a JWK or a `CryptoKey`. Give this or `jwksUrl`. */
  readonly publicKey?: string | JWK | CryptoKey | undefined
  /** The accepted signature algorithms. Default `["RS256", "ES256"]`; `none` and the HMAC ones (`HS*`) are never accepted. */
  readonly algorithms?: ReadonlyArray<string> | undefined
  /** How far the clocks of the provider and the server may disagree, for `exp`, `nbf` and `iat`. Default 30 seconds. */
  readonly clockToleranceSeconds?: number | undefined
  /**
   * The issuer under which subjects are linked to people (`Subject` principals). Default
   * `issuer`. Set it when the provider's issuer URL changes but its subjects stay.
   */
  readonly subjectIssuer?: string | undefined
}

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/u

const DEFAULT_ALGORITHMS: ReadonlyArray<string> = ["RS256", "ES256"]

const misconfigured = (message: string, messageZh: string): Error =>
  new Error(`oidc(): ${message} / oidc()：${messageZh}`)

/** The key of `publicKey` for the algorithm of a token's header. */
const keyGetter = (publicKey: string | JWK | CryptoKey): JWTVerifyGetKey => {
  const imported = new Map<string, Promise<CryptoKey | Uint8Array>>()
  return async (header) => {
    if (typeof publicKey !== "string" && !("kty" in publicKey)) return publicKey
    const alg = header.alg
    let key = imported.get(alg)
    if (key === undefined) {
      key = typeof publicKey === "string" ? importSPKI(publicKey, alg) : importJWK({ ...publicKey, alg }, alg) as Promise<CryptoKey | Uint8Array>
      imported.set(alg, key)
    }
    return key
  }
}

/**
 * Whether a verification failure says the token is not valid (a 401), rather than that the
 * provider's keys could not be fetched (a server fault, 500).
 */
const isInvalidToken = (error: unknown): boolean =>
  error instanceof joseErrors.JOSEError && !(error instanceof joseErrors.JWKSTimeout) && !(error instanceof joseErrors.JWKSInvalid)

/**
 * Signs in with the JWT access tokens (or ID tokens) of an OpenID Connect identity provider
 * (Keycloak, Authing, an e-government SSO, …): `Authorization: Bearer <JWT>`. The token must
 * be signed by the provider's key (from its JWKS, fetched and cached, or a configured public
 * key) with an accepted algorithm, be issued by `issuer` for `audience`, carry `sub` and
 * `exp`, and be valid now (`exp`, `nbf`, within the clock tolerance). Its `sub` becomes a
 * `Subject` principal; the person it signs in is the one that subject is linked to on the
 * grid (`Directory.findSubject`, links written with `GridStore.linkSubject`). A token that
 * fails any check, or whose subject is linked to nobody, answers 401 with
 * `WWW-Authenticate: Bearer error="invalid_token"`; a provider whose keys cannot be fetched
 * is a server fault (500, logged).
 *
 * A credential that does not look like a JWT is left to the next authenticator of
 * {@link firstOf}.
 *
 * @example
 * ```ts
 * import { firstOf, oidc, operatorTable, serve } from "@mulin/adapter-http"
 *
 * await serve({
 *   services,
 *   authenticate: firstOf(
 *     oidc({
 *       issuer: "https://id.example.gov.cn/realms/yanzhou",
 *       audience: "mulin-api",
 *       jwksUrl: "https://id.example.gov.cn/realms/yanzhou/protocol/openid-connect/certs",
 *       algorithms: ["RS256"]
 *     }),
 *     operatorTable({ [process.env.OPERATOR_TOKEN!]: "ops" })
 *   )
 * })
 * ```
 *
 * @category constructors
 * @since 0.4.0
 */
export const oidc = (options: OidcOptions): Authenticator => {
  if (options.issuer.trim() === "") throw misconfigured("issuer must not be empty", "issuer 不能为空")
  const audience = typeof options.audience === "string" ? [options.audience] : [...options.audience]
  if (audience.length === 0 || audience.some((a) => a.trim() === "")) throw misconfigured("audience must name at least one audience", "audience 至少要有一个受众")
  if ((options.jwksUrl === undefined) === (options.publicKey === undefined)) {
    throw misconfigured("give exactly one of jwksUrl and publicKey", "jwksUrl 与 publicKey 必须且只能给出一个")
  }
  const algorithms = [...(options.algorithms ?? DEFAULT_ALGORITHMS)]
  if (algorithms.length === 0) throw misconfigured("algorithms must not be empty", "algorithms 不能为空")
  const refused = algorithms.filter((a) => a.toLowerCase() === "none" || a.toUpperCase().startsWith("HS"))
  if (refused.length > 0) {
    throw misconfigured(`algorithms ${refused.join(", ")} are not accepted: use the provider's public-key algorithms (RS256, ES256, …)`, `不接受算法 ${refused.join(", ")}：请使用身份提供方的公钥算法（RS256、ES256 等）`)
  }
  const clockTolerance = options.clockToleranceSeconds ?? 30
  if (!Number.isFinite(clockTolerance) || clockTolerance < 0) throw misconfigured("clockToleranceSeconds must be zero or more", "clockToleranceSeconds 不能为负数")
  const key: JWTVerifyGetKey = options.jwksUrl !== undefined
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : keyGetter(options.publicKey!)
  const subjectIssuer = options.subjectIssuer ?? options.issuer
  return (request) => {
    const token = request.token
    if (token === undefined || !JWT_SHAPE.test(token)) return Effect.succeed(undefined)
    return Effect.tryPromise({
      try: () =>
        jwtVerify(token, key, {
          issuer: options.issuer,
          audience,
          algorithms,
          clockTolerance,
          requiredClaims: ["sub", "exp"]
        }),
      catch: (error) => error
    }).pipe(
      Effect.map(({ payload }): Principal | undefined =>
        typeof payload.sub === "string" && payload.sub !== ""
          ? { _tag: "Subject", issuer: subjectIssuer, subject: payload.sub }
          : undefined
      ),
      Effect.catch((error) => (isInvalidToken(error) ? Effect.succeed(undefined) : Effect.die(error)))
    )
  }
}
