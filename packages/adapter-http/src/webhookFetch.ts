/**
 * A `fetch` for the webhook channel on Node that will not post inward: the URL's host is
 * judged as written and every address a name resolves to is judged at connection time,
 * so a name that resolves (or later rebinds) to loopback, a private range or the cloud
 * metadata service is refused unless the deployment allows that range.
 *
 * @since 0.5.0
 */
import { allowedRanges, refusedAddress, refusedHost, type WebhookTargets } from "@mulin/core"
import { lookup as dnsLookup, type LookupAddress } from "node:dns"
import { request as httpRequest } from "node:http"
import { request as httpsRequest } from "node:https"
import type { LookupFunction } from "node:net"

/**
 * Options of {@link webhookFetch}.
 *
 * @category models
 * @since 0.5.0
 */
export interface WebhookFetchOptions extends WebhookTargets {
  /** The resolver (default `dns.lookup`): a deployment with its own DNS may pass one. */
  readonly lookup?: typeof dnsLookup | undefined
}

const refusal = (message: string) => Object.assign(new Error(`refused: ${message}`), { code: "ERR_MULIN_WEBHOOK_TARGET" })

/**
 * A `fetch` for `Notifications.layer({ webhook: { fetch: webhookFetch(targets), targets } })`:
 * POSTs with the given headers and body, never follows a redirect, never reads the
 * receiver's answer (its status only), and refuses any address that is not public unless a
 * range of `allow` holds it. A refusal is a rejected promise, so the delivery is retried
 * and, if the target stays refused, dead-lettered.
 *
 * @example
 * ```ts
 * const targets = { allow: ["10.20.0.0/16"] } // the county's intranet receiver
 * Notifications.layer({ webhook: { targets, fetch: webhookFetch(targets) } })
 * ```
 *
 * @category webhooks
 * @since 0.5.0
 */
export const webhookFetch = (options: WebhookFetchOptions = {}): typeof globalThis.fetch => {
  const allowed = allowedRanges(options)
  const resolve = options.lookup ?? dnsLookup
  const lookup: LookupFunction = (hostname, lookupOptions, callback) => {
    resolve(hostname, { ...lookupOptions, all: true }, (error, found) => {
      if (error !== null) return callback(error, "", 4)
      const addresses = found as unknown as ReadonlyArray<LookupAddress>
      const refused = addresses.map((a) => refusedAddress(a.address, allowed)).find((r) => r !== undefined)
      if (refused !== undefined || addresses.length === 0) {
        return callback(refusal(`${hostname} resolves to ${refused ?? "no address"}`), "", 4)
      }
      if (lookupOptions.all === true) return (callback as unknown as (e: null, a: ReadonlyArray<LookupAddress>) => void)(null, addresses)
      return callback(null, addresses[0]!.address, addresses[0]!.family)
    })
  }
  return ((input: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((done, fail) => {
      const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url)
      if (url.protocol !== "http:" && url.protocol !== "https:") return fail(refusal(`${url.protocol} is not http or https`))
      // Address literals never reach the resolver: judged here.
      const literal = refusedHost(url, allowed)
      if (literal !== undefined) return fail(refusal(literal))
      const headers: Record<string, string> = {}
      new Headers(init?.headers).forEach((value, name) => (headers[name] = value))
      const send = url.protocol === "https:" ? httpsRequest : httpRequest
      const req = send(url, { method: init?.method ?? "GET", headers, lookup, signal: init?.signal ?? undefined }, (res) => {
        const status = res.statusCode ?? 502
        res.destroy()
        done(new Response(null, { status: status >= 200 && status <= 599 ? status : 502 }))
      })
      req.on("error", fail)
      req.end(typeof init?.body === "string" ? init.body : undefined)
    })) as typeof globalThis.fetch
}
