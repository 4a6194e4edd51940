/**
 * Serving {@link MulinApi}: as a Layer for an Effect `HttpRouter` application, or as a
 * web-standard fetch handler (`(Request) => Promise<Response>`) that mounts in any framework
 * (Hono, Next.js route handlers, Bun, Deno, Cloudflare Workers, Node through `serve`).
 *
 * @since 0.1.0
 */
import { Layer } from "effect"
import { HttpRouter, HttpServer } from "effect/http"
import { HttpApiBuilder } from "effect/http-api"
import { MulinApi, type MulinServices } from "./api.js"
import type { Authenticator } from "./auth.js"
import { handlersLayer } from "./internal/handlers.js"
import {
  authenticationLayer,
  bodyGuardLayer,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_URL_BYTES,
  problemNetLayer,
  requestValidationLayer
} from "./internal/middleware.js"

/**
 * How the API behaves, whatever it is mounted in.
 *
 * @category models
 * @since 0.1.0
 */
export interface ApiOptions {
  /** Resolves the actor behind each request; see `tokenTable`. */
  readonly authenticate: Authenticator
  /** Largest accepted request body in bytes (413 above it). Default 1 MiB. */
  readonly maxBodyBytes?: number | undefined
  /**
   * Longest accepted request URL (path and query) in bytes: 414 `uri_too_long` above it.
   * Default 8 KiB.
   *
   * @since 0.4.0
   */
  readonly maxUrlBytes?: number | undefined
  /** Where the OpenAPI 3.1 document is served. Default `/openapi.json`. */
  readonly openapiPath?: `/${string}` | undefined
}

/**
 * How the API's router matches paths: exactly. Case-sensitive (`/NODES/x` is not
 * `/nodes/x`), duplicate slashes kept (`//nodes/x` is not `/nodes/x`), a trailing slash
 * kept (`/nodes/x/` is not `/nodes/x`). {@link makeHandler} and `serve` use it; an Effect
 * application that mounts {@link layer} should provide it as `HttpRouter.RouterConfig`.
 *
 * @category constants
 * @since 0.4.0
 */
export const routerConfig: { readonly caseSensitive: true; readonly ignoreDuplicateSlashes: false; readonly ignoreTrailingSlash: false } = {
  caseSensitive: true,
  ignoreDuplicateSlashes: false,
  ignoreTrailingSlash: false
}

/**
 * The API's routes, registered on the ambient `HttpRouter`: mount it in an Effect HTTP
 * application that provides `Grid` (e.g. `Grid.layer` over a store), with
 * {@link routerConfig} as the router's configuration.
 *
 * @category layers
 * @since 0.1.0
 */
export const layer = (options: ApiOptions): Layer.Layer<never, never, MulinServices | HttpRouter.HttpRouter> =>
  Layer.mergeAll(
    HttpApiBuilder.layer(MulinApi, { openapiPath: options.openapiPath ?? "/openapi.json" }).pipe(
      Layer.provide(handlersLayer),
      Layer.provide([
        authenticationLayer(options.authenticate),
        bodyGuardLayer(options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES),
        requestValidationLayer
      ]),
      Layer.provide(HttpServer.layerServices)
    ),
    problemNetLayer(options.maxUrlBytes ?? DEFAULT_MAX_URL_BYTES)
  )

/**
 * Options of {@link makeHandler}.
 *
 * @category models
 * @since 0.1.0
 */
export interface HandlerOptions extends ApiOptions {
  /**
   * The use cases the API serves, over a store, e.g.
   * `Grid.layer.pipe(Layer.provide([layerSqlite(file), IdGenerator.layer]))`.
   */
  readonly services: Layer.Layer<MulinServices, unknown>
  /** Log one line per request. Default `false`. */
  readonly logRequests?: boolean | undefined
}

/**
 * A web-standard request handler and the function that releases its resources.
 *
 * @category models
 * @since 0.1.0
 */
export interface WebHandler {
  /** Answers one request. Never rejects for a bad request: errors are problem responses. */
  readonly handler: (request: Request) => Promise<Response>
  /** Releases the layers (closes the store). Call once, when shutting down. */
  readonly dispose: () => Promise<void>
}

/**
 * Builds the API as a fetch handler. The layers are built at once; a request that arrives
 * while they are still building waits for them.
 *
 * @example
 * ```ts
 * import { Grid, IdGenerator } from "@mulin/core"
 * import { layerMemory } from "@mulin/core/memory"
 * import { makeHandler, tokenTable } from "@mulin/adapter-http"
 * import { Layer } from "effect"
 *
 * const { handler, dispose } = makeHandler({
 *   services: Grid.layer.pipe(Layer.provide([layerMemory(), IdGenerator.layer])),
 *   authenticate: tokenTable({ "dev-token": myActor })
 * })
 * const response = await handler(new Request("http://localhost/healthz"))
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const makeHandler = (options: HandlerOptions): WebHandler => {
  const app = layer(options).pipe(Layer.provide(options.services))
  const web = HttpRouter.toWebHandler(app, { disableLogger: options.logRequests !== true, routerConfig })
  return { handler: (request) => web.handler(request), dispose: web.dispose }
}
