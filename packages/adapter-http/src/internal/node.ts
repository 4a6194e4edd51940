/**
 * The bridge from `node:http` to a web-standard fetch handler.
 *
 * @internal
 */
import type { IncomingMessage, ServerResponse } from "node:http"
import { Readable } from "node:stream"

/** Builds a web `Request` from a Node request; the body is streamed, not buffered. */
export const toRequest = (req: IncomingMessage, origin: string): Request => {
  const url = new URL(req.url ?? "/", origin)
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
  return new Request(url, {
    method,
    headers,
    signal: controller.signal,
    ...(hasBody ? { body: Readable.toWeb(req) as unknown as ReadableStream<Uint8Array>, duplex: "half" } : {})
  } as RequestInit)
}

/**
 * Writes a web `Response` to a Node response, streaming the body. When the answer comes
 * before the request body was read to the end (a 401 or 413 on an upload), the connection is
 * closed afterwards so the client does not reuse a socket with unread bytes on it.
 */
export const writeResponse = async (response: Response, req: IncomingMessage, res: ServerResponse): Promise<void> => {
  const headers: Record<string, string | Array<string>> = {}
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length > 0) headers["set-cookie"] = cookies
  if (!req.complete) headers["connection"] = "close"
  res.writeHead(response.status, response.statusText, headers)
  if (response.body !== null) {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk)
  }
  res.end()
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
