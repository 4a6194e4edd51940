import { Effect, Schema } from "effect"
import { TestClock } from "effect/testing"
import fc from "fast-check"
import { describe, expect, it } from "vitest"
import {
  allowedScopes,
  authorize,
  CreateHousehold,
  defaultPolicy,
  encodeUlid,
  fromSchemaError,
  GridNodeId,
  IdGenerator,
  isAllowed,
  isValidIdCard,
  maskHouseNumber,
  maskIdCard,
  maskName,
  maskPhone,
  newGridNodeId,
  PermissionPolicy,
  type Actor,
  type Policy
} from "@mulin/core"

const node = (n: number) => `node_${encodeUlid(n, new Uint8Array(10))}` as GridNodeId

describe("ids", () => {
  it("encodes ULIDs in Crockford base 32 with the time first", () => {
    expect(encodeUlid(0, new Uint8Array(10))).toBe("0".repeat(26))
    expect(encodeUlid(1, new Uint8Array(10))).toBe("0000000001" + "0".repeat(16))
    expect(encodeUlid(0, new Uint8Array(10).fill(255))).toBe("0".repeat(10) + "Z".repeat(16))
  })

  it("makes ids that validate, sort by creation and repeat for the same seed and clock", async () => {
    const make = Effect.gen(function*() {
      yield* TestClock.setTime(Date.UTC(2026, 10, 26))
      const ids: Array<string> = []
      for (let i = 0; i < 200; i++) {
        ids.push(yield* newGridNodeId)
        if (i % 50 === 0) yield* TestClock.adjust("1 millis")
      }
      return ids
    }).pipe(Effect.provide(IdGenerator.layerSeeded(7)), Effect.provide(TestClock.layer()))
    const a = await Effect.runPromise(make)
    const b = await Effect.runPromise(make)
    expect(a).toEqual(b)
    expect(a.every((id) => Schema.is(GridNodeId)(id))).toBe(true)
    expect([...a].sort()).toEqual(a)
    expect(new Set(a).size).toBe(a.length)
  })

  it("keeps ids unique and ordered within one millisecond with real randomness", async () => {
    const ids = await Effect.runPromise(
      Effect.forEach(Array.from({ length: 1000 }), () => newGridNodeId).pipe(Effect.provide(IdGenerator.layer), Effect.provide(TestClock.layer()))
    )
    expect(new Set(ids).size).toBe(1000)
    expect([...ids].sort()).toEqual(ids)
  })

  it("makes a batch of ids in one call that continues the same ordered, unique sequence", async () => {
    for (const layer of [IdGenerator.layer, IdGenerator.layerSeeded(3)]) {
      const ids = await Effect.runPromise(Effect.gen(function*() {
        const g = yield* IdGenerator
        const one = yield* g.ulid
        const batch = yield* g.ulids(500)
        const empty = yield* g.ulids(0)
        const after = yield* g.ulid
        expect(empty).toEqual([])
        return [one, ...batch, after]
      }).pipe(Effect.provide(layer), Effect.provide(TestClock.layer())))
      expect(ids).toHaveLength(502)
      expect(new Set(ids).size).toBe(502)
      expect([...ids].sort()).toEqual(ids)
      expect(ids.every((id) => /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true)
    }
  })
})

describe("masking", () => {
  it("masks names, phones, ID cards and door numbers", () => {
    expect(maskName("张三")).toBe("张*")
    expect(maskName("欧阳娜娜")).toBe("欧***")
    expect(maskPhone("13812341234")).toBe("138****1234")
    expect(maskIdCard("370882199001011234")).toBe("3708**********1234")
    expect(maskHouseNumber("3-2-501")).toBe("3-2-***")
  })

  it("never leaves more than the first character of a name or 7 digits of a mobile number", () => {
    fc.assert(fc.property(fc.string({ minLength: 2, maxLength: 12 }).filter((s) => s.trim().length >= 2), (name) => {
      const masked = maskName(name)
      expect(Array.from(masked).slice(1).every((c) => c === "*")).toBe(true)
    }))
    fc.assert(fc.property(fc.stringMatching(/^1\d{10}$/), (phone) => {
      const masked = maskPhone(phone)
      expect(masked).toHaveLength(11)
      expect(masked.slice(3, 7)).toBe("****")
    }))
  })
})

describe("ID-card numbers", () => {
  it("checks the GB 11643 check digit", () => {
    expect(isValidIdCard("11010519491231002X")).toBe(true)
    expect(isValidIdCard("110105194912310021")).toBe(false)
    expect(isValidIdCard("1101051949123100")).toBe(false)
  })
})

describe("errors", () => {
  it("names every invalid field with an English and a Chinese rule", () => {
    const result = Schema.decodeUnknownResult(CreateHousehold)(
      { nodeId: "nope", code: "", residents: [{ name: "张三", phone: "123" }] },
      { errors: "all" }
    )
    expect(result._tag).toBe("Failure")
    if (result._tag !== "Failure") return
    const error = fromSchemaError(result.failure, ["payload"])
    const byPath = Object.fromEntries(error.issues.map((i) => [i.path, i]))
    expect(Object.keys(byPath).sort()).toEqual(["payload.code", "payload.nodeId", "payload.residents.0.phone"])
    expect(byPath["payload.nodeId"]?.message).toContain("grid node id")
    expect(byPath["payload.nodeId"]?.messageZh).toContain("网格节点编号")
    expect(byPath["payload.residents.0.phone"]?.messageZh).toContain("手机号")
    expect(error.message).toContain("payload.code")
    expect(error.messageZh).toContain("payload.code")
  })

  it("translates the built-in messages too", () => {
    const result = Schema.decodeUnknownResult(Schema.Struct({ n: Schema.Number, s: Schema.String }))({ s: 1 }, { errors: "all" })
    if (result._tag !== "Failure") throw new Error("expected a failure")
    const issues = fromSchemaError(result.failure).issues
    expect(issues.map((i) => [i.path, i.messageZh])).toEqual([["n", "缺少必填字段"], ["s", "应为文本"]])
  })
})

describe("permissions", () => {
  const county = node(1)
  const street = node(2)
  const grid = node(3)
  const otherGrid = node(4)
  const worker: Actor = { id: "w", kind: "person", name: "w", grants: [{ role: "grid_worker", scope: grid }] }

  it("allows a role's actions in its subtree only", () => {
    expect(isAllowed(defaultPolicy, worker, "grid.household.write", [county, street, grid])).toBe(true)
    expect(isAllowed(defaultPolicy, worker, "grid.household.write", [county, street, otherGrid])).toBe(false)
    expect(isAllowed(defaultPolicy, worker, "grid.node.write", [county, street, grid])).toBe(false)
    expect(isAllowed(defaultPolicy, worker, "county.create", [])).toBe(false)
    expect(allowedScopes(defaultPolicy, worker, "events.read")).toEqual([grid])
    expect(allowedScopes(defaultPolicy, worker, "grid.import")).toEqual([])
  })

  it("takes the policy as data a county can replace", async () => {
    const strict: Policy = { ...defaultPolicy, grid_worker: ["grid.tree.read"] }
    const check = authorize(worker, "grid.household.write", [county, grid])
    await expect(Effect.runPromise(check)).resolves.toBeUndefined()
    const denied = await Effect.runPromise(Effect.flip(check.pipe(Effect.provideService(PermissionPolicy, strict))))
    expect(denied).toMatchObject({ _tag: "Forbidden", action: "grid.household.write" })
    expect(denied.messageZh).toContain("无权")
  })
})
