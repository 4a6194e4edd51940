/**
 * Regenerates `src/api/schema.ts`, the API's types, from the OpenAPI document the county
 * server serves at `GET /openapi.json`: `npm run api-types -w @mulin/console`.
 * `test/api-types.test.ts` fails when the committed file is stale.
 */
import { writeFileSync } from "node:fs"
import { fileURLToPath } from "node:url"
import openapiTS, { astToString } from "openapi-typescript"
import { servedOpenApi } from "./openapi-document.js"

/** Where the generated types live. */
export const schemaFile = fileURLToPath(new URL("../src/api/schema.ts", import.meta.url))

/** The generated types' text for a served OpenAPI document. */
export const generate = async (document: string): Promise<string> => {
  const ast = await openapiTS(JSON.parse(document), { alphabetize: true })
  return `/* The Mulin API's types, generated from GET /openapi.json by scripts/api-types.ts: do not edit. */\n${astToString(ast)}`
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]
if (isMain) {
  writeFileSync(schemaFile, await generate(await servedOpenApi()))
  console.log(`wrote ${schemaFile}`)
}
