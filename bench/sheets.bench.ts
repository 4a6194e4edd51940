/**
 * `npm run bench -- sheets`: a sheet of `BENCH_SHEET_ROWS` rows (default 100,000; eight
 * columns: ids, Chinese text, a text that looks like a formula, numbers, a date and an
 * instant) written as CSV by the core (`sheetCsv`, every cell checked for a formula and
 * quoted when needed) against a bare join of the same cells, and as `.xlsx` by
 * `@mulin/sheets` (exceljs' streaming writer, headers, widths, frozen row) against exceljs'
 * in-memory workbook writing the same cells.
 */
import { Effect } from "effect"
import ExcelJS from "exceljs"
import { type Sheet, sheetCsv } from "@mulin/core"
import { writeXlsx } from "@mulin/sheets"
import { memory, repeat, report, statsOf } from "./stats.js"

const ROWS = Number(process.env["BENCH_SHEET_ROWS"] ?? 100_000)
const columns = [
  { key: "id", en: "Household", zh: "户" }, { key: "node", en: "Node", zh: "节点" }, { key: "name", en: "Name", zh: "社区" },
  { key: "note", en: "Note", zh: "备注" }, { key: "count", en: "Count", zh: "数量" }, { key: "hours", en: "Hours", zh: "时长" },
  { key: "due", en: "Due", zh: "应走访日期" }, { key: "at", en: "Last visit", zh: "上次走访" }
]
const rows = Array.from({ length: ROWS }, (_, i) => ({
  id: `hh_01J${String(i).padStart(20, "0")}`,
  node: `node_01J${String(i % 977).padStart(20, "0")}`,
  name: `东方社区第${i % 40}网格`,
  note: i % 50 === 0 ? "=1+1" : i % 7 === 0 ? "独居, 需每周走访" : "正常",
  count: i % 1000,
  hours: (i % 13) / 2,
  due: "2026-12-01",
  at: "2026-11-25T16:30:00.000Z"
}))
const sheet: Sheet = { name: "逾期未走访", columns, rows }

let bytes = 0
const csv = statsOf(await repeat(5, 1, () => {
  bytes = sheetCsv(sheet).length
}))
const bare = statsOf(await repeat(5, 1, () => {
  rows.map((r) => columns.map((c) => String(r[c.key as keyof typeof r])).join(",")).join("\r\n")
}))

let size = 0
const xlsx = statsOf(await repeat(3, 0, async () => {
  size = (await Effect.runPromise(writeXlsx([sheet]))).length
}))
const plain = statsOf(await repeat(3, 0, async () => {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet("s")
  ws.addRow(columns.map((c) => c.zh))
  for (const r of rows) ws.addRow(columns.map((c) => r[c.key as keyof typeof r]))
  await wb.xlsx.writeBuffer()
}))
const peak = memory()
report("sheets", [
  {
    name: `a ${ROWS.toLocaleString("en-US")}-row sheet as CSV (${Math.round(bytes / 1048576)} MiB of text), sheetCsv`,
    value: csv.median, unit: "ms", stats: csv,
    baseline: { name: "the same cells joined by commas, without quoting or formula checks", value: bare.median, unit: "ms" },
    ratio: bare.median / csv.median
  },
  {
    name: `the same sheet as .xlsx (${(size / 1048576).toFixed(1)} MiB), writeXlsx`,
    value: xlsx.median, unit: "ms", stats: xlsx,
    baseline: { name: "exceljs' in-memory workbook writing the same cells (no widths, no frozen row)", value: plain.median, unit: "ms" },
    ratio: plain.median / xlsx.median
  },
  { name: "peak memory of the whole run", value: peak.peakRssMiB, unit: "MiB peak RSS", memory: peak }
])
