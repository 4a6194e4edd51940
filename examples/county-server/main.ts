/**
 * The example county server: `npm start` from the repository root.
 *
 * Opens (or creates) a SQLite file, seeds a demo county shaped like Yanzhou district when
 * the database is empty, then serves the Mulin HTTP API and prints where to find it.
 * Configuration: PORT (8080), HOST (127.0.0.1), MULIN_DB (data/county.db),
 * MULIN_SEED_HOUSEHOLDS (100000), MULIN_TOKENS (a JSON file of demo tokens).
 */
import { mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { Layer, ManagedRuntime } from "effect"
import { Deliberation, Grid, GridImport, Identity, IdGenerator, Matching, Mediation, Points } from "@mulin/core"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { serve, tokenTable } from "@mulin/adapter-http"
import { loadConfig } from "./config.js"
import { defaultTokens, readTokens, resolveTokens, seedIfEmpty } from "./demo.js"

/** Starts the server; resolves once it listens. `close` stops it and closes the database. */
export const start = async (env: Record<string, string | undefined> = process.env, log: (line: string) => void = console.log) => {
  const config = loadConfig(env)
  if (config.database !== ":memory:") mkdirSync(dirname(resolve(config.database)), { recursive: true })
  const app = Matching.layer.pipe(Layer.provideMerge(Layer.mergeAll(Grid.layer, GridImport.layer, Mediation.layer, Points.layer, Deliberation.layer, Identity.layer))).pipe(
    Layer.provideMerge(sqliteLayer({ filename: config.database })),
    Layer.provide(IdGenerator.layer)
  )
  const runtime = ManagedRuntime.make(app)
  try {
    await runtime.runPromise(seedIfEmpty(config.seedHouseholds))
    const specs = config.tokensFile === undefined ? defaultTokens : readTokens(config.tokensFile)
    const tokens = await runtime.runPromise(resolveTokens(specs))
    const server = await serve({ port: config.port, host: config.host, services: Layer.succeedContext(await runtime.context()), authenticate: tokenTable(tokens) })
    log(`\nMulin (睦邻) county server on ${server.url}  (database: ${config.database})`)
    log(`  OpenAPI document:  ${server.url}/openapi.json`)
    log(`  Health:            ${server.url}/healthz`)
    log(`  Demo tokens (Authorization: Bearer <token>):`)
    for (const spec of specs) log(`    ${spec.token.padEnd(22)} ${spec.role.padEnd(20)} at ${spec.scope}  ${spec.name}`)
    log(`  Try:  curl -H 'Authorization: Bearer ${specs[0]?.token ?? "demo-county-admin"}' ${server.url}/counties`)
    return {
      url: server.url,
      tokens,
      close: async () => {
        await server.close()
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
