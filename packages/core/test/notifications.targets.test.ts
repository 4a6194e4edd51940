/**
 * Where webhooks may post: the address rule as a table and as properties, a subscription
 * to an inward address refused with the field named, and a delivery to one refused even
 * when the subscription was made while the deployment allowed it.
 */
import { describe, expect, it } from "vitest"
import fc from "fast-check"
import { Effect, Layer } from "effect"
import {
  addressKind,
  allowedRanges,
  Grid,
  IdGenerator,
  NotificationStore,
  type OutgoingDelivery,
  refusedAddress,
  refusedHost,
  webhookChannel
} from "@mulin/core"
import { Notifications } from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"
import { buildTinyCounty } from "@mulin/core/testing"

const kinds: ReadonlyArray<readonly [string, string | undefined]> = [
  ["127.0.0.1", "loopback"],
  ["127.255.255.254", "loopback"],
  ["::1", "loopback"],
  ["[::1]", "loopback"],
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["::127.0.0.1", "loopback"],
  ["64:ff9b::7f00:1", "loopback"],
  ["64:ff9b::808:808", "public"],
  ["169.254.169.254", "link-local"],
  ["fe80::1%eth0", "link-local"],
  ["10.20.30.40", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["172.32.0.1", "public"],
  ["192.168.1.1", "private"],
  ["fd12:3456::1", "private"],
  ["100.64.0.1", "shared"],
  ["0.0.0.0", "unspecified"],
  ["::", "unspecified"],
  ["224.0.0.1", "multicast"],
  ["255.255.255.255", "reserved"],
  ["223.5.5.5", "public"],
  ["114.114.114.114", "public"],
  ["2400:3200::1", "public"],
  ["example.org", undefined],
  ["1.2.3", undefined],
  ["01.2.3.4", undefined],
  ["1.2.3.256", undefined],
  ["1::2::3", undefined]
]

const octet = fc.integer({ min: 0, max: 255 })
const v4 = (a: number, b: number, c: number, d: number) => `${a}.${b}.${c}.${d}`

describe("webhook targets: the address rule", () => {
  it.each(kinds)("%s is %s", (address, kind) => {
    expect(addressKind(address)).toBe(kind)
  })

  it("an IPv4 address and its IPv4-mapped IPv6 form are judged alike", () => {
    fc.assert(fc.property(octet, octet, octet, octet, (a, b, c, d) => {
      expect(addressKind(`::ffff:${v4(a, b, c, d)}`)).toBe(addressKind(v4(a, b, c, d)))
    }))
  })

  it("every address of 10.0.0.0/8 is refused until the deployment allows the range, and only that range", () => {
    const allowed = allowedRanges({ allow: ["10.0.0.0/8"] })
    fc.assert(fc.property(octet, octet, octet, (b, c, d) => {
      expect(refusedAddress(v4(10, b, c, d), [])).toContain("private")
      expect(refusedAddress(v4(10, b, c, d), allowed)).toBeUndefined()
      expect(refusedAddress(v4(192, 168, c, d), allowed)).toContain("private")
    }))
  })

  it("a /32 allows one address and no neighbour", () => {
    const allowed = allowedRanges({ allow: ["127.0.0.1/32"] })
    expect(refusedAddress("127.0.0.1", allowed)).toBeUndefined()
    expect(refusedAddress("::ffff:127.0.0.1", allowed)).toBeUndefined()
    fc.assert(fc.property(octet, (d) => {
      fc.pre(d !== 1)
      expect(refusedAddress(v4(127, 0, 0, d), allowed)).toContain("loopback")
    }))
  })

  it("a malformed range stops the deployment at start, naming it", () => {
    expect(() => allowedRanges({ allow: ["10.0.0.0/33"] })).toThrow(/10\.0\.0\.0\/33/u)
    expect(() => allowedRanges({ allow: ["intranet"] })).toThrow(/CIDR/u)
  })

  it("hosts as the URL parser reads them: numeric, hex, bracketed and dotted spellings of loopback are all loopback", () => {
    for (const url of ["http://2130706433/", "http://0x7f.1/", "http://127.1/", "http://[::ffff:127.0.0.1]/", "http://localhost/", "http://LOCALHOST./", "http://api.localhost/", "http://127.0.0.1./"]) {
      expect(refusedHost(new URL(url), []), url).toBeDefined()
    }
    expect(refusedHost(new URL("https://hooks.county.example/mulin"), [])).toBeUndefined()
    expect(refusedHost(new URL("http://localhost:8080/"), allowedRanges({ allow: ["127.0.0.1/32"] }))).toBeUndefined()
  })
})

const services = (allow?: ReadonlyArray<string>) =>
  Layer.mergeAll(Grid.layer, Notifications.layer(allow === undefined ? {} : { webhook: { targets: { allow } } })).pipe(
    Layer.provideMerge(layerMemory()),
    Layer.provideMerge(IdGenerator.layer)
  )

describe("webhook targets: subscriptions and deliveries", () => {
  it("a county's administrator cannot subscribe the metadata service, loopback or the intranet; the error names the field in both languages", async () => {
    await Effect.runPromise(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const n = yield* Notifications
      const refusals = [
        ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is a link-local address", "169.254.169.254 是链路本地地址"],
        ["http://127.0.0.1:2375/containers", "127.0.0.1 is a loopback address", "127.0.0.1 是回环地址"],
        ["http://[::1]/", "[::1] is a loopback address", "[::1] 是回环地址"],
        ["http://10.0.0.5/hook", "10.0.0.5 is a private address", "10.0.0.5 是内网地址"],
        ["http://localhost/hook", "localhost is a loopback name", "localhost 是回环主机名"]
      ] as const
      for (const [url, why, whyZh] of refusals) {
        const refused = yield* n.createWebhook(t.admin, t.county.id, { url }).pipe(Effect.flip)
        expect(refused._tag, url).toBe("InvalidInput")
        expect(refused.message).toContain("url")
        expect(refused.message).toContain(why)
        expect(refused.messageZh).toContain("公网")
        expect(refused.messageZh).toContain(whyZh)
        // The Chinese sentence carries no English clause.
        expect(refused.messageZh, url).not.toMatch(/\b(is|address|name)\b/u)
      }
      expect(yield* (yield* NotificationStore).listWebhooks(t.county.id)).toHaveLength(0)
      expect((yield* n.createWebhook(t.admin, t.county.id, { url: "https://hooks.county.example/mulin" })).webhook.url).toBe("https://hooks.county.example/mulin")
    }).pipe(Effect.provide(services())) as Effect.Effect<void>)
  })

  it("the allowed range may be subscribed; once the allowance is withdrawn, its deliveries are refused without a request", async () => {
    const made = await Effect.runPromise(Effect.gen(function*() {
      const t = yield* buildTinyCounty()
      const n = yield* Notifications
      const hook = yield* n.createWebhook(t.admin, t.county.id, { url: "http://10.20.0.7/hook" })
      return { store: yield* NotificationStore, id: hook.webhook.id }
    }).pipe(Effect.provide(services(["10.20.0.0/16"]))) as Effect.Effect<{ store: NotificationStore["Service"]; id: string }>)
    let requests = 0
    const fetch = (async () => {
      requests++
      return new Response(null, { status: 204 })
    }) as typeof globalThis.fetch
    const delivery = { id: "dlv_1", target: made.id, body: "{}", attempt: 1 } as unknown as OutgoingDelivery
    const narrowed = webhookChannel(made.store, { fetch })
    const outcome = await Effect.runPromise(narrowed.send(delivery))
    expect(outcome).toMatchObject({ _tag: "Permanent" })
    expect(JSON.stringify(outcome)).toContain("10.20.0.7 is a private address")
    expect(requests).toBe(0)
    const allowed = webhookChannel(made.store, { fetch, targets: { allow: ["10.20.0.0/16"] } })
    expect(await Effect.runPromise(allowed.send(delivery))).toMatchObject({ _tag: "Delivered" })
    expect(requests).toBe(1)
  })
})
