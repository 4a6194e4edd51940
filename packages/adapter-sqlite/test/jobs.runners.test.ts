/**
 * Two runners on one database: two child processes, each with its own connection to one
 * SQLite file, step through the same half day at once. Whether each runs what is due on its
 * own (the run keys keep periods apart) or under the lease, every period of the job runs
 * exactly once between them.
 */
import { Grid, IdGenerator, JobsStore, systemActor } from "@mulin/core"
import { spawn } from "node:child_process"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import * as Sqlite from "../src/index.js"
import { tempDir } from "./support.js"

const root = join(import.meta.dirname, "..", "..", "..")
const child = join(import.meta.dirname, "jobsRunnerChild.ts")
/** 2026-06-01 00:00 UTC. */
const T0 = Date.UTC(2026, 5, 1)
const STEPS = 72

/** Starts a runner: `ready` once it is up, `stepped(n)` once it has made n steps, `done` with the periods it ran. */
const runChild = (file: string, holder: string, mode: "free" | "lease") => {
  const proc = spawn(process.execPath, ["--conditions=@mulin/source", "--import", "tsx", child, file, holder, mode, String(T0)], { cwd: root, stdio: ["pipe", "pipe", "pipe"] })
  let out = ""
  let err = ""
  const waiting: Array<() => void> = []
  proc.stdout.on("data", (chunk: Buffer) => {
    out += chunk.toString()
    for (const wake of waiting.splice(0)) wake()
  })
  proc.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()))
  const until = (ok: () => boolean) => new Promise<void>((resolve) => {
    const check = () => (ok() ? resolve() : waiting.push(check))
    check()
  })
  const lines = () => out.split("\n").filter((l) => l !== "")
  const done = new Promise<Array<string>>((resolve, reject) => {
    proc.on("exit", (code) => {
      if (code !== 0 || lines().at(-1) !== "done") reject(new Error(`runner ${holder} failed (${code}): ${err}`))
      else resolve(lines().filter((l) => l.startsWith("ran ")).map((l) => l.slice(4)))
    })
  })
  return {
    ready: until(() => lines()[0] === "ready"),
    step: () => proc.stdin.write("step\n"),
    stepped: (n: number) => until(() => lines().filter((l) => l === "stepped").length >= n),
    end: () => proc.stdin.end(),
    done
  }
}

const prepare = (file: string) =>
  Effect.runPromise(Effect.gen(function*() {
    const grid = yield* Grid
    const county = yield* grid.createCounty(systemActor(), { code: "370812", name: "兖州区" })
    return county.id
  }).pipe(Effect.provide(Grid.layer.pipe(Layer.provideMerge(Layer.mergeAll(Sqlite.layer({ filename: file }), IdGenerator.layer))))))

const recorded = (file: string, countyId: string) =>
  Effect.runPromise(JobsStore.use((s) => s.listRuns({ countyId: countyId as never, limit: 1000 })).pipe(Effect.provide(Sqlite.layer({ filename: file }))))

describe("two runners on one SQLite file", () => {
  for (const mode of ["free", "lease"] as const) {
    it(`run each period once between them (${mode === "free" ? "each on its own, by the run keys" : "under the lease"})`, async () => {
      const file = join(tempDir(), `runners-${mode}.db`)
      const countyId = await prepare(file)
      const runners = [runChild(file, "runner-a", mode), runChild(file, "runner-b", mode)]
      await Promise.all(runners.map((r) => r.ready))
      // One wall clock: both runners make each step at once.
      for (let i = 1; i <= STEPS; i++) {
        for (const r of runners) r.step()
        await Promise.all(runners.map((r) => r.stepped(i)))
      }
      for (const r of runners) r.end()
      const [a, b] = await Promise.all(runners.map((r) => r.done)) as [Array<string>, Array<string>]
      const all = [...a, ...b]
      // Both did work: the periods were shared out between them, not all taken by one.
      expect(a.length > 0 && b.length > 0, `runner-a ran ${a.length}, runner-b ${b.length}`).toBe(true)
      // Every 10-minute period of the stepped span, none twice.
      const expected = Array.from({ length: STEPS }, (_, i) => new Date(T0 + (i + 1) * 600_000).toISOString())
      expect(new Set(all).size).toBe(all.length)
      expect([...all].sort()).toEqual(expected)
      const runs = await recorded(file, countyId)
      expect(runs.map((r) => r.periodKey).sort()).toEqual(expected)
      expect(runs.every((r) => r.status === "ok" && r.attempts === 1)).toBe(true)
    }, 60_000)
  }
})
