import { readFileSync } from "node:fs"
import { defineConfig } from "tsup"

// Every entry the package exports, read from package.json so a new subpath cannot be left out
// of the build: each export's `@mulin/source` file.
const exported = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8")).exports as Record<string, { "@mulin/source"?: string } | null>
const entry = Object.values(exported).flatMap((e) => (e?.["@mulin/source"] === undefined || e["@mulin/source"].includes("*") ? [] : [e["@mulin/source"].replace(/^\.\//, "")]))

export default defineConfig({
  entry,
  format: ["esm"],
  target: "node20",
  platform: "neutral",
  external: ["vitest", "fast-check"],
  dts: { compilerOptions: { composite: false, emitDeclarationOnly: false } },
  sourcemap: true,
  clean: true,
  outDir: "dist"
})
