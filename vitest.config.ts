import { defineConfig } from "vitest/config"

export default defineConfig({
  // Node tests run in Vite's SSR environment: the source condition must go under ssr.resolve,
  // and setting conditions replaces Vite's defaults, so they are listed again.
  ssr: { resolve: { conditions: ["@mulin/source", "module", "node", "development|production"] } },
  test: {
    include: ["packages/*/test/**/*.test.ts", "examples/test/**/*.test.ts", "examples/console/test/**/*.test.ts"],
    // One PostgreSQL server for the run, for the PostgreSQL adapter's suites.
    globalSetup: ["packages/adapter-postgres/test/globalSetup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
