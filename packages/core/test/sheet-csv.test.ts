import { Result } from "effect"
import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { parseCsv, type Sheet, type SheetCell, sheetCsv, sheetCsvChunks, sheetCsvStream } from "@mulin/core"

const sheet = (rows: Sheet["rows"]): Sheet => ({
  name: "名单",
  columns: [{ key: "name", en: "Name", zh: "姓名" }, { key: "count", en: "Count", zh: "数量" }],
  rows
})

const body = (csv: string) => {
  const parsed = parseCsv(csv)
  if (Result.isFailure(parsed)) throw new Error(parsed.failure.message)
  return parsed.success
}

describe("a sheet as CSV", () => {
  it("does not let a spreadsheet evaluate a cell that begins like a formula", () => {
    const hostile = ["=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tcmd", "\r=1", "=1,2"]
    const csv = sheetCsv(sheet(hostile.map((name) => ({ name, count: -3 }))))
    const rows = body(csv).slice(1)
    expect(rows.map((r) => r[0])).toEqual(hostile.map((h) => `'${h}`))
    // Every cell text starts with a harmless character; numbers stay numbers.
    for (const r of rows) {
      expect(r[0]![0]).toBe("'")
      expect(r[1]).toBe("-3")
    }
  })

  it("starts with a byte-order mark and Chinese headers, CRLF after every record", () => {
    const csv = sheetCsv(sheet([{ name: "王芳", count: 2 }, { name: "李, \"四\"", count: null }]))
    expect(csv).toBe("\uFEFF姓名,数量\r\n王芳,2\r\n\"李, \"\"四\"\"\",\r\n")
    expect(sheetCsv(sheet([]), { language: "en", bom: false })).toBe("Name,Count\r\n")
  })

  it("writes yes/no in the headers' language and a missing cell as empty", () => {
    const s: Sheet = { name: "x", columns: [{ key: "a", en: "A", zh: "甲" }, { key: "b", en: "B", zh: "乙" }], rows: [{ a: true }, { a: false, b: Number.NaN }] }
    expect(body(sheetCsv(s)).slice(1)).toEqual([["是", ""], ["否", ""]])
    expect(body(sheetCsv(s, { language: "en" })).slice(1)).toEqual([["yes", ""], ["no", ""]])
  })

  it("reads back as the cells written, for any text that is not formula-like (property)", () => {
    const cell = fc.oneof(fc.string({ unit: "grapheme" }).filter((t) => !/^[=+\-@\t\r]/.test(t)), fc.integer().map((n) => n as SheetCell))
    fc.assert(fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }), (pairs) => {
      const rows = pairs.map(([name, count]) => ({ name, count }))
      const read = body(sheetCsv(sheet(rows))).slice(1)
      // A row of one empty cell is not possible here: two columns always give a comma.
      expect(read).toEqual(pairs.map(([a, b]) => [String(a), String(b)]))
    }))
  })

  it("comes in chunks of at most rowsPerChunk rows, and as a byte stream with the same text", async () => {
    const rows = Array.from({ length: 2500 }, (_, i) => ({ name: `户${i}`, count: i }))
    const chunks = [...sheetCsvChunks(sheet(rows), { rowsPerChunk: 1000 })]
    expect(chunks.map((c) => c.split("\r\n").length - 1)).toEqual([1, 1000, 1000, 500])
    const text = await new Response(sheetCsvStream(sheet(rows))).text()
    expect(text.replace(/^\uFEFF/, "")).toBe(sheetCsv(sheet(rows)).replace(/^\uFEFF/, ""))
    expect(new Uint8Array(await new Response(sheetCsvStream(sheet([]))).arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })
})
