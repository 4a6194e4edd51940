/**
 * Serving the API on plain Node with `node:http` (no framework, no extra dependency): the
 * Effect HTTP application runs on Node's request and response directly, with no web
 * `Request` or `Response` in between.
 *
 * @since 0.1.0
 */
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { Context, Effect, Exit, Layer, Scope } from "effect"
import { HttpMiddleware, HttpRouter } from "effect/http"
import { answerClientError, DEFAULT_DRAIN, nodeListener } from "./internal/node.js"
import { type HandlerOptions, layer, routerConfig } from "./server.js"

/**
 * Options of {@link serve}.
 *
 * @category models
 * @since 0.1.0
 */
export interface ServeOptions extends HandlerOptions {
  /** TCP port; `0` picks a free one. Default `3000`. */
  readonly port?: number | undefined
  /** Interface to listen on. Default `127.0.0.1`; use `0.0.0.0` to accept remote clients. */
  readonly host?: string | undefined
  /**
   * How many bytes of a request body the server reads and drops when it answers before
   * reading the body (a 401 or a 413 on an upload), so that the client, still sending, gets
   * to read the answer instead of a reset connection. Past it the connection is closed.
   * Default 16 MiB.
   *
   * @since 0.4.0
   */
  readonly drainBytes?: number | undefined
  /**
   * How long the server goes on reading such a body, in milliseconds. Default 10 000.
   *
   * @since 0.4.0
   */
  readonly drainTimeoutMs?: number | undefined
}

/**
 * A listening server.
 *
 * @category models
 * @since 0.1.0
 */
export interface RunningServer {
  /** The base URL, e.g. `http://127.0.0.1:3000`. */
  readonly url: string
  readonly host: string
  readonly port: number
  /** The underlying Node server. */
  readonly server: Server
  /** Stops accepting connections, closes open ones and releases the store. */
  readonly close: () => Promise<void>
}

/** The request's origin from its Host header, when that is a plain host and port. */
const originOf = (host: string | undefined, fallback: string): string =>
  host !== undefined && /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/u.test(host) ? `http://${host}` : fallback

/**
 * Serves the API with `node:http` and resolves once it listens.
 *
 * Every answer is a problem body, including the ones Node gives before any handler runs: a
 * request line and headers past Node's `maxHeaderSize` (16 KiB) answer 431
 * `request_header_fields_too_large`, a request Node cannot parse 400 `bad_request`. An early
 * refusal of an upload (401, 413) is sent after the rest of the body was read and dropped
 * (up to `drainBytes`), so the client reads it.
 *
 * Under load, start Node with `--max-semi-space-size=32 --no-allocation-site-pretenuring`
 * (on the command line; Node refuses the second in `NODE_OPTIONS`). Without the second, V8
 * allocates the context entries each request adds straight into the old generation, because
 * entries made at the same place while the services were built lived long; such an entry
 * keeps its request alive through the young collections, and their pauses grow with it.
 *
 * @example
 * ```ts
 * const server = await serve({ port: 8080, grid, authenticate: tokenTable(tokens) })
 * console.log(`listening on ${server.url}`)
 * process.on("SIGTERM", () => void server.close())
 * ```
 *
 * @category constructors
 * @since 0.1.0
 */
export const serve = async (options: ServeOptions): Promise<RunningServer> => {
  const host = options.host ?? "127.0.0.1"
  const { context, dispose } = await build(options)
  let origin = `http://${host}`
  const limits = { bytes: options.drainBytes ?? DEFAULT_DRAIN.bytes, timeoutMs: options.drainTimeoutMs ?? DEFAULT_DRAIN.timeoutMs }
  const server = createServer(nodeListener(Context.get(context, HttpRouter.HttpRouter).asHttpEffect(), context as Context.Context<never>, {
    limits,
    middleware: options.logRequests === true ? HttpMiddleware.logger : undefined,
    origin: (req) => originOf(req.headers.host, origin)
  }))
  server.on("clientError", answerClientError)
  return new Promise<RunningServer>((resolve, reject) => {
    const onError = (error: Error) => {
      void dispose()
      reject(error)
    }
    server.once("error", onError)
    server.listen(options.port ?? 3000, host, () => {
      server.off("error", onError)
      const port = (server.address() as AddressInfo).port
      const hostInUrl = host.includes(":") ? `[${host}]` : host
      origin = `http://${hostInUrl}:${port}`
      resolve({
        url: origin,
        host,
        port,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
          }).then(dispose)
      })
    })
  })
}

/** Builds the API's layers (routes, middleware, the services) with the exact router, once. */
const build = async (options: HandlerOptions) => {
  const app: Layer.Layer<HttpRouter.HttpRouter, unknown> = Layer.provideMerge(
    layer(options).pipe(Layer.provide(options.services)),
    HttpRouter.layer.pipe(Layer.provide(Layer.succeed(HttpRouter.RouterConfig)(routerConfig)))
  )
  const scope = Scope.makeUnsafe()
  const dispose = () => Effect.runPromise(Scope.close(scope, Exit.void))
  try {
    const context = await Effect.runPromise(Layer.buildWithScope(app, scope))
    return { context, dispose }
  } catch (error) {
    await dispose()
    throw error
  }
}
