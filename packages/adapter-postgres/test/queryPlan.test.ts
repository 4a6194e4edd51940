/**
 * The ledger finds the issuer above an account from the partial index of accounts without a
 * holder, as the port's contract requires: with 100,000 person accounts in the county,
 * PostgreSQL's planner, left to its own costs, reads `points_accounts_node` and not the table.
 */
import { Grid, IdGenerator, Points, PointsStore } from "@mulin/core"
import { buildTinyLedger } from "@mulin/core/testing"
import { Effect, Layer } from "effect"
import { describe, expect, it, inject } from "vitest"
import * as Postgres from "../src/index.js"
import { ACCOUNTS_AT } from "../src/internal/points/store.js"
import { layerFresh, migratedTemplate } from "../testing/layer.js"

const server = inject("postgresUrl")
const template = await migratedTemplate(server, "plans")

const run = <A, E>(effect: Effect.Effect<A, E, Grid | Points | PointsStore | Postgres.PostgresDatabase>): Promise<A> =>
  Effect.runPromise(
    effect.pipe(
      Effect.provide(Layer.mergeAll(Grid.layer, Points.layer).pipe(Layer.provideMerge(Layer.fresh(layerFresh(server, template))), Layer.provide(IdGenerator.layer))),
      Effect.scoped
    ) as Effect.Effect<A, unknown>
  )

describe("query plans on PostgreSQL", () => {
  it("finds the issuer at a node from the partial index, with 100,000 person accounts in the county", () =>
    run(Effect.gen(function*() {
      const ledger = yield* buildTinyLedger()
      const db = yield* Postgres.PostgresDatabase
      const store = yield* PointsStore
      const county = ledger.tiny.county.id
      const node = ledger.people[0].nodeId
      yield* db.send(
        `INSERT INTO points_accounts (county_id, id, node_id, path, kind, owner_id, name, floor, posted, held, created_at)
         SELECT $1, 'acct_bulk' || g, $2, 'bulk', 'person', 'per_bulk' || g, '居民' || g, 0, 0, 0, '2026-06-01T00:00:00.000Z'
         FROM generate_series(1, 100000) AS g`,
        [county, node]
      )
      yield* db.send("ANALYZE points_accounts")
      const plan = (yield* db.query<{ "QUERY PLAN": string }>(`EXPLAIN ${ACCOUNTS_AT}`, [county, [node, county], "issuer"])).map((r) => r["QUERY PLAN"]).join("\n")
      expect(plan).toMatch(/Index (Only )?Scan using points_accounts_node|Bitmap Index Scan on points_accounts_node/)
      expect(plan).not.toMatch(/Seq Scan/)
      // And the port answers the county's issuer through it.
      const found = yield* store.accountsAt(county, [node, county], "issuer")
      expect(found.map((a) => a.id)).toEqual([ledger.issuer.id])
    })), 60_000)
})
