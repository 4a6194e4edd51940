/**
 * Shared test wiring: the grid use cases over a SQLite store, and throwaway directories.
 */
import { type Directory, type EventLog, Grid, type GridNode, type GridStore, IdGenerator, newGridNodeId, type UnitOfWork } from "@mulin/core"
import { Effect, Layer, type Scope } from "effect"
import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll } from "vitest"
import type { SqliteDatabase } from "../src/index.js"

export type Env = Grid | GridStore | Directory | EventLog | UnitOfWork | SqliteDatabase | IdGenerator | Scope.Scope

/** Runs `effect` with the use cases over `store`; the store is opened before and closed after. */
export const runWith = (store: Layer.Layer<GridStore | Directory | EventLog | UnitOfWork | SqliteDatabase, unknown>) =>
<A, E>(effect: Effect.Effect<A, E, Env>): Promise<A> =>
  Effect.runPromise(
    effect.pipe(
      Effect.scoped,
      Effect.provide(Grid.layer.pipe(Layer.provideMerge(Layer.mergeAll(store, IdGenerator.layer))))
    ) as Effect.Effect<A, unknown>
  )

/** A temporary directory, removed when the test file ends. */
export const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "mulin-sqlite-"))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A street-level child of `parent` that is not stored yet. */
export const childOf = (parent: GridNode, code: string): Effect.Effect<GridNode, never, IdGenerator> =>
  Effect.map(newGridNodeId, (id) => ({
    ...parent,
    id,
    parentId: parent.id,
    path: [...parent.path, parent.id],
    level: "street",
    depth: parent.depth + 1,
    code,
    name: code,
    partyOrganisation: null,
    version: 1
  }))
