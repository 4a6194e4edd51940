/**
 * The kernel's idempotency records on SQLite (`idempotency_keys`): the first result of a
 * command by actor and key. A second save with the same key fails, whatever process
 * attempts it, on the primary key.
 */
import { conflict, IdempotencyStore } from "@mulin/core"
import { Option } from "effect"
import type { SqliteDatabase } from "../../SqliteDatabase.js"
import { conflictsOnly } from "./errors.js"
import { getRow, type Prepared, raw, type Row } from "./statements.js"

const FIND: Prepared<Pick<Row<"idempotency_keys">, "fingerprint" | "result" | "at">> = raw(
  "SELECT fingerprint, result, at FROM idempotency_keys WHERE actor_id = ? AND key = ?"
)
const SAVE = "INSERT INTO idempotency_keys (actor_id, key, fingerprint, result, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"

/** Makes the idempotency store over an open database. */
export const makeIdempotencyStore = (db: SqliteDatabase["Service"]): IdempotencyStore["Service"] =>
  IdempotencyStore.of({
    find: (actorId, key) =>
      db.read((s) => {
        const r = getRow(s, FIND, actorId, key)
        return r === undefined ? Option.none() : Option.some({ actorId, key, fingerprint: r.fingerprint, result: JSON.parse(r.result) as unknown, at: r.at })
      }),
    save: (record) =>
      db.write((s) => {
        const changed = s.prepare(SAVE).run(record.actorId, record.key, record.fingerprint, JSON.stringify(record.result), record.at).changes
        if (changed === 0) throw conflict("idempotency_key_reused", `idempotency key ${record.key} was already used`, `幂等键 ${record.key} 已被使用`)
      }, conflictsOnly)
  })
