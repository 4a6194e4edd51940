/**
 * A county's `.xlsx` workbook read for the grid import: one worksheet per CSV file of the
 * import (`nodes`, `households`, `people`, `assignments`, found by English or Chinese
 * name), headers in English or Chinese as in the CSV files, handed to the same import so
 * the same plan runs and the same row errors come back, naming the worksheet, its row and
 * the column.
 *
 * @since 0.5.0
 */
import { type Actor, GridImport, headerAliases, type ImportError, type ImportFile, type ImportIssue, type ImportOptions, type ImportReport, ImportRejected, importColumns, importSheetNames, type ImportSource, normaliseHeader, writeCsv } from "@mulin/core"
import { Effect, Schema } from "effect"
import ExcelJS from "exceljs"
import { checkZip, tooManySheets } from "./zip.js"

/**
 * The limits a workbook is read within. A workbook over one is refused before anything is
 * imported, with {@link WorkbookRejected} naming the limit.
 *
 * @category models
 * @since 0.5.0
 */
export interface WorkbookLimits {
  /** The file's size. Default 20 MiB. */
  readonly maxBytes?: number | undefined
  /** What the zip container unpacks to, really inflated (not as its headers claim). Default 256 MiB. */
  readonly maxInflatedBytes?: number | undefined
  /** Files inside the container. Default 1,000. */
  readonly maxEntries?: number | undefined
  /** Worksheets. Default 16. */
  readonly maxSheets?: number | undefined
  /** Rows of one worksheet, header included. Default 1,000,000. */
  readonly maxRows?: number | undefined
  /** Cells (rows × columns) of the worksheets read. Default 10,000,000. */
  readonly maxCells?: number | undefined
}

const defaults = { maxBytes: 20 * 1048576, maxInflatedBytes: 256 * 1048576, maxEntries: 1000, maxSheets: 16, maxRows: 1_000_000, maxCells: 10_000_000 }

/**
 * The workbook cannot be read within the limits, or is not a workbook: nothing was imported.
 *
 * @category errors
 * @since 0.5.0
 */
export class WorkbookRejected extends Schema.TaggedError<WorkbookRejected>()("WorkbookRejected", {
  limit: Schema.Literals(["bytes", "entries", "inflated", "sheets", "rows", "cells", "format", "missing"]),
  message: Schema.String,
  messageZh: Schema.String
}) {}

/**
 * Where each import file was found in a workbook: the worksheet's name and the row of its
 * header (1 unless title rows stand above it).
 *
 * @category models
 * @since 0.5.0
 */
export interface WorkbookSheetOf {
  readonly name: string
  readonly headerRow: number
}

/**
 * A county's workbook read: the import source (each worksheet as the CSV text the import
 * reads), where each file was found, and the problems of cells no CSV file can have
 * (formulas without a value, error values, numbers too long for Excel), as import issues
 * naming the worksheet.
 *
 * @category models
 * @since 0.5.0
 */
export interface CountyWorkbook {
  readonly source: ImportSource
  readonly sheets: Partial<Record<ImportFile, WorkbookSheetOf>>
  readonly issues: ReadonlyArray<ImportIssue>
}

const keyOf: Record<ImportFile, keyof ImportSource> = { "nodes.csv": "nodes", "households.csv": "households", "people.csv": "people", "assignments.csv": "assignments" }
const files = Object.keys(keyOf) as ReadonlyArray<ImportFile>
const sheetKey = (name: string) => name.trim().toLowerCase().replace(/[\s_-]+/g, "")

type Value = ExcelJS.CellValue
type Problem = { readonly message: string; readonly messageZh: string }

const pad = (n: number) => String(n).padStart(2, "0")

/** A cell as text the import reads, or the problem that stops it being read. */
const textOf = (value: Value): string | Problem => {
  if (value === null || value === undefined) return ""
  if (typeof value === "string") return value
  if (typeof value === "boolean") return value ? "true" : "false"
  if (typeof value === "number") {
    if (Number.isInteger(value) && Math.abs(value) >= 1e15) {
      return { message: "a number of 16 or more digits, of which Excel keeps only 15 (an ID-card number?): format the column as text and type it again", messageZh: "超过 15 位的数字，Excel 只保留前 15 位（是身份证号吗？）：请将该列设为文本格式后重新录入" }
    }
    return String(value)
  }
  if (value instanceof Date) {
    // exceljs reads an Excel date (a day count without a time zone) as that day at UTC.
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
    const h = value.getUTCHours()
    const m = value.getUTCMinutes()
    return h === 0 && m === 0 ? day : `${day} ${pad(h)}:${pad(m)}`
  }
  if ("error" in value) return { message: `the cell holds the error value ${value.error}`, messageZh: `单元格为错误值 ${value.error}` }
  if ("richText" in value) return value.richText.map((t) => t.text).join("")
  if ("hyperlink" in value) return textOf(value.text as Value)
  if ("formula" in value || "sharedFormula" in value) {
    if (value.result === undefined) return { message: "a formula without a computed value: open and save the workbook in Excel or WPS, or type the value", messageZh: "公式没有计算结果：请在 Excel 或 WPS 中打开并保存，或直接录入数值" }
    return textOf(value.result as Value)
  }
  return ""
}

const columnLetter = (n: number): string => {
  let s = ""
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s
  return s
}

/** The English name of the column a header names in `file`, as the import reads it. */
const columnOf = (file: ImportFile, raw: string): string | undefined => {
  const h = normaliseHeader(raw)
  const alias = headerAliases[h] ?? headerAliases[raw.trim()]
  return importColumns[file].find((c) => c.name === h || c.nameZh === raw.trim() || c.name === alias)?.name
}

const HEADER_SEARCH = 10

/**
 * Reads a county's workbook within `limits`: finds the four worksheets by name, the header
 * row of each (the first of its first ten rows with a known header, so a title row above
 * is skipped) and turns each into the CSV text the import reads, row numbers kept.
 *
 * @category reading
 * @since 0.5.0
 */
export const readCountyWorkbook = (bytes: Uint8Array, limits?: WorkbookLimits): Effect.Effect<CountyWorkbook, WorkbookRejected> =>
  Effect.gen(function*() {
    const l = { ...defaults, ...Object.fromEntries(Object.entries(limits ?? {}).filter(([, v]) => v !== undefined)) }
    const problem = checkZip(bytes, l)
    if (problem !== undefined) return yield* Effect.fail(new WorkbookRejected(problem))
    const workbook = new ExcelJS.Workbook()
    yield* Effect.tryPromise({
      try: () => workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never),
      catch: () => new WorkbookRejected({ limit: "format", message: "the workbook cannot be read: save it in Excel or WPS as .xlsx", messageZh: "无法读取该工作簿：请在 Excel 或 WPS 中另存为 .xlsx" })
    })
    // The worksheets exceljs found, wherever the workbook keeps them.
    if (workbook.worksheets.length > l.maxSheets) {
      return yield* Effect.fail(new WorkbookRejected(tooManySheets(l.maxSheets)))
    }
    const source: Record<string, string> = {}
    const sheets: Partial<Record<ImportFile, WorkbookSheetOf>> = {}
    const issues: Array<ImportIssue> = []
    let cells = 0
    for (const file of files) {
      const names = new Set(importSheetNames[file].map(sheetKey))
      const ws = workbook.worksheets.find((w) => names.has(sheetKey(w.name)))
      if (ws === undefined) continue
      const rowCount = ws.rowCount
      const columnCount = ws.columnCount
      if (rowCount > l.maxRows) return yield* Effect.fail(new WorkbookRejected({ limit: "rows", message: `the worksheet ${ws.name} has ${rowCount} rows, more than the ${l.maxRows} accepted`, messageZh: `工作表「${ws.name}」有 ${rowCount} 行，超过上限 ${l.maxRows} 行` }))
      cells += rowCount * columnCount
      if (cells > l.maxCells) return yield* Effect.fail(new WorkbookRejected({ limit: "cells", message: `the workbook has more than ${l.maxCells} cells to read`, messageZh: `工作簿需读取的单元格超过 ${l.maxCells} 个` }))
      const rows: Array<Array<string>> = []
      const found: Array<{ row: number; column: number; problem: Problem }> = []
      for (let r = 1; r <= rowCount; r++) {
        const row = ws.getRow(r)
        const cellsOf: Array<string> = new Array(columnCount)
        for (let c = 1; c <= columnCount; c++) {
          const text = textOf(row.getCell(c).value)
          if (typeof text === "string") cellsOf[c - 1] = text
          else {
            cellsOf[c - 1] = ""
            found.push({ row: r, column: c, problem: text })
          }
        }
        // Trailing empty cells are dropped, so a row of nothing reads as a blank line.
        let n = cellsOf.length
        while (n > 0 && cellsOf[n - 1]!.trim() === "") n--
        rows.push(n === 0 ? [""] : cellsOf.slice(0, n))
      }
      let header = 0
      for (let r = 0; r < Math.min(HEADER_SEARCH, rows.length); r++) {
        if (rows[r]!.some((h) => columnOf(file, h) !== undefined)) {
          header = r
          break
        }
      }
      // A problem in a title row above the header is not the import's business.
      for (const f of found) {
        if (f.row <= header) continue
        const name = columnOf(file, rows[header]![f.column - 1] ?? "")
        issues.push({ file: ws.name, row: f.row, column: name ?? columnLetter(f.column), message: `${f.problem.message} (cell ${columnLetter(f.column)}${f.row})`, messageZh: `${f.problem.messageZh}（单元格 ${columnLetter(f.column)}${f.row}）` })
      }
      sheets[file] = { name: ws.name, headerRow: header + 1 }
      source[keyOf[file]] = writeCsv(rows.slice(header))
    }
    if (Object.keys(sheets).length === 0) {
      const expected = files.map((f) => importSheetNames[f].slice(0, 2).join(" / ")).join(", ")
      return yield* Effect.fail(new WorkbookRejected({ limit: "missing", message: `no worksheet of the import: name them ${expected}`, messageZh: `没有可导入的工作表：请命名为 ${expected}` }))
    }
    return { source, sheets, issues }
  })

/**
 * An import issue of a CSV file as one of the workbook: the worksheet's name instead of
 * the file's, the worksheet's row (title rows above the header counted).
 *
 * @category reading
 * @since 0.5.0
 */
export const workbookIssue = (workbook: CountyWorkbook, issue: ImportIssue): ImportIssue => {
  const at = workbook.sheets[issue.file as ImportFile]
  return at === undefined ? issue : { ...issue, file: at.name, row: issue.row + at.headerRow - 1 }
}

const relabel = (workbook: CountyWorkbook, error: ImportRejected, before: ReadonlyArray<ImportIssue>): ImportRejected => {
  const issues = [...before, ...error.issues.map((i) => workbookIssue(workbook, i))]
  const total = before.length + error.total
  const first = issues[0]
  const where = first === undefined ? "" : ` (first: ${first.file} row ${first.row}${first.column === "" ? "" : `, ${first.column}`}: ${first.message})`
  const whereZh = first === undefined ? "" : `（首个：工作表「${first.file}」第 ${first.row} 行${first.column === "" ? "" : `「${first.column}」列`}：${first.messageZh}）`
  return new ImportRejected({ issues, total, message: `the import was rejected with ${total} problem(s) and nothing was written${where}`, messageZh: `导入被拒绝，共 ${total} 处问题，未写入任何数据${whereZh}` })
}

/**
 * Imports a county's workbook through `GridImport`: the same plan as for CSV files,
 * written completely or not at all; an `ImportRejected` names the worksheet and its
 * row. Cells no CSV file can hold (a formula without a value, an error value, a number
 * longer than Excel keeps) are problems of their own, reported with the import's.
 *
 * @category reading
 * @since 0.5.0
 */
export const importCountyWorkbook = (actor: Actor, bytes: Uint8Array, options?: ImportOptions & { readonly limits?: WorkbookLimits | undefined }): Effect.Effect<ImportReport, ImportError | WorkbookRejected, GridImport> =>
  Effect.gen(function*() {
    const workbook = yield* readCountyWorkbook(bytes, options?.limits)
    const importer = yield* GridImport
    const { limits: _limits, ...importOptions } = options ?? {}
    if (workbook.issues.length > 0) {
      // Run the import dry to report its problems together with the cells'.
      const dry = yield* Effect.result(importer.importCounty(actor, workbook.source, { ...importOptions, dryRun: true }))
      const found = dry._tag === "Failure" && dry.failure._tag === "ImportRejected" ? dry.failure : new ImportRejected({ issues: [], total: 0, message: "", messageZh: "" })
      if (dry._tag === "Failure" && dry.failure._tag !== "ImportRejected") return yield* Effect.fail(dry.failure)
      return yield* Effect.fail(relabel(workbook, found, workbook.issues))
    }
    return yield* importer.importCounty(actor, workbook.source, importOptions).pipe(
      Effect.mapError((e) => (e._tag === "ImportRejected" ? relabel(workbook, e, []) : e))
    )
  })
