import { readFileSync } from "node:fs"
import { Effect, Layer, Option, Schema } from "effect"
import { describe, expect, it } from "vitest"
import {
  type Actor,
  EventLog,
  Grid,
  GridFeedEvents,
  GridImport,
  type GridNode,
  GridStore,
  IdGenerator,
  type ImportIssue,
  type ImportProgress,
  ImportRejected,
  type ImportSource,
  parseCsv,
  systemActor,
  writeCsv
} from "@mulin/core"
import { actorWith, generateCounty, layerMemory } from "@mulin/core/testing"

const sampleDir = new URL("../../../examples/county-import/", import.meta.url)
const sample = (file: string) => readFileSync(new URL(file, sampleDir), "utf8")
const sampleFiles = (): { nodes: string; households: string; people: string; assignments: string } => ({
  nodes: sample("nodes.csv"),
  households: sample("households.csv"),
  people: sample("people.csv"),
  assignments: sample("assignments.csv")
})

const TestLayer = () => Layer.mergeAll(GridImport.layer, Grid.layer).pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layerSeeded(7))))
type Env = GridImport | Grid | GridStore | EventLog
const run = <A, E>(effect: Effect.Effect<A, E, Env>): Promise<A> => Effect.runPromise(effect.pipe(Effect.provide(TestLayer())))

const importCounty = (actor: Actor, source: ImportSource, options?: Parameters<GridImport["Service"]["importCounty"]>[2]) =>
  GridImport.use((i) => i.importCounty(actor, source, options))
const allEvents = EventLog.use((log) => log.read({ after: 0, limit: 1_000_000, scopes: "*" }))
const nodeByPath = (path: string) =>
  Effect.gen(function*() {
    const store = yield* GridStore
    const [countyCode, ...rest] = path.split("/")
    const county = Option.getOrThrow(yield* store.findCountyByCode(countyCode!))
    let node = Option.getOrThrow(yield* store.getNode(county.id))
    for (const code of rest) node = Option.getOrThrow(yield* store.findChildByCode(node.id, code))
    return node
  })
const rejection = <A, R>(effect: Effect.Effect<A, unknown, R>) =>
  Effect.flip(effect).pipe(Effect.map((e) => {
    expect(e).toBeInstanceOf(ImportRejected)
    return e as ImportRejected
  }))

/** Replaces cells of a CSV text: `edit(rows)` gets the parsed rows (header first). */
const editCsv = (text: string, edit: (rows: Array<Array<string>>) => void): string => {
  const parsed = parseCsv(text)
  if (parsed._tag === "Failure") throw new Error(parsed.failure.message)
  const rows = parsed.success
  edit(rows)
  return writeCsv(rows)
}

const sys = systemActor()

describe("GridImport: the sample county", () => {
  it("imports the sample files, one event per entity, no personal data in events", () =>
    run(Effect.gen(function*() {
      const expected = generateCounty({ households: 300, seed: 1, gaps: true }).stats
      const report = yield* importCounty(sys, sampleFiles())
      expect(report).toMatchObject({
        countyCode: "370812",
        countyCreated: true,
        nodes: { created: 1 + expected.streets + expected.communities + expected.grids + expected.buildings + expected.units, updated: 0, unchanged: 0 },
        households: { created: 300, updated: 0, unchanged: 0 },
        residents: expected.residents,
        people: { created: expected.people, updated: 0, unchanged: 0 },
        assignments: { created: expected.assignments, updated: 0, unchanged: 0 },
        dryRun: false
      })
      const events = yield* allEvents
      expect(events.length).toBe(report.events)
      expect(report.events).toBe(report.nodes.created + 300 + expected.people + expected.assignments)
      const types = new Map<string, number>()
      for (const e of events) types.set(e.type, (types.get(e.type) ?? 0) + 1)
      expect(Object.fromEntries(types)).toEqual({
        "grid.county.created": 1,
        "grid.node.created": report.nodes.created - 1,
        "grid.household.created": 300,
        "grid.person.created": expected.people,
        "grid.assignment.created": expected.assignments
      })
      expect(events.every((e) => e.actor.id === sys.id && e.version === 1 && e.scope[0] === report.countyId)).toBe(true)
      // No names, phone numbers or ID-card numbers in any payload.
      const personal = new Set<string>()
      for (const text of [sample("households.csv"), sample("people.csv")]) {
        const rows = parseCsv(text)
        if (rows._tag === "Success") {
          const header = rows.success[0]!
          for (const row of rows.success.slice(1)) {
            for (const column of ["name", "phone", "id_card"]) {
              const v = row[header.indexOf(column)]
              if (v !== undefined && v !== "") personal.add(v)
            }
          }
        }
      }
      for (const e of events) {
        if (e.type === "grid.county.created" || e.type === "grid.node.created") continue
        for (const v of Object.values(e.payload)) expect(personal.has(String(v))).toBe(false)
      }
      const household = events.find((e) => e.type === "grid.household.created")!
      expect(Object.keys(household.payload).sort()).toEqual(["code", "nodeId", "residents"])
      expect(Object.keys(events.find((e) => e.type === "grid.person.created")!.payload).sort()).toEqual(["code", "householdId", "nodeId"])
      // Every event is one the feed describes, with exactly the payload its schema lists.
      const feed = new Map(GridFeedEvents.map((schema) => [schema.fields.type.literal as string, schema]))
      for (const e of events) {
        const schema = feed.get(e.type)!
        expect(Schema.decodeUnknownSync(schema)(e)).toEqual(e)
        expect(Object.keys(e.payload).sort()).toEqual(Object.keys(schema.fields.payload.fields).sort())
      }
    })))

  it("builds the tree the Grid use cases see, with the deliberate coverage gaps", () =>
    run(Effect.gen(function*() {
      const report = yield* importCounty(sys, sampleFiles())
      const grid = yield* Grid
      const summary = yield* grid.summary(sys, report.countyId)
      expect(summary.households).toBe(300)
      expect(summary.levels.map((l) => l.level)).toEqual(["county", "street", "community", "grid", "building", "unit"])
      const coverage = yield* grid.coverage(sys, report.countyId, { date: "2026-01-01" })
      expect(coverage.units).toBeGreaterThan(0)
      expect(coverage.withoutBuildingLeader.count).toBeGreaterThan(0)
      expect(coverage.withoutPartyMember.count).toBeGreaterThan(0)
      expect(coverage.withoutPartyOrganisation.count).toBeGreaterThan(0)
      expect(coverage.fullyCovered.count).toBeGreaterThan(coverage.units / 2)
      // A household's servers come from the imported assignments.
      const unit = yield* nodeByPath("370812/001/001/G01/2/1")
      expect(unit.level).toBe("unit")
      const households = yield* grid.listHouseholds(sys, unit.id)
      const serves = yield* grid.whoServes(sys, households.items[0]!.id, { date: "2026-01-01" })
      expect(serves.servers.map((s) => s.role).sort()).toEqual(["building_leader", "community_secretary", "grid_worker", "party_member"])
      expect(serves.partyOrganisation?.name).toBe("东方社区第一网格党支部")
    })))

  it("gives the same result for CSV text and for records", () =>
    Promise.all([
      run(importCounty(sys, sampleFiles())),
      run(Effect.suspend(() => {
        const c = generateCounty({ households: 300, seed: 1, gaps: true })
        return importCounty(sys, { nodes: c.nodes, households: c.households, people: c.people, assignments: c.assignments })
      }))
    ]).then(([fromCsv, fromRecords]) => {
      // Ids differ (they are made from the clock), everything else is equal.
      expect({ ...fromRecords, countyId: "", durationMs: 0 }).toEqual({ ...fromCsv, countyId: "", durationMs: 0 })
    }))

  it("re-importing the same files writes nothing and records no event", () =>
    run(Effect.gen(function*() {
      const first = yield* importCounty(sys, sampleFiles())
      const before = (yield* allEvents).length
      const again = yield* importCounty(sys, sampleFiles())
      expect(again).toMatchObject({
        countyId: first.countyId,
        countyCreated: false,
        nodes: { created: 0, updated: 0, unchanged: first.nodes.created },
        households: { created: 0, updated: 0, unchanged: 300 },
        residents: 0,
        people: { created: 0, updated: 0, unchanged: first.people.created },
        assignments: { created: 0, updated: 0, unchanged: first.assignments.created },
        events: 0
      })
      expect((yield* allEvents).length).toBe(before)
    })))

  it("a changed row updates exactly that entity, version + 1, one event each", () =>
    run(Effect.gen(function*() {
      const files = sampleFiles()
      yield* importCounty(sys, files)
      const before = (yield* allEvents).length
      const changed = {
        nodes: editCsv(files.nodes, (rows) => {
          const r = rows.find((row) => row[0] === "370812/001/001/G01")!
          r[1] = "第一网格（红色网格）"
        }),
        households: editCsv(files.households, (rows) => {
          rows[2]![3] = "13900001111" // second data row: a resident's phone
        }),
        people: editCsv(files.people, (rows) => {
          rows[1]![2] = "13900002222"
        }),
        assignments: editCsv(files.assignments, (rows) => {
          rows[1]![4] = "2026-06-30"
        })
      }
      const report = yield* importCounty(sys, changed)
      expect(report.nodes.updated).toBe(1)
      expect(report.households.updated).toBe(1)
      expect(report.people.updated).toBe(1)
      expect(report.assignments.updated).toBe(1)
      expect(report.nodes.created + report.households.created + report.people.created + report.assignments.created).toBe(0)
      const events = (yield* allEvents).slice(before)
      expect(events.map((e) => e.type).sort()).toEqual(["grid.assignment.updated", "grid.household.updated", "grid.node.updated", "grid.person.updated"])
      expect(events.every((e) => e.version === 2)).toBe(true)
      const node = yield* nodeByPath("370812/001/001/G01")
      expect(node).toMatchObject({ name: "第一网格（红色网格）", version: 2 })
      // The household kept its residents' ids; only the phone changed.
      const store = yield* GridStore
      const hhEvent = events.find((e) => e.type === "grid.household.updated")!
      const household = Option.getOrThrow(yield* store.getHousehold(hhEvent.aggregateId as never))
      expect(household.version).toBe(2)
      expect(household.residents.map((r) => r.phone)).toContain("13900001111")
      // Importing the changed files again is a no-op.
      const again = yield* importCounty(sys, changed)
      expect(again.events).toBe(0)
    })))

  it.each([["looked up one by one", 1_000_000], ["listed page by page", 0]])("matches stored entities %s", (_, lookupLimit) =>
    run(Effect.gen(function*() {
      const c = generateCounty({ households: 300, seed: 1, gaps: true })
      yield* importCounty(sys, c)
      const before = (yield* allEvents).length
      const same = yield* importCounty(sys, c, { lookupLimit })
      expect(same.events).toBe(0)
      expect((yield* allEvents).length).toBe(before)
      const households = c.households.map((r, i) => (i === 10 ? { ...r, name: "改名" } : r))
      const people = c.people.map((p, i) => (i === 3 ? { ...p, node_path: c.people[0]!.node_path.replace(/\/001$/u, "/002") } : p))
      const assignments = c.assignments.map((a, i) => (i === 4 ? { ...a, end_date: "2026-12-31" } : a))
      const changed = yield* importCounty(sys, { ...c, households, people, assignments }, { lookupLimit })
      expect(changed).toMatchObject({ households: { updated: 1, created: 0 }, people: { updated: 1, created: 0 }, assignments: { updated: 1, created: 0 }, events: 3 })
    })))

  it("an absent optional column keeps the stored values; an empty cell clears them", () =>
    run(Effect.gen(function*() {
      const files = sampleFiles()
      yield* importCounty(sys, files)
      const withoutColumn = editCsv(files.nodes, (rows) => {
        for (const row of rows) row.splice(3, 1)
      })
      const kept = yield* importCounty(sys, { nodes: withoutColumn })
      expect(kept.nodes.updated).toBe(0)
      const cleared = editCsv(files.nodes, (rows) => {
        rows.find((row) => row[0] === "370812/001/001/G01")![3] = ""
      })
      const report = yield* importCounty(sys, { nodes: cleared })
      expect(report.nodes.updated).toBe(1)
      expect((yield* nodeByPath("370812/001/001/G01")).partyOrganisation).toBeNull()
    })))

  it("a dry run validates and counts but writes nothing", () =>
    run(Effect.gen(function*() {
      const report = yield* importCounty(sys, sampleFiles(), { dryRun: true })
      expect(report).toMatchObject({ dryRun: true, events: 0, households: { created: 300 } })
      expect(yield* allEvents).toHaveLength(0)
      expect(Option.isNone(yield* GridStore.use((s) => s.findCountyByCode("370812")))).toBe(true)
    })))

  it("reports progress per batch, not per row", () =>
    run(Effect.gen(function*() {
      const calls: Array<ImportProgress> = []
      yield* importCounty(sys, sampleFiles(), { onProgress: (p) => calls.push(p), batchSize: 100 })
      const phases = [...new Set(calls.map((c) => c.phase))]
      expect(phases).toEqual(["validate", "load", "nodes", "households", "people", "assignments"])
      expect(calls.length).toBeLessThan(20)
      for (const c of calls) expect(c.done).toBeLessThanOrEqual(c.total)
      const households = calls.filter((c) => c.phase === "households")
      expect(households.map((c) => c.done)).toEqual([100, 200, 300])
    })))

  it("accepts Chinese headers, Chinese values, explicit levels and level skipping", () =>
    run(Effect.gen(function*() {
      const report = yield* importCounty(sys, {
        nodes: "路径,名称,层级,党组织\n" +
          "370899,示例县,区县,\n" +
          "370899/01,示例镇,街道(乡镇),\n" +
          "370899/01/001,前王村,community,前王村党支部\n" +
          "370899/01/001/1,1号院,building,\n" + // a village without grids: community → building
          "370899/01/001/1/1,1单元,unit,\n",
        households: "单元路径,门牌号,姓名,联系电话,身份证号,与户主关系,是否党员\n" +
          "370899/01/001/1/1,101,王建国,0537-321 1234,11010519491231002x,本人,中共党员\n" +
          "370899/01/001/1/1,101,李秀英,,,妻子,群众\n",
        people: "人员编号,姓名,联系电话,所属节点路径\nS1,赵书记,13800000001,370899/01/001\n",
        assignments: "人员编号,节点路径,角色,开始日期,结束日期\nS1,370899/01/001,社区书记,2024-01-01,\n"
      })
      expect(report).toMatchObject({ nodes: { created: 5 }, households: { created: 1 }, residents: 2, people: { created: 1 }, assignments: { created: 1 } })
      const building = yield* nodeByPath("370899/01/001/1")
      expect(building).toMatchObject({ level: "building", depth: 4 })
      const unit = yield* nodeByPath("370899/01/001/1/1")
      const hh = yield* Grid.use((g) => g.listHouseholds(sys, unit.id))
      expect(hh.items[0]!.residents).toMatchObject([
        { name: "王建国", phone: "05373211234", idCardNumber: "11010519491231002X", relation: "head", partyMember: true },
        { name: "李秀英", phone: null, idCardNumber: null, relation: "spouse", partyMember: false }
      ])
    })))
})

describe("GridImport: level templates", () => {
  const levels = [
    { key: "county", nameZh: "区县", nameEn: "county" },
    { key: "town", nameZh: "乡镇", nameEn: "town" },
    { key: "village", nameZh: "村", nameEn: "village" },
    { key: "group", nameZh: "村民小组", nameEn: "villager group" }
  ]

  it("creates a county with the given template, rows in any order", () =>
    run(Effect.gen(function*() {
      const report = yield* importCounty(sys, {
        nodes: "path,name\n370900/01/001/1,第一村民小组\n370900/01,城关镇\n370900,示例县\n370900/01/001,东村\n",
        households: "unit_path,door_number,name\n370900/01/001/1,5,刘一\n"
      }, { levels })
      expect(report).toMatchObject({ nodes: { created: 4 }, households: { created: 1 } })
      expect(yield* nodeByPath("370900/01/001/1")).toMatchObject({ level: "group", depth: 3 })
      // The template is the county's from now on; the option is ignored for an existing county.
      const e = yield* rejection(importCounty(sys, { households: "unit_path,door_number,name\n370900/01/001,6,陈二\n" }, { levels: [] }))
      expect(e.issues[0]!.message).toContain("smallest level (group)")
    })))

  it("rejects an invalid template", () =>
    run(Effect.gen(function*() {
      const e = yield* rejection(importCounty(sys, { nodes: "path,name\n370900,示例县\n" }, { levels: levels.slice(0, 1) }))
      expect(e.issues[0]).toMatchObject({ file: "nodes.csv", row: 1, column: "level" })
    })))
})

describe("GridImport: invalid files", () => {
  const long = "很".repeat(61)
  const badFiles: ImportSource = {
    nodes: [
      "path,name,level,party_organisation",
      "370812,兖州区,,", // row 2
      "370812/001,鼓楼街道,,", // row 3
      "370812/001,重复街道,,", // row 4: duplicate path
      "370812/0 01,空格,,", // row 5: bad code
      "370812/009/001,孤儿社区,,", // row 6: parent unknown
      "370812/001/001,社区,village,", // row 7: level not in the template
      "370812/001/002,社区,street,", // row 8: level not deeper than the parent
      "370812/001/003,,,", // row 9: name missing
      `370812/001/004,${long},,`, // row 10: name too long
      "370812/001/005,社区,,", // row 11: fine
      "370812/001/005/G1,网格,,", // row 12
      "370812/001/005/G1/1,1号楼,,", // row 13
      "370812/001/005/G1/1/1,1单元,,", // row 14
      "371000/001,外县街道,,", // row 15: another county
      ""
    ].join("\r\n"),
    households: [
      "unit_path,door_number,name,phone,id_card,relation,party_member",
      "370812/001/005/G1/1,101,张三,,,,", // row 2: a building, not a unit
      "370812/001/005/G1/1/9,101,张三,,,,", // row 3: unknown unit
      "370812/001/005/G1/1/1,101,张三,12345,,,", // row 4: bad phone
      "370812/001/005/G1/1/1,102,李四,,110105194912310021,,", // row 5: bad check digit
      "370812/001/005/G1/1/1,103,王五,,,boss,", // row 6: bad relation
      "370812/001/005/G1/1/1,104,赵六,,,,maybe", // row 7: bad party member
      "370812/001/005/G1/1/1,105,,,,,", // row 8: name missing
      "370812/001/005/G1/1/1,106,钱七,,11010519491231002X,,", // row 9
      "370812/001/005/G1/1/1,106,孙八,,11010519491231002X,,", // row 10: same ID card in one household
      "370812/001/005/G1/1/1,1 07,周九,,,,", // row 11: bad door number
      ""
    ].join("\n"),
    people: [
      "code,name,phone,node_path",
      "P1,甲,,370812/001/005", // row 2
      "P1,乙,,370812/001/005", // row 3: duplicate code
      "P2,丙,999,370812/001/005", // row 4: bad phone
      "P3,丁,,370812/001/777" // row 5: unknown node
    ].join("\n"),
    assignments: [
      "person_code,node_path,role,start_date,end_date",
      "P9,370812/001/005,grid_worker,2024-01-01,", // row 2: unknown person
      "P1,370812/001/005,boss,2024-01-01,", // row 3: bad role
      "P1,370812/001/005,网格员,2024-02-30,", // row 4: not a real date
      "P1,370812/001/005,网格员,2024-03-01,2024-02-01", // row 5: end before start
      "P1,370812/001/005,楼栋长,2024-03-01,", // row 6
      "P1,370812/001/005,building_leader,2024-03-01," // row 7: duplicate of row 6
    ].join("\n")
  }
  const expectedIssues: Array<Pick<ImportIssue, "file" | "row" | "column">> = [
    { file: "nodes.csv", row: 4, column: "path" },
    { file: "nodes.csv", row: 5, column: "path" },
    { file: "nodes.csv", row: 6, column: "path" },
    { file: "nodes.csv", row: 7, column: "level" },
    { file: "nodes.csv", row: 8, column: "level" },
    { file: "nodes.csv", row: 9, column: "name" },
    { file: "nodes.csv", row: 10, column: "name" },
    { file: "nodes.csv", row: 15, column: "path" },
    { file: "households.csv", row: 2, column: "unit_path" },
    { file: "households.csv", row: 3, column: "unit_path" },
    { file: "households.csv", row: 4, column: "phone" },
    { file: "households.csv", row: 5, column: "id_card" },
    { file: "households.csv", row: 6, column: "relation" },
    { file: "households.csv", row: 7, column: "party_member" },
    { file: "households.csv", row: 8, column: "name" },
    { file: "households.csv", row: 10, column: "id_card" },
    { file: "households.csv", row: 11, column: "door_number" },
    { file: "people.csv", row: 3, column: "code" },
    { file: "people.csv", row: 4, column: "phone" },
    { file: "people.csv", row: 5, column: "node_path" },
    { file: "assignments.csv", row: 2, column: "person_code" },
    { file: "assignments.csv", row: 3, column: "role" },
    { file: "assignments.csv", row: 4, column: "start_date" },
    { file: "assignments.csv", row: 5, column: "end_date" },
    { file: "assignments.csv", row: 7, column: "" }
  ]
  const key = (i: Pick<ImportIssue, "file" | "row" | "column">) => `${i.file}:${i.row}:${i.column}`

  it("reports every bad row with file, row, column and reasons in English and Chinese, and writes nothing", () =>
    run(Effect.gen(function*() {
      const e = yield* rejection(importCounty(sys, badFiles))
      expect(e.issues.map(key).sort()).toEqual(expectedIssues.map(key).sort())
      expect(e.total).toBe(expectedIssues.length)
      for (const issue of e.issues) {
        expect(issue.message.length).toBeGreaterThan(3)
        expect(issue.messageZh).toMatch(/[\u4e00-\u9fff]/u)
      }
      const byKey = new Map(e.issues.map((i) => [key(i), i]))
      expect(byKey.get("households.csv:4:phone")!.messageZh).toContain("电话号码")
      expect(byKey.get("households.csv:5:id_card")!.messageZh).toContain("校验位")
      expect(byKey.get("nodes.csv:4:path")!.message).toContain("row 3")
      expect(byKey.get("households.csv:2:unit_path")!.message).toContain("smallest level")
      expect(byKey.get("assignments.csv:4:start_date")!.messageZh).toContain("日期")
      expect(e.message).toContain(`${expectedIssues.length} problem`)
      expect(yield* allEvents).toHaveLength(0)
      expect(Option.isNone(yield* GridStore.use((s) => s.findCountyByCode("370812")))).toBe(true)
    })))

  it("writes nothing into an existing county either", () =>
    run(Effect.gen(function*() {
      yield* importCounty(sys, sampleFiles())
      const before = (yield* allEvents).length
      const files = sampleFiles()
      const e = yield* rejection(importCounty(sys, {
        ...files,
        nodes: files.nodes + "370812/001/001/G09,新网格,,\r\n",
        households: editCsv(files.households, (rows) => {
          rows[5]![3] = "not a phone"
        })
      }))
      expect(e.issues.map(key)).toEqual(["households.csv:6:phone"])
      expect((yield* allEvents).length).toBe(before)
      const community = yield* nodeByPath("370812/001/001")
      expect(Option.isNone(yield* GridStore.use((s) => s.findChildByCode(community.id, "G09")))).toBe(true)
    })))

  it("rejects bad headers and broken CSV before reading rows", () =>
    run(Effect.gen(function*() {
      const e = yield* rejection(importCounty(sys, {
        nodes: "path,name,colour\n370812,兖州区,red\n",
        households: "unit_path,name\n",
        people: "code,name,node_path\n\"P1,甲,370812\n"
      }))
      expect(e.issues.map(key).sort()).toEqual(["households.csv:1:door_number", "nodes.csv:1:colour", "people.csv:2:"].sort())
      expect(e.issues.find((i) => i.file === "people.csv")!.messageZh).toContain("引号")
    })))

  it("requires the county to exist or be created by the file", () =>
    run(Effect.gen(function*() {
      const e = yield* rejection(importCounty(sys, { people: "code,name,node_path\nP1,甲,370812/001\n" }))
      expect(e.issues).toMatchObject([{ file: "people.csv", row: 2, column: "node_path" }])
      expect(e.issues[0]!.message).toContain("county 370812 does not exist")
    })))

  it("rejects empty files", () =>
    run(Effect.gen(function*() {
      const e = yield* rejection(importCounty(sys, { nodes: "path,name\n" }))
      expect(e.total).toBe(1)
    })))

  it("lists at most maxIssues issues but counts them all", () =>
    run(Effect.gen(function*() {
      const e = yield* rejection(importCounty(sys, badFiles, { maxIssues: 3 }))
      expect(e.issues).toHaveLength(3)
      expect(e.total).toBe(expectedIssues.length)
    })))
})

describe("GridImport: permissions", () => {
  const streetOnly = (files: ReturnType<typeof sampleFiles>, street: string) => {
    const keep = (text: string, column: number) => editCsv(text, (rows) => {
      const header = rows[0]!
      const body = rows.slice(1).filter((r) => r[column]!.startsWith(`370812/${street}/`))
      rows.length = 0
      rows.push(header, ...body)
    })
    return { nodes: keep(files.nodes, 0), households: keep(files.households, 0), people: keep(files.people, 3), assignments: keep(files.assignments, 1) }
  }

  it("a grid worker cannot import", () =>
    run(Effect.gen(function*() {
      yield* importCounty(sys, sampleFiles())
      const grid = yield* nodeByPath("370812/001/001/G01")
      const worker = actorWith("w1", { role: "grid_worker", scope: grid.id })
      const e = yield* Effect.flip(importCounty(worker, { households: sample("households.csv") }))
      expect(e._tag).toBe("Forbidden")
    })))

  it("a street administrator imports in their street and nowhere else", () =>
    run(Effect.gen(function*() {
      const files = sampleFiles()
      yield* importCounty(sys, files)
      const street: GridNode = yield* nodeByPath("370812/001")
      const admin = actorWith("s1", { role: "street_admin", scope: street.id })
      const mine = streetOnly(files, "001")
      const ok = yield* importCounty(admin, {
        ...mine,
        nodes: mine.nodes + "370812/001/001/G99,新网格,,新网格党支部\r\n"
      })
      expect(ok.nodes.created).toBe(1)
      const before = (yield* allEvents).length
      const e = yield* Effect.flip(importCounty(admin, files))
      expect(e._tag).toBe("Forbidden")
      expect(e.message).toContain("row")
      expect((yield* allEvents).length).toBe(before)
    })))

  it("a street administrator cannot move a person registered in another street", () =>
    run(Effect.gen(function*() {
      const c = generateCounty({ households: 300, seed: 1, gaps: true })
      yield* importCounty(sys, c)
      const street = yield* nodeByPath("370812/001")
      const admin = actorWith("s1", { role: "street_admin", scope: street.id })
      const outsider = c.people.find((p) => p.node_path.startsWith("370812/002/"))!
      const e = yield* Effect.flip(importCounty(admin, { people: [{ ...outsider, node_path: "370812/001/001" }] }))
      expect(e._tag).toBe("Forbidden")
    })))

  it("only an actor allowed to create counties can import a new county", () =>
    run(Effect.gen(function*() {
      const first = yield* importCounty(sys, sampleFiles())
      const admin = actorWith("a1", { role: "county_admin", scope: first.countyId })
      const e = yield* Effect.flip(importCounty(admin, { nodes: "path,name\n370899,另一个县\n" }))
      expect(e).toMatchObject({ _tag: "Forbidden", action: "county.create" })
      const again = yield* importCounty(admin, sampleFiles())
      expect(again.events).toBe(0)
    })))
})

describe("GridImport: cells that must be refused", () => {
  const key = (i: Pick<ImportIssue, "file" | "row" | "column">) => `${i.file}:${i.row}:${i.column}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const withCheck = (body: string): string => {
    let sum = 0
    for (let i = 0; i < 17; i++) sum += Number(body[i]) * weights[i]!
    return body + "10X98765432"[sum % 11]!
  }
  const unit = "370812/001/001/G01/1/1"
  const files = (): ImportSource => {
    const s = sampleFiles()
    return {
      nodes: s.nodes + [
        "370812/001/001/G01/1/9,\"九\u0000单元\",,", // row +1: NUL
        "370812/001/001/G01/1/8,\"八\u202E单元\",,", // RLO
        ""
      ].join("\r\n"),
      households: writeCsv([
        ["unit_path", "door_number", "name", "phone", "id_card", "relation", "party_member"],
        [unit, "901", "张\u0007三", "", "", "", ""], // row 2: BEL
        [unit, "902", "张\n三", "", "", "", ""], // row 3: a line break inside the cell
        [unit, "903", "张\uD800三", "", "", "", ""], // row 4: lone surrogate
        [unit, "904", "张\u200B三", "", "", "", ""], // row 5: zero-width space
        [unit, "\u0661\u0660\u0661", "李四", "", "", "", ""], // row 6: Arabic-Indic digits
        [unit, "\u041E101", "李四", "", "", "", ""], // row 7: Cyrillic О
        [unit, "905", "王五", "", withCheck("11010519990230002"), "", ""], // row 8: 1999-02-30
        [unit, "906", "王五", "", withCheck("11010520990101002"), "", ""] // row 9: born in 2099
      ]),
      people: s.people + "\u041E7,赵六,,370812/001/001\n" // a Cyrillic О in the person's code
    }
  }

  it("reports every bad cell with the rule it breaks, in English and Chinese, and writes nothing", () =>
    run(Effect.gen(function*() {
      const source = files()
      const nodeRows = parseCsv(source.nodes as string)
      const peopleRows = parseCsv(source.people as string)
      if (nodeRows._tag === "Failure" || peopleRows._tag === "Failure") throw new Error("bad test files")
      const n = nodeRows.success.length
      const e = yield* rejection(importCounty(sys, source))
      const expected: ReadonlyArray<readonly [string, number, string, RegExp, RegExp]> = [
        ["nodes.csv", n - 1, "name", /control/, /控制字符/],
        ["nodes.csv", n, "name", /bidirectional/, /双向/],
        ["households.csv", 2, "name", /control/, /控制字符/],
        ["households.csv", 3, "name", /one line/, /单行/],
        ["households.csv", 4, "name", /surrogate/, /代理项/],
        ["households.csv", 5, "name", /zero-width/, /零宽/],
        ["households.csv", 6, "door_number", /ASCII/, /ASCII/],
        ["households.csv", 7, "door_number", /ASCII/, /ASCII/],
        ["households.csv", 8, "id_card", /real birth date/, /出生日期必须真实/],
        ["households.csv", 9, "id_card", /future/, /晚于今天/],
        ["people.csv", peopleRows.success.length, "code", /ASCII/, /ASCII/]
      ]
      expect(e.issues.map(key).sort()).toEqual(expected.map(([file, row, column]) => key({ file, row, column })).sort())
      for (const [file, row, column, en, zh] of expected) {
        const issue = e.issues.find((i) => key(i) === key({ file, row, column }))!
        expect(issue.message, key(issue)).toMatch(en)
        expect(issue.messageZh, key(issue)).toMatch(zh)
      }
      expect(yield* allEvents).toHaveLength(0)
    })))
})
