/**
 * Module hooks for `register.mjs`: a `.ts` or `.mts` module is compiled by esbuild (types
 * stripped, nothing else changed) and loaded as an ES module; a relative import written
 * `./x.js`, as TypeScript sources write them, finds `./x.ts` when there is no `./x.js`.
 * (Mulin has no CommonJS TypeScript, so `.cts` is not handled.)
 */
import { readFile } from "node:fs/promises"
import { fileURLToPath } from "node:url"
import { transform } from "esbuild"

const TYPESCRIPT = /\.m?ts$/u

/** What of `tsconfig.base.json` changes the JavaScript esbuild writes: class fields are defined, imports kept as written. */
const TSCONFIG = { compilerOptions: { target: "ES2022", useDefineForClassFields: true, verbatimModuleSyntax: true } }

/** @type {import("node:module").ResolveHook} */
export const resolve = async (specifier, context, nextResolve) => {
  try {
    return await nextResolve(specifier, context)
  } catch (error) {
    const relative = specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("file:") || specifier.startsWith("/")
    const fromTypeScript = context.parentURL !== undefined && TYPESCRIPT.test(new URL(context.parentURL).pathname)
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !relative || !fromTypeScript || !/\.m?js$/u.test(specifier)) throw error
    return nextResolve(specifier.replace(/js$/u, "ts"), context)
  }
}

/** @type {import("node:module").LoadHook} */
export const load = async (url, context, nextLoad) => {
  if (!url.startsWith("file:") || !TYPESCRIPT.test(new URL(url).pathname)) return nextLoad(url, context)
  const file = fileURLToPath(url)
  const { code } = await transform(await readFile(file, "utf8"), { loader: "ts", format: "esm", target: "node20", tsconfigRaw: TSCONFIG, sourcefile: file, sourcemap: "inline" })
  return { format: "module", source: code, shortCircuit: true }
}
