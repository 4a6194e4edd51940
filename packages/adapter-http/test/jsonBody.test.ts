import { Committed, GridNode, HouseholdView, Page } from "@mulin/core"
import { Effect, Option, Schema } from "effect"
import fc from "fast-check"
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

  it("keeps the schema's fields and order whatever the order and extra fields of the value", async () => {
    // Real pages (masked and unmasked) and a node, every object's keys shuffled and extra keys added.
    const admin = await actorOf("admin")
    const samples: Array<readonly [Schema.Codec<any, any>, unknown]> = [[GridNode, await Effect.runPromise(f.grid.getNode(admin, f.tiny.grids[0].id))]]
    const masked = new Set<boolean>()
    for (const token of Object.keys(f.tokens)) {
      const actor = await actorOf(token)
      for (const place of [f.tiny.county, ...f.tiny.streets, ...f.tiny.grids]) {
        const page = await Effect.runPromise(Effect.exit(f.grid.listHouseholds(actor, place.id, { limit: 3 })))
        if (page._tag === "Failure" || page.value.items.length === 0 || masked.has(page.value.items[0]!.masked)) continue
        masked.add(page.value.items[0]!.masked)
        samples.push([Page(HouseholdView), page.value])
      }
    }
    expect([...masked].sort()).toEqual([false, true])
    const reshaped = (value: unknown, random: () => number, extra: string): unknown => {
      if (Array.isArray(value)) return value.map((v) => reshaped(v, random, extra))
      if (typeof value !== "object" || value === null) return value
      const entries = Object.entries(value).map(([k, v]) => [k, reshaped(v, random, extra)] as const)
      entries.push([`${extra}${entries.length}`, { not: "sent" }])
      for (let i = entries.length - 1; i > 0; i--) {
        const j = random() % (i + 1)
        ;[entries[i], entries[j]] = [entries[j]!, entries[i]!]
      }
      return Object.fromEntries(entries)
    }
    let quick = 0
    fc.assert(
      fc.property(fc.integer({ min: 0, max: samples.length - 1 }), fc.infiniteStream(fc.nat()), fc.string({ minLength: 1 }), (i, randoms, extra) => {
        const [schema, value] = samples[i]!
        const it = randoms[Symbol.iterator]()
        const shaped = reshaped(value, () => it.next().value as number, extra)
        const answer = jsonBody(schema)(shaped)
        // An extra name that is also a field's name replaces that field: the value is then not a valid one.
        if (answer === shaped) return
        quick++
        expect(bodyOf(answer)).toBe(viaSchema(schema, value))
      }),
      { numRuns: 200 }
    )
    expect(quick).toBeGreaterThan(150)
  })
})
