import { readFileSync, writeFileSync } from "node:fs"
import { Effect, Layer, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { Grid, GridImport, IdGenerator, isValidIdCard, Phone, systemActor } from "@mulin/core"
import { countyCsvFiles, generateCounty, layerMemory, writeCountyCsv } from "@mulin/core/testing"


const TestLayer = () => Layer.mergeAll(GridImport.layer, Grid.layer).pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layerSeeded(3))))
const importAndCover = (households: number, gaps: boolean) =>
  Effect.runPromise(Effect.gen(function*() {
    const county = generateCounty({ households, seed: 11, gaps })
    const report = yield* GridImport.use((i) => i.importCounty(systemActor(), county))
    const coverage = yield* Grid.use((g) => g.coverage(systemActor(), report.countyId, { date: "2026-01-01", limit: 0 }))
    return { county, report, coverage }
  }).pipe(Effect.provide(TestLayer())))

describe("generateCounty", () => {
  it("is deterministic", () => {
    const a = generateCounty({ households: 2_000, seed: 5, gaps: true })
    const b = generateCounty({ households: 2_000, seed: 5, gaps: true })
    expect(b).toEqual(a)
    expect(generateCounty({ households: 2_000, seed: 6, gaps: true }).households).not.toEqual(a.households)
  })

  it("has the shape of Yanzhou district at 100,000 households", () => {
    const c = generateCounty({ households: 100_000 })
    expect(c.stats).toMatchObject({ streets: 12, communities: 100, grids: 350, households: 100_000 })
    expect(c.stats.buildings).toBeGreaterThan(4_400)
    expect(c.stats.buildings).toBeLessThan(4_700)
    expect(c.stats.units / c.stats.buildings).toBeGreaterThanOrEqual(2)
    expect(c.stats.units / c.stats.buildings).toBeLessThanOrEqual(4)
    expect(c.stats.residents / c.stats.households).toBeGreaterThan(2)
    expect(c.stats.residents / c.stats.households).toBeLessThan(3.5)
    expect(c.households).toHaveLength(c.stats.residents)
    expect(c.nodes.filter((n) => n.level === "grid").every((n) => n.party_organisation?.endsWith("网格党支部"))).toBe(true)
    // A secretary per community, a worker per grid, a leader per building, party members on every grid.
    const roles = new Map<string, number>()
    for (const a of c.assignments) roles.set(a.role, (roles.get(a.role) ?? 0) + 1)
    expect(roles.get("社区书记")).toBe(100)
    expect(roles.get("网格员")).toBe(350)
    expect(roles.get("楼栋长")).toBe(c.stats.buildings)
    expect(roles.get("包保党员")).toBeGreaterThanOrEqual(350)
    expect(new Set(c.people.map((p) => p.code)).size).toBe(c.people.length)
    expect(c.stats.buildingsWithoutLeader + c.stats.gridsWithoutPartyMember + c.stats.gridsWithoutPartyOrganisation).toBe(0)
  })

  it("makes households of 1 to 5 residents with valid ID cards and phone numbers", () => {
    const c = generateCounty({ households: 5_000, seed: 2 })
    const sizes = new Map<string, number>()
    const isPhone = Schema.is(Phone)
    for (const r of c.households) {
      const key = `${r.unit_path}#${r.door_number}`
      sizes.set(key, (sizes.get(key) ?? 0) + 1)
      expect(isValidIdCard(r.id_card!)).toBe(true)
      if (r.phone !== "") expect(isPhone(r.phone)).toBe(true)
    }
    expect(sizes.size).toBe(5_000)
    const counts = [...sizes.values()]
    expect(Math.min(...counts)).toBe(1)
    expect(Math.max(...counts)).toBe(5)
    expect(c.people.every((p) => isPhone(p.phone))).toBe(true)
  })

  it("leaves coverage gaps only when asked, and its output imports cleanly", async () => {
    const full = await importAndCover(3_000, false)
    expect(full.report.households.created).toBe(3_000)
    expect(full.coverage.fullyCovered.percent).toBe(100)
    const gappy = await importAndCover(3_000, true)
    expect(gappy.county.stats.buildingsWithoutLeader).toBeGreaterThan(0)
    expect(gappy.county.stats.gridsWithoutPartyMember).toBeGreaterThan(0)
    expect(gappy.county.stats.gridsWithoutPartyOrganisation).toBeGreaterThan(0)
    expect(gappy.coverage.withoutBuildingLeader.count).toBeGreaterThan(0)
    expect(gappy.coverage.withoutPartyMember.count).toBeGreaterThan(0)
    expect(gappy.coverage.withoutPartyOrganisation.count).toBeGreaterThan(0)
    expect(gappy.coverage.fullyCovered.percent).toBeGreaterThan(80)
  })

  it("writes the four CSV files through the given writeFile", async () => {
    const written = new Map<string, string>()
    const paths = await writeCountyCsv("out/demo", generateCounty({ households: 50 }), (path, text) => {
      written.set(path, text)
    })
    expect(paths).toEqual(["out/demo/nodes.csv", "out/demo/households.csv", "out/demo/people.csv", "out/demo/assignments.csv"])
    expect(written.get("out/demo/households.csv")!.startsWith("\uFEFFunit_path,door_number,name,phone,id_card,relation,party_member\r\n")).toBe(true)
  })

  it("keeps examples/county-import in step with the generator", () => {
    const dir = new URL("../../../examples/county-import/", import.meta.url)
    const files = countyCsvFiles(generateCounty({ households: 300, seed: 1, gaps: true }))
    for (const [name, text] of Object.entries(files)) {
      const url = new URL(name, dir)
      // UPDATE_EXAMPLES=1 npx vitest run packages/core/test/seed.test.ts rewrites them.
      if (process.env["UPDATE_EXAMPLES"] === "1") writeFileSync(url, text)
      expect(readFileSync(url, "utf8"), name).toBe(text)
    }
  })
})
