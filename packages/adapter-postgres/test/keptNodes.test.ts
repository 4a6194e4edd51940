/**
 * Inside a unit of work the ledger reads accounts with their nodes in one statement, and the
 * directory answers the scope check's place reads from them. What it answers must be what a
 * read would return: the node as this unit of work last wrote it, and outside a unit of work
 * always a fresh read (a node changed by another unit of work is seen at once).
 */
import { Directory, type GridNode, GridStore, Grid, IdGenerator, Points, PointsStore, UnitOfWork } from "@mulin/core"
import { buildTinyLedger } from "@mulin/core/testing"
import { Effect, Layer, Option } from "effect"
import { describe, expect, it, inject } from "vitest"
import * as Postgres from "../src/index.js"
import { layerFresh, migratedTemplate } from "../testing/layer.js"

const server = inject("postgresUrl")
const template = await migratedTemplate(server, "kept")

const run = <A, E>(effect: Effect.Effect<A, E, Grid | Points | GridStore | PointsStore | Directory | UnitOfWork | Postgres.PostgresDatabase>): Promise<A> =>
  Effect.runPromise(
    effect.pipe(
      Effect.provide(Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provideMerge(Layer.fresh(layerFresh(server, template))), Layer.provide(IdGenerator.layer))),
      Effect.scoped
    ) as Effect.Effect<A, unknown>
  )

/** The tiny ledger and the ports the cases use. */
const world = Effect.gen(function*() {
  const ledger = yield* buildTinyLedger()
  return { ledger, store: yield* PointsStore, grid: yield* GridStore, directory: yield* Directory, uow: yield* UnitOfWork, db: yield* Postgres.PostgresDatabase }
})

const renamed = (node: GridNode, name: string): GridNode => ({ ...node, name, version: node.version + 1 })

describe("nodes read along with accounts, on PostgreSQL", () => {
  it("answers the place of an account read in the same unit of work, and the node as renamed once the unit of work writes it", () =>
    run(Effect.gen(function*() {
      const { directory, grid, ledger, store, uow } = yield* world
      const account = ledger.people[0]
      const before = Option.getOrThrow(yield* grid.getNode(account.nodeId))
      const seen = yield* uow.transaction(Effect.gen(function*() {
        const [read] = yield* store.getAccounts([account.id])
        expect(read!.nodeId).toBe(account.nodeId)
        const first = Option.getOrThrow(yield* directory.getPlace(account.nodeId))
        yield* grid.updateNode(renamed(before, "改名之后"), before.version)
        const single = Option.getOrThrow(yield* directory.getPlace(account.nodeId))
        const many = yield* directory.getPlaces([account.nodeId, ledger.tiny.county.id])
        return { first, single, many }
      }))
      expect(seen.first).toEqual(before)
      expect(seen.single.name).toBe("改名之后")
      expect(seen.many.find((p) => p.id === account.nodeId)!.name).toBe("改名之后")
      expect(seen.many.map((p) => p.id).sort()).toEqual([account.nodeId, ledger.tiny.county.id].sort())
    })))

  it("reads the node again in a later unit of work, after another one renamed it", () =>
    run(Effect.gen(function*() {
      const { directory, grid, ledger, store, uow } = yield* world
      const account = ledger.people[1]
      yield* uow.transaction(Effect.flatMap(store.getAccount(account.id), () => directory.getPlace(account.nodeId)))
      const node = Option.getOrThrow(yield* grid.getNode(account.nodeId))
      yield* uow.transaction(grid.updateNode(renamed(node, "另一个名字"), node.version))
      const later = yield* uow.transaction(Effect.flatMap(store.getAccount(account.id), () => directory.getPlace(account.nodeId)))
      expect(Option.getOrThrow(later).name).toBe("另一个名字")
      expect(Option.getOrThrow(yield* directory.getPlace(account.nodeId)).name).toBe("另一个名字")
    })))

  it("answers the node as it is after a write that renamed it was rolled back to its savepoint", () =>
    run(Effect.gen(function*() {
      const { db, directory, grid, ledger, store, uow } = yield* world
      const account = ledger.people[2]
      const node = Option.getOrThrow(yield* grid.getNode(account.nodeId))
      const seen = yield* uow.transaction(Effect.gen(function*() {
        yield* store.getAccount(account.id)
        // A write that renames the node and then fails: its savepoint undoes the rename.
        const failed = yield* Effect.exit(db.write(grid.updateNode(renamed(node, "撤销的名字"), node.version).pipe(Effect.andThen(Effect.fail("refused")))))
        expect(failed._tag).toBe("Failure")
        const single = Option.getOrThrow(yield* directory.getPlace(account.nodeId))
        yield* store.getAccount(account.id)
        const again = Option.getOrThrow(yield* directory.getPlace(account.nodeId))
        return { single, again }
      }))
      expect(seen.single).toEqual(node)
      expect(seen.again).toEqual(node)
    })))
})
