/**
 * The authorisation matrix: every route of the example county server's OpenAPI document,
 * for every demo role (and no token), on an object inside the role's subtree, outside it
 * (another street of the same county) and in another county, over real HTTP against SQLite.
 *
 * The expectations are written by hand from the permission policy and the "Who may do what"
 * of each context, not computed from the policy: per row, the roles authorised on an object
 * inside their subtree and those that see it but may not act (403); every other role finds
 * nothing (404). Outside, only the county administrator's grant reaches the other street and
 * answers as inside; in another county nobody of this county finds anything. Public routes
 * answer everyone, without a token, everywhere. A route of the document without a row fails,
 * and so does a row without a route.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { start } from "../county-server/main.js"
import { type Caller, CALLERS, makeWorld, must, OTHER_ADMIN, ROLES, type Scope, SCOPES, send, target, TOKENS, type World } from "./authorization-matrix.world.js"
import { pointsConfig, type Row, TABLE } from "./authorization-matrix.rows.js"

// ---------------------------------------------------------------------------
// The expectations

type Outcome = "authorised" | 401 | 403 | 404

const expected = (r: Row, caller: Caller, scope: Scope): Outcome => {
  if (r.kind === "public") return "authorised"
  if (caller === "anonymous") return 401
  if (r.kind !== "once") {
    // Nobody of county 370812 finds anything in county 370830.
    if (scope === "county") return 404
    // Only the county administrator's grant reaches street 370812/002.
    if (scope === "outside" && caller !== "admin") return 404
  }
  if (r.ok.includes(caller)) return "authorised"
  return r.forbidden?.includes(caller) === true ? 403 : 404
}

/** A 2xx, or a business rule's answer the row accepts, is authorised; any other status stands for itself. */
const outcomeOf = (r: Row, status: number): Outcome | number =>
  (status >= 200 && status < 300) || r.accept?.includes(status) === true ? "authorised" : status

const scopesOf = (r: Row): ReadonlyArray<Scope> => (r.kind === "once" ? ["inside"] : r.kind === "county" ? ["inside", "county"] : SCOPES)

// ---------------------------------------------------------------------------

const dir = mkdtempSync(join(tmpdir(), "mulin-matrix-"))
const worlds = {} as Record<Scope, World>

describe("the authorisation matrix, against the example county server", () => {
  beforeAll(async () => {
    // The scheduled rules stay off: the cells must not see state change under them.
    const server = await start({ PORT: "0", MULIN_DB: join(dir, "matrix.db"), MULIN_SEED_HOUSEHOLDS: "400", MULIN_JOBS: "off" }, () => {})
    target.url = server.url
    target.close = server.close
    const inside = await makeWorld("inside", TOKENS.admin, "370812/001/001/G01/1", [], undefined)
    worlds.inside = inside
    worlds.outside = await makeWorld("outside", TOKENS.admin, "370812/002", ["M01", "G01", "1"], inside.issuerId)
    worlds.county = await makeWorld("county", OTHER_ADMIN, "370830", ["M01", "M01", "G01", "1"], undefined)
    for (const scope of SCOPES) pointsConfig[scope] = (await must(worlds[scope].maker, "GET", `/counties/${worlds[scope].countyId}/points/config`)).config
    // Every role with `matching.claim` keeps a volunteer profile at the building (their own, saved by themselves).
    for (const role of ["admin", "street", "secretary", "worker", "leader", "member", "volunteer", "partner"] as const) {
      const me = await must(TOKENS[role], "GET", "/me")
      await must(TOKENS[role], "POST", "/matching/volunteers", { personId: me.id, homeNodeId: inside.buildingId, skills: [{ skill: "errands", level: 2 }], availability: [], maxConcurrent: 20 })
    }
  }, 300_000)
  afterAll(async () => {
    await target.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it("answers every route of the OpenAPI document as the table says, for every role and scope", async () => {
    const started = Date.now()
    // The document is public too.
    const document = await send(undefined, "GET", "/openapi.json")
    expect(document.status).toBe(200)
    const routes = Object.entries(document.body.paths as Record<string, Record<string, { operationId: string }>>).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`)
    )
    const rows = TABLE.map((r) => `${r.method} ${r.path} ${r.operationId}`)
    expect(routes.filter((r) => !rows.includes(r)), "routes without a row").toEqual([])
    expect(rows.filter((r) => !routes.includes(r)), "rows without a route").toEqual([])
    expect(new Set(rows).size, "rows given twice").toBe(rows.length)

    const disagreements: Array<string> = []
    let cells = 0
    for (const r of TABLE) {
      for (const scope of scopesOf(r)) {
        const w = worlds[scope]
        for (const caller of CALLERS) {
          const fresh = r.fresh === undefined ? {} : await r.fresh(w)
          const { body, path } = r.request(w, fresh)
          const answer = await send(caller === "anonymous" ? undefined : TOKENS[caller], r.method, path, body)
          cells++
          const want = expected(r, caller, scope)
          const got = outcomeOf(r, answer.status)
          if (got !== want) disagreements.push(`${r.operationId} ${scope} ${caller}: expected ${want}, got ${answer.status} ${answer.text.slice(0, 300)}`)
        }
      }
    }
    const seconds = (Date.now() - started) / 1000
    console.log(
      `authorisation matrix: ${TABLE.length} routes × ${CALLERS.length} callers (${ROLES.length} roles and no token) × ${SCOPES.length} scopes; ` +
        `${cells} cells checked (routes without an object once per caller, county routes in two scopes), ${target.requests} requests, ${seconds.toFixed(1)} s`
    )
    expect(disagreements).toEqual([])
  }, 300_000) // 3,463 requests: seconds on a quiet machine, more than a minute on a busy one
})
