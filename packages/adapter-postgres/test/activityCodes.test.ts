/**
 * Migration `0023_activity_codes` on a PostgreSQL database written before it: the plain
 * check-in code of an activity becomes its salted hash, computed as `Secrets.hash` does, so
 * the code printed for the activity still matches; the plain code is nowhere in the row.
 */
import { ServiceActivity } from "@mulin/core"
import { activityBeforeCodeHashes, checkInCodeHash } from "@mulin/core/testing"
import { Schema } from "effect"
import pg from "pg"
import { describe, expect, inject, it } from "vitest"
import { migrate, migrations } from "../src/internal/kernel/migrations.js"
import { createDatabase } from "../testing/server.js"

const server = inject("postgresUrl")

describe("migration 0023_activity_codes on PostgreSQL", () => {
  it("replaces each activity's plain check-in code by its salted hash; the same code still matches", async () => {
    const pool = new pg.Pool({ connectionString: await createDatabase(server, "codes"), max: 2 })
    try {
      await migrate(pool, "2026-01-01T00:00:00.000Z", migrations.filter((m) => m.name < "0023"))
      const old = activityBeforeCodeHashes("482913", "node_01KT00000000000000000000C0", "node_01KT00000000000000000000X0")
      await pool.query("INSERT INTO activities (county_id, id, path, kind, team_id, starts_at, status, version, doc) VALUES ('node_01KT00000000000000000000C0', $1, '/node_01KT00000000000000000000C0/node_01KT00000000000000000000X0/', 'night_school', NULL, $2, 'planned', 3, $3)", [old.id, old.startsAt, JSON.stringify(old)])
      expect(await migrate(pool, "2026-01-02T00:00:00.000Z")).toContain("0023_activity_codes")
      const { rows } = await pool.query<{ doc: string }>("SELECT doc FROM activities")
      expect(rows[0]!.doc).not.toContain("482913")
      const migrated = Schema.decodeUnknownSync(ServiceActivity)(JSON.parse(rows[0]!.doc))
      expect(migrated).toMatchObject({ wrongCodes: [], version: 3, title: "夜校" })
      expect(migrated.codeHash).toBe(await checkInCodeHash("482913", migrated.codeSalt))
    } finally {
      await pool.end()
    }
  })
})
