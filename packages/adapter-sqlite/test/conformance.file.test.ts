/**
 * The SQLite store against every conformance suite of `@mulin/core/testing`, on a fresh
 * file per case in WAL mode, as in production: reads outside a unit of work go through the
 * read-only connection, so a concurrent reader sees committed data only.
 */
import { storeConformance } from "@mulin/core/testing"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import * as Sqlite from "../src/index.js"

const dir = mkdtempSync(join(tmpdir(), "mulin-conformance-"))
let files = 0
afterAll(() => rmSync(dir, { recursive: true, force: true }))

storeConformance("sqlite file", () => Sqlite.layer({ filename: join(dir, `case-${files++}.db`) }), {
  propertyRuns: { grid: 10, points: 10, matching: 8, mediation: 8, deliberation: 6 }
})
