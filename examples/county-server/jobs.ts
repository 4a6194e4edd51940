/**
 * The scheduled rules alone: `npm run jobs` from the repository root. For a county that
 * runs its API and its jobs apart, this runs the runner on the server's database
 * (MULIN_DB, data/county.db) with no HTTP server: one pass every MULIN_JOBS_EVERY seconds
 * (30), under the lease, so it and a server started with the runner on never run a
 * period twice. Start the server with MULIN_JOBS=off to leave the rules to this process.
 */
import { hostname } from "node:os"
import { resolve } from "node:path"
import { Duration, Effect, Fiber, ManagedRuntime } from "effect"
import { Jobs } from "@mulin/core"
import { countyLayer, databaseOf } from "./app.js"
import { loadConfig } from "./config.js"
import { ledgerLine, rebuildLedgerOnce } from "./ledger.js"

/** Starts the runner; `stop` interrupts it, gives the lease up and closes the database. */
export const startJobs = async (env: Record<string, string | undefined> = process.env, log: (line: string) => void = console.log) => {
  const config = loadConfig(env)
  // The same services and reactions as the server: what the rules append notifies people and asks for ratings here too.
  const runtime = ManagedRuntime.make(countyLayer(databaseOf(config), { webhookAllow: config.webhookAllow }))
  const holder = `jobs:${hostname()}:${process.pid}`
  const jobs = await runtime.runPromise(Jobs.use(Effect.succeed))
  log(`Mulin scheduled rules on ${config.databaseUrl === undefined ? config.database : "PostgreSQL"}, every ${config.jobsEvery} s as ${holder}`)
  // A county upgrading from a version without the ledger of work gets it rebuilt from its history, once.
  log(ledgerLine(await runtime.runPromise(rebuildLedgerOnce(holder))))
  for (const d of jobs.definitions) log(`  ${d.name.padEnd(28)} ${d.schedule.padEnd(14)} ${d.description?.en ?? ""}`)
  const fiber = runtime.runFork(jobs.runner({
    holder,
    every: Duration.seconds(config.jobsEvery),
    onPass: (report, error) =>
      Effect.sync(() => {
        if (report === null) log(`  a pass failed: ${String(error)}`)
        else for (const r of report.runs) log(`  ${r.periodEnd}  ${r.job}  ${r.status}  processed ${r.processed}, changed ${r.changed}${r.message === null ? "" : `: ${r.message}`}`)
      })
  }))
  return {
    holder,
    stop: async () => {
      await runtime.runPromise(Fiber.interrupt(fiber))
      await runtime.runPromise(jobs.release(holder)).catch(() => undefined)
      await runtime.dispose()
    }
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
if (isMain) {
  startJobs().then(
    (running) => {
      const stop = () => {
        console.log("\nStopping…")
        running.stop().then(() => process.exit(0), () => process.exit(1))
      }
      process.once("SIGINT", stop)
      process.once("SIGTERM", stop)
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    }
  )
}
