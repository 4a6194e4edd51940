/**
 * Quick start: `@mulin/core` with the in-memory store, no database and no server.
 * Run it with `npx tsx --conditions=@mulin/source examples/quickstart/main.ts`.
 *
 * It builds one community of the six-level grid system, registers a household, assigns a
 * grid worker and a building leader, then asks who serves the household and how well the
 * community is covered (找得到组织、看得见党员).
 */
import { Effect, Layer } from "effect"
import { Grid, IdGenerator, systemActor, type Actor } from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"

const program = Effect.gen(function*() {
  const grid = yield* Grid
  const admin = systemActor("quickstart")

  // The county and one branch down to two units of one building.
  const county = yield* grid.createCounty(admin, { code: "370812", name: "兖州区" })
  const street = yield* grid.createNode(admin, { parentId: county.id, code: "001", name: "鼓楼街道" })
  const community = yield* grid.createNode(admin, { parentId: street.id, code: "001", name: "北关社区" })
  const g = yield* grid.createNode(admin, { parentId: community.id, code: "G01", name: "第一网格", partyOrganisation: "北关社区第一网格党支部" })
  const building = yield* grid.createNode(admin, { parentId: g.id, code: "3", name: "3号楼" })
  const unit1 = yield* grid.createNode(admin, { parentId: building.id, code: "1", name: "1单元" })
  yield* grid.createNode(admin, { parentId: building.id, code: "2", name: "2单元" })

  // A household and the people who serve it.
  const household = yield* grid.createHousehold(admin, {
    nodeId: unit1.id,
    code: "501",
    residents: [{ name: "张伟", phone: "13812341234", relation: "head" }, { name: "李娜", relation: "spouse" }]
  })
  const worker = yield* grid.createPerson(admin, { nodeId: community.id, code: "WG001", name: "王芳", phone: "13900001111" })
  const leader = yield* grid.createPerson(admin, { nodeId: community.id, code: "LD001", name: "赵强" })
  yield* grid.assignRole(admin, { personId: worker.id, nodeId: g.id, role: "grid_worker", startDate: "2026-01-01" })
  yield* grid.assignRole(admin, { personId: leader.id, nodeId: building.id, role: "building_leader", startDate: "2026-01-01" })

  // The grid worker sees the household in full; the building leader sees it masked.
  const asWorker: Actor = { id: worker.id, kind: "person", name: "王芳", grants: [{ role: "grid_worker", scope: g.id }] }
  const asLeader: Actor = { id: leader.id, kind: "person", name: "赵强", grants: [{ role: "building_leader", scope: building.id }] }
  console.log("grid worker sees:    ", (yield* grid.getHousehold(asWorker, household.id)).residents.map((r) => `${r.name} ${r.phone ?? ""}`))
  console.log("building leader sees:", (yield* grid.getHousehold(asLeader, household.id)).residents.map((r) => `${r.name} ${r.phone ?? ""}`))

  const served = yield* grid.whoServes(asWorker, household.id, { date: "2026-06-01" })
  console.log("who serves household 501:")
  for (const s of served.servers) console.log(`  ${s.role.padEnd(16)} ${s.person.name} (at ${s.nodeName})`)
  console.log(`  party organisation: ${served.partyOrganisation?.name ?? "none"}`)

  const coverage = yield* grid.coverage(admin, community.id, { date: "2026-06-01" })
  console.log(`coverage of ${community.name}: ${coverage.units} units, ${coverage.fullyCovered.percent}% fully covered`)
  for (const gap of coverage.gaps) console.log(`  ${gap.place}: missing ${gap.missing.join(", ")}`)
  return coverage
})

/** Runs the quick start; returns the coverage report it printed. */
export const runQuickstart = () =>
  Effect.runPromise(program.pipe(Effect.provide(Grid.layer.pipe(Layer.provide([layerMemory(), IdGenerator.layer])))))

if (process.argv[1]?.endsWith("quickstart/main.ts")) {
  runQuickstart().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
