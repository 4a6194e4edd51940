/**
 * Service places (阵地) through HTTP: the authorisation matrix over every places route (each
 * role of the tiny county, another community, another county, no token), the hostile
 * review (ids from elsewhere in a body, bad opening hours, nothing half-written), and the
 * public list and a household's places free of the contact person.
 */
import { type ServicePlace, systemActor } from "@mulin/core"
import { Effect } from "effect"
import { OpenApi } from "effect/http-api"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { MulinApi } from "../src/index.js"
import { checkMatrix, type Fixture, json, type MatrixRow, ok, operationsTagged, problem, setup } from "./helpers.js"

const sys = systemActor()



describe("places over HTTP", () => {
  let f: Fixture
  let p1: ServicePlace
  let p2: ServicePlace
  beforeAll(async () => {
    f = await setup()
    const t = f.tiny
    const place = (nodeId: typeof t.county.id, name: string, contactId: typeof t.people.secretary.id) =>
      f.places.register(sys, { nodeId, kind: "party_service_centre", name, hours: [{ day: 1, from: "08:30", to: "17:30" }], services: ["政策咨询"], capacity: 50, contactId })
    p1 = await Effect.runPromise(place(t.communities[0].id, "社区1党群服务中心", t.people.secretary.id))
    p2 = await Effect.runPromise(place(t.communities[1].id, "社区2党群服务中心", t.people.secretary2.id))
    const other = await Effect.runPromise(f.grid.createCounty(sys, { code: "999001", name: "邻县" }))
    await f.enrol("otherAdmin", { nodeId: other.id, name: "邻县管理员" }, [{ role: "county_admin", nodeId: other.id }])
  })
  afterAll(() => f.dispose())


  let n = 0
  const rows = (): ReadonlyArray<MatrixRow> => {
    const t = f.tiny
    const c1 = t.communities[0].id
    return [
      {
        operationId: "registerPlace",
        request: () => ({ method: "POST", path: "/places", body: { nodeId: c1, kind: "red_sail_station", name: `红帆驿站${++n}` } }),
        expect: { admin: 201, streetAdmin: 201, secretary: 201, resident: 403, partner: 403, worker: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
      },
      {
        operationId: "runPlaceCommand",
        request: () => ({ method: "POST", path: `/places/${p1.id}/commands`, body: { _tag: "Update", capacity: 40 + (++n % 50) } }),
        expect: { admin: 200, streetAdmin: 200, secretary: 200, resident: 403, partner: 403, worker: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
      },
      {
        operationId: "getPlace",
        request: () => ({ method: "GET", path: `/places/${p1.id}` }),
        expect: { admin: 200, secretary: 200, resident: 200, partner: 200, worker: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
      },
      {
        operationId: "listPlaces",
        request: () => ({ method: "GET", path: `/nodes/${c1}/places` }),
        expect: { admin: 200, secretary: 200, resident: 200, worker: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
      },
      {
        operationId: "getPlaceCoverage",
        request: () => ({ method: "GET", path: `/nodes/${c1}/places/coverage` }),
        expect: { admin: 200, secretary: 200, resident: 200, worker: 404, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
      },
      {
        operationId: "listPlacesServingHousehold",
        request: () => ({ method: "GET", path: `/households/${t.households[0]!.id}/places` }),
        expect: { admin: 200, secretary: 200, worker: 200, resident: 200, secretary2: 404, resident2: 404, otherAdmin: 404, none: 401 }
      },
      {
        operationId: "getPlacesConfig",
        request: () => ({ method: "GET", path: `/counties/${t.county.id}/places/config` }),
        expect: { admin: 200, secretary: 200, worker: 200, resident: 200, secretary2: 200, otherAdmin: 404, none: 401 }
      },
      {
        operationId: "configurePlaces",
        request: () => ({ method: "PATCH", path: `/counties/${t.county.id}/places/config`, body: { kinds: [{ code: "party_service_centre", labelZh: "党群服务中心", labelEn: "Party and public service centre" }, { code: "red_sail_station", labelZh: "红帆驿站", labelEn: "Red Sail station" }] } }),
        expect: { admin: 200, secretary: 404, resident: 404, otherAdmin: 404, none: 401 }
      },
      {
        operationId: "listPublicPlaces",
        request: () => ({ method: "GET", path: `/public/nodes/${t.county.id}/places` }),
        expect: { none: 200, resident2: 200, otherAdmin: 200 }
      }
    ]
  }

  it("covers every places route in the matrix", () => {
    expect(new Set(rows().map((r) => r.operationId))).toEqual(operationsTagged(OpenApi.fromApi(MulinApi), ["Places", "Public places"]))
  })

  it("answers each role as the matrix says: staff act in their subtree, residents read, others are not told the place exists", async () => {
    await checkMatrix(f, rows())
  })

  it("refuses ids from elsewhere in a body and bad hours with the field named, writing nothing", async () => {
    const t = f.tiny
    const events = async () => (await Effect.runPromise(f.grid.events(sys, { limit: 10_000, county: f.tiny.county.id }))).items.length
    const before = await events()
    const body = { nodeId: t.communities[0].id, kind: "talk_point", name: "街坊说事点" }
    // A contact of community 2, a node of community 2, a place of community 2: not found.
    expect((await problem(await f.call("POST", "/places", { token: "secretary", body: { ...body, contactId: t.people.worker2.id } }), 404, "not_found")).entity).toBe("person")
    await problem(await f.call("POST", "/places", { token: "secretary", body: { ...body, nodeId: t.communities[1].id } }), 404, "not_found")
    await problem(await f.call("POST", `/places/${p2.id}/commands`, { token: "secretary", body: { _tag: "Close", reason: "装修" } }), 404, "not_found")
    await problem(await f.call("POST", `/places/${p1.id}/commands`, { token: "secretary", body: { _tag: "Update", contactId: t.people.resident2.id } }), 404, "not_found")
    const inverted = await problem(await f.call("POST", "/places", { token: "secretary", body: { ...body, hours: [{ day: 1, from: "18:00", to: "09:00" }] } }), 422, "invalid_input")
    expect(inverted.errors[0].path).toBe("payload.hours.0.to")
    expect(inverted.errors[0].message).toMatch(/later than it starts/u)
    expect(inverted.errors[0].messageZh).toBe("结束时间必须晚于开始时间")
    const overlap = await problem(await f.call("POST", "/places", { token: "secretary", body: { ...body, hours: [{ day: 2, from: "08:00", to: "12:00" }, { day: 2, from: "11:30", to: "13:00" }] } }), 422, "invalid_input")
    expect(overlap.errors[0].path).toBe("payload.hours.1.from")
    expect(overlap.errors[0].messageZh).toBe("不能与同一天的其他时段重叠")
    const kind = await problem(await f.call("POST", "/places", { token: "secretary", body: { ...body, kind: "Spa!" } }), 422, "invalid_input")
    expect(kind.errors[0].path).toBe("payload.kind")
    const phone = await problem(await f.call("POST", "/places", { token: "secretary", body: { ...body, name: "说事点 13912345678" } }), 422, "invalid_input")
    expect(phone.errors[0].path).toBe("payload.name")
    expect(await events()).toBe(before)
    const closed = await ok(await f.call("POST", `/places/${p1.id}/commands`, { token: "secretary", body: { _tag: "Close", reason: "装修" } }))
    await problem(await f.call("POST", `/places/${p1.id}/commands`, { token: "secretary", body: { _tag: "Close", reason: "装修" } }), 409, "invalid_transition")
    await ok(await f.call("POST", `/places/${p1.id}/commands`, { token: "secretary", body: { _tag: "Reopen", expectedVersion: closed.version } }))
  })

  it("keeps the contact person out of the public list and a resident's view of a household's places", async () => {
    const t = f.tiny
    const secretary = await ok(await f.call("GET", `/places/${p1.id}`, { token: "secretary" }))
    expect(secretary.contact).toMatchObject({ personId: t.people.secretary.id, name: t.people.secretary.name })
    const resident = await ok(await f.call("GET", `/places/${p1.id}`, { token: "resident" }))
    expect(resident.contact).toBeNull()
    const mine = await ok(await f.call("GET", `/households/${t.households[0]!.id}/places`, { token: "resident" }))
    expect(mine.map((p: { id: string }) => p.id)).toContain(p1.id)
    expect(mine.map((p: { id: string }) => p.id)).not.toContain(p2.id)
    expect(mine[0]).toHaveProperty("openNow")
    const pub = await json(await f.call("GET", `/public/nodes/${t.county.id}/places?limit=1000`))
    expect(pub.items.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([p1.id, p2.id]))
    for (const text of [JSON.stringify(pub), JSON.stringify(mine)]) {
      for (const secret of [t.people.secretary.name, t.people.secretary.id, t.people.secretary2.name, "13900000006", "contact"]) expect(text).not.toContain(secret)
    }
  })
})
