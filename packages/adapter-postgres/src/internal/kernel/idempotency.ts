/**
 * The kernel's idempotency records on PostgreSQL (`idempotency_keys`). Two requests racing
 * under one key: both look it up inside their serialisable units of work and find nothing;
 * the second insert then meets the first's row, PostgreSQL reports a serialisation failure,
 * and the runner runs the second unit of work again, which now finds the record and replays
 * it. A key saved twice in one unit of work is the `idempotency_key_reused` conflict.
 */
import { conflict, IdempotencyStore } from "@mulin/core"
import { Effect, Option } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"

/** Makes the idempotency store over an open database. */
export const makeIdempotencyStore = (db: PostgresDatabase["Service"]): IdempotencyStore["Service"] =>
  IdempotencyStore.of({
    find: (actorId, key) =>
      Effect.map(
        db.query<{ fingerprint: string; result: string; at: string }>("SELECT fingerprint, result, at FROM idempotency_keys WHERE actor_id = $1 AND key = $2", [actorId, key]),
        ([r]) => (r === undefined ? Option.none() : Option.some({ actorId, key, fingerprint: r.fingerprint, result: JSON.parse(r.result) as unknown, at: r.at }))
      ),
    save: (record) =>
      db.write(Effect.flatMap(
        db.change("INSERT INTO idempotency_keys (actor_id, key, fingerprint, result, at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING", [
          record.actorId,
          record.key,
          record.fingerprint,
          JSON.stringify(record.result),
          record.at
        ]),
        (changed) => (changed === 0 ? Effect.fail(conflict("idempotency_key_reused", `idempotency key ${record.key} was already used`, `幂等键 ${record.key} 已被使用`)) : Effect.void)
      ))
  })
