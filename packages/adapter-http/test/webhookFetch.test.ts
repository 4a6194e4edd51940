/**
 * The webhook fetch on a real loopback receiver: an address literal and a name that
 * resolves inward are refused before any byte is sent; the allowed range is posted to,
 * with its headers and body, and a redirect is answered, never followed.
 */
import { createServer, type IncomingMessage } from "node:http"
import type { AddressInfo } from "node:net"
import type { LookupAddress } from "node:dns"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { webhookFetch } from "@mulin/adapter-http"

const received: Array<{ url: string; headers: IncomingMessage["headers"]; body: string }> = []
const server = createServer((req, res) => {
  let body = ""
  req.on("data", (c) => (body += c))
  req.on("end", () => {
    received.push({ url: req.url ?? "", headers: req.headers, body })
    if (req.url === "/moved") {
      res.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" })
      return res.end()
    }
    res.writeHead(204)
    res.end()
  })
})
let port = 0
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

/** A resolver as a county's DNS might answer: `receiver.county.test` is on loopback. */
const countyDns = ((hostname: string, _options: object, callback: (e: Error | null, a: ReadonlyArray<LookupAddress>) => void) =>
  hostname === "receiver.county.test"
    ? callback(null, [{ address: "127.0.0.1", family: 4 }])
    : callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), [])) as never

const post = (fetch: typeof globalThis.fetch, url: string) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json", "mulin-notification-id": "ntf_1" }, body: "{\"a\":1}" })

describe("webhookFetch", () => {
  it("refuses loopback as an address and as a name that resolves to it, sending nothing", async () => {
    const before = received.length
    const guarded = webhookFetch({ lookup: countyDns })
    await expect(post(guarded, `http://127.0.0.1:${port}/hook`)).rejects.toThrow(/refused: 127\.0\.0\.1 is a loopback address/u)
    await expect(post(guarded, `http://[::ffff:127.0.0.1]:${port}/hook`)).rejects.toThrow(/refused/u)
    await expect(post(guarded, `http://receiver.county.test:${port}/hook`)).rejects.toThrow(/receiver\.county\.test resolves to 127\.0\.0\.1 is a loopback address/u)
    expect(received.length).toBe(before)
  })

  it("posts to an allowed range with the headers and body, and reports the status without reading the answer", async () => {
    const guarded = webhookFetch({ allow: ["127.0.0.1/32"], lookup: countyDns })
    const response = await post(guarded, `http://receiver.county.test:${port}/hook`)
    expect(response.status).toBe(204)
    const got = received.at(-1)!
    expect(got).toMatchObject({ url: "/hook", body: "{\"a\":1}" })
    expect(got.headers["mulin-notification-id"]).toBe("ntf_1")
  })

  it("answers a redirect with its status and does not follow it", async () => {
    const guarded = webhookFetch({ allow: ["127.0.0.1/32"] })
    const before = received.length
    expect((await post(guarded, `http://127.0.0.1:${port}/moved`)).status).toBe(302)
    expect(received.length).toBe(before + 1)
  })
})
