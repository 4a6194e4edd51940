import { defineConfig } from "tsup"

export default defineConfig({
  entry: [
    "src/index.ts",
    "src/kernel/index.ts",
    "src/grid/index.ts",
    "src/points/index.ts",
    "src/matching/index.ts",
    "src/mediation/index.ts",
    "src/deliberation/index.ts",
    "src/followup/index.ts",
    "src/notifications/index.ts",
    "src/jobs/index.ts",
    "src/memory/index.ts",
    "src/testing/index.ts"
  ],
  format: ["esm"],
  target: "node20",
  platform: "neutral",
  external: ["vitest", "fast-check"],
  dts: { compilerOptions: { composite: false, emitDeclarationOnly: false } },
  sourcemap: true,
  clean: true,
  outDir: "dist"
})
