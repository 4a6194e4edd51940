// Module resolution hooks for a child Node process: `vitest` and `fast-check` (and their
// subpaths) cannot be resolved, as in an application that installed neither.
const blocked = /^(vitest|fast-check)(\/|$)/u

export async function resolve(specifier, context, nextResolve) {
  if (blocked.test(specifier)) {
    const error = new Error(`Cannot find package '${specifier}' imported from ${context.parentURL ?? "the command line"}`)
    error.code = "ERR_MODULE_NOT_FOUND"
    throw error
  }
  return nextResolve(specifier, context)
}
