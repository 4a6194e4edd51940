/**
 * The child process of the two-runners test: a runner of one job (every 10 minutes) on a
 * file database. Each `step` line on stdin moves its test clock 10 minutes on and runs what
 * is due, either on its own (`free`: the run keys keep periods apart) or under the lease
 * (`lease`); the parent steps both runners together, as one wall clock would. It prints
 * `ran <period key>` each time the job's work runs, `stepped` after each step, and `done`
 * when stdin ends. Arguments: database file, holder, mode, start (ms).
 */
import { IdGenerator, type JobName, Jobs, layerKernel } from "@mulin/core"
import { Effect, Layer, Queue } from "effect"
import { TestClock } from "effect/testing"
import * as Sqlite from "../src/index.js"

const [file, holder, mode, start] = process.argv.slice(2) as [string, string, "free" | "lease", string]

const busy = (ms: number) => {
  const until = performance.now() + ms
  while (performance.now() < until) { /* hold the period for a while, as real work does */ }
}

const jobs = Jobs.layer([{
  name: "test.every-ten" as JobName,
  schedule: "*/10 * * * *",
  run: (_, period) => Effect.sync(() => {
    busy(3)
    process.stdout.write(`ran ${period.key}\n`)
    return { processed: 1, changed: 1 }
  })
}], { leaseMillis: 5 * 60_000 })

const program = Effect.gen(function*() {
  const runner = yield* Jobs
  const steps = yield* Queue.unbounded<"step" | "end">()
  let buffer = ""
  process.stdin.setEncoding("utf8")
  process.stdin.on("data", (chunk: string) => {
    buffer += chunk
    let nl: number
    while ((nl = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, nl)
      buffer = buffer.slice(nl + 1)
      if (line === "step") Queue.offerUnsafe(steps, "step")
    }
  })
  process.stdin.on("end", () => Queue.offerUnsafe(steps, "end"))
  yield* TestClock.setTime(Number(start))
  process.stdout.write("ready\n")
  while ((yield* Queue.take(steps)) === "step") {
    yield* TestClock.adjust("10 minutes")
    if (mode === "free") yield* runner.runDue()
    else yield* runner.tick(holder)
    process.stdout.write("stepped\n")
  }
  process.stdout.write("done\n")
})

Effect.runPromise(program.pipe(
  Effect.provide(jobs.pipe(Layer.provide(layerKernel), Layer.provideMerge(Layer.mergeAll(Sqlite.layer({ filename: file }), IdGenerator.layer)))),
  Effect.provide(TestClock.layer())
)).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
