/**
 * The demo county's service places (阵地): a party and public service centre at the first
 * street, a neighbourhood centre, a council hall and a mediation room in the first
 * community, a Red Sail station and a talk point in its first grid — so the coverage view
 * shows what the other communities lack.
 */
import { Effect, Option } from "effect"
import { Grid, GridStore, type OpeningRange, Places, type RegisterPlace, systemActor } from "@mulin/core"

/** Monday to Friday, 08:30–12:00 and 14:00–17:30 (the county's time zone). */
const officeHours: ReadonlyArray<OpeningRange> = [1, 2, 3, 4, 5].flatMap((day) => [{ day, from: "08:30", to: "12:00" }, { day, from: "14:00", to: "17:30" }])
/** Every day, 07:00–21:00. */
const everyDay: ReadonlyArray<OpeningRange> = [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, from: "07:00", to: "21:00" }))

/** Registers the demo places as the system, each with a demo person as its contact. */
export const seedPlaces = (countyCode: string) =>
  Effect.gen(function*() {
    const grid = yield* Grid
    const places = yield* Places
    const store = yield* GridStore
    const sys = systemActor("seed")
    const county = Option.getOrThrow(yield* store.findCountyByCode(countyCode))
    const contact = (code: string) => Effect.map(store.findPersonByCode(county.id, code), Option.map((p) => p.id))
    const at = (path: string, code: string, place: Omit<RegisterPlace, "nodeId" | "contactId">) =>
      Effect.gen(function*() {
        const node = yield* grid.findNode(sys, `${countyCode}/${path}`)
        const person = yield* contact(code)
        return yield* places.register(sys, { ...place, nodeId: node.id, ...(Option.isSome(person) ? { contactId: person.value } : {}) })
      })
    yield* at("001", "DEMO-STREET", { kind: "party_service_centre", name: "第一街道党群服务中心", address: "建设东路 18 号", hours: officeHours, services: ["政策咨询", "党员活动", "证明开具"], capacity: 120 })
    yield* at("001/001", "DEMO-SECRETARY", { kind: "neighbourhood_centre", name: "第一社区邻里中心", hours: officeHours, services: ["日间照料", "老年餐桌", "儿童托管"], capacity: 60 })
    yield* at("001/001", "DEMO-SECRETARY", { kind: "council_hall", name: "第一社区居民议事厅", hours: [{ day: 3, from: "14:00", to: "17:00" }], services: ["居民议事会", "圆桌会"], capacity: 40 })
    yield* at("001/001", "DEMO-MEDIATOR", { kind: "mediation_room", name: "第一社区矛盾调解室", hours: officeHours, services: ["邻里纠纷调解", "法律咨询"], capacity: 10 })
    yield* at("001/001/G01", "DEMO-VOLUNTEER", { kind: "red_sail_station", name: "第一网格红帆驿站", hours: everyDay, services: ["饮水", "充电", "歇脚"], capacity: 12 })
    yield* at("001/001/G01", "DEMO-GRID", { kind: "talk_point", name: "第一网格街坊说事点", hours: [{ day: 6, from: "09:00", to: "11:00" }], services: ["街坊说事"] })
  })
