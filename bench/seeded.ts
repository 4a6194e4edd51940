/**
 * What the benchmarks that seed a county share: a small seeded random generator, and the
 * full paths of a county's nodes at one depth (its communities at depth 2).
 */
import { mkdirSync, rmSync } from "node:fs"
import { join } from "node:path"
import type { GridNodeId } from "@mulin/core"

/** mulberry32: a small seeded generator with every bit of its output usable, in [0, 1). */
export const seededRandom = (start: number): (() => number) => {
  let seed = start
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

/** The full path (root first, the node last) of every node of `outline` at `depth`. */
export const pathsAtDepth = (outline: ReadonlyArray<{ readonly id: GridNodeId; readonly parentId: GridNodeId | null; readonly depth: number }>, depth: number): Array<Array<GridNodeId>> => {
  const byId = new Map(outline.map((n) => [n.id, n]))
  const pathOf = (id: GridNodeId): Array<GridNodeId> => {
    const out: Array<GridNodeId> = []
    for (let n = byId.get(id); n !== undefined; n = n.parentId === null ? undefined : byId.get(n.parentId)) out.unshift(n.id)
    return out
  }
  return outline.filter((n) => n.depth === depth).map((n) => pathOf(n.id))
}

/** Removes a SQLite file with its WAL and shared-memory files. */
export const removeDatabase = (path: string): void => {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true })
}

/** A fresh path for a benchmark's database in `bench/tmp`. */
export const freshDatabase = (name: string): string => {
  const dir = join(import.meta.dirname, "tmp")
  mkdirSync(dir, { recursive: true })
  const path = join(dir, name)
  removeDatabase(path)
  return path
}
