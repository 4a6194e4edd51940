/**
 * Migration `0023_activity_codes`: every activity's check-in code becomes its salted SHA-256
 * hash (as `Secrets.hash` computes it: the salt, a NUL, the code), with an empty count of
 * wrong codes. The code printed for an activity keeps working; the plain code is gone.
 */
import { createHash, randomBytes } from "node:crypto"
import type BetterSqlite3 from "better-sqlite3"

/** Hashes the plain check-in code of every activity that still holds one. */
export const migrateActivityCodes = (db: BetterSqlite3.Database): void => {
  const update = db.prepare("UPDATE activities SET doc = ? WHERE id = ?")
  for (const row of db.prepare("SELECT id, doc FROM activities").all() as Array<{ id: string; doc: string }>) {
    const { checkInCode, ...doc } = JSON.parse(row.doc) as { checkInCode?: unknown } & Record<string, unknown>
    if (typeof checkInCode !== "string") continue
    const salt = randomBytes(16).toString("base64url")
    const codeHash = createHash("sha256").update(`${salt}\u0000${checkInCode}`).digest("hex")
    update.run(JSON.stringify({ ...doc, codeHash, codeSalt: salt, wrongCodes: [] }), row.id)
  }
}
