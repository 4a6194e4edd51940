/**
 * The bridge from `node:http` to a web-standard fetch handler.
 *
 * @internal
 */
import type { IncomingMessage, ServerResponse } from "node:http"
import type { Duplex } from "node:stream"
import { requestHeaderFieldsTooLarge } from "../errors.js"
import { problemTable } from "../problems.js"

/** How much of an unread request body is read and dropped before an early answer, and for how long. */
export interface DrainLimits {
  readonly bytes: number
  readonly timeoutMs: number
}

/** The default drain limits: 16 MiB, 10 seconds. */
export const DEFAULT_DRAIN: DrainLimits = { bytes: 16 * 1024 * 1024, timeoutMs: 10_000 }

/**
 * The body of a Node request as a web stream that reads only when pulled. Cancelling it (the
 * handler stopped reading: a 413) or leaving it unread (a 401) does not touch the socket:
 * `detach` stops feeding the stream, so {@link drain} can read the rest and drop it.
 */
class NodeBody {
  private detached = false
  private controller: ReadableStreamDefaultController<Uint8Array> | undefined
  readonly stream: ReadableStream<Uint8Array>

  constructor(private readonly req: IncomingMessage) {
    req.pause()
    this.stream = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller
        req.on("data", this.onData)
        req.once("end", this.onEnd)
        req.once("error", this.onError)
      },
      pull: () => {
        if (!this.detached) req.resume()
      },
      cancel: () => this.detach()
    }, { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength })
  }

  private readonly onData = (chunk: Buffer) => {
    if (this.detached || this.controller === undefined) return
    this.controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength))
    if ((this.controller.desiredSize ?? 0) <= 0) this.req.pause()
  }

  private readonly onEnd = () => {
    if (this.detached) return
    this.detached = true
    this.controller?.close()
  }

  private readonly onError = (error: Error) => {
    if (this.detached) return
    this.detached = true
    this.controller?.error(error)
  }

  /** Stops feeding the stream; the request's remaining bytes are left to {@link drain}. */
  detach(): void {
    if (this.detached) return
    this.detached = true
    this.req.off("data", this.onData)
    this.req.pause()
  }
}

/**
 * Builds a web `Request` from a Node request; the body is streamed, not buffered. The URL is
 * the origin followed by the request target as sent, so `//nodes/x` stays the path
 * `//nodes/x` (never the host `nodes`).
 */
export const toRequest = (req: IncomingMessage, origin: string): { readonly request: Request; readonly body: NodeBody | undefined } => {
  const target = req.url ?? "/"
  const url = new URL(target.startsWith("/") ? `${origin}${target}` : `${origin}/${pathOfAbsolute(target)}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v)
  }
  const method = req.method ?? "GET"
  const hasBody = method !== "GET" && method !== "HEAD"
  const controller = new AbortController()
  req.once("close", () => {
    if (!req.complete) controller.abort()
  })
  const body = hasBody ? new NodeBody(req) : undefined
  const request = new Request(url, {
    method,
    headers,
    signal: controller.signal,
    ...(body === undefined ? {} : { body: body.stream, duplex: "half" })
  } as RequestInit)
  return { request, body }
}

/** The path of an absolute-form target (`http://host/path?q`), without its leading slash. */
const pathOfAbsolute = (target: string): string => {
  try {
    const parsed = new URL(target)
    return `${parsed.pathname}${parsed.search}`.replace(/^\//u, "")
  } catch {
    return encodeURIComponent(target)
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

/**
 * Writes a web `Response` to a Node response, streaming the body. When the answer comes
 * before the request body was read to the end (a 401 or a 413 on an upload), the rest of the
 * body is read and dropped first, within `limits`: closing a socket that still has unread
 * bytes on it resets the connection, and a client still sending would never read the
 * answer. Past the limits the answer is sent with `connection: close` and the socket closed.
 */
export const writeResponse = async (
  response: Response,
  req: IncomingMessage,
  res: ServerResponse,
  body: NodeBody | undefined,
  limits: DrainLimits
): Promise<void> => {
  const headers: Record<string, string | Array<string>> = {}
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers["set-cookie"] = cookies
  if (!req.complete) {
    body?.detach()
    const drained = await drain(req, limits)
    if (!drained) headers["connection"] = "close"
  }
  if (res.destroyed) return
  // A web Response usually has no status text: Node then writes the standard reason phrase.
  if (response.statusText === "") res.writeHead(response.status, headers)
  else res.writeHead(response.status, response.statusText, headers)
  if (response.body !== null) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk)
  }
  res.end()
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

/** The body sent when the handler itself throws (it should not). */
export const crashBody = JSON.stringify({
  type: "urn:mulin:problem:internal-error",
  code: "internal_error",
  title: "Internal error",
  status: 500,
  detail: "the server failed unexpectedly; the error has been logged",
  detailZh: "服务器内部错误，已记录"
})
