import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { generate, schemaFile } from "../scripts/api-types.js"
import { servedOpenApi } from "../scripts/openapi-document.js"

describe("the console's API types", () => {
  it("are generated from the OpenAPI document the server serves now (run npm run api-types -w @mulin/console when this fails)", async () => {
    const fresh = await generate(await servedOpenApi())
    expect(readFileSync(schemaFile, "utf8") === fresh, "examples/console/src/api/schema.ts is stale: run npm run api-types -w @mulin/console").toBe(true)
  })
})
