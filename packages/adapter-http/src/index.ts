/**
 * `@mulin/adapter-http`: Mulin's grid use cases over HTTP.
 *
 * - {@link MulinApi}: the one API definition (Effect `HttpApi`) behind the server, the
 *   OpenAPI 3.1 document (`GET /openapi.json`) and the typed client
 *   (`@mulin/adapter-http/client`).
 * - {@link makeHandler}: a web-standard `(Request) => Promise<Response>` handler for any
 *   framework; {@link serve}: plain Node with `node:http`; {@link layer}: routes for an
 *   Effect `HttpRouter` application.
 * - Authentication is a plug-in ({@link Authenticator}): {@link oidc} verifies an OpenID
 *   Connect provider's JWTs, {@link tokenTable} and {@link operatorTable} are static tables,
 *   {@link firstOf} tries several. `GET /me` says who a request signs in.
 * - Every error is `application/problem+json`; {@link problemTable} maps error tags to
 *   HTTP statuses.
 *
 * @since 0.1.0
 */
export * from "./api.js"
export * from "./auth.js"
export * from "./errors.js"
export * from "./node.js"
export * from "./problems.js"
export * from "./server.js"
export * from "./webhookFetch.js"
