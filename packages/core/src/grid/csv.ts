/**
 * CSV as counties keep it: an RFC 4180 reader and writer.
 *
 * The reader accepts what spreadsheet programs (Excel, WPS, LibreOffice) write: fields in
 * double quotes with `""` for a quote inside them, line breaks inside quoted fields, CRLF,
 * LF or lone CR line endings, a leading UTF-8 byte-order mark, and blank lines at the end
 * of the file (which are dropped). A bare `"` inside an unquoted field is kept as it is, as
 * most spreadsheet programs do. The writer quotes only the fields that need it, so that
 * `parseCsv(writeCsv(rows))` gives `rows` back for any cells.
 *
 * Both are pure functions over strings: decoding bytes (UTF-8, or GBK from an old Excel)
 * into a string is the caller's job (`new TextDecoder("gbk")`).
 *
 * @since 0.1.0
 */
import { Result } from "effect"

/**
 * Where and why a text is not valid CSV.
 *
 * @category models
 * @since 0.1.0
 */
export interface CsvSyntaxError {
  readonly _tag: "CsvSyntaxError"
  /** 1-based physical line of the text where the problem is. */
  readonly line: number
  /** 1-based record (spreadsheet row) where the problem is; the header is record 1. */
  readonly record: number
  readonly message: string
  readonly messageZh: string
}

/**
 * Options of {@link writeCsv}.
 *
 * @category models
 * @since 0.1.0
 */
export interface CsvWriteOptions {
  /** Start with a UTF-8 byte-order mark so that Excel reads Chinese text correctly. Default `false`. */
  readonly bom?: boolean | undefined
  /** The record separator. Default `"\r\n"` (RFC 4180). */
  readonly newline?: "\r\n" | "\n" | undefined
}

const QUOTE = 34
const COMMA = 44
const CR = 13
const LF = 10

const lineAt = (text: string, position: number): number => {
  let line = 1
  for (let i = 0; i < position && i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === LF) line++
    else if (c === CR && text.charCodeAt(i + 1) !== LF) line++
  }
  return line
}

const syntaxError = (text: string, position: number, record: number, message: string, messageZh: string): CsvSyntaxError => ({
  _tag: "CsvSyntaxError",
  line: lineAt(text, position),
  record,
  message,
  messageZh
})

/**
 * Reads CSV text into records of fields. A blank line in the middle of the text is a record
 * with one empty field (so record numbers match the spreadsheet's row numbers); blank lines
 * at the end are dropped. Fails on a quoted field that is never closed and on text after a
 * closing quote.
 *
 * @example
 * ```ts
 * parseCsv('\uFEFFname,note\r\n"王, 芳","说 ""好"""\r\n\r\n')
 * // Result.succeed([["name", "note"], ["王, 芳", "说 \"好\""]])
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const parseCsv = (text: string): Result.Result<Array<Array<string>>, CsvSyntaxError> => {
  const n = text.length
  let i = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0
  const rows: Array<Array<string>> = []
  // How many of the last rows came from blank lines (dropped when they end the text).
  let trailingBlank = 0
  let row: Array<string> = []
  while (i < n) {
    let c = text.charCodeAt(i)
    if (row.length === 0 && (c === LF || c === CR)) {
      // A blank line.
      rows.push([""])
      trailingBlank++
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1
      continue
    }
    let value: string
    if (c === QUOTE) {
      const start = i
      i++
      value = ""
      for (;;) {
        const j = text.indexOf("\"", i)
        if (j < 0) {
          return Result.fail(syntaxError(text, start, rows.length + 1,
            "a quoted field is not closed: a \" is missing",
            "带引号的字段没有结束：缺少一个 \""))
        }
        if (text.charCodeAt(j + 1) === QUOTE) {
          value += text.slice(i, j + 1)
          i = j + 2
          continue
        }
        value += text.slice(i, j)
        i = j + 1
        break
      }
      c = i < n ? text.charCodeAt(i) : -1
      if (c !== COMMA && c !== CR && c !== LF && c !== -1) {
        return Result.fail(syntaxError(text, i, rows.length + 1,
          "unexpected text after a closing quote: a field in quotes must end at the quote",
          "右引号后出现多余文字：带引号的字段必须在引号处结束"))
      }
    } else {
      const start = i
      while (i < n) {
        c = text.charCodeAt(i)
        if (c === COMMA || c === CR || c === LF) break
        i++
      }
      value = text.slice(start, i)
      c = i < n ? c : -1
    }
    row.push(value)
    if (c === COMMA) {
      i++
      // A comma at the very end of the text ends the record with an empty field.
      if (i === n) {
        row.push("")
        rows.push(row)
        trailingBlank = 0
        row = []
      }
      continue
    }
    // End of record: CR, LF, CRLF or end of text.
    rows.push(row)
    trailingBlank = 0
    row = []
    if (c === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1
    else if (c === LF) i++
  }
  if (trailingBlank > 0) rows.length -= trailingBlank
  return Result.succeed(rows)
}

const NEEDS_QUOTES = /[",\r\n]|^\uFEFF/

/**
 * One field as CSV: quoted (with `"` doubled) when it holds a comma, a quote or a line
 * break, or starts with a byte-order mark; as it is otherwise.
 *
 * @category formatting
 * @since 0.1.0
 */
export const csvField = (value: string): string =>
  NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, "\"\"")}"` : value

/**
 * Writes records as CSV text, every record (the last one included) ended by `newline`.
 * A record with a single empty field is written as `""`, so it does not read back as a
 * blank line.
 *
 * @category formatting
 * @since 0.1.0
 */
export const writeCsv = (rows: Iterable<ReadonlyArray<string>>, options?: CsvWriteOptions): string => {
  const newline = options?.newline ?? "\r\n"
  const parts: Array<string> = []
  if (options?.bom === true) parts.push("\uFEFF")
  for (const row of rows) {
    if (row.length === 1 && row[0] === "") {
      parts.push("\"\"", newline)
      continue
    }
    let line = ""
    for (let j = 0; j < row.length; j++) {
      if (j > 0) line += ","
      line += csvField(row[j]!)
    }
    parts.push(line, newline)
  }
  return parts.join("")
}
