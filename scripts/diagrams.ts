/**
 * Writes the state diagrams in docs/ from the exported transition tables:
 * `npx tsx --conditions=@mulin/source scripts/diagrams.ts`. A test fails when a committed
 * diagram drifts from its table.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { mediationStatesDocument } from "@mulin/core"

const file = join(import.meta.dirname, "..", "docs", "mediation-states.md")
writeFileSync(file, mediationStatesDocument())
console.log(`wrote ${file}`)
