import { pointsStoreConformance } from "@mulin/core/testing"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import * as Sqlite from "../src/index.js"

pointsStoreConformance("sqlite :memory:", () => Sqlite.layerMemory(), { propertyRuns: 25 })

const dir = mkdtempSync(join(tmpdir(), "mulin-points-conformance-"))
let files = 0
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// A fresh file per case, in WAL mode, as in production: reads outside a unit of work go
// through the read-only connection, so the concurrent reader sees committed data only.
pointsStoreConformance("sqlite file", () => Sqlite.layer({ filename: join(dir, `case-${files++}.db`) }), { propertyRuns: 10 })
