/**
 * `npm run bench [-- NAME…]`: runs the named benchmarks (all when none is named), each in
 * its own process so one's memory does not skew the next.
 */
import { spawnSync } from "node:child_process"
import { readdirSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const here = dirname(fileURLToPath(import.meta.url))
const available = readdirSync(here).filter((f) => f.endsWith(".bench.ts")).map((f) => f.replace(/\.bench\.ts$/, "")).sort()
const asked = process.argv.slice(2)
const unknown = asked.filter((a) => !available.includes(a))
if (unknown.length > 0) {
  console.error(`unknown benchmark: ${unknown.join(", ")}; available: ${available.join(", ")}`)
  process.exit(2)
}
let failed = false
for (const name of asked.length > 0 ? asked : available) {
  console.log(`\n=== bench ${name} ===`)
  const r = spawnSync(process.execPath, ["--conditions=@mulin/source", "--import", "tsx", "--expose-gc", join(here, `${name}.bench.ts`)], { stdio: "inherit" })
  if (r.status !== 0) failed = true
}
process.exit(failed ? 1 : 0)
