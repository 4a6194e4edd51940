import { execFile } from "node:child_process"
import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { promisify } from "node:util"
import { Effect, Layer } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { GridImport, IdGenerator, systemActor } from "@mulin/core"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { importCountyWorkbook, readCountyWorkbook } from "@mulin/sheets"
import { writeCountyWorkbook } from "../county-import/workbook.js"
import { readFolder } from "../county-server/import.js"

const folder = join(import.meta.dirname, "..", "county-import")
const dir = mkdtempSync(join(tmpdir(), "mulin-workbook-"))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe("examples/county-import/county.xlsx", () => {
  it("is what the script writes from the CSV files", async () => {
    const fresh = join(dir, "fresh.xlsx")
    await writeCountyWorkbook(folder, fresh)
    const [committed, written] = await Promise.all([
      Effect.runPromise(readCountyWorkbook(readFileSync(join(folder, "county.xlsx")))),
      Effect.runPromise(readCountyWorkbook(readFileSync(fresh)))
    ])
    expect(committed.source).toEqual(written.source)
    expect(Object.values(committed.sheets).map((s) => s?.name)).toEqual(["节点", "住户", "人员", "任职"])
  })

  it("imports into a SQLite file to the same county as the CSV files: after them it changes nothing", async () => {
    const layer = GridImport.layer.pipe(Layer.provide([sqliteLayer({ filename: join(dir, "county.db") }), IdGenerator.layer]))
    const [csv, xlsx] = await Effect.runPromise(Effect.gen(function*() {
      const importer = yield* GridImport
      const csv = yield* importer.importCounty(systemActor(), readFolder(folder))
      return [csv, yield* importCountyWorkbook(systemActor(), readFileSync(join(folder, "county.xlsx")))] as const
    }).pipe(Effect.provide(layer)))
    expect(csv.households.created).toBe(300)
    for (const kind of ["nodes", "households", "people", "assignments"] as const) {
      expect(xlsx[kind]).toEqual({ created: 0, updated: 0, unchanged: csv[kind].created })
    }
    expect(xlsx.events).toBe(0)
  })

  it("is imported by npm run import, like a folder of CSV files", async () => {
    const run = promisify(execFile)
    const root = join(import.meta.dirname, "..", "..")
    const { stdout } = await run(process.execPath, ["--import", "tsx", "--conditions=@mulin/source", "examples/county-server/import.ts", "examples/county-import/county.xlsx"], {
      cwd: root,
      env: { ...process.env, MULIN_DB: join(dir, "cli.db") }
    })
    expect(stdout).toContain("Imported county 370812")
    expect(stdout).toMatch(/households\s+created 300, updated 0, unchanged 0/)
  })
})
