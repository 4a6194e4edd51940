/**
 * Writes the state diagrams in docs/ from the exported transition tables:
 * `npx tsx --conditions=@mulin/source scripts/diagrams.ts`. A test fails when a committed
 * diagram drifts from its table.
 */
import { writeFileSync } from "node:fs"
import { join } from "node:path"
import { deliberationStatesDocument, matchingStatesDocument, mediationStatesDocument } from "@mulin/core"

for (const [name, document] of [["mediation-states.md", mediationStatesDocument], ["deliberation-states.md", deliberationStatesDocument]] as const) {
  const file = join(import.meta.dirname, "..", "docs", name)
  writeFileSync(file, document())
  console.log(`wrote ${file}`)
}

const matchingFile = join(import.meta.dirname, "..", "docs", "matching-states.md")
writeFileSync(matchingFile, matchingStatesDocument())
console.log(`wrote ${matchingFile}`)
