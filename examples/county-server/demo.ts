/**
 * The demo county: seeding an empty database through the CSV importer, and the demo
 * tokens an integrator uses to try the API as different people.
 */
import { readFileSync } from "node:fs"
import { Effect, Schema } from "effect"
import { type Actor, Grid, GridImport, GridStore, type ImportProgress, Role, systemActor } from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"

/** A demo token: who it stands for, and the node (by code path) its role is scoped at. */
export const TokenSpec = Schema.Struct({
  token: Schema.NonEmptyString,
  name: Schema.NonEmptyString,
  role: Role,
  /** Node codes from the county down, e.g. `370812/001/001/G01`; `*` for the whole store. */
  scope: Schema.NonEmptyString
})
export type TokenSpec = typeof TokenSpec.Type

/** The built-in demo tokens, scoped inside the generated Yanzhou county (370812). */
export const defaultTokens: ReadonlyArray<TokenSpec> = [
  { token: "demo-county-admin", name: "区县管理员 (county admin)", role: "county_admin", scope: "370812" },
  { token: "demo-secretary", name: "社区书记 (community secretary)", role: "community_secretary", scope: "370812/001/001" },
  { token: "demo-grid-worker", name: "网格员 (grid worker)", role: "grid_worker", scope: "370812/001/001/G01" },
  { token: "demo-building-leader", name: "楼栋长 (building leader)", role: "building_leader", scope: "370812/001/001/G01/1" }
]

/** Reads a JSON array of token specs, naming the entry and field of any mistake. */
export const readTokens = (file: string): ReadonlyArray<TokenSpec> =>
  Schema.decodeUnknownSync(Schema.Array(TokenSpec))(JSON.parse(readFileSync(file, "utf8")), { errors: "all" })

/** Resolves token specs to actors; fails with a clear message when a scope does not exist. */
export const resolveTokens = (specs: ReadonlyArray<TokenSpec>) =>
  Effect.gen(function*() {
    const grid = yield* Grid
    const table: Record<string, Actor> = {}
    for (const spec of specs) {
      const scope = spec.scope === "*"
        ? "*"
        : (yield* grid.findNode(systemActor("tokens"), spec.scope).pipe(
          Effect.mapError(() => new Error(`token ${spec.token}: no node at ${spec.scope} / 令牌 ${spec.token}：找不到节点 ${spec.scope}`))
        )).id
      table[spec.token] = { id: `token:${spec.token}`, kind: "person", name: spec.name, grants: [{ role: spec.role, scope }] }
    }
    return table
  })

/** Draws one progress line per phase on the terminal, redrawn in place as the phase advances. */
export const progressLine = (() => {
  let finished = ""
  return (p: ImportProgress) => {
    if (p.phase === finished) return
    const pct = p.total === 0 ? 100 : Math.floor((p.done / p.total) * 100)
    const width = 24
    const bar = "█".repeat(Math.round((pct / 100) * width)).padEnd(width, "░")
    process.stdout.write(`\r  ${p.phase.padEnd(11)} ${bar} ${pct.toString().padStart(3)}%  ${p.done.toLocaleString("en-US")} / ${p.total.toLocaleString("en-US")}   `)
    if (p.done >= p.total) {
      finished = p.phase
      process.stdout.write("\n")
    }
  }
})()

/** Seeds the demo county through the importer when the store has no county yet. */
export const seedIfEmpty = (households: number) =>
  Effect.gen(function*() {
    const store = yield* GridStore
    if ((yield* store.listCounties).length > 0) return false
    console.log(`Seeding the demo county (兖州区, ${households.toLocaleString("en-US")} households) through the CSV importer…`)
    const county = generateCounty({ households, seed: 1, gaps: true })
    const importer = yield* GridImport
    const report = yield* importer.importCounty(systemActor("seed"), county, { onProgress: progressLine })
    console.log(
      `Imported ${report.nodes.created.toLocaleString("en-US")} nodes, ${report.households.created.toLocaleString("en-US")} households, ` +
        `${report.people.created.toLocaleString("en-US")} people and ${report.assignments.created.toLocaleString("en-US")} assignments in ${(report.durationMs / 1000).toFixed(1)} s.`
    )
    return true
  })
