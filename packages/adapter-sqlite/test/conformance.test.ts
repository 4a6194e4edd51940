import { gridStoreConformance } from "@mulin/core/testing"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import * as Sqlite from "../src/index.js"

gridStoreConformance("sqlite :memory:", () => Sqlite.layerMemory())

const dir = mkdtempSync(join(tmpdir(), "mulin-conformance-"))
let files = 0
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// A fresh file per case, in WAL mode, as in production.
gridStoreConformance("sqlite file", () => Sqlite.layer({ filename: join(dir, `case-${files++}.db`) }), { propertyRuns: 10 })

gridStoreConformance("sqlite :memory: without statement cache", () => Sqlite.layerMemory({ statementCache: false }), { propertyRuns: 5 })
