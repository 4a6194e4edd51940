import { Effect, Schema, Result } from "effect"
import { it } from "vitest"
import { IdGenerator, Phone, IdCardNumber, Text, Relation } from "@mulin/core"

it("bench", async () => {
  const T40 = Text(40)
  const names = Array.from({ length: 200000 }, (_, i) => "张三" + (i % 100))
  const phones = Array.from({ length: 200000 }, (_, i) => "138" + String(10000000 + i))
  let t = performance.now()
  const isT = Schema.is(T40)
  let ok = 0
  for (const n of names) if (isT(n)) ok++
  console.log("is Text", (performance.now() - t) / 200, "us/op")
  t = performance.now()
  const decT = Schema.decodeUnknownResult(T40)
  for (const n of names) if (Result.isSuccess(decT(n))) ok++
  console.log("decodeResult Text", (performance.now() - t) / 200, "us/op")
  t = performance.now()
  const isP = Schema.is(Phone)
  for (const n of phones) if (isP(n)) ok++
  console.log("is Phone", (performance.now() - t) / 200, "us/op")
  const decP = Schema.decodeUnknownResult(Phone)
  t = performance.now()
  for (const n of phones) if (Result.isSuccess(decP(n))) ok++
  console.log("decodeResult Phone", (performance.now() - t) / 200, "us/op")
  const isR = Schema.is(Relation)
  t = performance.now()
  for (const n of names) if (isR(n)) ok++
  console.log("is Relation", (performance.now() - t) / 200, "us/op")
  const Row = Schema.Struct({ name: T40, phone: Phone, relation: Relation })
  const decRow = Schema.decodeUnknownResult(Row)
  t = performance.now()
  for (let i = 0; i < 200000; i++) decRow({ name: names[i], phone: phones[i], relation: "head" })
  console.log("decodeResult Row", (performance.now() - t) / 200, "us/op")

  const n = 500000
  const prog = Effect.gen(function*() {
    const ids = yield* IdGenerator
    let t = performance.now()
    const a = yield* Effect.replicateEffect(ids.ulid, n)
    console.log("replicateEffect ulid", (performance.now() - t) * 1000 / n, "us/op", a.length)
    t = performance.now()
    const arr: string[] = []
    for (let i = 0; i < n; i++) arr.push(yield* ids.ulid)
    console.log("loop yield ulid", (performance.now() - t) * 1000 / n, "us/op")
    t = performance.now()
    const b = yield* Effect.all(Array.from({ length: n }, () => ids.ulid))
    console.log("Effect.all ulid", (performance.now() - t) * 1000 / n, "us/op", b.length)
  })
  await Effect.runPromise(prog.pipe(Effect.provide(IdGenerator.layer)))
}, 120000)
