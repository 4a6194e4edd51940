/**
 * The demo county's one-window intake (一口式受理): requests taken on different channels at
 * grid G01 — one routed to a need, one to a mediation case, one referred to a department
 * with a duplicate from the 12345 hotline merged into it, one accepted and waiting — so the
 * staff lists and the public follow view have something to show.
 */
import { Effect, Option } from "effect"
import { type Actor, defaultIntakeCategories, Grid, GridStore, Identity, Intake, localDate, type PersonId, systemActor } from "@mulin/core"

const DAY = 86_400_000

/** Takes and handles the demo requests as the demo secretary and grid worker; answers one reference and its follow code. */
export const seedIntake = (countyCode: string) =>
  Effect.gen(function*() {
    const grid = yield* Grid
    const store = yield* GridStore
    const identity = yield* Identity
    const intake = yield* Intake
    const sys = systemActor("seed")
    const county = Option.getOrThrow(yield* store.findCountyByCode(countyCode))
    const actorOf = (code: string) =>
      Effect.flatMap(store.findPersonByCode(county.id, code), (p) => Effect.map(identity.actorOf(Option.getOrThrow(p).id as PersonId), Option.getOrThrow<Actor>))
    const secretary = yield* actorOf("DEMO-SECRETARY")
    const worker = yield* actorOf("DEMO-GRID")
    const resident = Option.getOrThrow(yield* store.findPersonByCode(county.id, "DEMO-RESIDENT")).id as PersonId
    const admin = yield* actorOf("DEMO-ADMIN")
    yield* intake.configure(admin, county.id, { categories: defaultIntakeCategories, referencePrefix: "YZ" })
    const g01 = yield* grid.findNode(sys, `${countyCode}/001/001/G01`)
    const households = (yield* grid.listHouseholds(sys, g01.id, { limit: 6 })).items
    const [h1, h2, h3] = [households[3] ?? households[0]!, households[4] ?? households[0]!, households[5] ?? households[0]!]
    const contact = (name: string, phone: string) => ({ kind: "contact" as const, name, phone })

    // A walk-in: a broken stair light, routed to a need for the grid's volunteers.
    const light = yield* intake.receive(secretary, { channel: "walk_in", householdId: h1.id, category: "facilities", resident: contact("孔繁荣", "13705371234"), text: "3号楼2单元楼道灯坏了一周，老人晚上上下楼不方便" })
    yield* intake.route(secretary, light.request.id, {
      kind: "need",
      need: { nodeId: h1.nodeId, kind: "micro_wish", category: "repairs", title: "更换楼道灯", dueAt: new Date(Date.now() + 5 * DAY).toISOString(), reward: null }
    })
    // A phone call from a resident of the grid: noise from upstairs, routed to a mediation case.
    const noise = yield* intake.receive(worker, { channel: "phone", householdId: h2.id, category: "neighbour_dispute", resident: { kind: "person", personId: resident }, text: "楼上装修天天早上七点前施工，沟通无果" })
    yield* intake.route(secretary, noise.request.id, {
      kind: "case",
      case: { nodeId: h2.nodeId, category: "noise", title: "楼上装修噪音", description: "楼上装修清晨施工，双方沟通无果", parties: [{ kind: "person", personId: resident, side: "applicant" }] }
    })
    // The 12345 hotline: the property company does not fix the lift; referred to the housing bureau.
    const lift = yield* intake.receive(secretary, { channel: "hotline_12345", householdId: h3.id, category: "property", resident: contact("颜廷军", "13905378765"), text: "电梯停运半个月，物业一直不修" })
    yield* intake.route(secretary, lift.request.id, { kind: "referral", department: "区住建局", dueDate: localDate(Date.now() + 10 * DAY, county.timeZone) })
    // The same lift reported through the mini-program: merged into the hotline's request.
    const duplicate = yield* intake.receive(worker, { channel: "mini_program", householdId: h3.id, category: "property", resident: contact("颜廷军", "13905378765"), text: "电梯坏了没人修" })
    yield* intake.merge(secretary, duplicate.request.id, { into: lift.request.id })
    // Reported by the grid worker on a round: accepted, waiting to be routed.
    const litter = yield* intake.receive(worker, { channel: "grid_worker", nodeId: g01.id, category: "environment", resident: contact("郭玉梅", "13605371111"), text: "小区东门垃圾堆放三天未清运" })
    yield* intake.accept(secretary, litter.request.id)
    return { reference: lift.request.reference, followCode: lift.followCode }
  })
