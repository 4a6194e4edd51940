/**
 * `@mulin/adapter-http/client`: the typed client of the Mulin HTTP API, derived from the
 * same {@link MulinApi} definition the server uses. It runs wherever `fetch` does (browsers,
 * Node, workers) and imports nothing from the server side.
 *
 * Errors come back as the classes the use cases fail with (`NotFound`, `Forbidden`,
 * `Conflict`, `InvalidInput`, …) plus the HTTP-edge ones (`Unauthorized`, …), so
 * `Effect.catchTag` works the same in-process and over the wire.
 *
 * @example
 * ```ts
 * import { makeClient } from "@mulin/adapter-http/client"
 * import { Effect } from "effect"
 *
 * const program = Effect.gen(function*() {
 *   const client = yield* makeClient({ baseUrl: "https://grid.example.gov.cn", token: "…" })
 *   const counties = yield* client.counties.list()
 *   const page = yield* client.nodes.children({ params: { id: counties[0]!.id }, query: { limit: 50 } })
 * })
 * ```
 *
 * @since 0.1.0
 */
import { Effect } from "effect"
import { FetchHttpClient, HttpClient, HttpClientRequest } from "effect/http"
import { HttpApiClient } from "effect/http-api"
import { MulinApi } from "./api.js"

export * from "./api.js"
export * from "./errors.js"
export * from "./problems.js"

/**
 * Options of {@link makeClient}.
 *
 * @category models
 * @since 0.1.0
 */
export interface ClientOptions {
  /** Where the API is served, e.g. `https://grid.example.gov.cn` (paths are appended). */
  readonly baseUrl: string | URL
  /** Sent as `Authorization: Bearer <token>`; omit for `health()` only. */
  readonly token?: string | undefined
  /** The `fetch` to use; default `globalThis.fetch`. Pass a handler's `fetch` to call it in-process. */
  readonly fetch?: typeof globalThis.fetch | undefined
}

/**
 * The typed client: one method per endpoint, grouped as in {@link MulinApi}
 * (`client.nodes.move({ params: { id }, payload: { newParentId } })`), plus `health()`.
 *
 * @category models
 * @since 0.1.0
 */
export type MulinClient = HttpApiClient.ForApi<typeof MulinApi>

/**
 * Makes a typed client.
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeClient = (options: ClientOptions): Effect.Effect<MulinClient> => {
  const token = options.token
  return HttpApiClient.make(MulinApi, {
    baseUrl: options.baseUrl,
    ...(token === undefined ? {} : { transformClient: HttpClient.mapRequest(HttpClientRequest.bearerToken(token)) })
  }).pipe(
    Effect.provide(FetchHttpClient.layer),
    Effect.provideService(FetchHttpClient.Fetch, options.fetch ?? globalThis.fetch)
  )
}
