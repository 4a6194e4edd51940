/**
 * Sign-in with an OIDC identity provider's JWT: a key pair made here, its JWKS served on
 * loopback. A valid token signs in the person its `sub` is linked to; every other token —
 * another issuer or audience, expired, not yet valid, signed with another key, unsigned
 * (`alg: none`), HMAC-signed with the public key, or a `sub` linked to nobody — is a 401
 * with `WWW-Authenticate: Bearer … error="invalid_token"`.
 */
import { createServer, type Server } from "node:http"
import type { AddressInfo } from "node:net"
import { exportJWK, exportSPKI, generateKeyPair, type JWK, SignJWT } from "jose"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { firstOf, makeHandler, oidc, type WebHandler } from "../src/index.js"
import { type Fixture, json, setup } from "./helpers.js"

const ISSUER = "https://id.county.example/realms/yanzhou"
const AUDIENCE = "mulin-api"

type Key = Awaited<ReturnType<typeof generateKeyPair>>

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

describe("oidc(): JWT bearer tokens from an identity provider", () => {
  let f: Fixture
  let key: Key
  let otherKey: Key
  let jwks: Server
  let jwksUrl: string
  let jwksRequests = 0
  let web: WebHandler
  let byPem: WebHandler

  const sign = (claims: Record<string, unknown>, options: { readonly key?: Key; readonly kid?: string; readonly iss?: string; readonly aud?: string; readonly sub?: string; readonly exp?: number; readonly nbf?: number } = {}) => {
    const now = Math.floor(Date.now() / 1000)
    let jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: options.kid ?? "k1", typ: "JWT" })
      .setIssuer(options.iss ?? ISSUER)
      .setAudience(options.aud ?? AUDIENCE)
      .setSubject(options.sub ?? "u-worker")
      .setIssuedAt(now - 5)
      .setExpirationTime(options.exp ?? now + 300)
    if (options.nbf !== undefined) jwt = jwt.setNotBefore(options.nbf)
    return jwt.sign((options.key ?? key).privateKey)
  }

  const me = (handler: WebHandler, token: string) =>
    handler.handler(new Request("http://mulin.test/me", { headers: { authorization: `Bearer ${token}` } }))

  const expectRefused = async (response: Response, what: string) => {
    const body = await response.text()
    expect(response.status, `${what}: ${body}`).toBe(401)
    expect(response.headers.get("content-type")).toBe("application/problem+json")
    expect(JSON.parse(body)).toMatchObject({ status: 401, code: "unauthorized" })
    expect(response.headers.get("www-authenticate"), what).toMatch(/^Bearer realm="mulin", error="invalid_token"/)
  }

  beforeAll(async () => {
    f = await setup()
    key = await generateKeyPair("ES256", { extractable: true })
    otherKey = await generateKeyPair("ES256", { extractable: true })
    const publicJwk: JWK = { ...(await exportJWK(key.publicKey)), kid: "k1", alg: "ES256", use: "sig" }
    jwks = createServer((req, res) => {
      jwksRequests++
      if (req.url !== "/jwks.json") {
        res.writeHead(404).end()
        return
      }
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [publicJwk] }))
    })
    await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve))
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`
    await f.linkSubject(ISSUER, "u-worker", f.tiny.people.worker.id)
    await f.linkSubject(ISSUER, "u-resident", f.tiny.people.resident.id)
    // The same subject at another issuer is another sign-in: it must not sign in the worker.
    await f.linkSubject("https://elsewhere.example", "u-other", f.tiny.people.admin.id)
    web = makeHandler({
      services: f.services,
      authenticate: firstOf(oidc({ issuer: ISSUER, audience: AUDIENCE, jwksUrl, algorithms: ["ES256"], clockToleranceSeconds: 30 }), f.authenticate)
    })
    byPem = makeHandler({
      services: f.services,
      authenticate: oidc({ issuer: ISSUER, audience: [AUDIENCE, "other"], publicKey: await exportSPKI(key.publicKey), algorithms: ["ES256"] })
    })
  })
  afterAll(async () => {
    await web.dispose()
    await byPem.dispose()
    await f.dispose()
    await new Promise<void>((resolve) => jwks.close(() => resolve()))
  })

  it("signs in the person the token's sub is linked to, with that person's posts", async () => {
    const response = await me(web, await sign({}))
    const body = await json(response)
    expect(response.status, JSON.stringify(body)).toBe(200)
    expect(body).toMatchObject({ id: f.tiny.people.worker.id, kind: "person", name: f.tiny.people.worker.name })
    expect(body.grants).toEqual([{ role: "grid_worker", scope: f.tiny.grids[0].id }])
    const grid = await web.handler(new Request(`http://mulin.test/nodes/${f.tiny.grids[0].id}`, { headers: { authorization: `Bearer ${await sign({})}` } }))
    expect(grid.status).toBe(200)
    const resident = await json(await me(web, await sign({}, { sub: "u-resident" })))
    expect(resident.id).toBe(f.tiny.people.resident.id)
    // A static token still signs in through the next authenticator.
    expect((await json(await me(web, "admin"))).id).toBe(f.tiny.people.admin.id)
    expect(jwksRequests).toBeGreaterThan(0)
  })

  it("accepts a token within the clock tolerance", async () => {
    const now = Math.floor(Date.now() / 1000)
    expect((await me(web, await sign({}, { exp: now - 10 }))).status).toBe(200)
    expect((await me(web, await sign({}, { nbf: now + 10 }))).status).toBe(200)
  })

  it("verifies against a configured public key, without a JWKS", async () => {
    const response = await me(byPem, await sign({}))
    expect(response.status, await response.clone().text()).toBe(200)
    await expectRefused(await me(byPem, await sign({}, { key: otherKey })), "another key")
  })

  it("refuses every token that is not valid, with 401 and WWW-Authenticate", async () => {
    const now = Math.floor(Date.now() / 1000)
    const header = { alg: "none", typ: "JWT" }
    const payload = { iss: ISSUER, aud: AUDIENCE, sub: "u-worker", iat: now, exp: now + 300 }
    const hs256 = await new SignJWT(payload).setProtectedHeader({ alg: "HS256", kid: "k1" })
      .sign(new TextEncoder().encode(await exportSPKI(key.publicKey)))
    const cases: ReadonlyArray<readonly [string, string]> = [
      ["another issuer", await sign({}, { iss: "https://id.evil.example" })],
      ["another audience", await sign({}, { aud: "another-api" })],
      ["expired", await sign({}, { exp: now - 120 })],
      ["not yet valid", await sign({}, { nbf: now + 120 })],
      ["signed with another key under the same kid", await sign({}, { key: otherKey })],
      ["signed with a key the JWKS does not hold", await sign({}, { key: otherKey, kid: "k2" })],
      ["alg none", `${b64url(header)}.${b64url(payload)}.`],
      ["HS256 with the public key as secret", hs256],
      ["a sub linked to nobody", await sign({}, { sub: "u-nobody" })],
      ["a sub linked at another issuer", await sign({}, { sub: "u-other" })],
      ["a tampered payload", (await sign({})).replace(/\.[^.]+\./u, `.${b64url({ ...payload, sub: "u-resident" })}.`)],
      ["not a JWT", "a.b.c"]
    ]
    for (const [what, token] of cases) await expectRefused(await me(web, token), what)
    // Without a sub there is nobody to sign in.
    const noSub = await new SignJWT({}).setProtectedHeader({ alg: "ES256", kid: "k1" }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime("5m").sign(key.privateKey)
    await expectRefused(await me(web, noSub), "no sub")
  })
})
