/**
 * Bulk writes through `COPY … FROM STDIN`: any text and any array of text come back as they
 * went in, and a unique violation in a copied batch is the conflict of the clashing row, with
 * nothing of the batch written.
 */
import { Conflict, GridImport, type Household, type HouseholdId, GridStore, IdGenerator, systemActor, UnitOfWork } from "@mulin/core"
import { generateCounty } from "@mulin/core/testing"
import { Effect, Layer } from "effect"
import fc from "fast-check"
import { describe, expect, it, inject } from "vitest"
import * as Postgres from "../src/index.js"
import { COPY_FROM } from "../src/internal/kernel/sql.js"
import { layerFresh, migratedTemplate } from "../testing/layer.js"

const server = inject("postgresUrl")
const template = await migratedTemplate(server, "copy")

const stores = () => Layer.fresh(layerFresh(server, template))

// PostgreSQL text holds any character but NUL.
const text = fc.string({ unit: fc.oneof(fc.constantFrom("\\", "\t", "\n", "\r", "\"", "{", "}", ",", " ", "NULL", "\\N", "'"), fc.string({ unit: "grapheme", maxLength: 2 })) })
  .map((s) => s.replaceAll("\u0000", ""))

describe("COPY FROM STDIN", () => {
  it("brings back any text, any array of text and NULL exactly as they were copied (property)", () =>
    Effect.runPromise(Effect.gen(function*() {
      const db = yield* Postgres.PostgresDatabase
      yield* db.query("CREATE TABLE copied (n int PRIMARY KEY, t text, a text[])")
      let n = 0
      yield* Effect.promise(() =>
        fc.assert(
          fc.asyncProperty(fc.array(fc.tuple(fc.option(text), fc.option(fc.array(fc.option(text), { maxLength: 4 }))), { minLength: 1, maxLength: 30 }), async (rows) => {
            const first = n
            const values = rows.map(([t, a]) => [n++, t, a])
            const copied = await Effect.runPromise(db.copy("copied", ["n", "t", "a"], values))
            expect(copied).toBe(rows.length)
            const back = await Effect.runPromise(db.query<{ t: string | null; a: Array<string | null> | null }>("SELECT t, a FROM copied WHERE n >= $1 ORDER BY n", [first]))
            expect(back.map((r) => [r.t, r.a])).toEqual(rows)
          }),
          { numRuns: 60 }
        ))
    }).pipe(Effect.provide(stores()), Effect.scoped)))

  it("reports a taken door number or id in a copied batch as the conflict of that household, and writes none of the batch", () =>
    Effect.runPromise(Effect.gen(function*() {
      const imported = yield* GridImport.use((i) => i.importCounty(systemActor("test"), generateCounty({ households: 120, seed: 3 })))
      const store = yield* GridStore
      const uow = yield* UnitOfWork
      const stored = (yield* store.listHouseholds(imported.countyId, { after: undefined, limit: 1 })).items[0]!
      const before = yield* store.countHouseholds(imported.countyId)
      const batch = (clash: Partial<Household>): Array<Household> =>
        Array.from({ length: COPY_FROM * 2 }, (_, i) => ({ ...stored, id: `hh_copy_${i}` as HouseholdId, code: `X${i}`, ...(i === COPY_FROM + 3 ? clash : {}) }))

      const door = yield* Effect.flip(uow.transaction(store.insertHouseholds(batch({ code: stored.code }))))
      expect(door).toBeInstanceOf(Conflict)
      expect((door as Conflict).reason).toBe("duplicate_code")
      expect((door as Conflict).message).toContain(stored.code)

      const id = yield* Effect.flip(uow.transaction(store.insertHouseholds(batch({ id: stored.id }))))
      expect((id as Conflict).reason).toBe("duplicate_id")
      expect((id as Conflict).message).toContain(stored.id)

      expect(yield* store.countHouseholds(imported.countyId)).toEqual(before)
      yield* uow.transaction(store.insertHouseholds(batch({})))
      expect((yield* store.countHouseholds(imported.countyId)).households).toBe(before.households + COPY_FROM * 2)
    }).pipe(Effect.provide(Layer.mergeAll(GridImport.layer).pipe(Layer.provideMerge(stores()), Layer.provide(IdGenerator.layer))), Effect.scoped)))
})
