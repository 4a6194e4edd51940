/**
 * `npm run verify [-- file.db]`: recomputes every points balance of a county database from
 * its transfers and reports any difference (exit 1 when there is one). Defaults to MULIN_DB
 * or data/county.db.
 */
import { resolve } from "node:path"
import { Effect, Layer } from "effect"
import { Grid, IdGenerator, Points, systemActor, type VerifyReport } from "@mulin/core"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"

/** Opens `filename`, verifies the ledger, prints the report with `log`. */
export const verifyDatabase = (filename: string, log: (line: string) => void = console.log): Promise<VerifyReport> =>
  Effect.runPromise(
    Points.use((p) => p.verify(systemActor("verify-cli"))).pipe(
      Effect.provide(Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provide([sqliteLayer({ filename }), IdGenerator.layer])))
    )
  ).then((report) => {
    log(`${filename}: ${report.ok ? "OK" : "FAILED"} — ${report.accounts} accounts, ${report.transfers} transfers, sum of balances ${report.sum}`)
    for (const d of report.differences) {
      log(`  ${d.accountId}: stored posted ${d.stored.posted} held ${d.stored.held}; recomputed posted ${d.computed.posted} held ${d.computed.held}`)
    }
    return report
  })

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
if (isMain) {
  verifyDatabase(process.argv[2] ?? process.env["MULIN_DB"] ?? "data/county.db").then(
    (r) => process.exit(r.ok ? 0 : 1),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(2)
    }
  )
}
