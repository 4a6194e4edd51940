/**
 * `npm run county-workbook`: writes `county.xlsx` beside this file from the four CSV files,
 * as a county keeps its ledger in Excel: one worksheet per file named in Chinese (节点, 住户,
 * 人员, 任职), Chinese headers, every cell as text. `npm run import -- examples/county-import/county.xlsx`
 * imports it to the same county as the CSV files.
 */
import { readFileSync, writeFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { fileURLToPath } from "node:url"
import { Effect, Result } from "effect"
import { type ImportFile, importColumns, importSheetNames, parseCsv, type Sheet } from "@mulin/core"
import { writeXlsx } from "@mulin/sheets"

const here = dirname(fileURLToPath(import.meta.url))
const order: ReadonlyArray<ImportFile> = ["nodes.csv", "households.csv", "people.csv", "assignments.csv"]

/** The CSV files of `folder` as sheets with the format's Chinese headers. */
export const csvSheets = (folder: string): ReadonlyArray<Sheet> =>
  order.map((file) => {
    const parsed = parseCsv(readFileSync(join(folder, file), "utf8"))
    if (Result.isFailure(parsed)) throw new Error(`${file}: ${parsed.failure.message}`)
    const [header = [], ...rows] = parsed.success
    const columns = header.map((name) => {
      const c = importColumns[file].find((col) => col.name === name)
      return { key: name, en: name, zh: c?.nameZh ?? name }
    })
    return { name: importSheetNames[file][1]!, columns, rows: rows.map((cells) => Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ""]))) }
  })

/** Writes `county.xlsx` from the CSV files of `folder`. */
export const writeCountyWorkbook = async (folder: string, out: string): Promise<void> => {
  writeFileSync(out, await Effect.runPromise(writeXlsx(csvSheets(folder), { language: "zh" })))
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = join(here, "county.xlsx")
  writeCountyWorkbook(here, out).then(() => console.log(`wrote ${out}`), (error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
