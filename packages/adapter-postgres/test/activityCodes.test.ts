/**
 * Migration `0023_activity_codes` on a PostgreSQL database written before it: the plain
 * check-in code of an activity becomes its salted hash, computed as `Secrets.hash` does, so
 * the code printed for the activity still matches; the plain code is nowhere in the row.
 */
import { Secrets, ServiceActivity } from "@mulin/core"
import { Effect, Schema } from "effect"
import pg from "pg"
import { describe, expect, inject, it } from "vitest"
import { migrate, migrations } from "../src/internal/kernel/migrations.js"
import { createDatabase } from "../testing/server.js"

const server = inject("postgresUrl")

const legacyActivity = (code: string) => ({
  id: "act_01KT000000000000000000000A", countyId: "node_01KT00000000000000000000C0", nodeId: "node_01KT00000000000000000000X0", scope: ["node_01KT00000000000000000000C0", "node_01KT00000000000000000000X0"], placeId: null, kind: "night_school", title: "夜校",
  topic: null, teamId: null, organiser: { personId: "psn_01KT000000000000000000000A", name: "吴" }, startsAt: "2026-06-01T08:00:00.000Z", endsAt: "2026-06-01T10:00:00.000Z",
  capacity: null, registered: [], waiting: [], attended: [], hours: [], checkInCode: code, status: "planned", createdAt: "2026-05-01T00:00:00.000Z", version: 3
})

describe("migration 0023_activity_codes on PostgreSQL", () => {
  it("replaces each activity's plain check-in code by its salted hash; the same code still matches", async () => {
    const pool = new pg.Pool({ connectionString: await createDatabase(server, "codes"), max: 2 })
    try {
      await migrate(pool, "2026-01-01T00:00:00.000Z", migrations.filter((m) => m.name < "0023"))
      const old = legacyActivity("482913")
      await pool.query("INSERT INTO activities (county_id, id, path, kind, team_id, starts_at, status, version, doc) VALUES ('node_01KT00000000000000000000C0', $1, '/node_01KT00000000000000000000C0/node_01KT00000000000000000000X0/', 'night_school', NULL, $2, 'planned', 3, $3)", [old.id, old.startsAt, JSON.stringify(old)])
      expect(await migrate(pool, "2026-01-02T00:00:00.000Z")).toContain("0023_activity_codes")
      const { rows } = await pool.query<{ doc: string }>("SELECT doc FROM activities")
      expect(rows[0]!.doc).not.toContain("482913")
      const migrated = Schema.decodeUnknownSync(ServiceActivity)(JSON.parse(rows[0]!.doc))
      expect(migrated).toMatchObject({ wrongCodes: [], version: 3, title: "夜校" })
      const hash = await Effect.runPromise(Effect.gen(function*() {
        const secrets = yield* Secrets
        return yield* secrets.hash("482913", migrated.codeSalt)
      }))
      expect(migrated.codeHash).toBe(hash)
    } finally {
      await pool.end()
    }
  })
})
