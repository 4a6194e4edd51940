import { Effect, Exit, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { Grid, IdGenerator, type SheetExport, SheetExports, systemActor } from "@mulin/core"
import { buildTinyCounty, layerMemory } from "@mulin/core/testing"

const sheetOf = (name: string): SheetExport => ({
  name,
  en: "Test",
  zh: "测试",
  sheets: (q) => Effect.succeed([{ name: "期间", columns: [{ key: "from", en: "From", zh: "开始" }, { key: "to", en: "To", zh: "结束" }, { key: "zone", en: "Zone", zh: "时区" }], rows: [{ from: q.from, to: q.to, zone: q.timeZone }] }])
})

const build = (exports: ReadonlyArray<SheetExport>) =>
  Effect.runPromiseExit(Effect.gen(function*() {
    const tiny = yield* buildTinyCounty()
    const registry = yield* SheetExports
    return yield* registry.run(systemActor(), "period", tiny.county.id, { from: "2026-03-01", to: "2026-03-31" })
  }).pipe(Effect.provide(SheetExports.layer([Effect.succeed(exports)]).pipe(
    Layer.provideMerge(Grid.layer),
    Layer.provideMerge(layerMemory()),
    Layer.provideMerge(IdGenerator.layer)
  ))))

describe("the exports registry", () => {
  it("runs an export over the period asked, in the county's calendar", async () => {
    const exit = await build([sheetOf("period")])
    if (!Exit.isSuccess(exit)) throw new Error(String(exit.cause))
    expect(exit.value.sheets[0]!.rows).toEqual([{ from: "2026-03-01", to: "2026-03-31", zone: "Asia/Shanghai" }])
  })

  it("refuses two exports of one name, and a name that is not lower case words joined by -", async () => {
    expect(Exit.isFailure(await build([sheetOf("period"), sheetOf("period")]))).toBe(true)
    expect(Exit.isFailure(await build([sheetOf("period"), sheetOf("Bad Name")]))).toBe(true)
  })
})
