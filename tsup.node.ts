import { defineConfig } from "tsup"

/** The build of a package that runs on Node: ESM, declarations, source maps, into `dist`. */
export const nodePackage = (entry: Array<string>) =>
  defineConfig({
    entry,
    format: ["esm"],
    target: "node20",
    platform: "node",
    removeNodeProtocol: false,
    dts: { compilerOptions: { composite: false, emitDeclarationOnly: false } },
    sourcemap: true,
    clean: true,
    outDir: "dist"
  })
