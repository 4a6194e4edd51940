/**
 * The child process of the delivery crash test: opens the file database and runs the
 * dispatcher every 20 ms, printing `ready` and then `pass <delivered>` after each pass,
 * until it is killed. Arguments: database file, lease in seconds (default 1).
 */
import { Directory, GridStore, IdGenerator, NotificationChannels, Notifications, NotificationStore, UnitOfWork } from "@mulin/core"
import { Effect, Layer } from "effect"
import * as Sqlite from "../src/index.js"

const [file, lease = "1"] = process.argv.slice(2) as [string, string?]

const program = Effect.gen(function*() {
  const n = yield* Notifications
  process.stdout.write("ready\n")
  for (;;) {
    const run = yield* n.deliverDue(new Date().toISOString())
    process.stdout.write(`pass ${run.delivered}\n`)
    yield* Effect.sleep(20)
  }
})

const services = Notifications.layer({ leaseSeconds: Number(lease), concurrency: 8, batchSize: 16, webhook: { targets: { allow: ["127.0.0.1/32"] } } }).pipe(
  Layer.provide(Sqlite.layer({ filename: file }) as Layer.Layer<NotificationStore | GridStore | Directory | UnitOfWork>),
  Layer.provide(IdGenerator.layer)
)

Effect.runPromise(program.pipe(Effect.provide(services), Effect.provideService(NotificationChannels, []))).catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`)
  process.exit(1)
})
