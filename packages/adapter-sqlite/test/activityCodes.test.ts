/**
 * Migration `0023_activity_codes` on a database written before it: the plain check-in code
 * of an activity becomes its salted hash, the code printed for the activity still checks a
 * resident in, and the plain code is nowhere in the row.
 */
import { ServiceActivity } from "@mulin/core"
import { activityBeforeCodeHashes, checkInCodeHash } from "@mulin/core/testing"
import Database from "better-sqlite3"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { migrate, migrations } from "../src/internal/kernel/migrations.js"

describe("migration 0023_activity_codes on SQLite", () => {
  it("replaces each activity's plain check-in code by its salted hash; the same code still matches", async () => {
    const db = new Database(":memory:")
    try {
      migrate(db, "2026-01-01T00:00:00.000Z", migrations.filter((m) => m.name < "0023"))
      const old = activityBeforeCodeHashes("482913", "node_01KT00000000000000000000C0", "node_01KT00000000000000000000X0")
      db.prepare("INSERT INTO activities (id, county_id, path, kind, team_id, starts_at, status, version, doc) VALUES (?, 'node_01KT00000000000000000000C0', '/node_01KT00000000000000000000C0/node_01KT00000000000000000000X0/', 'night_school', NULL, ?, 'planned', 3, ?)")
        .run(old.id, old.startsAt, JSON.stringify(old))
      expect(migrate(db, "2026-01-02T00:00:00.000Z")).toContain("0023_activity_codes")
      const doc = (db.prepare("SELECT doc FROM activities").get() as { doc: string }).doc
      expect(doc).not.toContain("482913")
      const migrated = Schema.decodeUnknownSync(ServiceActivity)(JSON.parse(doc))
      expect(migrated).toMatchObject({ wrongCodes: [], version: 3, title: "夜校" })
      expect(migrated.codeHash).toBe(await checkInCodeHash("482913", migrated.codeSalt))
    } finally {
      db.close()
    }
  })
})
