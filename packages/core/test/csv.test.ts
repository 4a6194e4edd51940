import fc from "fast-check"
import { Result } from "effect"
import { describe, expect, it } from "vitest"
import { csvField, parseCsv, writeCsv } from "@mulin/core"

const ok = (text: string) => {
  const r = parseCsv(text)
  if (Result.isFailure(r)) throw new Error(`unexpected failure: ${r.failure.message}`)
  return r.success
}

describe("parseCsv", () => {
  it("reads plain records with CRLF, LF and lone CR endings", () => {
    expect(ok("a,b\r\nc,d\r\n")).toEqual([["a", "b"], ["c", "d"]])
    expect(ok("a,b\nc,d")).toEqual([["a", "b"], ["c", "d"]])
    expect(ok("a,b\rc,d\r")).toEqual([["a", "b"], ["c", "d"]])
  })

  it("reads quoted fields with commas, escaped quotes and line breaks", () => {
    expect(ok("\"王, 芳\",\"说 \"\"好\"\"\",\"一\r\n二\"\n")).toEqual([["王, 芳", "说 \"好\"", "一\r\n二"]])
    expect(ok("\"\",\"\"\"\"")).toEqual([["", "\""]])
  })

  it("strips a leading byte-order mark", () => {
    expect(ok("\uFEFFpath,name\r\n370812,兖州区\r\n")).toEqual([["path", "name"], ["370812", "兖州区"]])
  })

  it("drops blank lines at the end but keeps those in the middle as rows", () => {
    expect(ok("a\r\n\r\n\r\n")).toEqual([["a"]])
    expect(ok("a\n\n\n")).toEqual([["a"]])
    expect(ok("a\n\nb\n")).toEqual([["a"], [""], ["b"]])
    expect(ok("")).toEqual([])
    expect(ok("\uFEFF")).toEqual([])
    expect(ok("\r\n")).toEqual([])
  })

  it("keeps empty fields, including a trailing one", () => {
    expect(ok(",a,\n,,")).toEqual([["", "a", ""], ["", "", ""]])
    expect(ok("a,")).toEqual([["a", ""]])
  })

  it("keeps a bare quote inside an unquoted field", () => {
    expect(ok("5\"6,x")).toEqual([["5\"6", "x"]])
  })

  it("fails on an unclosed quote, naming the line and record", () => {
    const r = parseCsv("a,b\r\nc,\"d\r\ne,f\r\n")
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) {
      expect(r.failure).toMatchObject({ _tag: "CsvSyntaxError", line: 2, record: 2 })
      expect(r.failure.messageZh).toContain("引号")
    }
  })

  it("fails on text after a closing quote", () => {
    const r = parseCsv("a\n\"b\"c,d\n")
    expect(Result.isFailure(r)).toBe(true)
    if (Result.isFailure(r)) expect(r.failure).toMatchObject({ line: 2, record: 2 })
  })
})

describe("writeCsv", () => {
  it("quotes only what needs quoting", () => {
    expect(csvField("abc")).toBe("abc")
    expect(csvField("a,b")).toBe("\"a,b\"")
    expect(csvField("say \"hi\"")).toBe("\"say \"\"hi\"\"\"")
    expect(csvField("a\nb")).toBe("\"a\nb\"")
    expect(writeCsv([["a", "b"], [""], ["c"]])).toBe("a,b\r\n\"\"\r\nc\r\n")
    expect(writeCsv([["名称"]], { bom: true, newline: "\n" })).toBe("\uFEFF名称\n")
  })

  const specials = fc.constantFrom(",", "\"", "\r", "\n", "\r\n", " ", "\uFEFF", "王", "兖州区", "网格", "😀", "a", "1")
  const cell = fc.oneof(
    fc.string({ unit: specials, maxLength: 8 }),
    fc.string({ maxLength: 8 }),
    fc.string({ unit: "binary", maxLength: 6 })
  )
  const rows = fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { maxLength: 8 })

  it("round-trips any cells: parseCsv(writeCsv(rows)) equals rows", () => {
    fc.assert(
      fc.property(rows, fc.boolean(), fc.constantFrom("\r\n" as const, "\n" as const), (input, bom, newline) => {
        expect(ok(writeCsv(input, { bom, newline }))).toEqual(input)
      }),
      { numRuns: 500 }
    )
  })

  it("round-trips regardless of a missing final newline", () => {
    fc.assert(
      fc.property(rows, (input) => {
        const text = writeCsv(input)
        const trimmed = text.endsWith("\r\n") ? text.slice(0, -2) : text
        expect(ok(trimmed)).toEqual(input)
      }),
      { numRuns: 300 }
    )
  })
})
