/**
 * A report as a table: the shape every export (CSV, `.xlsx`) is written from, with headers
 * in English and Chinese. Contexts build sheets; adapters write them.
 *
 * @since 0.5.0
 */
import { Context, type Effect } from "effect"
import type { Actor } from "./actor.js"
import type { DomainError, StorageError } from "./errors.js"
import type { HeadlineQuery } from "./headline.js"

/**
 * One column of a sheet: the key of its cells in each row and its header in both languages.
 *
 * @category models
 * @since 0.5.0
 */
export interface SheetColumn {
  readonly key: string
  readonly en: string
  readonly zh: string
}

/**
 * A cell's value: text, a number, a yes/no, or empty.
 *
 * @category models
 * @since 0.5.0
 */
export type SheetCell = string | number | boolean | null

/**
 * A named table of rows: one CSV file, or one worksheet of a workbook.
 *
 * @category models
 * @since 0.5.0
 */
export interface Sheet {
  /** The file's or worksheet's name, e.g. `工作台账`. */
  readonly name: string
  readonly columns: ReadonlyArray<SheetColumn>
  readonly rows: ReadonlyArray<Readonly<Record<string, SheetCell>>>
}

/**
 * The language of a sheet's headers and yes/no cells.
 *
 * @category models
 * @since 0.5.0
 */
export type SheetLanguage = "zh" | "en"

/**
 * Options of {@link sheetCsv} and {@link sheetCsvChunks}.
 *
 * @category models
 * @since 0.5.0
 */
export interface SheetCsvOptions {
  /** The headers' language. Default `"zh"`. */
  readonly language?: SheetLanguage | undefined
  /** Start with a UTF-8 byte-order mark, so Excel reads Chinese text as UTF-8. Default `true`. */
  readonly bom?: boolean | undefined
  /** Rows per chunk of {@link sheetCsvChunks}. Default 1,000. */
  readonly rowsPerChunk?: number | undefined
}

const CSV_QUOTE = /[",\r\n]|^\uFEFF/

/**
 * A text cell as a spreadsheet shows it without evaluating it: a text that begins with `=`,
 * `+`, `-`, `@`, a tab or a carriage return (what Excel, WPS and LibreOffice would read as a
 * formula, e.g. `=HYPERLINK(…)` typed by a resident) gets a leading `'`, the OWASP advice
 * for CSV injection. Numbers are never text, so `-3` as a number stays a number.
 *
 * @category formatting
 * @since 0.5.0
 */
export const neutraliseFormula = (text: string): string => {
  const first = text.charCodeAt(0) // =, +, -, @, tab, CR: what a spreadsheet reads as a formula
  return first === 61 || first === 43 || first === 45 || first === 64 || first === 9 || first === 13 ? `'${text}` : text
}

/**
 * One cell as a CSV field: text made safe by {@link neutraliseFormula} and quoted per
 * RFC 4180 when it holds a comma, a quote or a line break; a number as JavaScript writes it
 * (empty when not finite); a yes/no as `是`/`否` (`yes`/`no` in English); `null` as empty.
 *
 * @category formatting
 * @since 0.5.0
 */
export const sheetCsvField = (cell: SheetCell, language: SheetLanguage = "zh"): string => {
  if (typeof cell === "string") {
    const text = neutraliseFormula(cell)
    return CSV_QUOTE.test(text) ? `"${text.replace(/"/g, "\"\"")}"` : text
  }
  if (cell === null) return ""
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : ""
  if (typeof cell === "boolean") return language === "zh" ? (cell ? "是" : "否") : (cell ? "yes" : "no")
  return ""
}

/**
 * A sheet as CSV text in chunks (the byte-order mark and the header first, then
 * `rowsPerChunk` rows a chunk, CRLF after every record), for a response or a file written
 * as it goes: no chunk holds more than a thousand rows, whatever the sheet's size.
 *
 * @category formatting
 * @since 0.5.0
 */
export function* sheetCsvChunks(sheet: Sheet, options?: SheetCsvOptions): Generator<string, void, undefined> {
  const language = options?.language ?? "zh"
  const per = Math.max(1, Math.floor(options?.rowsPerChunk ?? 1000))
  const keys = sheet.columns.map((c) => c.key)
  const header = sheet.columns.map((c) => sheetCsvField(language === "zh" ? c.zh : c.en, language)).join(",")
  yield `${options?.bom === false ? "" : "\uFEFF"}${header}\r\n`
  const lines: Array<string> = []
  const fields: Array<string> = new Array(keys.length)
  for (const row of sheet.rows) {
    for (let j = 0; j < keys.length; j++) fields[j] = sheetCsvField(row[keys[j]!] ?? null, language)
    lines.push(fields.join(","))
    if (lines.length === per) {
      yield `${lines.join("\r\n")}\r\n`
      lines.length = 0
    }
  }
  if (lines.length > 0) yield `${lines.join("\r\n")}\r\n`
}

/**
 * A sheet as one CSV text (see {@link sheetCsvChunks}).
 *
 * @example
 * ```ts
 * sheetCsv({ name: "名单", columns: [{ key: "name", en: "Name", zh: "姓名" }], rows: [{ name: "=1+1" }] })
 * // "\uFEFF姓名\r\n'=1+1\r\n"
 * ```
 *
 * @category formatting
 * @since 0.5.0
 */
export const sheetCsv = (sheet: Sheet, options?: SheetCsvOptions): string => [...sheetCsvChunks(sheet, options)].join("")

/**
 * A sheet as a stream of UTF-8 bytes of CSV (Web streams), read chunk by chunk as the
 * receiver pulls, so a large sheet is never one string in memory.
 *
 * @category formatting
 * @since 0.5.0
 */
export const sheetCsvStream = (sheet: Sheet, options?: SheetCsvOptions): ReadableStream<Uint8Array> => {
  const chunks = sheetCsvChunks(sheet, options)
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next()
      if (next.done === true) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    }
  })
}

/**
 * What an export is asked for: the headline query (a subtree and a period of the county's
 * calendar, the caller's scope already checked at the root) and the caller, whose own
 * rights the export's views apply (so a sheet masks what the same view's JSON masks).
 *
 * @category models
 * @since 0.5.0
 */
export interface SheetExportQuery extends HeadlineQuery {
  readonly actor: Actor
}

/**
 * A named export a context contributes: a stable `name` (lower case, digits and `-`, the
 * last segment of its URL), its title in English and Chinese (the file's name), and the
 * sheets it produces for a query. Adapters write the sheets as CSV or `.xlsx` without
 * knowing the context.
 *
 * @category models
 * @since 0.5.0
 */
export interface SheetExport {
  readonly name: string
  readonly en: string
  readonly zh: string
  readonly sheets: (query: SheetExportQuery) => Effect.Effect<ReadonlyArray<Sheet>, DomainError | StorageError>
}

/**
 * Options of a workbook writer.
 *
 * @category models
 * @since 0.5.0
 */
export interface WorkbookOptions {
  /** The headers' language. Default `"zh"`. */
  readonly language?: SheetLanguage | undefined
  /** The county's IANA time zone: instants in cells are written as its local date and time. Default `Asia/Shanghai`. */
  readonly timeZone?: string | undefined
}

/**
 * A writer of sheets as one workbook file (one worksheet per sheet). Optional: the core
 * writes CSV itself; a workbook format (`.xlsx`, from `@mulin/sheets`) comes from an
 * adapter, and a server without one serves CSV only.
 *
 * @category services
 * @since 0.5.0
 */
export class SheetWorkbook extends Context.Service<SheetWorkbook, {
  /** The file's media type, e.g. `application/vnd.openxmlformats-officedocument.spreadsheetml.sheet`. */
  readonly contentType: string
  /** The file name's extension without the dot, e.g. `xlsx`. */
  readonly extension: string
  readonly write: (sheets: ReadonlyArray<Sheet>, options?: WorkbookOptions) => Effect.Effect<Uint8Array>
}>()("@mulin/core/kernel/SheetWorkbook") {}
