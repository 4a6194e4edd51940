/**
 * `npm run import -- <folder or workbook.xlsx>`: imports a county's CSV files (nodes.csv,
 * households.csv, people.csv, assignments.csv; any may be missing), or the `.xlsx` workbook
 * the county keeps (one worksheet per file, named in English or Chinese: nodes/节点,
 * households/住户, people/人员, assignments/任职), into the example server's database
 * (MULIN_DB, default data/county.db), with a progress line on the terminal.
 *
 * Nothing is written unless every row is valid; the rejected rows are listed with file,
 * row, column and reason in English and Chinese (for a workbook: the worksheet and its row). Importing the same files again changes
 * nothing. `--dry-run` validates and counts only.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs"
import { dirname, join, resolve } from "node:path"
import { Effect, Layer } from "effect"
import { GridImport, IdGenerator, type ImportSource, systemActor } from "@mulin/core"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { importCountyWorkbook } from "@mulin/sheets"
import { loadConfig } from "./config.js"
import { progressLine } from "./demo.js"

const files = { nodes: "nodes.csv", households: "households.csv", people: "people.csv", assignments: "assignments.csv" } as const

/** Reads whichever of the four files exist in `folder`. */
export const readFolder = (folder: string): ImportSource => {
  const source: Record<string, string> = {}
  for (const [key, file] of Object.entries(files)) {
    const path = join(folder, file)
    if (existsSync(path)) source[key] = readFileSync(path, "utf8")
  }
  if (Object.keys(source).length === 0) throw new Error(`no CSV files in ${folder} / ${folder} 中没有 CSV 文件 (${Object.values(files).join(", ")})`)
  return source
}

const main = async () => {
  const args = process.argv.slice(2)
  const dryRun = args.includes("--dry-run")
  const folder = args.find((a) => !a.startsWith("--"))
  if (folder === undefined) {
    console.error("usage: npm run import -- <folder with nodes.csv, households.csv, people.csv, assignments.csv | county.xlsx> [--dry-run]")
    process.exit(2)
  }
  const config = loadConfig()
  if (config.database !== ":memory:") mkdirSync(dirname(resolve(config.database)), { recursive: true })
  const layer = GridImport.layer.pipe(Layer.provide([sqliteLayer({ filename: config.database }), IdGenerator.layer]))
  const actor = systemActor("import-cli")
  const options = { dryRun, onProgress: progressLine }
  const run = folder.toLowerCase().endsWith(".xlsx")
    ? importCountyWorkbook(actor, readFileSync(folder), options)
    : GridImport.use((importer) => importer.importCounty(actor, readFolder(folder), options))
  const exit = await Effect.runPromiseExit(run.pipe(Effect.provide(layer)))
  if (exit._tag === "Success") {
    const r = exit.value
    const line = (what: string, c: { created: number; updated: number; unchanged: number }) =>
      `  ${what.padEnd(12)} created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}`
    console.log(`${dryRun ? "Dry run of" : "Imported"} county ${r.countyCode} into ${config.database} in ${(r.durationMs / 1000).toFixed(1)} s:`)
    console.log([line("nodes", r.nodes), line("households", r.households), line("people", r.people), line("assignments", r.assignments)].join("\n"))
    console.log(`  ${r.events} events appended`)
    return
  }
  const error = exit.cause.reasons.find((f) => f._tag === "Fail")?.error as { _tag?: string; message?: string; messageZh?: string; issues?: ReadonlyArray<{ file: string; row: number; column: string; message: string; messageZh: string }>; total?: number } | undefined
  if (error?._tag === "ImportRejected" && error.issues !== undefined) {
    console.error(`Nothing was imported: ${error.total} problem(s) / 未导入任何数据：共 ${error.total} 处问题`)
    for (const i of error.issues) console.error(`  ${i.file} row ${i.row}${i.column === "" ? "" : ` [${i.column}]`}: ${i.message} / ${i.messageZh}`)
  } else {
    console.error(error?.message !== undefined ? `${error.message} / ${error.messageZh ?? ""}` : exit.cause)
  }
  process.exit(1)
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  })
}
