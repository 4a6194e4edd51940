import { Effect, Layer } from "effect"
import { describe, expect, it } from "vitest"
import { GridImport, IdGenerator, type ImportRejected, systemActor } from "@mulin/core"
import { layerMemory } from "@mulin/core/memory"

const nodes = "路径,名称,层级\r\n370812,兖州区,county\r\n370812/001,鼓楼街道,street\r\n370812/001/001,东方社区,community\r\n"
const run = (people: string) =>
  Effect.runPromise(Effect.result(GridImport.use((i) => i.importCounty(systemActor(), { nodes, people })).pipe(
    Effect.provide(GridImport.layer.pipe(Layer.provide([layerMemory(), IdGenerator.layer])))
  )))

describe("the import's headers", () => {
  it("accepts the Chinese headers counties' ledgers use besides the format's own (编号, 手机号)", async () => {
    const r = await run("编号,姓名,手机号,所属节点路径\r\nWG1,文广林,18970431662,370812/001/001\r\n")
    expect(r._tag).toBe("Success")
  })

  it("refuses an alias of a column the file does not have, naming the header", async () => {
    const r = await run("人员编号,姓名,身份证,所属节点路径\r\nWG1,文广林,370812196208275493,370812/001/001\r\n")
    if (r._tag === "Success") throw new Error("expected a rejection")
    expect((r.failure as ImportRejected).issues).toEqual([expect.objectContaining({ file: "people.csv", row: 1, column: "身份证" })])
  })
})
