/**
 * Module hooks for `register.mjs`: a `.ts` module is compiled by esbuild (types stripped,
 * nothing else changed) and loaded as an ES module; a relative import written `./x.js`, as
 * TypeScript sources write them, finds `./x.ts` when there is no `./x.js`.
 */
import { readFile } from "node:fs/promises"
import { fileURLToPath } from "node:url"
import { transform } from "esbuild"

const TYPESCRIPT = /\.[cm]?ts$/u

/** @type {import("node:module").ResolveHook} */
export const resolve = async (specifier, context, nextResolve) => {
  try {
    return await nextResolve(specifier, context)
  } catch (error) {
    const relative = specifier.startsWith("./") || specifier.startsWith("../") || specifier.startsWith("file:") || specifier.startsWith("/")
    const fromTypeScript = context.parentURL !== undefined && TYPESCRIPT.test(new URL(context.parentURL).pathname)
    if (error?.code !== "ERR_MODULE_NOT_FOUND" || !relative || !fromTypeScript || !/\.[cm]?js$/u.test(specifier)) throw error
    return nextResolve(specifier.replace(/js$/u, "ts"), context)
  }
}

/** @type {import("node:module").LoadHook} */
export const load = async (url, context, nextLoad) => {
  if (!url.startsWith("file:") || !TYPESCRIPT.test(new URL(url).pathname)) return nextLoad(url, context)
  const file = fileURLToPath(url)
  const cjs = file.endsWith(".cts")
  const { code } = await transform(await readFile(file, "utf8"), {
    loader: "ts",
    format: cjs ? "cjs" : "esm",
    target: "node20",
    sourcefile: file,
    sourcemap: "inline"
  })
  return { format: cjs ? "commonjs" : "module", source: code, shortCircuit: true }
}
