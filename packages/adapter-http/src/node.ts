/**
 * Serving the API on plain Node with `node:http` (no framework, no extra dependency).
 *
 * @since 0.1.0
 */
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { crashBody, toRequest, writeResponse } from "./internal/node.js"
import { type HandlerOptions, makeHandler } from "./server.js"

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

/**
 * Serves the API with `node:http` and resolves once it listens.
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
export const serve = (options: ServeOptions): Promise<RunningServer> => {
  const host = options.host ?? "127.0.0.1"
  const { handler, dispose } = makeHandler(options)
  let origin = `http://${host}`
  const server = createServer((req, res) => {
    handler(toRequest(req, req.headers.host === undefined ? origin : `http://${req.headers.host}`))
      .then((response) => writeResponse(response, req, res))
      .catch(() => {
        if (!res.headersSent) {
          res.writeHead(500, { "content-type": "application/problem+json" })
          res.end(crashBody)
        } else {
          res.destroy()
        }
      })
  })
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
