/**
 * The example county server's notifications, end to end: a real order placed over HTTP
 * writes "your pickup code is ready" with its event, the in-process delivery loop posts it,
 * signed, to the county's webhook on loopback, and the county administrator reads the
 * attempt. The code itself is never in the message.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { createServer, type IncomingHttpHeaders } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { verifyWebhook } from "@mulin/core"
import { start } from "../county-server/main.js"

const dir = mkdtempSync(join(tmpdir(), "mulin-notify-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("examples/county-server: notifications", () => {
  it("delivers a pickup-code notification of a real order to the county's webhook, signed, without the code", async () => {
    const received: Array<{ body: string; headers: IncomingHttpHeaders }> = []
    const receiver = createServer((req, res) => {
      let body = ""
      req.setEncoding("utf8")
      req.on("data", (c: string) => (body += c))
      req.on("end", () => {
        received.push({ body, headers: req.headers })
        res.writeHead(204).end()
      })
    })
    await new Promise<void>((done) => receiver.listen(0, "127.0.0.1", done))
    const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
    // The county's receiver listens on loopback, which its webhooks may post to only where the deployment allows it.
    const server = await start({ PORT: "0", MULIN_DB: join(dir, "county.db"), MULIN_SEED_HOUSEHOLDS: "300", MULIN_WEBHOOK_ALLOW: "127.0.0.1/32" }, () => {})
    try {
      const call = async (method: string, path: string, body?: unknown, token = "demo-county-admin") => {
        const r = await fetch(`${server.url}${path}`, {
          method,
          headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) })
        })
        const text = await r.text()
        expect(r.status, text).toBeLessThan(300)
        return JSON.parse(text)
      }
      const county = await call("GET", "/lookup/node?path=370812")
      const community = await call("GET", "/lookup/node?path=370812/001/001")
      // Whatever the hour the test runs at: no quiet hours in this county, or from 22:00 China time the message would wait for 07:00.
      const config = await call("GET", `/counties/${county.id}/notifications/config`)
      await call("PUT", `/counties/${county.id}/notifications/config`, { ...config, quietHours: null })
      const hook = await call("POST", `/counties/${county.id}/webhooks`, { url: hookUrl, eventTypes: ["points.hold.placed"] })
      await call("POST", "/points/accounts", { nodeId: county.id, kind: "issuer", name: "兖州区积分发行" })
      const zhang = await call("POST", "/people", { nodeId: community.id, code: "NTF-RES1", name: "张伟" })
      const barber = await call("POST", "/people", { nodeId: community.id, code: "NTF-BAR1", name: "王理发" })
      await call("POST", "/assignments", { personId: barber.id, nodeId: community.id, role: "partner", startDate: "2020-01-01" })
      const resident = await call("POST", "/points/accounts", { nodeId: community.id, kind: "person", ownerId: zhang.id })
      const merchant = await call("POST", "/points/accounts", { nodeId: community.id, kind: "merchant", ownerId: barber.id, name: "老王理发店" })
      await call("POST", "/points/adjustments", { transferId: "ntf-opening", accountId: resident.id, amount: 10, reason: "opening balance" })
      const service = await call("POST", "/points/services", { merchantAccountId: merchant.id, nodeId: community.id, title: "理发", pricePoints: 3 })
      const order = await call("POST", "/points/orders", { transferId: "ntf-order-1", accountId: resident.id, serviceId: service.id })
      for (let i = 0; i < 100 && received.length === 0; i++) await new Promise((r) => setTimeout(r, 50))
      expect(received).toHaveLength(1)
      const got = received[0]!
      expect(await verifyWebhook(hook.secret, got.headers as Record<string, string>, got.body)).toMatchObject({ ok: true })
      const message = JSON.parse(got.body)
      expect(message).toMatchObject({ type: "points.hold.placed", template: "pickup_code_ready", personId: zhang.id, subject: { id: "ntf-order-1" } })
      expect(typeof order.pickupCode).toBe("string")
      expect(got.body).not.toContain(order.pickupCode)
      expect(got.body).not.toContain("张伟")
      const attempts = await call("GET", `/notifications/${message.notificationId}/attempts`)
      expect(attempts.attempts.map((a: { outcome: string; httpStatus: number }) => [a.outcome, a.httpStatus])).toContainEqual(["delivered", 204])
    } finally {
      await server.close()
      receiver.close()
    }
  })
})
