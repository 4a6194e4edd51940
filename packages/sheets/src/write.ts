/**
 * Sheets written as one `.xlsx` workbook: a worksheet per sheet, the header row in Chinese
 * (or English), bold and frozen, columns as wide as their content, numbers as numbers, and
 * dates as text of the county's calendar (so no spreadsheet shifts or reformats them).
 *
 * @since 0.5.0
 */
import { PassThrough } from "node:stream"
import { DEFAULT_TIME_ZONE, type Sheet, type SheetCell, type WorkbookOptions } from "@mulin/core"
import { Effect } from "effect"
import ExcelJS from "exceljs"

/**
 * The media type of an `.xlsx` file.
 *
 * @category constants
 * @since 0.5.0
 */
export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z$/
// Worksheet names: at most 31 characters, none of \ / ? * [ ] :, unique in the workbook.
const BAD_NAME = /[\\/?*[\]:]/g
const WIDTH_SAMPLE = 1000
const MAX_WIDTH = 60

const localFormat = new Map<string, Intl.DateTimeFormat>()
const formatIn = (zone: string): Intl.DateTimeFormat => {
  let f = localFormat.get(zone)
  if (f === undefined) {
    f = new Intl.DateTimeFormat("sv-SE", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
    localFormat.set(zone, f)
  }
  return f
}

/**
 * A cell's value as a workbook holds it: an instant (`2026-11-25T16:30:00.000Z`) becomes the
 * county's local date and time as text (`2026-11-26 00:30`), a calendar date stays text,
 * a number stays a number (a non-finite one is empty), a yes/no becomes 是/否 (yes/no).
 *
 * @category formatting
 * @since 0.5.0
 */
export const workbookCell = (cell: SheetCell | undefined, zone: string, language: "zh" | "en" = "zh"): string | number | null => {
  if (cell === null || cell === undefined) return null
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null
  if (typeof cell === "boolean") return language === "zh" ? (cell ? "是" : "否") : (cell ? "yes" : "no")
  return INSTANT.test(cell) ? formatIn(zone).format(new Date(cell)) : cell
}

// A column's width in characters: a CJK character counts two.
const widthOf = (text: string): number => {
  let w = 0
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e80 ? 2 : 1
  return w
}

const worksheetNames = (sheets: ReadonlyArray<Sheet>): ReadonlyArray<string> => {
  const used = new Set<string>()
  return sheets.map((s, i) => {
    const base = (s.name.replace(BAD_NAME, " ").trim() || `Sheet${i + 1}`).slice(0, 31)
    let name = base
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`
    used.add(name.toLowerCase())
    return name
  })
}

/**
 * Writes sheets as one `.xlsx` workbook, row by row (exceljs' streaming writer), and
 * answers its bytes.
 *
 * @category formatting
 * @since 0.5.0
 */
export const writeXlsx = (sheets: ReadonlyArray<Sheet>, options?: WorkbookOptions): Effect.Effect<Uint8Array> =>
  Effect.promise(async () => {
    const language = options?.language ?? "zh"
    const zone = options?.timeZone ?? DEFAULT_TIME_ZONE
    const stream = new PassThrough()
    const parts: Array<Buffer> = []
    stream.on("data", (chunk: Buffer) => parts.push(chunk))
    const ended = new Promise<void>((resolve, reject) => {
      stream.on("end", resolve)
      stream.on("error", reject)
    })
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false })
    const names = worksheetNames(sheets)
    for (let s = 0; s < sheets.length; s++) {
      const sheet = sheets[s]!
      const keys = sheet.columns.map((c) => c.key)
      const headers = sheet.columns.map((c) => (language === "zh" ? c.zh : c.en))
      const widths = headers.map(widthOf)
      const sample = Math.min(sheet.rows.length, WIDTH_SAMPLE)
      for (let r = 0; r < sample; r++) {
        const row = sheet.rows[r]!
        for (let j = 0; j < keys.length; j++) {
          const v = workbookCell(row[keys[j]!], zone, language)
          if (v !== null) widths[j] = Math.max(widths[j]!, widthOf(String(v)))
        }
      }
      const ws = workbook.addWorksheet(names[s]!, { views: [{ state: "frozen", xSplit: 0, ySplit: 1 }] })
      ws.columns = headers.map((header, j) => ({ header, key: keys[j]!, width: Math.min(MAX_WIDTH, widths[j]! + 2) }))
      ws.getRow(1).font = { bold: true }
      ws.getRow(1).commit()
      const values: Array<string | number | null> = new Array(keys.length)
      for (const row of sheet.rows) {
        for (let j = 0; j < keys.length; j++) values[j] = workbookCell(row[keys[j]!], zone, language)
        ws.addRow(values).commit()
      }
      ws.commit()
    }
    await workbook.commit()
    await ended
    return new Uint8Array(Buffer.concat(parts))
  })
