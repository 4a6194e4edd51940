import { describe, expect, it } from "vitest"
import { budgetKiB, routes, routeSizes } from "../scripts/bundle-sizes.js"
import { consoleDist, ensureBuilt } from "../serve.js"

describe("the console's bundle", () => {
  it("keeps what each route loads (gzip) within its budget", () => {
    ensureBuilt(() => {})
    const sizes = routeSizes(consoleDist)
    expect(sizes.map((s) => s.route)).toEqual(Object.keys(routes))
    const over = sizes.filter((s) => s.gzipBytes > budgetKiB(s.route) * 1024).map((s) => `${s.route}: ${(s.gzipBytes / 1024).toFixed(1)} KiB > ${budgetKiB(s.route)} KiB`)
    expect(over).toEqual([])
  })
})
