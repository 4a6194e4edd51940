/**
 * `@mulin/core/memory` loads and runs in a Node process where `vitest` and `fast-check`
 * cannot be resolved, as in an application or a script that installed neither; the same
 * process cannot load `@mulin/core/testing`, so the check would catch an import of either.
 */
import { execFile } from "node:child_process"
import { dirname, join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { describe, expect, it } from "vitest"

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, "../../..")
const hooks = pathToFileURL(join(here, "support/without-test-deps.mjs")).href

/** Runs an ES module script in a child Node process with the blocking hooks and the source condition. */
const runWithoutTestDeps = (script: string): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        "--conditions=@mulin/source",
        "--import",
        "tsx",
        "--import",
        `data:text/javascript,import{register}from"node:module";register(${JSON.stringify(hooks)})`,
        "--input-type=module",
        "--eval",
        script
      ],
      { cwd: root, timeout: 50_000 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr })
    )
  })

describe("@mulin/core/memory", () => {
  it("loads and serves a grid where vitest and fast-check cannot be resolved", async () => {
    const result = await runWithoutTestDeps(`
      import { Effect, Layer } from "effect"
      import { layerMemory } from "@mulin/core/memory"
      import { Grid, IdGenerator, systemActor } from "@mulin/core"
      const county = await Effect.runPromise(
        Effect.flatMap(Grid, (g) => g.createCounty(systemActor(), { code: "370881", name: "曲阜市" })).pipe(
          Effect.provide(Grid.layer.pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layer))))
        )
      )
      console.log("county:" + county.name)
    `)
    expect(result.stderr).toBe("")
    expect(result.stdout.trim()).toBe("county:曲阜市")
    expect(result.code).toBe(0)
  }, 60_000)

  it("@mulin/core/fixtures too: a generated county and a tiny county where vitest and fast-check cannot be resolved", async () => {
    const result = await runWithoutTestDeps(`
      import { Effect, Layer } from "effect"
      import { layerMemory } from "@mulin/core/memory"
      import { buildTinyCounty, generateCounty } from "@mulin/core/fixtures"
      import { Grid, IdGenerator } from "@mulin/core"
      const files = generateCounty({ households: 20, seed: 3 })
      const tiny = await Effect.runPromise(
        buildTinyCounty("370881").pipe(Effect.provide(Grid.layer.pipe(Layer.provideMerge(Layer.mergeAll(layerMemory(), IdGenerator.layer)))))
      )
      console.log("households:" + files.households.length + " county:" + tiny.county.code)
    `)
    expect(result.stderr).toBe("")
    expect(result.stdout.trim()).toMatch(/^households:[1-9][0-9]* county:370881$/u)
    expect(result.code).toBe(0)
  }, 60_000)

  it("is the only one: @mulin/core/testing in the same process fails on the missing test libraries", async () => {
    const result = await runWithoutTestDeps(`import "@mulin/core/testing"`)
    expect(result.code).not.toBe(0)
    expect(result.stderr).toMatch(/Cannot find package '(vitest|fast-check)'/u)
  }, 60_000)
})
