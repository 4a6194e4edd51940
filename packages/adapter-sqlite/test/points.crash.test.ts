/**
 * Crash safety: a child process applies transfers to a file database (WAL) and reports
 * each commit; it is killed with SIGKILL at several moments. After reopening, every
 * reported transfer is there, no linked pair is half-applied, and `verify` passes.
 */
import { Grid, IdGenerator, Points, PointsStore, systemActor, type TransferId } from "@mulin/core"
import { buildTinyLedger } from "@mulin/core/testing"
import { spawn } from "node:child_process"
import { join } from "node:path"
import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import * as Sqlite from "../src/index.js"
import { tempDir } from "./support.js"

const root = join(import.meta.dirname, "..", "..", "..")
const child = join(import.meta.dirname, "pointsCrashChild.ts")
const sys = systemActor()

const withPoints = <A, E>(file: string, effect: Effect.Effect<A, E, Points | Grid>) =>
  Effect.runPromise(effect.pipe(Effect.provide(Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provide([Sqlite.layer({ filename: file }), IdGenerator.layer])))) as Effect.Effect<A, unknown>)

/** Runs the child until it has reported `after` commits (0: as soon as it is ready), then kills it; returns the reported commits. */
const runAndKill = (file: string, tag: string, accounts: ReadonlyArray<string>, after: number): Promise<Array<number>> =>
  new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ["--conditions=@mulin/source", "--import", "tsx", child, file, tag, ...accounts], { cwd: root, stdio: ["ignore", "pipe", "pipe"] })
    const committed: Array<number> = []
    let buffer = ""
    let stderr = ""
    let killed = false
    proc.stdout.setEncoding("utf8")
    proc.stdout.on("data", (chunk: string) => {
      buffer += chunk
      let nl: number
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        if (line.startsWith("committed ")) committed.push(Number(line.slice(10)))
        if (!killed && ((after === 0 && line === "ready") || (after > 0 && committed.length >= after))) {
          killed = true
          proc.kill("SIGKILL")
        }
      }
    })
    proc.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    proc.on("exit", (_, signal) => (signal === "SIGKILL" ? resolve(committed) : reject(new Error(`child exited without being killed: ${stderr}`))))
  })

describe("crash safety of the SQLite ledger", () => {
  it("keeps every reported transfer, applies linked pairs all or none, and verifies after SIGKILL at several moments", async () => {
    const file = join(tempDir(), "crash.db")
    const l = await withPoints(file, buildTinyLedger())
    const accounts = [l.issuer.id, l.people[0].id, l.charity.id]
    let total = 0
    for (const [run, after] of [0, 1, 40, 400].entries()) {
      const tag = `run${run}`
      const reported = await runAndKill(file, tag, accounts, after)
      expect(reported.length).toBeGreaterThanOrEqual(after)
      const found = await withPoints(file, Points.use((p) => p.verify(sys)))
      expect(found).toMatchObject({ ok: true, sum: 0, differences: [] })
      // Every reported pair is there, both halves; any unreported one is there whole or not at all.
      const max = (reported.at(-1) ?? -1) + 2
      const wanted = Array.from({ length: max + 1 }, (_, i) => [`${tag}-${i}-a`, `${tag}-${i}-b`]).flat() as Array<TransferId>
      const ids = new Set<string>(await Effect.runPromise(PointsStore.use((s) => s.getTransfers(wanted)).pipe(Effect.map((ts) => ts.map((t) => t.id)), Effect.provide(Sqlite.layer({ filename: file })))))
      for (const i of reported) {
        expect(ids.has(`${tag}-${i}-a`)).toBe(true)
        expect(ids.has(`${tag}-${i}-b`)).toBe(true)
      }
      for (let i = 0; i <= max; i++) expect(ids.has(`${tag}-${i}-a`)).toBe(ids.has(`${tag}-${i}-b`))
      total += reported.length
    }
    const balance = await withPoints(file, Points.use((p) => p.balance(sys, l.people[0].id)))
    expect(balance.posted).toBeGreaterThanOrEqual(total)
  }, 60_000)
})
