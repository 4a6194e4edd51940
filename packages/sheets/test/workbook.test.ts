import { deflateRawSync } from "node:zlib"
import { Effect, Layer } from "effect"
import ExcelJS from "exceljs"
import { describe, expect, it } from "vitest"
import { GridImport, IdGenerator, type ImportRejected, type Sheet, systemActor } from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"
import { importCountyWorkbook, readCountyWorkbook, type WorkbookRejected, writeXlsx } from "@mulin/sheets"

const layer = () => GridImport.layer.pipe(Layer.provide([layerMemory(), IdGenerator.layer]))

const load = async (bytes: Uint8Array) => {
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(bytes) as never)
  return wb
}

type Rows = ReadonlyArray<ReadonlyArray<ExcelJS.CellValue>>
const workbook = async (sheets: Record<string, Rows>, edit?: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> => {
  const wb = new ExcelJS.Workbook()
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name)
    for (const r of rows) ws.addRow([...r])
  }
  edit?.(wb)
  return new Uint8Array(await wb.xlsx.writeBuffer())
}

const nodes: Rows = [
  ["路径", "名称", "层级"],
  ["370812", "兖州区", "county"],
  ["370812/001", "鼓楼街道", "street"],
  ["370812/001/001", "东方社区", "community"],
  ["370812/001/001/G01", "第一网格", "grid"],
  ["370812/001/001/G01/1", "1号楼", "building"],
  ["370812/001/001/G01/1/1", "1单元", "unit"]
]
const householdsHeader = ["单元路径", "门牌号", "姓名", "手机号", "身份证号", "与户主关系", "是否党员"]
const households: Rows = [
  householdsHeader,
  ["370812/001/001/G01/1/1", "101", "陶涛明", 13967566514, "370812196208275493", "户主", "否"],
  ["370812/001/001/G01/1/1", "102", "杨伟", "13098423297", "370812198812289559", "户主", true]
]
const people: Rows = [["人员编号", "姓名", "联系电话", "所属节点路径"], ["WG000002", "文广林", "18970431662", "370812/001/001"]]

const run = <A, E>(effect: Effect.Effect<A, E, GridImport>) => Effect.runPromise(Effect.result(effect.pipe(Effect.provide(layer()))))
const rejection = async (bytes: Uint8Array, limits?: Parameters<typeof readCountyWorkbook>[1]) => {
  const r = await run(importCountyWorkbook(systemActor(), bytes, { limits }))
  if (r._tag === "Success") throw new Error("expected a rejection")
  return r.failure as ImportRejected | WorkbookRejected
}

describe("writing sheets as .xlsx", () => {
  const sheet: Sheet = {
    name: "逾期未走访",
    columns: [{ key: "name", en: "Name", zh: "姓名" }, { key: "days", en: "Days overdue", zh: "逾期天数" }, { key: "at", en: "Last visit", zh: "上次走访" }, { key: "due", en: "Due", zh: "应走访日期" }],
    rows: [
      { name: "=HYPERLINK(\"http://evil.example\")", days: 12, at: "2026-11-25T16:30:00.000Z", due: "2026-12-01" },
      { name: "王芳", days: -3, at: null, due: "2026-12-02" }
    ]
  }

  it("writes Chinese headers, a frozen bold header row, widths, numbers as numbers and dates as text of the county's calendar", async () => {
    const wb = await load(await Effect.runPromise(writeXlsx([sheet, { ...sheet, name: "逾期未走访" }], { timeZone: "Asia/Shanghai" })))
    expect(wb.worksheets.map((w) => w.name)).toEqual(["逾期未走访", "逾期未走访~2"])
    const ws = wb.worksheets[0]!
    expect(ws.getRow(1).values).toEqual([undefined, "姓名", "逾期天数", "上次走访", "应走访日期"])
    expect(ws.getRow(1).font?.bold).toBe(true)
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 })
    expect(ws.getColumn(1).width).toBeGreaterThan(20)
    expect(ws.getCell("B2").value).toBe(12)
    expect(ws.getCell("B3").value).toBe(-3)
    // The instant is the next day at half past midnight in Shanghai, as text; a date stays text.
    expect(ws.getCell("C2").value).toBe("2026-11-26 00:30")
    expect(ws.getCell("D2").value).toBe("2026-12-01")
    // A formula-like text is a text cell, never a formula.
    expect(ws.getCell("A2").type).toBe(ExcelJS.ValueType.String)
    expect(ws.getCell("A2").value).toBe("=HYPERLINK(\"http://evil.example\")")
  })

  it("writes English headers on request and worksheet names Excel accepts", async () => {
    const wb = await load(await Effect.runPromise(writeXlsx([{ ...sheet, name: "a/b:c?d*[e]" + "x".repeat(40) }], { language: "en" })))
    expect(wb.worksheets[0]!.name).toMatch(/^a b c d  e x+$/)
    expect(wb.worksheets[0]!.name.length).toBeLessThanOrEqual(31)
    expect(wb.worksheets[0]!.getRow(1).values).toEqual([undefined, "Name", "Days overdue", "Last visit", "Due"])
  })
})

describe("reading a county's workbook for the import", () => {
  it("imports sheets found by Chinese name with Chinese headers, and again changes nothing", async () => {
    const bytes = await workbook({ 节点: nodes, 住户: households, 人员: people })
    const r = await run(Effect.gen(function*() {
      return [yield* importCountyWorkbook(systemActor(), bytes), yield* importCountyWorkbook(systemActor(), bytes)] as const
    }))
    if (r._tag === "Failure") throw new Error(JSON.stringify(r.failure))
    const [first, second] = r.success
    expect(first.households.created).toBe(2)
    expect(first.people.created).toBe(1)
    expect(second.households).toEqual({ created: 0, updated: 0, unchanged: 2 })
    expect(second.events).toBe(0)
  })

  it("answers the import's row errors naming the worksheet, its row (a title row above counted) and the column", async () => {
    const bad = [["东方社区住户台账"], householdsHeader, households[1]!, ["370812/001/001/G01/1/1", "103", "李四", "", "37081219621", "户主", "否"]]
    const e = await rejection(await workbook({ nodes: nodes.map((r, i) => i === 0 ? ["path", "name", "level"] : r), 住户: bad }))
    expect(e._tag).toBe("ImportRejected")
    const issues = (e as ImportRejected).issues
    expect(issues).toEqual([expect.objectContaining({ file: "住户", row: 4, column: "id_card" })])
    expect(issues[0]!.messageZh).toMatch(/身份证/)
  })

  it("reads formulas by their value, rich text as its text, merged cells as the merged value and Excel dates as dates", async () => {
    const bytes = await workbook({
      nodes,
      people: [["code", "name", "phone", "node_path"], ["P1", { richText: [{ text: "文" }, { text: "广林", font: { bold: true } }] }, { formula: "\"189\"&\"70431662\"", result: "18970431662" }, "370812/001/001"], ["P2", "徐光", null, null]],
      assignments: [["person_code", "node_path", "role", "start_date"], ["P1", "370812/001/001", "社区书记", new Date(Date.UTC(2025, 5, 4))], ["P2", "370812/001/001", "网格员", new Date(Date.UTC(2024, 11, 5))]]
    }, (wb) => {
      const ws = wb.getWorksheet("people")!
      ws.getCell("D3").value = null
      ws.mergeCells("D2:D3")
      wb.getWorksheet("assignments")!.getColumn(4).numFmt = "yyyy-mm-dd"
    })
    const read = await Effect.runPromise(readCountyWorkbook(bytes))
    expect(read.source.people).toBe("code,name,phone,node_path\r\nP1,文广林,18970431662,370812/001/001\r\nP2,徐光,,370812/001/001\r\n")
    expect(read.source.assignments).toContain("P1,370812/001/001,社区书记,2025-06-04")
    const r = await run(importCountyWorkbook(systemActor(), bytes))
    if (r._tag === "Failure") throw new Error(JSON.stringify(r.failure))
    expect(r.success.assignments.created).toBe(2)
  })

  it("refuses a formula without a value, an error value and an ID-card typed as a number, with the import's own problems", async () => {
    const e = await rejection(await workbook({
      nodes,
      households: [householdsHeader, ["370812/001/001/G01/1/1", "101", { formula: "A1" }, "", 370812196208275493, "户主", { error: "#N/A" }], ["370812/001/001/G01/9", "102", "杨伟", "", "", "", ""]]
    }))
    expect(e._tag).toBe("ImportRejected")
    const issues = (e as ImportRejected).issues.map((i) => [i.file, i.row, i.column])
    expect(issues).toEqual(expect.arrayContaining([["households", 2, "name"], ["households", 2, "id_card"], ["households", 2, "party_member"], ["households", 3, "unit_path"]]))
    expect((e as ImportRejected).issues.find((i) => i.column === "id_card")!.message).toMatch(/keeps only 15.*\(cell E2\)/)
  })

  it("refuses a zip bomb at the inflated-size limit, whatever its headers claim", async () => {
    const bomb = zip([["xl/worksheets/sheet1.xml", deflateRawSync(Buffer.alloc(8 * 1048576, 32)), 100]])
    const e = await rejection(bomb, { maxInflatedBytes: 1048576 })
    expect(e).toMatchObject({ _tag: "WorkbookRejected", limit: "inflated" })
    expect((e as WorkbookRejected).messageZh).toMatch(/解压后超过/)
  })

  it("refuses a workbook over the size, worksheet, row or cell limits, and a file that is not a workbook", async () => {
    const bytes = await workbook({ nodes, a: [["x"]], b: [["x"]] })
    expect(await rejection(bytes, { maxBytes: 1000 })).toMatchObject({ limit: "bytes" })
    expect(await rejection(bytes, { maxSheets: 2 })).toMatchObject({ limit: "sheets" })
    expect(await rejection(bytes, { maxRows: 5 })).toMatchObject({ limit: "rows", message: expect.stringContaining("nodes") })
    expect(await rejection(bytes, { maxCells: 10 })).toMatchObject({ limit: "cells" })
    expect(await rejection(new TextEncoder().encode("path,name\r\n370812,兖州区\r\n"))).toMatchObject({ limit: "format" })
    expect(await rejection(await workbook({ Sheet1: nodes }))).toMatchObject({ limit: "missing", messageZh: expect.stringContaining("节点") })
  })
})

/** A zip of deflated entries, each with the uncompressed size its headers claim. */
const zip = (entries: ReadonlyArray<readonly [string, Buffer, number]>): Uint8Array => {
  const locals: Array<Buffer> = []
  const centrals: Array<Buffer> = []
  let offset = 0
  for (const [name, data, claimed] of entries) {
    const n = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(claimed, 22)
    local.writeUInt16LE(n.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(claimed, 24)
    central.writeUInt16LE(n.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, n, data)
    centrals.push(central, n)
    offset += 30 + n.length + data.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return new Uint8Array(Buffer.concat([...locals, cd, end]))
}
