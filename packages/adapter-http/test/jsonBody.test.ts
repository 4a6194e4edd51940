import { Committed, GridNode, HouseholdView, Page } from "@mulin/core"
import { Effect, Option, Schema } from "effect"
import { HttpServerResponse } from "effect/http"
import { beforeAll, describe, expect, it } from "vitest"
import { hasQuickPath, jsonBody } from "../src/internal/jsonBody.js"
import { type Fixture, setup } from "./helpers.js"

/** What HttpApi sends for `value` of `schema`: the schema's encoding, then `JSON.stringify`. */
const viaSchema = <S extends Schema.Codec<any, any>>(schema: S, value: S["Type"]) => JSON.stringify(Schema.encodeUnknownSync(schema)(value))

const bodyOf = (response: unknown): string => {
  if (!HttpServerResponse.isHttpServerResponse(response) || response.body._tag !== "Uint8Array") throw new Error("not a response with a body")
  return new TextDecoder().decode(response.body.body)
}

describe("answers written straight to JSON", () => {
  let f: Fixture
  beforeAll(async () => {
    f = await setup()
  })

  const actorOf = (token: string) => Effect.runPromise(Effect.map(f.identity.actorOf(f.tokens[token]!), Option.getOrThrow))

  it("has the quick path for the node, the page of households and a committed transfer", () => {
    expect(hasQuickPath(GridNode)).toBe(true)
    expect(hasQuickPath(Page(HouseholdView))).toBe(true)
    expect(hasQuickPath(Committed)).toBe(true)
  })

  it("sends the bytes, status and content type the schema's encoding sends", async () => {
    const admin = await actorOf("admin")
    const node = await Effect.runPromise(f.grid.getNode(admin, f.tiny.grids[0].id))
    const response = jsonBody(GridNode)(node) as HttpServerResponse.HttpServerResponse
    expect(response.status).toBe(200)
    expect(response.headers["content-type"] ?? (response.body as { contentType?: string }).contentType).toBe("application/json")
    expect(bodyOf(response)).toBe(viaSchema(GridNode, node))
    expect((jsonBody(GridNode, 201)(node) as HttpServerResponse.HttpServerResponse).status).toBe(201)

    // Masked and unmasked households, as every person of the county sees them.
    const seen = new Set<boolean>()
    const places = [f.tiny.county, ...f.tiny.streets, ...f.tiny.communities, ...f.tiny.grids]
    for (const token of Object.keys(f.tokens)) {
      const actor = await actorOf(token)
      for (const place of places) {
        const page = await Effect.runPromise(Effect.exit(f.grid.listHouseholds(actor, place.id, { limit: 5 })))
        if (page._tag === "Failure" || page.value.items.length === 0) continue
        for (const h of page.value.items) seen.add(h.masked)
        expect(bodyOf(jsonBody(Page(HouseholdView))(page.value))).toBe(viaSchema(Page(HouseholdView), page.value))
      }
    }
    expect([...seen].sort()).toEqual([false, true])
  })

  it("drops fields the schema does not name and keeps the schema's order, as the encoding does", async () => {
    const admin = await actorOf("admin")
    const node = await Effect.runPromise(f.grid.getNode(admin, f.tiny.grids[0].id))
    const reordered = { extra: "not sent", ...Object.fromEntries(Object.entries(node).reverse()) } as unknown as GridNode
    expect(bodyOf(jsonBody(GridNode)(reordered))).toBe(viaSchema(GridNode, node))
  })

  it("leaves a value it does not expect to the schema's encoding", async () => {
    const admin = await actorOf("admin")
    const node = await Effect.runPromise(f.grid.getNode(admin, f.tiny.grids[0].id))
    const { name: _, ...missing } = node
    expect(jsonBody(GridNode)(missing as GridNode)).toBe(missing)
    const notFinite = { ...node, depth: Number.NaN }
    expect(jsonBody(GridNode)(notFinite)).toBe(notFinite)
  })
})
