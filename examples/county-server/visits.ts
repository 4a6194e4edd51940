/**
 * The demo county's special-care households: three households of the first grid marked
 * (独居老人, 低保, 留守儿童), one of them visited by the demo grid worker two weeks ago with a
 * need raised for it, so the overdue list and the visit log have something to show.
 */
import { Effect, Option } from "effect"
import { Grid, GridStore, Identity, type PersonId, systemActor, Visits } from "@mulin/core"

const DAY = 86_400_000

/** Marks the demo households as the system and records a visit as the demo grid worker. */
export const seedVisits = (countyCode: string) =>
  Effect.gen(function*() {
    const grid = yield* Grid
    const store = yield* GridStore
    const identity = yield* Identity
    const visits = yield* Visits
    const sys = systemActor("seed")
    const county = Option.getOrThrow(yield* store.findCountyByCode(countyCode))
    const g01 = yield* grid.findNode(sys, `${countyCode}/001/001/G01`)
    const households = (yield* grid.listHouseholds(sys, g01.id, { limit: 3 })).items
    const categories = [["elderly_alone"], ["minimum_income", "disability"], ["left_behind_children"]]
    for (const [i, h] of households.entries()) yield* visits.mark(sys, h.id, { categories: categories[i]! })
    const worker = Option.getOrThrow(yield* store.findPersonByCode(county.id, "DEMO-GRID")).id as PersonId
    const actor = Option.getOrThrow(yield* identity.actorOf(worker))
    const first = households[0]
    if (first === undefined) return
    yield* visits.record(actor, {
      householdId: first.id,
      visitedAt: new Date(Date.now() - 14 * DAY).toISOString(),
      reason: "care",
      findings: "独居老人，身体尚可，厨房水龙头漏水",
      followUps: [{ kind: "need", need: { nodeId: first.nodeId, kind: "micro_wish", category: "repairs", title: "更换厨房水龙头", dueAt: new Date(Date.now() + 7 * DAY).toISOString(), reward: null } }]
    })
  })
