import { deliberationStoreConformance } from "@mulin/core/testing"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import * as Sqlite from "../src/index.js"

deliberationStoreConformance("sqlite :memory:", () => Sqlite.layerMemory(), { propertyRuns: 12 })

const dir = mkdtempSync(join(tmpdir(), "mulin-deliberation-"))
let files = 0
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// A fresh file per case, in WAL mode, as in production.
deliberationStoreConformance("sqlite file", () => Sqlite.layer({ filename: join(dir, `case-${files++}.db`) }), { propertyRuns: 6 })
