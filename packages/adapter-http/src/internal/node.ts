/**
 * Serving an Effect HTTP application on `node:http` directly: the Node request is the
 * `HttpServerRequest` (no web `Request`, `Headers`, `URL` or `AbortController` per request),
 * and the `HttpServerResponse` is written to the Node response as it is (no web `Response`,
 * no web stream for a body that is already bytes).
 *
 * @internal
 */
import type { IncomingMessage, ServerResponse } from "node:http"
import { Readable } from "node:stream"
import type { Duplex } from "node:stream"
import { Context, Effect, Inspectable, Option, type Scope, Stream } from "effect"
import {
  Cookies,
  Headers,
  HttpEffect,
  HttpIncomingMessage,
  type HttpMiddleware,
  HttpServerError,
  HttpServerRequest,
  HttpServerResponse,
  Multipart,
  UrlParams
} from "effect/http"
import { requestHeaderFieldsTooLarge } from "../errors.js"
import { problemTable } from "../problems.js"

/** How much of an unread request body is read and dropped before an early answer, and for how long. */
export interface DrainLimits {
  readonly bytes: number
  readonly timeoutMs: number
}

/** The default drain limits: 16 MiB, 10 seconds. */
export const DEFAULT_DRAIN: DrainLimits = { bytes: 16 * 1024 * 1024, timeoutMs: 10_000 }

class BodyTooLargeError extends Error {
  constructor(maxBytes: number) {
    super(`Request body exceeds ${maxBytes} bytes`)
  }
}

/** Whether a request announces a body: a non-zero `content-length`, or any `transfer-encoding`. */
const announcesBody = (req: IncomingMessage): boolean => {
  const length = req.headers["content-length"]
  return (length !== undefined && length !== "0") || req.headers["transfer-encoding"] !== undefined
}

/**
 * The body of a Node request, read only when asked for. Refusing it (a 413 past the limit)
 * stops reading without touching the socket: `detach` leaves the rest to {@link drain}.
 */
class NodeBody {
  private detached = false
  private stop: (() => void) | undefined

  constructor(readonly req: IncomingMessage) {}

  /** The whole body, at most `maxBytes` (declared or counted). */
  read(maxBytes: number | undefined): Promise<ArrayBuffer> {
    const req = this.req
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const header = req.headers["content-length"]
      const declared = header !== undefined && /^\d+$/u.test(header) ? Number(header) : undefined
      if (maxBytes !== undefined && declared !== undefined && declared > maxBytes) {
        reject(new BodyTooLargeError(maxBytes))
        return
      }
      if (this.detached || req.readableEnded) {
        resolve(new ArrayBuffer(0))
        return
      }
      const chunks: Array<Buffer> = []
      let bytes = 0
      const cleanup = () => {
        req.off("data", onData)
        req.off("end", onEnd)
        req.off("error", onError)
        req.off("close", onClose)
        this.stop = undefined
      }
      const onData = (chunk: Buffer) => {
        bytes += chunk.length
        if (maxBytes !== undefined && bytes > maxBytes) {
          this.detach()
          reject(new BodyTooLargeError(maxBytes))
          return
        }
        chunks.push(chunk)
      }
      const onEnd = () => {
        cleanup()
        this.detached = true
        const out = new Uint8Array(bytes)
        let offset = 0
        for (const chunk of chunks) {
          out.set(chunk, offset)
          offset += chunk.length
        }
        resolve(out.buffer)
      }
      const onError = (error: Error) => {
        cleanup()
        reject(error)
      }
      const onClose = () => {
        if (req.complete) return
        cleanup()
        reject(new Error("the client closed the connection before the body was read"))
      }
      this.stop = cleanup
      req.on("data", onData)
      req.once("end", onEnd)
      req.once("error", onError)
      req.once("close", onClose)
      req.resume()
    })
  }

  /** Stops reading; the request's remaining bytes are left to {@link drain}. */
  detach(): void {
    if (this.detached) return
    this.detached = true
    this.stop?.()
    this.req.pause()
  }
}

/** The path and query of an absolute-form target (`http://host/path?q`). */
const pathOfAbsolute = (target: string): string => {
  try {
    const parsed = new URL(target)
    return `${parsed.pathname}${parsed.search}`
  } catch {
    return `/${encodeURIComponent(target)}`
  }
}

/**
 * A request target that the WHATWG URL parser leaves as it is: no dot segment, no percent
 * escape, no backslash and nothing it would escape. Anything else goes through `URL`, so the
 * path the router sees is the one a web `Request` would have had.
 */
const PLAIN_TARGET = /^\/[A-Za-z0-9\-_~/?=&,:;@+*!$()]*$/u

const removeOrigin = (href: string): string => {
  const index = href.indexOf("/", href.indexOf("//") + 2)
  return index === -1 ? "/" : href.slice(index)
}

/**
 * The request path and query, as the router matches them: the target as sent, so
 * `//nodes/x` stays the path `//nodes/x` (never the host `nodes`).
 */
const urlOf = (target: string | undefined): string => {
  if (target === undefined) return "/"
  if (PLAIN_TARGET.test(target)) return target
  if (!target.startsWith("/")) return removeOrigin(new URL(`http://localhost${pathOfAbsolute(target)}`).href)
  try {
    return removeOrigin(new URL(`http://localhost${target}`).href)
  } catch {
    return target
  }
}

const parseError = (request: HttpServerRequest.HttpServerRequest, cause: unknown, reason: "Parse" | "BodyTooLarge" = "Parse") =>
  new HttpServerError.HttpServerError({ reason: new HttpServerError.RequestParseError({ request, reason, cause }) })

const textDecoder = new TextDecoder()

/** A Node request as an Effect `HttpServerRequest`. */
class NodeServerRequest extends Inspectable.Class implements HttpServerRequest.HttpServerRequest {
  readonly [HttpServerRequest.TypeId]: typeof HttpServerRequest.TypeId = HttpServerRequest.TypeId
  readonly [HttpIncomingMessage.TypeId]: typeof HttpIncomingMessage.TypeId = HttpIncomingMessage.TypeId
  readonly protocol: "http" | "https" | undefined

  constructor(
    readonly source: IncomingMessage,
    readonly response: ServerResponse,
    readonly body: NodeBody,
    readonly url: string,
    private readonly origin: () => string,
    private headersOverride?: Headers.Headers | undefined,
    private readonly remoteAddressOverride?: Option.Option<string> | undefined,
    private readonly peerAddressOverride?: Option.Option<string> | undefined,
    protocol?: "http" | "https"
  ) {
    super()
    this.protocol = protocol
  }

  toJSON(): unknown {
    return HttpIncomingMessage.inspect(this, { _id: "HttpServerRequest", method: this.method, url: UrlParams.redactUrl(this.originalUrl) })
  }

  modify(options: {
    readonly url?: string | undefined
    readonly headers?: Headers.Headers | undefined
    readonly remoteAddress?: Option.Option<string> | undefined
    readonly peerAddress?: Option.Option<string> | undefined
    readonly protocol?: "http" | "https" | undefined
  }): HttpServerRequest.HttpServerRequest {
    const request = new NodeServerRequest(
      this.source,
      this.response,
      this.body,
      options.url ?? this.url,
      this.origin,
      options.headers ?? this.headersOverride,
      "remoteAddress" in options ? options.remoteAddress : this.remoteAddressOverride,
      options.peerAddress ?? this.peerAddressOverride,
      options.protocol ?? this.protocol
    )
    request.arrayBufferEffect = this.arrayBufferEffect
    return request
  }

  get method(): string {
    return this.source.method ?? "GET"
  }

  /** The full URL, as the web `Request` had it: the origin, then the path and query. */
  get originalUrl(): string {
    return `${this.origin()}${urlOf(this.source.url)}`
  }

  get remoteAddress(): Option.Option<string> {
    return this.remoteAddressOverride ?? Option.none()
  }

  get peerAddress(): Option.Option<string> {
    return this.peerAddressOverride ?? this.remoteAddress
  }

  get headers(): Headers.Headers {
    this.headersOverride ??= Headers.fromInput(this.source.headers as Headers.Input)
    return this.headersOverride
  }

  private cachedCookies: Record<string, string> | undefined
  get cookies(): Record<string, string> {
    return this.cachedCookies ??= Cookies.parseHeader(this.headers["cookie"] ?? "")
  }

  get stream(): Stream.Stream<Uint8Array, HttpServerError.HttpServerError> {
    return Stream.fromReadableStream({
      evaluate: () => Readable.toWeb(this.source) as unknown as ReadableStream<Uint8Array>,
      onError: (cause) => parseError(this, cause)
    })
  }

  private textEffect: Effect.Effect<string, HttpServerError.HttpServerError> | undefined
  get text(): Effect.Effect<string, HttpServerError.HttpServerError> {
    return this.textEffect ??= Effect.map(this.arrayBuffer, (buffer) => textDecoder.decode(buffer))
  }

  get json(): Effect.Effect<any, HttpServerError.HttpServerError> {
    return Effect.flatMap(this.text, (text) => Effect.try({ try: () => JSON.parse(text), catch: (cause) => parseError(this, cause) }))
  }

  get urlParamsBody(): Effect.Effect<UrlParams.UrlParams, HttpServerError.HttpServerError> {
    return Effect.flatMap(this.text, (text) =>
      Effect.try({ try: () => UrlParams.fromInput(new URLSearchParams(text)), catch: (cause) => parseError(this, cause) }))
  }

  private multipartEffect: Effect.Effect<Multipart.Persisted, Multipart.MultipartError, any> | undefined
  get multipart(): Effect.Effect<Multipart.Persisted, Multipart.MultipartError, any> {
    return this.multipartEffect ??= Effect.runSync(Effect.cached(Multipart.toPersisted(this.multipartStream)))
  }

  get multipartStream(): Stream.Stream<Multipart.Part, Multipart.MultipartError> {
    return Stream.pipeThroughChannel(
      Stream.mapError(this.stream, (cause) => Multipart.MultipartError.fromReason("InternalError", cause)),
      Multipart.makeChannel(this.headers)
    )
  }

  private arrayBufferEffect: Effect.Effect<ArrayBuffer, HttpServerError.HttpServerError> | undefined
  get arrayBuffer(): Effect.Effect<ArrayBuffer, HttpServerError.HttpServerError> {
    return this.arrayBufferEffect ??= Effect.withFiber((fiber) => {
      const maxBodySize = fiber.getRef(HttpIncomingMessage.MaxBodySize)
      return Effect.tryPromise({
        try: () => this.body.read(maxBodySize === undefined ? undefined : Number(maxBodySize)),
        catch: (cause) => parseError(this, cause, cause instanceof BodyTooLargeError ? "BodyTooLarge" : "Parse")
      })
    }).pipe(Effect.cached, Effect.runSync)
  }

  get upgrade(): Effect.Effect<never, HttpServerError.HttpServerError> {
    return this.upgradeWith({})
  }

  upgradeWith(_options: { readonly headers?: Headers.Input | undefined }): Effect.Effect<never, HttpServerError.HttpServerError> {
    return Effect.fail(parseError(this, undefined))
  }
}

/**
 * Reads and drops what is left of a request body, at most `limits.bytes` for at most
 * `limits.timeoutMs`. Resolves true when the body was read to its end.
 */
const drain = (req: IncomingMessage, limits: DrainLimits): Promise<boolean> =>
  new Promise((resolve) => {
    if (req.complete || req.readableEnded) {
      resolve(true)
      return
    }
    let seen = 0
    const finish = (complete: boolean) => {
      clearTimeout(timer)
      req.off("data", onData)
      req.off("end", onEnd)
      req.off("close", onClose)
      resolve(complete)
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.length
      if (seen > limits.bytes) finish(false)
    }
    const onEnd = () => finish(true)
    const onClose = () => finish(req.complete)
    const timer = setTimeout(() => finish(false), limits.timeoutMs)
    req.on("data", onData)
    req.once("end", onEnd)
    req.once("close", onClose)
    req.resume()
  })

/** The response's status line and headers, cookies included, as Node takes them. */
const writeHead = (res: ServerResponse, response: HttpServerResponse.HttpServerResponse, omitLength: boolean, close: boolean): void => {
  const headers: Record<string, string | Array<string>> = {}
  for (const name of Object.keys(response.headers)) headers[name] = response.headers[name]!
  if (!Cookies.isEmpty(response.cookies)) headers["set-cookie"] = Cookies.toSetCookieHeaders(response.cookies)
  if (omitLength) delete headers["content-length"]
  if (close) headers["connection"] = "close"
  // Without a status text Node writes the standard reason phrase.
  if (response.statusText === undefined || response.statusText === "") res.writeHead(response.status, headers)
  else res.writeHead(response.status, response.statusText, headers)
}

/** Writes a web `Response` (the rare bodies: streams, form data, raw values) to a Node response. */
const writeWeb = async (res: ServerResponse, web: Response, close: boolean): Promise<void> => {
  const headers: Record<string, string | Array<string>> = {}
  web.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value
  })
  const cookies = web.headers.getSetCookie()
  if (cookies.length > 0) headers["set-cookie"] = cookies
  if (close) headers["connection"] = "close"
  if (web.statusText === "") res.writeHead(web.status, headers)
  else res.writeHead(web.status, web.statusText, headers)
  if (web.body !== null) {
    for await (const chunk of web.body as unknown as AsyncIterable<Uint8Array>) {
      if (res.destroyed) break
      res.write(chunk)
    }
  }
  res.end()
}

/** Writes `response`; a body already in memory is written at once, anything else through a web `Response`. */
const send = (
  request: NodeServerRequest,
  response: HttpServerResponse.HttpServerResponse,
  close: boolean,
  context: Context.Context<never>
): void | Promise<void> => {
  const res = request.response
  if (res.destroyed) return
  const withoutBody = request.method === "HEAD" || HttpServerResponse.omitsBody(response)
  const body = response.body
  const inMemory = body._tag === "Empty" || body._tag === "Uint8Array" ||
    (body._tag === "Raw" && (typeof body.body === "string" || body.body instanceof Uint8Array))
  if (withoutBody || inMemory) {
    writeHead(res, response, response.status === 204 || response.status === 205, close)
    if (withoutBody || body._tag === "Empty") res.end()
    // A text body goes as the text it was made from: Node writes it with the head in one
    // write, where bytes would take a second (writev) after an encoding pass.
    else if (body._tag === "Uint8Array") res.end(typeof body.text === "string" ? body.text : body.body)
    else if (body._tag === "Raw") res.end(body.body as string | Uint8Array)
    return
  }
  const abort = new AbortController()
  res.once("close", () => abort.abort())
  return writeWeb(res, HttpServerResponse.toWeb(response, { withoutBody, context, signal: abort.signal }), close)
}

/**
 * A `node:http` request listener running `httpEffect` (an `HttpRouter` application) with
 * `context`. An answer given before the request body was read to its end (a 401 or a 413 on
 * an upload) is sent after the rest of the body was read and dropped, within `limits`:
 * closing a socket that still has unread bytes on it resets the connection, and a client
 * still sending would never read the answer. Past the limits the answer is sent with
 * `connection: close`. A client that goes away interrupts the request's fiber.
 */
export const nodeListener = (
  httpEffect: Effect.Effect<HttpServerResponse.HttpServerResponse, unknown, HttpServerRequest.HttpServerRequest | Scope.Scope>,
  context: Context.Context<never>,
  options: { readonly limits: DrainLimits; readonly middleware?: HttpMiddleware.HttpMiddleware | undefined; readonly origin: (req: IncomingMessage) => string }
): (req: IncomingMessage, res: ServerResponse) => void => {
  const handled = HttpEffect.toHandled(httpEffect, (request, response) => {
    const node = request as NodeServerRequest
    if (!HttpServerResponse.omitsBody(response) && response.body._tag === "Stream") {
      // The request's scope closes when the streamed body ends, not when the handler returns.
      response = HttpEffect.scopeTransferToStream(response)
    }
    const { source: req, body } = node
    let written: void | Promise<void>
    if (announcesBody(req) && !req.complete) {
      body.detach()
      const answer = response
      written = drain(req, options.limits).then((drained) => send(node, answer, !drained, context))
    } else {
      written = send(node, response, false, context)
    }
    if (written === undefined) return Effect.void
    const pending = written
    return Effect.promise(() => pending.catch(() => void node.response.destroy()))
  }, options.middleware)
  return (req, res) => {
    req.pause()
    const request = new NodeServerRequest(req, res, new NodeBody(req), urlOf(req.url), () => options.origin(req))
    const fiber = Effect.runForkWith(Context.add(context, HttpServerRequest.HttpServerRequest, request))(handled)
    if (fiber.pollUnsafe() !== undefined) {
      if (!res.headersSent) crash(res)
      return
    }
    const onClose = () => {
      if (!res.writableFinished) fiber.interruptUnsafe(undefined, HttpServerError.ClientAbort.annotation)
    }
    res.once("close", onClose)
    fiber.addObserver(() => {
      res.off("close", onClose)
      if (!res.headersSent && !res.destroyed) crash(res)
    })
  }
}

/** The body sent when the handler itself fails (it should not). */
export const crashBody = JSON.stringify({
  type: "urn:mulin:problem:internal-error",
  code: "internal_error",
  title: "Internal error",
  status: 500,
  detail: "the server failed unexpectedly; the error has been logged",
  detailZh: "服务器内部错误，已记录"
})

const crash = (res: ServerResponse): void => {
  res.writeHead(500, { "content-type": "application/problem+json" })
  res.end(crashBody)
}

/** A problem body written on a raw socket (Node refused the request before any handler). */
const rawProblem = (status: number, reason: string, problem: Record<string, unknown>): string => {
  const body = JSON.stringify(problem)
  return `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/problem+json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`
}

/**
 * Answers a request Node's HTTP parser refused (`clientError`) with a problem instead of
 * Node's empty answer: 431 for a request line and headers past `maxHeaderSize`, 408 for a
 * request that took too long to arrive, 400 for anything else it could not parse.
 */
export const answerClientError = (error: Error & { readonly code?: string }, socket: Duplex): void => {
  if (error.code === "ECONNRESET" || !socket.writable || (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage?.headersSent === true) {
    socket.destroy()
    return
  }
  if (error.code === "HPE_HEADER_OVERFLOW") {
    const info = problemTable.RequestHeaderFieldsTooLarge
    const e = requestHeaderFieldsTooLarge()
    socket.end(rawProblem(431, "Request Header Fields Too Large", { type: info.type, code: info.code, title: info.title, status: 431, detail: e.message, detailZh: e.messageZh }))
    return
  }
  if (error.code === "ERR_HTTP_REQUEST_TIMEOUT") {
    socket.end(rawProblem(408, "Request Timeout", {
      type: "urn:mulin:problem:request-timeout",
      code: "request_timeout",
      title: "Request timeout",
      status: 408,
      detail: "the request did not arrive in time",
      detailZh: "请求未能在规定时间内送达"
    }))
    return
  }
  socket.end(rawProblem(400, "Bad Request", {
    type: "urn:mulin:problem:bad-request",
    code: "bad_request",
    title: "Bad request",
    status: 400,
    detail: "the request is not well-formed HTTP",
    detailZh: "请求不是格式正确的 HTTP"
  }))
}
