/**
 * The demo county: seeding an empty database through the CSV importer, and the demo
 * tokens an integrator uses to try the API as different people.
 */
import { readFileSync } from "node:fs"
import { Effect, Option, Schema } from "effect"
import { AssignableRole, Grid, GridImport, GridStore, type ImportProgress, type PersonId, systemActor } from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"

/** A demo token: the person it signs in, their post, and the node (by code path) it is at. */
export const TokenSpec = Schema.Struct({
  token: Schema.NonEmptyString,
  name: Schema.NonEmptyString,
  role: AssignableRole,
  /** Node codes from the county down, e.g. `370812/001/001/G01`. */
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

/**
 * Resolves token specs to the people they sign in: each token names a demo person (code
 * `DEMO-<token>`), registered and posted at its node the first time. What the token may
 * do then follows from that person's posts, like any other sign-in.
 */
export const resolveTokens = (specs: ReadonlyArray<TokenSpec>) =>
  Effect.gen(function*() {
    const grid = yield* Grid
    const store = yield* GridStore
    const sys = systemActor("tokens")
    const table: Record<string, PersonId> = {}
    for (const spec of specs) {
      const node = yield* grid.findNode(sys, spec.scope).pipe(
        Effect.mapError(() => new Error(`token ${spec.token}: no node at ${spec.scope} / 令牌 ${spec.token}：找不到节点 ${spec.scope}`))
      )
      const code = `DEMO-${spec.token}`.replace(/[^A-Za-z0-9_.-]/gu, "-").slice(0, 40)
      const existing = yield* store.findPersonByCode(node.countyId, code)
      const personId = Option.isSome(existing)
        ? existing.value.id
        : (yield* grid.createPerson(sys, { nodeId: node.id, code, name: spec.name.slice(0, 40) })).id
      if (Option.isNone(yield* store.findAssignment(personId, node.id, spec.role, "2020-01-01"))) {
        yield* grid.assignRole(sys, { personId, nodeId: node.id, role: spec.role, startDate: "2020-01-01" })
      }
      table[spec.token] = personId
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
