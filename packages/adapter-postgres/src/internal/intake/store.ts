/**
 * The intake port on PostgreSQL: requests whole as JSON in `doc`, with the materialised path,
 * the reference (unique per county), the status, channel, category, target and time of
 * intake beside it; the day's serial numbers taken with one upsert in the unit of work's
 * transaction (concurrent intakes of a county wait on the day's row; a serialisable unit of
 * work that loses the race runs again and takes the next number); the guards on wrong follow
 * codes, in the county of their request; the counties' configurations.
 */
import { type FollowGuard, type IntakeRequestId, IntakeStore, StoredIntakeRequest } from "@mulin/core"
import { intakeConfigs, intakeRequests } from "@mulin/sql"
import { Effect, Option, Schema } from "effect"
import type { PostgresDatabase } from "../../PostgresDatabase.js"
import { configTable, documentTable, Filter } from "../kernel/documents.js"

const decodeRequest = Schema.decodeUnknownSync(StoredIntakeRequest)
const NEXT_SERIAL = "INSERT INTO intake_serials (county_id, day, serial) VALUES ($1, $2, 1) " +
  "ON CONFLICT (county_id, day) DO UPDATE SET serial = intake_serials.serial + 1 RETURNING serial"
const SAVE_GUARD = "INSERT INTO intake_follow_guards (county_id, request_id, failures, window_start, locked_until) " +
  "SELECT county_id, id, $2, $3, $4 FROM intake_requests WHERE id = $1 " +
  "ON CONFLICT (county_id, request_id) DO UPDATE SET failures = excluded.failures, window_start = excluded.window_start, locked_until = excluded.locked_until"

/** Makes the intake store over an open database. */
export const makeIntakeStore = (db: PostgresDatabase["Service"]): IntakeStore["Service"] => {
  const configs = configTable(db, intakeConfigs)
  const requests = documentTable(db, intakeRequests)
  const one = (rows: ReadonlyArray<{ readonly doc: string }>) => (rows.length === 0 ? Option.none<StoredIntakeRequest>() : Option.some(decodeRequest(JSON.parse(rows[0]!.doc))))
  return IntakeStore.of({
    getConfig: configs.get,
    saveConfig: configs.save,
    nextSerial: (countyId, date) => db.write(Effect.map(db.query<{ serial: number }>(NEXT_SERIAL, [countyId, date]), (rows) => rows[0]!.serial)),
    get: requests.get,
    getByReference: (countyId, reference) =>
      Effect.map(db.query<{ doc: string }>("SELECT doc FROM intake_requests WHERE county_id = $1 AND reference = $2", [countyId, reference]), one),
    routedTo: (targetId) =>
      Effect.map(db.query<{ doc: string }>("SELECT doc FROM intake_requests WHERE target_id = $1 ORDER BY id LIMIT 1", [targetId]), one),
    insert: requests.insert,
    update: requests.update,
    list: ({ after, category, channel, limit, scope, status }) =>
      requests.page(new Filter(scope).eq("status", status).eq("channel", channel).eq("category", category), after, limit),
    getGuard: (id) =>
      Effect.map(
        db.query<{ request_id: IntakeRequestId; failures: number; window_start: string; locked_until: string | null }>(
          "SELECT request_id, failures, window_start, locked_until FROM intake_follow_guards WHERE request_id = $1",
          [id]
        ),
        (rows) => {
          const row = rows[0]
          return row === undefined
            ? Option.none<FollowGuard>()
            : Option.some<FollowGuard>({ requestId: row.request_id, failures: row.failures, windowStart: row.window_start, lockedUntil: row.locked_until })
        }
      ),
    saveGuard: (guard) => db.write(Effect.asVoid(db.change(SAVE_GUARD, [guard.requestId, guard.failures, guard.windowStart, guard.lockedUntil])))
  })
}
