/**
 * The child process of the crash test: applies linked pairs of transfers to a file
 * database through the `Points` use cases and prints `committed <n>` after each commit,
 * until it is killed. Arguments: database file, run tag, issuer, person, charity account ids.
 */
import { IdGenerator, Points, systemActor, type AccountId, type TransferId } from "@mulin/core"
import { Effect, Layer } from "effect"
import * as Sqlite from "../src/index.js"

const [file, tag, issuer, person, charity] = process.argv.slice(2) as [string, string, AccountId, AccountId, AccountId]
const sys = systemActor()

const program = Effect.gen(function*() {
  const points = yield* Points
  process.stdout.write("ready\n")
  for (let i = 0; ; i++) {
    yield* points.commitBatch(sys, { transfers: [
      { id: `${tag}-${i}-a` as TransferId, debitAccountId: issuer, creditAccountId: person, amount: 3, code: "transfer" },
      { id: `${tag}-${i}-b` as TransferId, debitAccountId: person, creditAccountId: charity, amount: 2, code: "donate" }
    ] })
    process.stdout.write(`committed ${i}\n`)
  }
})

Effect.runPromise(program.pipe(Effect.provide(Points.layer.pipe(Layer.provide([Sqlite.layer({ filename: file }), IdGenerator.layer]))))).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
