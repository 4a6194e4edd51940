/**
 * Migration `0023_activity_codes` on a database written before it: the plain check-in code
 * of an activity becomes its salted hash, the code printed for the activity still checks a
 * resident in, and the plain code is nowhere in the row.
 */
import { Secrets, ServiceActivity } from "@mulin/core"
import Database from "better-sqlite3"
import { Effect, Schema } from "effect"
import { describe, expect, it } from "vitest"
import { migrate, migrations } from "../src/internal/kernel/migrations.js"

/** An activity as 0.5.0 before the migration wrote it: the code in plain text. */
const legacyActivity = (code: string) => ({
  id: "act_01KT000000000000000000000A", countyId: "node_01KT00000000000000000000C0", nodeId: "node_01KT00000000000000000000X0", scope: ["node_01KT00000000000000000000C0", "node_01KT00000000000000000000X0"], placeId: null, kind: "night_school", title: "夜校",
  topic: null, teamId: null, organiser: { personId: "psn_01KT000000000000000000000A", name: "吴" }, startsAt: "2026-06-01T08:00:00.000Z", endsAt: "2026-06-01T10:00:00.000Z",
  capacity: null, registered: [], waiting: [], attended: [], hours: [], checkInCode: code, status: "planned", createdAt: "2026-05-01T00:00:00.000Z", version: 3
})

describe("migration 0023_activity_codes on SQLite", () => {
  it("replaces each activity's plain check-in code by its salted hash; the same code still matches", async () => {
    const db = new Database(":memory:")
    try {
      migrate(db, "2026-01-01T00:00:00.000Z", migrations.filter((m) => m.name < "0023"))
      const old = legacyActivity("482913")
      db.prepare("INSERT INTO activities (id, county_id, path, kind, team_id, starts_at, status, version, doc) VALUES (?, 'node_01KT00000000000000000000C0', '/node_01KT00000000000000000000C0/node_01KT00000000000000000000X0/', 'night_school', NULL, ?, 'planned', 3, ?)")
        .run(old.id, old.startsAt, JSON.stringify(old))
      expect(migrate(db, "2026-01-02T00:00:00.000Z")).toContain("0023_activity_codes")
      const doc = (db.prepare("SELECT doc FROM activities").get() as { doc: string }).doc
      expect(doc).not.toContain("482913")
      const migrated = Schema.decodeUnknownSync(ServiceActivity)(JSON.parse(doc))
      expect(migrated).toMatchObject({ wrongCodes: [], version: 3, title: "夜校" })
      const hash = await Effect.runPromise(Effect.gen(function*() {
        const secrets = yield* Secrets
        return yield* secrets.hash("482913", migrated.codeSalt)
      }))
      expect(migrated.codeHash).toBe(hash)
    } finally {
      db.close()
    }
  })
})
