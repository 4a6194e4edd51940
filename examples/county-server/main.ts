/**
 * The example county server: `npm start` from the repository root.
 *
 * Opens (or creates) a SQLite file, seeds the demo counties when the database is empty (one
 * shaped like Yanzhou district with a person for every role, and a second county), then
 * serves the Mulin HTTP API and prints where to find it and the tokens of the demo people.
 * The county console (examples/console) is served at `/`, built first when its build is
 * missing or older than its sources.
 * Configuration: PORT (8080), HOST (127.0.0.1), MULIN_DB (data/county.db),
 * MULIN_SEED_HOUSEHOLDS (100000), MULIN_TOKENS (a JSON file of tokens naming people),
 * MULIN_OIDC_ISSUER / MULIN_OIDC_AUDIENCE / MULIN_OIDC_JWKS_URL / MULIN_OIDC_ALGORITHMS
 * (sign-in with an OpenID Connect provider's JWTs), MULIN_SUBJECTS (a JSON file linking the
 * provider's subjects to people), MULIN_DELIVERY (`off`: no notification delivery loop in this
 * process; by default it delivers the due notifications about every second), MULIN_JOBS (`off`: do not run the scheduled rules here,
 * e.g. when `npm run jobs` runs them apart), MULIN_JOBS_EVERY (seconds between two passes, 30),
 * MULIN_WEBHOOK_ALLOW (comma-separated CIDR ranges of non-public addresses the county's
 * webhooks may post to, e.g. its intranet receiver's `10.20.0.0/16`; none by default).
 * `npm start` runs it with two V8 options; start a production server the same way
 * (`node --max-semi-space-size=32 --no-allocation-site-pretenuring …`):
 * - `--max-semi-space-size=32`: every request allocates short-lived objects, and a larger
 *   young generation collects them in fewer, no longer pauses (about 40% fewer scavenges per
 *   request under load). It may also go in `NODE_OPTIONS`.
 * - `--no-allocation-site-pretenuring`: while the services are built, V8 sees the objects
 *   made at some allocation sites live long (Effect's context entries among them) and from
 *   then on allocates everything made there directly in the old generation, the entries each
 *   request adds included. An old entry that points to the request keeps the request alive
 *   through every young collection until the next full one: under load about 5 KB of each
 *   `/healthz` request was copied into the old generation, and each young collection paused
 *   for 20–40 ms. Without pretenuring it is about 0.4 KB. Node does not take this option in
 *   `NODE_OPTIONS`: put it on the command line.
 */
import { mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { hostname } from "node:os"
import { Duration, Effect, Fiber, Layer, ManagedRuntime } from "effect"
import { Jobs, Notifications } from "@mulin/core"
import { type Authenticator, firstOf, oidc, serve, tokenTable } from "@mulin/adapter-http"
import { countyLayer, databaseOf } from "./app.js"
import { loadConfig } from "./config.js"
import { ledgerLine, rebuildLedgerOnce } from "./ledger.js"
import { defaultTokens, describePeople, linkSubjects, readSubjects, readTokens, resolveTokens, seedIfEmpty } from "./demo.js"
import { ensureBuilt, mountConsole } from "../console/serve.js"

/** Starts the server; resolves once it listens. `close` stops it and closes the database. */
export const start = async (env: Record<string, string | undefined> = process.env, log: (line: string) => void = console.log) => {
  const config = loadConfig(env)
  if (config.databaseUrl === undefined && config.database !== ":memory:") mkdirSync(dirname(resolve(config.database)), { recursive: true })
  const app = countyLayer(databaseOf(config), { webhookAllow: config.webhookAllow })
  const runtime = ManagedRuntime.make(app)
  try {
    // Before seeding: a new database's ledger is built over its empty log; an upgraded county's is rebuilt from its history, once.
    const holder = `server:${hostname()}:${process.pid}`
    const ledger = await runtime.runPromise(rebuildLedgerOnce(holder))
    await runtime.runPromise(seedIfEmpty(config.seedHouseholds))
    const specs = config.tokensFile === undefined ? defaultTokens : readTokens(config.tokensFile)
    const people = await runtime.runPromise(resolveTokens(specs))
    const tokens = Object.fromEntries(people.map((p) => [p.token, p.personId]))
    const subjects = config.subjectsFile === undefined || config.oidc === undefined
      ? 0
      : await runtime.runPromise(linkSubjects(config.oidc.issuer, readSubjects(config.subjectsFile)))
    const authenticators: Array<Authenticator> = []
    if (config.oidc !== undefined) authenticators.push(oidc(config.oidc))
    authenticators.push(tokenTable(tokens))
    // The scheduled rules, in-process: one pass every MULIN_JOBS_EVERY seconds under the lease,
    // so a separate `npm run jobs` on the same database never runs a period twice.
    const runner = config.jobs
      ? runtime.runFork(Jobs.use((jobs) => jobs.runner({
        holder,
        every: Duration.seconds(config.jobsEvery),
        onPass: (report, error) => report === null ? Effect.logWarning("scheduled rules: a pass failed", error) : report.runs.length === 0 ? Effect.void : Effect.sync(() => log(`  jobs: ${report.runs.map((r) => `${r.job} ${r.status}${r.changed > 0 ? ` (${r.changed} changed)` : ""}`).join(", ")}`))
      })))
      : undefined
    const server = await serve({ port: config.port, host: config.host, services: Layer.succeedContext(await runtime.context()), authenticate: firstOf(...authenticators) })
    // The console (examples/console) at `/`, when built; the API keeps every path it has.
    const console_ = mountConsole(server.server)
    log(`\nMulin (睦邻) county server on ${server.url}  (database: ${config.databaseUrl === undefined ? config.database : "PostgreSQL"})`)
    log(`  Console:           ${console_ ? `${server.url}/` : "not built (npm run build -w @mulin/console)"}`)
    log(`  OpenAPI document:  ${server.url}/openapi.json`)
    log(`  Health:            ${server.url}/healthz`)
    log(ledgerLine(ledger))
    log(`  Scheduled rules:   ${config.jobs ? `every ${config.jobsEvery} s in this process (MULIN_JOBS=off to run them apart with npm run jobs)` : "off here (MULIN_JOBS=off)"}`)
    if (config.oidc !== undefined) log(`  Sign-in:           JWTs of ${config.oidc.issuer} for ${config.oidc.audience} (${subjects} subjects linked from MULIN_SUBJECTS), and the tokens below`)
    log(`  Tokens (Authorization: Bearer <token>), the person each signs in and their posts:`)
    for (const line of describePeople(people)) log(`    ${line}`)
    log(`  Try:  curl -H 'Authorization: Bearer ${specs[0]?.token ?? "demo-county-admin"}' ${server.url}/me`)
    // Delivers the due notifications about every second, in this process (MULIN_DELIVERY=off: elsewhere).
    const loop = !config.delivery
      ? undefined
      : runtime.runFork(Notifications.use((n) =>
        Effect.clockWith((c) => c.currentTimeMillis).pipe(
          Effect.flatMap((ms) => n.deliverDue(new Date(ms).toISOString())),
          Effect.catchCause((cause) => Effect.logError("notification delivery failed", cause)),
          Effect.andThen(Effect.sleep(Duration.seconds(1))),
          Effect.forever
        )))
    log(`  Notifications:     ${loop === undefined ? "delivery off (MULIN_DELIVERY=off)" : "delivered every second (log channel and the county's webhooks)"}`)
    return {
      url: server.url,
      tokens,
      people,
      close: async () => {
        if (loop !== undefined) await Effect.runPromise(Fiber.interrupt(loop))
        await server.close()
        if (runner !== undefined) {
          await runtime.runPromise(Fiber.interrupt(runner))
          await runtime.runPromise(Jobs.use((jobs) => jobs.release(holder))).catch(() => undefined)
        }
        await runtime.dispose()
      }
    }
  } catch (error) {
    await runtime.dispose()
    throw error
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname)
if (isMain) {
  ensureBuilt()
  start().then(
    (running) => {
      const stop = () => {
        console.log("\nStopping…")
        running.close().then(() => process.exit(0), () => process.exit(1))
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
