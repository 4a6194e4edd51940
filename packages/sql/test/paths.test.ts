import * as fc from "fast-check"
import { describe, expect, it } from "vitest"
import { fromPath, scopeRange, toPath, upperBound } from "../src/index.js"

/** Ids as the core writes them: ASCII letters, digits and `_`. */
const id = fc.stringMatching(/^[A-Za-z0-9_]{1,12}$/)
const ids = fc.array(id, { maxLength: 6 })

describe("materialised paths", () => {
  it("read back the ids they were written from, root first", () => {
    fc.assert(fc.property(ids, (xs) => {
      expect(fromPath(toPath(xs))).toEqual(xs)
    }))
  })

  it("put every descendant inside its ancestor's range and nothing else there (property)", () => {
    fc.assert(fc.property(fc.array(id, { minLength: 1, maxLength: 4 }), ids, ids, (scope, below, other) => {
      const [lo, hi] = scopeRange(scope)
      const inside = (path: string) => path >= lo && path < hi
      expect(inside(toPath([...scope, ...below]))).toBe(true)
      const path = toPath(other)
      const descends = other.length >= scope.length && scope.every((x, i) => other[i] === x)
      expect(inside(path)).toBe(descends)
    }))
  })

  it("make the empty scope the whole store and bound a path's subtree just above it", () => {
    expect(scopeRange([])).toEqual(["", "~"])
    expect(toPath([])).toBe("")
    expect(fromPath("")).toEqual([])
    expect(upperBound("/a/b/")).toBe("/a/b0")
  })
})
