/**
 * The exports end to end: the example county's services over a SQLite file, the HTTP
 * handler, and the files it answers read back as a person's spreadsheet program would.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { Context, Effect, Layer, ManagedRuntime } from "effect"
import ExcelJS from "exceljs"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { localDate, parseCsv, SheetWorkbook, systemActor, Visits } from "@mulin/core"
import { TestClock } from "effect/testing"
import { makeHandler, tokenTable, type WebHandler } from "@mulin/adapter-http"
import { countyLayer } from "../county-server/app.js"
import { defaultTokens, resolveTokens, seedIfEmpty } from "../county-server/demo.js"

const dir = mkdtempSync(join(tmpdir(), "mulin-exports-"))
let runtime: ManagedRuntime.ManagedRuntime<any, any>
let full: WebHandler
let csvOnly: WebHandler
let countyId = ""
let communityId = ""

const get = (web: WebHandler, token: string | undefined, path: string) =>
  web.handler(new Request(`http://county.test${path}`, token === undefined ? {} : { headers: { authorization: `Bearer ${token}` } }))
const json = async (path: string, token = "demo-county-admin") => (await get(full, token, path)).json() as Promise<any>
const csvRows = async (response: Response) => {
  expect(response.status).toBe(200)
  const bytes = new Uint8Array(await response.arrayBuffer())
  // A UTF-8 byte-order mark first, so Excel reads the Chinese text (Response.text() would drop it).
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const parsed = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes))
  if (parsed._tag === "Failure") throw new Error(parsed.failure.message)
  return parsed.success
}
const workbookOf = async (response: Response) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await response.arrayBuffer()) as never)
  return wb
}

beforeAll(async () => {
  runtime = ManagedRuntime.make(countyLayer(join(dir, "county.db")))
  await runtime.runPromise(seedIfEmpty(200))
  const people = await runtime.runPromise(resolveTokens(defaultTokens))
  const authenticate = tokenTable(Object.fromEntries(people.map((p) => [p.token, p.personId])))
  const context = await runtime.context()
  full = makeHandler({ services: Layer.succeedContext(context), authenticate })
  csvOnly = makeHandler({ services: Layer.succeedContext(Context.omit(SheetWorkbook)(context)), authenticate })
  const counties = await json("/counties")
  countyId = counties.find((c: { code: string }) => c.code === "370812").id
  communityId = (await json("/lookup/node?path=370812/001/001")).id
}, 300_000)
afterAll(async () => {
  await full.dispose()
  await csvOnly.dispose()
  await runtime.dispose()
  rmSync(dir, { recursive: true, force: true })
})

describe("exports over HTTP", () => {
  it("lists the registered exports with their titles", async () => {
    expect((await json("/exports")).map((e: { name: string }) => e.name)).toEqual(["activities-report", "places-coverage", "visits-overdue", "kpis", "work-ledger", "headline", "party-service", "partner-services"])
  })

  it("serves the ledger of work (工作台账) as CSV with exactly the rows of its JSON, and the KPIs and headline figures as .xlsx", async () => {
    const period = `from=${localDate(Date.now() - 86_400_000, "Asia/Shanghai")}&to=${localDate(Date.now(), "Asia/Shanghai")}`
    const entries: Array<{ id: string; kind: string }> = []
    for (let after: string | null = ""; after !== null;) {
      const page: { items: Array<{ id: string; kind: string }>; next: string | null } = await json(`/nodes/${countyId}/reports/ledger?${period}&limit=200${after === "" ? "" : `&after=${after}`}`)
      entries.push(...page.items)
      after = page.next
    }
    // The demo county's requests and the work they were routed to are in today's ledger.
    expect(entries.length).toBeGreaterThan(0)
    const rows = await csvRows(await get(full, "demo-county-admin", `/nodes/${countyId}/exports/work-ledger?${period}`))
    expect(rows[0]!.slice(0, 3)).toEqual(["类型", "编号", "网格节点"])
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(entries.map((e) => e.id).sort())
    for (const name of ["kpis", "headline"]) {
      const response = await get(full, "demo-county-admin", `/nodes/${countyId}/exports/${name}?${period}&format=xlsx`)
      expect(response.status, name).toBe(200)
      expect((await workbookOf(response)).worksheets.length, name).toBeGreaterThan(0)
    }
    // Staff only: a resident is refused the ledger as a file as it is as JSON.
    expect((await get(full, "demo-resident", `/nodes/${communityId}/exports/work-ledger?${period}`)).status).toBe(403)
  })

  it("serves the activities report as CSV with Chinese headers and a Chinese file name, the same figures as the JSON", async () => {
    const period = "from=2026-01-01&to=2026-12-31"
    const report = await json(`/nodes/${countyId}/activities/report?${period}`)
    const response = await get(full, "demo-county-admin", `/nodes/${countyId}/exports/activities-report?${period}`)
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/)
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="activities-report_2026-01-01_2026-12-31_1.csv"; filename*=UTF-8''${encodeURIComponent("活动统计_2026-01-01_2026-12-31_合计.csv")}`
    )
    const rows = await csvRows(response)
    expect(rows[0]).toEqual(["开始日期", "结束日期", "活动场次", "参与人次", "服务居民数", "报名人次", "志愿服务时长"])
    expect(rows[1]).toEqual(["2026-01-01", "2026-12-31", String(report.activities), String(report.personTimes), String(report.distinctResidents), String(report.registrations), String(report.serviceHours)])
    const byMonth = await csvRows(await get(full, "demo-county-admin", `/nodes/${countyId}/exports/activities-report?${period}&sheet=按月份&lang=en`))
    expect(byMonth).toEqual([["Month", "Activities", "Person-times"], ...report.byMonth.map((m: any) => [m.month, String(m.activities), String(m.personTimes)])])
  })

  it("serves every sheet as one .xlsx workbook when the server has the writer, and answers 404 for it when not", async () => {
    const path = `/nodes/${countyId}/exports/activities-report?format=xlsx`
    const response = await get(full, "demo-street-admin", path.replace(countyId, communityId))
    expect(response.status).toBe(200)
    expect(response.headers.get("content-disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("活动统计_")}`)
    const wb = await workbookOf(response)
    expect(wb.worksheets.map((w) => w.name)).toEqual(["合计", "按类型", "按月份", "按下级节点"])
    const today = localDate(Date.now(), "Asia/Shanghai")
    const report = await json(`/nodes/${communityId}/activities/report?from=${today.slice(0, 4)}-01-01&to=${today}`)
    expect(wb.getWorksheet("合计")!.getCell("C2").value).toBe(report.activities)
    const without = await get(csvOnly, "demo-county-admin", path)
    expect(without.status).toBe(404)
    expect((await without.json()).detailZh).toBeTypeOf("string")
    expect((await get(csvOnly, "demo-county-admin", path.replace("format=xlsx", "format=csv"))).status).toBe(200)
  })

  it("writes a community named like a formula so that no spreadsheet evaluates it", async () => {
    const streetId = (await json("/lookup/node?path=370812/001")).id
    const created = await full.handler(new Request("http://county.test/nodes", {
      method: "POST",
      headers: { authorization: "Bearer demo-county-admin", "content-type": "application/json" },
      body: JSON.stringify({ parentId: streetId, code: "EVIL", name: "=HYPERLINK(\"http://evil.example\",\"点我\")", level: "community" })
    }))
    expect(created.status).toBe(201)
    const rows = await csvRows(await get(full, "demo-county-admin", `/nodes/${streetId}/exports/places-coverage`))
    const evil = rows.find((r) => r[1]!.includes("HYPERLINK"))!
    expect(evil[1]).toBe("'=HYPERLINK(\"http://evil.example\",\"点我\")")
    const wb = await workbookOf(await get(full, "demo-county-admin", `/nodes/${streetId}/exports/places-coverage?format=xlsx`))
    const cell = wb.getWorksheet("社区覆盖")!.getColumn(2).values.find((v) => typeof v === "string" && v.includes("HYPERLINK"))
    expect(cell).toBe("=HYPERLINK(\"http://evil.example\",\"点我\")")
    expect(wb.getWorksheet("社区覆盖")!.getColumn(2).values.some((v) => typeof v === "object" && v !== null && "formula" in v)).toBe(false)
  })

  it("serves the overdue list with exactly the fields of its JSON, to the grid's worker", async () => {
    const grid = (await json("/lookup/node?path=370812/001/001/G01")).id
    // A household marked as living alone forty days ago and never visited since.
    const household = (await json(`/nodes/${grid}/households?limit=5`)).items[4].id
    await runtime.runPromise(Effect.gen(function*() {
      yield* TestClock.setTime(Date.now() - 40 * 86_400_000)
      yield* (yield* Visits).mark(systemActor("test"), household, { categories: ["elderly_alone"] })
    }).pipe(Effect.provide(TestClock.layer())))
    const listed = await json(`/nodes/${grid}/visits/overdue?limit=1000`, "demo-grid-worker")
    expect(listed.items.length).toBeGreaterThan(0)
    const rows = await csvRows(await get(full, "demo-grid-worker", `/nodes/${grid}/exports/visits-overdue`))
    expect(rows[0]).toEqual(["户", "节点", "关爱类别", "走访周期（天）", "上次走访", "应走访日期", "逾期天数"])
    expect(rows.slice(1).map((r) => [r[0], r[1], r[5], Number(r[6])])).toEqual(listed.items.map((h: any) => [h.householdId, h.nodeId, h.dueDate, h.daysOverdue]))
  })

  it("is staff only, checked at the subtree's root: a resident, a party member, another county's admin, a worker above their grid, no token", async () => {
    const path = (id: string) => `/nodes/${id}/exports/places-coverage`
    expect((await get(full, "demo-resident", path(communityId))).status).toBe(403)
    expect((await get(full, "demo-party-member", path(communityId))).status).toBe(404)
    expect((await get(full, "demo-wenshang-admin", path(countyId))).status).toBe(404)
    expect((await get(full, "demo-grid-worker", path(communityId))).status).toBe(404)
    expect((await get(full, undefined, path(countyId))).status).toBe(401)
  })

  it("answers an unknown export, a missing sheet and a period backwards with a clear error", async () => {
    expect((await get(full, "demo-county-admin", `/nodes/${countyId}/exports/secrets`)).status).toBe(404)
    expect((await get(full, "demo-county-admin", `/nodes/${countyId}/exports/places-coverage?sheet=9`)).status).toBe(404)
    const backwards = await get(full, "demo-county-admin", `/nodes/${countyId}/exports/activities-report?from=2026-12-01&to=2026-11-01`)
    expect(backwards.status).toBe(422)
    const problem = await backwards.json()
    expect(JSON.stringify(problem)).toContain("\"to\"")
    expect(problem.detailZh).toMatch(/开始日期/)
  })
})
