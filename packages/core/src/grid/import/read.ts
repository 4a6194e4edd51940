/**
 * Reading the files: CSV text into records keyed by the columns' English names, with the
 * header checked against the format (every problem reported, nothing thrown).
 *
 * @internal
 */
import { Result } from "effect"
import { parseCsv } from "../csv.js"
import { headerAliases, type ImportFile, importColumns, normaliseHeader } from "./format.js"
import type { Issues } from "./issues.js"

/** One file's rows as records keyed by the columns' English names. */
export interface Table {
  readonly file: ImportFile
  readonly rows: ReadonlyArray<Readonly<Record<string, unknown>>>
}

/** Parses CSV text into records keyed by the columns' English names, reporting bad headers. */
export const readCsv = (file: ImportFile, text: string, issues: Issues): Table | undefined => {
  const parsed = parseCsv(text)
  if (Result.isFailure(parsed)) {
    const e = parsed.failure
    issues.add(file, e.record, "", `${e.message} (line ${e.line})`, `${e.messageZh}（第 ${e.line} 行）`)
    return undefined
  }
  const records = parsed.success
  const header = records[0]
  if (header === undefined) return { file, rows: [] }
  const columns = importColumns[file]
  const byName = new Map<string, string>()
  for (const c of columns) {
    byName.set(c.name, c.name)
    byName.set(c.nameZh, c.name)
  }
  const keys: Array<string | undefined> = []
  const seen = new Set<string>()
  let ok = true
  for (const raw of header) {
    const h = normaliseHeader(raw)
    if (h === "") {
      keys.push(undefined)
      continue
    }
    const alias = headerAliases[h] ?? headerAliases[raw.trim()]
    const key = byName.get(h) ?? byName.get(raw.trim()) ?? (alias !== undefined && byName.has(alias) ? alias : undefined)
    if (key === undefined) {
      ok = false
      const expected = columns.map((c) => c.name).join(", ")
      issues.add(file, 1, raw, `unknown column "${raw}": expected ${expected}`, `未知的列「${raw}」：应为 ${columns.map((c) => `${c.name}（${c.nameZh}）`).join("、")}`)
      keys.push(undefined)
      continue
    }
    if (seen.has(key)) {
      ok = false
      issues.add(file, 1, key, `column ${key} appears twice`, `列「${key}」重复出现`)
    }
    seen.add(key)
    keys.push(key)
  }
  for (const c of columns) {
    if (c.required && !seen.has(c.name)) {
      ok = false
      issues.add(file, 1, c.name, `the required column ${c.name} is missing`, `缺少必填列「${c.name}」（${c.nameZh}）`)
    }
  }
  if (!ok) return undefined
  const rows: Array<Record<string, unknown>> = new Array(records.length - 1)
  for (let r = 1; r < records.length; r++) {
    const cells = records[r]!
    const row: Record<string, unknown> = {}
    for (let j = 0; j < keys.length; j++) {
      const key = keys[j]
      if (key !== undefined) row[key] = cells[j] ?? ""
    }
    for (let j = keys.length; j < cells.length; j++) {
      if (cells[j]!.trim() !== "") {
        issues.add(file, r + 1, "", `the row has ${cells.length} cells but the header only ${keys.length}`, `该行有 ${cells.length} 个单元格，而表头只有 ${keys.length} 列`)
        break
      }
    }
    rows[r - 1] = row
  }
  return { file, rows }
}

/** A file given as CSV text, as records, or not at all (no rows). */
export const tableOf = (file: ImportFile, input: string | ReadonlyArray<object> | undefined, issues: Issues): Table | undefined =>
  input === undefined ? { file, rows: [] } : typeof input === "string" ? readCsv(file, input, issues) : { file, rows: input as ReadonlyArray<Record<string, unknown>> }
