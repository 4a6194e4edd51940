/**
 * The OpenAPI document exactly as the county server serves it at `GET /openapi.json`: the
 * example county's API over an in-memory database, asked over its own fetch handler.
 */
import { Layer, ManagedRuntime } from "effect"
import { makeHandler, tokenTable } from "@mulin/adapter-http"
import { countyLayer } from "../../county-server/app.js"

/** Fetches the served OpenAPI document (as text, as served). */
export const servedOpenApi = async (): Promise<string> => {
  const runtime = ManagedRuntime.make(countyLayer(":memory:"))
  try {
    const { handler, dispose } = makeHandler({ services: Layer.succeedContext(await runtime.context()), authenticate: tokenTable({}) })
    try {
      const response = await handler(new Request("http://127.0.0.1/openapi.json"))
      if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}`)
      return await response.text()
    } finally {
      await dispose()
    }
  } finally {
    await runtime.dispose()
  }
}
