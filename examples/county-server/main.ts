/**
 * The example county server: `npm start` from the repository root.
 *
 * Opens (or creates) a SQLite file, seeds the demo counties when the database is empty (one
 * shaped like Yanzhou district with a person for every role, and a second county), then
 * serves the Mulin HTTP API and prints where to find it and the tokens of the demo people.
 * Configuration: PORT (8080), HOST (127.0.0.1), MULIN_DB (data/county.db),
 * MULIN_SEED_HOUSEHOLDS (100000), MULIN_TOKENS (a JSON file of tokens naming people),
 * MULIN_OIDC_ISSUER / MULIN_OIDC_AUDIENCE / MULIN_OIDC_JWKS_URL / MULIN_OIDC_ALGORITHMS
 * (sign-in with an OpenID Connect provider's JWTs), MULIN_SUBJECTS (a JSON file linking the
 * provider's subjects to people).
 */
import { mkdirSync } from "node:fs"
import { dirname, resolve } from "node:path"
import { Layer, ManagedRuntime } from "effect"
import { Activities, Deliberation, Grid, GridImport, Identity, IdGenerator, Matching, Mediation, Places, Points } from "@mulin/core"
import { layer as sqliteLayer } from "@mulin/adapter-sqlite"
import { type Authenticator, firstOf, oidc, serve, tokenTable } from "@mulin/adapter-http"
import { loadConfig } from "./config.js"
import { defaultTokens, describePeople, linkSubjects, readSubjects, readTokens, resolveTokens, seedIfEmpty } from "./demo.js"

/** Starts the server; resolves once it listens. `close` stops it and closes the database. */
export const start = async (env: Record<string, string | undefined> = process.env, log: (line: string) => void = console.log) => {
  const config = loadConfig(env)
  if (config.database !== ":memory:") mkdirSync(dirname(resolve(config.database)), { recursive: true })
  const app = Layer.mergeAll(Matching.layer, Activities.layer).pipe(Layer.provideMerge(Layer.mergeAll(Grid.layer, GridImport.layer, Mediation.layer, Points.layer, Deliberation.layer, Places.layer, Identity.layer))).pipe(
    Layer.provideMerge(sqliteLayer({ filename: config.database })),
    Layer.provide(IdGenerator.layer)
  )
  const runtime = ManagedRuntime.make(app)
  try {
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
    const server = await serve({ port: config.port, host: config.host, services: Layer.succeedContext(await runtime.context()), authenticate: firstOf(...authenticators) })
    log(`\nMulin (睦邻) county server on ${server.url}  (database: ${config.database})`)
    log(`  OpenAPI document:  ${server.url}/openapi.json`)
    log(`  Health:            ${server.url}/healthz`)
    if (config.oidc !== undefined) log(`  Sign-in:           JWTs of ${config.oidc.issuer} for ${config.oidc.audience} (${subjects} subjects linked from MULIN_SUBJECTS), and the tokens below`)
    log(`  Tokens (Authorization: Bearer <token>), the person each signs in and their posts:`)
    for (const line of describePeople(people)) log(`    ${line}`)
    log(`  Try:  curl -H 'Authorization: Bearer ${specs[0]?.token ?? "demo-county-admin"}' ${server.url}/me`)
    return {
      url: server.url,
      tokens,
      people,
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
